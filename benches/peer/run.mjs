// Peer side-by-side: TOPSIS and the weighted sum on the same random matrices,
// computed by pymcdm (Python + numpy), by our engine compiled to WebAssembly
// (under Node, through the npm entry pkg/node.js) and by our engine natively
// (examples/peer_rank.rs, release profile). Run by benches/peer/run.sh.
//
//   node benches/peer/run.mjs --python VENV/bin/python --native target/release/examples/peer_rank
//
// Options: --runs N (timed runs per case; default 15, the 10,000 x 100 cases
// use half as many, at least 5), --out FILE (JSON results; default
// target/bench/peer.json), --pkg DIR (the wasm package; default pkg/).
// Warm-up calls (untimed, on every side): 300 at 1,000 x 50, 10 at 10,000 x
// 100. V8 runs wasm on its baseline compiler first and moves a function to its
// optimising compiler once it has used a budget, and tiers up the JS glue
// around it the same way; at 1,000 x 50 (30-50 us a call) per-call times only
// settle after 200-250 calls (30 warm-ups measured calls 30-45, still 1.3x
// the steady state, 2x for criteria objects), at 10,000 x 100 after ~10.
// Every side reads the same files (written once to a temp dir) and times only
// its ranking call; file reading and input conversion happen before the clock.
// Our wasm side uses rank's bulk form ({options: rowCount, criteria, values:
// Float64Array}) with the criteria by position, {weights: Float64Array, cost:
// Uint8Array}, as pymcdm gets numpy arrays of weights and types; it is also
// timed with the criteria as objects ({id, direction, weight}), reported as
// wasm_objects_ms. The clock runs from the JS call to the typed-array result
// (scores: Float64Array, ranking: Uint32Array), so it includes copying the
// Float64Arrays into wasm memory, reading the criteria, validation, scoring,
// ranking and copying the results out. The native side times the same core
// path (stack_advisor::rank::rank_columns, examples/peer_rank.rs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function parseArgs(argv) {
  const o = { runs: 15, python: 'python3', native: null, out: join(repo, 'target/bench/peer.json'), pkg: join(repo, 'pkg') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--runs') o.runs = Math.max(1, Number(value));
    else if (flag === '--python') o.python = value;
    else if (flag === '--native') o.native = value;
    else if (flag === '--out') o.out = resolve(value);
    else if (flag === '--pkg') o.pkg = resolve(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!o.native) throw new Error('--native PATH (the built examples/peer_rank) is required');
  return o;
}

// mulberry32: a small seeded generator, so every run writes the same matrices.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** rows x cols values in [0, 10) (the weighted sum's anchor scale); every fifth criterion a cost, weights 1..3. */
function makeMatrix(rows, cols, seed) {
  const next = generator(seed);
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = 10 * next();
  const weights = Array.from({ length: cols }, (_, c) => 1 + (c % 3));
  const cost = Array.from({ length: cols }, (_, c) => c % 5 === 4);
  return { rows, cols, values, weights, cost };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function readScores(file) {
  const b = readFileSync(file);
  return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
}

function maxAbsDiff(a, b) {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const { init, rank } = await import(pathToFileURL(join(o.pkg, 'node.js')).href);
  await init();

  const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-peer-'));
  const sizes = [
    { rows: 1_000, cols: 50, seed: 1, runs: o.runs, warmup: 300 },
    { rows: 10_000, cols: 100, seed: 2, runs: Math.max(5, Math.ceil(o.runs / 2)), warmup: 10 },
  ];
  const results = [];
  try {
    for (const size of sizes) {
      const name = `m${size.rows}x${size.cols}`;
      const m = makeMatrix(size.rows, size.cols, size.seed);
      writeFileSync(join(dir, `${name}.f64`), new Uint8Array(m.values.buffer));
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ rows: m.rows, cols: m.cols, weights: m.weights, cost: m.cost }));
      // The engine's numeric form, bulk variant (a row count, no option ids),
      // with the criteria by position and as objects; built once, outside
      // the timings.
      const input = {
        options: m.rows,
        criteria: { weights: Float64Array.from(m.weights), cost: Uint8Array.from(m.cost, Number) },
        values: m.values,
      };
      const objectInput = {
        options: m.rows,
        criteria: m.weights.map((weight, c) => ({ id: `c${c}`, direction: m.cost[c] ? 'cost' : 'benefit', weight })),
        values: m.values,
      };
      for (const method of ['topsis', 'wsm']) {
        const args = [dir, name, method, String(size.runs), String(size.warmup)];
        const pyOut = join(dir, `${name}-${method}-pymcdm.f64`);
        const py = JSON.parse(execFileSync(o.python, [join(repo, 'benches/peer/pymcdm_rank.py'), ...args, pyOut], { encoding: 'utf8' }));
        const nativeOut = join(dir, `${name}-${method}-native.f64`);
        const native = JSON.parse(execFileSync(o.native, [...args, nativeOut], { encoding: 'utf8' }));

        const timeWasm = (form) => {
          const times = [];
          let last;
          for (let i = 0; i < size.warmup + size.runs; i++) {
            const start = performance.now();
            last = rank(form, { method });
            const elapsed = performance.now() - start;
            if (i >= size.warmup) times.push(elapsed);
          }
          if (!(last.scores instanceof Float64Array) || !(last.ranking instanceof Uint32Array)) throw new Error('rank did not return the bulk form');
          return { times, last };
        };
        const { times: wasmTimes, last } = timeWasm(input);
        const { times: objectTimes, last: objectLast } = timeWasm(objectInput);
        const wasmScores = last.scores;

        const pyScores = readScores(pyOut);
        const nativeScores = readScores(nativeOut);
        const row = {
          matrix: `${m.rows}x${m.cols}`,
          method,
          runs: size.runs,
          warmup: size.warmup,
          pymcdm_ms: median(py.times_ms),
          wasm_ms: median(wasmTimes),
          wasm_objects_ms: median(objectTimes),
          native_ms: median(native.times_ms),
          pymcdm_min_ms: Math.min(...py.times_ms),
          wasm_min_ms: Math.min(...wasmTimes),
          wasm_objects_min_ms: Math.min(...objectTimes),
          native_min_ms: Math.min(...native.times_ms),
          max_abs_diff_wasm_vs_pymcdm: maxAbsDiff(wasmScores, pyScores),
          max_abs_diff_native_vs_pymcdm: maxAbsDiff(nativeScores, pyScores),
          max_abs_diff_wasm_vs_native: maxAbsDiff(wasmScores, nativeScores),
          // The two forms of the criteria give the same scores, bit for bit.
          max_abs_diff_wasm_objects_vs_wasm: maxAbsDiff(objectLast.scores, wasmScores),
        };
        row.ratio_pymcdm_over_wasm = row.pymcdm_ms / row.wasm_ms;
        row.ratio_pymcdm_over_wasm_objects = row.pymcdm_ms / row.wasm_objects_ms;
        row.ratio_pymcdm_over_native = row.pymcdm_ms / row.native_ms;
        results.push(row);
        process.stderr.write(`[peer] ${row.matrix} ${method}: done\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Scores agree when every difference is rounding: 1e-9 on TOPSIS's 0..1 and
  // on the weighted sum's 0..100.
  const tolerance = 1e-9;
  const agree = results.every(
    (r) =>
      r.max_abs_diff_wasm_vs_pymcdm <= tolerance &&
      r.max_abs_diff_native_vs_pymcdm <= tolerance &&
      r.max_abs_diff_wasm_vs_native <= tolerance &&
      r.max_abs_diff_wasm_objects_vs_wasm === 0,
  );
  const report = {
    benchmark: 'peer',
    date: new Date().toISOString(),
    node: process.version,
    python: execFileSync(o.python, ['-c', 'import platform, numpy; from importlib.metadata import version; print(platform.python_version(), numpy.__version__, version("pymcdm"))'], { encoding: 'utf8' }).trim(),
    tolerance,
    agree,
    results,
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));

  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const table = [
    ['matrix', 'method', 'pymcdm ms', 'wasm ms', '(objects)', 'native ms', 'pymcdm/wasm', '(objects)', 'pymcdm/native', 'max |diff|'],
    ...results.map((r) => [
      r.matrix,
      r.method,
      fmt(r.pymcdm_ms),
      fmt(r.wasm_ms),
      fmt(r.wasm_objects_ms),
      fmt(r.native_ms),
      `${r.ratio_pymcdm_over_wasm.toFixed(2)}x`,
      `${r.ratio_pymcdm_over_wasm_objects.toFixed(2)}x`,
      `${r.ratio_pymcdm_over_native.toFixed(2)}x`,
      Math.max(r.max_abs_diff_wasm_vs_pymcdm, r.max_abs_diff_native_vs_pymcdm, r.max_abs_diff_wasm_vs_native).toExponential(1),
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  console.log(`\nPeer comparison (median of timed runs; JSON in ${o.out}; pymcdm ${report.python.split(' ')[2]})`);
  for (const row of table) console.log('  ' + row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log('  wasm: criteria by position ({weights: Float64Array, cost: Uint8Array}); (objects): the same criteria as {id, direction, weight} objects');
  console.log('  ratio = pymcdm time / our time: above 1x ours is faster, below 1x pymcdm is faster');
  console.log(`  scores agree to ${tolerance} (and both criteria forms bit for bit): ${agree ? 'yes' : 'NO'}`);
  if (!agree) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[peer] error: ${error.stack || error}`);
  process.exit(1);
});
