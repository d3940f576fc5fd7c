// A TCP port that is free on 127.0.0.1 right now (the system picks it).
// The test configurations use it instead of fixed ports: on a machine where
// other checkouts run their tests too, a fixed port is taken, or worse, a
// server of another checkout answers on it.
import { createServer } from 'node:net';

/** @returns {Promise<number>} a port nobody listened on a moment ago */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The port in `process.env[name]`, or a free one stored there: Playwright
 * loads its configuration again in every worker, and the workers inherit the
 * environment, so all of them agree on the port the runner picked.
 * @param {string} name
 */
export async function portFromEnv(name) {
  if (!process.env[name]) process.env[name] = String(await freePort());
  return Number(process.env[name]);
}
