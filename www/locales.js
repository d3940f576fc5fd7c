// Which strings a <stack-advisor> speaks: its language (its own `lang`, the
// closest ancestor's, else the document's) and the locales that load only
// when a widget first needs them (parts.js).

import { locales as moreLocales } from './parts.js';

/** Locales (parts.js) that could not be loaded on this page: not asked for again. */
const failed = new Set();

/** The element's language: its own or the closest `lang`, else the document's, else English. */
export function elementLang(element) {
  return element.closest('[lang]')?.getAttribute('lang') || globalThis.document?.documentElement?.lang || 'en';
}

/**
 * Loads the locale for `lang` into `locales` when it is a part not loaded yet;
 * null when there is nothing to load. A locale that fails to load leaves the
 * widget in English.
 */
export function loadLocale(locales, lang) {
  const tag = String(lang).toLowerCase();
  const base = tag.split('-')[0];
  if (!locales || locales[tag] || locales[base] || !Object.hasOwn(moreLocales, base) || failed.has(base)) return null;
  return moreLocales[base]().then(
    (module) => {
      locales[base] ??= module.default;
    },
    () => failed.add(base),
  );
}
