// The site under test for the cross-browser suite: dist/site (from
// `make build`) and the e2e fixture pages under /fixtures/, on 127.0.0.1 at
// a port the OS picks. Like scripts/serve.mjs, plus two things a W3C
// WebDriver session cannot do by itself:
//
//   - every HTML page gets the error recorder (recorder.js) as its first
//     script, same-origin, so it runs under each page's own CSP: WebKit has
//     no BiDi, so the page itself keeps the errors for the test to read;
//   - every answer that is not 200 is remembered (`server.failures`), so a
//     page that quietly misses a file fails its test; /favicon.ico, which
//     browsers ask for by themselves, is answered 204 No Content.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const RECORDER_PATH = '/__browser-tests__/recorder.js';
export const RECORDER_SOURCE = readFileSync(new URL('./recorder.js', import.meta.url), 'utf8');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Puts the recorder's <script> right after <head>, before anything else on the page runs. */
export function withRecorder(html, tag = `<script src="${RECORDER_PATH}"></script>`) {
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('page without <head>: cannot add the error recorder');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n${tag}${html.slice(at)}`;
}

/**
 * Starts the server; resolves to `{ origin, failures, close() }`.
 * `failures` lists "<status> <path>" for every answer that was not 200.
 */
export function startSiteServer({ root = join(repo, 'dist', 'site'), mounts = { '/fixtures': join(repo, 'tests', 'e2e', 'fixtures') } } = {}) {
  const failures = [];
  const bases = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const locate = (pathname) => {
    for (const [prefix, dir] of bases) {
      if (pathname.startsWith(`${prefix}/`)) return [dir, pathname.slice(prefix.length)];
    }
    return [root, pathname];
  };
  const send = (response, status, type, body) => {
    // CORS as scripts/serve.mjs sends it: a sandboxed frame (an opaque origin) loads the engine too.
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*' });
    response.end(body);
  };
  const server = createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    } catch {
      failures.push(`400 ${request.url}`);
      return send(response, 400, 'text/plain', 'bad request\n');
    }
    if (pathname === RECORDER_PATH) return send(response, 200, MIME['.js'], RECORDER_SOURCE);
    // The browser's own icon request on the fixture pages, which cannot
    // declare a `data:` icon under their CSP: no icon, and not a failure.
    if (pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    const [base, rest] = locate(pathname);
    let file = normalize(join(base, rest));
    if (file !== base && !file.startsWith(base + sep)) {
      failures.push(`403 ${pathname}`);
      return send(response, 403, 'text/plain', 'forbidden\n');
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(response, 200, type, type.startsWith('text/html') ? withRecorder(body.toString('utf8')) : body);
    } catch {
      failures.push(`404 ${pathname}`);
      return send(response, 404, 'text/plain', `not found: ${pathname}\n`);
    }
  });
  return new Promise((resolveServer, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveServer({
        origin: `http://127.0.0.1:${port}`,
        failures,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}
