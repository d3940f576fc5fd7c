// www/ahead.js: a result (or error) worked out during a press serves the one
// answer it was for, on the matrix it was for, once; anything else is
// computed anew.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resultAhead } from '../../www/ahead.js';

/** A counting stand-in for the engine: the result names the request and the call. */
function counting() {
  const calls = [];
  const compute = (request) => {
    calls.push(request);
    if (request.fail) throw new Error('bad answers');
    return { for: JSON.stringify(request), call: calls.length };
  };
  return { calls, ahead: resultAhead(compute) };
}

const matrix = { id: 'm' };

test('the answer the press was for takes its result without computing again', () => {
  const { calls, ahead } = counting();
  ahead.ahead({ project: 'realtime' }, matrix);
  const result = ahead.take({ project: 'realtime' }, matrix);
  assert.deepEqual(result, { for: '{"project":"realtime"}', call: 1 });
  assert.equal(calls.length, 1);
});

test('another answer, another matrix, or a second answer computes anew', () => {
  const { calls, ahead } = counting();
  ahead.ahead({ project: 'ai-ml' }, matrix);
  assert.deepEqual(ahead.take({ project: 'data-pipeline' }, matrix), { for: '{"project":"data-pipeline"}', call: 2 });

  ahead.ahead({ project: 'ai-ml' }, matrix);
  assert.deepEqual(ahead.take({ project: 'ai-ml' }, { id: 'm' }), { for: '{"project":"ai-ml"}', call: 4 });

  ahead.ahead({ project: 'mvp' }, matrix);
  assert.equal(ahead.take({ project: 'mvp' }, matrix).call, 5);
  // Kept for one answer only: the same answer again is computed again.
  assert.equal(ahead.take({ project: 'mvp' }, matrix).call, 6);
  assert.equal(calls.length, 6);
});

test('an error during the press is thrown by the answer it was for, not during the press, and not for another answer', () => {
  const { calls, ahead } = counting();
  assert.doesNotThrow(() => ahead.ahead({ fail: true }, matrix));
  assert.throws(() => ahead.take({ fail: true }, matrix), /bad answers/);
  assert.equal(calls.length, 1);

  ahead.ahead({ fail: true }, matrix);
  assert.deepEqual(ahead.take({ project: 'mvp' }, matrix), { for: '{"project":"mvp"}', call: 3 });
});
