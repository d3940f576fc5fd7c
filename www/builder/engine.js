// The engine API the builder uses. On the site this is the page's own
// one-tag loader (`./stack-advisor.js`, scripts/builder.mjs keeps it out of
// the builder's bundle): it also defines the preview's <stack-advisor>. In
// the offline page the whole advisor is bundled in, the WebAssembly inline.
export { init, validateMatrix, ahpWeights, defaultMatrix } from '../stack-advisor.js';
