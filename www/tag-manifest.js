// What the one-tag loader (tag.js) loads, and the SHA-384 it must have. The
// build (scripts/bundle.mjs) replaces this module with the real names and
// hashes; the values here are for reading the code, and load nothing.

/** The engine chunk's file, next to the loader. */
export const ENGINE_CHUNK = './stack-advisor-engine.js';
/** Its Subresource Integrity ("sha384-…"), checked before it runs. */
export const ENGINE_CHUNK_INTEGRITY = '';
/** The engine's `.wasm`, next to the loader, and its Subresource Integrity. */
export const ENGINE_WASM = './stack-advisor-engine.wasm';
export const ENGINE_WASM_INTEGRITY = '';
/** Everything the default widget loads after the loader, in KB (gzip), for the Data Saver button. */
export const ENGINE_KB = 0;
