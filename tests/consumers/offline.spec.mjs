// Consumer 7 in Chromium: the offline single file opened from file:// with
// the network off, and the demo site reloaded offline after one visit (its
// service worker).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { firstResult as firstResultOf } from '../e2e/helpers.mjs';

const repo = new URL('../../', import.meta.url);
const OFFLINE_FILE = new URL('dist/stack-advisor-offline.html', repo);
const SW_VERSION = readFileSync(new URL('dist/site/sw.js', repo), 'utf8').match(/"version":"([0-9a-f]+)"/)?.[1];

function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  return errors;
}

/** The (first) advisor's first result; any stack-advisor-error fails. */
const firstResult = (page) => firstResultOf(page.locator('stack-advisor').first(), { failOnError: true });

test('7a. stack-advisor-offline.html from file://, network off: a verdict, and answers change it', async ({ page, context }) => {
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await context.setOffline(true);
  await page.goto(pathToFileURL(OFFLINE_FILE.pathname).href);
  const first = await firstResult(page);
  expect(['node', 'python', 'hybrid']).toContain(first.verdict);

  const advisor = page.locator('stack-advisor').first();
  const verdict = advisor.locator('[part="verdict"]');
  await expect(verdict).toBeVisible();
  await advisor.evaluate((el) => { el.answers = { project: 'ai-ml', team: 'python' }; });
  await expect.poll(() => advisor.evaluate((el) => el.result?.verdict)).toBe('python');
  await expect(verdict).toHaveText(/Python/);

  // Nothing but the file itself (and data: URLs) was requested.
  expect(requests.filter((url) => !url.startsWith('data:'))).toEqual([pathToFileURL(OFFLINE_FILE.pathname).href]);
  expect(errors).toEqual([]);
});

test('7b. the demo site works offline after one visit (service worker, versioned cache, old caches removed)', async ({ page, context }) => {
  expect(SW_VERSION, 'dist/site/sw.js has a build version').toBeTruthy();

  // A cache left by an older build, created on the same origin before the visit
  // (on a 404 page: any page of the origin will do).
  await page.goto('/demo/no-such-page');
  await page.evaluate(() => caches.open('stack-advisor-site-0000000000000000'));
  const errors = collectErrors(page);

  await page.goto('/demo/');
  await firstResult(page);
  // The worker installs (precaching the site), activates and takes control.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`stack-advisor-site-${SW_VERSION}`]);

  await context.setOffline(true);
  // Really offline: a file that is not precached cannot be fetched.
  expect(await page.evaluate(() => fetch('/demo/not-precached.json').then(() => 'fetched', () => 'failed'))).toBe('failed');

  await page.reload();
  const result = await firstResult(page);
  expect(['node', 'python', 'hybrid']).toContain(result.verdict);
  await expect(page.locator('stack-advisor').first().locator('[part="verdict"]')).toBeVisible();

  // The other demo pages were precached too.
  await page.goto('/demo/custom.html');
  await firstResult(page);
  await page.goto('/demo/playground.html');
  await firstResult(page);

  expect(errors.filter((e) => !/not-precached\.json|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});
