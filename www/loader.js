// Initialises the WebAssembly engine once per page.
//
// Two modules (see Cargo.toml's features): the engine (`recommend`,
// `validateMatrix`), which every widget needs, and the MCDA extension (`rank`,
// `ahpWeights`), which only TOPSIS, calibration and those two functions need;
// the one-tag bundle inlines the first and fetches the second on first use.
//
// Every caller (each <stack-advisor> on the page, or an app calling the engine
// API) shares one promise per module. When initialisation fails, the promise
// rejects with an Error that says so plainly, and the next call starts a fresh
// attempt (a flaky network or a blocked request should not break the page for good).
import initWasm from './stack_advisor.js';
import wasmSource from './wasm-source.js';
import mcdaWasmSource from './mcda-wasm-source.js';
import { mcdaGlue } from './parts.js';
import * as engine from './engine.js';
import { core, isEngineLoaded, isMcdaLoaded, mcda } from './load-state.js';

export { isEngineLoaded, isMcdaLoaded };

/**
 * Loads and instantiates the engine (once), then resolves to the engine API:
 * `{ recommend, validateMatrix, defaultMatrix, rank, ahpWeights }`, all synchronous from then on.
 *
 * @param {URL | string | Response | BufferSource | WebAssembly.Module} [source]
 *   where to take the `.wasm` from; by default the build's own (inlined in the
 *   one-tag bundle, next to this file otherwise). Only the first call's source
 *   is used.
 * @returns {Promise<typeof engine>}
 */
export function loadEngine(source) {
  return load(core, 'the WebAssembly engine', () => instantiate(initWasm, source, wasmSource));
}

/**
 * Loads the engine, then its MCDA extension: everything the engine API needs.
 * Resolves to the engine API.
 *
 * @param {URL | string | Response | BufferSource | WebAssembly.Module} [source] the engine's `.wasm`
 * @param {URL | string | Response | BufferSource | WebAssembly.Module} [mcdaSource] the extension's `.wasm`
 * @returns {Promise<typeof engine>}
 */
export function init(source, mcdaSource) {
  return loadEngine(source).then(() => loadMcda(mcdaSource));
}

/**
 * Loads the MCDA extension (`rank`, `ahpWeights`) once, after the engine.
 *
 * @param {URL | string | Response | BufferSource | WebAssembly.Module} [source]
 *   where to take its `.wasm` from; by default next to this file (the one-tag
 *   bundle: next to the bundle, checked against the hash built into it).
 * @returns {Promise<typeof engine>}
 */
export function loadMcda(source) {
  return load(mcda, "the engine's MCDA extension", async () => {
    await loadEngine();
    const glue = await mcdaGlue();
    await instantiate(glue.default, source, mcdaWasmSource);
    mcda.glue = glue;
  });
}

function load(slot, what, start) {
  if (!slot.pending) {
    slot.pending = start().then(
      () => {
        slot.ready = true;
        return engine;
      },
      (cause) => {
        slot.pending = null;
        const reason = cause && cause.message ? cause.message : String(cause);
        // A Content Security Policy without 'wasm-unsafe-eval' (Chromium and
        // Safari say "Content Security Policy" / "'unsafe-eval'", Firefox "CSP"):
        // say so and how to fix it, since the browser's own text suggests 'unsafe-eval'.
        const csp = /Content.Security|\bCSP\b|unsafe-eval|wasm-eval/i.test(reason);
        const hint = "add 'wasm-unsafe-eval' to script-src in the page's Content-Security-Policy";
        const error = new Error(
          `stack-advisor: ${what} could not be loaded (${csp ? `the page's Content Security Policy blocks WebAssembly; ${hint}. ` : ''}${reason})`,
          { cause },
        );
        if (csp) Object.assign(error, { code: 'csp', hint });
        // A browser that lacks what the engine needs (the wasm-source module
        // or instantiate() says so with this code): the widget tells the reader.
        else if (cause?.code === 'unsupported') error.code = 'unsupported';
        throw error;
      },
    );
  }
  return slot.pending;
}

async function instantiate(init, source, defaultSource) {
  if (typeof WebAssembly !== 'object') {
    throw Object.assign(new Error('this browser does not support WebAssembly'), { code: 'unsupported' });
  }
  const module_or_path = await (source === undefined ? defaultSource() : source);
  await init({ module_or_path });
}
