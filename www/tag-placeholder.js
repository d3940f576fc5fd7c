// What a <stack-advisor> shows before its engine has loaded, when the one-tag
// loader (tag.js) is used: the author's fallback children in the height the
// widget will take, and, when needed, one line and one button — "load" for a
// reader with Data Saver on, "try again" after a failed load. The element
// takes this shadow root over when it upgrades (element.js).

import { RESERVE_CSS } from './reserve.js';

const STRINGS = {
  en: {
    load: 'Load the interactive advisor',
    saveData: 'Data Saver is on, so the interactive advisor loads only when you ask.',
    fetch: 'The interactive advisor could not be loaded (are you offline?), so a short summary is shown instead.',
    retry: 'Try again',
    integrity: 'The interactive advisor was not loaded: one of its files is not the one this page expects, so a short summary is shown instead.',
    unsupported: 'The interactive advisor needs a newer browser, so a short summary is shown instead.',
  },
  de: {
    load: 'Interaktiven Berater laden',
    saveData: 'Der Datensparmodus ist an, deshalb lädt der interaktive Berater erst, wenn Sie es möchten.',
    fetch: 'Der interaktive Berater konnte nicht geladen werden (sind Sie offline?), deshalb steht hier eine kurze Zusammenfassung.',
    retry: 'Erneut versuchen',
    integrity: 'Der interaktive Berater wurde nicht geladen: Eine seiner Dateien ist nicht die, die diese Seite erwartet, deshalb steht hier eine kurze Zusammenfassung.',
    unsupported: 'Der interaktive Berater braucht einen neueren Browser, deshalb steht hier eine kurze Zusammenfassung.',
  },
};

const CSS = `${RESERVE_CSS}
[hidden] { display: none !important; }
p { margin: 0 0 .75em; }
button { font: inherit; min-height: 44px; padding: .5em 1em; margin: 0 0 .75em; cursor: pointer; }`;

let sheet;
/** The placeholder's stylesheet, shared by every element; null where constructable stylesheets are missing. */
function styles() {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
  }
  return sheet;
}

const parts = new WeakMap();

/** The strings in the element's language (its own or the closest `lang`), English by default. */
export function strings(element) {
  const lang = (element.closest('[lang]')?.getAttribute('lang') || '').toLowerCase();
  return STRINGS[lang.split('-')[0]] || STRINGS.en;
}

/**
 * Gives `element` its placeholder: a shadow root with the notice, the button
 * and a slot for the author's fallback. Does nothing (and returns false) when
 * the element already has a shadow root.
 */
export function attach(element) {
  if (element.shadowRoot || parts.has(element)) return parts.has(element);
  let root;
  try {
    root = element.attachShadow({ mode: 'open' });
  } catch {
    return false;
  }
  const css = styles();
  if (css) root.adoptedStyleSheets = [css];
  const notice = document.createElement('p');
  notice.setAttribute('part', 'notice');
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('part', 'load');
  button.hidden = true;
  const slot = document.createElement('slot');
  slot.setAttribute('part', 'fallback');
  root.append(notice, button, slot);
  parts.set(element, { notice, button, action: null });
  button.addEventListener('click', () => parts.get(element)?.action?.());
  return true;
}

/**
 * Shows `kind` in the placeholder: 'wait' (nothing but the fallback),
 * 'saveData' (a load button, `kb` in its label), 'fetch' (the message and a
 * retry button), 'integrity' or 'unsupported' (the message). `action` runs
 * when the reader presses the button.
 */
export function show(element, kind, action, kb) {
  const shown = parts.get(element);
  if (!shown) return;
  const t = strings(element);
  const text = kind === 'wait' ? '' : t[kind];
  shown.notice.textContent = text;
  shown.notice.hidden = !text;
  const label = kind === 'saveData' ? `${t.load} (${kb} KB)` : kind === 'fetch' ? t.retry : '';
  shown.button.textContent = label;
  shown.button.hidden = !label;
  shown.action = label ? action : null;
}
