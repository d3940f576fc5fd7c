// The README runner's parsing (tests/readme/blocks.mjs): fences, shell
// commands with their expected exit codes, and the claims in JS comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedValues, fencedBlocks, jsClaims, shellCommands } from '../readme/blocks.mjs';

test('fencedBlocks: language, body, line and heading of each block', () => {
  const md = '# Title\n\n## Use\n\n```sh\nmake demo\n```\n\ntext\n\n```\nsrc/  the code\n```\n';
  assert.deepEqual(fencedBlocks(md), [
    { lang: 'sh', code: 'make demo', line: 5, heading: 'Use' },
    { lang: '', code: 'src/  the code', line: 11, heading: 'Use' },
  ]);
  assert.throws(() => fencedBlocks('```js\nx\n'), /never closed/);
});

test('shellCommands: comments split off, `# exit N` read, blank and comment lines dropped', () => {
  const code = "# a comment\nmake build   # writes dist/\n\ncargo run -- check x.json   # exit 1: every problem\necho '# not a comment' \\\n  done";
  assert.deepEqual(shellCommands(code, 10), [
    { command: 'make build', comment: 'writes dist/', exit: 0, line: 11 },
    { command: 'cargo run -- check x.json', comment: 'exit 1: every problem', exit: 1, line: 13 },
    { command: "echo '# not a comment'  done", comment: '', exit: 0, line: 14 },
  ]);
});

test('expectedValues: a list of JSON literals, or null', () => {
  assert.deepEqual(expectedValues('"node" "clear"'), ['node', 'clear']);
  assert.deepEqual(expectedValues('3 true null'), [3, true, null]);
  assert.equal(expectedValues('loads the packaged .wasm files once'), null);
  assert.equal(expectedValues('"node" and more'), null);
});

test('jsClaims: logged values and instance types become checks; other lines stay', () => {
  const { code, claims } = jsClaims('await init();                   // loads once\nconsole.log(r.verdict, r.confidence); // "node" "clear"\nr.scores;  // Float64Array, one per row');
  assert.equal(claims, 2);
  const lines = code.split('\n');
  assert.equal(lines[0], 'await init();                   // loads once');
  assert.equal(lines[1], '__readmeExpect([r.verdict, r.confidence], ["node","clear"], 1);');
  assert.equal(lines[2], '__readmeInstance(r.scores, Float64Array, "r.scores", 2);');
});
