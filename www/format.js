// Pure formatting helpers for <stack-advisor>: sentences, numbers, Markdown
// export and the URL-hash state. No DOM and no globals, so every function
// here runs (and is tested) in Node.

/** Highest value of a priority slider. */
export const MAX_PRIORITY = 5;

/** Answer keys the engine reserves; they are not questions. */
const RESERVED_NUMBERS = new Set(['seed', 'samples']);

// ---------------------------------------------------------------- numbers

/**
 * Formats a number for `lang` with at most `digits` fraction digits.
 * Non-finite input gives an em dash rather than "NaN".
 */
export function formatNumber(value, lang = 'en', digits = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return plainEnglish(lang, value, digits, '') ?? formatter(Intl.NumberFormat, lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

// English numbers without Intl. The first Intl.NumberFormat a page creates
// costs Chromium 11-19 ms (its number-formatting data is set up then), more
// than the engine's first answer; the widget's figures in English need
// none of it. The output equals Intl's for `en`, `en-US` and `en-GB` (the
// test in tests/unit/format.test.mjs compares them over many values): the
// shortest decimal form of the double (String(), as ICU uses), shifted two
// places for a percentage, rounded half away from zero (Intl's default
// "halfExpand") on those decimal digits, trailing zeros dropped, and commas
// between thousands. Other languages, and exponent forms, go to Intl.
const PLAIN_ENGLISH = new Set(['en', 'en-US', 'en-GB']);

/** `value` for `lang` with at most `digits` fraction digits (and `suffix` "%" for ×100), or null. */
export function plainEnglish(lang, value, digits, suffix) {
  const text = String(Math.abs(value));
  if (!PLAIN_ENGLISH.has(lang) || text.includes('e')) return null;
  const point = text.indexOf('.');
  let whole = point < 0 ? text : text.slice(0, point);
  let fraction = point < 0 ? '' : text.slice(point + 1);
  if (suffix) {
    fraction = fraction.padEnd(2, '0');
    whole += fraction.slice(0, 2);
    fraction = fraction.slice(2);
  }
  let digitsKept = whole + fraction.slice(0, digits);
  if (fraction.length > digits && fraction[digits] >= '5') {
    // Add one in the last kept place, carrying leftwards.
    let i = digitsKept.length - 1;
    while (i >= 0 && digitsKept[i] === '9') i -= 1;
    digitsKept = (i < 0 ? '1' : digitsKept.slice(0, i) + String(Number(digitsKept[i]) + 1)) + '0'.repeat(digitsKept.length - 1 - i);
  }
  const cut = digitsKept.length - Math.min(digits, fraction.length);
  whole = digitsKept.slice(0, cut).replace(/^0+(?=\d)/, '');
  fraction = digitsKept.slice(cut).replace(/0+$/, '');
  whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + whole + (fraction ? '.' + fraction : '') + suffix;
}

const formatters = new Map();

/**
 * One Intl formatter per kind, language and options, made on first use:
 * creating one costs far more than formatting (it was a third of the time
 * an answer took to render).
 */
export function formatter(Kind, lang, options) {
  const key = `${Kind.name} ${lang} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Kind(lang, options)));
  return made;
}

/**
 * Formats option scores (0..100) so that different scores never look equal:
 * whole numbers, or one decimal when two scores would otherwise round alike.
 * Returns option id → string.
 */
export function formatScores(scores, lang = 'en') {
  const values = Object.values(scores || {});
  const rounded = values.map((v) => Math.round(v));
  const clash = rounded.some((r, i) => rounded.indexOf(r) !== i && values[i] !== values[rounded.indexOf(r)]);
  const out = {};
  for (const [id, v] of Object.entries(scores || {})) out[id] = formatNumber(v, lang, clash ? 1 : 0);
  return out;
}

/**
 * A probability (0..1) as a percentage that never claims certainty the
 * Monte Carlo cannot give: "<1%" and ">99%" at the ends.
 */
export function formatPercent(p, lang = 'en') {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '—';
  const pct = (x) => plainEnglish(lang, x, 0, '%') ?? formatter(Intl.NumberFormat, lang, { style: 'percent', maximumFractionDigits: 0 }).format(x);
  if (p > 0 && p < 0.005) return '<' + pct(0.01);
  if (p < 1 && p > 0.995) return '>' + pct(0.99);
  return pct(p);
}

/**
 * A source date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in the reader's language.
 * Anything else is returned unchanged.
 */
export function formatDate(date, lang = 'en') {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(date ?? ''));
  if (!m) return String(date ?? '');
  const [, y, mo, d] = m;
  if (!mo) return y;
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const opts = d ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return formatter(Intl.DateTimeFormat, lang, opts).format(when);
}

/** The year of a source date, for the short citation chip. */
export function sourceYear(date) {
  const m = /^(\d{4})/.exec(String(date ?? ''));
  return m ? m[1] : String(date ?? '');
}

// -------------------------------------------------------------- sentences

/** The plain word for a confidence level ("clear", "leaning", "close call"). */
export function confidenceWord(confidence, t) {
  return (t.confidence && t.confidence[confidence]) || String(confidence ?? '');
}

/** The word for a 0..5 priority slider value ("doesn't matter" … "critical"). */
export function priorityWord(value, t) {
  const words = t.priorityWords;
  const i = Math.max(0, Math.min(words.length - 1, Math.round(Number(value) || 0)));
  return words[i];
}

/** Option id → label, from a matrix, with "hybrid" for the split verdict. */
export function optionLabels(matrix, result, t) {
  const labels = {};
  for (const o of (matrix && matrix.options) || []) labels[o.id] = o.label;
  labels.hybrid = (result && result.hybrid && result.hybrid.label) || (result && result.verdict === 'hybrid' && result.verdict_label) || t.hybrid;
  return labels;
}

/** The label of an option id, falling back to the id itself. */
export function labelOf(labels, id) {
  return (labels && Object.prototype.hasOwnProperty.call(labels, id) && labels[id]) || String(id ?? '');
}

/**
 * The verdict line read out by the status region: the verdict, its
 * confidence word, and `sentence` (the probability behind the word).
 */
export function verdictSentence(result, labels, t, sentence = '') {
  const label = result.verdict === 'hybrid' ? labelOf(labels, 'hybrid') : labelOf(labels, result.verdict);
  return t.verdictAnnouncement(label, confidenceWord(result.confidence, t), sentence);
}

/** "AI/ML ecosystem favours Python by 6.2 points." */
export function reasonSentence(reason, labels, t, lang = 'en') {
  return t.reason(reason.label || reason.criterion, labelOf(labels, reason.favours), formatNumber(reason.gap, lang, 1));
}

// A measured figure with its unit: "47,000 requests", "8 ms", "80 MB", "3.2x", "$145,000", "23%".
const FIGURE = /\d[\d,.]*\s*(?:%|ms\b|s\b|seconds|MB|GB|req|requests|rps|x\b|×|k\b|connections|packages|USD|GBP)|[$£€₹]\s?\d/i;

/**
 * The evidence to show for a reason: the UX asks for "one sentence with its
 * figure", so a passage with a measured figure comes first, then one that
 * names the option the reason favours, then the first.
 */
export function pickEvidence(evidence, favouredLabel = '') {
  const list = (Array.isArray(evidence) ? evidence : []).filter((e) => e && typeof e.text === 'string');
  let best = null;
  let bestScore = -1;
  for (const e of list) {
    const score = (FIGURE.test(e.text) ? 2 : 0) + (favouredLabel && e.text.includes(favouredLabel) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}

/**
 * Lower-cases a label's first letter for use inside a sentence, but keeps
 * words with capitals of their own ("AI", "I/O", "JavaScript").
 */
export function lowerFirst(s) {
  const str = String(s ?? '');
  const firstWord = str.split(/\s/, 1)[0];
  if (/\p{Lu}/u.test(firstWord.slice(1))) return str;
  return str.charAt(0).toLowerCase() + str.slice(1);
}

// ------------------------------------------------------------------ answers

/**
 * Keeps only answers that fit the matrix's questions, so a stale link or a
 * typo in the `answers` attribute degrades to "not answered" instead of an
 * error. Reserved keys (`weights`, `seed`, `samples`) pass through when well formed.
 */
export function sanitizeAnswers(answers, questions) {
  const out = {};
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return out;
  for (const q of questions || []) {
    const v = answers[q.id];
    if (v == null) continue;
    const choiceIds = new Set((q.choices || []).map((c) => c.id));
    if (q.kind === 'single') {
      if (typeof v === 'string' && choiceIds.has(v)) out[q.id] = v;
    } else if (q.kind === 'multi') {
      const list = (Array.isArray(v) ? v : [v]).filter((id) => typeof id === 'string' && choiceIds.has(id));
      const unique = [...new Set(list)];
      if (unique.length) out[q.id] = unique;
    } else if (q.kind === 'priorities' && typeof v === 'object' && !Array.isArray(v)) {
      const itemIds = new Set((q.items || []).map((i) => i.id));
      const levels = {};
      for (const [id, level] of Object.entries(v)) {
        const n = Number(level);
        if (itemIds.has(id) && typeof level !== 'boolean' && Number.isFinite(n) && n >= 0 && n <= MAX_PRIORITY) levels[id] = Math.round(n);
      }
      if (Object.keys(levels).length) out[q.id] = levels;
    }
  }
  if (answers.weights && typeof answers.weights === 'object' && !Array.isArray(answers.weights)) {
    const weights = {};
    for (const [id, w] of Object.entries(answers.weights)) if (typeof w === 'number' && Number.isFinite(w) && w >= 0) weights[id] = w;
    if (Object.keys(weights).length) out.weights = weights;
  }
  for (const key of RESERVED_NUMBERS) {
    const n = answers[key];
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) out[key] = n;
  }
  return out;
}

/**
 * Drops priority levels equal to the item's default, so the URL and the
 * answers handed to the engine only carry what the reader changed.
 */
export function withoutDefaults(answers, questions) {
  const out = { ...answers };
  for (const q of questions || []) {
    if (q.kind !== 'priorities' || !out[q.id]) continue;
    const levels = {};
    for (const [id, v] of Object.entries(out[q.id])) {
      const item = (q.items || []).find((i) => i.id === id);
      if (!item || v !== (item.default ?? 0)) levels[id] = v;
    }
    if (Object.keys(levels).length) out[q.id] = levels;
    else delete out[q.id];
  }
  return out;
}

/** True when two answer objects say the same thing (key order ignored). */
export function sameAnswers(a, b) {
  return canonical(a) === canonical(b);
}

function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).sort().join(',') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

/**
 * Parses the `answers` attribute. Returns {answers} or {error} with a message
 * that names the problem; never throws.
 */
export function parseAnswersAttribute(text) {
  if (text == null || String(text).trim() === '') return { answers: {} };
  try {
    const value = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { error: 'the answers attribute must be a JSON object such as {"project": "realtime"}' };
    }
    return { answers: value };
  } catch (e) {
    return { error: `the answers attribute is not valid JSON (${e.message})` };
  }
}

// ---------------------------------------------------------------- URL hash

// State format inside the hash, e.g.
//   #sa=project:realtime;team:python;needs:ai,realtime;priorities:hiring=3
// Entries are separated by ";", key and value by ":", list items by ",",
// priority items by "=". Ids are percent-encoded, so none of these
// characters can appear inside an id.

const enc = (s) => encodeURIComponent(String(s));
const dec = (s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Answers → the compact string stored in the URL hash. */
export function encodeState(answers) {
  const parts = [];
  for (const key of Object.keys(answers || {}).sort()) {
    const v = answers[key];
    if (v == null) continue;
    if (typeof v === 'string' || typeof v === 'number') parts.push(`${enc(key)}:${enc(v)}`);
    else if (Array.isArray(v)) {
      if (v.length) parts.push(`${enc(key)}:${v.map(enc).join(',')},`);
    } else if (typeof v === 'object') {
      const items = Object.keys(v).sort().map((id) => `${enc(id)}=${enc(v[id])}`);
      if (items.length) parts.push(`${enc(key)}:${items.join(',')}`);
    }
  }
  return parts.join(';');
}

/**
 * The string from the URL hash → answers. A trailing "," marks a list; with
 * `questions` a multi question's single value also becomes a list. The result
 * is not yet checked against the matrix (see sanitizeAnswers).
 */
export function decodeState(text, questions) {
  const out = {};
  if (!text) return out;
  const kinds = new Map((questions || []).map((q) => [q.id, q.kind]));
  for (const part of String(text).split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const key = dec(part.slice(0, colon));
    const raw = part.slice(colon + 1);
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const kind = kinds.get(key);
    if (raw.includes('=') || kind === 'priorities' || key === 'weights') {
      const levels = {};
      for (const item of raw.split(',')) {
        const eq = item.indexOf('=');
        if (eq <= 0) continue;
        const id = dec(item.slice(0, eq));
        const n = Number(dec(item.slice(eq + 1)));
        if (id !== '__proto__' && Number.isFinite(n)) levels[id] = n;
      }
      out[key] = levels;
    } else if (raw.includes(',') || kind === 'multi') {
      out[key] = raw.split(',').filter(Boolean).map(dec);
    } else if (RESERVED_NUMBERS.has(key)) {
      const n = Number(dec(raw));
      if (Number.isFinite(n)) out[key] = n;
    } else {
      out[key] = dec(raw);
    }
  }
  return out;
}

/**
 * The hash key for one instance: "sa" for the first element without an id,
 * "sa2", "sa3"… for the next ones, "sa-<id>" for an element with an id.
 */
export function hashKey(id, index = 0) {
  if (id) return 'sa-' + enc(id);
  return index > 0 ? 'sa' + (index + 1) : 'sa';
}

/** Reads one instance's state string from a location hash ("#a=1&sa=…"). */
export function readHash(hash, key) {
  const body = String(hash || '').replace(/^#/, '');
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === key) return part.slice(eq + 1);
  }
  return null;
}

/**
 * Writes (or with an empty value, removes) one instance's state in a hash and
 * keeps everything else that was there. Returns the new hash with its "#",
 * or "" when nothing is left.
 */
export function writeHash(hash, key, value) {
  const body = String(hash || '').replace(/^#/, '');
  const parts = body ? body.split('&') : [];
  const kept = parts.filter((part) => {
    const eq = part.indexOf('=');
    return !(eq > 0 && part.slice(0, eq) === key) && part !== '';
  });
  if (value) kept.push(`${key}=${value}`);
  return kept.length ? '#' + kept.join('&') : '';
}

// ---------------------------------------------------------------- guidance

/**
 * The next-step guidance for a result: the winning option's sections, or for
 * a hybrid verdict the applied hybrid rule's sections followed by those of
 * each option in its split. Returns [{key, owner, section}], `owner` being
 * the option id or "hybrid"; `key` is stable across renders.
 */
export function guidanceFor(result, matrix) {
  const out = [];
  if (!result || !matrix) return out;
  const add = (owner, prefix, sections) => {
    for (const section of Array.isArray(sections) ? sections : []) {
      if (section && section.id) out.push({ key: `${prefix}/${section.id}`, owner, section });
    }
  };
  const option = (id) => (matrix.options || []).find((o) => o.id === id);
  if (result.verdict === 'hybrid') {
    const applied = new Set((result.rules || []).filter((r) => r.kind === 'hybrid').map((r) => r.id));
    for (const rule of matrix.rules || []) if (applied.has(rule.id)) add('hybrid', `rule:${rule.id}`, rule.guidance);
    const sides = ((result.hybrid && result.hybrid.split) || []).map((part) => part.option);
    for (const id of new Set(sides.length ? sides : result.ranking || [])) add(id, `option:${id}`, option(id)?.guidance);
  } else {
    add(result.verdict, `option:${result.verdict}`, option(result.verdict)?.guidance);
  }
  return out;
}

/**
 * Every criterion for the "Compare all factors" table, the reader's heaviest
 * first (ties keep the matrix order): its built-in weight (`base`, the
 * matrix's), the reader's weight and its share of the total, each option's
 * score with its `low`..`high` range, and up to two evidence passages — the
 * best for the option the criterion favours, then the best for the other
 * side, from another source where there is one.
 */
export function compareRows(matrix, result, labels = {}) {
  const options = (matrix && matrix.options) || [];
  const weights = (result && result.weights) || {};
  const total = Object.values(weights).reduce((sum, w) => sum + (Number(w) || 0), 0);
  const score = new Map(((matrix && matrix.scores) || []).map((s) => [`${s.option}\u0000${s.criterion}`, s]));
  const rows = ((matrix && matrix.criteria) || []).map((c, index) => {
    const weight = Number(weights[c.id]) || 0;
    const cost = c.direction === 'cost';
    const cells = options.map((o) => {
      const s = score.get(`${o.id}\u0000${c.id}`);
      const value = s && typeof s.value === 'number' ? s.value : null;
      const low = s && typeof s.low === 'number' ? s.low : null;
      const high = s && typeof s.high === 'number' ? s.high : null;
      return { option: o.id, value, low, high, utility: value == null ? null : cost ? 10 - value : value, sources: (s && s.sources) || [] };
    });
    const ranked = cells.filter((cell) => cell.utility != null).sort((a, b) => b.utility - a.utility);
    const best = ranked.length > 1 && ranked[0].utility > ranked[1].utility ? ranked[0].option : null;
    const evidence = [];
    const sides = ranked.map((cell) => cell.option);
    for (const id of sides.slice(0, 2)) {
      const rest = (c.evidence || []).filter((e) => !evidence.includes(e));
      const fresh = rest.filter((e) => !evidence.some((x) => x.source === e.source));
      const pick = passageFor(fresh.length ? fresh : rest, labelOf(labels, id));
      if (pick) evidence.push(pick);
    }
    const base = typeof c.weight === 'number' && Number.isFinite(c.weight) ? c.weight : 0;
    return { id: c.id, label: c.label, cost, base, weight, share: total > 0 ? weight / total : 0, best, cells, evidence, index };
  });
  return rows.sort((a, b) => b.weight - a.weight || a.index - b.index);
}

/** The passage that names `label` (and, better still, has a figure); the first on a tie. */
function passageFor(evidence, label) {
  let best = null;
  let bestScore = -1;
  for (const e of evidence) {
    if (!e || typeof e.text !== 'string') continue;
    const score = (label && e.text.includes(label) ? 2 : 0) + (FIGURE.test(e.text) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}

// ----------------------------------------------------------------- locales

/**
 * Picks the best locale for a language tag ("de-AT" → de), falling back to
 * English. Missing strings in a locale fall back to English too.
 */
export function pickLocale(lang, locales, fallback = 'en') {
  const tag = String(lang || '').toLowerCase();
  const base = tag.split('-')[0];
  const chosen = locales[tag] || locales[base] || locales[fallback];
  return chosen === locales[fallback] ? chosen : { ...locales[fallback], ...chosen };
}

/**
 * A copy of `matrix` with its display labels translated from `dict`
 * (keys "title", "question:<id>", "help:<id>", "choice:<q>.<id>",
 * "item:<q>.<id>", "criterion:<id>", "option:<id>", and for guidance titles
 * "guidance:<option>.<section>", "rule-guidance:<rule>.<section>"). The engine keeps the
 * original; this copy only feeds the UI.
 */
export function localizeMatrix(matrix, dict) {
  if (!matrix || !dict) return matrix;
  const tr = (key, fallback) => (Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : fallback);
  return {
    ...matrix,
    title: tr('title', matrix.title),
    hybridLabel: tr('option:hybrid', undefined),
    options: (matrix.options || []).map((o) => ({
      ...o,
      label: tr(`option:${o.id}`, o.label),
      guidance: (o.guidance || []).map((g) => ({ ...g, title: tr(`guidance:${o.id}.${g.id}`, g.title) })),
    })),
    rules: (matrix.rules || []).map((r) =>
      r.guidance ? { ...r, guidance: r.guidance.map((g) => ({ ...g, title: tr(`rule-guidance:${r.id}.${g.id}`, g.title) })) } : r,
    ),
    criteria: (matrix.criteria || []).map((c) => ({ ...c, label: tr(`criterion:${c.id}`, c.label) })),
    questions: (matrix.questions || []).map((q) => ({
      ...q,
      label: tr(`question:${q.id}`, q.label),
      help: tr(`help:${q.id}`, q.help),
      choices: (q.choices || []).map((c) => ({ ...c, label: tr(`choice:${q.id}.${c.id}`, c.label) })),
      items: (q.items || []).map((i) => ({ ...i, label: tr(`item:${q.id}.${i.id}`, i.label) })),
    })),
  };
}

/**
 * A copy of an engine result whose labels come from the (localized) matrix:
 * reasons and outweighed criteria, the answers and priorities of "what
 * would change this", and the verdict label.
 */
export function localizeResult(result, matrix, t) {
  if (!result || !matrix) return result;
  const criteria = new Map((matrix.criteria || []).map((c) => [c.id, c.label]));
  const items = new Map();
  const questions = new Map();
  const choices = new Map();
  for (const q of matrix.questions || []) {
    questions.set(q.id, q.label);
    for (const i of q.items || []) items.set(i.id, i.label);
    for (const c of q.choices || []) choices.set(`${q.id}\u0000${c.id}`, c.label);
  }
  const labels = optionLabels(matrix, null, t);
  const hybridLabel =
    matrix.hybridLabel || (result.hybrid && result.hybrid.label) || (result.verdict === 'hybrid' && result.verdict_label) || t.hybrid;
  const verdictLabel = (id) => (id === 'hybrid' ? hybridLabel : labelOf(labels, id));
  const criterion = (r) => ({ ...r, label: criteria.get(r.criterion) ?? r.label });
  return {
    ...result,
    verdict_label: verdictLabel(result.verdict),
    hybrid: result.hybrid ? { ...result.hybrid, label: hybridLabel } : result.hybrid,
    reasons: (result.reasons || []).map(criterion),
    outweighed: (result.outweighed || []).map(criterion),
    answer_flips: (result.answer_flips || []).map((f) => ({
      ...f,
      question_label: questions.get(f.question) ?? f.question_label,
      choice_label: choices.get(`${f.question}\u0000${f.choice}`) ?? f.choice_label,
      new_verdict_label: verdictLabel(f.new_verdict),
    })),
    priority_flips: (result.priority_flips || []).map((f) => ({
      ...f,
      label: items.get(f.id) ?? f.label,
      new_verdict_label: verdictLabel(f.new_verdict),
    })),
  };
}
