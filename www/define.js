// Registers <stack-advisor> on import. Safe to evaluate more than once (a page
// that includes the script twice, or two bundles on one page): the first
// registration wins and later ones do nothing.

import { StackAdvisorElement } from './element.js';
import { register } from './register.js';

register();

export { StackAdvisorElement };
export default StackAdvisorElement;
