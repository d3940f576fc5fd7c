// The iframe mode's oEmbed: a static JSON (embed.oembed.json) beside
// embed.html, and the <link rel="alternate" type="application/json+oembed">
// in embed.html that lets WordPress, Notion, Iframely… find it when an author
// pastes the page's URL. oEmbed wants absolute URLs, and the site's public
// address is not known when it is built:
//
//   node scripts/oembed.mjs [--base-url URL] [--site DIR]
//
// URL: the address dist/site/ is served at (default $SITE_URL, else
// http://127.0.0.1:8080/, the address of `make demo`); DIR: the built site
// (default dist/site). `make build` runs it; run it again on the copy you
// publish (it rewrites both files in place). A static provider cannot vary
// by `maxwidth`/`maxheight`: the frame is 500 × 750, which fits WordPress's
// default request (docs/embedding.md).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The frame's size in the oEmbed answer: WordPress asks for at most 500 × 750 by default. */
export const WIDTH = 500;
export const HEIGHT = 750;
export const JSON_FILE = 'embed.oembed.json';
export const PAGE = 'embed.html';
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080/';

const LINK = /<link rel="alternate" type="application\/json\+oembed"[^>]*>|<!--OEMBED-->/;

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `text` as an absolute http(s) base URL ending in "/", or an Error. */
export function baseUrl(text) {
  let url;
  try {
    url = new URL(String(text));
  } catch {
    throw new Error(`the base URL "${text}" is not an absolute URL (e.g. https://example.com/advisor/)`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`the base URL "${text}" is not http(s)`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The oEmbed answer for the frame at `base` + embed.html. */
export function oembedJson(base, title) {
  const page = new URL(PAGE, base).href;
  const html = `<blockquote><a href="${escapeHtml(page)}">${escapeHtml(title)}</a></blockquote>`
    + `<iframe data-stack-advisor src="${escapeHtml(page)}" title="${escapeHtml(title)}" width="${WIDTH}" height="${HEIGHT}" loading="lazy" frameborder="0" style="border:0;max-width:100%"></iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'stack-advisor',
    provider_url: base,
    width: WIDTH,
    height: HEIGHT,
    html,
  };
}

/**
 * Writes `site`/embed.oembed.json for `base`, and points embed.html's
 * discovery link at it. Returns the two URLs.
 */
export function writeOembed(site, base, title) {
  const pageFile = join(site, PAGE);
  if (!existsSync(pageFile)) throw new Error(`${pageFile} not found: run \`make build\` first`);
  const page = readFileSync(pageFile, 'utf8');
  if (!LINK.test(page)) throw new Error(`${pageFile} has neither the <!--OEMBED--> marker nor an oEmbed <link>`);
  const json = new URL(JSON_FILE, base).href;
  const link = `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(json)}" title="${escapeHtml(title)}">`;
  writeFileSync(pageFile, page.replace(LINK, () => link));
  writeFileSync(join(site, JSON_FILE), `${JSON.stringify(oembedJson(base, title), null, 2)}\n`);
  return { page: new URL(PAGE, base).href, json };
}

/** The frame's title: the default matrix's. */
export function defaultTitle() {
  return JSON.parse(readFileSync(join(root, 'data', 'node-vs-python.json'), 'utf8')).title;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let base = process.env.SITE_URL || DEFAULT_BASE_URL;
  let site = join(root, 'dist', 'site');
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i];
    if (flag === '--base-url') base = value();
    else if (flag === '--site') site = resolve(value());
    else {
      console.error(`[oembed] unknown argument "${args[i]}"\nusage: node scripts/oembed.mjs [--base-url URL] [--site DIR]`);
      process.exit(2);
    }
  }
  try {
    const urls = writeOembed(site, baseUrl(base), defaultTitle());
    console.log(`[oembed] ${urls.json} (the page to paste: ${urls.page})`);
  } catch (error) {
    console.error(`[oembed] error: ${error.message}`);
    process.exit(1);
  }
}
