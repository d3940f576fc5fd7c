// The `stack-advisor` entry in Node.js (the `node` condition of the exports
// map): the same API as ./index.js, but `init()` with no argument reads the
// .wasm from this package's directory instead of fetching a URL (Node's fetch
// does not read file: URLs). The same goes for a file: URL passed to init().
//
//   import { init, recommend } from 'stack-advisor';
//   await init();
//   recommend({ project: 'realtime' }).verdict; // "node"
import { readFile } from 'node:fs/promises';
import { loadEngine, loadMcda, isEngineLoaded, isMcdaLoaded } from './loader.js';

export { loadEngine, loadMcda, isEngineLoaded, isMcdaLoaded };
export { recommend, validateMatrix, defaultMatrix, rank, ahpWeights } from './engine.js';

const PACKAGED_WASM = new URL('./stack_advisor_bg.wasm', import.meta.url);
const PACKAGED_MCDA_WASM = new URL('./stack_advisor_mcda_bg.wasm', import.meta.url);

/**
 * Loads the engine and its MCDA extension (`rank`, `ahpWeights`), once. With
 * no arguments, from the `.wasm` files shipped in this package; a `file:` URL
 * (URL object or string) is read from disk; anything else (bytes, a Response,
 * a WebAssembly.Module, an http(s) URL) is handed to the browser loader as is.
 * Resolves to the engine API.
 *
 * @param {URL | string | Response | BufferSource | WebAssembly.Module | Promise<any>} [source] the engine's `.wasm`
 * @param {URL | string | Response | BufferSource | WebAssembly.Module | Promise<any>} [mcdaSource] the extension's `.wasm`
 */
export function init(source, mcdaSource) {
  return loadEngine(fromDisk(source, PACKAGED_WASM, isEngineLoaded())).then(() =>
    loadMcda(fromDisk(mcdaSource, PACKAGED_MCDA_WASM, isMcdaLoaded())),
  );
}

/** `source` (or the packaged file), read from disk if it is a file: URL. */
function fromDisk(source, packaged, loaded) {
  // The loader memoises the first successful load and ignores later sources,
  // so do not read the file again once the module is up.
  if (loaded) return undefined;
  const file = fileUrl(source === undefined ? packaged : source);
  if (!file) return source;
  const bytes = readFile(file);
  // A concurrent first call may already be loading (the loader then ignores
  // these bytes): never leave the read's failure unhandled.
  bytes.catch(() => {});
  return bytes;
}

function fileUrl(source) {
  if (source instanceof URL) return source.protocol === 'file:' ? source : null;
  if (typeof source === 'string' && source.startsWith('file:')) return new URL(source);
  return null;
}
