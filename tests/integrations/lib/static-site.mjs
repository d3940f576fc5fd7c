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

/** With scripts off, the page at `url` shows the default verdict inside the first widget. */
export async function fallbackWithoutJs(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const fallback = page.locator('stack-advisor').first().locator('.stack-advisor-fallback');
    await expect(fallback).toBeVisible();
    await expect(fallback.getByText(/^Recommendation: Node\.js \(leaning\)/)).toBeVisible();
    await expect(fallback.getByRole('listitem')).toHaveCount(10); // two scores, three reasons, five sources
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
export const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);
