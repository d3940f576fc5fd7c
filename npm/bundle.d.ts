// Types of `stack-advisor/bundle` (dist/stack-advisor.js in the package): the
// one-tag build, one ES module with the .wasm inlined, for a <script> tag or a
// CDN. Importing it registers <stack-advisor>; `init()` needs no argument (it
// fetches stack-advisor-mcda.wasm, next to the bundle, for `rank` and `ahpWeights`).
import '../define.js';

export type * from '../index.js';
export { init, loadEngine, loadMcda, recommend, validateMatrix, defaultMatrix, rank, ahpWeights } from '../index.js';
