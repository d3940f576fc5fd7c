// What the release build ships (needs `make build`): the glue can replace a
// trapped instance (`__wbg_reset_state`, used by www/engine.js), and the
// fault-injection hook of the panic-containment test is in no shipped file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const SHIPPED = ['pkg/stack_advisor.js', 'pkg/stack_advisor_mcda.js', 'pkg/engine.js', 'dist/stack-advisor.js', 'dist/stack-advisor-offline.html'];

test('both release glues export __wbg_reset_state and engine.js uses them', () => {
  assert.match(read('pkg/stack_advisor.js'), /export function __wbg_reset_state\b/);
  assert.match(read('pkg/stack_advisor_mcda.js'), /export function __wbg_reset_state\b/);
  assert.match(read('pkg/engine.js'), /__wbg_reset_state as resetEngine,[^]*from '\.\/stack_advisor\.js'/);
  assert.match(read('pkg/engine.js'), /__wbg_reset_state as resetMcda,[^]*from '\.\/stack_advisor_mcda\.js'/);
});

test('the engine .wasm carries recommend and validateMatrix only; the extension rank and ahpWeights only', () => {
  const engine = read('pkg/stack_advisor.js');
  const mcda = read('pkg/stack_advisor_mcda.js');
  for (const name of ['recommend', 'validateMatrix']) {
    assert.match(engine, new RegExp(`export function ${name}\\b`));
    assert.doesNotMatch(mcda, new RegExp(`export function ${name}\\b`));
  }
  for (const name of ['rank', 'ahpWeights']) {
    assert.match(mcda, new RegExp(`export function ${name}\\b`));
    assert.doesNotMatch(engine, new RegExp(`export function ${name}\\b`));
  }
});

for (const file of SHIPPED) {
  test(`${file} has no fault-injection hook`, () => {
    const text = read(file);
    assert.ok(text.length > 1000, `${file} looks empty`);
    assert.doesNotMatch(text, /injectFault|inject_fault|fault injected/);
  });
}

for (const file of ['pkg/stack_advisor_bg.wasm', 'pkg/stack_advisor_mcda_bg.wasm']) {
  test(`${file} has no fault-injection code`, () => {
    const wasm = readFileSync(new URL(`../../${file}`, import.meta.url));
    assert.equal(wasm.indexOf('fault injected'), -1);
    assert.equal(wasm.indexOf('injectFault'), -1);
  });
}

test('the bundle fetches the MCDA extension by name; the offline page carries it inline', () => {
  const bundle = read('dist/stack-advisor.js');
  const offline = read('dist/stack-advisor-offline.html');
  assert.match(bundle, /stack-advisor-mcda\.wasm/);
  assert.doesNotMatch(offline, /stack-advisor-mcda\.wasm/);
  // The offline page is larger by about the extension's gzip+base64 (4/3 of ~38 KB).
  assert.ok(offline.length - bundle.length > 40_000, `offline page only ${offline.length - bundle.length} bytes larger than the bundle`);
});
