// What a result says, in words and numbers the reader can check: the
// probability behind the confidence word, the parts of each score bar, the
// reasons that were outweighed, what would change the verdict, the score
// ranges of "Compare all factors" and the "Use both" guidance per runtime.
// Pure functions over the engine's result (its fields: docs/contracts.md);
// no DOM, so every one runs in Node.

import { formatNumber, formatter, plainEnglish } from './format/numbers.js';
import { labelOf } from './format/sentences.js';
import { MAX_PRIORITY } from './format/answers.js';

/** Smallest share of the bar a part must have to be drawn and named (points). */
const MIN_PART = 0.05;

// ------------------------------------------------------------ probability

/**
 * A probability (0..1) as the percentage the widget shows next to the
 * confidence word. Rounded down, so the shown figure never crosses a
 * confidence threshold the probability has not reached ("leaning" below 90%
 * never reads "90%"); 0 and 1 only when exact, "under 1%" / "over 99%" near
 * them. Non-finite input gives an em dash.
 */
export function formatProbability(p, t, lang = 'en') {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '—';
  const pct = (x) => plainEnglish(lang, x, 0, '%') ?? formatter(Intl.NumberFormat, lang, { style: 'percent', maximumFractionDigits: 0 }).format(x);
  if (p <= 0) return pct(0);
  if (p >= 1) return pct(1);
  if (p < 0.01) return t.under(pct(0.01));
  if (p > 0.99) return t.over(pct(0.99));
  // The epsilon absorbs binary noise (0.29 * 100 = 28.999999999999996).
  return pct(Math.floor(p * 100 + 1e-9) / 100);
}

/** The probability the confidence word is derived from: `confidence_probability`. */
export function verdictProbability(result) {
  const p = result && result.confidence_probability;
  return typeof p === 'number' && Number.isFinite(p) ? p : null;
}

/**
 * The sentence under the bars, about the verdict itself: "Use both holds in
 * 87% of …" for a hybrid verdict, "Python wins in 87% of …" with two options,
 * "Python beats Node.js in 87% of …" with three or more. Empty without a
 * probability.
 */
export function probabilitySentence(result, labels, t, lang = 'en') {
  const p = verdictProbability(result);
  if (p == null) return '';
  const pct = formatProbability(p, t, lang);
  if (result.verdict === 'hybrid') return t.hybridProbability(labelOf(labels, 'hybrid'), pct);
  const verdict = labelOf(labels, result.verdict);
  const options = Object.keys(result.scores || {}).length;
  if (options > 2 && result.runner_up) return t.beatsProbability(verdict, labelOf(labels, result.runner_up), pct);
  return t.winProbability(verdict, pct);
}

// ------------------------------------------------------------------- bars

/** The bars' full length in points: 100, or the top score when rule points take one past it. */
export function scoreScale(scores) {
  const top = Math.max(0, ...Object.values(scores || {}).filter((v) => typeof v === 'number' && Number.isFinite(v)));
  return Math.max(100, top);
}

/**
 * The parts of each option's bar: what the `segment` criteria of `matrix`
 * contribute and what override rules add (`rule_points`), each named, and
 * the rest of the weighted sum as `base`. Returns option id →
 * {total, base, parts: [{kind: 'segment'|'rule', id, label, points}]};
 * parts under 0.05 points are left out (they could not be seen or named).
 */
export function barParts(result, matrix) {
  const out = {};
  const segments = ((matrix && matrix.criteria) || []).filter((c) => c && c.segment === true);
  for (const option of (matrix && matrix.options) || []) {
    const total = Number(result?.scores?.[option.id]);
    if (!Number.isFinite(total)) continue;
    const parts = [];
    const contributions = result.contributions?.[option.id] || {};
    for (const c of segments) {
      const points = Number(contributions[c.id]) || 0;
      if (points >= MIN_PART) parts.push({ kind: 'segment', id: c.id, label: c.label, points });
    }
    const rule = Number(result.rule_points?.[option.id]) || 0;
    if (rule >= MIN_PART) parts.push({ kind: 'rule', id: 'rules', label: '', points: rule });
    const named = parts.reduce((sum, part) => sum + part.points, 0);
    out[option.id] = { total, base: Math.max(0, total - named), parts };
  }
  return out;
}

/** A bar part in words: "Team knows JavaScript +8", "Rules +12". */
export function partText(part, t, lang = 'en') {
  const digits = part.points < 0.95 ? 1 : 0;
  const points = formatNumber(part.points, lang, digits);
  return part.kind === 'rule' ? t.rulePart(points) : t.segmentPart(part.label, points);
}

// ---------------------------------------------------------------- reasons

/**
 * An outweighed criterion in words: "Team knows JavaScript counts for
 * Node.js (8 points), but Python's lead on AI and machine learning
 * outweighs it." Without a reason to name, the verdict's lead in general.
 */
export function outweighedSentence(item, result, labels, t, lang = 'en') {
  const verdict = labelOf(labels, result.verdict);
  const top = (result.reasons || [])[0];
  const gap = formatNumber(item.gap, lang, 1);
  const what = item.label || item.criterion;
  const option = labelOf(labels, item.favours);
  return t.outweighed(what, option, gap, verdict, top ? top.label || top.criterion : '');
}

/**
 * The override rules that applied, split by whether they back the verdict:
 * {backing: [rule], against: [rule]} (a hybrid verdict is backed by every rule).
 */
export function splitRules(result) {
  const backing = [];
  const against = [];
  for (const rule of (result && result.rules) || []) {
    if (!rule || rule.kind === 'hybrid') continue;
    const backs = result.verdict === 'hybrid' || !rule.option || rule.option === result.verdict;
    (backs ? backing : against).push(rule);
  }
  return { backing, against };
}

/** "+12" for a rule's points (empty when the rule reports none). */
export function rulePoints(rule, lang = 'en') {
  const n = Number(rule && rule.points);
  if (!Number.isFinite(n) || n === 0) return '';
  return (n > 0 ? '+' : '') + formatNumber(n, lang, Math.abs(n) < 0.95 ? 1 : 0);
}

// ------------------------------------------------- what would change this

/** "Node.js would win" or "the advice would be to use both". */
function outcome(id, labels, t) {
  return id === 'hybrid' ? t.outcomeHybrid(labelOf(labels, 'hybrid')) : t.outcomeWin(labelOf(labels, id));
}

/** The condition of an answer flip: "If your team knew Python", "If you also needed live updates". */
function answerCondition(flip, matrixId, t) {
  const own = t.answerPhrases && t.answerPhrases[matrixId];
  const phrase = own && own[`${flip.change}:${flip.question}`];
  if (typeof phrase === 'function') return phrase(flip.choice_label, flip.choice);
  if (flip.change === 'add') return t.ifAdded(flip.question_label, flip.choice_label);
  if (flip.change === 'remove') return t.ifRemoved(flip.question_label, flip.choice_label);
  return t.ifPicked(flip.question_label, flip.choice_label);
}

/** The condition of a priority flip: "If fast cold starts mattered 4/5 or more". */
function priorityCondition(flip, t) {
  const what = flip.label || flip.id;
  const to = Math.round(Number(flip.flip_value));
  const from = Number(flip.value);
  if (!Number.isFinite(to) || !Number.isFinite(from) || to === from || to < 0 || to > MAX_PRIORITY) return '';
  if (to > from) return to === MAX_PRIORITY ? t.ifCritical(what) : t.ifAtLeast(what, to);
  return to === 0 ? t.ifIrrelevant(what) : t.ifAtMost(what, to);
}

/**
 * "What would change this": sentences from `answer_flips` and
 * `priority_flips` only, each naming an answer the reader can give and the
 * verdict it gives. Variety first: one at a time from each kind in turn —
 * other single choices (the team), needs, priorities, then the first
 * question (what is being built) — without repeating a question's outcome;
 * at most `max`.
 */
export function changeSentences(result, matrix, labels, t, max = Infinity) {
  const firstQuestion = ((matrix && matrix.questions) || [])[0]?.id;
  const kinds = [[], [], [], []];
  const seen = new Set();
  for (const flip of (result && result.answer_flips) || []) {
    if (!flip || !flip.new_verdict || flip.new_verdict === result.verdict) continue;
    const key = `${flip.question}\u0000${flip.change}\u0000${flip.new_verdict}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sentence = t.change(answerCondition(flip, matrix && matrix.id, t), outcome(flip.new_verdict, labels, t));
    const kind = flip.change !== 'pick' ? 1 : flip.question === firstQuestion ? 3 : 0;
    kinds[kind].push(sentence);
  }
  for (const flip of (result && result.priority_flips) || []) {
    if (!flip || !flip.new_verdict || flip.new_verdict === result.verdict) continue;
    const condition = priorityCondition(flip, t);
    if (condition) kinds[2].push(t.change(condition, outcome(flip.new_verdict, labels, t)));
  }
  const out = [];
  for (let i = 0; out.length < max && kinds.some((k) => i < k.length); i++) {
    for (const k of kinds) if (i < k.length && out.length < max && !out.includes(k[i])) out.push(k[i]);
  }
  return out;
}

// ------------------------------------------------------ compare all factors

/**
 * A score's range in words when it has one: "4–8", or "4–8, leans higher"
 * when the stated value sits well off the middle (one side at least half as
 * long again as the other, and at least half a point longer). Null without
 * a range.
 */
export function rangeNote(value, low, high, t, lang = 'en') {
  if (![value, low, high].every((x) => typeof x === 'number' && Number.isFinite(x)) || low > high || (low === value && high === value)) return null;
  const span = t.range(formatNumber(low, lang, 1), formatNumber(high, lang, 1));
  const up = high - value;
  const down = value - low;
  if (up >= 1.5 * down && up - down >= 0.5) return t.rangeLeans(span, 'higher');
  if (down >= 1.5 * up && down - up >= 0.5) return t.rangeLeans(span, 'lower');
  return span;
}

// ---------------------------------------------------------------- guidance

/**
 * The guidance entries (see guidanceFor) in groups under a heading each: for
 * a "Use both" verdict the hybrid rule's own sections first, then one group
 * per runtime ("Node.js side", "Python side"); otherwise one group without
 * a heading. Returns [{owner, heading, entries}].
 */
export function guidanceGroups(entries, result, labels, t) {
  if (!result || result.verdict !== 'hybrid') return entries.length ? [{ owner: result && result.verdict, heading: '', entries }] : [];
  const groups = [];
  for (const entry of entries) {
    let group = groups.find((g) => g.owner === entry.owner);
    if (!group) {
      const heading = entry.owner === 'hybrid' ? t.hybridGuidance(labelOf(labels, 'hybrid')) : t.sideHeading(labelOf(labels, entry.owner));
      groups.push((group = { owner: entry.owner, heading, entries: [] }));
    }
    group.entries.push(entry);
  }
  return groups;
}
