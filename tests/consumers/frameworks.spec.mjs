// Consumers 8 and 9 in Chromium: React 19 (client render; server render then
// hydration) and Vue 3, each using the README's component on the packed
// package (pages built by frameworks/build.mjs).
import { expect, test } from '@playwright/test';
import { firstResult, pick } from '../e2e/helpers.mjs';

const HOSTILE = '"><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';

/** Page errors, console errors, and every stack-advisor-error message (caught on the document from the start). */
async function watch(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  await page.addInitScript(() => {
    window.advisorErrors = [];
    document.addEventListener('stack-advisor-error', (event) => window.advisorErrors.push(event.detail.message), true);
  });
  return errors;
}

/** How many `stack-advisor-change` listeners the element matching `selector` has (Chrome DevTools Protocol). */
async function changeListeners(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
    if (!result.objectId) throw new Error(`no element ${selector}`);
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((listener) => listener.type === 'stack-advisor-change').length;
  } finally {
    await cdp.detach();
  }
}

/** The section's widget starts with the given answers (python), React/Vue shows the verdict, and follows the reader. */
async function startsAndFollows(page, section) {
  const advisor = page.locator(`${section} stack-advisor`);
  const output = page.locator(`${section} > output`); // not the widget's own <output>s (its shadow DOM)
  expect((await firstResult(advisor, { failOnError: true })).verdict).toBe('python');
  expect(JSON.parse(await advisor.getAttribute('answers'))).toEqual({ project: 'ai-ml', team: 'python' });
  await expect(output).toHaveText('python');
  await pick(advisor, 'project', 'realtime');
  await expect(output).toHaveText('node');
  expect(await advisor.evaluate((el) => el.answers.project)).toBe('realtime');
}

/** The hostile "answers" stay text: no script ran, the widget reports bad JSON and shows the default verdict. */
async function hostileIsText(page) {
  const advisor = page.locator('#hostile stack-advisor');
  expect(await advisor.getAttribute('answers')).toBe(HOSTILE);
  expect(await advisor.getAttribute('no-share')).toBe('');
  expect((await firstResult(advisor)).verdict).toBe('node');
  await expect(advisor.locator('[part="verdict"]')).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll('#hostile script, #hostile img').length)).toBe(0); // light DOM only
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.evaluate(() => window.advisorErrors)).toEqual([expect.stringMatching(/^the answers attribute is not valid JSON/)]);
}

test.describe('8. React 19', () => {
  test('client render (createRoot): object answers and theme as properties, onstack-advisor-change listens', async ({ page }) => {
    const errors = await watch(page);
    await page.goto('/frameworks/react/index.html');
    await startsAndFollows(page, '#advisor');
    expect(await page.locator('#advisor stack-advisor').evaluate((el) => el.theme)).toBe('dark');
    expect(await changeListeners(page, '#advisor stack-advisor')).toBe(1);
    await startsAndFollows(page, '#server-advisor');
    await hostileIsText(page);
    expect(errors).toEqual([]);
  });

  test('server render + hydrateRoot: hydration drops the object and the listener; the README\'s ref workaround works', async ({ page }) => {
    const errors = await watch(page);
    await page.goto('/frameworks/react/hydrate.html');
    // The workaround: answers as JSON (in the server HTML), a ref adds the listener.
    await startsAndFollows(page, '#server-advisor');
    expect(await changeListeners(page, '#server-advisor stack-advisor')).toBe(1);
    // Measured (react-dom 19.3.1): the client-render component, hydrated, has
    // neither its object answers (the server drops objects) nor its listener.
    const plain = page.locator('#advisor stack-advisor');
    expect(await plain.getAttribute('answers')).toBeNull();
    expect(await plain.getAttribute('theme')).toBe('dark');
    expect((await firstResult(plain, { failOnError: true })).verdict).toBe('node');
    expect(await changeListeners(page, '#advisor stack-advisor')).toBe(0);
    await expect(page.locator('#advisor > output')).toHaveText('');
    await hostileIsText(page);
    expect(errors).toEqual([]);
  });
});

test('9. Vue 3 (isCustomElement): :answers set as a property, @stack-advisor-change listens', async ({ page }) => {
  const errors = await watch(page);
  await page.goto('/frameworks/vue/index.html');
  await startsAndFollows(page, '#app');
  await expect(page.locator('#not-the-element')).toHaveCount(0); // main.js's trap: isCustomElement works
  expect(await page.locator('#app stack-advisor').evaluate((el) => el.theme)).toBe('dark');
  expect(await changeListeners(page, '#app stack-advisor')).toBe(1);
  expect(errors).toEqual([]);
});
