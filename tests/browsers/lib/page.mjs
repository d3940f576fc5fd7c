// Page helpers for the cross-browser suite: W3C WebDriver only (no
// Playwright), shadow DOM through "Get Element Shadow Root".
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';

/** Time limit for an advisor's first result, in ms. */
export const READY_MS = 20_000;

/**
 * Scrolls the advisor `selector` into view if its engine has not loaded yet,
 * then waits until it has a result; fails early, with the widget's own
 * notice, when it shows its error state instead.
 */
export async function waitReady(driver, selector = 'stack-advisor') {
  // The one-tag loader brings the engine in when a widget nears the screen:
  // one further down loads when the reader scrolls to it, as here.
  await driver.executeScript("const el = document.querySelector(arguments[0]); if (el && !customElements.get('stack-advisor')) el.scrollIntoView();", selector);
  const state = await waitState(driver, selector, (s) => s.result || s.state === 'error');
  assert.ok(state.result, `${selector} shows its error state instead of a result: "${state.notice}"`);
  return state;
}

/** Polls the advisor's state until `done(state)`; returns that state. */
export async function waitState(driver, selector, done, ms = READY_MS) {
  let last = null;
  try {
    await driver.wait(async () => {
      last = await advisorState(driver, selector);
      return done(last);
    }, ms);
  } catch (error) {
    throw new Error(`${selector}: not there within ${ms} ms (last state: ${JSON.stringify(last)}): ${error.message}`);
  }
  return last;
}

/**
 * The advisor's answers, verdict and scores, its card state and notice, the
 * page's URL, and which control has focus inside the shadow root.
 */
export function advisorState(driver, selector = 'stack-advisor') {
  return driver.executeScript(`
    const el = document.querySelector(arguments[0]);
    if (!el) return { missing: true };
    const root = el.shadowRoot;
    const card = root && root.querySelector('[part="card"]');
    const notice = root && root.querySelector('[part="notice"]');
    const active = root && root.activeElement;
    return {
      defined: Boolean(customElements.get('stack-advisor')),
      state: card ? card.dataset.state : null,
      notice: notice && !notice.hidden ? notice.textContent : null,
      answers: el.answers || null,
      result: el.result ? { verdict: el.result.verdict, scores: el.result.scores } : null,
      verdictText: root && root.querySelector('[part="verdict"]') ? root.querySelector('[part="verdict"]').textContent : null,
      focus: active ? (active.dataset.value ?? active.dataset.item ?? active.value ?? active.tagName) : null,
      href: location.href,
    };`, selector);
}

/** The advisor's shadow root (a WebDriver ShadowRoot: CSS selectors only). */
export async function shadowRoot(driver, selector = 'stack-advisor') {
  return (await driver.findElement(By.css(selector))).getShadowRoot();
}

/**
 * The control for `questionId` of `matrix` in the advisor's shadow root: its
 * question block (the element renders one `[part="question"]` per question,
 * in the matrix's order), then `css` inside it.
 */
export async function control(root, matrix, questionId, css) {
  const index = matrix.questions.findIndex((q) => q.id === questionId);
  assert.ok(index >= 0, `no question ${questionId} in matrix ${matrix.id}`);
  const blocks = await root.findElements(By.css('[part="question"]'));
  assert.equal(blocks.length, matrix.questions.length, 'one question block per question');
  return blocks[index].findElement(By.css(css));
}

/** The chip of a single-choice question ('' is "Not sure"). */
export function chip(root, matrix, questionId, choiceId) {
  return control(root, matrix, questionId, `[role="radio"][data-value="${choiceId}"]`);
}

/**
 * Errors the page recorded (tests/browsers/lib/recorder.js), or a failure
 * when the recorder is not on the page (then nothing would be checked).
 */
export async function recordedErrors(driver) {
  const errors = await driver.executeScript('return window.__browserTestErrors || null');
  assert.ok(Array.isArray(errors), 'the error recorder is not on this page');
  return errors;
}
