// Registers <stack-advisor>, once. Shared by define.js (the npm package's
// `stack-advisor/define`, which registers on import) and the engine chunk of
// the one-tag loader (which registers when the loader says so).

import { StackAdvisorElement } from './element.js';

/**
 * Registers the element as `stack-advisor` in `registry` unless the tag is
 * taken (a page that includes the script twice, or two builds on one page):
 * the first registration wins and later ones do nothing.
 */
export function register(registry = globalThis.customElements) {
  if (!registry || registry.get('stack-advisor')) return;
  try {
    StackAdvisorElement.define('stack-advisor', registry);
  } catch (error) {
    // Another copy registered the tag between our check and our call.
    if (!registry.get('stack-advisor')) throw error;
  }
}
