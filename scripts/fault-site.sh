#!/usr/bin/env bash
# Part of `make e2e`: the engine with fault injection, for the panic-containment
# test (tests/e2e/fault.spec.mjs), in dist/fault/.
#
# dist/fault/ is the npm package's flat module layout (pkg/, from `make build`)
# with one difference: its wasm is a debug build with the `fault-injection`
# feature, so the glue also exports `injectFault()`. The element code is the
# shipped code, unchanged. The release build never has the feature.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

die() { echo "[fault-site] error: $*" >&2; exit 1; }
[[ -f pkg/element.js && -f pkg/stack_advisor.js ]] || die "pkg/ is missing: run make build first"

echo "[fault-site] cargo build --features fault-injection (wasm32, debug)"
cargo build --quiet --lib --target wasm32-unknown-unknown --features fault-injection

out=dist/fault
rm -rf "$out"
mkdir -p "$out"
cp pkg/*.js pkg/stack_advisor_mcda_bg.wasm "$out"/
cp -r pkg/i18n pkg/format "$out"/
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name stack_advisor \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/debug/stack_advisor.wasm"
grep -q 'export function injectFault' "$out/stack_advisor.js" || die "the fault build has no injectFault export"
echo "[fault-site] $out/: element modules from pkg/ + the fault-injection engine"
