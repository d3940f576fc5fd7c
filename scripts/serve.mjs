// A tiny static file server for the demo site and the end-to-end tests.
// Node built-ins only; listens on 127.0.0.1.
//
//   node scripts/serve.mjs [--port 8080] [--root dist/site] [--mount /prefix=dir ...]
//
// The port also comes from $PORT (default 8080). `--mount` serves another
// directory under a URL prefix (e.g. test fixture pages next to the site).
// No caching headers: every reload sees the latest build.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The files any origin may read (Access-Control-Allow-Origin: *): what embed.html loads. */
const CORS = new Set(['.js', '.mjs', '.wasm', '.json']);

function parseArgs(argv) {
  const options = { port: Number(process.env.PORT || 8080), root: 'dist/site', mounts: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inlineValue] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inlineValue ?? argv[++i];
    if (flag === '--port' || flag === '-p') options.port = Number(value());
    else if (flag === '--root') options.root = value();
    else if (flag === '--mount') {
      const spec = value() ?? '';
      const at = spec.indexOf('=');
      if (!spec.startsWith('/') || at < 2) usage(`--mount expects /prefix=dir, got "${spec}"`);
      options.mounts.push({ prefix: spec.slice(0, at).replace(/\/+$/, ''), dir: spec.slice(at + 1) });
    } else if (/^\d+$/.test(arg)) options.port = Number(arg);
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown argument "${arg}"`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) usage('the port must be 0..65535');
  return options;
}

function usage(problem) {
  if (problem) console.error(`serve: ${problem}`);
  console.error('usage: node scripts/serve.mjs [--port N] [--root DIR] [--mount /prefix=DIR ...]');
  process.exit(problem ? 2 : 0);
}

const options = parseArgs(process.argv.slice(2));
const siteRoot = resolve(repo, options.root);
try {
  if (!statSync(siteRoot).isDirectory()) throw new Error();
} catch {
  console.error(`serve: ${relative(process.cwd(), siteRoot) || siteRoot} is not a directory; run \`make build\` first`);
  process.exit(1);
}
// Longest prefix first, so /a/b wins over /a.
const mounts = options.mounts
  .map(({ prefix, dir }) => ({ prefix, dir: resolve(repo, dir) }))
  .sort((a, b) => b.prefix.length - a.prefix.length);

function locate(pathname) {
  for (const { prefix, dir } of mounts) {
    if (pathname === prefix || pathname.startsWith(prefix + '/')) return [dir, pathname.slice(prefix.length)];
  }
  return [siteRoot, pathname];
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(body);
}

const server = createServer((request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  } catch {
    return send(response, 400, 'bad request\n');
  }
  if (pathname.includes('\0')) return send(response, 400, 'bad request\n');

  const [base, rest] = locate(pathname);
  let file = normalize(join(base, rest));
  if (file !== base && !file.startsWith(base + sep)) return send(response, 403, 'forbidden\n');

  let stats;
  try {
    stats = statSync(file);
    if (stats.isDirectory()) {
      if (!pathname.endsWith('/')) {
        return send(response, 301, '', { location: `${pathname}/` });
      }
      file = join(file, 'index.html');
      stats = statSync(file);
    }
  } catch {
    // Browsers ask for /favicon.ico by themselves for any page that declares
    // no icon (a 404 page, a JSON file, a page whose CSP forbids a data: icon),
    // and log the 404 as a console error, at a time of their choosing: it
    // could land in whatever page a test opens next. No content, no error.
    if (pathname === '/favicon.ico') return send(response, 204, '');
    return send(response, 404, `not found: ${pathname}\n`);
  }
  if (!stats.isFile()) return send(response, 404, `not found: ${pathname}\n`);

  const ext = extname(file).toLowerCase();
  response.writeHead(200, {
    'content-type': MIME[ext] ?? 'application/octet-stream',
    'content-length': stats.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The iframe mode's page (embed.html) runs in a sandboxed frame, an opaque
    // origin: its scripts, .wasm and matrices are CORS requests from "null"
    // (docs/embedding.md lists what a self-hoster's server sends).
    ...(CORS.has(ext) ? { 'access-control-allow-origin': '*' } : {}),
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
});

server.on('error', (error) => {
  console.error(`serve: ${error.code === 'EADDRINUSE' ? `port ${options.port} is already in use` : error.message}`);
  process.exit(1);
});

server.listen(options.port, '127.0.0.1', () => {
  const { port } = server.address();
  const shown = relative(repo, siteRoot) || '.';
  console.log(`Serving ${shown}/ at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  for (const { prefix, dir } of mounts) console.log(`  ${prefix}/ -> ${relative(repo, dir)}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
