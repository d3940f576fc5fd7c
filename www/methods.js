// TOPSIS as a second opinion beside the weighted sum: the same matrix and
// the same weights the reader's answers gave, ranked by closeness to the
// ideal option (Hwang & Yoon 1981), with a note when the winners differ.

import { h, uniqueId } from './dom.js';
import { formatter } from './format/numbers.js';

/** The methods named in the `methods` attribute (`"wsm topsis"`); `wsm` is always on. */
export function parseMethods(value) {
  const names = new Set(String(value || '').toLowerCase().split(/[\s,]+/).filter(Boolean));
  names.add('wsm');
  return names;
}

/** The option with the highest score, the earlier one on a tie. */
function best(scores, optionIds) {
  let winner = null;
  for (const id of optionIds) {
    if (winner === null || (scores[id] ?? -Infinity) > (scores[winner] ?? -Infinity)) winner = id;
  }
  return winner;
}

/**
 * TOPSIS on `matrix` with the weights of `result` (a `recommend` result).
 *
 * @returns {{scores: Record<string, number>, ranking: string[], winner: string,
 *   weightedWinner: string, tie: boolean, disagree: boolean} | null} null if
 *   the engine refuses (it never should for a result it produced)
 */
export function secondOpinion(engine, matrix, result) {
  let topsis;
  try {
    topsis = engine.rank(matrix, { method: 'topsis', weights: result.weights });
  } catch (error) {
    globalThis.console?.warn?.(`<stack-advisor>: TOPSIS failed: ${error?.message || error}`);
    return null;
  }
  const ids = (matrix.options || []).map((o) => o.id);
  const values = ids.map((id) => topsis.scores[id]);
  const tie = Math.max(...values) - Math.min(...values) < 1e-12;
  const winner = topsis.ranking[0];
  // The weighted sum's own winner: rules and "Use both" are the widget's
  // verdict, not the method's, so they are left out of the comparison.
  const weightedWinner = best(result.scores || {}, ids);
  return { scores: topsis.scores, ranking: topsis.ranking, winner, weightedWinner, tie, disagree: !tie && winner !== weightedWinner };
}

/**
 * The "Second opinion: TOPSIS" section.
 *
 * @param {ReturnType<typeof secondOpinion>} opinion
 * @param {{options: {id: string, label: string}[]}} view the matrix with display labels
 * @param {object} s strings from `mcdaStrings`
 * @param {string} lang
 */
export function opinionSection(opinion, view, s, lang) {
  const label = (id) => (view.options || []).find((o) => o.id === id)?.label ?? id;
  const format = formatter(Intl.NumberFormat, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const titleId = uniqueId('opinion');
  const rows = opinion.ranking.map((id) =>
    h('li', { class: `opinion-row${id === opinion.winner && !opinion.tie ? ' leader' : ''}` },
      h('span', { class: 'opt' }, label(id)),
      h('span', { class: 'num' }, format.format(opinion.scores[id])),
    ),
  );
  let note;
  if (opinion.tie) note = h('p', { class: 'opinion-note' }, s.opinionTie);
  else if (opinion.disagree) {
    note = h('div', { class: 'opinion-note disagree', part: 'methods-disagree', role: 'note' },
      h('p', {}, h('strong', {}, s.opinionDisagree(label(opinion.winner), label(opinion.weightedWinner)))),
      h('p', {}, s.opinionWhy),
    );
  } else note = h('p', { class: 'opinion-note' }, s.opinionAgree(label(opinion.winner)));
  return h('section', { class: 'result-section opinion-section', part: 'second-opinion', 'aria-labelledby': titleId },
    h('h3', { class: 'section-title', id: titleId }, s.opinionHeading),
    h('p', { class: 'opinion-caption' }, s.opinionCaption),
    h('ol', { class: 'opinion-scores' }, ...rows),
    note,
  );
}
