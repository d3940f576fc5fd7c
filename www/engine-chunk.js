// The engine chunk of the one-tag embed (dist/stack-advisor-engine.js): the
// element, its styles, the default matrix and the engine API, which the loader
// (tag.js) imports once a widget is about to be seen. Unlike the eager entry
// (stack-advisor.js) it registers nothing on import: the loader first loads
// the engine's WebAssembly, then calls `define()`, so every widget on the
// page upgrades at once with a working engine. Its default matrix comes
// without the texts the first result does not show (loadMatrixTexts).

export { register as define } from './register.js';
export { init, loadEngine, loadMcda } from './loader.js';
export { recommend, validateMatrix, defaultMatrix, rank, ahpWeights, loadMatrixTexts } from './engine.js';
