// Registers <stack-advisor>. Safe to evaluate more than once (a page that
// includes the script twice, or two bundles on one page): the first
// registration wins and later ones do nothing.

import { StackAdvisorElement } from './element.js';

const registry = globalThis.customElements;
if (registry && !registry.get('stack-advisor')) {
  try {
    StackAdvisorElement.define('stack-advisor', registry);
  } catch (error) {
    // Another copy registered the tag between our check and our call.
    if (!registry.get('stack-advisor')) throw error;
  }
}

export { StackAdvisorElement };
export default StackAdvisorElement;
