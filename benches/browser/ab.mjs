// A/B comparison of two builds of the one-tag embed in headless Chromium, on
// a shared machine: the two builds are measured alternately, in rounds, so
// that whatever else runs on the machine weighs on both alike. Not part of
// `make bench`; docs/benchmarks.md has the figures it gave.
//
//   node benches/browser/ab.mjs --a DIR [--b dist] [--rounds 10] [--changes 20] [--loads 10]
//                               [--out target/bench/ab.json]
//
// DIR holds a build's files as dist/ does (dist/FILES and the files it
// lists); copy them aside before rebuilding to keep the old build. Both
// builds are served by this process from memory, each on its own port, with
// run.mjs's page (bench.html) and in-page measurements (bench.js):
//   1. input change → result rendered: one page per build, open side by
//      side; each round runs --changes changes (after 3 untimed ones) on A's
//      page, then on B's (B first in every other round);
//   2. first result: --loads fresh page loads of each build, alternately
//      (A B, then B A), one second apart, from the bundle's module start to
//      the element's first `stack-advisor-change`.
// The 1-minute load average is sampled after every round and load. Prints
// medians and 95th percentiles per build and writes them as JSON to --out.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import base from '../../playwright.config.mjs';
import { engineFiles, loadReport, machine, machineLine, median, quantile, serve } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const MODULE_START_MARK = 'globalThis.__benchModuleStart = performance.now();\n';
const SETTLE_MS = 1000;
const WARMUP = 3;

function parseArgs(argv) {
  const o = { a: null, b: join(repo, 'dist'), rounds: 10, changes: 20, loads: 10, out: join(repo, 'target/bench/ab.json') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--a' || flag === '--b') o[flag.slice(2)] = resolve(value);
    else if (flag === '--rounds') o.rounds = Math.max(1, Number(value));
    else if (flag === '--changes') o.changes = Math.max(1, Number(value));
    else if (flag === '--loads') o.loads = Math.max(0, Number(value));
    else if (flag === '--out') o.out = resolve(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!o.a) throw new Error('--a DIR (the build to compare against) is required');
  return o;
}

/** Serves one build (as run.mjs does) and returns its page's address and the server. */
async function serveBuild(dir) {
  const js = 'text/javascript; charset=utf-8';
  let bundle;
  try {
    bundle = readFileSync(join(dir, 'stack-advisor.js'));
  } catch {
    throw new Error(`${dir}/stack-advisor.js is missing`);
  }
  const server = await serve({
    '/bench.html': { type: 'text/html; charset=utf-8', body: readFileSync(join(here, 'bench.html')) },
    '/bench.js': { type: js, body: readFileSync(join(here, 'bench.js')) },
    '/stack-advisor.js': { type: js, body: Buffer.concat([Buffer.from(MODULE_START_MARK), bundle]) },
    ...engineFiles(dir),
  });
  return { server, url: `http://127.0.0.1:${server.address().port}/bench.html` };
}

/** A page of `url` with its first result shown, for the input changes. */
async function openPage(browser, url, errors) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForFunction(() => window.__bench && (window.__bench.firstResult !== null || window.__bench.error !== null), null, { timeout: 20_000 });
  const error = await page.evaluate(() => window.__bench.error);
  if (error) throw new Error(error);
  return page;
}

/** One fresh load of `url`: module start → first result, in ms (as run.mjs's first result). */
async function firstResult(browser, url) {
  const b = await loadReport(browser, url);
  return { ms: b.firstResult - b.moduleStart, defined_ms: b.firstResult - b.defined };
}

const stat = (xs) => (xs.length ? { n: xs.length, median: median(xs), p95: quantile(xs, 0.95), min: Math.min(...xs) } : null);

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const builds = { A: await serveBuild(o.a), B: await serveBuild(o.b) };
  const host = machine();
  const browser = await chromium.launch(base.use.launchOptions);
  const errors = [];
  const changes = { A: [], B: [] };
  const loads = { A: [], B: [] };
  const load = [];
  try {
    const pages = { A: await openPage(browser, builds.A.url, errors), B: await openPage(browser, builds.B.url, errors) };
    for (let round = 0; round < o.rounds; round++) {
      for (const k of round % 2 ? ['B', 'A'] : ['A', 'B']) {
        const samples = await pages[k].evaluate(async ([n, warmup]) => (await import('./bench.js')).interactions(n, warmup), [o.changes, WARMUP]);
        changes[k].push(...samples);
      }
      load.push(loadavg()[0]);
    }
    for (let i = 0; i < o.loads; i++) {
      for (const k of i % 2 ? ['B', 'A'] : ['A', 'B']) {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        loads[k].push(await firstResult(browser, builds[k].url));
      }
      load.push(loadavg()[0]);
    }
  } finally {
    await browser.close();
    for (const { server } of Object.values(builds)) server.close();
  }
  if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);

  const report = { benchmark: 'browser A/B', date: new Date().toISOString(), machine: host, a: o.a, b: o.b, load_average_1min: stat(load), builds: {} };
  for (const k of ['A', 'B']) {
    const of = (kind) => changes[k].filter((s) => s.kind === kind);
    report.builds[k] = {
      change_layout_ms: stat(changes[k].map((s) => s.layout)),
      change_dom_ms: stat(changes[k].map((s) => s.dom)),
      by_kind_layout_ms: Object.fromEntries(['radio', 'checkbox', 'slider'].map((kind) => [kind, stat(of(kind).map((s) => s.layout))])),
      first_result_ms: stat(loads[k].map((l) => l.ms)),
      defined_to_first_result_ms: stat(loads[k].map((l) => l.defined_ms)),
    };
  }
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');

  const f = (s, key) => (s ? s[key].toFixed(2) : '—');
  const rows = [['measure', 'A median', 'B median', 'A p95', 'B p95']];
  const add = (label, get) => rows.push([label, f(get('A'), 'median'), f(get('B'), 'median'), f(get('A'), 'p95'), f(get('B'), 'p95')]);
  add('change → DOM + layout, ms', (k) => report.builds[k].change_layout_ms);
  add('change → DOM updated, ms', (k) => report.builds[k].change_dom_ms);
  for (const kind of ['radio', 'checkbox', 'slider']) add(`  ${kind}: DOM + layout, ms`, (k) => report.builds[k].by_kind_layout_ms[kind]);
  if (o.loads) {
    add('module start → first result, ms', (k) => report.builds[k].first_result_ms);
    add('element defined → first result, ms', (k) => report.builds[k].defined_to_first_result_ms);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\nA: ${o.a}\nB: ${o.b}\n${o.rounds} rounds × ${o.changes} changes per build, ${o.loads} loads per build; JSON in ${o.out}\nmachine: ${machineLine(host)}`);
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  const la = report.load_average_1min;
  console.log(`  load average (1 min) during the run: median ${la.median.toFixed(2)}, min ${la.min.toFixed(2)}, max ${Math.max(...load).toFixed(2)}`);
}

main().catch((error) => {
  console.error(`[ab] error: ${error.stack || error}`);
  process.exit(1);
});
