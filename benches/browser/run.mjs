// In-browser benchmark of the one-tag embed (dist/stack-advisor.js, the
// loader, with the files it brings in) in headless Chromium, driven by
// Playwright, with the widget at the top of the page (the loader starts at
// once). `make bench-browser` runs it, then benches/browser/lazy.mjs (the
// widget below the fold).
//
//   node benches/browser/run.mjs [--loads 20] [--changes 200] [--calls 1000]
//                                [--bundle dist/stack-advisor.js] [--out target/bench/browser.json]
//
// Measures (method in docs/benchmarks.md and in bench.html / bench.js):
//   1. first result: from the bundle's module starting to run (its first
//      statement; the server prepends one statement that takes the time) to
//      the element's first rendered result, judged against the target; also
//      from the bundle's arrival and from the page's import(), over --loads
//      fresh page loads;
//   2. input change -> result rendered: --changes real changes on the
//      widget's controls, median and p95;
//   3. recommend() in wasm in the page: median microseconds per call over
//      --calls calls for three answer profiles.
// Prints a JSON report (also written to --out) and a table with PASS/MISS
// against the targets. Exits 1 on an error; a MISS only fails with
// BENCH_STRICT=1 (figures from a busy machine are noisy).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import base from '../../playwright.config.mjs';
import { engineFiles, loadReport, machine, machineLine, median, quantile, serve } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const MODULE_START_MARK = 'globalThis.__benchModuleStart = performance.now();\n';
const SETTLE_MS = 1000;
const TARGETS = { first_result_ms: 50, interaction_median_ms: 4, recommend_median_us: 1000 };
const PROFILES = {
  'no answers': {},
  'realtime + javascript': { project: 'realtime', team: 'javascript' },
  'ai-ml + realtime need': { project: 'ai-ml', needs: ['realtime', 'ai'], priorities: { performance: 4 } },
};

function parseArgs(argv) {
  const o = { loads: 20, changes: 200, calls: 1000, bundle: join(repo, 'dist/stack-advisor.js'), out: join(repo, 'target/bench/browser.json') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--loads') o.loads = Math.max(1, Number(value));
    else if (flag === '--changes') o.changes = Math.max(1, Number(value));
    else if (flag === '--calls') o.calls = Math.max(10, Number(value));
    else if (flag === '--bundle') o.bundle = resolve(value);
    else if (flag === '--out') o.out = resolve(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  return o;
}

async function firstResult(browser, url) {
  const b = await loadReport(browser, url);
  const since = (mark) => (mark === null ? null : b.firstResult - mark);
  const after = (mark) => (mark === null ? null : mark - b.start);
  return {
    ms: since(b.moduleStart),
    from_import_ms: since(b.start),
    from_arrival_ms: since(b.arrived),
    arrived_ms: after(b.arrived),
    module_started_ms: after(b.moduleStart),
    defined_ms: after(b.defined),
    module_start_ms: b.start,
    bundle_fetch_ms: b.fetch,
    isolated: b.isolated,
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  let bundle;
  try {
    bundle = readFileSync(o.bundle);
  } catch {
    throw new Error(`${o.bundle} is missing: run make build first`);
  }
  const js = 'text/javascript; charset=utf-8';
  const files = {
    '/bench.html': { type: 'text/html; charset=utf-8', body: readFileSync(join(here, 'bench.html')) },
    '/bench.js': { type: js, body: readFileSync(join(here, 'bench.js')) },
    // One statement before the bundle's own first line takes the moment the
    // module starts running (bench.html reads it); the bundle is otherwise
    // served byte for byte.
    '/stack-advisor.js': { type: js, body: Buffer.concat([Buffer.from(MODULE_START_MARK), bundle]) },
    // What the loader brings in, from next to it.
    ...engineFiles(dirname(o.bundle)),
  };
  const server = await serve(files);
  const url = `http://127.0.0.1:${server.address().port}/bench.html`;

  const host = machine();
  // The end-to-end tests' Chromium and flags (playwright.config.mjs).
  const browser = await chromium.launch(base.use.launchOptions);
  let report;
  try {
    const loads = [];
    for (let i = 0; i < o.loads; i++) {
      // Each load starts on a settled machine: the previous context's
      // renderer is shut down in the background, and on two cores that
      // work lands in the next load's measurement (+30 ms medians).
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      loads.push(await firstResult(browser, url));
    }
    // The same, with the .wasm served as application/octet-stream: a server
    // that does not know the type, so no compiling while it streams in (the
    // loader compiles the downloaded bytes instead). Half as many loads.
    const wasm = files['/stack-advisor-engine.wasm'];
    wasm.type = 'application/octet-stream';
    const plainLoads = [];
    for (let i = 0; i < Math.ceil(o.loads / 2); i++) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      plainLoads.push(await firstResult(browser, url));
    }
    wasm.type = 'application/wasm';

    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(url);
    await page.waitForFunction(() => window.__bench && (window.__bench.firstResult !== null || window.__bench.error !== null), null, { timeout: 20_000 });
    const samples = await page.evaluate(async (n) => (await import('./bench.js')).interactions(n), o.changes);
    const calls = await page.evaluate(async ([profiles, n]) => (await import('./bench.js')).recommendCalls(profiles, n), [PROFILES, o.calls]);
    await context.close();
    if (pageErrors.length) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);

    const stat = (xs) => ({ median: median(xs), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) });
    const first = loads.map((l) => l.ms);
    const byKind = {};
    for (const kind of ['radio', 'checkbox', 'slider']) {
      const of = samples.filter((s) => s.kind === kind);
      if (of.length) byKind[kind] = { n: of.length, layout_ms: stat(of.map((s) => s.layout)) };
    }
    const recommend = {};
    for (const [name, r] of Object.entries(calls)) recommend[name] = { calls: r.calls, batch: r.batch, us: stat(r.per_call_us) };

    const firstMedian = median(first);
    const interactionMedian = median(samples.map((s) => s.layout));
    const recommendWorst = Math.max(...Object.values(recommend).map((r) => r.us.median));
    report = {
      benchmark: 'browser',
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      machine: host,
      cross_origin_isolated: loads.every((l) => l.isolated),
      bundle_bytes: bundle.length,
      first_result: {
        loads: loads.length,
        ms: stat(first),
        first_load_ms: first[0],
        wasm_as_octet_stream_ms: stat(plainLoads.map((l) => l.ms)),
        from_import_ms: stat(loads.map((l) => l.from_import_ms)),
        from_arrival_ms: stat(loads.map((l) => l.from_arrival_ms ?? NaN)),
        bundle_fetch_ms: median(loads.map((l) => l.bundle_fetch_ms ?? NaN)),
        bundle_arrived_after_import_ms: median(loads.map((l) => l.arrived_ms ?? NaN)),
        module_started_after_import_ms: median(loads.map((l) => l.module_started_ms ?? NaN)),
        element_defined_after_import_ms: median(loads.map((l) => l.defined_ms ?? NaN)),
        import_since_navigation_ms: median(loads.map((l) => l.module_start_ms)),
      },
      interaction: {
        changes: samples.length,
        dom_ms: stat(samples.map((s) => s.dom)),
        layout_ms: stat(samples.map((s) => s.layout)),
        next_frame_ms: stat(samples.map((s) => s.frame)),
        by_kind: byKind,
      },
      recommend,
      targets: TARGETS,
      verdicts: {
        first_result: firstMedian <= TARGETS.first_result_ms ? 'PASS' : 'MISS',
        interaction: interactionMedian <= TARGETS.interaction_median_ms ? 'PASS' : 'MISS',
        recommend: recommendWorst <= TARGETS.recommend_median_us ? 'PASS' : 'MISS',
      },
    };
  } finally {
    await browser.close();
    server.close();
  }

  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));

  const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  const { first_result: fr, interaction: it, verdicts: v } = report;
  const rows = [
    ['measure', 'median', 'p95', 'min', 'target', ''],
    [`module start → first result, ms (${fr.loads} loads)`, f(fr.ms.median, 1), f(fr.ms.p95, 1), f(fr.ms.min, 1), `≤ ${TARGETS.first_result_ms}`, v.first_result],
    [`  the same, .wasm not sent as application/wasm (${Math.ceil(fr.loads / 2)} loads)`, f(fr.wasm_as_octet_stream_ms.median, 1), f(fr.wasm_as_octet_stream_ms.p95, 1), f(fr.wasm_as_octet_stream_ms.min, 1), '', ''],
    ['bundle arrived → first result, ms', f(fr.from_arrival_ms.median, 1), f(fr.from_arrival_ms.p95, 1), f(fr.from_arrival_ms.min, 1), '', ''],
    ['page import() → first result, ms', f(fr.from_import_ms.median, 1), f(fr.from_import_ms.p95, 1), f(fr.from_import_ms.min, 1), '', ''],
    [`change → DOM + layout, ms (${it.changes})`, f(it.layout_ms.median), f(it.layout_ms.p95), f(it.layout_ms.min), `≤ ${TARGETS.interaction_median_ms}`, v.interaction],
    ['change → DOM updated, ms', f(it.dom_ms.median), f(it.dom_ms.p95), f(it.dom_ms.min), '', ''],
    ['change → next frame painted, ms', f(it.next_frame_ms.median, 1), f(it.next_frame_ms.p95, 1), f(it.next_frame_ms.min, 1), '', ''],
    ...Object.entries(report.recommend).map(([name, r], i) => [
      `recommend µs/call: ${name}`,
      f(r.us.median, 0),
      f(r.us.p95, 0),
      f(r.us.min, 0),
      `≤ ${TARGETS.recommend_median_us}`,
      i === 0 ? v.recommend : '',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\nBrowser benchmark (Chromium ${report.chromium}, bundle ${(report.bundle_bytes / 1024).toFixed(0)} KB, JSON in ${o.out})`);
  console.log(`  machine: ${machineLine(report.machine)}`);
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log(
    `  first result, medians after import(): bundle fetched in ${f(fr.bundle_fetch_ms, 1)} ms, arrived at ${f(fr.bundle_arrived_after_import_ms, 1)} ms, module started at ${f(fr.module_started_after_import_ms, 1)} ms, element defined at ${f(fr.element_defined_after_import_ms, 1)} ms; first load ${f(fr.first_load_ms, 1)} ms; import() ${f(fr.import_since_navigation_ms, 1)} ms after navigation; cross-origin isolated: ${report.cross_origin_isolated}`,
  );
  const missed = Object.values(v).includes('MISS');
  if (missed && process.env.BENCH_STRICT === '1') process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[browser] error: ${error.stack || error}`);
  process.exit(1);
});
