// Consumers 1–3 in Chromium: the one-tag snippet in a blog page, a Vite app
// and a webpack app, each using the packed package (see playwright.config.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { VITE_DEV_PORT } from './playwright.config.mjs';
import { firstResult as firstResultOf } from '../e2e/helpers.mjs';

const packageDir = dirname(createRequire(import.meta.url).resolve('stack-advisor/package.json'));
const PACKED_BUNDLE = readFileSync(join(packageDir, 'dist', 'stack-advisor.js'));
const CDN = 'https://cdn.jsdelivr.net/npm/stack-advisor@*/dist/*';
const PACKAGE_VERSION = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
const TYPES = { '.js': 'application/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** Page errors and console errors, to assert there are none. */
function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  return errors;
}

/** Every request the page makes, as URLs. */
function collectRequests(page) {
  const requests = [];
  page.on('request', (request) => { if (!request.url().startsWith('data:')) requests.push(request.url()); });
  return requests;
}

/** The (first) advisor's first result; any stack-advisor-error fails. */
const firstResult = (page) => firstResultOf(page.locator('stack-advisor'), { failOnError: true });

/**
 * Answers the snippet's CDN URLs as jsDelivr serves package files: the
 * packed package's dist/ files, the loader's body replaced by `loader`.
 */
async function serveCdn(page, loader = PACKED_BUNDLE) {
  await page.route(CDN, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop();
    const body = file === 'stack-advisor.js' ? loader : readFileSync(join(packageDir, 'dist', file));
    route.fulfill({
      status: 200,
      body,
      headers: { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))], 'access-control-allow-origin': '*' },
    });
  });
}

test.describe('1. the one-tag snippet in a blog page', () => {
  test('the README snippet, verbatim: the packed bundle passes its integrity check and the advisor answers', async ({ page }) => {
    const errors = collectErrors(page);
    const requests = collectRequests(page);
    await serveCdn(page, PACKED_BUNDLE);
    await page.goto('/html/index.html');
    const result = await firstResult(page);
    expect(['node', 'python', 'hybrid']).toContain(result.verdict);
    const advisor = page.locator('stack-advisor');
    await advisor.getByRole('radiogroup').first().getByRole('radio').first().click();
    await expect(advisor.locator('[part="verdict"]')).toBeVisible();
    // One tag: the loader, which brings in the engine chunk and its .wasm (at the same time) from next to itself.
    expect(requests[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/html\/index\.html$/);
    expect(requests.slice(1).sort()).toEqual(['stack-advisor-engine.js', 'stack-advisor-engine.wasm', 'stack-advisor.js'].map((file) =>
      `https://cdn.jsdelivr.net/npm/stack-advisor@${PACKAGE_VERSION}/dist/${file}`));
    expect(errors).toEqual([]);
  });

  test('a changed file fails the integrity check: the script does not run and the fallback stays', async ({ page }) => {
    const errors = collectErrors(page);
    await serveCdn(page, Buffer.concat([PACKED_BUNDLE, Buffer.from('\n// changed in transit\n')]));
    await page.goto('/html/index.html');
    await expect.poll(() => errors.join('\n')).toMatch(/integrity/i);
    expect(await page.evaluate(() => customElements.get('stack-advisor'))).toBeUndefined();
    await expect(page.locator('stack-advisor .stack-advisor-fallback')).toContainText('Recommendation: Node.js (leaning)');
  });

  test('with scripts off, the snippet shows the default verdict, its reasons and its sources', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/html/self-hosted.html');
      const fallback = page.locator('stack-advisor .stack-advisor-fallback');
      await expect(fallback).toBeVisible();
      await expect(fallback.getByText(/^Recommendation: Node\.js \(leaning\)\. Node\.js wins in \d+% of plausible readings/)).toBeVisible();
      await expect(fallback.getByRole('listitem')).toHaveCount(10); // two scores, three reasons, five sources
      await expect(fallback.getByRole('link', { name: /Tech Talk Club|Node\.js vs Python for Web Development/ })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('self-hosted on 127.0.0.1: the same snippet with a local src', async ({ page }) => {
    const errors = collectErrors(page);
    const requests = collectRequests(page);
    await page.goto('/html/self-hosted.html');
    const result = await firstResult(page);
    expect(['node', 'python', 'hybrid']).toContain(result.verdict);
    expect(requests.map((url) => new URL(url).pathname).sort()).toEqual(['/html/self-hosted.html', ...['stack-advisor-engine.js', 'stack-advisor-engine.wasm', 'stack-advisor.js'].map((file) => `/html/${file}`)].sort());
    // The element never registers a service worker on the page that embeds it.
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length))).toBe(0);
    expect(errors).toEqual([]);
  });
});

test('2. Vite 7 app importing stack-advisor/define: built, served, the element answers', async ({ page }) => {
  const errors = collectErrors(page);
  const requests = collectRequests(page);
  await page.goto('/vite/');
  const result = await firstResult(page);
  expect(result.verdict).toBe('node');
  await expect(page.locator('#status')).toHaveText('verdict: node');
  await expect(page.locator('stack-advisor').locator('[part="verdict"]')).toHaveText(/Node\.js/);
  // Vite emitted the package's .wasm as an asset, fetched next to the bundle.
  expect(requests.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname)).toEqual([expect.stringMatching(/^\/vite\/assets\/stack_advisor_bg-[\w-]+\.wasm$/)]);
  expect(errors).toEqual([]);
});

test('2b. the same Vite app under the dev server, with the README\'s optimizeDeps.exclude', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`http://127.0.0.1:${VITE_DEV_PORT}/`);
  const result = await firstResult(page);
  expect(result.verdict).toBe('node');
  await expect(page.locator('#status')).toHaveText('verdict: node');
  expect(errors).toEqual([]);
});

test('3. webpack 5 app importing the element and calling recommend(), no experiments flag', async ({ page }) => {
  const errors = collectErrors(page);
  const requests = collectRequests(page);
  await page.goto('/webpack/');
  await expect(page.locator('#verdict')).toHaveText(/^python \((clear|lean|close-call)\)$/);
  const result = await firstResult(page);
  expect(result.verdict).toBe('python');
  await expect(page.locator('stack-advisor').locator('[part="verdict"]')).toHaveText(/Python/);
  // init() loads the engine and its MCDA extension: two .wasm assets, each
  // loaded once (the element shares the engine with recommend()).
  const wasm = requests.filter((url) => url.endsWith('.wasm'));
  expect(wasm).toHaveLength(2);
  expect(new Set(wasm).size).toBe(2);
  expect(errors).toEqual([]);
});
