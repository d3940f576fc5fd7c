// Short export names for the bundle's copies of a wasm-bindgen module and its
// glue (scripts/bundle.mjs): "recommend", "__wbindgen_malloc",
// "__externref_table_alloc" … become "a", "b", "c" … in the .wasm's export
// section and in every `wasm.NAME` of the glue (docs/size.md). The bundle's
// engine is reached only through that glue, so nothing else names them; the
// npm package's pkg/ keeps the names its types and callers use.
import { Reader, sections, shortName, wasmName, withSection } from './wasm-sections.mjs';

/**
 * `wasm` (bytes) and `glue` (its wasm-bindgen JavaScript) with every export
 * renamed in both, and the names as a Map (long → short). Throws when the
 * glue may reach an export some other way than `wasm.NAME` (`wasm[…]`, the
 * name in quotes), or uses one the .wasm does not have: a newer wasm-bindgen
 * must be looked at, not silently half-renamed.
 */
export function minifyExports(wasm, glue, label) {
  const fail = (message) => {
    throw new Error(`[minify-exports] ${label}: ${message}`);
  };
  const exports = sections(wasm, fail).find((s) => s.id === 7);
  if (!exports) fail('the .wasm has no export section');
  const r = new Reader(wasm, exports.start, fail);
  const count = r.uleb();
  const renamed = new Map();
  const entries = [wasm.subarray(exports.start, r.at)];
  for (let i = 0; i < count; i++) {
    const long = r.name();
    const descStart = r.at;
    r.byte(); // the kind: function, table, memory or global
    r.uleb(); // its index
    const short = shortName(i);
    renamed.set(long, short);
    entries.push(wasmName(short), wasm.subarray(descStart, r.at));
  }
  if (r.at !== exports.end) fail('the export section has bytes after its entries');

  // Other ways to reach an export: by a computed key, or by its name in quotes.
  if (/\bwasm\s*\[/.test(glue)) fail('the glue reads wasm[…]');
  for (const long of renamed.keys()) {
    if (new RegExp(`['"\`]${long}['"\`]`).test(glue)) fail(`the glue names the export ${long} in quotes`);
  }
  const shortGlue = glue.replace(/\bwasm\.(\w+)/g, (_, long) => {
    if (!renamed.has(long)) fail(`the glue uses wasm.${long}, which the .wasm does not export`);
    return `wasm.${renamed.get(long)}`;
  });
  return { wasm: withSection(wasm, exports, Buffer.concat(entries)), glue: shortGlue, renamed };
}
