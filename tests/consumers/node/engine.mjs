// Consumer 4: Node.js ESM, no DOM. `import { recommend } from 'stack-advisor'`
// (the packed tarball) gets a verdict after `await init()`, which reads the
// .wasm from the package directory (no fetch of a URL).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { init, isEngineLoaded, recommend, validateMatrix, defaultMatrix, rank, ahpWeights } from 'stack-advisor';

assert.equal(typeof globalThis.window, 'undefined', 'Node has no window');
assert.equal(typeof globalThis.document, 'undefined', 'Node has no document');

// Resolved through the `node` condition of the exports map.
const resolved = import.meta.resolve('stack-advisor');
assert.match(resolved, /\/node_modules\/stack-advisor\/node\.js$/, `stack-advisor resolved to ${resolved}`);

// Before init(): a clear error, not a wasm-bindgen crash.
assert.equal(isEngineLoaded(), false);
assert.throws(() => recommend({}), /before the engine was loaded; await init\(\)/);

const engine = await init();
assert.equal(isEngineLoaded(), true);
assert.equal(await init(), engine, 'init() is memoised');
assert.equal(typeof engine.recommend, 'function');

const result = recommend({ project: 'realtime', team: 'javascript' });
assert.equal(result.verdict, 'node');
assert.ok(result.scores.node > result.scores.python);
assert.ok(result.reasons.length > 0 && result.sources.length > 0, 'the verdict is explained and cited');

const python = recommend({ project: 'ai-ml', team: 'python' });
assert.equal(python.verdict, 'python');

// Errors are Errors with a path and a fix.
assert.throws(
  () => recommend({ team: 'rust' }),
  (error) => error instanceof Error && error.path === 'answers.team' && typeof error.hint === 'string',
);
assert.deepEqual(validateMatrix(defaultMatrix()), []);
assert.ok(validateMatrix({ ...defaultMatrix(), options: [] }).length > 0);
assert.equal(rank(undefined, { method: 'topsis' }).method, 'topsis');
// The bulk form, criteria as objects and by position: the same result.
const values = new Float64Array([7, 2, 5, 5, 9, 8]);
const byId = rank({ options: 3, criteria: [{ id: 'x', weight: 2 }, { id: 'y', direction: 'cost' }], values }, { method: 'wsm' });
const byPosition = rank({ options: 3, criteria: { weights: new Float64Array([2, 1]), cost: new Uint8Array([0, 1]) }, values }, { method: 'wsm' });
assert.ok(byPosition.scores instanceof Float64Array && byPosition.ranking instanceof Uint32Array);
assert.deepEqual([...byPosition.scores], [...byId.scores]);
assert.deepEqual([...byPosition.ranking], [...byId.ranking]);
assert.equal(ahpWeights([[1, 3], [1 / 3, 1]]).consistent, true);

// `stack-advisor/wasm` is the same .wasm, for those who host it.
const wasmPath = createRequire(import.meta.url).resolve('stack-advisor/wasm');
assert.match(wasmPath, /stack_advisor_bg\.wasm$/);
assert.ok(WebAssembly.validate(await readFile(wasmPath)));

console.log(`node: recommend() -> ${result.verdict} (${result.confidence}, margin ${result.margin.toFixed(1)}); ai-ml/python -> ${python.verdict}`);
