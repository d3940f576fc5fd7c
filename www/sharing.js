// Sharing for <stack-advisor>: the reader's answers in the page's URL hash
// (each instance under its own key), the share link, and copying text to
// the clipboard. The state format itself is format/hash.js's; this module is
// where it meets `location`, `history` and the clipboard.

import { h } from './dom.js';
import { sanitizeAnswers, withoutDefaults } from './format/answers.js';
import { decodeState, encodeState, hashKey, readHash, writeHash } from './format/hash.js';

/**
 * The hash key of `element`: from its id, or from its place among the
 * page's `<stack-advisor>` elements without one.
 */
export function instanceKey(element) {
  if (element.id) return hashKey(element.id);
  const unnamed = [...(globalThis.document?.querySelectorAll('stack-advisor:not([id])') || [])];
  return hashKey('', Math.max(0, unnamed.indexOf(element)));
}

/** The answers a hash state string gives for `questions`, checked against them. */
function answersFromText(text, questions) {
  return sanitizeAnswers(decodeState(text, questions), questions);
}

/** How long the answers wait, after the last change, before going into the URL hash. */
const HASH_DELAY_MS = 150;

/**
 * One element's answers in the page's URL hash: read at start, written once
 * the reader pauses, and read again when the page's (or the reader's) own
 * hash changes. Does nothing for an element with `no-share`.
 */
export class HashLink {
  #element;
  #current;
  #last = null; // the state string last read or written
  #timer = 0;

  /**
   * @param {HTMLElement} element the `<stack-advisor>`
   * @param {() => [object, object[]]} current its answers and its matrix's questions
   */
  constructor(element, current) {
    this.#element = element;
    this.#current = current;
  }

  /** The answers the hash holds for the element, or null when it holds none. */
  read() {
    return globalThis.location ? this.changed(true, null) : null;
  }

  /**
   * After a `hashchange`: drops a write still waiting (the page's hash wins)
   * and, when `active` and the element's part changed, returns the answers
   * it now gives (`initial` when it was removed); null otherwise.
   */
  changed(active, initial) {
    this.#cancel();
    if (!active || this.#element.noShare) return null;
    const text = readHash(globalThis.location.hash, instanceKey(this.#element));
    if (text === this.#last) return null;
    this.#last = text;
    return text == null ? initial : answersFromText(text, this.#current()[1]);
  }

  /**
   * Writes the answers once the reader pauses: replaceState costs about a
   * millisecond, and browsers throttle a page that calls it on every slider step.
   */
  schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = 0;
      this.#write();
    }, HASH_DELAY_MS);
  }

  #cancel() {
    clearTimeout(this.#timer);
    this.#timer = 0;
  }

  /** Makes a write still waiting now (the element leaves the page). */
  flush() {
    if (!this.#timer) return;
    this.#cancel();
    this.#write();
  }

  /** The page's address with the answers in its hash: the link "Copy link" copies. */
  url() {
    return shareUrl(instanceKey(this.#element), ...this.#current());
  }

  #write() {
    if (this.#element.noShare || !globalThis.location || !globalThis.history) return;
    this.#last = storeAnswers(instanceKey(this.#element), ...this.#current()) || null;
  }
}

/**
 * Writes `answers` (what differs from the defaults) under `key` in the page's
 * hash, with `history.replaceState` so that it makes no history entry.
 * Returns the state string written ('' when there is none).
 */
function storeAnswers(key, answers, questions) {
  const loc = globalThis.location;
  const value = encodeState(withoutDefaults(answers, questions));
  const hash = writeHash(loc.hash, key, value);
  if (hash === loc.hash || (hash === '' && !loc.hash)) return value;
  try {
    globalThis.history.replaceState(globalThis.history.state, '', loc.pathname + loc.search + hash);
  } catch {
    /* Sandboxed or opaque-origin pages may refuse; the Copy link button still works. */
  }
  return value;
}

/** The page's address with `answers` in its hash under `key`. */
function shareUrl(key, answers, questions) {
  const loc = globalThis.location;
  if (!loc) return '';
  // Not WordPress's "#?secret=…" of an embedded frame: it is that frame's own.
  const hash = writeHash(loc.hash.replace(/(^#|&)\?secret=[^&]*/, '$1'), key, encodeState(withoutDefaults(answers, questions)));
  return loc.origin + loc.pathname + loc.search + hash;
}

/**
 * Copies `text` to the clipboard, then writes `done` (or `failed`) into
 * `note`. Where the Clipboard API is missing or refused (a sandboxed frame,
 * an http page, a denied permission), the text is shown in a field after
 * `note`, selected, for the reader to copy; a selection copy is tried too.
 */
export async function copyText(text, note, done, failed) {
  const say = (message) => {
    note.textContent = message;
  };
  note.parentNode?.querySelector(':scope > .copy-field')?.remove();
  try {
    await globalThis.navigator.clipboard.writeText(text);
    say(done);
  } catch {
    const field = h('textarea', { class: 'copy-field', part: 'copy-field', readonly: true, rows: String(Math.min(8, Math.max(3, text.split('\n').length))), 'aria-label': failed });
    field.value = text;
    note.after(field);
    field.focus({ preventScroll: true });
    field.select();
    let ok = false;
    try {
      ok = globalThis.document.execCommand('copy');
    } catch {
      ok = false;
    }
    say(ok ? done : failed);
  }
}
