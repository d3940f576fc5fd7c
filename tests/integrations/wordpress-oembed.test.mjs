// oEmbed in a real WordPress 6.1 (lib/wordpress.mjs): a post whose only
// content on a line is the frame page's URL (embed.html, served by another
// server on 127.0.0.1) shows a working widget, sized by WordPress itself.
// - WordPress fetches embed.html, follows its oEmbed discovery link and embeds
//   the JSON's html: the <blockquote> link and a sandboxed <iframe>
//   (sandbox="allow-scripts", an opaque origin) with `#?secret=` appended;
// - in that frame the engine loads over CORS, the widget shows the default
//   verdict and answers a question;
// - the frame speaks WordPress's resize protocol, so wp-embed.js sets the
//   frame's height to the widget's (clamped to WordPress's 200-1000 px);
// - every request goes to 127.0.0.1.
// Nothing here is the plugin: this is what any author gets by pasting a URL.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort } from '../../scripts/free-port.mjs';
import { firstResult, pick, VERDICT_LABEL, verdictLocator } from '../e2e/helpers.mjs';
import { DIST, ROOT, launchChromium, secondsSince, watch } from './lib/static-site.mjs';
import { startWordPress } from './lib/wordpress.mjs';

const SITE = join(DIST, 'site');
for (const built of ['embed.html', 'embed.oembed.json', 'stack-advisor-frame.js']) {
  if (!existsSync(join(SITE, built)) && !existsSync(join(DIST, built))) throw new Error(`${built} is missing: run make build first`);
}

// Loopback providers on any port of 127.0.0.1 (WordPress allows only 80, 443
// and 8080 by default). The port is read from the URL, so the source stays the
// same from run to run and the harness's installed database is reused.
const LOOPBACK_ANY_PORT = `<?php
// Test only: oEmbed providers on any port of 127.0.0.1.
add_filter('http_allowed_safe_ports', function ($ports, $host, $url) {
  $port = $host === '127.0.0.1' ? parse_url($url, PHP_URL_PORT) : null;
  return $port ? array_merge($ports, [$port]) : $ports;
}, 10, 3);
add_filter('http_request_host_is_external', function ($external, $host) {
  return $external || $host === '127.0.0.1';
}, 10, 2);
`;

/** Serves `root` with scripts/serve.mjs (which sends the CORS header a sandboxed frame needs) on a free port. */
async function serveCopy(root) {
  const port = await freePort();
  const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), '--root', root, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`scripts/serve.mjs exited with ${code}`)));
    server.stdout.on('data', (chunk) => { if (String(chunk).includes(String(port))) resolve(); });
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.kill() };
}

test('WordPress oEmbed: the frame page URL alone on a line shows a working, sized widget', async (t) => {
  const started = performance.now();
  // A copy of the built site with its oEmbed files rewritten for this server's address.
  const copy = mkdtempSync(join(tmpdir(), 'stack-advisor-oembed-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(SITE, copy, { recursive: true });
  const site = await serveCopy(copy);
  t.after(() => site.stop());
  const rewrite = spawnSync(process.execPath, [join(ROOT, 'scripts', 'oembed.mjs'), '--base-url', site.url, '--site', copy], { encoding: 'utf8' });
  assert.equal(rewrite.status, 0, `scripts/oembed.mjs: ${rewrite.stderr}`);

  const [wpStart, browserStart] = await Promise.allSettled([
    startWordPress({ muPlugins: { 'loopback-oembed': LOOPBACK_ANY_PORT } }),
    launchChromium(),
  ]);
  if (wpStart.status === 'fulfilled') t.after(() => wpStart.value.stop());
  if (browserStart.status === 'fulfilled') t.after(() => browserStart.value.close());
  for (const start of [wpStart, browserStart]) if (start.status === 'rejected') throw start.reason;
  const wp = wpStart.value;
  const browser = browserStart.value;

  // An author pastes the URL alone on a line (the classic editor's way; the
  // block editor's Embed block stores the same URL).
  const embedUrl = `${site.url}embed.html`;
  const id = Number(await wp.php(`echo wp_insert_post(wp_slash(['post_title' => 'Embedded', 'post_content' => ${JSON.stringify(
    `<p>Before the advisor.</p>\n\n${embedUrl}\n\n<p>After the advisor.</p>`,
  ).replaceAll('$', '\\$')}, 'post_status' => 'publish', 'post_author' => 1]));`));
  assert.ok(Number.isInteger(id) && id > 0, `no post: ${id}`);

  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const seen = watch(page);
  const response = await page.goto(`${wp.url}/?p=${id}`);
  assert.equal(response.status(), 200);
  const html = await response.text();

  await t.test('WordPress embeds the oEmbed html: a blockquote, then a sandboxed frame with its secret', () => {
    assert.match(html, /<blockquote class="wp-embedded-content"[^>]*data-secret="\w+"/, 'the blockquote before the frame (wp-embed.js loads for it)');
    const frame = html.match(/<iframe\b[^>]*class="wp-embedded-content"[^>]*>/)?.[0];
    assert.ok(frame, `no embedded frame in the post:\n${html.slice(html.indexOf('Before the advisor'), html.indexOf('After the advisor'))}`);
    assert.match(frame, /\bsandbox="allow-scripts"/);
    assert.match(frame, new RegExp(`\\bsrc="${embedUrl.replace(/[.?]/g, '\\$&')}[^"]*#\\?secret=\\w+"`));
  });

  const frameElement = page.locator('iframe.wp-embedded-content');
  const advisor = page.frameLocator('iframe.wp-embedded-content').locator('stack-advisor');

  await t.test('in the sandboxed frame the widget starts and answers', async () => {
    await frameElement.scrollIntoViewIfNeeded();
    await firstResult(advisor, { failOnError: true });
    await verdictLocator(advisor).waitFor();
    assert.equal(await verdictLocator(advisor).textContent(), VERDICT_LABEL.node);
    await pick(advisor, 'project', 'ai-ml');
    await advisor.evaluate((el) => new Promise((resolve) => {
      if (el.result?.verdict === 'python') resolve();
      else el.addEventListener('stack-advisor-change', (e) => { if (e.detail.verdict === 'python') resolve(); });
    }));
    assert.equal(await verdictLocator(advisor).textContent(), VERDICT_LABEL.python);
  });

  await t.test('WordPress sizes the frame from its messages (clamped to 200-1000 px)', async () => {
    // The oEmbed answer says 750; wp-embed.js sets what the frame reports.
    const content = await advisor.evaluate((el) => Math.ceil(el.ownerDocument.documentElement.scrollHeight));
    const expected = String(Math.min(1000, Math.max(200, content)));
    await page.waitForFunction(
      ([el, want]) => el.getAttribute('height') === want,
      [await frameElement.elementHandle(), expected],
      { timeout: 5000 },
    ).catch(() => {});
    assert.equal(await frameElement.getAttribute('height'), expected, `frame height (content ${content} px)`);
    assert.notEqual(expected, '750', 'the check needs a content height other than the oEmbed answer\'s');
  });

  await t.test('every request goes to 127.0.0.1; no page or console error', () => {
    const elsewhere = seen.urls.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:') && u !== 'about:blank');
    assert.deepEqual(elsewhere, []);
    assert.ok(seen.urls.some((u) => u.startsWith(`${site.url}stack-advisor-engine.wasm`)), 'the engine came from the frame\'s server');
    assert.deepEqual(seen.errors.filter((e) => !/favicon/.test(e)), []);
  });

  console.log(`# WordPress oEmbed: whole file ${secondsSince(started)} s (WordPress: ${wp.timings.join(', ')})`);
});
