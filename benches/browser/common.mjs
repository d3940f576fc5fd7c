// Shared by the browser benchmarks (run.mjs: the widget at the top of a page;
// lazy.mjs: the widget below the fold): a static server on 127.0.0.1 and
// statistics.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The q-quantile of `xs` (linear interpolation). */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};
export const median = (xs) => quantile(xs, 0.5);

/** One round of the reference work: random numbers into `values`, then a sum of products. */
function referenceRound(values, state) {
  let x = state.x;
  for (let i = 0; i < values.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    values[i] = (x >>> 0) / 4294967296;
  }
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[(i * 7) & 4095];
  state.x = x;
  return sum;
}

/** A fixed piece of JavaScript, the same work on every machine: 400 rounds over 4,096 numbers. */
function referenceWork() {
  const values = new Float64Array(4096);
  const state = { x: 1 };
  let sum = 0;
  for (let round = 0; round < 400; round++) sum += referenceRound(values, state);
  return sum;
}

/**
 * The machine the figures come from: the processor as /proc/cpuinfo names it
 * (family, model and stepping tell apart processors sold under one name, such
 * as "AMD EPYC"), its cores, and `reference_ms`, the median time of 9 runs of
 * one fixed piece of JavaScript in this Node.js, taken before the browser
 * starts. Two machines of the same kind can differ a lot in speed; the
 * reference time says how far, so figures taken on different machines can be
 * read side by side. A busy machine reads slower (docs/benchmarks.md).
 */
export function machine() {
  let cpuinfo = '';
  try {
    cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    // Not Linux: the processor stays unnamed, the reference time still says how fast.
  }
  const field = (name) => cpuinfo.match(new RegExp(`^${name}\\s*: (.*)$`, 'm'))?.[1].trim() ?? null;
  for (let i = 0; i < 3; i++) referenceWork();
  const times = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    referenceWork();
    times.push(performance.now() - start);
  }
  return {
    cpu: field('model name'),
    family: field('cpu family'),
    model: field('model'),
    stepping: field('stepping'),
    mhz: field('cpu MHz'),
    cores: availableParallelism(),
    reference_ms: median(times),
  };
}

/** One line for a report's heading: what `machine()` found. */
export const machineLine = (m) =>
  `${m.cpu ?? 'processor unknown'}${m.family ? ` (family ${m.family}, model ${m.model}, stepping ${m.stepping})` : ''}, ` +
  `${m.cores} cores${m.mhz ? ` at ${Math.round(Number(m.mhz))} MHz` : ''}; reference JavaScript ${m.reference_ms.toFixed(1)} ms`;

/** The files the one-tag loader may bring in (dist/FILES, but the loader itself), to serve from memory. */
export function engineFiles(dir) {
  const type = (file) => (file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8');
  const files = {};
  for (const file of readFileSync(join(dir, 'FILES'), 'utf8').split('\n').filter(Boolean)) {
    if (file !== 'stack-advisor.js') files[`/${file}`] = { type: type(file), body: readFileSync(join(dir, file)) };
  }
  return files;
}

/**
 * Serves `files` (path → {type, body}, read once, so a rebuild of dist/ during
 * the run cannot break it) on 127.0.0.1; `/` is `index`. The cross-origin
 * isolation headers give pages the finer performance.now(). With `gzip`,
 * every file goes out gzip -9 (as a blog's server would), so Resource
 * Timing's transferSize counts compressed bytes.
 */
export function serve(files, { index = '/bench.html', gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const file = files[path === '/' ? index : path];
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      return response.end('not found\n');
    }
    let body = file.body;
    const headers = {
      'content-type': file.type,
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
      'timing-allow-origin': '*',
    };
    if (gzip) {
      if (!compressed.has(path)) compressed.set(path, gzipSync(file.body, { level: 9 }));
      body = compressed.get(path);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    response.writeHead(200, headers);
    response.end(body);
  });
  return new Promise((resolveServer, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer(server));
  });
}

/**
 * One fresh load of `url` (bench.html) in a new context of `browser`: the
 * page's report, the object it logs as "bench:…" once it has its first
 * result. A new context per load shares nothing with the previous load but
 * the browser process (responses are no-store, so the bundle is fetched
 * anew). The page reports by console.log: waiting with page.waitForFunction
 * would inject Playwright's helpers into the page while it loads, and they
 * took about 20 ms of its main thread.
 */
export async function loadReport(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const message = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('bench:'), timeout: 20_000 });
    await page.goto(url, { waitUntil: 'commit' });
    const report = JSON.parse((await message).text().slice('bench:'.length));
    if (report.error) throw new Error(report.error);
    return report;
  } finally {
    await context.close();
  }
}
