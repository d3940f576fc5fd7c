// End-to-end tests (tests/e2e/*.spec.mjs) in Debian's Chromium.
//
// Playwright's own browser download does not work here, so the tests drive
// /usr/bin/chromium (installed by scripts/bootstrap.sh). The site under test
// is dist/site (from `make build`), served by scripts/serve.mjs; pages in
// tests/e2e/fixtures/, if any, are served under /fixtures/, and the
// fault-injection engine (scripts/fault-site.sh) under /fault/.
import { defineConfig } from '@playwright/test';
import { portFromEnv } from './scripts/free-port.mjs';

// E2E_PORT, or a free port (never a fixed one another checkout may be using).
const PORT = await portFromEnv('E2E_PORT');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--disable-gpu',
  // The machine's network only reaches package registries: keep Chromium from
  // trying to reach Google (QUIC, updates, sync, field trials...).
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// Chromium's sandbox cannot start as root (CI runs as root).
if (typeof process.getuid === 'function' && process.getuid() === 0) chromiumArgs.push('--no-sandbox');

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  testIgnore: ['artifacts/**', 'fixtures/**'],
  outputDir: 'tests/e2e/artifacts/results',
  snapshotPathTemplate: 'tests/e2e/artifacts/snapshots/{testFilePath}/{arg}{ext}',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: Boolean(process.env.CI),
  // On CI (two cores, a fresh machine) a test that fails once is run once more and, if it then
  // passes, reported as "flaky" in the summary rather than failing the run; locally never.
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { outputFolder: 'tests/e2e/artifacts/report', open: 'never' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: chromiumArgs },
    // A trace only for a failed test's retry (CI): recording one for every test
    // snapshots the DOM at each action, which took a fifth of the suite's
    // processor time (docs/testing.md). Locally: `playwright test --trace on`.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    // The demo pages register a service worker (www/site/sw.js) that precaches the
    // site; these tests are about the widget, so keep it out of their request
    // logs. tests/consumers/offline.spec.mjs tests the worker.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --mount /fixtures=tests/e2e/fixtures --mount /fault=dist/fault`,
    url: `http://127.0.0.1:${PORT}/`,
    // Always our own server: one found on the port would be another checkout's.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
