// Part of `make build` (after bundle.mjs, before artefacts.mjs): the matrix
// builder (www/builder/, the page www/site/builder.html).
//
//   dist/gen/builder-manifest.js  the loader's <script> tag for the embed snippet: the CDN
//                                 URL of this version and the loader's SHA-384, as in
//                                 dist/snippet.html (artefacts.mjs writes that one)
//   dist/site/builder.js          the builder's own module for builder.html; the engine
//                                 comes from the page's ./stack-advisor.js (the loader),
//                                 so the widget's files are the same as every page's
//   dist/builder-offline.html     builder.html with the builder and the whole advisor
//                                 inline (WebAssembly too): one file that works from file://
//
// Nothing of the builder goes into the widget's own files: `make size` measures
// those unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BROWSER_BUNDLE, styleTemplates } from './esbuild-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const GEN = at('dist', 'gen');
const BUILDER = at('www', 'builder');
const PAGE = at('www', 'site', 'builder.html');

function fail(message) {
  console.error(`[builder] error: ${message}`);
  process.exit(1);
}

for (const file of ['stack-advisor.js', 'gen/wasm-source.js', 'gen/mcda-wasm-inline.js', 'gen/short-stack_advisor.js', 'gen/short-stack_advisor_mcda.js', 'gen/default-matrix.js']) {
  if (!existsSync(at('dist', file))) fail(`dist/${file} is missing: run scripts/bundle.mjs first (make build)`);
}

// 1. The loader's tag, as dist/snippet.html has it (tests/e2e/builder.spec.mjs compares them).
const version = readFileSync(at('Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)?.[1];
if (!version) fail('no [package] version in Cargo.toml');
const integrity = `sha384-${createHash('sha384').update(readFileSync(at('dist', 'stack-advisor.js'))).digest('base64')}`;
const loaderTag = `<script type="module" src="https://cdn.jsdelivr.net/npm/stack-advisor@${version}/dist/stack-advisor.js"
        integrity="${integrity}"
        crossorigin="anonymous"></script>`;
const MANIFEST = join(GEN, 'builder-manifest.js');
writeFileSync(MANIFEST, `export const LOADER_TAG = ${JSON.stringify(loaderTag)};\n`);

// 2. The two bundles. `modules` maps an import (by the importing file's
//    folder and the path it writes) to a file, or to `external`.
const redirect = (modules) => ({
  name: 'builder-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/[\w-]+\.js$/ }, (args) => {
      const target = modules[`${dirname(args.importer)}|${args.path}`];
      if (target === undefined) return undefined;
      return typeof target === 'string' ? { path: target } : target;
    });
  },
});
const bundle = (outfile, modules) => esbuild.build({
  ...BROWSER_BUNDLE,
  entryPoints: [join(BUILDER, 'main.js')],
  outfile,
  plugins: [redirect(modules), styleTemplates()],
});
const manifest = { [`${BUILDER}|./manifest.js`]: MANIFEST };
const WWW = at('www');

const site = await bundle(at('dist', 'site', 'builder.js'), {
  ...manifest,
  // The page's own loader: one copy of the element and engine for the page.
  [`${BUILDER}|../stack-advisor.js`]: { path: './stack-advisor.js', external: true },
});
if (site.errors.length) process.exit(1);

const OFFLINE = join(GEN, 'builder-offline.js');
const offline = await bundle(OFFLINE, {
  ...manifest,
  // The bundle's engines, their exports renamed like the inlined .wasm (scripts/minify-exports.mjs).
  [`${WWW}|./stack_advisor.js`]: join(GEN, 'short-stack_advisor.js'),
  [`${WWW}|./stack_advisor_mcda.js`]: join(GEN, 'short-stack_advisor_mcda.js'),
  [`${WWW}|./wasm-source.js`]: join(GEN, 'wasm-source.js'),
  [`${WWW}|./mcda-wasm-source.js`]: join(GEN, 'mcda-wasm-inline.js'),
  [`${WWW}|./default-matrix.js`]: join(GEN, 'default-matrix.js'),
});
if (offline.errors.length) process.exit(1);

// 3. The offline page: builder.html with everything inline (the same
//    escaping as the offline demo, scripts/artefacts.mjs).
const page = readFileSync(PAGE, 'utf8');
const TAG = '<script type="module" src="./builder.js"></script>';
if (page.split(TAG).length !== 2) fail(`www/site/builder.html should load the builder with exactly one ${TAG}`);
const code = readFileSync(OFFLINE, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
if (code.includes('<!--')) fail('the offline builder contains "<!--", which is unsafe to inline in a <script>');
const html = page
  .replace(TAG, () => `<script type="module">\n${code.trimEnd()}\n</script>`)
  .replace(/^(<!doctype html>)/i, `$1\n<!-- stack-advisor ${version}: the matrix builder with the whole advisor inline; works offline, opened from disk. -->`);
// (The builder's own code holds script tags as text, for the snippets: the page around it is checked.)
if (/<script[^>]+\bsrc=/i.test(page.replace(TAG, ''))) fail('builder.html loads another script from a URL, which the offline page cannot');
writeFileSync(at('dist', 'builder-offline.html'), html);
console.log(`[builder] dist/site/builder.js: ${readFileSync(at('dist', 'site', 'builder.js')).length} bytes; dist/builder-offline.html: ${Buffer.byteLength(html)} bytes`);
