// scripts/json-module.mjs: the default matrix as `export default JSON.parse('…')`
// must give back exactly the value, whatever characters its strings hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { jsonModule } from '../../scripts/json-module.mjs';

const load = (source) => import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`).then((m) => m.default);

test('a value with quotes, backslashes, line separators and markup comes back unchanged', async () => {
  const value = { text: "it's \\ \"quoted\" \\' \u2028 \u2029 </script> <!-- é 🙂", list: [1, 2.5, -0.25, true, null], nested: { "'": "\\'" } };
  assert.deepEqual(await load(jsonModule(value)), value);
});

test('the default matrix comes back unchanged', async () => {
  const matrix = JSON.parse(readFileSync(new URL('../../data/node-vs-python.json', import.meta.url), 'utf8'));
  assert.deepEqual(await load(jsonModule(matrix)), matrix);
  assert.match(jsonModule(matrix), /^export default JSON\.parse\('/);
});
