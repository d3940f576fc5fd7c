// Where the MCDA extension's WebAssembly (`rank`, `ahpWeights`) comes from,
// when nothing else is said: next to this file, as the npm package's flat
// layout has it. The one-tag bundle swaps this module for a generated one
// that fetches `stack-advisor-mcda.wasm` next to the bundle and checks it
// against the hash built into the bundle (scripts/bundle.mjs).
//
// Contract: as ./wasm-source.js.
export default function mcdaWasmSource() {
  return new URL('./stack_advisor_mcda_bg.wasm', import.meta.url);
}
