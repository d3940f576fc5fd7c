// The `stack-advisor` entry (browsers and bundlers): the engine API, no DOM,
// no side effects. Call `await init()` once, then everything is synchronous.
//
//   import { init, recommend } from 'stack-advisor';
//   await init();
//   recommend({ project: 'realtime' }).verdict; // "node"
//
// Node.js resolves `stack-advisor` to ./node.js instead (the `node` condition
// of the exports map), which reads the .wasm from disk.
export { init, loadEngine, loadMcda, isEngineLoaded, isMcdaLoaded } from './loader.js';
export { recommend, validateMatrix, defaultMatrix, rank, ahpWeights } from './engine.js';
