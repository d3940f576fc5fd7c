// The reader's answers for <stack-advisor>: checked against the matrix's
// questions, stripped of defaults, compared, and read from the `answers`
// attribute. No DOM and no globals.

/** Highest value of a priority slider. */
export const MAX_PRIORITY = 5;

/** Answer keys the engine reserves; they are not questions. */
export const RESERVED_NUMBERS = new Set(['seed', 'samples']);

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
