// A browser too old for the widget, in Chromium. Without module preload
// (Safari before 17) the one-tag loader cannot have the engine checked before
// it runs, and refuses; without WebAssembly the engine cannot run. The reader
// gets the page's summary and "needs a newer browser"; the author gets an
// error event with code 'unsupported'. (A real Safari 16.0-level engine:
// tests/browsers/old-safari.test.mjs.)
import { test, expect } from '@playwright/test';
import en from '../../www/i18n/en.js';
import { recordEvents } from './helpers.mjs';

const MISSING = [
  ['module preload', () => {
    const supports = DOMTokenList.prototype.supports;
    DOMTokenList.prototype.supports = function (token) {
      return token === 'modulepreload' ? false : supports.call(this, token);
    };
  }, /^this browser is too old for the advisor \(no module preload\)$/],
  ['WebAssembly', () => { delete window.WebAssembly; }, /^stack-advisor: the WebAssembly engine could not be loaded \(this browser does not support WebAssembly\)$/],
];

for (const [api, remove, message] of MISSING) test(`no ${api}: the fallback and "needs a newer browser", an error event, nothing uncaught`, async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(remove);
  await page.addInitScript(recordEvents);
  await page.addInitScript(() => {
    window.__codes = [];
    document.addEventListener('stack-advisor-error', (e) => window.__codes.push(e.detail.error?.code));
  });
  await page.goto('/');
  const advisor = page.locator('#advisor');
  await expect(advisor.locator('[part="notice"]')).toHaveText(en.unsupported);
  await expect(page.locator('#advisor .advisor-fallback')).toBeVisible();
  await expect(advisor.locator('[part="questions"]')).toBeHidden();
  const events = await page.evaluate(() => window.__events);
  expect(events).toEqual([expect.objectContaining({ type: 'stack-advisor-error', kind: 'engine', target: 'advisor' })]);
  expect(events[0].message).toMatch(message);
  expect(await page.evaluate(() => window.__codes)).toEqual(['unsupported']);
  expect(errors).toEqual([]);
});
