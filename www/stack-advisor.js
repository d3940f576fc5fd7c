// Entry of the one-tag bundle (dist/stack-advisor.js): registers
// <stack-advisor> and exposes the engine for pages that want to script it.
//
//   <script type="module" src="stack-advisor.js"></script>
//   <stack-advisor></stack-advisor>
import './define.js';

export { init, loadEngine, loadMcda } from './loader.js';
export { recommend, validateMatrix, defaultMatrix, rank, ahpWeights } from './engine.js';
