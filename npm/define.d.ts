// Types of `stack-advisor/define`: importing it registers <stack-advisor>
// (once; a second copy on the page does nothing) and re-exports the class.
import { StackAdvisorElement } from './element.js';

export { StackAdvisorElement };
export type { StackAdvisorErrorDetail, StackAdvisorEventMap } from './element.js';
export default StackAdvisorElement;
