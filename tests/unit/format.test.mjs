// Unit tests for www/format/*.js (pure helpers of <stack-advisor>) and www/markdown.js.
// Run: node --test tests/unit/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../www/i18n/en.js';
import de from '../../www/i18n/de.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatScores,
  plainEnglish,
  sourceYear,
} from '../../www/format/numbers.js';
import {
  confidenceWord,
  lowerFirst,
  optionLabels,
  priorityWord,
  reasonSentence,
  verdictSentence,
} from '../../www/format/sentences.js';
import { pickEvidence } from '../../www/format/evidence.js';
import { parseAnswersAttribute, sameAnswers, sanitizeAnswers, withoutDefaults } from '../../www/format/answers.js';
import { decodeState, encodeState, hashKey, readHash, writeHash } from '../../www/format/hash.js';
import { localizeMatrix, localizeResult, pickLocale } from '../../www/format/locale.js';
import { describeAnswers, escapeMarkdown, toMarkdown } from '../../www/markdown.js';

const questions = [
  { id: 'project', kind: 'single', label: 'What are you building?', choices: [{ id: 'realtime', label: 'Real-time app' }, { id: 'ai-ml', label: 'AI product' }] },
  { id: 'team', kind: 'single', label: 'Team', choices: [{ id: 'python', label: 'Python' }, { id: 'javascript', label: 'JavaScript' }] },
  { id: 'needs', kind: 'multi', label: 'Needs', choices: [{ id: 'ai', label: 'AI' }, { id: 'realtime', label: 'Live updates' }] },
  {
    id: 'priorities',
    kind: 'priorities',
    label: 'How much does each matter?',
    items: [
      { id: 'hiring', label: 'Hiring cost and speed', criteria: { hiring: 1 }, default: 1 },
      { id: 'cold-start', label: 'Fast cold starts', criteria: { 'cold-start': 1 }, default: 2 },
    ],
  },
];
const matrix = {
  id: 'node-vs-python',
  title: 'Node.js or Python for your backend?',
  options: [{ id: 'node', label: 'Node.js' }, { id: 'python', label: 'Python' }],
  criteria: [{ id: 'hiring', label: 'Hiring cost and speed' }, { id: 'ai-ml', label: 'AI and machine learning' }],
  questions,
};
const result = {
  verdict: 'python',
  verdict_label: 'Python',
  leader: 'python',
  runner_up: 'node',
  confidence: 'clear',
  margin: 14.2,
  scores: { node: 58.94, python: 73.12 },
  ranking: ['python', 'node'],
  reasons: [
    { criterion: 'ai-ml', label: 'AI and machine learning', favours: 'python', gap: 9.25, evidence: [{ source: 's1', section: 'ML', text: 'numpy takes 12 ms vs 850 ms.' }], sources: ['s1'] },
  ],
  outweighed: [
    { criterion: 'hiring', label: 'Hiring cost and speed', favours: 'node', gap: 2.04, evidence: [], sources: ['s2'] },
  ],
  flip_points: [
    { criterion: 'hiring', label: 'Hiring cost and speed', weight: 4, flip_weight: 2.4, new_winner: 'node', priority: { id: 'hiring', label: 'Hiring cost and speed', value: 4, flip_value: 2.4 } },
  ],
  priority_flips: [{ id: 'hiring', label: 'Hiring cost and speed', value: 4, flip_value: 2, new_verdict: 'node', new_verdict_label: 'Node.js' }],
  answer_flips: [{ question: 'team', question_label: 'Team', choice: 'javascript', choice_label: 'JavaScript', change: 'pick', new_verdict: 'node', new_verdict_label: 'Node.js' }],
  win_probability: { node: 0.13, python: 0.87 },
  confidence_probability: 0.87,
  hybrid_probability: 0.02,
  rule_points: { node: 0, python: 0 },
  rules: [{ id: 'analysts-read-python', kind: 'override', text: 'Use what your analysts can read.', sources: ['s2'], option: 'python', points: 6 }],
  disputes: [{ id: 'mvp', topic: 'Which gets an MVP out faster?', sides: [{ option: 'node', source: 's2', section: 'MVP', text: 'One language.' }, { option: 'python', source: 's1', section: 'MVP', text: 'Django admin.' }] }],
  hybrid: null,
  sources: [
    { id: 's1', title: 'Python <b>speed</b> | guide', publisher: 'Some blog', date: '2026-05', sponsored: false },
    { id: 's2', title: 'Hire Node', publisher: 'HireNodeJS', date: '2026', url: 'https://example.com/a b', sponsored: true, note: 'Sells Node.js developers.' },
  ],
};

test('numbers, percentages and dates are formatted for the language', () => {
  assert.equal(formatNumber(1234.567, 'en', 1), '1,234.6');
  assert.equal(formatNumber(1234.567, 'de', 1), '1.234,6');
  assert.equal(formatNumber(NaN), '—');
  assert.equal(formatPercent(0.87), '87%');
  assert.equal(formatPercent(0.999), '>99%');
  // The ends as the CLI's fallback words them (src/fallback.rs): 1,990 and 10 of 2,000 samples.
  assert.equal(formatPercent(0.995), '>99%');
  assert.equal(formatPercent(0.005), '1%');
  assert.equal(formatPercent(0.125), '13%');
  assert.equal(formatPercent(0.001), '<1%');
  assert.equal(formatPercent(0), '0%');
  assert.equal(formatPercent(1), '100%');
  assert.equal(formatDate('2026-04'), 'Apr 2026');
  assert.equal(formatDate('2026'), '2026');
  assert.equal(formatDate('2026-04-09', 'en'), 'Apr 9, 2026');
  assert.equal(formatDate('last year'), 'last year');
  assert.equal(sourceYear('2026-04-09'), '2026');
});

test('English numbers made without Intl equal Intl.NumberFormat to the character', () => {
  // A seeded sweep (mulberry32) over magnitudes, signs and exact halves, plus edge cases.
  let a = 20261122;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const values = [0, -0, 0.5, 1.5, 2.5, -0.5, -0.3, 0.285, 0.005, 0.995, 0.9949, 9.95, 99.95, 999.5, 1234.5, 1e6, 123456789.125, 1.005, 0.0001, -1234.56];
  for (let i = 0; i < 20000; i++) {
    const scale = [1, 10, 100, 1e4, 1e7][i % 5];
    values.push((random() - 0.3) * scale, Math.round(random() * scale * 1000) / 1000 / (i % 2 ? 1 : 10));
  }
  let compared = 0;
  for (const lang of ['en', 'en-US', 'en-GB']) {
    const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    const numbers = [0, 1, 2].map((d) => new Intl.NumberFormat(lang, { maximumFractionDigits: d, minimumFractionDigits: 0 }));
    for (const v of values) {
      for (const d of [0, 1, 2]) assert.equal(plainEnglish(lang, v, d, ''), numbers[d].format(v), `${lang} ${v} with ${d} digits`);
      assert.equal(plainEnglish(lang, v, 0, '%'), percent.format(v), `${lang} ${v} as a percentage`);
      compared += 4;
    }
  }
  assert.ok(compared > 240000);
  // Exponent forms and other languages (even other English ones) are left to Intl.
  assert.equal(plainEnglish('en', 1e21, 0, ''), null);
  assert.equal(plainEnglish('en', 5e-7, 2, ''), null);
  assert.equal(plainEnglish('de', 1.5, 1, ''), null);
  assert.equal(plainEnglish('en-ZA', 1234.5, 1, ''), null);
  assert.equal(formatNumber(1e21, 'en'), new Intl.NumberFormat('en').format(1e21));
});

test('scores that round alike get a decimal so they never look tied when they are not', () => {
  assert.deepEqual(formatScores({ node: 58.94, python: 73.12 }), { node: '59', python: '73' });
  assert.deepEqual(formatScores({ node: 60.4, python: 59.6 }), { node: '60.4', python: '59.6' });
  assert.deepEqual(formatScores({ node: 60, python: 60 }), { node: '60', python: '60' });
});

test('confidence and priority words', () => {
  assert.equal(confidenceWord('clear', en), 'clear');
  assert.equal(confidenceWord('lean', en), 'leaning');
  assert.equal(confidenceWord('close-call', en), 'close call');
  assert.equal(confidenceWord('close-call', de), 'knapp');
  assert.equal(priorityWord(0, en), "doesn't matter");
  assert.equal(priorityWord(5, en), 'critical');
  assert.equal(priorityWord(9, en), 'critical');
  assert.equal(priorityWord(-1, en), "doesn't matter");
  assert.equal(en.priorityWords.length, 6);
  assert.equal(de.priorityWords.length, 6);
});

test('lowerFirst keeps acronyms', () => {
  assert.equal(lowerFirst('Hiring'), 'hiring');
  assert.equal(lowerFirst('AI and ML'), 'AI and ML');
  assert.equal(lowerFirst('I/O throughput'), 'I/O throughput');
  assert.equal(lowerFirst(''), '');
  assert.equal(lowerFirst('JavaScript skills'), 'JavaScript skills');
});

test('verdict and reason sentences', () => {
  const labels = optionLabels(matrix, result, en);
  assert.equal(verdictSentence(result, labels, en), 'Recommendation: Python, clear.');
  assert.equal(verdictSentence(result, labels, en, 'Python wins in 87% of it.'), 'Recommendation: Python, clear. Python wins in 87% of it.');
  assert.equal(verdictSentence({ ...result, verdict: 'hybrid', hybrid: { label: 'Use both' } }, optionLabels(matrix, { verdict: 'hybrid', hybrid: { label: 'Use both' } }, en), en), 'Recommendation: Use both, clear.');
  assert.equal(reasonSentence(result.reasons[0], labels, en), 'AI and machine learning favours Python by 9.3 points.');
  assert.equal(reasonSentence(result.reasons[0], labels, de, 'de'), 'AI and machine learning spricht mit 9,3 Punkten für Python.');
});

test('answers are sanitized against the questions', () => {
  const dirty = {
    project: 'realtime',
    team: 'rust',
    needs: ['ai', 'ai', 'quantum'],
    priorities: { hiring: 3.4, 'cold-start': 9, unknown: 2, type: true },
    bogus: 'x',
    weights: { hiring: 2, bad: -1 },
    seed: 7,
    samples: 'many',
  };
  assert.deepEqual(sanitizeAnswers(dirty, questions), { project: 'realtime', needs: ['ai'], priorities: { hiring: 3 }, weights: { hiring: 2 }, seed: 7 });
  assert.deepEqual(sanitizeAnswers(null, questions), {});
  assert.deepEqual(sanitizeAnswers([], questions), {});
  assert.deepEqual(sanitizeAnswers({ needs: 'ai' }, questions), { needs: ['ai'] });
});

test('withoutDefaults drops untouched sliders', () => {
  assert.deepEqual(withoutDefaults({ project: 'realtime', priorities: { hiring: 1, 'cold-start': 4 } }, questions), { project: 'realtime', priorities: { 'cold-start': 4 } });
  assert.deepEqual(withoutDefaults({ priorities: { hiring: 1 } }, questions), {});
});

test('sameAnswers ignores key and list order', () => {
  assert.ok(sameAnswers({ a: 'x', needs: ['ai', 'realtime'] }, { needs: ['realtime', 'ai'], a: 'x' }));
  assert.ok(!sameAnswers({ a: 'x' }, { a: 'y' }));
});

test('the answers attribute parses or explains itself', () => {
  assert.deepEqual(parseAnswersAttribute('{"project":"realtime"}'), { answers: { project: 'realtime' } });
  assert.deepEqual(parseAnswersAttribute(''), { answers: {} });
  assert.deepEqual(parseAnswersAttribute(null), { answers: {} });
  assert.match(parseAnswersAttribute('[1]').error, /JSON object/);
  assert.match(parseAnswersAttribute('{oops').error, /not valid JSON/);
});

test('state round-trips through the URL hash format', () => {
  const answers = { project: 'ai-ml', team: 'python', needs: ['ai', 'realtime'], priorities: { hiring: 3, 'cold-start': 0 } };
  const text = encodeState(answers);
  assert.equal(text, 'needs:ai,realtime,;priorities:cold-start=0,hiring=3;project:ai-ml;team:python');
  assert.doesNotMatch(text, /[&#\s]/);
  assert.deepEqual(decodeState(text, questions), answers);
  assert.deepEqual(decodeState(text), answers, 'lists and levels are recognisable without the questions');
  // One-item list, with and without the questions.
  assert.deepEqual(decodeState(encodeState({ needs: ['ai'] })), { needs: ['ai'] });
  assert.deepEqual(decodeState('needs:ai', questions), { needs: ['ai'] });
  // Odd ids are percent-encoded and survive.
  const odd = { 'q;1': 'a:b', weights: { 'x=y': 2 } };
  assert.deepEqual(decodeState(encodeState(odd)), odd);
  assert.deepEqual(decodeState(encodeState({ seed: 42 })), { seed: 42 });
  assert.equal(encodeState({}), '');
  assert.equal(encodeState({ needs: [] }), '');
});

test('decodeState survives garbage', () => {
  assert.deepEqual(decodeState(''), {});
  assert.deepEqual(decodeState(';;:;x'), {});
  assert.deepEqual(decodeState('project:%E0%A4%A'), { project: '%E0%A4%A' });
  const polluted = decodeState('__proto__:x;constructor:y;priorities:__proto__=1');
  assert.equal(Object.getPrototypeOf(polluted), Object.prototype);
  assert.equal({}.x, undefined);
  assert.deepEqual(polluted, { priorities: {} });
});

test('hash keys are namespaced per instance and other hash parts are kept', () => {
  assert.equal(hashKey(''), 'sa');
  assert.equal(hashKey('', 1), 'sa2');
  assert.equal(hashKey('left one'), 'sa-left%20one');
  const hash = writeHash('#top', 'sa', 'project:realtime');
  assert.equal(hash, '#top&sa=project:realtime');
  const both = writeHash(hash, 'sa-b', 'team:python');
  assert.equal(readHash(both, 'sa'), 'project:realtime');
  assert.equal(readHash(both, 'sa-b'), 'team:python');
  assert.equal(readHash(both, 'sa2'), null);
  assert.equal(writeHash(both, 'sa', 'project:ai-ml'), '#top&sa-b=team:python&sa=project:ai-ml');
  assert.equal(writeHash('#sa=project:x', 'sa', ''), '');
  assert.equal(writeHash('', 'sa', ''), '');
});

test('Markdown export carries verdict, probability, scores, reasons, what was outweighed, changes, disputes and numbered sources', () => {
  const md = toMarkdown(result, { matrix, answers: { project: 'ai-ml', needs: ['ai'] }, t: en, url: 'https://blog.example/post#sa=project:ai-ml' });
  assert.match(md, /^## Node\.js or Python for your backend\?\n/);
  assert.match(md, /\*\*Verdict: Python\*\* \(clear\)\n\nPython wins in 87% of plausible readings of the evidence and your priorities\./);
  assert.match(md, /- What are you building\?: AI product/);
  assert.match(md, /- Team: Not sure/);
  assert.match(md, /- Hiring cost and speed: 1\/5 \(minor\)/);
  assert.match(md, /\| Python \| 73\/100 \| 87% \|/);
  assert.match(md, /\| Node\.js \| 59\/100 \| 13% \|/);
  assert.match(md, /- Use what your analysts can read\. \(\+6\) \[1\]/);
  assert.match(md, /- AI and machine learning favours Python by 9\.3 points\. numpy takes 12 ms vs 850 ms\. \[2\]/);
  assert.match(md, /- Hiring cost and speed counts for Node\.js \(2 points\), but Python's lead on AI and machine learning outweighs it\./);
  assert.match(md, /### What would change this\n\n- If your team knew JavaScript, Node\.js would win\.\n- If hiring cost and speed mattered 2\/5 or less, Node\.js would win\./);
  assert.doesNotMatch(md, /weighed|now \d/, 'no raw weights');
  assert.match(md, /### Sources disagree/);
  assert.match(md, /1\. \[Hire Node\]\(<https:\/\/example\.com\/a%20b>\), HireNodeJS, 2026 — vendor: Sells Node\.js developers\./);
  assert.match(md, /2\. Python \\<b\\>speed\\<\/b\\> \\\| guide, Some blog, May 2026/);
  assert.match(md, /Explore these answers: <https:\/\/blog\.example\/post#sa=project:ai-ml>/);
  assert.doesNotMatch(md, /\n{3,}/);
});

test('Markdown export: a bar\'s named parts, rule points past 100, an outweighed rule, and "Use both"', () => {
  const segmented = { ...matrix, criteria: [...matrix.criteria, { id: 'team-javascript', label: 'Team knows JavaScript', segment: true }] };
  const ruled = {
    ...result,
    verdict: 'node',
    leader: 'node',
    runner_up: 'python',
    scores: { node: 104.5, python: 73.12 },
    ranking: ['node', 'python'],
    contributions: { node: { 'team-javascript': 8.2 }, python: { 'team-javascript': 0 } },
    rule_points: { node: 12, python: 0 },
    confidence_probability: 0.996,
    reasons: [],
    outweighed: [],
  };
  const md = toMarkdown(ruled, { matrix: segmented, t: en });
  assert.match(md, /\| Node\.js \| 105\/100 \(of which Team knows JavaScript \+8, Rules \+12\) \| 13% \|/);
  assert.match(md, /Node\.js wins in over 99% of plausible/);
  assert.match(md, /- Use what your analysts can read\. \(\+6 for Python, but Node\.js still leads\) \[1\]/);
  const both = toMarkdown({ ...result, verdict: 'hybrid', confidence_probability: 0.5, hybrid: { label: 'Use both', text: 'Split.', split: [], sources: [] } }, { matrix, t: en });
  assert.match(both, /\*\*Verdict: Use both\*\* \(clear\)\n\nUse both holds in 50% of plausible readings/);
  assert.doesNotMatch(both, /counts for/, 'nothing is outweighed under "Use both"');
});

test('Markdown escaping neutralises links, HTML and tables', () => {
  assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
  assert.equal(escapeMarkdown('[x](javascript:1)'), '\\[x\\](javascript:1)');
  assert.equal(escapeMarkdown('a | b\nc'), 'a \\| b c');
  assert.equal(escapeMarkdown('- item'), '\\- item');
});

test('describeAnswers lists every question', () => {
  const rows = describeAnswers({ team: 'python', priorities: { hiring: 5 } }, questions, en);
  assert.deepEqual(rows, [
    ['What are you building?', 'Not sure'],
    ['Team', 'Python'],
    ['Needs', 'none'],
    ['Hiring cost and speed', '5/5 (critical)'],
    ['Fast cold starts', '2/5 (somewhat)'],
  ]);
});

test('locales fall back to English and match region tags', () => {
  const locales = { en, de };
  assert.equal(pickLocale('de-AT', locales).copyLink, 'Link kopieren');
  assert.equal(pickLocale('fr', locales), en);
  assert.equal(pickLocale('', locales), en);
  for (const key of Object.keys(en)) assert.ok(key in de, `de.js lacks "${key}"`);
  for (const [key, value] of Object.entries(en)) assert.equal(typeof de[key], typeof value, `de.${key} has the wrong type`);
});

test('default-matrix labels are translated for display, the engine data untouched', () => {
  const dict = de.matrixLabels['node-vs-python'];
  const view = localizeMatrix(matrix, dict);
  assert.equal(view.title, 'Node.js oder Python für Ihr Backend?');
  assert.equal(view.questions[0].choices[0].label, 'Echtzeit-App (Chat, Live-Updates)');
  assert.equal(view.questions[3].items[0].label, 'Kosten und Tempo beim Einstellen');
  assert.equal(matrix.title, 'Node.js or Python for your backend?');
  const localized = localizeResult({ ...result, verdict: 'hybrid', hybrid: { label: 'Use both', split: [] } }, view, pickLocale('de', { en, de }));
  assert.equal(localized.verdict_label, 'Beides nutzen');
  assert.equal(localized.priority_flips[0].label, 'Kosten und Tempo beim Einstellen');
  assert.equal(localized.priority_flips[0].new_verdict_label, 'Node.js');
  assert.equal(localized.answer_flips[0].question_label, 'Was kann Ihr Team schon gut?');
  assert.equal(localized.answer_flips[0].choice_label, 'JavaScript oder TypeScript');
  assert.equal(localized.outweighed[0].label, 'Kosten und Tempo beim Einstellen');
  assert.equal(localized.reasons[0].label, 'KI und maschinelles Lernen');
  assert.equal(localizeMatrix(matrix, null), matrix);
});

test('the default matrix translation covers every id in data/node-vs-python.json', async () => {
  const { readFile } = await import('node:fs/promises');
  const data = JSON.parse(await readFile(new URL('../../data/node-vs-python.json', import.meta.url), 'utf8'));
  const dict = de.matrixLabels[data.id];
  const missing = [];
  for (const c of data.criteria) if (!(`criterion:${c.id}` in dict)) missing.push(`criterion:${c.id}`);
  for (const q of data.questions) {
    if (!(`question:${q.id}` in dict)) missing.push(`question:${q.id}`);
    for (const c of q.choices || []) if (!(`choice:${q.id}.${c.id}` in dict)) missing.push(`choice:${q.id}.${c.id}`);
    for (const i of q.items || []) if (!(`item:${q.id}.${i.id}` in dict)) missing.push(`item:${q.id}.${i.id}`);
  }
  assert.deepEqual(missing, []);
});

test('pickEvidence prefers a passage with a figure', () => {
  assert.equal(pickEvidence([{ text: 'No numbers.' }, { text: '47,000 req/s.' }]).text, '47,000 req/s.');
  assert.equal(pickEvidence([{ text: 'No numbers.' }]).text, 'No numbers.');
  assert.equal(pickEvidence([{ text: 'Plan 18 months out.' }, { text: 'Python has the SDKs.' }], 'Python').text, 'Python has the SDKs.');
  assert.equal(pickEvidence([{ text: 'Python has it.' }, { text: 'Cold starts of 200-500ms vs 50-80ms.' }], 'Python').text, 'Cold starts of 200-500ms vs 50-80ms.');
  assert.equal(pickEvidence([{ text: 'Salaries of $145,000.' }]).text, 'Salaries of $145,000.');
  assert.equal(pickEvidence([]), null);
  assert.equal(pickEvidence(undefined), null);
});
