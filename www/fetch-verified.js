// Fetching the files the one-tag embed brings in after its loader, each checked
// against the SHA-384 the build wrote into the (itself checked) code that asks
// for it. The browser does the checking: `fetch(url, {integrity})` refuses a
// response whose bytes differ, in every browser, on http pages too.

/** How an author fixes each failure (the error's `hint`). */
const HINTS = {
  integrity: 'serve stack-advisor.js and the files next to it from one and the same build (dist/FILES lists them)',
  fetch: 'serve the files next to stack-advisor.js (dist/FILES), with Access-Control-Allow-Origin when the page is on another origin',
};

/** An Error with a `code` ('integrity': the file differs; 'fetch': not reachable) and a `hint`. */
function coded(message, code, cause) {
  return Object.assign(new Error(message, { cause }), { code, hint: HINTS[code] });
}

/**
 * Why fetching `url` failed. Browsers report a refused integrity check and a
 * network failure alike ("Failed to fetch"), so the file is asked for once
 * more without the check: if it arrives, it is not the file the build made.
 */
export async function fetchFailure(url, cause) {
  let arrives = false;
  try {
    arrives = (await fetch(url, { cache: 'no-store' })).ok;
  } catch {
    arrives = false;
  }
  return arrives
    ? coded(`${url} is not the file this build was made with (its SHA-384 differs), so it was refused`, 'integrity', cause)
    : coded(`${url} could not be fetched (offline, or blocked)`, 'fetch', cause);
}

/** Fetches `url`, refused unless its bytes have the SHA-384 `integrity` ("sha384-…"). */
export async function fetchVerified(url, integrity) {
  let response;
  try {
    response = await fetch(url, { integrity });
  } catch (cause) {
    throw await fetchFailure(url, cause);
  }
  if (!response.ok) throw coded(`${url} answered HTTP ${response.status}`, 'fetch');
  return response;
}

/**
 * Fetches and compiles a `.wasm` checked against `integrity`: compiled while
 * it streams in where the server labels it `application/wasm` (as
 * `compileStreaming` requires), from its bytes otherwise.
 */
export async function compileVerified(url, integrity) {
  const response = await fetchVerified(url, integrity);
  const wasmType = /^application\/wasm\b/i.test(response.headers.get('content-type') || '');
  if (wasmType && typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
