// Consumer 4 (continued): every form of init() in Node.js, each in a fresh
// process (the engine loads once per process): no argument, a file: URL, the
// bytes, a compiled WebAssembly.Module, and a bad source (a clear error).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const FORMS = {
  'no argument': 'await init();',
  'a file: URL': "await init(new URL(import.meta.resolve('stack-advisor/wasm')));",
  'a file: URL string': "await init(import.meta.resolve('stack-advisor/wasm'));",
  bytes: "await init(await readFile(new URL(import.meta.resolve('stack-advisor/wasm'))));",
  'a WebAssembly.Module': "await init(await WebAssembly.compile(await readFile(new URL(import.meta.resolve('stack-advisor/wasm')))));",
  'a promise of bytes': "await init(readFile(new URL(import.meta.resolve('stack-advisor/wasm'))));",
};

for (const [form, call] of Object.entries(FORMS)) {
  const code = `import { readFile } from 'node:fs/promises';
import { init, recommend } from 'stack-advisor';
${call}
console.log(recommend({ project: 'realtime' }).verdict);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(run.status, 0, `init with ${form} failed:\n${run.stderr}`);
  assert.equal(run.stdout.trim(), 'node', `init with ${form}`);
}

const bad = spawnSync(process.execPath, ['--input-type=module', '-e', `import { init } from 'stack-advisor';
await init(new Uint8Array([1, 2, 3])).then(() => process.exit(3), (error) => { console.log(error.message); });`], { encoding: 'utf8' });
assert.equal(bad.status, 0, bad.stderr);
assert.match(bad.stdout, /^stack-advisor: the WebAssembly engine could not be loaded \(/);

console.log(`node: init() with ${Object.keys(FORMS).join(', ')}: ok; bad bytes: a clear error`);
