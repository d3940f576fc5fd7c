// "Calibrate my priorities": the reader compares the matrix's criteria two at
// a time on Saaty's scale, the engine turns the comparisons into AHP weights
// (principal eigenvector) with a consistency ratio, and the reader may use
// those weights in place of the ones the answers give. Offered for 2–6
// criteria only: six criteria already make fifteen comparisons.

import { h, uniqueId } from './dom.js';
import { formatter } from './format/numbers.js';

/** Most criteria the calibration asks about. */
export const MAX_CALIBRATE_CRITERIA = 6;

/** Saaty's odd steps, as the signed values of a comparison's choices (positive: the first matters more). */
export const STEPS = [9, 7, 5, 3, 1, -3, -5, -7, -9];

/** True when `matrix` has 2 to 6 criteria. */
export function canCalibrate(matrix) {
  const n = (matrix?.criteria || []).length;
  return n >= 2 && n <= MAX_CALIBRATE_CRITERIA;
}

/** Every pair [i, j] with i < j, in reading order. */
export function comparisonPairs(n) {
  const pairs = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return pairs;
}

/**
 * The reciprocal pairwise matrix for signed judgments, one per pair of
 * `comparisonPairs(n)`: `v > 1` means the first matters v times more,
 * `v < -1` the second |v| times more, `1` (or anything else) the same.
 */
export function pairwiseMatrix(n, judgments) {
  const a = Array.from({ length: n }, () => Array(n).fill(1));
  comparisonPairs(n).forEach(([i, j], k) => {
    const v = Number(judgments[k]);
    const ratio = v > 1 ? v : v < -1 ? 1 / -v : 1;
    a[i][j] = ratio;
    a[j][i] = 1 / ratio;
  });
  return a;
}

/**
 * The pair whose judgment is furthest from what the weights imply
 * (largest |ln(a_ij · w_j / w_i)|): the one to reconsider first.
 */
export function worstPair(pairwise, weights) {
  let worst = null;
  let distance = 0;
  comparisonPairs(pairwise.length).forEach(([i, j]) => {
    const d = Math.abs(Math.log((pairwise[i][j] * weights[j]) / weights[i]));
    if (d > distance + 1e-12) {
      distance = d;
      worst = [i, j];
    }
  });
  return worst;
}

/**
 * AHP weights (summing to 1) as answer weights: criterion id → weight,
 * scaled ×10 so flip points read like the matrix's own weights.
 */
export function answerWeights(ids, weights) {
  return Object.fromEntries(ids.map((id, i) => [id, Math.round(weights[i] * 10000) / 1000]));
}

/**
 * The calibration panel: a toggle button, one select per pair, and a live
 * summary of the weights and the consistency ratio in plain words.
 *
 * @param {{criteria: {id: string, label: string}[], engine: {ahpWeights: Function},
 *   s: object, lang: string, active: () => boolean,
 *   onApply: (weights: Record<string, number>) => void, onClear: () => void}} options
 * @returns {HTMLElement}
 */
export function createCalibrator({ criteria, engine, s, lang, active, onApply, onClear }) {
  const n = criteria.length;
  const pairs = comparisonPairs(n);
  const judgments = pairs.map(() => 1);
  const percent = formatter(Intl.NumberFormat, lang, { style: 'percent', maximumFractionDigits: 0 });
  const ratio = formatter(Intl.NumberFormat, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const panelId = uniqueId('calibrate');
  const toggle = h('button', { type: 'button', class: 'btn calibrate-toggle', part: 'calibrate-toggle', 'aria-expanded': 'false', 'aria-controls': panelId }, s.calibrateButton);

  const selects = pairs.map(([i, j], k) => {
    const id = uniqueId('pair');
    const [a, b] = [criteria[i].label, criteria[j].label];
    const select = h('select', { id, 'data-pair': `${criteria[i].id}|${criteria[j].id}` },
      ...STEPS.map((v) => h('option', { value: String(v), selected: v === 1 }, v === 1 ? s.same : s.more(v > 0 ? a : b, Math.abs(v)))),
    );
    select.addEventListener('change', () => {
      judgments[k] = Number(select.value);
      refresh();
    });
    return h('div', { class: 'pair' }, h('label', { for: id }, s.pairLegend(a, b)), select);
  });

  const weightList = h('ul', { class: 'calibrate-weights' });
  const verdict = h('p', { class: 'calibrate-cr' });
  const worst = h('p', { class: 'calibrate-worst', hidden: true });
  const summary = h('div', { class: 'calibrate-result', 'aria-live': 'polite' }, h('p', { class: 'calibrate-heading' }, s.weightsHeading), weightList, verdict, worst);
  const state = h('p', { class: 'calibrate-state' });
  const apply = h('button', { type: 'button', class: 'btn', part: 'calibrate-apply' }, s.useWeights);
  const clear = h('button', { type: 'button', class: 'btn', part: 'calibrate-clear' }, s.stopUsing);
  let latest = null;

  function refresh() {
    const pairwise = pairwiseMatrix(n, judgments);
    try {
      latest = engine.ahpWeights(pairwise);
    } catch (error) {
      latest = null;
      verdict.textContent = `${s.calibrateFailed} (${error?.message || error})`;
      weightList.replaceChildren();
      return;
    }
    weightList.replaceChildren(...criteria.map((c, i) => h('li', {}, s.weightRow(c.label, percent.format(latest.weights[i])))));
    const cr = ratio.format(latest.consistency_ratio);
    verdict.textContent = latest.consistent ? s.consistent(cr) : s.inconsistent(cr);
    verdict.dataset.consistent = String(latest.consistent);
    const pair = latest.consistent ? null : worstPair(pairwise, latest.weights);
    worst.hidden = !pair;
    worst.textContent = pair ? s.worstPair(criteria[pair[0]].label, criteria[pair[1]].label) : '';
    syncState();
  }

  function syncState() {
    const on = active();
    state.textContent = on ? s.using : s.notUsing;
    clear.hidden = !on;
  }

  apply.addEventListener('click', () => {
    if (!latest) return;
    onApply(answerWeights(criteria.map((c) => c.id), latest.weights));
    syncState();
  });
  clear.addEventListener('click', () => {
    onClear();
    syncState();
  });
  const panel = h('div', { class: 'calibrate-panel', id: panelId, hidden: true },
    h('p', { class: 'q-help' }, s.calibrateIntro),
    h('div', { class: 'pairs' }, ...selects),
    summary,
    h('div', { class: 'calibrate-actions' }, apply, clear),
    state,
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) refresh();
  });
  return h('div', { class: 'calibrate', part: 'calibrate' }, toggle, panel);
}
