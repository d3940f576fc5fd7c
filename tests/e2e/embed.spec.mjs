// The iframe mode (embed.html), its host script (stack-advisor-frame.js),
// WordPress's embed protocol in a sandboxed frame, and the oEmbed answer.
// Fixtures: tests/e2e/fixtures/embed-host.html, wp-host.html, embed-matrix.json.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { freePort } from '../../scripts/free-port.mjs';
import { firstResult, pick, verdictLocator } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SECRET = 'abc1234567';
const MATRIX_FILE = join(ROOT, 'tests/e2e/fixtures/embed-matrix.json');
const MATRIX = JSON.parse(readFileSync(MATRIX_FILE, 'utf8'));
const SHA384 = createHash('sha384').update(readFileSync(MATRIX_FILE)).digest('base64');

let visits = 0;
/** The host page with its settings in the hash; a new query each time, so that it loads anew. */
const hostUrl = (params) => `/fixtures/embed-host.html?visit=${++visits}#${new URLSearchParams(params)}`;
/** The iframe's height in CSS pixels, and whether its document fits without scrolling. */
const frameBox = (page, selector = '#advisor') => page.locator(selector).evaluate((frame) => frame.getBoundingClientRect().height);
const innerFit = (frame) => frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));

/** The frame showing embed.html. */
const embedFrame = (page) => page.frames().find((f) => f.url().startsWith('http') && new URL(f.url()).pathname.endsWith('/embed.html'));

/** Fails the test on any error in the page or its frames. */
function noErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  return errors;
}

test('the host script sizes the frame to its content: no inner scroll, and it follows the content', async ({ page }) => {
  const errors = noErrors(page);
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(hostUrl({}));
  const frame = page.frameLocator('#advisor');
  const advisor = frame.locator('stack-advisor');
  await firstResult(advisor);
  const inner = embedFrame(page);
  const fits = async () => {
    const { scroll } = await innerFit(inner);
    return Math.abs((await frameBox(page)) - scroll) <= 1;
  };
  await expect.poll(fits).toBe(true);
  const before = await frameBox(page);
  expect(before).toBeGreaterThan(600); // the widget, not the 300 px the page gave the frame

  // Answering and opening a long section change the content's height: the frame follows.
  await pick(advisor, 'project', 'ai-ml');
  await expect(verdictLocator(advisor)).toHaveText('Python');
  await advisor.locator('.disclosure[aria-expanded="false"]').first().click();
  // The section's texts come in a part loaded on first open: the content grows once more when
  // they arrive, so the frame is measured after that.
  await expect(advisor.locator('.waiting')).toHaveCount(0);
  await expect.poll(() => frameBox(page)).toBeGreaterThan(before + 50);
  // Sections laid out as they come into the taller frame's view (content-visibility) can change
  // the height once more: the frame settles at its content's height, with no inner scroll.
  const settled = async () => {
    const { scroll, view } = await innerFit(inner);
    return scroll <= view + 1 && (await fits());
  };
  await expect.poll(settled).toBe(true);

  // events=1: the verdict event reaches the page, on the <iframe>.
  await expect.poll(() => page.evaluate(() => window.changes.at(-1)?.verdict)).toBe('python');
  expect(errors).toEqual([]);
});

test('without the host script the frame keeps its height and scrolls inside; 500 px wide it is one column', async ({ page }) => {
  await page.goto(hostUrl({ host: '0', frame: '/embed.html' }));
  const advisor = page.frameLocator('#advisor').locator('stack-advisor');
  await firstResult(advisor);
  await pick(advisor, 'project', 'ai-ml');
  await expect(verdictLocator(advisor)).toHaveText('Python');
  expect(await frameBox(page)).toBe(300);
  const { scroll, view } = await innerFit(embedFrame(page));
  expect(view).toBe(300);
  expect(scroll).toBeGreaterThan(600);

  // 500 px wide: one column (the result under the questions), nothing wider than the frame, long sections closed.
  const layout = await advisor.evaluate((el) => {
    const box = (part) => el.shadowRoot.querySelector(`[part~="${part}"]`).getBoundingClientRect();
    return {
      width: document.documentElement.scrollWidth,
      stacked: box('result').top >= box('questions').bottom,
      open: [...el.shadowRoot.querySelectorAll('.disclosure')].filter((d) => d.getAttribute('aria-expanded') !== 'false').length,
    };
  });
  expect(layout).toEqual({ width: 500, stacked: true, open: 0 });
});

test('the host script ignores messages from other windows and of the wrong shape', async ({ page }) => {
  await page.goto(hostUrl({ frame: '/embed.html' }));
  const advisor = page.frameLocator('#advisor').locator('stack-advisor');
  await firstResult(advisor);
  const inner = embedFrame(page);
  await expect.poll(async () => Math.abs((await frameBox(page)) - (await innerFit(inner)).scroll) <= 1).toBe(true);
  const settled = await frameBox(page);

  /** Posts `messages` from `from`, then waits until the page has handled them (messages are handled in order). */
  const post = async (from, messages) => {
    await from.evaluate((list) => list.forEach((m) => parent.postMessage(m, '*')), messages);
    await page.evaluate(() => new Promise((done) => {
      const marker = `marker-${Math.random()}`;
      addEventListener('message', function seen(e) { if (e.data === marker) { removeEventListener('message', seen); done(); } });
      postMessage(marker, '*');
    }));
  };
  const other = page.frame({ url: /about:srcdoc/ });
  // Another frame, and the page itself, with the right shape.
  await post(other, [{ type: 'stack-advisor:height', height: 4321 }]);
  await page.evaluate(() => postMessage({ type: 'stack-advisor:height', height: 4321 }, '*'));
  await post(other, [{ type: 'stack-advisor:change', detail: { verdict: 'spoofed' } }]);
  // The advisor's own frame, with the wrong shapes.
  await post(inner, [
    { type: 'stack-advisor:height', height: '4321' },
    { type: 'stack-advisor:height', height: 10 ** 9 },
    { type: 'stack-advisor:height', height: -5 },
    { height: 4321 },
    'stack-advisor:height 4321',
    { message: 'height', value: 4321 },
  ]);
  expect(await frameBox(page)).toBe(settled);
  // No verdict event: not the spoofed one, and none from the frame, whose URL has no events=1.
  expect(await page.evaluate(() => window.changes.length)).toBe(0);
  // The same message from the advisor's frame is taken: the checks above are what refused them.
  await post(inner, [{ type: 'stack-advisor:height', height: 432 }]);
  expect(await frameBox(page)).toBe(432);
});

test('WordPress: a sandboxed frame with #?secret= loads, answers, speaks the resize protocol and keeps the secret', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto('/fixtures/wp-host.html');
  const frameEl = page.locator('iframe.wp-embedded-content');
  const advisor = page.frameLocator('iframe.wp-embedded-content').locator('stack-advisor');
  // The frame is an opaque origin: the engine came with CORS (scripts/serve.mjs).
  await expect.poll(() => page.evaluate(() => window.wpMessages.some((m) => m.message === 'height' && m.value > 1000))).toBe(true);
  await firstResult(advisor);
  const inner = embedFrame(page);
  expect(await inner.evaluate(() => origin)).toBe('null');
  const messages = await page.evaluate(() => window.wpMessages);
  for (const m of messages) expect(Object.keys(m).sort()).toEqual(['message', 'secret', 'value']);
  expect(messages.every((m) => m.secret === SECRET)).toBe(true);
  // The parent clamps to 200..1000 and shows the frame; the blockquote is hidden.
  await expect(frameEl).toHaveAttribute('height', '1000');
  await expect(frameEl).not.toHaveAttribute('style', /clip/);
  await expect(page.locator('blockquote')).toBeHidden();

  // "ready" from the parent: the height is sent again.
  const count = messages.length;
  await page.evaluate((secret) => document.querySelector('iframe').contentWindow.postMessage({ message: 'ready', secret }, '*'), SECRET);
  await expect.poll(() => page.evaluate(() => window.wpMessages.length)).toBeGreaterThan(count);

  // Answering writes the share state into the hash beside the secret, which stays.
  await pick(advisor, 'project', 'ai-ml');
  await expect(verdictLocator(advisor)).toHaveText('Python');
  await expect.poll(() => inner.evaluate(() => location.hash)).toMatch(/sa=project:ai-ml/);
  expect(await inner.evaluate(() => location.hash)).toContain(`?secret=${SECRET}`);
  expect(errors).toEqual([]);
});

test('WordPress: a share link (answers in the hash) still reads with the secret appended after it', async ({ page }) => {
  await page.goto(`/fixtures/wp-host.html?hash=${encodeURIComponent('#sa=project:ai-ml')}`);
  const advisor = page.frameLocator('iframe.wp-embedded-content').locator('stack-advisor');
  const result = await firstResult(advisor);
  expect(result.verdict).toBe('python');
  const hash = await embedFrame(page).evaluate(() => location.hash);
  expect(hash).toBe(`#sa=project:ai-ml&?secret=${SECRET}`);
});

test('in a sandboxed frame, Copy link shows the link to copy, selected (the clipboard is blocked)', async ({ page }) => {
  await page.goto('/fixtures/wp-host.html');
  const advisor = page.frameLocator('iframe.wp-embedded-content').locator('stack-advisor');
  await firstResult(advisor);
  await pick(advisor, 'project', 'ai-ml');
  await advisor.getByRole('button', { name: 'Copy link' }).click();
  const field = advisor.locator('.copy-field');
  await expect(field).toBeVisible();
  const state = await field.evaluate((el) => ({ value: el.value, start: el.selectionStart, end: el.selectionEnd, readOnly: el.readOnly }));
  expect(state.value).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/embed\.html#sa=project:ai-ml$/);
  expect(state).toMatchObject({ start: 0, end: state.value.length, readOnly: true });
  await expect(advisor.locator('.action-note')).toContainText(/blocked here|copied/);
});

test('a matrix from src= loads only with its SHA-384; a wrong hash is refused with a message', async ({ page, baseURL }) => {
  const src = `${baseURL}/fixtures/embed-matrix.json`;
  await page.goto(hostUrl({ sandbox: 'allow-scripts', frame: `/embed.html?${new URLSearchParams({ src, sha384: SHA384 })}` }));
  const advisor = page.frameLocator('#advisor').locator('stack-advisor');
  await firstResult(advisor, { failOnError: true });
  await expect(advisor.locator('.title')).toHaveText(MATRIX.title);

  const wrong = createHash('sha384').update('another file').digest('base64');
  await page.goto(hostUrl({ sandbox: 'allow-scripts', frame: `/embed.html?${new URLSearchParams({ src, sha384: wrong })}` }));
  const frame = page.frameLocator('#advisor');
  await expect(frame.locator('.embed-notice.fatal')).toContainText('was refused: its SHA-384 is not the sha384= in the URL');
  await expect(frame.locator('stack-advisor')).toHaveCount(0);

  // src without sha384: never loaded, not even asked for.
  const asked = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/embed-matrix.json')) asked.push(r.url()); });
  await page.goto(hostUrl({ frame: `/embed.html?${new URLSearchParams({ src })}` }));
  await expect(frame.locator('.embed-notice.fatal')).toContainText('comes without sha384=');
  expect(asked).toEqual([]);
});

test('an inline matrix (#matrix=, deflate-raw + base64url) works; a broken one says why', async ({ page }) => {
  const inline = deflateRawSync(JSON.stringify(MATRIX)).toString('base64url');
  await page.goto(hostUrl({ frame: `/embed.html?compact=1#matrix=${inline}` }));
  const frame = page.frameLocator('#advisor');
  await firstResult(frame.locator('stack-advisor'), { failOnError: true });
  await expect(frame.locator('stack-advisor .title')).toHaveText(MATRIX.title);
  await expect(frame.locator('stack-advisor')).toHaveAttribute('compact', '');

  await page.goto(hostUrl({ frame: `/embed.html#matrix=${inline.slice(0, 200)}` }));
  await expect(frame.locator('.embed-notice.fatal')).toContainText('#matrix=');
  await page.goto(hostUrl({ frame: `/embed.html#matrix=${'A'.repeat(40000)}` }));
  await expect(frame.locator('.embed-notice.fatal')).toContainText('more than the 32000 allowed');
  // A small URL that inflates past the limit (a "zip bomb") is cut off.
  const bomb = deflateRawSync(Buffer.alloc(2 * 1024 * 1024, 32)).toString('base64url');
  await page.goto(hostUrl({ frame: `/embed.html#matrix=${bomb}` }));
  await expect(frame.locator('.embed-notice.fatal')).toContainText('more than 262144 bytes');
});

// [query, what the notice says, fatal]: the settings that only fall back to their default share
// one frame (one engine load); each matrix setting stops the widget.
const HOSTILE = [
  [{
    theme: '"><script>window.top.pwned=1</script>',
    lang: 'javascript:alert(1)',
    compact: '<img src=x onerror=alert(1)>',
    methods: 'wsm topsis<svg onload=alert(1)>',
    events: '[object Object]',
  }, [
    'theme: "\\"><script>window.top.pwned=1</script>" is not one of auto, light, dark',
    'lang: "javascript:alert(1)" is not a language code',
    'compact: "<img src=x onerror=alert(1)>" is not 1 or 0',
    'methods: "wsm topsis<svg onload=alert(1)>" is not a list of wsm, topsis',
    'events: "[object Object]" is not 1 or 0',
  ], false],
  [{ theme: 'x'.repeat(5000) }, ['theme: the value is 5000 characters long'], false],
  [{ src: 'javascript:alert(1)', sha384: SHA384 }, ['src: "javascript:alert(1)" is not an http(s) URL'], true],
  [{ src: 'data:application/json,{}', sha384: SHA384 }, ['is not an http(s) URL'], true],
  [{ src: '/fixtures/embed-matrix.json', sha384: SHA384 }, ['is not an absolute URL'], true],
  [{ src: 'https://example.invalid/m.json', sha384: '"><script>alert(1)</script>' }, ['sha384: "\\"><script>alert(1)</script>" is not a SHA-384'], true],
  [{ sha384: SHA384 }, ['there is a sha384= but no src='], true],
];

test('hostile or wrong query values give a readable message, never script, never a blank frame', async ({ page }) => {
  const errors = noErrors(page);
  const frame = page.frameLocator('#advisor');
  for (const [params, messages, fatal] of HOSTILE) {
    await page.goto(hostUrl({ frame: `/embed.html?${new URLSearchParams(params)}` }));
    const notice = frame.locator(fatal ? '.embed-notice.fatal' : '.embed-notice');
    for (const message of messages) await expect(notice, JSON.stringify(params)).toContainText(message);
    if (fatal) await expect(frame.locator('stack-advisor')).toHaveCount(0);
    else await firstResult(frame.locator('stack-advisor'));
    const inner = embedFrame(page);
    const dom = await inner.evaluate(() => ({
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      injected: document.querySelectorAll('img, svg, body script, iframe').length,
      text: document.body.innerText.trim().length,
      pwned: Boolean(window.top.pwned ?? window.pwned),
    }));
    expect(dom.scripts).toEqual(['./stack-advisor-embed.js', './stack-advisor.js']);
    expect(dom).toMatchObject({ injected: 0, pwned: false });
    expect(dom.text).toBeGreaterThan(40);
  }
  expect(errors).toEqual([]);
});

test('oEmbed: embed.html advertises a valid rich answer whose frame works', async ({ page }) => {
  // The site as published at another address: a copy, its oEmbed written for that address.
  const site = mkdtempSync(join(tmpdir(), 'stack-advisor-oembed-'));
  cpSync(join(ROOT, 'dist/site'), site, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const write = spawn(process.execPath, [join(ROOT, 'scripts/oembed.mjs'), '--base-url', base, '--site', site], { stdio: 'inherit' });
  expect(await new Promise((done) => write.on('exit', done))).toBe(0);
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--port', String(port), '--root', site], { stdio: 'ignore' });
  try {
    await expect.poll(() => fetch(base).then((r) => r.ok, () => false)).toBe(true);
    const html = await (await fetch(`${base}embed.html`)).text();
    const links = [...html.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/g)];
    expect(links).toHaveLength(1);
    const [, href, title] = links[0];
    expect(href).toBe(`${base}embed.oembed.json`);
    const response = await fetch(href);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = await response.json();
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', title, provider_name: 'stack-advisor', provider_url: base });
    expect(answer.width).toBeLessThanOrEqual(500);
    expect(answer.height).toBeLessThanOrEqual(750);
    // A <blockquote> with the link first (WordPress sizes the frame only then), then the frame.
    const [, quote, frame] = /^(<blockquote><a href="[^"]+">[^<]+<\/a><\/blockquote>)(<iframe [^>]+><\/iframe>)$/.exec(answer.html) ?? [];
    expect(quote).toContain(`href="${base}embed.html"`);
    for (const attribute of ['data-stack-advisor', `src="${base}embed.html"`, `title="${title}"`, 'loading="lazy"', `width="${answer.width}"`, `height="${answer.height}"`]) {
      expect(frame).toContain(attribute);
    }
    // The answer's HTML on a consumer's page, with the host script: it works and fits.
    writeFileSync(join(site, 'consumer.html'), `<!doctype html><title>A consumer</title><link rel="icon" href="data:,">${answer.html}<script src="${base}stack-advisor-frame.js"></script>`);
    await page.goto(`${base}consumer.html`);
    await firstResult(page.frameLocator('iframe').locator('stack-advisor'));
    await expect(page.locator('blockquote')).toBeHidden();
    await expect.poll(() => frameBox(page, 'iframe')).toBeGreaterThan(750);
  } finally {
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
});
