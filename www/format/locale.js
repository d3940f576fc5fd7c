// Locales for <stack-advisor>: choosing one for a language tag, and the
// matrix and result with their labels in the reader's language. No DOM and no
// globals.

import { labelOf, optionLabels } from './sentences.js';

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
