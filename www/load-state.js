// Whether each WebAssembly module of the engine has been initialised on this
// page. loader.js sets the flags, engine.js reads them before every call; the
// flags live here so that neither of those two modules imports the other's
// callers (loader.js hands out engine.js's API).

/** The engine (`recommend`, `validateMatrix`) and the MCDA extension (`rank`, `ahpWeights`). */
export const core = { pending: null, ready: false };
/** `glue`: the extension's wasm-bindgen module, loaded with it (parts.js). */
export const mcda = { pending: null, ready: false, glue: null };

/** True once `loadEngine()` has succeeded on this page. */
export function isEngineLoaded() {
  return core.ready;
}

/** True once `loadMcda()` has succeeded on this page. */
export function isMcdaLoaded() {
  return mcda.ready;
}
