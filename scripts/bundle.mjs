// Second half of `make build` (after wasm-pack and wasm-opt, see build.sh):
//
//   1. dist/gen/default-matrix.js  `export default <data/node-vs-python.json>`
//   2. dist/gen/wasm-source.js     the optimised engine .wasm, gzipped (by zopfli) and
//                                  base64'd, decoded at runtime by DecompressionStream
//      dist/gen/mcda-wasm-source.js  the MCDA extension (rank, ahpWeights): fetched on
//                                  first use from dist/stack-advisor-mcda.wasm, next to
//                                  the bundle, and checked against its SHA-384
//      dist/gen/mcda-wasm-inline.js  the same, inline, for the offline page
//   3. dist/stack-advisor.js       www/stack-advisor.js bundled by esbuild into
//                                  ONE minified ES module (JS + CSS + matrix + wasm);
//      dist/gen/stack-advisor-offline.js  the same with the extension inline too
//                                  (scripts/artefacts.mjs puts it in the offline page)
//   4. dist/site/                  the demo site: www/site/'s pages and assets + the bundle
//
// The www modules are written for the flat layout of the npm package, where
// the wasm-bindgen glue, the wasm source and the default matrix sit next to
// them (`./stack_advisor.js`, `./wasm-source.js`, `./default-matrix.js`); a
// small esbuild plugin points those three at the generated files here.
//
// Set WASM_INLINE=raw to inline the uncompressed .wasm as base64 instead
// (measured larger: see the README's size section).
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipAsync } from '@gfx/zopfli';
import * as esbuild from 'esbuild';
import { cssTemplatesPlugin } from './minify-css.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

const WASM = at('pkg', 'stack_advisor_bg.wasm');
const GLUE = at('pkg', 'stack_advisor.js');
const MCDA_WASM = at('pkg', 'stack_advisor_mcda_bg.wasm');
const MCDA_GLUE = at('pkg', 'stack_advisor_mcda.js');
// Next to the bundle (dist/, the site, the npm package's dist/).
const MCDA_FILE = 'stack-advisor-mcda.wasm';
const MATRIX = at('data', 'node-vs-python.json');
const ENTRY = at('www', 'stack-advisor.js');
const GEN = at('dist', 'gen');
const BUNDLE = at('dist', 'stack-advisor.js');
const SITE = at('dist', 'site');
const SITE_SOURCE = at('www', 'site');

// Runtime base64 decoder for the generated module: the native one where the
// browser has it, atob otherwise (Node 20 and older browsers).
const DECODE_BASE64 = `function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}`;

const inline = process.env.WASM_INLINE ?? 'gzip';
if (!['gzip', 'raw'].includes(inline)) fail(`WASM_INLINE must be "gzip" or "raw", not "${inline}"`);

function fail(message) {
  console.error(`[bundle] error: ${message}`);
  process.exit(1);
}

for (const [file, hint] of [
  [WASM, 'run wasm-pack first (make build)'],
  [GLUE, 'run wasm-pack first (make build)'],
  [MCDA_WASM, 'run scripts/build.sh first (make build)'],
  [MCDA_GLUE, 'run scripts/build.sh first (make build)'],
  [MATRIX, 'the default matrix is missing'],
  [ENTRY, 'the bundle entry is missing'],
  [SITE_SOURCE, 'the demo site is missing'],
]) {
  try {
    statSync(file);
  } catch {
    fail(`${relative(root, file)} not found: ${hint}`);
  }
}

rmSync(at('dist'), { recursive: true, force: true });
mkdirSync(GEN, { recursive: true });

// 1. The default matrix, as a JS module (parsed here so a broken file fails
//    the build with the JSON error, and re-serialised compactly).
let matrix;
try {
  matrix = JSON.parse(readFileSync(MATRIX, 'utf8'));
} catch (error) {
  fail(`data/node-vs-python.json is not valid JSON: ${error.message}`);
}
writeFileSync(join(GEN, 'default-matrix.js'), `export default ${JSON.stringify(matrix)};\n`);

// 2. The wasm: the engine inline; the MCDA extension fetched and checked (or
//    inline, for the offline page).
async function inlineModule(bytes, name) {
  if (inline === 'raw') {
    return `${DECODE_BASE64}
const WASM = ${JSON.stringify(bytes.toString('base64'))};
export default function ${name}() {
  return decodeBase64(WASM);
}
`;
  }
  // zopfli writes ordinary gzip that any inflater reads, ~5% smaller than
  // zlib's level 9 (2,626 bytes on the .wasm when measured; ~1 s per build).
  const gz = Buffer.from(await gzipAsync(bytes, { numiterations: 15 }));
  return `${DECODE_BASE64}
const WASM_GZIP = ${JSON.stringify(gz.toString('base64'))};
export default function ${name}() {
  if (typeof DecompressionStream !== 'function') {
    throw Object.assign(new Error('DecompressionStream is missing'), { code: 'unsupported' });
  }
  const stream = new Blob([decodeBase64(WASM_GZIP)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream, { headers: { 'content-type': 'application/wasm' } });
}
`;
}
writeFileSync(join(GEN, 'wasm-source.js'), await inlineModule(readFileSync(WASM), 'wasmSource'));
const mcda = readFileSync(MCDA_WASM);
writeFileSync(join(GEN, 'mcda-wasm-inline.js'), await inlineModule(mcda, 'mcdaWasmSource'));
// The bundle's integrity attribute covers the bundle only, so the bundle
// checks the file it fetches: a CDN cannot swap it either.
writeFileSync(join(GEN, 'mcda-wasm-source.js'), `const FILE = new URL(${JSON.stringify(`./${MCDA_FILE}`)}, import.meta.url);
const SHA384 = ${JSON.stringify(createHash('sha384').update(mcda).digest('base64'))};
export default async function mcdaWasmSource() {
  const response = await fetch(FILE);
  if (!response.ok) throw new Error(\`\${FILE} answered HTTP \${response.status}\`);
  const bytes = await response.arrayBuffer();
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) throw new Error('checking the MCDA extension needs a secure context (https, or localhost)');
  let text = '';
  for (const byte of new Uint8Array(await subtle.digest('SHA-384', bytes))) text += String.fromCharCode(byte);
  if (btoa(text) !== SHA384) throw new Error(\`\${FILE} is not the file this bundle was built with\`);
  return bytes;
}
`);

// 3. The bundle, and its offline twin.
const generated = {
  './stack_advisor.js': GLUE,
  './stack_advisor_mcda.js': MCDA_GLUE,
  './wasm-source.js': join(GEN, 'wasm-source.js'),
  './mcda-wasm-source.js': join(GEN, 'mcda-wasm-source.js'),
  './default-matrix.js': join(GEN, 'default-matrix.js'),
};
const generatedModules = (overrides = {}) => ({
  name: 'generated-modules',
  setup(build) {
    // The names are the keys of `generated`: one list to keep up to date.
    build.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) =>
      Object.hasOwn(generated, args.path) && args.importer.startsWith(at('www') + '/')
        ? { path: overrides[args.path] ?? generated[args.path] }
        : undefined,
    );
  },
});

const buildBundle = (outfile, overrides) => esbuild.build({
  entryPoints: [ENTRY],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [generatedModules(overrides), cssTemplatesPlugin([at('www', 'styles.js'), at('www', 'result-styles.js'), at('www', 'mcda-styles.js')])],
});
const result = await buildBundle(BUNDLE);
if (result.errors.length) process.exit(1);
const offline = await buildBundle(join(GEN, 'stack-advisor-offline.js'), { './mcda-wasm-source.js': join(GEN, 'mcda-wasm-inline.js') });
if (offline.errors.length) process.exit(1);
cpSync(MCDA_WASM, at('dist', MCDA_FILE));

const bundle = readFileSync(BUNDLE);
const sri = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
writeFileSync(`${BUNDLE}.sri`, `${sri}\n`);

// 4. The site: the demo pages and their assets (www/site/), plus the bundle.
//    Everything else under www/ is what ships, and reaches the site only
//    inside the bundle.
const copied = [];
(function copyTree(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const from = join(dir, entry.name);
    if (entry.isDirectory()) {
      copyTree(from);
    } else if (!entry.name.startsWith('.')) {
      const to = join(SITE, relative(SITE_SOURCE, from));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(from, to);
      copied.push(relative(SITE_SOURCE, from));
    }
  }
})(SITE_SOURCE);
cpSync(BUNDLE, join(SITE, 'stack-advisor.js'));
cpSync(MCDA_WASM, join(SITE, MCDA_FILE));

console.log(`[bundle] dist/stack-advisor.js: ${bundle.length} bytes, wasm inlined as ${inline === 'gzip' ? 'gzip+base64' : 'base64'}`);
console.log(`[bundle] integrity="${sri}"`);
console.log(`[bundle] dist/${MCDA_FILE} (the MCDA extension, fetched on first use): ${mcda.length} bytes`);
console.log(`[bundle] dist/site/: stack-advisor.js, ${MCDA_FILE}${copied.length ? ', ' + copied.sort().join(', ') : ''}`);
