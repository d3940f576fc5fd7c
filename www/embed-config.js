// The iframe mode's settings (embed.html): what the frame's URL asks for,
// checked. No DOM and no globals, so that Node can test it.
//
//   embed.html?theme=dark&lang=de&compact=1&methods=wsm+topsis&events=1
//             &src=https://example.com/m.json&sha384=<base64 of the file's SHA-384>
//             #matrix=<base64url of the deflate-raw'd JSON>&sa=<answers>&?secret=<WordPress's>
//
// Every value is untrusted (anyone can link to the page with any URL): a bad
// one becomes a problem in plain words, quoted as text, never markup.

/** Longest query value read, in characters; a longer one is refused. */
export const MAX_PARAM_CHARS = 2048;
/** Longest inline matrix (`#matrix=`, base64url of the deflate-raw'd JSON), in characters. */
export const MAX_INLINE_MATRIX_CHARS = 32000;

const THEMES = ['auto', 'light', 'dark'];
const METHODS = ['wsm', 'topsis'];
const YES = ['', '1', 'true', 'yes', 'on'];
const NO = ['0', 'false', 'no', 'off'];
// BCP 47-ish: "en", "de-CH", "pt-BR", "zh-Hant-TW".
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;
// WordPress sends ten letters and digits; its listener drops anything else.
const SECRET = /^[A-Za-z0-9]{1,64}$/;

/** A value as the reader may see it: quoted, escapes shown, cut to 60 characters. */
export function quote(value) {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * The hash with WordPress's `#?secret=…` made one `&`-separated part like the
 * others: WordPress appends "#?secret=XXXX" to the frame's URL, also to one
 * that already has a hash ("#sa=…#?secret=…"), and the answers must still
 * read. Returns the hash with its "#", or "" for none.
 */
export function normalizeHash(hash) {
  const body = String(hash || '').replace(/^#/, '').replaceAll('#', '&');
  const parts = body.split('&').filter(Boolean);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** The value of `key=` among a normalised hash's parts, or null. */
function hashPart(hash, key) {
  for (const part of String(hash).replace(/^#/, '').split('&')) {
    if (part.startsWith(`${key}=`)) return part.slice(key.length + 1);
  }
  return null;
}

/** The SHA-384 in `sha384=` as Subresource Integrity ("sha384-<base64>"), or null when unusable. */
export function integrityOf(text) {
  let value = String(text).replace(/^sha384-/i, '');
  if (/^[0-9a-f]{96}$/i.test(value)) {
    // hex, as sha384sum prints it
    value = btoa(String.fromCharCode(...value.match(/../g).map((pair) => parseInt(pair, 16))));
  } else {
    // A "+" in an unencoded query reads as a space; base64url is accepted too.
    value = value.replaceAll(' ', '+').replaceAll('-', '+').replaceAll('_', '/').replace(/=+$/, '');
    if (!/^[A-Za-z0-9+/]{64}$/.test(value)) return null;
  }
  return `sha384-${value}`;
}

/**
 * Reads the frame's settings from its URL's query (`search`) and hash.
 *
 * @param {string} search e.g. "?theme=dark"
 * @param {string} hash the normalised hash (normalizeHash)
 * @returns {{attributes: Record<string, string>, events: boolean, secret: string | null,
 *   matrix: null | {inline: string} | {src: string, integrity: string},
 *   problems: string[], fatal: string[]}} `attributes` for the element;
 *   `problems` are reported and their setting ignored; `fatal` (the matrix) stops the widget
 */
export function readConfig(search, hash) {
  const query = new URLSearchParams(String(search || ''));
  const problems = [];
  const fatal = [];
  const attributes = {};
  const get = (name) => {
    const value = query.get(name);
    if (value != null && value.length > MAX_PARAM_CHARS) {
      (name === 'src' || name === 'sha384' ? fatal : problems).push(`${name}: the value is ${value.length} characters long, more than the ${MAX_PARAM_CHARS} allowed`);
      return null;
    }
    return value;
  };

  const theme = get('theme');
  if (theme != null) {
    if (THEMES.includes(theme)) attributes.theme = theme;
    else problems.push(`theme: ${quote(theme)} is not one of ${THEMES.join(', ')}; the default (auto) is used`);
  }
  const lang = get('lang');
  if (lang != null) {
    if (LANG.test(lang)) attributes.lang = lang;
    else problems.push(`lang: ${quote(lang)} is not a language code such as en or de; the page's language (en) is used`);
  }
  const flag = (name, what) => {
    const value = get(name);
    if (value == null) return false;
    if (YES.includes(value.toLowerCase())) return true;
    if (!NO.includes(value.toLowerCase())) problems.push(`${name}: ${quote(value)} is not 1 or 0; ${what}`);
    return false;
  };
  if (flag('compact', 'the full layout is used')) attributes.compact = '';
  const events = flag('events', 'no events are sent to the page');
  const methods = get('methods');
  if (methods != null) {
    const names = methods.split(/[\s,]+/).filter(Boolean);
    const unknown = names.filter((name) => !METHODS.includes(name));
    if (unknown.length || !names.length) problems.push(`methods: ${quote(methods)} is not a list of ${METHODS.join(', ')}; the weighted sum (wsm) alone is used`);
    else attributes.methods = [...new Set(names)].join(' ');
  }

  let secret = hashPart(hash, '?secret');
  if (secret != null && !SECRET.test(secret)) {
    problems.push(`secret: ${quote(secret)} is not letters and digits; the frame's height is not sent to WordPress`);
    secret = null;
  }

  const matrix = readMatrixSetting(get('src'), get('sha384'), hashPart(hash, 'matrix'), fatal);
  return { attributes, events, secret, matrix, problems, fatal };
}

/** Which matrix the URL asks for: `#matrix=` inline, or `src` with its `sha384`; never `src` alone. */
function readMatrixSetting(src, sha384, inline, fatal) {
  if (inline != null && src != null) {
    fatal.push('matrix: the URL has both #matrix= and src=; give one of them');
    return null;
  }
  if (inline != null) {
    if (inline.length > MAX_INLINE_MATRIX_CHARS) {
      fatal.push(`matrix: #matrix= is ${inline.length} characters long, more than the ${MAX_INLINE_MATRIX_CHARS} allowed; host the file and give src= with sha384= instead`);
    } else if (!/^[A-Za-z0-9_-]+$/.test(inline)) {
      fatal.push('matrix: #matrix= is not base64url text (letters, digits, "-" and "_"); make it with the command in docs/embedding.md');
    } else {
      return { inline };
    }
    return null;
  }
  if (src == null) {
    if (sha384 != null) fatal.push('sha384: there is a sha384= but no src= to check with it');
    return null;
  }
  let url;
  try {
    url = new URL(src);
  } catch {
    fatal.push(`src: ${quote(src)} is not an absolute URL (https://…)`);
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fatal.push(`src: ${quote(src)} is not an http(s) URL; only a .json file on the web can be loaded`);
    return null;
  }
  if (sha384 == null) {
    fatal.push(`src: ${quote(src)} comes without sha384=; the frame loads a matrix only when the URL also carries its SHA-384 (docs/embedding.md)`);
    return null;
  }
  const integrity = integrityOf(sha384);
  if (!integrity) {
    fatal.push(`sha384: ${quote(sha384)} is not a SHA-384 (64 base64 characters, or 96 hex digits)`);
    return null;
  }
  return { src: url.href, integrity };
}
