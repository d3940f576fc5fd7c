// A widget's side of the default matrix's texts that the one-tag embed brings
// in on first use (engine.js's loadMatrixTexts; docs/size.md): one load at a
// time per widget, and a failure told to the page.

import { loadMatrixTexts } from './engine.js';

/**
 * A function that loads the default matrix's remaining texts and then calls
 * `loaded()`; while a load is under way, calls share it. A failure goes to
 * `failed(kind, error)`, kind 'integrity' (the file differs) or 'network',
 * and rejects the call; the next call tries again.
 *
 * @param {() => void} loaded
 * @param {(kind: string, error: Error) => void} failed
 * @returns {() => Promise<void>}
 */
export function textsLoader(loaded, failed) {
  let loading = null;
  return () =>
    (loading ??= loadMatrixTexts().then(
      () => {
        loading = null;
        loaded();
      },
      (error) => {
        loading = null;
        failed(error?.code === 'integrity' ? 'integrity' : 'network', error);
        throw error;
      },
    ));
}
