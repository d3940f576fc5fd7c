// scripts/minify-exports.mjs on the built engine: every export renamed in the
// .wasm and its glue alike, the renamed pair still runs, and a glue that may
// reach an export another way is refused rather than half-renamed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { minifyExports } from '../../scripts/minify-exports.mjs';
import { bytesOfBuilt, readBuilt } from './built.mjs';

const wasm = bytesOfBuilt('pkg/stack_advisor_bg.wasm');
const glue = readBuilt('pkg/stack_advisor.js');

test('the engine\'s exports get short names in the .wasm and the glue, and the pair still recommends', async () => {
  const short = minifyExports(wasm, glue, 'engine');
  const names = WebAssembly.Module.exports(new WebAssembly.Module(short.wasm)).map((e) => e.name);
  assert.deepEqual(names, [...short.renamed.values()]);
  assert.ok(names.every((n) => n.length <= 2), names.join(' '));
  assert.ok(short.wasm.length < wasm.length);
  assert.ok(short.renamed.has('recommend') && short.renamed.has('memory'));
  assert.doesNotMatch(short.glue, /\bwasm\.(recommend|memory|__wbindgen_\w+)\b/);

  // The renamed glue, as a module, instantiated with the renamed .wasm, on the default matrix.
  const dir = mkdtempSync(join(tmpdir(), 'minify-exports-'));
  try {
    writeFileSync(join(dir, 'glue.mjs'), short.glue);
    const engine = await import(pathToFileURL(join(dir, 'glue.mjs')).href);
    engine.initSync({ module: short.wasm });
    const matrix = JSON.parse(readFileSync(new URL('../../data/node-vs-python.json', import.meta.url), 'utf8'));
    assert.equal(engine.recommend({ project: 'realtime', team: 'javascript' }, matrix).verdict, 'node');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a glue that reads an export by a computed key, by its name in quotes, or one the .wasm lacks is refused', () => {
  assert.throws(() => minifyExports(wasm, `${glue}\nwasm['recommend'];`, 'engine'), /wasm\[…\]/);
  assert.throws(() => minifyExports(wasm, `${glue}\nconst name = "recommend";`, 'engine'), /recommend in quotes/);
  assert.throws(() => minifyExports(wasm, `${glue}\nwasm.__wbindgen_gone();`, 'engine'), /does not export/);
});
