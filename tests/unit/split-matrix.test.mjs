// The one-tag engine chunk carries the default matrix without the texts its
// first result does not show (scripts/split-matrix.mjs); the part
// stack-advisor-texts.js brings them on first use. Here: both halves are
// valid, they add up to the data file, and over a wide spread of answers the
// result the chunk's half gives shows exactly what the whole matrix's does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importBuilt } from './built.mjs';
import { splitMatrix } from '../../scripts/split-matrix.mjs';
import { pickEvidence } from '../../www/format/evidence.js';
import { joinMatrixTexts } from '../../www/format/matrix-texts-join.js';

const full = JSON.parse(readFileSync(new URL('../../data/node-vs-python.json', import.meta.url), 'utf8'));
const { lite, titles, texts } = splitMatrix(full);
const { init, recommend, validateMatrix } = await importBuilt('pkg/node.js');
await init();

/** The two halves put back together as www/engine.js's loadMatrixTexts does. */
function joined() {
  return joinMatrixTexts(structuredClone(lite), texts);
}

test('the chunk\'s half is a valid matrix, smaller, with guidance titles only in `titles`', () => {
  assert.deepEqual(validateMatrix(lite), []);
  assert.ok(JSON.stringify(lite).length < JSON.stringify(full).length * 0.75);
  assert.ok(lite.options.every((o) => o.guidance === undefined));
  assert.deepEqual(titles['option:node'].map((s) => s.title), full.options.find((o) => o.id === 'node').guidance.map((s) => s.title));
  for (const c of lite.criteria) assert.ok(c.evidence.length >= 1, `${c.id} keeps a passage`);
  // Criteria's descriptions (no widget shows them) are in the texts.
  assert.ok(lite.criteria.every((c) => c.description === undefined));
  assert.ok(full.criteria.some((c) => c.description) && full.criteria.every((c) => texts.descriptions[c.id] === c.description));
});

test('the two halves add up to the data file', () => {
  // Key order aside (the guidance is added last), the same matrix.
  assert.deepEqual(joined(), full);
  assert.deepEqual(validateMatrix(joined()), []);
});

/** Answers over the space a reader can reach: project × team × traffic, with no need, each need alone, and a priority. */
function* answerSets() {
  const q = Object.fromEntries(full.questions.map((x) => [x.id, x]));
  const ids = (id) => [undefined, ...q[id].choices.map((c) => c.id)];
  const needs = [[], ...q.needs.choices.map((c) => [c.id])];
  for (const project of ids('project')) {
    for (const team of ids('team')) {
      for (const traffic of ids('traffic')) {
        for (const [i, need] of needs.entries()) {
          const priorities = i % 3 === 0 ? {} : { [q.priorities.items[i % q.priorities.items.length].id]: i % 2 ? 5 : 1 };
          yield { project, team, traffic, needs: need, priorities };
        }
      }
    }
  }
}

/** What a result shows of its evidence: the passage each reason and outweighed criterion picks (result-view.js, markdown.js). */
function shown(result) {
  const label = (id) => full.options.find((o) => o.id === id)?.label ?? id;
  return [...result.reasons, ...result.outweighed].map((r) => [r.criterion, pickEvidence(r.evidence, label(r.favours))?.text]);
}

/** The result without what the chunk's half leaves out (the evidence lists and the sources only they cite). */
const rest = (result) => ({
  ...result,
  reasons: result.reasons.map(({ evidence, ...r }) => r),
  outweighed: result.outweighed.map(({ evidence, ...r }) => r),
  sources: undefined,
});

test('every reachable first result shows the same verdict, scores and passages from the chunk\'s half', () => {
  // One matrix after the other: the engine then reads each once (engine.js's cache).
  const sets = [...answerSets()];
  const whole = sets.map((answers) => recommend(answers, full));
  for (const [i, answers] of sets.entries()) {
    const b = recommend(answers, lite);
    assert.deepEqual(shown(b), shown(whole[i]), JSON.stringify(answers));
    assert.deepEqual(rest(b), rest(whole[i]), JSON.stringify(answers));
  }
  assert.ok(sets.length > 3000, `${sets.length} answer sets`);
});
