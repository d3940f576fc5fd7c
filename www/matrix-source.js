// Where <stack-advisor> takes an author's matrix from: the `matrix` property,
// a child <script type="application/json">, or the `src` attribute.
//
// `src` is the only network request the widget ever makes, and only when the
// page's author sets it: one GET to a same-origin URL, without following
// redirects to another origin. Every way it can fail (another origin, a
// network error, a 404, an HTML error page, broken JSON, a file over the
// limit) becomes an Error whose `issues` list says where, what and how to fix
// it, so the widget can show it like any other matrix problem.

/** Largest matrix document, in bytes: the engine's own limit. */
export const MAX_MATRIX_BYTES = 256 * 1024;

/** An author-facing problem with where the matrix came from. */
export class MatrixSourceError extends Error {
  constructor(path, message, hint) {
    super(`${path}: ${message}`);
    this.name = 'MatrixSourceError';
    this.path = path;
    this.hint = hint;
    this.issues = [{ path, message, hint }];
  }
}

/**
 * `src` resolved against the page, if it is on the page's own origin.
 *
 * @param {string} src
 * @param {string} [base] the page's base URL
 * @param {string} [origin] the page's origin
 * @returns {URL}
 * @throws {MatrixSourceError} for another origin or an unusable URL
 */
export function sameOriginUrl(src, base = globalThis.document?.baseURI, origin = globalThis.location?.origin) {
  let url;
  try {
    url = new URL(String(src ?? ''), base);
  } catch {
    throw new MatrixSourceError('src', `"${String(src).slice(0, 200)}" is not a URL`, 'give the path of a .json file on this site, e.g. src="/matrices/databases.json"');
  }
  if (!/^https?:$/.test(url.protocol) || url.origin === 'null' || url.origin !== origin) {
    throw new MatrixSourceError(
      'src',
      `${url.origin === 'null' ? url.protocol : url.origin} is not this page's origin (${origin}); the widget only loads a matrix from its own site`,
      'copy the .json file onto this site, or inline it as a child <script type="application/json">',
    );
  }
  return url;
}

/**
 * Loads and parses the matrix at `src` (same origin only).
 *
 * @param {string} src
 * @param {{fetch?: typeof fetch, base?: string, origin?: string, signal?: AbortSignal}} [options]
 * @returns {Promise<object>} the parsed JSON (the engine validates it)
 * @throws {MatrixSourceError}
 */
export async function fetchMatrix(src, options = {}) {
  const { fetch = globalThis.fetch, base, origin, signal } = options;
  const url = sameOriginUrl(src, base ?? globalThis.document?.baseURI, origin ?? globalThis.location?.origin);
  const at = `src (${url.pathname})`;
  let response;
  try {
    response = await fetch(url.href, {
      method: 'GET',
      mode: 'same-origin', // a redirect to another origin fails instead of being followed
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      signal,
    });
  } catch (error) {
    throw new MatrixSourceError(at, `the request failed (${error?.message || error})`, 'check the address, and that the file is served from this site');
  }
  if (!response.ok) {
    throw new MatrixSourceError(
      at,
      `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      response.status === 404 ? 'check the path: no file is served at this address' : 'check the server log for this address',
    );
  }
  const type = response.headers.get('content-type') || '';
  const htmlHint = 'point src at the .json file itself (a missing file often comes back as an HTML page)';
  if (/html/i.test(type)) {
    throw new MatrixSourceError(at, `the server sent an HTML page (${type.split(';')[0]}), not JSON`, htmlHint);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_MATRIX_BYTES) {
    throw new MatrixSourceError(at, `the file is ${declared} bytes, more than the limit of ${MAX_MATRIX_BYTES}`, 'split the matrix or shorten its texts');
  }
  const text = await response.text();
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_MATRIX_BYTES) {
    throw new MatrixSourceError(at, `the file is ${bytes} bytes, more than the limit of ${MAX_MATRIX_BYTES}`, 'split the matrix or shorten its texts');
  }
  if (/^\s*</.test(text)) {
    throw new MatrixSourceError(at, 'the server sent markup (it starts with "<"), not JSON', htmlHint);
  }
  return parseJson(text, at, 'check the file with a JSON validator: a trailing comma or a missing quote is the usual cause');
}

/**
 * The author's matrix for `element`: the `matrix` property, then a child
 * `<script type="application/json">`, then the `src` attribute; `null` when
 * there is none (the built-in matrix).
 *
 * @param {Element} element
 * @param {object | string | null} property the element's `matrix` property
 * @param {{fetch?: typeof fetch}} [options]
 * @returns {Promise<object | null>}
 */
export async function readAuthorMatrix(element, property, options = {}) {
  if (property) {
    return typeof property === 'string'
      ? parseJson(property, 'matrix (property)', 'pass an object, or a string of valid JSON')
      : property;
  }
  const script = element.querySelector(':scope > script[type="application/json"]');
  if (script) {
    return parseJson(
      script.textContent,
      'script (child <script type="application/json">)',
      'check the JSON; write <\\/script> for a </script> inside it',
    );
  }
  const src = element.getAttribute('src');
  if (src != null && src.trim() !== '') return fetchMatrix(src.trim(), options);
  return null;
}

function parseJson(text, at, hint) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MatrixSourceError(at, `not valid JSON (${error.message})`, hint);
  }
}
