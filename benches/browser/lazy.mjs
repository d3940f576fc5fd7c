// The widget below the fold (benches/browser/lazy.html: 5,000 px of article,
// then the widget), in headless Chromium, over --loads fresh page loads per
// case, served with gzip -9 on 127.0.0.1. `make bench-browser` runs it after
// run.mjs.
//
//   node benches/browser/lazy.mjs [--loads 20] [--out target/bench/lazy.json]
//
// Measures:
//   - bytes before scroll: what the page transferred (Resource Timing
//     transferSize, gzip) after load + 1 s, the HTML itself apart;
//   - main-thread long tasks (> 50 ms) from navigation to load + 1 s;
//   - time from the widget entering the viewport to its first rendered result:
//     "ahead": the reader scrolls to one and a half viewports above it (the
//     loader starts: its margin is one viewport), then reaches it 1 s later
//     (0 when it was ready before); "on entry": the reader jumps straight to
//     it (a link), so loading starts only on entry.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import base from '../../playwright.config.mjs';
import { engineFiles, median, quantile, serve } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const SETTLE_MS = 1000;
const READER_SCROLL_MS = 1000;

function parseArgs(argv) {
  const o = { loads: 20, out: join(repo, 'target/bench/lazy.json') };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--loads') o.loads = Math.max(1, Number(argv[i + 1]));
    else if (argv[i] === '--out') o.out = resolve(argv[i + 1]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One fresh load of the page; `mode` 'ahead' or 'entry'. */
async function oneLoad(browser, url, mode) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const before = await page.evaluate(() => ({
      bytes: performance.getEntriesByType('resource').reduce((sum, e) => sum + e.transferSize, 0),
      files: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
      longTasks: window.__lazy.longTasks,
    }));
    const top = await page.evaluate(() => document.getElementById('advisor').getBoundingClientRect().top + scrollY);
    if (mode === 'ahead') {
      await page.evaluate((y) => scrollTo(0, y), top - 1.5 * 900);
      await sleep(READER_SCROLL_MS);
    }
    await page.evaluate((y) => scrollTo(0, y), top - 450);
    await page.waitForFunction(() => window.__lazy.firstResult !== null || window.__lazy.error !== null, null, { timeout: 20_000 });
    const after = await page.evaluate(() => {
      const chunk = performance.getEntriesByType('resource').find((e) => e.name.includes('stack-advisor-engine.js'));
      return { ...window.__lazy, loadStarted: chunk ? chunk.startTime : null, bytes: performance.getEntriesByType('resource').reduce((sum, e) => sum + e.transferSize, 0) };
    });
    if (after.error) throw new Error(after.error);
    return {
      bytesBeforeScroll: before.bytes,
      filesBeforeScroll: before.files,
      longTasksAtLoad: before.longTasks.length,
      longestTaskAtLoad: Math.max(0, ...before.longTasks.map((t) => t.duration)),
      entryToResult: Math.max(0, after.firstResult - after.entered),
      loadToResult: after.firstResult - after.loadStarted,
      bytesAll: after.bytes,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dist = join(repo, 'dist');
  const js = 'text/javascript; charset=utf-8';
  const server = await serve({
    '/lazy.html': { type: 'text/html; charset=utf-8', body: readFileSync(join(here, 'lazy.html')) },
    '/stack-advisor.js': { type: js, body: readFileSync(join(dist, 'stack-advisor.js')) },
    ...engineFiles(dist),
  }, { index: '/lazy.html', gzip: true });
  const url = `http://127.0.0.1:${server.address().port}/lazy.html`;
  const browser = await chromium.launch(base.use.launchOptions);
  const runs = { ahead: [], entry: [] };
  try {
    for (let i = 0; i < o.loads; i++) {
      for (const mode of ['ahead', 'entry']) {
        runs[mode].push(await oneLoad(browser, url, mode));
        await sleep(SETTLE_MS);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const all = [...runs.ahead, ...runs.entry];
  const stat = (xs) => ({ median: median(xs), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) });
  const report = {
    benchmark: 'lazy',
    date: new Date().toISOString(),
    chromium: browser.version(),
    loads_per_case: o.loads,
    bytes_before_scroll: stat(all.map((r) => r.bytesBeforeScroll)),
    files_before_scroll: [...new Set(all.flatMap((r) => r.filesBeforeScroll))],
    bytes_after_widget: stat(all.map((r) => r.bytesAll)),
    long_tasks_at_load: stat(all.map((r) => r.longTasksAtLoad)),
    longest_task_at_load_ms: stat(all.map((r) => r.longestTaskAtLoad)),
    entry_to_result_ms: { ahead: stat(runs.ahead.map((r) => r.entryToResult)), on_entry: stat(runs.entry.map((r) => r.entryToResult)) },
    load_start_to_result_ms: stat(all.map((r) => r.loadToResult)),
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  console.log(`\nWidget below the fold (Chromium ${report.chromium}, ${o.loads} loads per case, gzip; JSON in ${o.out})`);
  console.log(`  bytes before scroll (gzip, HTML apart): median ${report.bytes_before_scroll.median} (${report.files_before_scroll.join(', ')})`);
  console.log(`  bytes once the widget is shown: median ${report.bytes_after_widget.median}`);
  console.log(`  long tasks at load: median ${report.long_tasks_at_load.median}, longest ${f(report.longest_task_at_load_ms.max)} ms`);
  console.log(`  entry → first result, loading one viewport ahead: median ${f(report.entry_to_result_ms.ahead.median)} ms, p95 ${f(report.entry_to_result_ms.ahead.p95)} ms`);
  console.log(`  entry → first result, loading on entry: median ${f(report.entry_to_result_ms.on_entry.median)} ms, p95 ${f(report.entry_to_result_ms.on_entry.p95)} ms`);
  console.log(`  load start → first result: median ${f(report.load_start_to_result_ms.median)} ms`);
}

main().catch((error) => {
  console.error(`[lazy] error: ${error.stack || error}`);
  process.exit(1);
});
