// The one-tag embed's script (dist/stack-advisor.js): a small loader.
//
//   <script type="module" src="stack-advisor.js" integrity="…" crossorigin="anonymous"></script>
//   <stack-advisor><p>A short summary for readers without the widget.</p></stack-advisor>
//
// It leaves <stack-advisor> undefined at first: each element gets a placeholder
// (tag-placeholder.js) that shows the author's fallback in the height the
// widget will take. The engine chunk (the element, its styles, the default
// matrix and the engine API) and the engine's `.wasm` load once, for every
// widget on the page, when the first of them is about to be seen: within one
// viewport of the screen, focused or pointed at, at once with
// `loading="eager"` or a share link with answers in the URL, and — for a reader
// with Data Saver on — only when they press the placeholder's button. Then the
// element is defined and every widget upgrades.
//
// Every piece is checked against a SHA-384 built into the piece that loads it:
// the chunk by a module preload with `integrity` (Chromium and Firefox refuse a
// changed file), the `.wasm` and MCDA extension by fetch's `integrity` (all
// browsers); the snippet's `integrity` covers this file.

import { ENGINE_CHUNK, ENGINE_CHUNK_INTEGRITY, ENGINE_KB, ENGINE_WASM, ENGINE_WASM_INTEGRITY } from './tag-manifest.js';
import { compileVerified } from './fetch-verified.js';
import { attach, show } from './tag-placeholder.js';
import { importVerified } from './import-verified.js';

const TAG = 'stack-advisor';
const doc = globalThis.document;
const registry = globalThis.customElements;

/** Elements still showing their placeholder. */
const waiting = new Set();
let chunk = null; // the engine chunk's module, once imported
let loading = null; // the load under way (or done)
let attempt = 0;
let observer = null;
let mutations = null;

const saveData = () => globalThis.navigator?.connection?.saveData === true;
/** A share link: answers for some widget in the URL's hash ("#sa=…", "#sa2=…", "#sa-id=…"). */
const sharedInHash = () => /(?:^#|&)sa(?:\d+|-[^=&]*)?=/.test(globalThis.location?.hash || '');
const canPreload = () => doc?.createElement('link').relList?.supports?.('modulepreload') === true;

async function importChunk() {
  if (!chunk) {
    const url = new URL(ENGINE_CHUNK, import.meta.url);
    // A failed module fetch may stay failed in the page's module map: a retry asks under a new URL.
    if (attempt) url.search = `?retry=${attempt}`;
    chunk = await importVerified(url.href, ENGINE_CHUNK_INTEGRITY);
  }
  return chunk;
}

/** Loads the engine chunk and the engine (once), then upgrades every widget. */
function load() {
  if (!loading) {
    loading = (async () => {
      // The .wasm is fetched and compiled while the chunk loads, not after it.
      const wasm = compileVerified(new URL(ENGINE_WASM, import.meta.url), ENGINE_WASM_INTEGRITY);
      wasm.catch(() => {}); // handled by loadEngine below, or moot when the chunk fails
      const module = await importChunk();
      try {
        await module.loadEngine(wasm);
      } catch (error) {
        // Offline or a changed .wasm: the placeholder says so (and can retry).
        // Anything else (a CSP without 'wasm-unsafe-eval', an old browser):
        // the element itself explains it, in the reader's language.
        const code = error?.cause?.code;
        if (code === 'fetch' || code === 'integrity') throw error.cause;
      }
      swap(module);
      return module;
    })();
    loading.catch((error) => {
      loading = null;
      attempt += 1;
      failed(error);
    });
  }
  return loading;
}

/** Defines the element (every widget upgrades), keeping the reader's place and focus. */
function swap(module) {
  observer?.disconnect();
  mutations?.disconnect();
  const widgets = [...waiting];
  waiting.clear();
  const active = doc.activeElement;
  const focused = widgets.find((el) => el === active || el.contains(active));
  // A widget whose top is above the screen moves what the reader is reading
  // when it grows (its reserved height is an estimate). Browsers with scroll
  // anchoring keep that text in place, provided no widget is picked as the
  // anchor (it would keep the widget's own top still) for the swap; the others
  // are scrolled by the growth.
  const anchors = globalThis.CSS?.supports?.('overflow-anchor', 'auto');
  if (anchors) for (const el of widgets) el.style.setProperty('overflow-anchor', 'none');
  else keepPlace(widgets.filter((el) => el.getBoundingClientRect().top < 0));
  // Focus in the fallback or the placeholder is lost when the widget replaces
  // them: it moves to the widget's first control once that is drawn.
  focused?.addEventListener('stack-advisor-change', () => {
    const now = doc.activeElement;
    if (!now || now === doc.body || (now !== focused && focused.contains(now)) || (now === focused && !focused.shadowRoot?.activeElement)) {
      focused.shadowRoot?.querySelector('input, select, textarea, button, [tabindex]')?.focus({ preventScroll: true });
    }
  }, { once: true });
  module.define();
  // After the next frame's layout, where the anchoring adjusts the scroll.
  if (anchors) requestAnimationFrame(() => setTimeout(() => widgets.forEach((el) => el.style.removeProperty('overflow-anchor'))));
}

/** How long after the swap the loader keeps the reader's place by itself (no scroll anchoring). */
const KEEP_PLACE_MS = 2000;

/**
 * For a browser without scroll anchoring: while the widgets `above` (tops
 * above the screen) settle into their height, keeps the content after the
 * last of them where the reader sees it, as scroll anchoring would: each time
 * they resize, scrolls by how far that content moved in the document (so a
 * reader's own scrolling meanwhile is left alone).
 */
function keepPlace(above) {
  let anchor = above[above.length - 1];
  while (anchor && !anchor.nextElementSibling) anchor = anchor.parentElement;
  anchor = anchor?.nextElementSibling;
  if (!anchor || !globalThis.ResizeObserver) return;
  const offset = () => anchor.getBoundingClientRect().top + globalThis.scrollY;
  let last = offset();
  const follow = () => {
    const now = offset();
    if (Math.abs(now - last) >= 0.5) globalThis.scrollBy(0, now - last);
    last = now;
  };
  const watcher = new ResizeObserver(follow);
  for (const el of above) watcher.observe(el);
  setTimeout(() => watcher.disconnect(), KEEP_PLACE_MS);
}

/** Tells the waiting widgets' readers (and the page) why the engine did not load. */
function failed(error) {
  const kind = error?.code === 'integrity' ? 'integrity' : error?.code === 'unsupported' ? 'unsupported' : 'fetch';
  for (const el of waiting) {
    show(el, kind, load);
    const detail = { kind: { fetch: 'network', integrity: 'integrity', unsupported: 'engine' }[kind], message: error?.message || String(error), hint: error?.hint, error };
    el.dispatchEvent(new CustomEvent('stack-advisor-error', { detail, bubbles: true, composed: true }));
  }
}

function start() {
  load().catch(() => {});
}

/** Starts watching one `<stack-advisor>` for the moment to load. */
function watch(el) {
  if (waiting.has(el) || registry.get(TAG)) return;
  attach(el);
  waiting.add(el);
  if (loading) return;
  if (saveData()) return show(el, 'saveData', start, ENGINE_KB);
  if (el.getAttribute('loading') === 'eager' || !observer || nearScreen(el)) return start();
  observer.observe(el);
  el.addEventListener('focusin', start, { once: true });
  el.addEventListener('pointerenter', start, { once: true });
}

/**
 * True when `el` is within one viewport of the screen now: such a widget
 * starts loading at once, without waiting a frame for the observer's first
 * report (a widget at the top of the page is seen at once).
 */
function nearScreen(el) {
  const box = el.getBoundingClientRect();
  const height = globalThis.innerHeight || 0;
  // A widget that is not rendered (display: none, a closed <details>) waits for the observer.
  return (box.width > 0 || box.height > 0) && box.bottom > -height && box.top < 2 * height;
}

function scan(node) {
  if (node.localName === TAG) watch(node);
  for (const el of node.querySelectorAll?.(TAG) || []) watch(el);
}

if (doc && registry && !registry.get(TAG)) {
  if (!canPreload()) {
    // No module preload (Safari before 17): the engine could not be checked
    // before it runs, and such a browser lacks more that the widget needs.
    for (const el of doc.querySelectorAll(TAG)) {
      waiting.add(el);
      attach(el);
    }
    failed(Object.assign(new Error('this browser is too old for the advisor (no module preload)'), { code: 'unsupported' }));
  } else {
    if (globalThis.IntersectionObserver) {
      // Start one viewport ahead, so the widget is ready when the reader arrives.
      observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && !saveData() && start(), { rootMargin: '100% 0px' });
    }
    scan(doc);
    mutations = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(scan)));
    mutations.observe(doc.documentElement, { childList: true, subtree: true });
    if (sharedInHash()) start();
    globalThis.addEventListener('hashchange', () => waiting.size && sharedInHash() && start());
  }
}

/** The engine API `api`, once the default matrix has its texts too (as `defaultMatrix()` gives it in the npm package). */
const whole = (m) => (api) => m.loadMatrixTexts().then(() => api);

/** Loads the engine (and upgrades every widget) and resolves to the engine API. */
export function loadEngine(source) {
  return load().then((m) => m.loadEngine(source).then(whole(m)));
}

/** Loads the engine and its MCDA extension; resolves to the engine API. */
export function init(source, mcdaSource) {
  return load().then((m) => m.init(source, mcdaSource).then(whole(m)));
}

/** Loads the MCDA extension (`rank`, `ahpWeights`) after the engine. */
export function loadMcda(source) {
  return load().then((m) => m.loadMcda(source));
}

/** A synchronous engine function, usable once `init()` or `loadEngine()` has resolved. */
const api = (name) => (...args) => {
  if (!chunk) throw new Error(`stack-advisor: ${name}() was called before the engine was loaded; await init() (or loadEngine()) first`);
  return chunk[name](...args);
};

export const recommend = api('recommend');
export const validateMatrix = api('validateMatrix');
export const defaultMatrix = api('defaultMatrix');
export const rank = api('rank');
export const ahpWeights = api('ahpWeights');
