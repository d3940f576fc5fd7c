// The score grid: one row per criterion, one column per option, each cell
// the score's value, its plausible low–high range and the ids of the sources
// it rests on. The arrow keys move through the grid: up and down always, left
// and right when the caret is at the start or end of the text.
//
// The grid edits `scores` by position in the matrix's list (the engine's
// messages name `scores[i]`); a missing score is added when its cell is first
// typed into, and adding or removing an option or criterion adds or removes
// its scores (`scoresFor`, `dropScores`).

import { el, freshId, pathText } from './dom.js';
import { parseNumber } from './form.js';

const PARTS = [
  ['value', 'Score'],
  ['low', 'Low'],
  ['high', 'High'],
  ['sources', 'Sources'],
];

/** The index in `doc.scores` of the score for `option` × `criterion`, or -1. */
export function scoreIndex(doc, option, criterion) {
  return (doc.scores || []).findIndex((s) => s && s.option === option && s.criterion === criterion);
}

/** Adds a score (5, no range) for every option × criterion that has none. */
export function fillScores(doc) {
  doc.scores ??= [];
  for (const criterion of doc.criteria || []) {
    for (const option of doc.options || []) {
      if (scoreIndex(doc, option?.id, criterion?.id) < 0) doc.scores.push({ option: option.id, criterion: criterion.id, value: 5 });
    }
  }
}

/** Removes the scores of an option (`key` "option") or criterion ("criterion") with `id`. */
export function dropScores(doc, key, id) {
  if (Array.isArray(doc.scores)) doc.scores = doc.scores.filter((s) => s?.[key] !== id);
}

function cellText(part, score) {
  const v = score?.[part];
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function cellValue(part, text) {
  if (part === 'sources') {
    const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
    return ids.length ? ids : undefined;
  }
  if (text.trim() === '') return part === 'value' ? '' : undefined;
  return parseNumber(text);
}

/** Moves focus through the grid with the arrow keys. */
function onKey(event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const row = Number(input.dataset.row);
  const col = Number(input.dataset.col);
  const part = input.dataset.part;
  let to = null;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length;
  if (event.key === 'ArrowUp') to = [row - 1, col];
  else if (event.key === 'ArrowDown') to = [row + 1, col];
  else if (event.key === 'ArrowLeft' && atStart) to = [row, col - 1];
  else if (event.key === 'ArrowRight' && atEnd) to = [row, col + 1];
  if (!to) return;
  const target = input.closest('table').querySelector(`input[data-row="${to[0]}"][data-col="${to[1]}"][data-part="${part}"]`);
  if (target) {
    event.preventDefault();
    target.focus();
    target.select();
  }
}

/**
 * The grid for `doc` (see form.js for `ctx`). Cells edit `scores[i].value`,
 * `.low`, `.high` and `.sources`.
 */
export function scoreGrid(doc, ctx) {
  const options = (doc.options || []).filter((o) => o && typeof o === 'object');
  const criteria = (doc.criteria || []).filter((c) => c && typeof c === 'object');
  if (!options.length || !criteria.length) return el('p', { class: 'note', 'data-path': 'scores', tabindex: '-1' }, 'Add options and criteria: their scores appear here.');
  const optionIndex = (o) => (doc.options || []).indexOf(o);
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Criterion'), ...options.map((o, i) => el('th', { scope: 'col', 'data-label-of': `options[${optionIndex(o)}]` }, String(o.label || o.id || `Option ${i + 1}`))));
  const rows = criteria.map((criterion, row) => {
    const name = String(criterion.label || criterion.id || `Criterion ${row + 1}`);
    const cells = options.map((option, col) => {
      const index = scoreIndex(doc, option.id, criterion.id);
      const score = index >= 0 ? doc.scores[index] : null;
      const scorePath = index >= 0 ? ['scores', index] : null;
      const cell = el('td', { 'data-path': scorePath ? pathText(scorePath) : null });
      for (const [part, word] of PARTS) {
        const id = freshId();
        const path = scorePath ? pathText([...scorePath, part]) : null;
        const input = el('input', {
          id, type: 'text', inputmode: part === 'sources' ? null : 'decimal', autocomplete: 'off', class: `cell-${part}`,
          'data-row': row, 'data-col': col, 'data-part': part, 'data-path': path, 'data-key': `grid:${row}:${col}:${part}`,
        });
        input.value = cellText(part, score);
        input.addEventListener('input', () => ctx.editScore(option.id, criterion.id, part, cellValue(part, input.value)));
        cell.append(el('div', { class: `cell-field cell-${part}` },
          el('label', { for: id }, el('span', { class: 'visually-hidden' }, `${option.label || option.id}, ${name}: `), word),
          input));
      }
      return cell;
    });
    return el('tr', {}, el('th', { scope: 'row', 'data-label-of': `criteria[${(doc.criteria || []).indexOf(criterion)}]` }, name), ...cells);
  });
  const about = freshId('about');
  const table = el('table', { class: 'grid', 'data-path': 'scores', tabindex: '-1', 'aria-describedby': about },
    el('caption', { class: 'visually-hidden' }, 'Scores'),
    el('thead', {}, head), el('tbody', {}, ...rows));
  table.addEventListener('keydown', onKey);
  return el('div', {},
    el('p', { id: about, class: 'note' }, 'Scores from 0 to 10 (cost criteria: 10 = most costly), with the plausible low–high range and the ids of their sources. Arrow keys move between cells.'),
    el('div', { class: 'grid-scroll' }, table));
}
