// Panic containment (issue 6): a trap inside the engine shows an error in the
// widget, the engine is replaced, and every instance on the page goes on
// working. The engine under test is a debug build with the `fault-injection`
// feature (scripts/fault-site.sh, served under /fault/); the element modules
// are the shipped ones.
import { test, expect } from '@playwright/test';
import { pick, verdictLocator, waitReady } from './helpers.mjs';

test('a trap in the engine: an error in that widget, a fresh engine, both widgets keep working', async ({ page }) => {
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/fixtures/fault.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await Promise.all([waitReady(first), waitReady(second)]);
  await expect(verdictLocator(second)).toHaveText('Python');

  const errors = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('stack-advisor-error', (event) => resolve({ id: event.target.id, kind: event.detail.kind, message: event.detail.message, cause: String(event.detail.error?.cause) }), { once: true });
  }));
  await page.evaluate(() => window.injectFault());
  await pick(first, 'project', 'realtime');

  // The widget that hit the trap says so, inside itself, and tells the page.
  const error = await errors;
  expect(error.id).toBe('first');
  expect(error.kind).toBe('engine');
  expect(error.message).toMatch(/engine stopped on an internal error in recommend\(\) and was restarted/);
  expect(error.cause).toMatch(/RuntimeError: unreachable/);
  await expect(first.locator('.error-text')).toContainText('was restarted');
  await expect(verdictLocator(first)).toHaveText('—');

  // The other instance runs on the fresh engine.
  await pick(second, 'team', 'javascript');
  await expect(second.locator('.error-text')).toHaveCount(0);
  expect(await second.evaluate((el) => el.result.verdict)).toBeTruthy();
  await expect(verdictLocator(second)).not.toHaveText('—');

  // The instance that failed recovers on the next answer.
  await pick(first, 'team', 'javascript');
  await expect(verdictLocator(first)).toHaveText('Node.js');
  await expect(first.locator('.error-text')).toHaveCount(0);

  // Many calls later the engine is still sound (a poisoned allocator would
  // corrupt results or trap again).
  const verdicts = await first.evaluate(async (el) => {
    const seen = [];
    for (let i = 0; i < 50; i++) {
      el.answers = i % 2 ? { project: 'ai-ml' } : { project: 'realtime', team: 'javascript' };
      seen.push(el.result.verdict);
    }
    return seen;
  });
  expect(new Set(verdicts.filter((_, i) => i % 2))).toEqual(new Set(['python']));
  expect(new Set(verdicts.filter((_, i) => !(i % 2)))).toEqual(new Set(['node']));
  expect(pageErrors).toEqual([]);
});
