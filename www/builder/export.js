// What the builder exports, each made safe for where it lands:
//
//   the JSON file                       the matrix as edited, pretty-printed
//   the embed snippet                   the loader's <script> tag (with its integrity hash) and
//                                       <stack-advisor> with the matrix in a child
//                                       <script type="application/json"> (or `src`)
//   the iframe snippet                  embed.html with the matrix in the URL's hash
//   the WordPress shortcode             [stack_advisor src='…' answers='…' theme='…']
//
// Inside a <script> element, `</script` would end it and `<!--` can change how
// the rest is read: they are written `<\/script` (JSON's own `\/` escape) and
// `\u003c!--` (JSON's escape for `<`; `<\!--` would not be valid JSON). In a
// shortcode attribute, `'`, `[`, `]`, `"` and `&` become HTML entities, which
// the plugin decodes. In an HTML attribute, `&`, `"`, `<` and `>` do.
//
// The iframe URL is the embed page's documented format (www/embed-config.js of
// the iframe mode): `embed.html?theme=…&lang=…&compact=1&methods=…` and
// `#matrix=<base64url of the deflate-raw'd JSON>&sa=<answers>`, at most
// MAX_INLINE_MATRIX_CHARS inline. Kept in this one module so it can follow
// that format.

import { encodeState } from '../format/hash.js';

/** Longest inline matrix in an iframe URL's `#matrix=`, in characters (the embed page's limit). */
export const MAX_INLINE_MATRIX_CHARS = 32000;

/** The JSON file's text. */
export function matrixJson(doc) {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** JSON text made safe inside a <script> element (and still the same JSON). */
export function scriptSafe(json) {
  // (`<` followed by `!--`, written so that this file has no `<!--` itself: it is inlined in a page.)
  return json.replace(/<\/(script)/gi, '<\\/$1').replace(/<(?=!--)/g, '\\u003c');
}

/** Text for a double-quoted HTML attribute. */
export function attr(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a single-quoted WordPress shortcode attribute (the plugin decodes the entities). */
export function shortcodeAttr(text) {
  return String(text).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');
}

/** The answers as JSON, or '' for none. */
function answersJson(answers) {
  return answers && Object.keys(answers).length ? JSON.stringify(answers) : '';
}

/**
 * The embed snippet: `loaderTag` (the <script> tag of dist/snippet.html), then
 * the element with the matrix inline, or with `src` when `src` is given.
 *
 * @param {object} doc the matrix
 * @param {{loaderTag: string, src?: string, answers?: object, theme?: string}} options
 */
export function embedSnippet(doc, { loaderTag, src = '', answers, theme = 'auto' }) {
  const attrs = [src ? ` src="${attr(src)}"` : '', theme && theme !== 'auto' ? ` theme="${attr(theme)}"` : '', answersJson(answers) ? ` answers="${attr(answersJson(answers))}"` : ''].join('');
  const body = src ? '' : `\n  <script type="application/json">\n${scriptSafe(JSON.stringify(doc, null, 2))}\n  </script>\n`;
  return `${loaderTag}\n<stack-advisor${attrs}>${body}</stack-advisor>\n`;
}

/** Bytes → base64url without padding. */
function base64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The matrix as `#matrix=`'s value: base64url of the deflate-raw'd compact JSON. */
export async function inlineMatrix(doc) {
  const stream = new Blob([JSON.stringify(doc)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return base64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The SHA-384 of `text`'s UTF-8 bytes, in base64 (what the embed page's `sha384=` holds). */
export async function sha384(text) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

/**
 * The iframe snippet: `embed.html` at `base` (a folder URL ending in "/"),
 * the matrix inline in the hash (or, when it is too long inline and `src` is
 * given, `src=` with the SHA-384 of the exported JSON file, which the embed
 * page requires: host exactly that file), the answers as `sa=`, and the host
 * script that sizes the frame.
 *
 * @returns {Promise<{html: string, inline: boolean}>}
 */
export async function iframeSnippet(doc, { base, src = '', answers, theme = 'auto', lang = '' }) {
  const query = new URLSearchParams();
  if (theme && theme !== 'auto') query.set('theme', theme);
  if (lang) query.set('lang', lang);
  const packed = await inlineMatrix(doc);
  const inline = packed.length <= MAX_INLINE_MATRIX_CHARS || !src;
  if (!inline) {
    query.set('src', src);
    query.set('sha384', await sha384(matrixJson(doc)));
  }
  const hash = [inline ? `matrix=${packed}` : '', answersJson(answers) ? `sa=${encodeState(answers)}` : ''].filter(Boolean).join('&');
  const url = `${base}embed.html${query.size ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
  const title = typeof doc.title === 'string' && doc.title ? doc.title : 'stack-advisor';
  const html = `<iframe data-stack-advisor src="${attr(url)}" title="${attr(title)}" width="100%" height="750" style="border:0"></iframe>\n<script src="${attr(`${base}stack-advisor-frame.js`)}" async></script>\n`;
  return { html, inline };
}

/** The WordPress shortcode for the matrix at `src`. */
export function shortcode({ src, answers, theme = 'auto' }) {
  const parts = [`src='${shortcodeAttr(src)}'`];
  if (answersJson(answers)) parts.push(`answers='${shortcodeAttr(answersJson(answers))}'`);
  if (theme && theme !== 'auto') parts.push(`theme='${shortcodeAttr(theme)}'`);
  return `[stack_advisor ${parts.join(' ')}]\n`;
}
