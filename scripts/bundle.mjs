// Second half of `make build` (after wasm-pack and wasm-opt, see build.sh):
//
//   0. dist/gen/short-stack_advisor.js, short-stack_advisor_mcda.js  the glue of
//                                  each engine with short export names, like the
//                                  .wasm bytes every file below carries
//                                  (scripts/minify-exports.mjs)
//   1. dist/gen/default-matrix.js  data/node-vs-python.json as a module (scripts/json-module.mjs)
//   2. dist/gen/wasm-file-source.js  the engine .wasm, fetched from next to the engine
//                                  chunk (dist/stack-advisor-engine.wasm), checked against
//                                  its SHA-384 and compiled while it streams in
//      dist/gen/mcda-wasm-source.js  the same for the MCDA extension (rank, ahpWeights),
//                                  fetched on first use (dist/stack-advisor-mcda.wasm)
//      dist/gen/wasm-source.js, mcda-wasm-inline.js  both .wasm inline (gzipped by
//                                  zopfli, base64'd, decoded by DecompressionStream),
//                                  for the offline page
//   3. dist/stack-advisor-engine.js  www/engine-chunk.js bundled by esbuild into one
//                                  minified ES module: element, CSS, matrix, engine API
//      dist/stack-advisor.js       the one-tag loader (www/tag.js), which knows the
//                                  chunk's name and SHA-384 (dist/gen/tag-manifest.js)
//      dist/gen/stack-advisor-offline.js  the eager entry (www/stack-advisor.js) with
//                                  everything inline (scripts/artefacts.mjs puts it in
//                                  the offline page)
//   4. dist/site/                  the demo site: www/site/'s pages and assets + those files
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
import { gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import * as esbuild from 'esbuild';
import { BROWSER_BUNDLE, styleTemplates } from './esbuild-browser.mjs';
import { jsonModule } from './json-module.mjs';
import { minifyExports } from './minify-exports.mjs';
import { splitMatrix } from './split-matrix.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

const WASM = at('pkg', 'stack_advisor_bg.wasm');
const GLUE = at('pkg', 'stack_advisor.js');
const MCDA_WASM = at('pkg', 'stack_advisor_mcda_bg.wasm');
const MCDA_GLUE = at('pkg', 'stack_advisor_mcda.js');
// Next to the bundle (dist/, the site, the npm package's dist/).
const MCDA_FILE = 'stack-advisor-mcda.wasm';
// The engine chunk and its .wasm, which the loader (dist/stack-advisor.js) brings in.
const CHUNK_FILE = 'stack-advisor-engine.js';
const ENGINE_WASM_FILE = 'stack-advisor-engine.wasm';
// The default matrix's texts the first result does not show, loaded on first use.
const TEXTS_FILE = 'stack-advisor-texts.js';
const MATRIX = at('data', 'node-vs-python.json');
const ENTRY = at('www', 'stack-advisor.js');
const CHUNK_ENTRY = at('www', 'engine-chunk.js');
const LOADER_ENTRY = at('www', 'tag.js');
const GEN = at('dist', 'gen');
const BUNDLE = at('dist', 'stack-advisor.js');
const CHUNK = at('dist', CHUNK_FILE);
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

// 0. The bundle's copies of both engines, their exports renamed in the .wasm
// and its glue alike (scripts/minify-exports.mjs); pkg/ keeps the names.
function shortCopy(wasmFile, glueFile) {
  const { wasm, glue } = minifyExports(readFileSync(wasmFile), readFileSync(glueFile, 'utf8'), relative(root, wasmFile));
  const copy = join(GEN, `short-${relative(at('pkg'), glueFile)}`);
  writeFileSync(copy, glue);
  return { wasm, glue: copy };
}
const engine = shortCopy(WASM, GLUE);
const mcdaEngine = shortCopy(MCDA_WASM, MCDA_GLUE);

// 1. The default matrix, as a JS module (parsed here so a broken file fails
//    the build with the JSON error, and re-serialised compactly).
let matrix;
try {
  matrix = JSON.parse(readFileSync(MATRIX, 'utf8'));
} catch (error) {
  fail(`data/node-vs-python.json is not valid JSON: ${error.message}`);
}
writeFileSync(join(GEN, 'default-matrix.js'), jsonModule(matrix));
// The engine chunk's copy of it leaves out what the first result never shows
// (docs/size.md): the guidance's bodies (their titles stay, in parts.js) and
// the evidence passages no reason picks; the part stack-advisor-texts.js
// brings them when the reader first opens "What to do next" or "Compare all
// factors", or copies the result as Markdown.
const { lite, titles, texts } = splitMatrix(matrix);
writeFileSync(join(GEN, 'default-matrix-lite.js'), jsonModule(lite));
writeFileSync(join(GEN, 'matrix-texts.js'), jsonModule(texts));

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
  // zopfli writes ordinary gzip that any inflater reads, smaller than zlib's
  // level 9 (docs/size.md; ~1 s per build).
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
writeFileSync(join(GEN, 'wasm-source.js'), await inlineModule(engine.wasm, 'wasmSource'));
const mcda = mcdaEngine.wasm;
writeFileSync(join(GEN, 'mcda-wasm-inline.js'), await inlineModule(mcda, 'mcdaWasmSource'));
// The pieces the loader brings in are checked against hashes built into the
// piece that asks for them (the engine chunk is itself checked by the loader,
// the loader by the snippet's integrity): a CDN cannot swap any of them.
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const VERIFIED = JSON.stringify(at('www', 'fetch-verified.js'));
const fileSource = (file, bytes, name) => `import { compileVerified } from ${VERIFIED};
const FILE = new URL(${JSON.stringify(`./${file}`)}, import.meta.url);
export default function ${name}() {
  return compileVerified(FILE, ${JSON.stringify(sri(bytes))});
}
`;
const engineWasm = engine.wasm;
writeFileSync(join(GEN, 'wasm-file-source.js'), fileSource(ENGINE_WASM_FILE, engineWasm, 'wasmSource'));
writeFileSync(join(GEN, 'mcda-wasm-source.js'), fileSource(MCDA_FILE, mcda, 'mcdaWasmSource'));

// 3. The engine chunk, the loader that brings it in, and the offline bundle.
const generated = {
  './stack_advisor.js': engine.glue,
  './stack_advisor_mcda.js': mcdaEngine.glue,
  './wasm-source.js': join(GEN, 'wasm-file-source.js'),
  './mcda-wasm-source.js': join(GEN, 'mcda-wasm-source.js'),
  './default-matrix.js': join(GEN, 'default-matrix.js'),
  './tag-manifest.js': join(GEN, 'tag-manifest.js'),
};
const generatedModules = (overrides = {}) => ({
  name: 'generated-modules',
  setup(build) {
    // The names are the keys of `generated`: one list to keep up to date.
    build.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) =>
      (Object.hasOwn(generated, args.path) || Object.hasOwn(overrides, args.path)) && args.importer.startsWith(at('www') + '/')
        ? { path: overrides[args.path] ?? generated[args.path] }
        : undefined,
    );
  },
});

const buildBundle = (entry, outfile, overrides) => esbuild.build({
  ...BROWSER_BUNDLE,
  entryPoints: [entry],
  outfile,
  metafile: true,
  plugins: [generatedModules(overrides), styleTemplates()],
});
const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

// The parts the chunk loads only when a page needs them (www/parts.js): each
// its own file next to the chunk, which knows its SHA-384.
const PARTS = [
  ['mcdaGlue', mcdaEngine.glue, 'stack-advisor-mcda-glue.js'],
  ['mcdaUi', at('www', 'mcda-ui.js'), 'stack-advisor-mcda-ui.js'],
  ['de', at('www', 'i18n', 'de.js'), 'stack-advisor-de.js'],
  ['matrixTexts', join(GEN, 'matrix-texts.js'), TEXTS_FILE],
];
const partLines = [];
for (const [name, entry, file] of PARTS) {
  const built = await buildBundle(entry, at('dist', file));
  if (built.errors.length) process.exit(1);
  partLines.push([name, `part(${JSON.stringify(`./${file}`)}, ${JSON.stringify(sri(readFileSync(at('dist', file))))})`]);
}
const partOf = (name) => partLines.find(([n]) => n === name)[1];
writeFileSync(join(GEN, 'parts.js'), `import { importVerified } from ${JSON.stringify(at('www', 'import-verified.js'))};
const part = (file, integrity) => () => importVerified(new URL(file, import.meta.url).href, integrity);
export const mcdaGlue = ${partOf('mcdaGlue')};
export const mcdaUi = ${partOf('mcdaUi')};
export const locales = { de: ${partOf('de')} };
export const matrixTexts = { titles: JSON.parse(${JSON.stringify(JSON.stringify(titles))}), load: ${partOf('matrixTexts')} };
`);
const chunkBuild = await buildBundle(CHUNK_ENTRY, CHUNK, { './parts.js': join(GEN, 'parts.js'), './default-matrix.js': join(GEN, 'default-matrix-lite.js') });
if (chunkBuild.errors.length) process.exit(1);
const chunk = readFileSync(CHUNK);
writeFileSync(at('dist', ENGINE_WASM_FILE), engineWasm);
writeFileSync(at('dist', MCDA_FILE), mcda);
// What the Data Saver button says a reader would download (rounded up).
const engineKb = Math.ceil((gzipSize(chunk) + gzipSize(engineWasm)) / 1000);
writeFileSync(join(GEN, 'tag-manifest.js'), `export const ENGINE_CHUNK = ${JSON.stringify(`./${CHUNK_FILE}`)};
export const ENGINE_CHUNK_INTEGRITY = ${JSON.stringify(sri(chunk))};
export const ENGINE_WASM = ${JSON.stringify(`./${ENGINE_WASM_FILE}`)};
export const ENGINE_WASM_INTEGRITY = ${JSON.stringify(sri(engineWasm))};
export const ENGINE_KB = ${engineKb};
`);
const loaderBuild = await buildBundle(LOADER_ENTRY, BUNDLE);
if (loaderBuild.errors.length) process.exit(1);
const offline = await buildBundle(ENTRY, join(GEN, 'stack-advisor-offline.js'), {
  './wasm-source.js': join(GEN, 'wasm-source.js'),
  './mcda-wasm-source.js': join(GEN, 'mcda-wasm-inline.js'),
});
if (offline.errors.length) process.exit(1);

const bundle = readFileSync(BUNDLE);
// The folder a self-hoster copies: the loader and everything it may bring in.
const SHIPPED = ['stack-advisor.js', CHUNK_FILE, ENGINE_WASM_FILE, MCDA_FILE, ...PARTS.map(([, , file]) => file)];
writeFileSync(at('dist', 'FILES'), `${SHIPPED.join('\n')}\n`);
writeFileSync(`${BUNDLE}.sri`, `${sri(bundle)}\n`);

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
for (const file of SHIPPED) cpSync(at('dist', file), join(SITE, file));

console.log(`[bundle] dist/stack-advisor.js (the loader): ${bundle.length} bytes, integrity="${sri(bundle)}"`);
console.log(`[bundle] dist/${CHUNK_FILE} (the engine chunk, checked by the loader): ${chunk.length} bytes`);
console.log(`[bundle] dist/${ENGINE_WASM_FILE} (its .wasm, checked by the chunk): ${engineWasm.length} bytes`);
console.log(`[bundle] dist/${MCDA_FILE} (the MCDA extension, fetched on first use): ${mcda.length} bytes`);
console.log(`[bundle] dist/gen/stack-advisor-offline.js (everything inline, wasm as ${inline === 'gzip' ? 'gzip+base64' : 'base64'}): ${readFileSync(join(GEN, 'stack-advisor-offline.js')).length} bytes`);
console.log(`[bundle] dist/site/: ${SHIPPED.join(', ')}${copied.length ? ', ' + copied.sort().join(', ') : ''}`);
