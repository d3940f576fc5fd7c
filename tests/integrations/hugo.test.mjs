// The Hugo shortcode (integrations/hugo/) in a site built by Debian's hugo and
// answered in Chromium. The site is the README's "Hugo" snippets (its shell
// block copies the shortcode in as a theme component and runs copy-files.sh,
// its hugo.toml line and its page) on top of tests/integrations/fixtures/hugo-site/
// (a layout, a page with hostile parameters, and pages whose parameters the
// shortcode must refuse), built under /blog/ to prove the URLs follow baseURL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  DIST, FALLBACK, NEEDS_JS, ROOT, SHIPPED, answersInChromium, assertLocalOnly, assertReserveOnce, assertValidHtml, elementsIn,
  fallbackWithoutJs, hostilePagesInChromium, launchChromium, loaderTags, measureCls, readmeBlocks, secondsSince, serveSite, watch,
} from './lib/static-site.mjs';

const started = performance.now();
const FIXTURE = join(ROOT, 'tests/integrations/fixtures/hugo-site');
const INTEGRITY = readFileSync(join(DIST, 'stack-advisor.js.sri'), 'utf8').trim();
let tmp;
let site;
let server;
let browser;

/** Runs hugo on the site; `args` adds to `--source SITE`. */
function hugo(args) {
  return spawnSync('hugo', ['--source', site, ...args], { encoding: 'utf8' });
}

/** The README's Hugo shell block, run as written (its paths: this checkout and the test site). */
function runReadmeShell(code) {
  const script = code.replaceAll('/path/to/your-site', site).replaceAll('/path/to/stack-advisor', ROOT);
  const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: tmp, encoding: 'utf8' });
  assert.equal(run.status, 0, `the README's Hugo shell block failed:\n${run.stdout}${run.stderr}`);
  return run.stdout;
}

const built = (page) => readFileSync(join(tmp, 'public', page, 'index.html'), 'utf8');

before(async () => {
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, 'hugo is missing: scripts/bootstrap-integrations.sh installs it');
  console.log(`hugo: ${version.stdout.trim()}`);
  tmp = mkdtempSync(join(tmpdir(), 'stack-advisor-hugo-'));
  site = join(tmp, 'your-site');
  cpSync(FIXTURE, site, { recursive: true });
  const blocks = readmeBlocks('Hugo');
  const of = (lang) => {
    const found = blocks.filter((b) => b.lang === lang);
    assert.equal(found.length, 1, `README.md: one ${lang} block under "Hugo"`);
    return found[0].code;
  };
  writeFileSync(join(site, 'hugo.toml'), `${of('toml')}\n${readFileSync(join(site, 'hugo.toml'), 'utf8')}`);
  writeFileSync(join(site, 'content/readme.md'), `---\ntitle: The README's page\n---\nAn article.\n\n${of('md')}\n\nThe end.\n`);
  // A huge value (200 KB of markup in the answers): escaped like any other.
  writeFileSync(join(site, 'content/huge.md'), `---\ntitle: Huge answers\n---\n{{< stack-advisor answers=\`{"note":"${'\\"><script>window.__pwned = 9</script>'.repeat(5000)}"}\` >}}\n`);
  console.log(runReadmeShell(of('sh')).trim());
  const build = hugo(['--destination', join(tmp, 'public')]);
  assert.equal(build.status, 0, `hugo failed:\n${build.stdout}${build.stderr}`);
  server = await serveSite(join(tmp, 'public'), '/blog/');
  browser = await launchChromium();
  console.log(`hugo site built and served in ${secondsSince(started)} s`);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.log(`hugo.test.mjs: ${secondsSince(started)} s`);
});

test('the README site: the files of dist/FILES copied, one loader tag per page with the integrity hash, the fallback inside the element', async () => {
  assert.deepEqual(readdirSync(join(tmp, 'public/stack-advisor')).sort(), [...SHIPPED].sort());
  for (const file of SHIPPED) assert.ok(readFileSync(join(tmp, 'public/stack-advisor', file)).equals(readFileSync(join(DIST, file))), file);
  const html = built('readme');
  const tags = loaderTags(html);
  assert.equal(tags.length, 1, 'two widgets, one loader tag');
  // Hugo writes "+" as &#43; in an attribute: the same value once parsed.
  assert.equal(tags[0].replaceAll('&#43;', '+'), `<script type="module" src="/blog/stack-advisor/stack-advisor.js" integrity="${INTEGRITY}" crossorigin="anonymous"></script>`);
  const [plain, answered] = elementsIn(html);
  assert.equal(plain.open, '<stack-advisor>');
  assert.equal(plain.inner, FALLBACK, 'the default verdict, as the build rendered it');
  assert.equal(answered.open, '<stack-advisor answers="{&#34;project&#34;:&#34;realtime&#34;,&#34;team&#34;:&#34;javascript&#34;}" theme="dark" compact>');
  assert.equal(answered.inner, `<p class="stack-advisor-fallback">${NEEDS_JS}</p>`);
  for (const name of ['readme', 'hostile', 'huge']) assertReserveOnce(built(name), name);
  for (const name of ['readme', 'hostile']) await assertValidHtml(built(name), `${name}/index.html`);
  // Goldmark's default (unsafe = false) stays on: the shortcode needs no raw HTML.
  assert.doesNotMatch(readFileSync(join(site, 'hugo.toml'), 'utf8'), /unsafe/);
});

test('in Chromium: both widgets start, show a verdict and follow an answer; every request goes to the site itself', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const { errors, urls } = watch(page);
    await page.goto(`${server.base}readme/`);
    const widgets = page.locator('stack-advisor');
    assert.equal(await answersInChromium(widgets.first()), 'node');
    assert.equal(await answersInChromium(widgets.nth(1)), 'node');
    assert.equal(await widgets.nth(1).getAttribute('theme'), 'dark');
    assertLocalOnly(urls, server.origin);
    const paths = urls.map((url) => new URL(url).pathname);
    assert.deepEqual([...new Set(paths)].sort(), ['/blog/readme/', '/blog/stack-advisor/stack-advisor-engine.js', '/blog/stack-advisor/stack-advisor-engine.wasm', '/blog/stack-advisor/stack-advisor.js']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('with scripts off, the page shows the default verdict inside the element, with no blank reserved space', async () => {
  await fallbackWithoutJs(browser, `${server.base}readme/`);
});

test('at 1280×800, the page does not move from load to the first result (CLS 0); without the reserve style it does', async () => {
  const url = `${server.base}readme/`;
  const reserved = await measureCls(browser, url);
  console.log(`CLS with the reserve style: ${reserved.cls.toFixed(4)} ${JSON.stringify(reserved.shifts)}`);
  assert.equal(reserved.cls, 0, `layout shifts: ${reserved.shifts.join('; ')}`);
  const stripped = await measureCls(browser, url, { strip: true });
  console.log(`CLS without it: ${stripped.cls.toFixed(4)} ${JSON.stringify(stripped.shifts)}`);
  assert.ok(stripped.cls > 0, `without the reserve style the page should move (CLS ${stripped.cls})`);
});

test('hostile and huge values the shortcode passes on come out escaped: no script runs, the widgets still answer', async () => {
  for (const name of ['hostile', 'huge']) {
    const html = built(name);
    assert.doesNotMatch(html, /<script>window|<img src=x/, `${name}: markup from a parameter reached the page`);
    assert.equal(loaderTags(html).length, 1);
    assert.equal(html.match(/<script\b/g).length, 1, `${name}: the loader is the only script`);
  }
  assert.ok(built('huge').length > 200_000);
  await hostilePagesInChromium(browser, server.base);
});

test('a javascript: or data: src, markup in theme, an unknown or positional parameter, a number for a boolean: the build stops and says which page', () => {
  const build = hugo(['--contentDir', join(FIXTURE, 'content-refused'), '--destination', join(tmp, 'refused')]);
  assert.notEqual(build.status, 0, 'hugo built pages with refused parameters');
  const log = `${build.stdout}${build.stderr}`;
  const expected = {
    'src-javascript.md': 'src "javascript:window.__pwned = 5" is not an http(s) or relative URL',
    'src-tab.md': 'src "java\\tscript:window.__pwned = 6" is not an http(s) or relative URL',
    'src-data.md': 'src "data:application/json,{}" is not an http(s) or relative URL',
    'theme.md': 'theme must be auto, light or dark, not "\\"><script>window.__pwned = 7</script>"',
    'unknown.md': 'unknown parameter "onmouseover"',
    'wrong-type.md': 'compact must be true or false, not "1"',
    'positional.md': 'use named parameters',
  };
  for (const [file, message] of Object.entries(expected)) {
    const line = log.split('\n').find((l) => l.includes(`content-refused/${file}`));
    assert.ok(line, `no error names ${file}:\n${log}`);
    assert.ok(line.includes(message), `${file}: expected "${message}" in\n${line}`);
  }
  // What Hugo wrote anyway (it logs errors and carries on) has no unsafe URL: its own escaping neutralises one.
  const written = join(tmp, 'refused/src-javascript/index.html');
  if (existsSync(written)) assert.doesNotMatch(readFileSync(written, 'utf8'), /javascript:/);
});
