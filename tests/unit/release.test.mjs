// What the release build ships (needs `make build`): an engine call that is
// interrupted inside the WebAssembly leaves a working engine behind (the
// instance is replaced), each .wasm exports only its own functions, and the
// fault-injection hook of the panic-containment test is in no shipped file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesOfBuilt, importBuilt, readBuilt } from './built.mjs';
import { render } from './render-cli.mjs';

const SHIPPED = ['pkg/stack_advisor.js', 'pkg/stack_advisor_mcda.js', 'pkg/engine.js', 'dist/stack-advisor.js', 'dist/stack-advisor-offline.html'];

/**
 * `plain`, except that reading `key` throws a RangeError (as a stack overflow
 * does) once the engine reads the object: the input guard's JSON.stringify
 * sees `plain` through toJSON, the engine's reader hits the getter and the
 * error unwinds through the WebAssembly frames.
 */
function interrupting(plain, key) {
  const value = { ...plain };
  Object.defineProperty(value, 'toJSON', { value: () => plain });
  Object.defineProperty(value, key, { enumerable: true, get() { throw new RangeError('interrupted by the test'); } });
  return value;
}

/** The error an interrupted call throws: it says the engine restarted, and keeps the cause. */
function restarted(name) {
  return (error) => {
    assert.match(error.message, new RegExp(`internal error in ${name}\\(\\) and was restarted`));
    assert.equal(error.cause?.message, 'interrupted by the test');
    return true;
  };
}

test('recommend: a thousand interrupted calls leave the engine giving the same results', async () => {
  const { init, recommend } = await importBuilt('pkg/node.js');
  await init();
  const expected = recommend({ project: 'ai-ml', team: 'javascript' });
  // An unwound call leaves the instance's stack pointer where the call was:
  // without a fresh instance each time, the engine breaks after some hundreds.
  for (let i = 0; i < 1000; i++) {
    assert.throws(() => recommend(interrupting({ project: 'realtime' }, 'project')), restarted('recommend'));
  }
  assert.deepStrictEqual(recommend({ project: 'ai-ml', team: 'javascript' }), expected);
});

test('rank (the MCDA extension): an interrupted call restarts it, and the next call works', async () => {
  const { init, rank, defaultMatrix } = await importBuilt('pkg/node.js');
  await init();
  const expected = rank(defaultMatrix(), { method: 'topsis' });
  assert.throws(() => rank(interrupting(defaultMatrix(), 'options'), { method: 'wsm' }), restarted('rank'));
  assert.deepStrictEqual(rank(defaultMatrix(), { method: 'topsis' }), expected);
});

test('the engine .wasm exports recommend and validateMatrix only; the extension rank and ahpWeights only', () => {
  // The functions each module offers (wasm-bindgen's own exports start with `__`).
  const offered = (file) =>
    WebAssembly.Module.exports(new WebAssembly.Module(bytesOfBuilt(file)))
      .filter((e) => e.kind === 'function' && !e.name.startsWith('__'))
      .map((e) => e.name)
      .sort();
  assert.deepEqual(offered('pkg/stack_advisor_bg.wasm'), ['recommend', 'validateMatrix']);
  assert.deepEqual(offered('pkg/stack_advisor_mcda_bg.wasm'), ['ahpWeights', 'rank']);
});

for (const file of SHIPPED) {
  test(`${file} has no fault-injection hook`, () => {
    const text = readBuilt(file);
    assert.ok(text.length > 1000, `${file} looks empty`);
    assert.doesNotMatch(text, /injectFault|inject_fault|fault injected/);
  });
}

for (const file of ['pkg/stack_advisor_bg.wasm', 'pkg/stack_advisor_mcda_bg.wasm']) {
  test(`${file} has no fault-injection code`, () => {
    const wasm = bytesOfBuilt(file);
    assert.equal(wasm.indexOf('fault injected'), -1);
    assert.equal(wasm.indexOf('injectFault'), -1);
  });
}

test('the engine chunk fetches the .wasm files and parts by name; the offline page carries them inline', () => {
  const loader = readBuilt('dist/stack-advisor.js');
  const chunk = readBuilt('dist/stack-advisor-engine.js');
  const offline = readBuilt('dist/stack-advisor-offline.html');
  assert.match(loader, /stack-advisor-engine\.js/);
  for (const file of ['stack-advisor-engine.wasm', 'stack-advisor-mcda.wasm', 'stack-advisor-mcda-glue.js', 'stack-advisor-mcda-ui.js', 'stack-advisor-de.js', 'stack-advisor-texts.js']) {
    assert.match(chunk, new RegExp(file.replaceAll('.', '\\.')));
    assert.doesNotMatch(offline, new RegExp(file.replaceAll('.', '\\.')));
  }
  // The offline page is larger than the chunk by both .wasm files inline, compressed and in base64
  // (their sizes: docs/size.md).
  assert.ok(offline.length - chunk.length > 100_000, `offline page only ${offline.length - chunk.length} bytes larger than the chunk`);
});

test('the snippet carries the default verdict as its fallback (dist/fallback.html, from stack-advisor render)', () => {
  const fallback = readBuilt('dist/fallback.html');
  assert.equal(fallback, render());
  const snippet = readBuilt('dist/snippet.html');
  const children = snippet.slice(snippet.indexOf('<stack-advisor>') + '<stack-advisor>'.length, snippet.indexOf('</stack-advisor>'));
  assert.equal(children.replace(/\n\s*/g, '\n').trim(), fallback.trim());
});
