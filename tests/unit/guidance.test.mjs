// Unit tests for the guidance helpers of www/format/guidance.js: which guidance a
// verdict shows, the "Compare all factors" rows, the Markdown export and the
// German titles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import en from '../../www/i18n/en.js';
import de from '../../www/i18n/de.js';
import { compareRows, guidanceFor } from '../../www/format/guidance.js';
import { localizeMatrix, pickLocale } from '../../www/format/locale.js';
import { toMarkdown } from '../../www/markdown.js';

const data = JSON.parse(readFileSync(new URL('../../data/node-vs-python.json', import.meta.url), 'utf8'));

const list = (id, title, sources = ['s1']) => ({ id, kind: 'list', title, items: [{ label: 'Pay', text: `${title} text`, sources }] });
const matrix = {
  id: 'db',
  title: 'Which database?',
  options: [
    { id: 'pg', label: 'PostgreSQL', guidance: [list('hiring', 'Hiring PG'), { id: 'starter', kind: 'code', title: 'Starter PG', language: 'sql', code: 'SELECT ```x```;\n', note: 'Pool it.', sources: ['s2'] }] },
    { id: 'mongo', label: 'MongoDB', guidance: [list('hiring', 'Hiring Mongo')] },
    { id: 'redis', label: 'Redis' },
  ],
  criteria: [
    { id: 'joins', label: 'Joins', weight: 2, evidence: [{ source: 's1', text: 'PostgreSQL joins fast.' }, { source: 's2', text: 'MongoDB has $lookup, 3x slower.' }, { source: 's1', text: 'Another.' }] },
    { id: 'schema', label: 'Schema freedom', evidence: [] },
    { id: 'ops', label: 'Ops cost', direction: 'cost', evidence: [{ source: 's2', text: 'Ops.' }] },
  ],
  scores: [
    { option: 'pg', criterion: 'joins', value: 9, sources: ['s1'] },
    { option: 'mongo', criterion: 'joins', value: 4, low: 3, high: 7, sources: ['s2'] },
    { option: 'redis', criterion: 'joins', value: 1 },
    { option: 'pg', criterion: 'schema', value: 5 },
    { option: 'mongo', criterion: 'schema', value: 9 },
    { option: 'redis', criterion: 'schema', value: 9 },
    { option: 'pg', criterion: 'ops', value: 3 },
    { option: 'mongo', criterion: 'ops', value: 6 },
    { option: 'redis', criterion: 'ops', value: 2 },
  ],
  sources: [
    { id: 's1', title: 'Notes', publisher: 'Us', date: '2026-01' },
    { id: 's2', title: 'Vendor page', publisher: 'DB Inc', date: '2026', sponsored: true, note: 'Sells MongoDB hosting.' },
  ],
  rules: [
    { id: 'both', kind: 'hybrid', label: 'Use both', text: 'Split.', guidance: [list('ops', 'Running both')] },
    { id: 'other', kind: 'hybrid', label: 'Other', text: 'Unused.', guidance: [list('ops', 'Never shown')] },
  ],
};
const result = (over = {}) => ({
  verdict: 'pg',
  confidence: 'clear',
  scores: { pg: 70, mongo: 60, redis: 40 },
  ranking: ['pg', 'mongo', 'redis'],
  weights: { joins: 1, schema: 3, ops: 1 },
  reasons: [],
  rules: [],
  disputes: [],
  flip_points: [],
  sources: [],
  hybrid: null,
  ...over,
});
const hybrid = () =>
  result({
    verdict: 'hybrid',
    rules: [{ id: 'both', kind: 'hybrid', text: 'Split.', sources: [], option: null }],
    hybrid: { label: 'Use both', text: 'Split.', split: [{ option: 'mongo', role: 'docs' }, { option: 'pg', role: 'money' }], sources: [] },
  });

test('guidanceFor: the winning option only', () => {
  const g = guidanceFor(result(), matrix);
  assert.deepEqual(g.map((e) => [e.key, e.owner, e.section.title]), [
    ['option:pg/hiring', 'pg', 'Hiring PG'],
    ['option:pg/starter', 'pg', 'Starter PG'],
  ]);
  assert.deepEqual(guidanceFor(result({ verdict: 'redis' }), matrix), []);
  assert.deepEqual(guidanceFor(null, matrix), []);
});

test('guidanceFor: a hybrid verdict shows the applied rule, then each option of the split in its order', () => {
  const g = guidanceFor(hybrid(), matrix);
  assert.deepEqual(g.map((e) => e.key), ['rule:both/ops', 'option:mongo/hiring', 'option:pg/hiring', 'option:pg/starter']);
  assert.equal(g[0].owner, 'hybrid');
  // Keys differ between owners that use the same section id.
  assert.equal(new Set(g.map((e) => e.key)).size, g.length);
});

test('guidanceFor on the default matrix: node, python and hybrid', () => {
  const titles = (r) => guidanceFor(r, data).map((e) => e.section.title);
  const node = titles(result({ verdict: 'node' }));
  const python = titles(result({ verdict: 'python' }));
  assert.deepEqual(node, data.options[0].guidance.map((s) => s.title));
  assert.deepEqual(python, data.options[1].guidance.map((s) => s.title));
  const both = titles({
    verdict: 'hybrid',
    rules: [{ id: 'use-both', kind: 'hybrid' }],
    hybrid: { split: data.rules.find((r) => r.id === 'use-both').split },
  });
  assert.deepEqual(both, ['Running Node.js and Python together', ...node, ...python]);
});

test('compareRows: heaviest weight first, ties in matrix order, shares, best option, cost turned around', () => {
  const labels = { pg: 'PostgreSQL', mongo: 'MongoDB', redis: 'Redis' };
  const rows = compareRows(matrix, result(), labels);
  assert.deepEqual(rows.map((r) => r.id), ['schema', 'joins', 'ops']);
  assert.deepEqual(rows.map((r) => r.share), [0.6, 0.2, 0.2]);
  const [schema, joins, ops] = rows;
  assert.equal(joins.best, 'pg');
  assert.equal(schema.best, null, 'a tie at the top has no best');
  assert.equal(ops.cost, true);
  assert.equal(ops.best, 'redis', 'lowest cost wins');
  assert.deepEqual(joins.cells.map((c) => [c.option, c.value, c.sources]), [['pg', 9, ['s1']], ['mongo', 4, ['s2']], ['redis', 1, []]]);
  // The built-in weight is the matrix's (0 when it gives none); ranges come with the scores.
  assert.deepEqual(rows.map((r) => [r.id, r.base, r.weight]), [['schema', 0, 3], ['joins', 2, 1], ['ops', 0, 1]]);
  assert.deepEqual(joins.cells.map((c) => [c.low, c.high]), [[null, null], [3, 7], [null, null]]);
  // One passage per side, from different sources where possible.
  assert.deepEqual(joins.evidence.map((e) => e.text), ['PostgreSQL joins fast.', 'MongoDB has $lookup, 3x slower.']);
  assert.deepEqual(schema.evidence, []);
  // A zero total weight gives shares of 0, not NaN.
  assert.deepEqual(compareRows(matrix, result({ weights: {} })).map((r) => r.share), [0, 0, 0]);
  // The order follows the reader's weights.
  assert.deepEqual(compareRows(matrix, result({ weights: { joins: 0, schema: 1, ops: 5 } })).map((r) => r.id), ['ops', 'schema', 'joins']);
});

test('compareRows on the default matrix covers every criterion with two passages', () => {
  const weights = Object.fromEntries(data.criteria.map((c, i) => [c.id, i % 3]));
  const rows = compareRows(data, result({ weights }), { node: 'Node.js', python: 'Python' });
  assert.equal(rows.length, data.criteria.length);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].weight >= rows[i].weight);
  for (const row of rows) assert.equal(row.evidence.length, 2, row.id);
});

test('toMarkdown includes the verdict\'s guidance with citations and fenced code', () => {
  const md = toMarkdown(result(), { matrix, t: en, lang: 'en' });
  assert.match(md, /### What to do next\n\n#### Hiring PG\n\n- \*\*Pay\*\*: Hiring PG text \[1\]\n/);
  // A fence longer than any backtick run inside the code, with the language.
  assert.match(md, /#### Starter PG\n\n````sql\nSELECT ```x```;\n````\n\nPool it\. \[2\]/);
  assert.doesNotMatch(md, /Hiring Mongo|Running both/);
  // Guidance sources come from the matrix when the result did not cite them, vendor marked.
  assert.match(md, /1\. Notes, Us, Jan 2026\n2\. Vendor page, DB Inc, 2026 — vendor: Sells MongoDB hosting\./);

  // "Use both": grouped per runtime, the hybrid rule's sections first, each group a heading.
  const both = toMarkdown(hybrid(), { matrix, t: en, lang: 'en' });
  const order = [
    '#### Use both: running them together\n',
    '##### Running both\n',
    '#### MongoDB side\n',
    '##### Hiring Mongo\n',
    '#### PostgreSQL side\n',
    '##### Hiring PG\n',
    '##### Starter PG\n',
  ].map((h) => both.indexOf(h));
  assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), order.join());
  assert.doesNotMatch(both, /Never shown/);
  // Code keeps its blank lines (Python's two between definitions), while the text around it is tidied.
  const spaced = structuredClone(matrix);
  spaced.options[0].guidance[1].code = 'import os\n\n\ndef f():\n    pass\n';
  assert.match(toMarkdown(result(), { matrix: spaced, t: en }), /```sql\nimport os\n\n\ndef f\(\):\n    pass\n```\n\nPool it/);
  // No guidance, no heading.
  assert.doesNotMatch(toMarkdown(result({ verdict: 'redis' }), { matrix, t: en }), /What to do next/);
});

test('German: guidance titles are translated for the default matrix, and every title has a translation', () => {
  const t = pickLocale('de', { en, de });
  const dict = t.matrixLabels[data.id];
  const view = localizeMatrix(data, dict);
  assert.equal(view.options[0].guidance[0].title, 'Node.js-Entwickler einstellen');
  assert.equal(view.rules.find((r) => r.id === 'use-both').guidance[0].title, 'Node.js und Python gemeinsam betreiben');
  // Texts stay as cited.
  assert.equal(view.options[0].guidance[0].items[0].text, data.options[0].guidance[0].items[0].text);
  const missing = [];
  for (const o of data.options) for (const g of o.guidance || []) if (!(`guidance:${o.id}.${g.id}` in dict)) missing.push(`guidance:${o.id}.${g.id}`);
  for (const r of data.rules) for (const g of r.guidance || []) if (!(`rule-guidance:${r.id}.${g.id}` in dict)) missing.push(`rule-guidance:${r.id}.${g.id}`);
  assert.deepEqual(missing, []);
  for (const key of ['guidanceHeading', 'compareHeading', 'compareCaption', 'factorColumn', 'builtInColumn', 'yoursColumn', 'yourWeight', 'range', 'rangeLeans', 'sideHeading', 'hybridGuidance', 'copyCode', 'codeCopied', 'codeCopyFailed', 'lowerIsBetter', 'evidenceLabel']) {
    assert.ok(key in en && key in de, key);
  }
  assert.equal(de.outOfTen('7,5'), '7,5/10');
  assert.equal(en.codeLabel('Starter'), 'Code: Starter');
});
