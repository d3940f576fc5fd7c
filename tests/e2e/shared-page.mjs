// A worker-scoped demo page for specs whose tests each set their own answers
// and read what the widget shows: the page, its engine and its widget load once
// per worker rather than once per test (a fresh context and page load cost
// about 2 s of test time each on the 2-core machine, docs/testing.md).
//
// A test takes `article` (the page) and `advisor` (its widget), already
// reset to no answers and with the hash cleared. After a failed test Playwright
// starts a new worker, so the next test gets a new page.
import { test as base } from '@playwright/test';
import { waitReady } from './helpers.mjs';

export const test = base.extend({
  article: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, serviceWorkers, viewport } = workerInfo.project.use;
      // The clipboard, for the tests of Copy as Markdown.
      const context = await browser.newContext({ baseURL, serviceWorkers, viewport, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto('/');
      await waitReady(page.locator('stack-advisor'));
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  advisor: async ({ article }, use) => {
    const advisor = article.locator('stack-advisor');
    // The clipboard and the note under the buttons emptied, so a test of Copy
    // as Markdown never reads an earlier test's copy; then no answers and no
    // hash, the state a fresh load gives. Setting the attribute to the value it
    // has changes nothing, so it alternates between absent and "{}" (both no
    // answers); the result is rendered again before the change event.
    await advisor.evaluate(async (el) => {
      await navigator.clipboard.writeText('');
      for (const note of el.shadowRoot.querySelectorAll('.action-note')) note.textContent = '';
      history.replaceState(null, '', location.pathname);
      const changed = new Promise((resolve) => el.addEventListener('stack-advisor-change', resolve, { once: true }));
      if (el.hasAttribute('answers')) el.removeAttribute('answers');
      else el.setAttribute('answers', '{}');
      await changed;
    });
    await use(advisor);
  },
});
