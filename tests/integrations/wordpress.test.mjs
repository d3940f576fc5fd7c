// The WordPress plugin (integrations/wordpress/) in a real WordPress 6.1 from
// Debian's packages (lib/wordpress.mjs), answered in Chromium:
// - dist/stack-advisor-wordpress.zip installs through WordPress's own
//   upgrader (what Upload Plugin runs) and activates, and the whole run logs
//   no PHP warning or notice from the plugin;
// - the README's shortcode and block snippets, each in a post: the page carries
//   the no-JS fallback inside the element and the loader's tag with its
//   integrity, every request goes to this WordPress, the widget starts, and
//   answering a question changes the verdict;
// - hostile shortcode attributes and block settings come out as text (no dialog, no injected
//   element), refused values are named above the widget, the page still works;
// - the shortcode post does not move from load to the first result (CLS 0,
//   and more than 0 with the reserve style taken out);
// - the block's editor script registers and inserts the block in the editor
//   without a console error, and the post saves as a block comment.
// WordPress starts once for the file (about 2 s warm); its time is printed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fencedBlocks } from '../readme/blocks.mjs';
import { firstResult, pick, VERDICT_LABEL, verdictLocator } from '../e2e/helpers.mjs';
import { startWordPress } from './lib/wordpress.mjs';
import { assertReserveOnce, launchChromium, measureCls } from './lib/static-site.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ZIP = join(ROOT, 'dist', 'stack-advisor-wordpress.zip');
for (const built of [ZIP, join(ROOT, 'dist', 'stack-advisor.js.sri'), join(ROOT, 'dist', 'fallback.html')]) {
  if (!existsSync(built)) throw new Error(`${built} is missing: run make build first`);
}
const INTEGRITY = readFileSync(join(ROOT, 'dist', 'stack-advisor.js.sri'), 'utf8').trim();
const FALLBACK = readFileSync(join(ROOT, 'dist', 'fallback.html'), 'utf8');

/** The README's WordPress snippets: the one ```shortcode block and the one ```wp-block block. */
function readmeSnippet(lang) {
  const blocks = fencedBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8')).filter((b) => b.heading === 'WordPress' && b.lang === lang);
  assert.equal(blocks.length, 1, `README.md should have one \`\`\`${lang} block under "WordPress"`);
  return blocks[0].code.trim();
}

const HUGE = 'A'.repeat(100 * 1024);
/** Shortcodes an author (or a pasted snippet) might write to break out, each with what must be seen as text. */
const HOSTILE = [
  `[stack_advisor theme='"><script>alert(1)</script>']`,
  `[stack_advisor lang="x' onmouseover='alert(2)" src='javascript:alert(3)']`,
  `[stack_advisor src=' JaVaScRiPt:alert(4)']`,
  `[stack_advisor src='java&#9;script:alert(5)']`,
  // (WordPress runs stripcslashes on shortcode values: a backslash is written twice.)
  `[stack_advisor answers='{"project":"\\\\&quot;&gt;&lt;img src=x onerror=alert(6)&gt;"}' no-share]`,
  `[stack_advisor answers='&#91;1,2&#93;' compact='maybe' methods='wsm <b>topsis</b>']`,
  `[stack_advisor theme='da]rk']`,
  `[stack_advisor answers='{"x":"${HUGE}"}']`,
  `[stack_advisor onload='alert(7)' data-x="y"]`,
];
/**
 * A block comment with hostile settings and wrong types, escaped the way the
 * editor saves it (<, >, &, " as \u escapes inside the JSON).
 */
const HOSTILE_BLOCK = `<!-- wp:stack-advisor/advisor ${JSON.stringify({
  theme: '"><script>alert(8)</script>', src: 'javascript:alert(9)', lang: 'x'.repeat(100 * 1024), answers: 42, compact: 'yes', noSources: true,
}).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replaceAll('\\"', '\\u0022')} /-->`;

test('WordPress plugin: shortcode, block, editor, hostile attributes', async (t) => {
  const started = Date.now();
  // WordPress and Chromium start side by side; whichever started is stopped, also on failure.
  const [wpStart, browserStart] = await Promise.allSettled([startWordPress(), launchChromium()]);
  if (wpStart.status === 'fulfilled') t.after(() => wpStart.value.stop());
  if (browserStart.status === 'fulfilled') t.after(() => browserStart.value.close());
  for (const start of [wpStart, browserStart]) if (start.status === 'rejected') throw start.reason;
  const wp = wpStart.value;
  const browser = browserStart.value;
  // The zip as a user uploads it (Plugins → Add New → Upload Plugin runs Plugin_Upgrader).
  assert.equal(await wp.installZip(ZIP), 'stack-advisor/stack-advisor.php', 'the zip installs as stack-advisor/ and activates');
  const setUp = Date.now() - started;

  const shortcode = readmeSnippet('shortcode');
  const blockMarkup = readmeSnippet('wp-block');
  // The posts, as the admin writes them (unfiltered_html: kses does not touch the hostile text).
  const ids = JSON.parse(await wp.php(`
$make = fn ($title, $content) => wp_insert_post(wp_slash(['post_title' => $title, 'post_content' => $content, 'post_status' => 'publish', 'post_author' => 1]), true); // wp_insert_post unslashes
echo wp_json_encode([
  'shortcode' => $make('Shortcode', ${phpString(`<p>Before the advisor.</p>\n\n${shortcode}\n\n<p>After the advisor.</p>`)}),
  'block' => $make('Block', ${phpString(blockMarkup)}),
  'hostile' => $make('Hostile', ${phpString(`${HOSTILE.join('\n\n')}\n\n${HOSTILE_BLOCK}\n\n<p>The last one is fine:</p>\n\n[stack_advisor]`)}),
]);`));
  for (const id of Object.values(ids)) assert.ok(Number.isInteger(id) && id > 0, `a post was not created: ${JSON.stringify(ids)}`);

  /** Opens a post in a fresh page, recording requests, dialogs and errors. */
  async function open(id) {
    const page = await browser.newPage();
    const seen = { requests: [], dialogs: [], errors: [] };
    page.on('request', (request) => seen.requests.push(request.url()));
    page.on('response', (r) => { if (r.status() >= 400) seen.errors.push(`${r.status()}: ${r.url()}`); });
    page.on('dialog', (dialog) => { seen.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
    page.on('pageerror', (error) => seen.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') seen.errors.push(`console: ${message.text()}`); });
    const response = await page.goto(`${wp.url}/?p=${id}`);
    assert.equal(response.status(), 200);
    return { page, seen, html: await response.text() };
  }

  /** The page is served by this WordPress alone, with the plugin's loader tag. */
  function assertServedFromPlugin({ html, seen }) {
    const tags = html.match(/<script\b[^>]*\bid="stack-advisor-js"[^>]*>/g) ?? [];
    assert.equal(tags.length, 1, 'one loader tag');
    assert.match(tags[0], /\btype="module"/);
    assert.match(tags[0], new RegExp(`\\bintegrity="${INTEGRITY.replace(/[+/]/g, '\\$&')}"`));
    assert.match(tags[0], /\bcrossorigin="anonymous"/);
    assert.match(tags[0], new RegExp(`\\bsrc="${wp.url}/wp-content/plugins/stack-advisor/assets/stack-advisor\\.js\\?ver=\\w+"`));
    const assets = `${wp.url}/wp-content/plugins/stack-advisor/assets/`;
    for (const file of ['stack-advisor.js', 'stack-advisor-engine.js', 'stack-advisor-engine.wasm']) {
      assert.ok(seen.requests.some((url) => url.startsWith(assets + file)), `${file} came from the plugin (${assets})`);
    }
    const elsewhere = seen.requests.filter((url) => !url.startsWith(`${wp.url}/`) && !url.startsWith('data:'));
    assert.deepEqual(elsewhere, [], 'every request goes to this WordPress on 127.0.0.1');
  }

  /** The widget starts, shows `before`, and shows Python once the reader picks an AI/ML project. */
  async function assertWorks(page, advisor, before) {
    await firstResult(advisor, { failOnError: true });
    await verdictLocator(advisor).waitFor();
    assert.equal(await verdictLocator(advisor).textContent(), VERDICT_LABEL[before]);
    await pick(advisor, 'project', 'ai-ml');
    await page.waitForFunction((el) => el.result?.verdict === 'python', await advisor.elementHandle());
    assert.equal(await verdictLocator(advisor).textContent(), VERDICT_LABEL.python);
  }

  const fallbackInside = (html) => {
    const first = FALLBACK.split('\n')[0];
    return new RegExp(`<stack-advisor\\b[^>]*>\\s*${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(html);
  };

  await t.test('the plugin is active, its shortcode and block registered', async () => {
    const out = await wp.php(`require_once ABSPATH . 'wp-admin/includes/plugin.php';
echo is_plugin_active('stack-advisor/stack-advisor.php') ? 'active' : 'inactive', ' ', WP_Block_Type_Registry::get_instance()->is_registered('stack-advisor/advisor') ? 'block' : 'no-block', ' ', shortcode_exists('stack_advisor') ? 'shortcode' : 'no-shortcode';`);
    assert.equal(out, 'active block shortcode');
    // WordPress's own block settings: "Additional CSS class(es)" (sanitized) and lock are not the element's attributes.
    const classed = await wp.php(`echo do_blocks('<!-- wp:stack-advisor/advisor {"className":"mine x\\u0022onclick=y","lock":{"remove":true}} /-->');`);
    assert.match(classed, /^<stack-advisor class="wp-block-stack-advisor-advisor mine xonclicky">/);
    // However many attributes are wrong, at most five lines say so.
    const junk = await wp.php(`echo do_shortcode('[stack_advisor ${Array.from({ length: 20 }, (_, i) => `junk${i}=1`).join(' ')} theme=dark]');`);
    const lines = junk.match(/<p class="stack-advisor-notice" role="note">[^<]*<\/p>/g) ?? [];
    assert.equal(lines.length, 5, junk);
    assert.match(lines[4], /Stack advisor: 16 more attributes ignored\./);
    assert.match(junk, /<stack-advisor theme="dark">/);
  });

  await t.test('a post with the README shortcode shows a working widget, its fallback inside', async () => {
    const opened = await open(ids.shortcode);
    const { page, seen, html } = opened;
    // Answers of the author's: the fallback says the verdict needs JavaScript (the build's is for the default answers).
    assert.match(html, /<stack-advisor answers="\{&quot;project&quot;:&quot;realtime&quot;\}" compact>\s*<div class="stack-advisor-fallback"><p>This interactive advisor needs JavaScript to show its verdict for these answers\.<\/p><\/div>\s*<\/stack-advisor>/);
    assertReserveOnce(html, 'the post');
    const advisor = page.locator('stack-advisor');
    await assertWorks(page, advisor, 'node');
    assertServedFromPlugin(opened);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  await t.test('at 1280×800, the shortcode post does not move from load to the first result (CLS 0); without the reserve style it does', async () => {
    const url = `${wp.url}/?p=${ids.shortcode}`;
    const reserved = await measureCls(browser, url);
    console.log(`# CLS of the WordPress post with the reserve style: ${reserved.cls.toFixed(4)} ${JSON.stringify(reserved.shifts)}`);
    assert.equal(reserved.cls, 0, `layout shifts: ${reserved.shifts.join('; ')}`);
    const stripped = await measureCls(browser, url, { strip: true });
    console.log(`# CLS without it: ${stripped.cls.toFixed(4)}`);
    assert.ok(stripped.cls > 0, `without the reserve style the post should move (CLS ${stripped.cls})`);
  });

  await t.test('a post with the README block shows a working widget, its fallback inside', async () => {
    const opened = await open(ids.block);
    const { page, seen, html } = opened;
    assert.match(html, /<stack-advisor class="wp-block-stack-advisor-advisor" theme="dark">/);
    assert.ok(fallbackInside(html), 'the default verdict is inside <stack-advisor>');
    assertReserveOnce(html, 'the post');
    await assertWorks(page, page.locator('stack-advisor'), 'node');
    assertServedFromPlugin(opened);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  await t.test('without JavaScript, the post shows the default verdict', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${wp.url}/?p=${ids.block}`);
    const fallback = page.locator('stack-advisor .stack-advisor-fallback');
    assert.equal(await fallback.getAttribute('data-verdict'), 'node');
    assert.ok(await fallback.getByText('Recommendation: Node.js').isVisible());
    // The reserve style is there, but reserves nothing with scripts off: no blank space.
    const sizes = await page.locator('stack-advisor').evaluate((el) => {
      const range = document.createRange();
      range.selectNode(el);
      return { style: Boolean(document.getElementById('stack-advisor-reserve')), element: range.getBoundingClientRect().height, fallback: el.querySelector('.stack-advisor-fallback').getBoundingClientRect().height };
    });
    assert.ok(sizes.style, 'the page has the reserve style');
    assert.ok(sizes.element <= sizes.fallback + 48, `without scripts the element is ${sizes.element}px tall, its fallback ${sizes.fallback}px`);
    await context.close();
  });

  await t.test('hostile shortcode attributes and block settings render as text; the page still works', async () => {
    const { page, seen, html } = await open(ids.hostile);
    const content = page.locator('.wp-block-post-content');
    // Nothing the attributes carried became markup.
    const injected = await content.locator('script, img, b, [onmouseover], [onload], [onerror]').evaluateAll((els) => els.map((e) => e.outerHTML));
    assert.deepEqual(injected, [], 'no injected element');
    assert.doesNotMatch(html, /<script>alert|<img src=x|onmouseover='|<b>topsis/);
    assertReserveOnce(html, 'the post');
    const notices = await content.locator('.stack-advisor-notice').allTextContents();
    const said = (pattern) => assert.ok(notices.some((n) => pattern.test(n)), `a notice matching ${pattern} in:\n${notices.join('\n')}`);
    // WordPress's wptexturize curls the quotes around a value with a tag in it, and its
    // shortcode parser then sees one bare word: still only text.
    said(/^Stack advisor: unknown attribute "theme='.><script>alert\(1\)<\/script>." ignored/);
    said(/^Stack advisor: src="javascript:alert\(3\)" ignored: must be an http\(s\) URL/);
    said(/^Stack advisor: src="JaVaScRiPt:alert\(4\)" ignored/);
    said(/^Stack advisor: src="java\tscript:alert\(5\)" ignored/);
    said(/^Stack advisor: answers="\[1,2\]" ignored: must be a JSON object/);
    said(/^Stack advisor: compact="maybe" ignored: on or off/);
    said(/^Stack advisor: methods="wsm <b>topsis<\/b>" ignored/);
    said(/^Stack advisor: answers="\{"x":"A{40,}…" ignored: too long \(102408 characters; at most 2048\)\.$/);
    said(/^Stack advisor: unknown attribute "onload" ignored/);
    said(/^Stack advisor: unknown attribute "data-x" ignored/);
    // The block's settings go through the same checks; values of the wrong type
    // (answers: 42, compact: "yes") are dropped by WordPress against block.json.
    said(/^Stack advisor: theme="\"><script>alert\(8\)<\/script>" ignored: one of auto, light, dark\.$/);
    said(/^Stack advisor: src="javascript:alert\(9\)" ignored/);
    said(/^Stack advisor: lang="x{59}…" ignored: too long \(102400 characters; at most 2048\)\.$/);
    assert.match(html, /<stack-advisor class="wp-block-stack-advisor-advisor" no-sources>\s*<div class="stack-advisor-fallback" data-verdict="node">/, 'the hostile block renders with what was valid');
    // A valid JSON object with a hostile string passes, as an attribute value only.
    const served = /<stack-advisor answers="([^"]*)" no-share>/.exec(html);
    assert.ok(served, `the widget with the hostile string in its answers: ${html.slice(html.indexOf('onerror') - 300, html.indexOf('onerror') + 200)}`);
    assert.equal(served[1], '{&quot;project&quot;:&quot;\\&quot;&gt;&lt;img src=x onerror=alert(6)&gt;&quot;}');
    // `]` ends a shortcode (WordPress's parser): the rest is plain text.
    assert.match(await content.innerText(), /\brk.\]/, 'the text after ] stays text (its quote curled by wptexturize)');
    // Refused values never reach an element (all but the one above, whose answers were valid).
    for (const el of await page.locator('stack-advisor:not([no-share])').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, e.outerHTML.indexOf('>') + 1)))) {
      assert.doesNotMatch(el, /javascript|script:|alert\(|<b>|onload|data-x/i, el);
    }
    // The last widget works; every widget on the page starts.
    await assertWorks(page, page.locator('stack-advisor').last(), 'node');
    assert.deepEqual(seen.dialogs, [], 'no dialog opened');
    await page.close();
  });

  await t.test('the block editor registers the block and inserts it without errors; the post saves as a block comment', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    const local = (url) => url.startsWith(`${wp.url}/`);
    page.on('console', (message) => {
      // A resource of WordPress's own from another host (refused above) is not the plugin's error.
      if (message.type() === 'error' && local(message.location().url || wp.url + '/')) errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('requestfailed', (r) => { if (local(r.url())) errors.push(`failed: ${r.url()}`); });
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()}: ${r.url()}`); });
    // Every request off this machine fails at once (WordPress's own gravatars, s.w.org: no network here).
    await context.route((url) => url.host !== new URL(wp.url).host, (route) => route.abort());
    await page.goto(`${wp.url}/wp-login.php?redirect_to=${encodeURIComponent(`${wp.url}/wp-admin/post-new.php`)}`);
    await page.fill('#user_login', 'admin');
    await page.fill('#user_pass', 'admin');
    await Promise.all([page.waitForURL(/\/wp-admin\/post-new\.php/), page.click('#wp-submit')]);
    await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('core/paragraph') && window.wp.data?.select('core/editor')?.getCurrentPostId(), null, { timeout: 20_000 });
    const type = await page.evaluate(() => {
      const t = window.wp.blocks.getBlockType('stack-advisor/advisor');
      // WordPress adds its own (className, lock) to every block.
      return t && { title: t.title, attributes: Object.keys(t.attributes).filter((a) => !['className', 'lock'].includes(a)).sort() };
    });
    assert.deepEqual(type, {
      title: 'Stack advisor',
      attributes: ['answers', 'calibrate', 'compact', 'lang', 'loading', 'methods', 'noShare', 'noSources', 'src', 'theme'],
    });
    await page.evaluate(() => {
      const { createBlock } = window.wp.blocks;
      window.wp.data.dispatch('core/editor').editPost({ title: 'From the editor', status: 'publish' });
      window.wp.data.dispatch('core/block-editor').insertBlocks(createBlock('stack-advisor/advisor', { theme: 'dark' }));
    });
    await page.locator('.stack-advisor-block-placeholder').waitFor();
    assert.match(await page.locator('.stack-advisor-block-placeholder').innerText(), /Stack advisor[\s\S]*dark/);
    // Its settings in the sidebar: a src with another scheme is flagged as the author types it.
    await page.evaluate(() => {
      const { dispatch, select } = window.wp.data;
      const [block] = select('core/block-editor').getBlocks();
      dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      dispatch('core/block-editor').selectBlock(block.clientId);
    });
    const src = page.getByLabel('Decision matrix URL (src)');
    await src.fill('javascript:alert(1)');
    await page.getByText('Only http(s) URLs or paths on this site.').waitFor();
    await src.fill('');
    // What the editor saves: the block as a comment, attributes only (rendered by PHP on view).
    const saved = await page.evaluate(() => window.wp.blocks.serialize(window.wp.data.select('core/block-editor').getBlocks()));
    assert.equal(saved, '<!-- wp:stack-advisor/advisor {"theme":"dark"} /-->');
    assert.deepEqual(errors, []);
    await context.close();
  });

  await t.test('WP_DEBUG logged nothing from the plugin', () => {
    const mine = wp.debugLog().split('\n').filter((line) => /stack-advisor|stack_advisor/i.test(line));
    assert.deepEqual(mine, []);
    const server = wp.serverLog().split('\n').filter((line) => /PHP (Warning|Notice|Fatal|Parse|Deprecated)/.test(line) && /stack-advisor/.test(line));
    assert.deepEqual(server, []);
  });

  console.log(`# WordPress: set-up ${(setUp / 1000).toFixed(1)} s (${wp.timings.join(', ')}), whole file ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

/** A PHP single-quoted string literal. */
function phpString(text) {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
