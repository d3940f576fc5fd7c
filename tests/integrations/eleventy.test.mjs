// The Eleventy plugin (`stack-advisor/eleventy`, integrations/eleventy/) in a
// site built by Eleventy 3 and answered in Chromium. The fixture
// (tests/integrations/fixtures/eleventy-site/) pins @11ty/eleventy in its
// package-lock.json and gets the packed package (dist/stack-advisor.tgz) the
// way a user installs it (lib/npm-fixture.mjs: only when either changed). Its
// eleventy.config.js must be the README's, the README's page is built as the
// site's index, next to the fixture's Liquid-in-Markdown and hostile pages,
// under the path prefix /blog/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { installFixture } from './lib/npm-fixture.mjs';
import {
  DIST, FALLBACK, NEEDS_JS, ROOT, SHIPPED, answersInChromium, assertLocalOnly, assertReserveOnce, assertValidHtml, elementsIn,
  fallbackWithoutJs, hostilePagesInChromium, launchChromium, loaderTags, measureCls, readmeBlocks, secondsSince, serveSite, watch,
} from './lib/static-site.mjs';

const started = performance.now();
const FIXTURE = join(ROOT, 'tests/integrations/fixtures/eleventy-site');
const TARBALL = join(ROOT, 'dist/stack-advisor.tgz');
const INSTALLED = join(FIXTURE, 'node_modules/stack-advisor');
const INTEGRITY = readFileSync(join(DIST, 'stack-advisor.js.sri'), 'utf8').trim();
let tmp;
let server;
let browser;

let Eleventy;
let site;
const cwd = process.cwd();

/**
 * Eleventy's programmatic API (what its CLI runs), from the fixture's
 * node_modules, with the fixture's configuration, on `input` into `output`.
 * The test process runs in the fixture (where the configuration and the
 * package are), as `npx eleventy` would; one process for every build.
 */
const eleventy = (input, output) => new Eleventy(input, output, { configPath: 'eleventy.config.js', pathPrefix: '/blog/', quietMode: true });

const built = (file) => readFileSync(join(tmp, '_site', file), 'utf8');

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'stack-advisor-eleventy-'));
  const blocks = readmeBlocks('Eleventy');
  const of = (lang) => {
    const found = blocks.filter((b) => b.lang === lang);
    assert.equal(found.length, 1, `README.md: one ${lang} block under "Eleventy"`);
    return found[0].code;
  };
  // The README's install, as the fixture does it: the same tarball, without
  // --save (the fixture's package.json stays as committed).
  assert.equal(of('sh'), 'cd /path/to/your-site\nnpm install /path/to/stack-advisor/dist/stack-advisor.tgz');
  assert.equal(readFileSync(join(FIXTURE, 'eleventy.config.js'), 'utf8').trim(), of('js').trim(),
    'tests/integrations/fixtures/eleventy-site/eleventy.config.js must be the README\'s eleventy.config.js');
  for (const line of installFixture(FIXTURE, TARBALL)) console.log(`fixture: ${line}`);
  const version = JSON.parse(readFileSync(join(FIXTURE, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version;
  console.log(`eleventy: @11ty/eleventy ${version}; stack-advisor ${JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8')).version} from the tarball (${secondsSince(started)} s)`);
  cpSync(join(FIXTURE, 'src'), join(tmp, 'src'), { recursive: true });
  writeFileSync(join(tmp, 'src/index.njk'), `---\nlayout: base.njk\ntitle: The README's page\n---\n<p>An article.</p>\n${of('njk')}\n<p>The end.</p>\n`);
  // A huge value (200 KB of markup in the answers): escaped like any other.
  writeFileSync(join(tmp, 'src/huge.njk'), `---\nlayout: base.njk\ntitle: Huge answers\n---\n{% stackAdvisor answers='{"note":"${'</stack-advisor><script>window.__pwned = 9</script>'.repeat(4000)}"}' %}\n`);
  const t = performance.now();
  ({ Eleventy } = await import(pathToFileURL(join(FIXTURE, 'node_modules/@11ty/eleventy/src/Eleventy.js')).href));
  process.chdir(FIXTURE);
  site = eleventy(join(tmp, 'src'), join(tmp, '_site'));
  await site.write();
  console.log(`eleventy build: ${secondsSince(t)} s`);
  server = await serveSite(join(tmp, '_site'), '/blog/');
  browser = await launchChromium();
});

after(async () => {
  process.chdir(cwd);
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.log(`eleventy.test.mjs: ${secondsSince(started)} s`);
});

test('the README site: the files of dist/FILES copied from the installed package, one loader tag with the integrity hash, the fallback inside the element', async () => {
  assert.deepEqual(readdirSync(join(tmp, '_site/stack-advisor')).sort(), [...SHIPPED].sort());
  for (const file of SHIPPED) {
    const copied = readFileSync(join(tmp, '_site/stack-advisor', file));
    assert.ok(copied.equals(readFileSync(join(INSTALLED, 'dist', file))) && copied.equals(readFileSync(join(DIST, file))), file);
  }
  const html = built('index.html');
  assert.deepEqual(loaderTags(html), [`<script type="module" src="/blog/stack-advisor/stack-advisor.js" integrity="${INTEGRITY}" crossorigin="anonymous"></script>`]);
  const [plain, answered] = elementsIn(html);
  assert.equal(plain.open, '<stack-advisor>');
  assert.equal(plain.inner, FALLBACK, 'the default verdict, as the build rendered it');
  assert.equal(answered.open, '<stack-advisor answers="{&quot;project&quot;:&quot;realtime&quot;,&quot;team&quot;:&quot;javascript&quot;}" theme="dark" compact>');
  assert.equal(answered.inner, `<p class="stack-advisor-fallback">${NEEDS_JS}</p>`);
  for (const name of ['index.html', 'liquid/index.html', 'hostile/index.html', 'huge/index.html']) assertReserveOnce(built(name), name);
  for (const name of ['index.html', 'liquid/index.html', 'hostile/index.html']) await assertValidHtml(built(name), name);
});

test('Liquid in Markdown: Markdown leaves the shortcode\'s HTML whole; an object from the front matter gives the attributes', () => {
  const html = built('liquid/index.html');
  assert.equal(loaderTags(html).length, 1);
  const [plain, fromData] = elementsIn(html);
  assert.equal(plain.inner, FALLBACK);
  assert.equal(fromData.open, '<stack-advisor answers="{&quot;project&quot;:&quot;ai-ml&quot;}" theme="light" no-sources>');
  assert.equal(fromData.inner, `<p class="stack-advisor-fallback">${NEEDS_JS}</p>`);
});

test('in Chromium: the widgets start, show a verdict and follow an answer; every request goes to the site itself', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const { errors, urls } = watch(page);
    await page.goto(`${server.base}`);
    const widgets = page.locator('stack-advisor');
    assert.equal(await answersInChromium(widgets.first()), 'node');
    assert.equal(await answersInChromium(widgets.nth(1)), 'node');
    await page.goto(`${server.base}liquid/`);
    assert.equal(await answersInChromium(page.locator('stack-advisor').nth(1)), 'python');
    assertLocalOnly(urls, server.origin);
    const paths = [...new Set(urls.map((url) => new URL(url).pathname))].sort();
    assert.deepEqual(paths, ['/blog/', '/blog/liquid/', '/blog/stack-advisor/stack-advisor-engine.js', '/blog/stack-advisor/stack-advisor-engine.wasm', '/blog/stack-advisor/stack-advisor.js']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a second build in the same process (as under --serve) still writes the loader tag on each page', async () => {
  const pages = await site.toJSON();
  for (const url of ['/', '/liquid/', '/hostile/']) {
    assert.equal(loaderTags(pages.find((p) => p.url === url).content).length, 1, `the rebuilt ${url}: its loader tag`);
  }
});

test('with scripts off, the page shows the default verdict inside the element, with no blank reserved space', async () => {
  await fallbackWithoutJs(browser, server.base);
});

test('at 1280×800, the page does not move from load to the first result (CLS 0)', async () => {
  const { cls, shifts } = await measureCls(browser, server.base);
  console.log(`CLS with the reserve style: ${cls.toFixed(4)}`);
  assert.equal(cls, 0, `layout shifts: ${shifts.join('; ')}`);
});

test('hostile and huge values the shortcode passes on come out escaped: no script runs, the widgets still answer', async () => {
  for (const name of ['hostile', 'huge']) {
    const html = built(`${name}/index.html`);
    assert.doesNotMatch(html, /<script>window|<img src=x|<\/stack-advisor><script/, `${name}: markup from a parameter reached the page`);
    assert.equal(html.match(/<script\b/g).length, 1, `${name}: the loader is the only script`);
  }
  assert.ok(built('huge/index.html').length > 200_000);
  await hostilePagesInChromium(browser, server.base, async (widgets) => {
    assert.equal(await widgets.first().getAttribute('methods'), "wsm '><script>window.__pwned = 3</script>");
  });
});

test('a javascript: src stops the build with the message; every refused value and type, checked on the installed plugin', async () => {
  // Eleventy's CLI, as an author runs it: it exits non-zero with the message.
  const build = spawnSync(process.execPath, [join(FIXTURE, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=eleventy.config.js',
    `--input=${join(FIXTURE, 'refused')}`, `--output=${join(tmp, 'refused')}`, '--quiet'], { cwd: FIXTURE, encoding: 'utf8' });
  assert.notEqual(build.status, 0, 'eleventy built a page with a javascript: src');
  assert.match(`${build.stdout}${build.stderr}`, /stackAdvisor: src "javascript:window\.__pwned = 5" is not an http\(s\) or relative URL/);
  const plugin = await import(pathToFileURL(join(INSTALLED, 'eleventy.js')).href);
  const refused = [
    [{ src: 'javascript:alert(1)' }, 'src "javascript:alert(1)" is not an http(s) or relative URL'],
    [{ src: 'JAVASCRIPT:alert(1)' }, 'is not an http(s) or relative URL'],
    [{ src: 'java\tscript:alert(1)' }, 'contains a space or a control character'],
    [{ src: ' /m.json' }, 'contains a space or a control character'],
    [{ src: 'data:application/json,{}' }, 'is not an http(s) or relative URL'],
    [{ theme: '"><script>' }, 'theme must be auto, light, dark, not "\\"><script>"'],
    [{ loading: 'soon' }, 'loading must be lazy, eager'],
    [{ onmouseover: 'alert(1)' }, 'unknown parameter "onmouseover"'],
    [{ compact: 1 }, 'compact must be true or false, not "1"'],
    [{ theme: 7 }, 'theme must be a string'],
    [{ answers: ['realtime'] }, 'answers must be a string of JSON or an object'],
    ['{"project":"realtime"}', 'takes named parameters'],
    [42, 'takes named parameters'],
  ];
  for (const [params, message] of refused) {
    assert.throws(() => plugin.stackAdvisorAttributes(params), (error) => error instanceof plugin.StackAdvisorParameterError && error.message.includes(message), JSON.stringify(params));
  }
  // Accepted: relative and http(s) URLs, booleans as strings, the Nunjucks marker, camelCase aliases.
  assert.deepEqual(plugin.stackAdvisorAttributes({ src: '/m.json', compact: 'true', calibrate: false, noShare: true, __keywords: true }),
    { attributes: ' src="/m.json" compact no-share', isDefault: false });
  assert.deepEqual(plugin.stackAdvisorAttributes({ answers: '{}' }), { attributes: ' answers="{}"', isDefault: true });
  assert.equal(plugin.stackAdvisorAttributes({ src: 'https://example.org/m.json' }).attributes, ' src="https://example.org/m.json"');
  assert.equal(plugin.escapeAttribute(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
});
