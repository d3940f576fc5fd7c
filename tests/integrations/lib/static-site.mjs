// Helpers of the static site generator tests (hugo.test.mjs, eleventy.test.mjs):
// the README's own snippets for a platform, a static server for a built site on
// 127.0.0.1 that logs every request, Chromium through Playwright's library, and
// the checks every built page gets (the widget answers, the fallback without
// JavaScript).
import assert from 'node:assert/strict';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, expect } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { fencedBlocks } from '../../readme/blocks.mjs';
import { choiceLabel, firstResult, question, verdictLocator } from '../../e2e/helpers.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
/** The default verdict as HTML, as the build wrote it. */
export const FALLBACK = readFileSync(join(DIST, 'fallback.html'), 'utf8').trim();
/** The files a self-hoster copies (dist/FILES). */
export const SHIPPED = readFileSync(join(DIST, 'FILES'), 'utf8').split('\n').filter(Boolean);
/** The page-level reserve the integrations print once per page (dist/reserve.css, scripts/reserve-css.mjs). */
export const RESERVE_STYLE = `<style id="stack-advisor-reserve">${readFileSync(join(DIST, 'reserve.css'), 'utf8').trim()}</style>`;
/** The fallback of a widget whose verdict depends on answers or a matrix the build cannot know. */
export const NEEDS_JS = 'This advisor needs JavaScript to show its verdict for these answers.';

/**
 * The README's fenced blocks under the heading `heading` (e.g. "Hugo"): the
 * tests build their sites from them, so the README shows what is tested.
 * @returns {{lang: string, code: string, line: number}[]}
 */
export function readmeBlocks(heading) {
  const blocks = fencedBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8')).filter((b) => b.heading === heading);
  assert.ok(blocks.length > 0, `README.md has no code blocks under "${heading}"`);
  return blocks;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 (a free port) under `prefix` (e.g. "/blog/"),
 * .wasm as application/wasm; `index.html` for folders. Logs every request path.
 * @returns {Promise<{origin: string, base: string, requests: string[], close: () => Promise<void>}>}
 */
export async function serveSite(dir, prefix = '/') {
  const root = resolve(dir);
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let file = null;
    if (path.startsWith(prefix)) {
      const candidate = normalize(join(root, path.slice(prefix.length)));
      if (candidate === root || candidate.startsWith(root + sep)) {
        try {
          const stat = statSync(candidate);
          file = stat.isDirectory() ? join(candidate, 'index.html') : candidate;
          statSync(file);
        } catch {
          file = null;
        }
      }
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, no) => server.once('error', no).listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: `${origin}${prefix}`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

/** Debian's Chromium, with the end-to-end tests' arguments (playwright.config.mjs). */
export async function launchChromium() {
  const { default: config } = await import(join(ROOT, 'playwright.config.mjs'));
  return chromium.launch(config.use.launchOptions);
}

/** Page errors, console errors and every request URL of `page`. */
export function watch(page) {
  const errors = [];
  const urls = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('request', (request) => urls.push(request.url()));
  return { errors, urls };
}

/**
 * The `<stack-advisor …>` elements of a built page as written, with what is
 * between their tags (the fallback).
 * @returns {{open: string, inner: string}[]}
 */
export function elementsIn(html) {
  return [...html.matchAll(/(<stack-advisor\b[^>]*>)([\s\S]*?)<\/stack-advisor>/g)].map(([, open, inner]) => ({ open, inner: inner.trim() }));
}

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** A built page passes html-validate's recommended rules (as the fallback itself does, tests/unit/render-html.test.mjs). */
export async function assertValidHtml(html, name) {
  const report = await validator.validateString(html);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  assert.deepEqual(problems, [], `${name} is not valid HTML`);
}

/** The loader `<script>` tags of a built page. */
export function loaderTags(html) {
  return html.match(/<script\b[^>]*stack-advisor\.js[^>]*><\/script>/g) ?? [];
}

/**
 * The widget at `advisor` (a locator) starts and shows a verdict; answering
 * "What are you building?" with AI/ML turns it to Python. Returns the first verdict.
 */
export async function answersInChromium(advisor) {
  const first = await firstResult(advisor, { failOnError: true });
  assert.ok(['node', 'python', 'hybrid'].includes(first.verdict), `verdict ${first.verdict}`);
  await expect(verdictLocator(advisor)).toBeVisible();
  const group = advisor.getByRole('radiogroup', { name: question('project').label });
  await group.getByRole('radio', { name: choiceLabel('project', 'ai-ml'), exact: true }).click();
  await expect(verdictLocator(advisor)).toHaveText('Python');
  return first.verdict;
}

/** A built page has the reserve style exactly once, before its first widget. */
export function assertReserveOnce(html, name) {
  const at = html.indexOf(RESERVE_STYLE);
  assert.equal(html.split('id="stack-advisor-reserve"').length - 1, 1, `${name}: one reserve style`);
  assert.ok(at >= 0 && at < html.indexOf('<stack-advisor'), `${name}: the reserve style (dist/reserve.css, as built) before the first widget`);
}

/**
 * The Cumulative Layout Shift of the page at `url` in Chromium at 1280×800,
 * from load until the first widget's first result: the sum of the
 * 'layout-shift' entries (buffered, so none before the observer is missed).
 * The loader's response is held back `delayMs`, as on a real network, so the
 * page is painted with only its HTML and CSS first. `strip` removes the
 * reserve style from the page as served (to show the measure sees a shift).
 * @returns {Promise<{cls: number, shifts: string[]}>}
 */
export async function measureCls(browser, url, { delayMs = 600, strip = false } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(() => {
      window.__cls = { value: 0, shifts: [] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          window.__cls.value += entry.value;
          window.__cls.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map((s) => s.node?.nodeName ?? '?').join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.route(/\/stack-advisor\.js(\?[^/]*)?$/, (route) => setTimeout(() => route.continue(), delayMs));
    if (strip) {
      await page.route((u) => u.href === url, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(RESERVE_STYLE, '');
        await route.fulfill({ response, body });
      });
    }
    await page.goto(url);
    await firstResult(page.locator('stack-advisor').first());
    // Two frames: the result drawn and any shift it causes reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { value, shifts } = await page.evaluate(() => window.__cls);
    return { cls: value, shifts };
  } finally {
    await page.close();
  }
}

/**
 * With scripts off, the page at `url` shows the default verdict inside the
 * first widget, in no more than the fallback's own height: the reserve style
 * is on the page but reserves nothing where scripting is off.
 */
export async function fallbackWithoutJs(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const fallback = page.locator('stack-advisor').first().locator('.stack-advisor-fallback');
    await expect(fallback).toBeVisible();
    await expect(fallback.getByText(/^Recommendation: Node\.js \(leaning\)/)).toBeVisible();
    await expect(fallback.getByRole('listitem')).toHaveCount(10); // two scores, three reasons, five sources
    const sizes = await page.locator('stack-advisor').first().evaluate((el) => {
      const range = document.createRange();
      range.selectNode(el);
      return {
        style: Boolean(document.getElementById('stack-advisor-reserve')),
        element: range.getBoundingClientRect().height,
        fallback: el.querySelector('.stack-advisor-fallback').getBoundingClientRect().height,
      };
    });
    assert.ok(sizes.style, 'the page has the reserve style');
    assert.ok(sizes.element <= sizes.fallback + 48, `without scripts the element is ${sizes.element}px tall, its fallback ${sizes.fallback}px: blank reserved space`);
  } finally {
    await context.close();
  }
}

/** Requests of a page: every one to the test server's origin (no CDN, nothing else). */
export function assertLocalOnly(urls, origin) {
  const foreign = urls.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests that left the site');
}

/** Seconds since `start` (performance.now()), for the timing line each test file prints. */
/**
 * A built site's hostile/ and huge/ pages (the same parameters on every
 * platform) in Chromium: the markup is the attribute's text, no script from a
 * parameter runs, the widgets still answer, answers that are not JSON give the
 * element's one error event and no other error. `more(widgets)` adds a
 * platform's own checks on the hostile page.
 */
export async function hostilePagesInChromium(browser, base, more = async () => {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const { errors } = watch(page);
    await page.addInitScript(() => {
      window.__errors = [];
      addEventListener('stack-advisor-error', (e) => window.__errors.push(`${e.detail.kind}: ${e.detail.message}`), true);
    });
    await page.goto(`${base}hostile/`);
    const widgets = page.locator('stack-advisor');
    // The markup is the attribute's text, as written.
    assert.equal(await widgets.first().getAttribute('lang'), '"><img src=x onerror="window.__pwned = 2">');
    await more(widgets);
    assert.equal(await answersInChromium(widgets.first()), 'node');
    // Answers that are not JSON: the element says so (its error event) and answers from no answers.
    assert.equal(await widgets.nth(1).getAttribute('answers'), '"><script>window.__pwned = 4</script>');
    assert.equal((await firstResult(widgets.nth(1))).verdict, 'node');
    const reported = await page.evaluate(() => window.__errors);
    assert.equal(reported.length, 1);
    assert.match(reported[0], /^answers: the answers attribute is not valid JSON \(/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.goto(`${base}huge/`);
    await answersInChromium(page.locator('stack-advisor'));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // The element warns in the console about the answers it could not use; nothing else.
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
}

export const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);
