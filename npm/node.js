// The `stack-advisor` entry in Node.js (the `node` condition of the exports
// map): the same API as ./index.js, but `init()` with no argument reads the
// .wasm from this package's directory instead of fetching a URL (Node's fetch
// does not read file: URLs). The same goes for a file: URL passed to init().
//
//   import { init, recommend } from 'stack-advisor';
//   await init();
//   recommend({ project: 'realtime' }).verdict; // "node"
import { readFile } from 'node:fs/promises';
import { loadEngine, isEngineLoaded } from './loader.js';

export { loadEngine, isEngineLoaded };
export { recommend, validateMatrix, defaultMatrix, rank, ahpWeights } from './engine.js';

const PACKAGED_WASM = new URL('./stack_advisor_bg.wasm', import.meta.url);

/**
 * Loads the engine (once). With no argument, from the `.wasm` shipped in this
 * package; a `file:` URL (URL object or string) is read from disk; anything
 * else (bytes, a Response, a WebAssembly.Module, an http(s) URL) is handed to
 * the browser loader as is. Resolves to the engine API.
 *
 * @param {URL | string | Response | BufferSource | WebAssembly.Module | Promise<any>} [source]
 */
export function init(source) {
  // The loader memoises the first successful load and ignores later sources,
  // so do not read the file again once the engine is up.
  if (isEngineLoaded()) return loadEngine();
  const file = fileUrl(source === undefined ? PACKAGED_WASM : source);
  if (!file) return loadEngine(source);
  const bytes = readFile(file);
  // A concurrent first call may already be loading (the loader then ignores
  // these bytes): never leave the read's failure unhandled.
  bytes.catch(() => {});
  return loadEngine(bytes);
}

function fileUrl(source) {
  if (source instanceof URL) return source.protocol === 'file:' ? source : null;
  if (typeof source === 'string' && source.startsWith('file:')) return new URL(source);
  return null;
}
