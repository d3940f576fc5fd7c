// Types of `stack-advisor/bundle` (dist/stack-advisor.js in the package): the
// one-tag loader, for a <script> tag or a CDN. Importing it registers
// <stack-advisor> once a widget comes near the screen (or `loading="eager"`);
// `init()` needs no argument: it loads the engine chunk, its .wasm and the
// MCDA extension from next to the loader. The engine functions work once
// `init()` (or `loadEngine()`) has resolved.
import '../define.js';

export type * from '../index.js';
export { init, loadEngine, loadMcda, recommend, validateMatrix, defaultMatrix, rank, ahpWeights } from '../index.js';
