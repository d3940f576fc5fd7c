// The "Compare all factors" table of <stack-advisor>'s result: every
// criterion side by side, heaviest for the reader first, with its built-in
// and the reader's weight, each option's score and range, and evidence.
// result-view.js puts it in a disclosure, builds it when first opened and
// brings its rows up to date while it is open (keyed.js): an answer that
// only moves the weights keeps every row and rewrites the weights in them.

import { h } from './dom.js';
import { keyOf, keyedChildren, setText } from './keyed.js';
import { optionClass } from './score-bars.js';
import { formatNumber, formatPercent } from './format/numbers.js';
import { compareRows } from './format/guidance.js';
import { rangeNote } from './explain.js';

/** The table with its caption and header, and no rows yet (see updateCompareRows). */
export function compareTable(view, t) {
  const head = h('tr', {},
    h('th', { scope: 'col' }, t.factorColumn),
    h('th', { scope: 'col', class: 'n w' }, t.builtInColumn),
    h('th', { scope: 'col', class: 'n w' }, t.yoursColumn),
    ...(view.options || []).map((o) => h('th', { scope: 'col', class: 'n' }, h('span', { class: `swatch ${optionClass(view, o.id)}`, 'aria-hidden': 'true' }), o.label)),
  );
  return h('table', { class: 'compare', part: 'compare-table' }, h('caption', {}, t.compareCaption), h('thead', {}, head));
}

/**
 * Makes the rows of `table` (a `tbody` per criterion, after the caption and
 * header) those of a result. A criterion's row is kept while its scores and
 * evidence are; the reader's weight in it, which every priority moves, is
 * rewritten in place.
 *
 * @param {HTMLTableElement} table from compareTable
 * @param {{view: object, t: object, r: object, labels: object,
 *   chips: (ids: string[], section?: string) => Node[],
 *   chipKey: (ids: string[], section?: string) => unknown}} of the localized
 *   matrix, the locale's strings, the (localized) result, its option labels,
 *   the citation chips and what they are built from (for the rows' keys)
 */
export function updateCompareRows(table, { view, t, r, labels, chips, chipKey }) {
  const options = view.options || [];
  const lang = t.lang || 'en';
  const rows = compareRows(view, r, labels).map((row) => {
    const base = formatNumber(row.base, lang, 1);
    const yours = t.yourWeight(formatNumber(row.weight, lang, 1), formatPercent(row.share, lang));
    const evidence = row.evidence.map((e) => [e.text, chipKey([e.source], e.section)]);
    return {
      key: keyOf(row.id, row.label, row.cost, base, row.best, row.cells.map((c) => [c.option, c.value, c.low, c.high]), evidence),
      build: () => {
        // Narrow cards show the two weights under the factor instead of in columns of their own.
        const factor = h('th', { scope: 'row' },
          row.label,
          row.cost ? h('span', { class: 'cost' }, ` (${t.lowerIsBetter})`) : null,
          h('span', { class: 'weight' }),
        );
        const weights = [h('td', { class: 'n w weight-base' }, base), h('td', { class: 'n w weight-yours' })];
        const cells = row.cells.map((cell) => {
          if (cell.value == null) return h('td', { class: 'n' }, '—');
          const range = rangeNote(cell.value, cell.low, cell.high, t, lang);
          return h('td', { class: `n${cell.option === row.best ? ' best' : ''}` },
            h('span', { class: 'value' }, t.outOfTen(formatNumber(cell.value, lang, 1))),
            range ? h('span', { class: 'range' }, `(${range})`) : null,
          );
        });
        const main = h('tr', {}, factor, ...weights, ...cells);
        const more = row.evidence.length
          ? h('tr', { class: 'evidence-row' }, h('td', { colspan: String(options.length + 3) },
            h('span', { class: 'visually-hidden' }, `${t.evidenceLabel}: `),
            h('ul', {}, ...row.evidence.map((e) => h('li', {}, e.text, ' ', ...chips([e.source], e.section)))),
          ))
          : null;
        return h('tbody', {}, main, more);
      },
      update: (tbody) => {
        setText(tbody.querySelector('.weight'), t.weightsLine(base, yours));
        setText(tbody.querySelector('.weight-yours'), yours);
      },
    };
  });
  keyedChildren(table, rows, 2);
}
