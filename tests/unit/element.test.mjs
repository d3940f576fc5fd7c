// The element's module contract, checked in Node (no DOM):
// importing has no side effects and does not throw; define() tolerates a
// second registration; custom-elements.json matches the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from './built.mjs';

const repo = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, repo), 'utf8');
/** The pure helpers under www/format/. */
const FORMAT_MODULES = ['answers', 'evidence', 'guidance', 'hash', 'locale', 'numbers', 'sentences'].map((name) => `www/format/${name}.js`);
/** The element's parts (start-up, questions, result, sharing) and add-on modules (matrix errors, TOPSIS, calibration). */
const ADDON_MODULES = [
  'www/startup.js', 'www/questions.js', 'www/result-view.js', 'www/score-bars.js', 'www/sharing.js',
  'www/dom.js', 'www/keyed.js', 'www/change-event.js', 'www/compare-table.js', 'www/issue-list.js', 'www/methods.js', 'www/calibrate.js', 'www/mcda-strings.js', 'www/mcda-styles.js',
];

/**
 * The www modules import the wasm-bindgen glue and the default matrix as
 * siblings (the flat npm layout); build that layout in a temp dir.
 */
function flatLayout() {
  const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-'));
  cpSync(new URL('www/', repo), dir, { recursive: true });
  cpSync(built('pkg/stack_advisor.js'), join(dir, 'stack_advisor.js'));
  cpSync(built('pkg/stack_advisor_mcda.js'), join(dir, 'stack_advisor_mcda.js'));
  writeFileSync(join(dir, 'default-matrix.js'), `export default ${read('data/node-vs-python.json')};\n`);
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  return dir;
}

test('element.js and define.js import in Node without a DOM and register nothing', async () => {
  assert.equal(globalThis.HTMLElement, undefined);
  assert.equal(globalThis.customElements, undefined);
  const dir = flatLayout();
  try {
    const { StackAdvisorElement } = await import(pathToFileURL(join(dir, 'element.js')));
    assert.equal(typeof StackAdvisorElement, 'function');
    assert.deepEqual(StackAdvisorElement.observedAttributes, ['answers', 'lang', 'theme', 'src', 'methods', 'calibrate', 'compact', 'no-share', 'no-sources']);
    const defined = await import(pathToFileURL(join(dir, 'define.js')));
    assert.equal(defined.StackAdvisorElement, StackAdvisorElement);

    // define() registers once and tolerates being called again.
    const registry = new Map();
    const fake = { get: (tag) => registry.get(tag), define: (tag, cls) => { if (registry.has(tag)) throw new Error('already defined'); registry.set(tag, cls); } };
    StackAdvisorElement.define('stack-advisor', fake);
    StackAdvisorElement.define('stack-advisor', fake);
    class Other extends StackAdvisorElement {}
    Other.define('stack-advisor', fake);
    assert.equal(registry.get('stack-advisor'), StackAdvisorElement);
    Other.define('my-advisor', fake);
    assert.equal(registry.get('my-advisor'), Other);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no innerHTML, insertAdjacentHTML, outerHTML, document.write, eval or inline handlers in the element code', () => {
  for (const file of ['www/element.js', 'www/define.js', ...FORMAT_MODULES, 'www/explain.js', 'www/markdown.js', 'www/styles.js', 'www/result-styles.js', 'www/i18n/en.js', 'www/i18n/de.js', 'www/site/playground.js', ...ADDON_MODULES]) {
    const code = read(file).replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new Function|setAttribute\(\s*['"]on)/, file);
    assert.doesNotMatch(code, /\b(localStorage|sessionStorage|indexedDB|document\.cookie|fetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket)\b/, file);
  }
});

test('the only network request is fetchMatrix\'s, same-origin, in matrix-source.js', () => {
  const code = read('www/matrix-source.js').replace(/^\s*\/\/.*$/gm, '');
  assert.equal([...code.matchAll(/\bfetch\s*\(/g)].length, 1, 'one fetch call');
  assert.match(code, /mode: 'same-origin'/);
  assert.match(code, /credentials: 'same-origin'/);
  assert.doesNotMatch(code, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new Function|XMLHttpRequest|sendBeacon|WebSocket|localStorage|document\.cookie)\b/);
});

test('custom-elements.json matches the element: attributes, parts, CSS properties', () => {
  const manifest = JSON.parse(read('custom-elements.json'));
  const decl = manifest.modules.find((m) => m.path === 'www/element.js').declarations[0];
  assert.equal(decl.tagName, 'stack-advisor');
  // `loading` is read by the one-tag loader (tag.js), before the element exists.
  assert.deepEqual(decl.attributes.map((a) => a.name), ['answers', 'lang', 'theme', 'src', 'methods', 'calibrate', 'compact', 'no-share', 'no-sources', 'loading']);

  const element = read('www/element.js');
  const modules = [element, ...ADDON_MODULES.map(read)];
  const partsInCode = new Set(modules.flatMap((code) => [...code.matchAll(/part: '([a-z-]+)'/g)].map((m) => m[1])));
  // Section parts are passed to result-view.js's #section() as its second argument.
  for (const m of modules.flatMap((code) => [...code.matchAll(/#section\([^,]+, '([a-z-]+)'/g)])) partsInCode.add(m[1]);
  // The one-tag loader's placeholder, shown before the element is defined.
  for (const m of read('www/tag-placeholder.js').matchAll(/setAttribute\('part', '([a-z-]+)'\)/g)) partsInCode.add(m[1]);
  assert.deepEqual(new Set(decl.cssParts.map((p) => p.name)), partsInCode);

  const styles = read('www/styles.js') + read('www/result-styles.js') + read('www/reserve.js');
  const propsInCss = new Set([...styles.matchAll(/var\((--stack-advisor-[a-z0-9-]+)/g)].map((m) => m[1]));
  assert.deepEqual(new Set(decl.cssProperties.map((p) => p.name)), propsInCss);

  // Events are CustomEvents, made directly or by a subclass's constructor (ChangeEvent: super('…')).
  const events = new Set([element, read('www/change-event.js')].flatMap((code) => [...code.matchAll(/(?:new CustomEvent|super)\('([a-z-]+)'/g)].map((m) => m[1])));
  assert.deepEqual(new Set(decl.events.map((e) => e.name)), events);
});

test('index.html loads the element with one module script tag and reserves the element\'s heights', async () => {
  const html = read('www/site/index.html');
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(scripts, ['<script type="module" src="./stack-advisor.js">']);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  // The layout test's page at the top of the viewport carries the same table.
  const { RESERVE, RESERVE_CSS } = await import('../../www/reserve.js');
  const base = /--_reserve: (\d+)em;/.exec(RESERVE_CSS)[1];
  for (const page of [html, read('tests/e2e/fixtures/top.html')]) {
    for (const [max, em] of RESERVE) assert.match(page, new RegExp(`max-width: ${max}px\\) \\{ stack-advisor \\{ min-height: ${em}em; \\}`));
    assert.match(page, new RegExp(`stack-advisor \\{[^}]*min-height: ${base}em;`));
  }
});
