// The words and sentences of a result for <stack-advisor>: option labels,
// the confidence and priority words, the verdict and reason sentences. No
// DOM and no globals.

import { formatNumber } from './numbers.js';

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
