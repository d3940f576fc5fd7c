// Part of `make build` (after bundle.mjs and artefacts.mjs): assembles the npm
// package `stack-advisor` in pkg/ around wasm-pack's output, then packs it.
//
//   pkg/                         (flat ES module layout; nothing is bundled)
//     index.js, node.js          the `.` entry: browsers/bundlers, Node.js
//     element.js, define.js      the element (no side effects) and its registration
//     loader.js, engine.js, ...  every www module those import (found by esbuild)
//     stack_advisor.js, .wasm    wasm-pack's glue and the optimised .wasm
//     default-matrix.js          data/node-vs-python.json as a module
//     dist/stack-advisor.js      the one-tag loader (for CDNs and <script> tags), with every
//                                file it brings in (dist/FILES), dist/fallback.html and
//                                dist/reserve.css (for the Eleventy plugin)
//     eleventy.js                the Eleventy plugin (integrations/eleventy/index.js)
//     *.d.ts                     npm/*.d.ts on top of wasm-bindgen's generated types
//                                (react.d.ts: the `stack-advisor/react` JSX types, opt-in)
//     custom-elements.json, README.md, package.json
//
//   dist/stack-advisor.tgz       `npm pack` of pkg/ (what the consumer fixtures install)
//
// The sources that exist only for the package live in npm/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { jsonModule } from './json-module.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const PKG = at('pkg');
const NPM = at('npm');
const TARBALL = at('dist', 'stack-advisor.tgz');

function fail(message) {
  console.error(`[package] error: ${message}`);
  process.exit(1);
}
const log = (message) => console.log(`[package] ${message}`);

// wasm-pack's output (and the bundle) must be there.
const WASM_PACK_FILES = ['stack_advisor.js', 'stack_advisor.d.ts', 'stack_advisor_bg.wasm', 'stack_advisor_bg.wasm.d.ts', 'package.json'];
for (const file of WASM_PACK_FILES) {
  if (!existsSync(join(PKG, file))) fail(`pkg/${file} not found: run wasm-pack first (make build)`);
}
const BUNDLE = at('dist', 'stack-advisor.js');
if (!existsSync(BUNDLE)) fail('dist/stack-advisor.js not found: run scripts/bundle.mjs first (make build)');

// Name, version, description, licence and repository come from Cargo.toml via
// wasm-pack's package.json (or from our own, when re-run without wasm-pack).
const generated = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
const { name, version, description, license, repository } = generated;
if (name !== 'stack-advisor') fail(`pkg/package.json is named "${name}", expected "stack-advisor"`);

// The engine from wasm-pack, and the MCDA extension (rank, ahpWeights) that
// scripts/build.sh generates beside it.
const MCDA_FILES = ['stack_advisor_mcda.js', 'stack_advisor_mcda.d.ts', 'stack_advisor_mcda_bg.wasm', 'stack_advisor_mcda_bg.wasm.d.ts'];
for (const file of MCDA_FILES) {
  if (!existsSync(join(PKG, file))) fail(`pkg/${file} not found: run scripts/build.sh first (make build)`);
}
const files = new Set(['stack_advisor.js', 'stack_advisor.d.ts', 'stack_advisor_bg.wasm', 'stack_advisor_bg.wasm.d.ts', ...MCDA_FILES]);
const write = (file, text) => {
  mkdirSync(dirname(join(PKG, file)), { recursive: true });
  writeFileSync(join(PKG, file), text);
  files.add(file);
};
const copy = (from, file) => {
  mkdirSync(dirname(join(PKG, file)), { recursive: true });
  cpSync(from, join(PKG, file));
  files.add(file);
};

// 1. The www modules the entries need, found by following their imports (so a
//    new module joins the package without editing a list). The glue and the
//    default matrix are generated, not in www/.
const GENERATED = /^\.\/(stack_advisor|stack_advisor_mcda|default-matrix)\.js$/;
const graph = await esbuild.build({
  entryPoints: ['define.js', 'element.js', 'engine.js', 'loader.js'].map((f) => at('www', f)),
  bundle: true,
  write: false,
  format: 'esm',
  outdir: at('target', 'package-graph'),
  metafile: true,
  logLevel: 'warning',
  plugins: [{
    name: 'generated-external',
    setup(build) {
      build.onResolve({ filter: GENERATED }, (args) => ({ path: args.path, external: true }));
    },
  }],
});
const modules = Object.keys(graph.metafile.inputs)
  .map((input) => resolve(root, input))
  .filter((file) => file.startsWith(at('www') + '/'))
  .map((file) => relative(at('www'), file))
  .sort();
for (const file of modules) copy(at('www', file), file);
for (const entry of ['index.js', 'node.js']) {
  // The package's own entries may only import modules that are in it.
  for (const [, specifier] of readFileSync(join(NPM, entry), 'utf8').matchAll(/from '(\.\/[^']+)'/g)) {
    if (!modules.includes(specifier.slice(2))) fail(`npm/${entry} imports ${specifier}, which is not a packaged module`);
  }
  copy(join(NPM, entry), entry);
}

// 2. The default matrix as a module (what www/engine.js imports).
const matrix = JSON.parse(readFileSync(at('data', 'node-vs-python.json'), 'utf8'));
write('default-matrix.js', jsonModule(matrix));

// 3. Types (hand-written, on top of wasm-bindgen's generated stack_advisor.d.ts).
// react.d.ts is types only: React 19 JSX for apps that opt in (no @types/react otherwise).
for (const file of ['index.d.ts', 'element.d.ts', 'define.d.ts', 'react.d.ts']) copy(join(NPM, file), file);

// 4. The one-tag bundle, for CDNs (jsDelivr/unpkg serve package files) and self-hosting.
// The loader brings in the engine chunk and its .wasm from next to itself, and
// the parts (German, the MCDA extension) when a page uses them: every file
// dist/FILES lists, the folder a self-hoster copies. With them the list itself
// and the default verdict as HTML (dist/fallback.html), which the Eleventy
// plugin (5b) puts inside each element, and the page-level reserved height
// (dist/reserve.css), which it prints once per page.
const SHIPPED = readFileSync(at('dist', 'FILES'), 'utf8').split('\n').filter(Boolean);
if (!SHIPPED.includes('stack-advisor.js')) fail('dist/FILES does not list stack-advisor.js: run scripts/bundle.mjs first (make build)');
for (const file of [...SHIPPED, 'FILES', 'fallback.html', 'reserve.css']) {
  if (!existsSync(at('dist', file))) fail(`dist/${file} not found: run scripts/bundle.mjs and artefacts.mjs first (make build)`);
  copy(at('dist', file), `dist/${file}`);
}
copy(join(NPM, 'bundle.d.ts'), 'dist/stack-advisor.d.ts');
// The iframe mode (scripts/embed.mjs): the frame page beside the loader, its
// script, and the host page's script that sizes the frames (docs/embedding.md).
for (const file of ['embed.html', 'stack-advisor-embed.js', 'stack-advisor-frame.js']) copy(at('dist', file), `dist/${file}`);

// 5b. The Eleventy plugin (`stack-advisor/eleventy`): it finds dist/ next to itself.
copy(at('integrations', 'eleventy', 'index.js'), 'eleventy.js');
copy(at('integrations', 'eleventy', 'index.d.ts'), 'eleventy.d.ts');

// 5. The Custom Elements Manifest, its module paths made package-relative.
const manifest = JSON.parse(readFileSync(at('custom-elements.json'), 'utf8'));
const packagePath = (path) => (path === 'www/stack-advisor.js' ? 'dist/stack-advisor.js' : path.replace(/^www\//, ''));
(function rewrite(node) {
  if (Array.isArray(node)) return node.forEach(rewrite);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = packagePath(value);
    else rewrite(value);
  }
})(manifest);
write('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);

// 6. The README, with this build's snippet (its integrity hash changes with every bundle).
const snippet = readFileSync(at('dist', 'snippet.html'), 'utf8').trim();
write('README.md', readFileSync(join(NPM, 'README.md'), 'utf8').replaceAll('{{SNIPPET}}', snippet).replaceAll('{{VERSION}}', version));

// 7. package.json.
const sideEffects = ['./define.js', './dist/stack-advisor.js'];
if (existsSync(join(PKG, 'snippets'))) {
  // wasm-bindgen's inline JS snippets, if the crate ever has some.
  sideEffects.push('./snippets/*');
  (function addTree(dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) addTree(path);
      else files.add(relative(PKG, path));
    }
  })(join(PKG, 'snippets'));
}
const packageJson = {
  name,
  version,
  description,
  license,
  repository,
  type: 'module',
  exports: {
    '.': { types: './index.d.ts', node: './node.js', default: './index.js' },
    './element': { types: './element.d.ts', default: './element.js' },
    './define': { types: './define.d.ts', default: './define.js' },
    './wasm': { types: './stack_advisor_bg.wasm.d.ts', default: './stack_advisor_bg.wasm' },
    './wasm-mcda': { types: './stack_advisor_mcda_bg.wasm.d.ts', default: './stack_advisor_mcda_bg.wasm' },
    './bundle': { types: './dist/stack-advisor.d.ts', default: './dist/stack-advisor.js' },
    './eleventy': { types: './eleventy.d.ts', default: './eleventy.js' },
    './frame': './dist/stack-advisor-frame.js',
    './embed.html': './dist/embed.html',
    './react': { types: './react.d.ts' },
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  // For tools that predate `exports`.
  main: './index.js',
  types: './index.d.ts',
  // What https://cdn.jsdelivr.net/npm/stack-advisor and unpkg serve by default.
  jsdelivr: './dist/stack-advisor.js',
  unpkg: './dist/stack-advisor.js',
  sideEffects,
  customElements: 'custom-elements.json',
  files: [...files].sort(),
  engines: { node: '>=20' },
  keywords: ['decision-matrix', 'web-component', 'custom-element', 'webassembly', 'mcda', 'nodejs', 'python'],
};
writeFileSync(join(PKG, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);

// Every exports target, types included, must be a packaged file.
const targets = Object.values(packageJson.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
for (const target of [...targets, packageJson.main, packageJson.types]) {
  const file = target.replace(/^\.\//, '');
  if (file !== 'package.json' && !files.has(file)) fail(`exports target ${target} is not in "files"`);
  if (!existsSync(join(PKG, file))) fail(`exports target ${target} does not exist in pkg/`);
}

// 8. Pack it, and check npm packed exactly the files we listed.
rmSync(TARBALL, { force: true });
let packed;
try {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dirname(TARBALL), '--loglevel=error'], { cwd: PKG, encoding: 'utf8' });
  [packed] = JSON.parse(out);
} catch (error) {
  fail(`npm pack failed: ${error.stderr || error.message}`);
}
renameSync(join(dirname(TARBALL), packed.filename), TARBALL);
const packedFiles = packed.files.map((f) => f.path).sort();
const expected = [...files, 'package.json'].sort();
const missing = expected.filter((f) => !packedFiles.includes(f));
const extra = packedFiles.filter((f) => !expected.includes(f));
if (missing.length || extra.length) {
  fail(`npm pack disagrees with "files": missing ${missing.join(', ') || 'none'}; unexpected ${extra.join(', ') || 'none'}`);
}

log(`pkg/: ${name}@${version}, ${packed.entryCount} files, ${packed.unpackedSize} bytes unpacked`);
log(`dist/stack-advisor.tgz: ${statSync(TARBALL).size} bytes (npm pack)`);
for (const f of packed.files) log(`  ${String(f.size).padStart(7)}  ${f.path}`);
