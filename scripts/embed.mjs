// Part of `make build` (after bundle.mjs and artefacts.mjs): the iframe mode.
//
//   dist/stack-advisor-embed.js   www/embed.js bundled: the frame page's script (settings
//                                 from the URL, the matrix, the height to the parent)
//   dist/stack-advisor-frame.js   www/frame-host.js minified: the host page's script that
//                                 sizes <iframe data-stack-advisor> frames
//   dist/embed.html               the frame page (www/embed.html), both scripts pinned by
//                                 their SHA-384; the npm package's copy (no oEmbed link)
//   dist/site/embed.html, the three files above, and embed.oembed.json
//                                 the site's copy, with its oEmbed discovery link for
//                                 $SITE_URL (scripts/oembed.mjs; default http://127.0.0.1:8080/)
//
// docs/embedding.md says how to use them and what a self-hoster's server sends.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { BROWSER_BUNDLE } from './esbuild-browser.mjs';
import { DEFAULT_BASE_URL, baseUrl, defaultTitle, writeOembed } from './oembed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const log = (message) => console.log(`[embed] ${message}`);
function fail(message) {
  console.error(`[embed] error: ${message}`);
  process.exit(1);
}

const LOADER = at('dist', 'stack-advisor.js');
const SITE = at('dist', 'site');
if (!existsSync(LOADER) || !existsSync(SITE)) fail('dist/stack-advisor.js or dist/site/ is missing: run scripts/bundle.mjs first (make build)');

let base;
try {
  base = baseUrl(process.env.SITE_URL || DEFAULT_BASE_URL);
} catch (error) {
  fail(`SITE_URL: ${error.message}`);
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

const FILES = [
  ['stack-advisor-embed.js', at('www', 'embed.js'), 'esm'],
  ['stack-advisor-frame.js', at('www', 'frame-host.js'), 'iife'],
];
for (const [file, entry, format] of FILES) {
  const result = await esbuild.build({ ...BROWSER_BUNDLE, entryPoints: [entry], outfile: at('dist', file), format });
  if (result.errors.length) process.exit(1);
}

const embedJs = readFileSync(at('dist', 'stack-advisor-embed.js'));
const frameJs = readFileSync(at('dist', 'stack-advisor-frame.js'));
const title = defaultTitle();
const page = readFileSync(at('www', 'embed.html'), 'utf8')
  .replace('{{TITLE}}', () => title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`))
  .replace('{{EMBED_INTEGRITY}}', () => sri(embedJs))
  .replace('{{LOADER_INTEGRITY}}', () => sri(readFileSync(LOADER)));
if (/\{\{[A-Z_]+\}\}/.test(page)) fail('www/embed.html has a {{PLACEHOLDER}} this script does not fill');
writeFileSync(at('dist', 'embed.html'), page);
for (const file of ['embed.html', 'stack-advisor-embed.js', 'stack-advisor-frame.js']) cpSync(at('dist', file), join(SITE, file));
let urls;
try {
  urls = writeOembed(SITE, base, title);
} catch (error) {
  fail(error.message);
}

const sized = (name, bytes) => `${name} ${bytes.length} B (${gzip(bytes)} B gzip)`;
log(`${sized('dist/embed.html', Buffer.from(page))}, ${sized('dist/stack-advisor-embed.js', embedJs)}, ${sized('dist/stack-advisor-frame.js', frameJs)}`);
log(`dist/site/${'embed.oembed.json'}: ${urls.json}; the URL to paste: ${urls.page}${process.env.SITE_URL ? '' : ' (set SITE_URL to the address the site is served at)'}`);
