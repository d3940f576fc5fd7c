// The score list of <stack-advisor>'s result: one row per option with a bar,
// its number, and the hatched, named parts that `segment` criteria and rules
// add. The rows are built once per set of questions; an answer then moves
// the bars and changes the numbers, rather than making new rows to style and
// lay out.
//
// A bar is a stack of full-size layers (the track, the bar, one per part),
// each clipped to its stretch of the drawing: moving a bar changes a
// clip-path, which the browser paints without laying anything out again.

import { h } from './dom.js';
import { barParts, partText, scoreScale } from './explain.js';
import { setText } from './keyed.js';

/**
 * Clips `layer` to the stretch from `from` to `to` percent of the drawing
 * (rounded ends), writing only when it changed.
 */
function stretch(layer, from, to) {
  const clip = `inset(0 ${(100 - to).toFixed(2)}% 0 ${from.toFixed(2)}% round 3px)`;
  if (layer.clip !== clip) layer.style.clipPath = layer.clip = clip;
}

/** Class for an option's colour: the first option is opt-1, and so on. */
export function optionClass(matrix, id) {
  if (id === 'hybrid') return 'opt-hybrid';
  const index = (matrix.options || []).findIndex((o) => o.id === id);
  return index < 0 ? '' : `opt-${(index % 4) + 1}`;
}

/**
 * The score list's rows (one per option, bars at zero), each with room for
 * the named parts of its bar, and the probability line. Lengths are
 * percentages of the drawing, so the hatching keeps its angle at any width.
 *
 * @param {object} view the localized matrix
 * @param {object} t the locale's strings
 * @returns {{view: object, t: object, rows: object[], probability: HTMLElement,
 *   caption: HTMLElement, list: HTMLElement, nodes: HTMLElement[]}}
 */
export function scoreRows(view, t) {
  const rows = (view.options || []).map((option) => {
    const track = h('span', { class: 'track' });
    const bar = h('span', { class: 'bar' });
    const drawing = h('span', { class: 'drawing', 'aria-hidden': 'true' }, track, bar);
    const num = h('span', { class: 'num' }, '');
    const named = h('span', { class: 'parts', part: 'segment', hidden: true });
    const item = h('li', { class: `score-row ${optionClass(view, option.id)}` }, h('span', { class: 'opt' }, option.label), drawing, num, named);
    return { option, item, drawing, track, bar, parts: [], num, named };
  });
  const list = h('ul', { class: 'scores', part: 'scores', 'aria-label': t.scoresCaption }, ...rows.map((row) => row.item));
  const caption = h('p', { class: 'scores-caption', 'aria-hidden': 'true' }, t.scoresCaption);
  const probability = h('p', { class: 'probability', part: 'probability' });
  return { view, t, rows, probability, caption, list, nodes: [h('div', {}, caption, list), probability] };
}

/**
 * Moves the bars of `scoreRows(...)` to the (localized) result `r`, names
 * their parts and shows the formatted `scores`; a number that changed since
 * `lastScores` is highlighted. Only what changed is written.
 */
export function updateScoreBars({ rows, caption, list }, r, view, t, scores, lastScores) {
  const lang = t.lang || 'en';
  const parts = barParts(r, view);
  const scale = scoreScale(r.scores);
  const pct = (points) => (100 * Math.max(0, points)) / scale;
  const ruled = rows.some((row) => parts[row.option.id]?.parts.some((part) => part.kind === 'rule'));
  const captionText = ruled ? t.scoresCaptionRules : t.scoresCaption;
  if (caption.textContent !== captionText) {
    caption.textContent = captionText;
    list.setAttribute('aria-label', captionText);
  }
  for (const row of rows) {
    const id = row.option.id;
    const bar = parts[id] || { base: 0, parts: [] };
    stretch(row.track, 0, pct(100));
    stretch(row.bar, 0, pct(bar.base));
    let x = bar.base;
    bar.parts.forEach((part, i) => {
      let layer = row.parts[i];
      if (!layer) {
        layer = h('span', {});
        row.drawing.append(layer);
        row.parts.push(layer);
      }
      const cls = `part part-${part.kind}`;
      if (layer.className !== cls) layer.className = cls;
      stretch(layer, pct(x), pct(x + part.points));
      x += part.points;
    });
    for (const layer of row.parts.splice(bar.parts.length)) layer.remove();
    // Each part named in words, after a small key of its hatching.
    const named = bar.parts.map((part) => partText(part, t, lang));
    if (row.named.hidden !== !named.length) row.named.hidden = !named.length;
    const namedText = named.length ? `${t.partsLabel} ${named.join(', ')}` : '';
    if (row.named.textContent !== namedText) {
      row.named.replaceChildren(named.length ? `${t.partsLabel} ` : '', ...bar.parts.flatMap((part, i) => [
        i ? ', ' : '',
        h('span', { class: `hatch-key hatch-key-${part.kind}`, 'aria-hidden': 'true' }),
        named[i],
      ]));
    }
    const text = scores[id] ?? '—';
    const changed = row.num.textContent !== text;
    if (changed) setText(row.num, text);
    // A number that changed is highlighted: `fresh` starts the animation,
    // and `again` switches it to a twin, which replays it in the same node.
    const fresh = changed && lastScores[id] !== undefined;
    if (fresh && row.num.classList.contains('fresh')) row.num.classList.toggle('again');
    else row.num.classList.toggle('fresh', fresh);
    row.item.classList.toggle('leader', id === r.leader);
  }
}
