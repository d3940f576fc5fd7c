// Where the engine's WebAssembly comes from, when nothing is inlined.
//
// This file sits next to the wasm-bindgen glue (`stack_advisor.js`) and the
// `.wasm` in the flat module layout (the npm package). The one-tag bundle
// (`dist/stack-advisor.js`) swaps this module for a generated one that carries
// the `.wasm` inline, so a blog needs no second request and `file://` works.
//
// Contract: the default export returns (or resolves to) anything wasm-bindgen's
// init accepts as `module_or_path`: a URL, a Response, bytes, or a
// WebAssembly.Module.
export default function wasmSource() {
  return new URL('./stack_advisor_bg.wasm', import.meta.url);
}
