// What the release build ships (needs `make build`): the glue can replace a
// trapped instance (`__wbg_reset_state`, used by www/engine.js), and the
// fault-injection hook of the panic-containment test is in no shipped file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const SHIPPED = ['pkg/stack_advisor.js', 'pkg/engine.js', 'dist/stack-advisor.js', 'dist/stack-advisor-offline.html'];

test('the release glue exports __wbg_reset_state and engine.js uses it', () => {
  assert.match(read('pkg/stack_advisor.js'), /export function __wbg_reset_state\b/);
  assert.match(read('pkg/engine.js'), /__wbg_reset_state as resetInstance/);
});

for (const file of SHIPPED) {
  test(`${file} has no fault-injection hook`, () => {
    const text = read(file);
    assert.ok(text.length > 1000, `${file} looks empty`);
    assert.doesNotMatch(text, /injectFault|inject_fault|fault injected/);
  });
}

test('the release .wasm has no fault-injection code', () => {
  const wasm = readFileSync(new URL('../../pkg/stack_advisor_bg.wasm', import.meta.url));
  assert.equal(wasm.indexOf('fault injected'), -1);
  assert.equal(wasm.indexOf('injectFault'), -1);
});
