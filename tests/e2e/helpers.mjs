// Shared helpers for the <stack-advisor> end-to-end tests.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/** The default matrix, read from the repo so tests click the labels a reader sees. */
export const MATRIX = JSON.parse(readFileSync(new URL('../../data/node-vs-python.json', import.meta.url), 'utf8'));

export const VERDICT_LABEL = { node: 'Node.js', python: 'Python', hybrid: 'Use both' };

export function question(id) {
  const q = MATRIX.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} in the default matrix`);
  return q;
}

export function choiceLabel(questionId, choiceId) {
  const c = question(questionId).choices.find((x) => x.id === choiceId);
  if (!c) throw new Error(`no choice ${questionId}.${choiceId} in the default matrix`);
  return c.label;
}

/**
 * The advisor's (a locator's) first result: waits for its
 * `stack-advisor-change` (scrolling it into view first when the one-tag
 * loader has not loaded the engine yet) and returns the result; throws after 10 s, or at the
 * first `stack-advisor-error` with `failOnError` (for pages where any error is
 * a failure: a widget recovers from bad answers with an error and a result).
 * The one "wait for the first result" of the e2e, consumer and screenshot specs.
 */
export async function firstResult(advisor, { failOnError = false } = {}) {
  await expect(advisor).toBeAttached();
  // The one-tag loader brings the engine in when a widget nears the screen:
  // a widget further down loads when the reader scrolls to it, as here.
  if (!(await advisor.evaluate((el) => Boolean(customElements.get(el.localName))))) await advisor.scrollIntoViewIfNeeded();
  return advisor.evaluate((el, failOnError) => new Promise((resolve, reject) => {
    if (el.result) return resolve(el.result);
    const timer = setTimeout(() => reject(new Error('no stack-advisor-change within 10 s')), 10_000);
    el.addEventListener('stack-advisor-change', (event) => { clearTimeout(timer); resolve(event.detail); }, { once: true });
    if (failOnError) el.addEventListener('stack-advisor-error', (event) => { clearTimeout(timer); reject(new Error(event.detail.message)); }, { once: true });
  }), failOnError);
}

/** Waits until the advisor (a locator) has its first result. */
export async function waitReady(advisor) {
  await firstResult(advisor);
}

/** Answers that give each verdict on the demo page, the way a reader gives them. */
const VERDICT_ANSWERS = {
  node: async (advisor) => pick(advisor, 'project', 'realtime'),
  python: async (advisor) => pick(advisor, 'project', 'ai-ml'),
  hybrid: async (advisor) => {
    await pick(advisor, 'project', 'realtime');
    await tick(advisor, 'needs', ['ai']);
  },
};

/** Answers the advisor (a locator) until the verdict is `verdict` (node, python or hybrid). */
export async function answerForVerdict(advisor, verdict) {
  await VERDICT_ANSWERS[verdict](advisor);
  await expect(verdictLocator(advisor)).toHaveText(VERDICT_LABEL[verdict]);
}

/** Opens the demo page and answers until the verdict is `verdict` (node, python or hybrid); returns the advisor. */
export async function openWithVerdict(page, verdict) {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await answerForVerdict(advisor, verdict);
  return advisor;
}

/** Expands every disclosure of the result (guidance and the comparison). */
export async function expandAll(advisor) {
  const closed = advisor.locator('.disclosure[aria-expanded="false"]');
  for (let n = await closed.count(); n > 0; n--) await closed.first().click();
  await expect(closed).toHaveCount(0);
}

/** Clicks a single-choice chip the way a reader does: by the question's and the chip's visible text. */
export async function pick(advisor, questionId, choiceId) {
  const group = advisor.getByRole('radiogroup', { name: question(questionId).label });
  const name = choiceId ? choiceLabel(questionId, choiceId) : 'Not sure';
  await group.getByRole('radio', { name, exact: true }).click();
}

/** Ticks the checkboxes of a multi-choice question. */
export async function tick(advisor, questionId, choiceIds) {
  for (const id of choiceIds) await advisor.getByRole('checkbox', { name: choiceLabel(questionId, id), exact: true }).check();
}

/** The visible verdict line's label (e.g. "Node.js"). */
export function verdictLocator(advisor) {
  return advisor.locator('[part="verdict"] .verdict-label');
}

/** The element that has focus, looking into shadow roots. */
export async function deepActive(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    const style = getComputedStyle(a);
    return {
      tag: a.tagName.toLowerCase(),
      role: a.getAttribute('role'),
      type: a.getAttribute('type'),
      part: a.getAttribute('part'),
      text: (a.textContent || '').trim().slice(0, 80),
      checked: a.getAttribute('aria-checked'),
      label: a.labels && a.labels[0] ? a.labels[0].textContent.trim() : null,
      inWidget: a.getRootNode() !== document,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/**
 * Holds the WebAssembly engine back until `release` (or fails it with
 * `fail`), so a test can look at the element before it is ready.
 * Install with page.addInitScript(gateEngine, mode) before navigation;
 * mode is 'hold' or 'fail'.
 */
export function gateEngine(mode) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  window.__releaseEngine = release;
  const wrap = (fn) => async (...args) => {
    if (mode === 'fail') throw new Error('WebAssembly blocked by the test');
    await gate;
    return fn.apply(WebAssembly, args);
  };
  WebAssembly.instantiate = wrap(WebAssembly.instantiate);
  WebAssembly.instantiateStreaming = wrap(WebAssembly.instantiateStreaming);
  if (mode === 'fail') {
    WebAssembly.compile = wrap(WebAssembly.compile);
    WebAssembly.compileStreaming = wrap(WebAssembly.compileStreaming);
  }
}

/** Records every stack-advisor event on the page in window.__events. */
export function recordEvents() {
  window.__events = [];
  for (const type of ['stack-advisor-change', 'stack-advisor-error']) {
    document.addEventListener(type, (e) => {
      window.__events.push({ type, target: e.target.id || e.target.tagName, composed: e.composed, bubbles: e.bubbles,
        verdict: e.detail && e.detail.verdict, kind: e.detail && e.detail.kind, message: e.detail && e.detail.message });
    });
  }
}
