// The shipped engine (pkg/, from `make build`: whichever toolchain built it,
// after wasm-opt) gives the golden results of the native engine
// (tests/golden/results.json, written by `cargo test --test golden`) to the bit.
// The wasm-bindgen tests check the same for a debug build; this checks the
// artefact users get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importBuilt } from './built.mjs';

const json = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const cases = json('tests/golden/cases.json');
const golden = new Map(json('tests/golden/results.json').map((entry) => [entry.name, entry.result]));
const { init, recommend } = await importBuilt('pkg/node.js');

test('the golden file covers every case', () => {
  assert.ok(cases.length >= 8);
  for (const c of cases) assert.ok(golden.has(c.name), `no golden result for "${c.name}"`);
});

for (const c of cases) {
  test(`release wasm, "${c.name}": identical to the native result`, async () => {
    await init();
    // Through JSON, as the native side was: plain data, and numbers compared
    // with Object.is (deepStrictEqual), i.e. to the bit.
    const actual = JSON.parse(JSON.stringify(recommend(c.answers)));
    assert.deepStrictEqual(actual, golden.get(c.name));
  });
}
