// Consumer 4 (continued): the README's Node.js example, taken from the
// installed package's README.md (the block after `<!-- test: node -->`), runs
// as written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('stack-advisor/package.json'));
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const example = readme.match(/<!-- test: node -->\s*```js\n([\s\S]*?)```/)?.[1];
assert.ok(example, 'the README has a Node.js example marked <!-- test: node -->');

// Inside node_modules/ so that `stack-advisor` resolves to the installed package.
const dir = join(packageDir, '..', '.cache', 'readme');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'example.mjs');
writeFileSync(file, example);
const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
assert.equal(run.status, 0, `the README example failed:\n${run.stderr}`);
assert.match(run.stdout, /^node clear \{/m, `unexpected output:\n${run.stdout}`);
console.log(`node: the README example runs (${run.stdout.split('\n')[0].slice(0, 60)}...)`);
