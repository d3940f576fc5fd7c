// The iframe mode's matrix (embed.html): inline in the URL's hash, compressed,
// or fetched from `src` and refused unless its bytes have the SHA-384 the URL
// gives. Never an unchecked file: on a shared CDN, the embed's own origin
// serves anyone's package. Each failure is an Error in plain words.

import { MAX_MATRIX_BYTES } from './matrix-source.js';

/** An author-facing problem with the frame's matrix. */
function problem(message) {
  return Object.assign(new Error(message), { embed: true });
}

/** base64url text → bytes. */
function fromBase64Url(text) {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Reads a stream of bytes as UTF-8 text, refused past `limit` bytes (a small URL can inflate to gigabytes). */
async function readCapped(stream, limit, what) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw problem(`${what} is more than ${limit} bytes, the largest matrix the widget reads`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
}

function parse(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw problem(`${what} is not valid JSON (${error.message})`);
  }
}

/**
 * The matrix in `#matrix=`: base64url of the JSON compressed with raw
 * deflate (what `CompressionStream('deflate-raw')` and zlib's deflateRaw make).
 *
 * @param {string} text the base64url text (checked by readConfig)
 * @returns {Promise<object>}
 */
export async function inflateMatrix(text) {
  const what = 'matrix: #matrix=';
  let bytes;
  try {
    bytes = fromBase64Url(text);
  } catch {
    throw problem(`${what} is not base64url text`);
  }
  if (typeof DecompressionStream !== 'function') throw problem(`${what} needs a browser that can decompress (DecompressionStream); give src= with sha384= instead`);
  let json;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    json = await readCapped(stream, MAX_MATRIX_BYTES, `${what} uncompressed`);
  } catch (error) {
    if (error.embed) throw error;
    throw problem(`${what} is not deflate-raw compressed UTF-8 text (${error.message}); make it with the command in docs/embedding.md`);
  }
  return parse(json, what);
}

/**
 * The matrix at `src`, fetched with Subresource Integrity: the browser
 * refuses bytes whose SHA-384 is not `integrity`. The frame is often
 * sandboxed (an opaque origin), so the request is a CORS one: the file's
 * server must send `Access-Control-Allow-Origin`.
 *
 * @param {string} src an absolute http(s) URL (checked by readConfig)
 * @param {string} integrity "sha384-<base64>"
 * @returns {Promise<object>}
 */
export async function fetchCheckedMatrix(src, integrity) {
  const what = `src (${src.length > 100 ? `${src.slice(0, 100)}…` : src})`;
  let response;
  try {
    response = await fetch(src, { integrity, mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', headers: { accept: 'application/json' } });
  } catch {
    throw await whyNot(src, what, integrity);
  }
  if (!response.ok) throw problem(`${what}: the server answered HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_MATRIX_BYTES) throw problem(`${what} is ${declared} bytes, more than the ${MAX_MATRIX_BYTES} the widget reads`);
  const text = await readCapped(response.body, MAX_MATRIX_BYTES, what);
  return parse(text, what);
}

/**
 * Why the checked fetch failed: browsers say "Failed to fetch" for a refused
 * hash and an unreachable file alike, so the file is asked for once more
 * without the check (its bytes are only hashed, never used).
 */
async function whyNot(src, what, integrity) {
  let response = null;
  try {
    response = await fetch(src, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
  } catch {
    response = null;
  }
  if (!response?.ok) {
    return problem(`${what} could not be fetched (${response ? `HTTP ${response.status}` : 'offline, or its server does not send Access-Control-Allow-Origin'})`);
  }
  let actual = '';
  try {
    const digest = await globalThis.crypto.subtle.digest('SHA-384', await response.arrayBuffer());
    actual = `; the file's is ${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
  } catch {
    actual = '';
  }
  return problem(`${what} was refused: its SHA-384 is not the sha384= in the URL (${integrity.slice(7)})${actual}. Was the file changed?`);
}
