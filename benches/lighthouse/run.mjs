// Lighthouse (mobile preset, simulated throttling, Debian's Chromium) on the
// long demo article with the widget below the fold, and on the same article
// without the widget, alternately, --runs times each, served with gzip on
// 127.0.0.1. `make bench-lighthouse` installs Lighthouse here (its own
// package.json, outside `make test`) and runs this.
//
//   node benches/lighthouse/run.mjs [--runs 5] [--out target/bench/lighthouse.json]
//
// Prints the medians side by side: performance score, Total Blocking Time,
// Largest Contentful Paint, Cumulative Layout Shift, transferred bytes.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineFiles, median, serve } from '../browser/common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const LIGHTHOUSE = join(here, 'node_modules', '.bin', 'lighthouse');

function parseArgs(argv) {
  const o = { runs: 5, out: join(repo, 'target/bench/lighthouse.json') };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--runs') o.runs = Math.max(1, Number(argv[i + 1]));
    else if (argv[i] === '--out') o.out = resolve(argv[i + 1]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

/**
 * One Lighthouse run of `url`: the figures compared. Asynchronous: the pages'
 * server runs in this process and must keep answering meanwhile.
 */
async function lighthouse(url, scratch) {
  const out = join(scratch, 'report.json');
  await promisify(execFile)(LIGHTHOUSE, [url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${out}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180_000 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const audit = (id) => report.audits[id]?.numericValue;
  return {
    score: Math.round(report.categories.performance.score * 100),
    tbt_ms: audit('total-blocking-time'),
    lcp_ms: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
  };
}

const o = parseArgs(process.argv.slice(2));
const dist = join(repo, 'dist');
const withWidget = readFileSync(join(repo, 'benches', 'browser', 'lazy.html'), 'utf8');
const withoutWidget = withWidget
  .replace(/<stack-advisor[\s\S]*?<\/stack-advisor>\n/, '<p>Node.js for real-time and I/O-heavy services; Python for AI, data and science.</p>\n')
  .replace(/<script type="module" src="\.\/stack-advisor\.js"><\/script>\n/, '');
if (withoutWidget.includes('stack-advisor.js')) throw new Error('the page without the widget still loads it');
const html = 'text/html; charset=utf-8';
const server = await serve({
  '/with.html': { type: html, body: Buffer.from(withWidget) },
  '/without.html': { type: html, body: Buffer.from(withoutWidget) },
  '/stack-advisor.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(dist, 'stack-advisor.js')) },
  ...engineFiles(dist),
}, { index: '/with.html', gzip: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const scratch = mkdtempSync(join(tmpdir(), 'sa-lighthouse-'));
const runs = { with: [], without: [] };
try {
  for (let i = 0; i < o.runs; i++) {
    for (const page of ['with', 'without']) runs[page].push(await lighthouse(`${origin}/${page}.html`, scratch));
  }
} finally {
  server.close();
}
const medians = Object.fromEntries(Object.entries(runs).map(([page, rs]) => [page,
  Object.fromEntries(Object.keys(rs[0]).map((key) => [key, median(rs.map((r) => r[key]))]))]));
const version = execFileSync(LIGHTHOUSE, ['--version'], { encoding: 'utf8' }).trim();
const report = { benchmark: 'lighthouse', date: new Date().toISOString(), lighthouse: version, runs: o.runs, medians, all: runs };
mkdirSync(dirname(o.out), { recursive: true });
writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');
console.log(`\nLighthouse ${version}, mobile preset, ${o.runs} runs each, medians (JSON in ${o.out})`);
console.log('  page                       score   TBT ms   LCP ms     CLS   bytes');
for (const [page, m] of Object.entries(medians)) {
  console.log(`  ${(page === 'with' ? 'article + widget below' : 'article alone').padEnd(25)} ${String(m.score).padStart(6)} ${m.tbt_ms.toFixed(0).padStart(8)} ${m.lcp_ms.toFixed(0).padStart(8)} ${m.cls.toFixed(3).padStart(7)} ${String(Math.round(m.bytes)).padStart(7)}`);
}
