// Unit tests for www/explain.js: the probability behind the confidence word,
// the named parts of the score bars, outweighed reasons, "what would change
// this" from answer and priority flips, score ranges and per-runtime guidance.
// Results here are made by hand after the result format of issue 13.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../www/i18n/en.js';
import de from '../../www/i18n/de.js';
import { pickLocale } from '../../www/format/locale.js';
import {
  barParts,
  changeSentences,
  formatProbability,
  guidanceGroups,
  outweighedSentence,
  partText,
  probabilitySentence,
  rangeNote,
  rulePoints,
  scoreScale,
  splitRules,
  verdictProbability,
} from '../../www/explain.js';

const deT = pickLocale('de', { en, de });
const labels = { node: 'Node.js', python: 'Python', go: 'Go', hybrid: 'Use both' };
const matrix = {
  id: 'node-vs-python',
  options: [{ id: 'node', label: 'Node.js' }, { id: 'python', label: 'Python' }],
  criteria: [
    { id: 'ai-ml', label: 'AI and machine learning' },
    { id: 'team-javascript', label: 'Team knows JavaScript', segment: true },
    { id: 'team-python', label: 'Team knows Python', segment: true },
  ],
  questions: [
    { id: 'project', kind: 'single', label: 'What are you building?', choices: [] },
    { id: 'team', kind: 'single', label: 'What does your team already know well?', choices: [] },
    { id: 'needs', kind: 'multi', label: 'What must it do well?', choices: [] },
  ],
};
const result = (over = {}) => ({
  verdict: 'python',
  leader: 'python',
  runner_up: 'node',
  confidence: 'lean',
  confidence_probability: 0.87,
  scores: { node: 57.2, python: 69.4 },
  contributions: { node: { 'ai-ml': 5, 'team-javascript': 8.2 }, python: { 'ai-ml': 20, 'team-python': 0 } },
  rule_points: { node: 0, python: 0 },
  reasons: [{ criterion: 'ai-ml', label: 'AI and machine learning', favours: 'python', gap: 15 }],
  outweighed: [{ criterion: 'team-javascript', label: 'Team knows JavaScript', favours: 'node', gap: 8.21 }],
  answer_flips: [],
  priority_flips: [],
  rules: [],
  ...over,
});

test('probabilities: rounded down so the figure never crosses a threshold; 0% and 100% only when exact', () => {
  const cases = [
    [0.87, '87%'], [0.8999, '89%'], [0.9, '90%'], [0.6999, '69%'], [0.7, '70%'], [0.29, '29%'], [0.5, '50%'],
    [0.99, '99%'], [0.9901, 'over 99%'], [0.9995, 'over 99%'], [1, '100%'],
    [0.01, '1%'], [0.0099, 'under 1%'], [0.0001, 'under 1%'], [0, '0%'],
  ];
  for (const [p, text] of cases) assert.equal(formatProbability(p, en, 'en'), text, String(p));
  assert.equal(formatProbability(NaN, en), '—');
  assert.equal(formatProbability(0.999, deT, 'de'), 'über 99\u00a0%');
  assert.equal(formatProbability(0.874, deT, 'de'), '87\u00a0%');
  // Every k/2000 (the Monte Carlo's resolution) shows a figure at or below it.
  for (let k = 1; k < 2000; k++) {
    const shown = formatProbability(k / 2000, en, 'en');
    const n = Number(/\d+/.exec(shown)[0]);
    const pct = (k / 2000) * 100;
    if (shown.startsWith('over')) assert.ok(pct > n, `${k}: ${shown}`);
    else if (shown.startsWith('under')) assert.ok(pct < n, `${k}: ${shown}`);
    else assert.ok(n <= pct + 1e-9 && pct < n + 1, `${k}: ${shown}`);
  }
});

test('the probability sentence speaks of the verdict: wins, beats the runner-up, or holds for "Use both"', () => {
  assert.equal(probabilitySentence(result(), labels, en), 'Python wins in 87% of plausible readings of the evidence and your priorities.');
  const three = result({ scores: { node: 57, python: 69, go: 40 } });
  assert.equal(probabilitySentence(three, labels, en), 'Python beats Node.js in 87% of plausible readings of the evidence and your priorities.');
  const both = result({ verdict: 'hybrid', confidence_probability: 0.999 });
  assert.equal(probabilitySentence(both, labels, en), 'Use both holds in over 99% of plausible readings of the evidence and your priorities.');
  assert.equal(probabilitySentence(result(), labels, deT, 'de'), 'Python gewinnt in 87\u00a0% der plausiblen Lesarten der Belege und Ihrer Prioritäten.');
  // Not win_probability: confidence_probability is the number shown.
  assert.equal(probabilitySentence(result({ win_probability: { python: 0.2 } }), labels, en).includes('87%'), true);
  assert.equal(probabilitySentence(result({ confidence_probability: undefined }), labels, en), '');
  assert.equal(verdictProbability(result({ confidence_probability: 'x' })), null);
});

test('bar parts: segment criteria and rule points named, the rest as the base; scale past 100', () => {
  const parts = barParts(result(), matrix);
  assert.deepEqual(parts.node, { total: 57.2, base: 57.2 - 8.2, parts: [{ kind: 'segment', id: 'team-javascript', label: 'Team knows JavaScript', points: 8.2 }] });
  assert.deepEqual(parts.python.parts, [], 'a zero contribution is not a part');
  const ruled = barParts(result({ scores: { node: 112, python: 69.4 }, rule_points: { node: 12, python: 0 } }), matrix);
  assert.equal(ruled.node.parts.length, 2);
  assert.deepEqual(ruled.node.parts[1], { kind: 'rule', id: 'rules', label: '', points: 12 });
  assert.ok(Math.abs(ruled.node.base - (112 - 12 - 8.2)) < 1e-9);
  assert.equal(partText(ruled.node.parts[0], en), 'Team knows JavaScript +8');
  assert.equal(partText(ruled.node.parts[1], en), 'Rules +12');
  assert.equal(partText({ kind: 'segment', label: 'Team knows Python', points: 0.42 }, deT, 'de'), 'Team knows Python +0,4');
  assert.equal(scoreScale({ node: 57, python: 69 }), 100);
  assert.equal(scoreScale({ node: 112, python: 69 }), 112);
  assert.equal(scoreScale({}), 100);
  // A matrix without segment criteria: the bar is all base.
  assert.deepEqual(barParts(result(), { ...matrix, criteria: [{ id: 'team-javascript' }] }).node.parts, []);
});

test('outweighed criteria and rules are sentences that name the side they count for', () => {
  const r = result();
  assert.equal(
    outweighedSentence(r.outweighed[0], r, labels, en),
    "Team knows JavaScript counts for Node.js (8.2 points), but Python's lead on AI and machine learning outweighs it.",
  );
  assert.equal(
    outweighedSentence(r.outweighed[0], r, labels, deT, 'de'),
    '„Team knows JavaScript“ spricht für Node.js (8,2 Punkte), doch der Vorsprung von Python bei „AI and machine learning“ wiegt schwerer.',
  );
  assert.equal(outweighedSentence(r.outweighed[0], { ...r, reasons: [] }, labels, en), "Team knows JavaScript counts for Node.js (8.2 points), but Python's lead outweighs it.");
  const rules = [
    { id: 'a', kind: 'override', option: 'python', points: 6, text: 'A' },
    { id: 'b', kind: 'override', option: 'node', points: 0.5, text: 'B' },
    { id: 'h', kind: 'hybrid', text: 'H' },
  ];
  assert.deepEqual(splitRules(result({ rules })), { backing: [rules[0]], against: [rules[1]] });
  assert.deepEqual(splitRules(result({ verdict: 'hybrid', rules })), { backing: rules.slice(0, 2), against: [] });
  assert.equal(rulePoints(rules[0]), '+6');
  assert.equal(rulePoints(rules[1], 'de'), '+0,5');
  assert.equal(rulePoints({ points: 0 }), '');
  assert.equal(rulePoints({}), '');
});

test('what would change this: answers and priority levels in words, varied, deduplicated, capped', () => {
  const flips = result({
    answer_flips: [
      { question: 'project', question_label: 'What are you building?', choice: 'realtime', choice_label: 'Real-time app', change: 'pick', new_verdict: 'node' },
      { question: 'project', question_label: 'What are you building?', choice: 'serverless', choice_label: 'Serverless', change: 'pick', new_verdict: 'node' },
      { question: 'team', question_label: 'Team', choice: 'python', choice_label: 'Python', change: 'pick', new_verdict: 'python' },
      { question: 'team', question_label: 'Team', choice: 'javascript', choice_label: 'JavaScript or TypeScript', change: 'pick', new_verdict: 'node' },
      { question: 'team', question_label: 'Team', choice: 'neither', choice_label: 'Neither yet', change: 'pick', new_verdict: 'node' },
      { question: 'needs', question_label: 'Needs', choice: 'realtime', choice_label: 'Live updates or WebSockets', change: 'add', new_verdict: 'hybrid' },
      { question: 'needs', question_label: 'Needs', choice: 'ai', choice_label: 'AI or LLM features', change: 'remove', new_verdict: 'node' },
    ],
    priority_flips: [
      { id: 'cold-start', label: 'Fast cold starts', value: 2, flip_value: 4, new_verdict: 'node' },
      { id: 'hiring', label: 'Hiring cost and speed', value: 3, flip_value: 1, new_verdict: 'node' },
      { id: 'learning', label: 'Easy to learn', value: 2, flip_value: 5, new_verdict: 'hybrid' },
      { id: 'cost', label: 'Low running cost', value: 2, flip_value: 0, new_verdict: 'node' },
      { id: 'broken', label: 'Out of range', value: 2, flip_value: 7, new_verdict: 'node' },
      { id: 'same', label: 'No change', value: 2, flip_value: 2, new_verdict: 'node' },
    ],
  });
  const all = changeSentences(flips, matrix, labels, en);
  assert.deepEqual(all, [
    'If your team knew JavaScript or TypeScript, Node.js would win.',
    'If you also needed live updates or WebSockets, the verdict would be “Use both”.',
    'If fast cold starts mattered 4/5 or more, Node.js would win.',
    'If you were building “Real-time app” instead, Node.js would win.',
    'If you did not need AI or LLM features, Node.js would win.',
    'If hiring cost and speed mattered 1/5 or less, Node.js would win.',
    'If easy to learn were critical (5/5), the verdict would be “Use both”.',
    'If low running cost did not matter at all (0/5), Node.js would win.',
  ]);
  // Nothing about the verdict it already is, no repeats of a question's outcome, no raw weights.
  assert.ok(!all.some((s) => /Python would win|neither|Serverless|weigh|Out of range|No change/.test(s)), all.join('\n'));
  assert.deepEqual(changeSentences(flips, matrix, labels, en, 3), all.slice(0, 3));
  assert.deepEqual(changeSentences(result(), matrix, labels, en), []);
  // An author's matrix has no phrases of its own: the question and the choice are quoted.
  const generic = changeSentences(flips, { ...matrix, id: 'db' }, labels, en, 2);
  assert.deepEqual(generic, ['If you answered “JavaScript or TypeScript” to “Team”, Node.js would win.', 'If you also ticked “Live updates or WebSockets”, the verdict would be “Use both”.']);
  assert.deepEqual(changeSentences(flips, matrix, labels, deT, 3), [
    'Könnte Ihr Team JavaScript or TypeScript, läge Node.js vorn.',
    'Bräuchten Sie auch „Live updates or WebSockets“, hieße die Empfehlung „Use both“.',
    'Wäre „Fast cold starts“ 4/5 oder mehr wichtig, läge Node.js vorn.',
  ]);
});

test('score ranges in words; a lopsided one says which way it leans', () => {
  assert.equal(rangeNote(5, 4, 8, en), '4–8, leans higher');
  assert.equal(rangeNote(7, 3, 8, en), '3–8, leans lower');
  assert.equal(rangeNote(7, 6, 8, en), '6–8');
  assert.equal(rangeNote(7, 6.2, 8, en), '6.2–8', 'not half again as long on one side: not lopsided');
  assert.equal(rangeNote(7, 6.8, 7.4, en), '6.8–7.4', 'twice as long, but by less than half a point: not lopsided');
  assert.equal(rangeNote(7, 7, 7, en), null);
  assert.equal(rangeNote(7, undefined, 8, en), null);
  assert.equal(rangeNote(5, 4, 8, deT, 'de'), '4–8, eher nach oben offen');
});

test('guidance groups: one without a heading for an option, per runtime for "Use both"', () => {
  const entry = (owner, id) => ({ key: `${owner}/${id}`, owner, section: { id, title: id } });
  const single = [entry('python', 'hiring'), entry('python', 'starter')];
  assert.deepEqual(guidanceGroups(single, result(), labels, en), [{ owner: 'python', heading: '', entries: single }]);
  assert.deepEqual(guidanceGroups([], result(), labels, en), []);
  const mixed = [entry('hybrid', 'ops'), entry('node', 'hiring'), entry('node', 'starter'), entry('python', 'hiring')];
  const groups = guidanceGroups(mixed, result({ verdict: 'hybrid' }), labels, en);
  assert.deepEqual(groups.map((g) => [g.owner, g.heading, g.entries.length]), [
    ['hybrid', 'Use both: running them together', 1],
    ['node', 'Node.js side', 2],
    ['python', 'Python side', 1],
  ]);
  assert.equal(guidanceGroups(mixed, result({ verdict: 'hybrid' }), labels, deT)[1].heading, 'Node.js-Seite');
});

test('the default matrix\'s newer answers read as sentences too (traffic, AI planned, analysts)', () => {
  const flip = (question, choice, choice_label, change) => ({ question, question_label: question, choice, choice_label, change, new_verdict: 'node' });
  const r = result({
    answer_flips: [
      flip('traffic', 'thousands', 'Thousands at once', 'pick'),
      flip('needs', 'ai-planned', 'AI or ML planned within about 18 months', 'remove'),
      flip('needs', 'analysts', 'Analysts or researchers will read or change the code', 'add'),
    ],
  });
  assert.deepEqual(changeSentences(r, matrix, labels, en), [
    'If you expected thousands at once, Node.js would win.',
    'If you planned no AI or ML within about 18 months, Node.js would win.',
    'If analysts or researchers would also read or change the code, Node.js would win.',
  ]);
});
