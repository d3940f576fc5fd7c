// Initialises the WebAssembly engine once per page.
//
// Every caller (each <stack-advisor> on the page, or an app calling the engine
// API) shares one promise. When initialisation fails, the promise rejects with
// an Error that says so plainly, and the next call starts a fresh attempt (a
// flaky network or a blocked request should not break the page for good).
import initWasm from './stack_advisor.js';
import wasmSource from './wasm-source.js';
import * as engine from './engine.js';

let pending = null;
let ready = false;

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
  if (!pending) {
    pending = instantiate(source).then(
      () => {
        ready = true;
        return engine;
      },
      (cause) => {
        pending = null;
        const reason = cause && cause.message ? cause.message : String(cause);
        // A Content Security Policy without 'wasm-unsafe-eval' (Chromium and
        // Safari say "Content Security Policy" / "'unsafe-eval'", Firefox "CSP"):
        // say so and how to fix it, since the browser's own text suggests 'unsafe-eval'.
        const csp = /Content.Security|\bCSP\b|unsafe-eval|wasm-eval/i.test(reason);
        const hint = "add 'wasm-unsafe-eval' to script-src in the page's Content-Security-Policy";
        const error = new Error(
          `stack-advisor: the WebAssembly engine could not be loaded (${csp ? `the page's Content Security Policy blocks WebAssembly; ${hint}. ` : ''}${reason})`,
          { cause },
        );
        if (csp) Object.assign(error, { code: 'csp', hint });
        throw error;
      },
    );
  }
  return pending;
}

/** True once `loadEngine()` has succeeded on this page. */
export function isEngineLoaded() {
  return ready;
}

async function instantiate(source) {
  if (typeof WebAssembly !== 'object') {
    throw new Error('this browser does not support WebAssembly');
  }
  const module_or_path = await (source === undefined ? wasmSource() : source);
  await initWasm({ module_or_path });
}
