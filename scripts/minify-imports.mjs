// Short import names for a wasm-bindgen module and its glue (scripts/build.sh,
// after wasm-opt): wasm-bindgen names each import the glue provides after the
// function plus a 16-digit hash ("__wbg_Error_208446807d0d1e30"), all under
// the module "./stack_advisor_bg.js". Both names are stored in the .wasm (the
// module's once per import) and the field's again in the glue, and the hashes
// do not compress. Here every import becomes module "w", field "a", "b", …,
// in the .wasm's import section and in the glue's import object alike
// (docs/size.md, "Short import names").
// Exports keep their names here: the package's types and callers use them;
// scripts/minify-exports.mjs shortens them in the bundle's copies only.
//
//   node scripts/minify-imports.mjs pkg/stack_advisor_bg.wasm pkg/stack_advisor.js
//
// Fails (and changes nothing) when the glue does not hold each import exactly
// once in the shape wasm-bindgen 0.2 writes: a newer wasm-bindgen must be
// looked at, not silently half-renamed.
import { readFileSync, writeFileSync } from 'node:fs';
import { Reader, sections, shortName, uleb, wasmName as name, withSection } from './wasm-sections.mjs';

const [wasmFile, glueFile] = process.argv.slice(2);
if (!wasmFile || !glueFile) fail('usage: minify-imports.mjs <module.wasm> <glue.js>');

function fail(message) {
  console.error(`[minify-imports] error: ${message}`);
  process.exit(1);
}

const MODULE = 'w';

const wasm = readFileSync(wasmFile);
const imports = sections(wasm, (message) => fail(`${wasmFile}: ${message}`)).find((s) => s.id === 2);
if (!imports) fail(`${wasmFile} has no import section`);

// The import section, rewritten: each entry's kind and description are copied as they are.
const r = new Reader(wasm, imports.start, fail);
const count = r.uleb();
const entries = [];
const renamed = new Map();
let module = null;
for (let i = 0; i < count; i++) {
  const from = r.name();
  const field = r.name();
  const descStart = r.at;
  const kind = r.byte();
  if (kind === 0) r.uleb(); // function: its type
  else if (kind === 1 || kind === 2) {
    if (kind === 1) r.byte(); // table: its element type
    const flags = r.byte();
    r.uleb();
    if (flags & 1) r.uleb();
  } else if (kind === 3) {
    r.byte(); // global: its type and mutability
    r.byte();
  } else fail(`import ${from}.${field} has a kind (${kind}) this script does not know`);
  if (module !== null && from !== module) fail(`imports from two modules (${module}, ${from})`);
  module = from;
  const short = shortName(renamed.size);
  if (renamed.has(field)) fail(`import ${field} appears twice`);
  renamed.set(field, short);
  entries.push(name(MODULE), name(short), wasm.subarray(descStart, r.at));
}
if (r.at !== imports.end) fail('the import section has bytes after its entries');
const body = Buffer.concat([uleb(count), ...entries]);

// The glue: the import object's keys, and the module's name.
let glue = readFileSync(glueFile, 'utf8');
for (const [field, short] of renamed) {
  const key = new RegExp(`^(\\s+)${field}: function\\(`, 'gm');
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) fail(`${glueFile} defines the import ${field} ${found} times, not once`);
  glue = glue.replace(key, `$1${short}: function(`);
}
const moduleKey = `${JSON.stringify(module)}: import0,`;
if (glue.split(moduleKey).length !== 2) fail(`${glueFile} does not name the module ${module} once as ${moduleKey}`);
glue = glue.replace(moduleKey, `${JSON.stringify(MODULE)}: import0,`);

const before = wasm.length;
const rebuilt = withSection(wasm, imports, body);
writeFileSync(wasmFile, rebuilt);
writeFileSync(glueFile, glue);
console.log(`[minify-imports] ${wasmFile}: ${renamed.size} imports renamed, ${before} -> ${rebuilt.length} bytes; ${glueFile} to match`);
