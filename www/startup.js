// Start-up of <stack-advisor>: the engine loads while the matrix is read (the
// `matrix` property, a child JSON script, or the `src` attribute), an
// author's matrix is checked, and the element shows what state it is in —
// with, when it failed, a polite notice for the reader and the matrix's
// problems listed.

import { h } from './dom.js';
import { loadEngine } from './loader.js';
import { defaultMatrix } from './engine.js';
import { readAuthorMatrix } from './matrix-source.js';
import { issueList } from './issue-list.js';
import { mcdaStrings } from './mcda-strings.js';

/** The states an element goes through: idle → loading → ready | error. */
const STATES = ['loading', 'ready', 'error'];

/**
 * Loads the engine and reads `element`'s matrix at the same time, then checks
 * an author's matrix with the engine.
 *
 * The engine decodes and compiles in the background (the first page load's
 * slowest step) while the matrix is read; for the built-in matrix `early` is
 * called with it before the engine is ready, so the questions are built
 * meanwhile — unless the element asks for calibration, whose panel needs the
 * engine.
 *
 * @param {HTMLElement} element the `<stack-advisor>`
 * @param {object | null} matrixProperty the element's `matrix` property
 * @param {() => boolean} current false once a newer start took over
 * @param {(matrix: object) => void} early
 * @returns {Promise<null | {engine: object, matrix: object, builtIn: boolean, early: boolean}
 *   | {fail: 'engine' | 'matrix', error: Error}>} null when a newer start took over
 */
export async function startUp(element, matrixProperty, current, early) {
  const loading = loadEngine();
  loading.catch(() => {}); // awaited below, after the matrix
  let matrix = null;
  let matrixError = null;
  try {
    matrix = await readAuthorMatrix(element, matrixProperty);
  } catch (error) {
    matrixError = error;
  }
  if (!current()) return null;
  const builtIn = matrix === null && matrixError === null;
  const isEarly = builtIn && !element.hasAttribute('calibrate');
  if (builtIn) matrix = defaultMatrix();
  if (isEarly) early(matrix);
  let engine;
  try {
    engine = await loading;
  } catch (error) {
    return { fail: 'engine', error };
  }
  if (!current()) return null;
  if (matrixError) return { fail: 'matrix', error: matrixError };
  if (!builtIn) {
    let issues;
    try {
      issues = engine.validateMatrix(matrix);
    } catch (error) {
      return { fail: 'matrix', error };
    }
    if (Array.isArray(issues) && issues.length) {
      const error = new Error(`invalid matrix: ${issues[0].path}: ${issues[0].message}`);
      error.issues = issues;
      return { fail: 'matrix', error };
    }
  }
  return { engine, matrix, builtIn, early: isEarly };
}

/**
 * The parts every element has from the start: the card, the fallback slot
 * (the author's markup, shown until the widget is ready), the notice, the
 * live region and the (hidden) main part.
 */
export function shell() {
  const notice = h('p', { class: 'notice', part: 'notice', hidden: true });
  const fallback = h('slot', { part: 'fallback' });
  // Present (and empty) before the first verdict, so screen readers announce changes.
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const main = h('div', { class: 'main', hidden: true });
  const inner = h('div', { class: 'inner' }, notice, fallback, status, main);
  const card = h('div', { class: 'card', part: 'card', 'data-state': 'idle' }, inner);
  return { card, notice, fallback, status, main };
}

/**
 * Shows `state` on the card (`data-state`) and as a custom state
 * (`:state(ready)`) where the browser has them; only a ready element shows
 * its main part instead of the fallback.
 */
export function showState(els, internals, state) {
  const ready = state === 'ready';
  els.card.dataset.state = state;
  els.fallback.hidden = ready;
  els.main.hidden = !ready;
  if (state !== 'error') {
    els.notice.hidden = true;
    els.issues?.remove();
  }
  try {
    if (internals?.states) {
      for (const s of STATES) internals.states.delete(s);
      internals.states.add(state);
    }
  } catch {
    /* CustomStateSet unsupported: the state is still on the card's data-state. */
  }
}

/**
 * Shows why the element could not start (`kind` 'engine' or 'matrix'): a
 * notice in the reader's language and, for an invalid matrix, its problems
 * with path, message and fix.
 */
export function showFailure(els, kind, error, t) {
  const message = kind === 'matrix' && Array.isArray(error?.issues)
    ? t.invalidMatrix(error.issues.length)
    : error?.code === 'csp' ? t.cspBlocked : error?.code === 'unsupported' ? t.unsupported : t.failed;
  els.notice.textContent = message;
  els.notice.hidden = false;
  els.issues?.remove();
  els.issues = kind === 'matrix' ? issueList(error?.issues, mcdaStrings(t)) : null;
  if (els.issues) els.notice.after(els.issues);
  els.status.textContent = message;
}
