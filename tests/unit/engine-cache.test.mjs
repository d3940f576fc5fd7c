// The engine API reuses the matrix it read on the last successful recommend()
// when the next matrix serialises to the same JSON (www/engine.js). These tests
// run the built package (pkg/, from `make build`) and make sure the reuse can
// never return a result for a matrix other than the one passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBuilt } from './built.mjs';

const { init, recommend, defaultMatrix } = await importBuilt('pkg/node.js');

await init();

test('a matrix changed in place between calls is read again', () => {
  const matrix = defaultMatrix();
  const before = recommend({ project: 'realtime' }, matrix);
  assert.equal(before.verdict, 'node');
  // Same object, new content: every Node.js score drops to the floor.
  for (const score of matrix.scores) {
    if (score.option === 'node') Object.assign(score, { value: 0, low: 0, high: 0 });
  }
  const after = recommend({ project: 'realtime' }, matrix);
  assert.equal(after.verdict, 'python');
  assert.notDeepEqual(after.scores, before.scores);
});

test('reused and freshly read matrices give identical results', () => {
  const answers = { project: 'rest-api', team: 'python' };
  const first = recommend(answers, defaultMatrix());
  const again = recommend(answers, defaultMatrix()); // equal JSON: reused
  assert.deepStrictEqual(again, first);
});

test('an invalid matrix after a valid one is reported, not replaced by the cached one', () => {
  recommend({}, defaultMatrix());
  const broken = defaultMatrix();
  broken.options[0].id = 'Not An Id';
  assert.throws(() => recommend({}, broken), (error) => /options\[0\]\.id|scores/.test(`${error.path} ${error.message}`));
  // ...and the next valid call still works.
  assert.equal(recommend({ project: 'ai-ml' }, defaultMatrix()).verdict, 'python');
});
