// The score list of <stack-advisor>'s result: one row per option with an
// inline SVG bar, its number, and the hatched, named parts that `segment`
// criteria and rules add. The rows are built once per set of questions; an
// answer then moves the bars and changes the numbers, rather than making new
// rows to style and lay out.

import { h } from './dom.js';
import { barParts, partText, scoreScale } from './explain.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Sets an SVG length attribute, only when it changed (each write invalidates style). */
function setWidth(node, width) {
  if (node.getAttribute('width') !== width) node.setAttribute('width', width);
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
 * @param {(prefix: string) => string} id makes ids unique within the element
 * @returns {{view: object, t: object, rows: object[], probability: HTMLElement,
 *   caption: HTMLElement, list: HTMLElement, nodes: HTMLElement[]}}
 */
export function scoreRows(view, t, id) {
  const rows = (view.options || []).map((option) => {
    // Two hatchings: what segment criteria add leans one way, what rules add the other.
    const hatch = id('hatch');
    const defs = svg('defs');
    for (const [suffix, angle] of [['', 45], ['-rule', -45]]) {
      const pattern = svg('pattern', { id: hatch + suffix, class: `hatch${suffix}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${angle})` });
      pattern.append(svg('rect', { class: 'hatch-bg', width: 6, height: 6 }), svg('rect', { class: 'hatch-line', width: suffix ? 1.5 : 3, height: 6 }));
      defs.append(pattern);
    }
    const svgBar = svg('svg', { 'aria-hidden': 'true', focusable: 'false' });
    const track = svg('rect', { class: 'track', x: 0, y: 0, width: '100%', height: 14, rx: 3 });
    const bar = svg('rect', { class: 'bar', x: 0, y: 0, width: '0.00%', height: 14, rx: 3 });
    svgBar.append(defs, track, bar);
    const num = h('span', { class: 'num' }, '');
    const named = h('span', { class: 'parts', part: 'segment', hidden: true });
    const item = h('li', { class: `score-row ${optionClass(view, option.id)}` }, h('span', { class: 'opt' }, option.label), svgBar, num, named);
    return { option, item, svg: svgBar, track, bar, parts: [], hatch, num, named };
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
  const pct = (points) => `${((100 * Math.max(0, points)) / scale).toFixed(2)}%`;
  const ruled = rows.some((row) => parts[row.option.id]?.parts.some((part) => part.kind === 'rule'));
  const captionText = ruled ? t.scoresCaptionRules : t.scoresCaption;
  if (caption.textContent !== captionText) {
    caption.textContent = captionText;
    list.setAttribute('aria-label', captionText);
  }
  for (const row of rows) {
    const id = row.option.id;
    const bar = parts[id] || { base: 0, parts: [] };
    setWidth(row.track, pct(100));
    setWidth(row.bar, pct(bar.base));
    let x = bar.base;
    bar.parts.forEach((part, i) => {
      let rect = row.parts[i];
      if (!rect) {
        rect = svg('rect', { y: 0, height: 14, rx: 3 });
        row.svg.append(rect);
        row.parts.push(rect);
      }
      const cls = `part part-${part.kind}`;
      if (rect.getAttribute('class') !== cls) {
        rect.setAttribute('class', cls);
        rect.setAttribute('fill', `url(#${row.hatch}${part.kind === 'rule' ? '-rule' : ''}) currentColor`);
      }
      if (rect.getAttribute('x') !== pct(x)) rect.setAttribute('x', pct(x));
      setWidth(rect, pct(part.points));
      x += part.points;
    });
    for (const rect of row.parts.splice(bar.parts.length)) rect.remove();
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
    if (row.num.textContent !== text) {
      // A new element, so that the highlight of a changed number replays.
      const num = h('span', { class: 'num' }, text);
      if (lastScores[id] !== undefined) num.classList.add('fresh');
      row.num.replaceWith(num);
      row.num = num;
    }
    row.item.classList.toggle('leader', id === r.leader);
  }
}
