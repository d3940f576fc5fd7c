// Importing a module of the one-tag embed only if it is the file the build
// made: a module preload carrying the file's SHA-384 fetches and checks it,
// and the import then takes that very module from the page's module map.
// Chromium and Firefox refuse a preload whose bytes differ (the import then
// fails too); WebKit (2.50) loads it unchecked (docs/architecture.md).

import { fetchFailure } from './fetch-verified.js';

/** The page's script nonce, for a page whose Content Security Policy allows scripts by nonce. */
function pageNonce() {
  return globalThis.document?.querySelector('script[nonce]')?.nonce || '';
}

/**
 * Imports `href` (an absolute URL) once its bytes are checked against
 * `integrity` ("sha384-…"). Rejects with an Error whose `code` is
 * 'integrity' (the file differs) or 'fetch' (not reachable).
 */
export function importVerified(href, integrity) {
  const doc = globalThis.document;
  return new Promise((resolve, reject) => {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.integrity = integrity;
    const nonce = pageNonce();
    if (nonce) link.nonce = nonce;
    link.onload = () => resolve(import(href));
    link.onerror = () => fetchFailure(href).then(reject);
    link.href = href;
    (doc.head || doc.documentElement).append(link);
  });
}
