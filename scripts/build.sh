#!/usr/bin/env bash
# `make build`: the wasm package (pkg/), the one-tag bundle (dist/stack-advisor.js),
# the demo site (dist/site/), the snippet and offline page (dist/), the npm
# package (pkg/, packed as dist/stack-advisor.tgz), the WordPress plugin
# (dist/stack-advisor-wordpress.zip), then the size check.
#
#   scripts/build.sh             # the release: the pinned nightly (scripts/toolchain.sh)
#                                # + build-std + panic=immediate-abort; an error without it
#   NIGHTLY=0 scripts/build.sh   # the stable toolchain (rust-toolchain.toml): `make build-stable`
#
# Prints which toolchain built the shipped files and records it, with the
# other tools' versions and the files' SHA-256, in dist/BUILD-INFO.
#
# Needs the tools from scripts/bootstrap.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

NIGHTLY=${NIGHTLY:-1}
# shellcheck source=toolchain.sh
source scripts/toolchain.sh

log() { printf '[build] %s\n' "$*"; }
die() { printf '[build] error: %s\n' "$*" >&2; exit 1; }

for tool in wasm-pack wasm-bindgen node; do
  command -v "$tool" >/dev/null || die "$tool not found: run \`make bootstrap\` first"
done
WASM_OPT=node_modules/.bin/wasm-opt
[[ -x $WASM_OPT && -x node_modules/.bin/esbuild ]] || die "npm tools missing: run \`make bootstrap\` first"

# The wasm features rustc 1.95 enables by default for wasm32-unknown-unknown
# (LLVM's "generic" CPU), plus SIMD, which only rank's inner loops use
# (`#[target_feature(enable = "simd128")]` in src/rank.rs). A module with SIMD
# in it needs an engine with SIMD: Chrome 91, Firefox 89, Safari 16.4, Node
# 16.4. The bundle already needs DecompressionStream (Chrome 80, Firefox 113,
# Safari 16.4), so only Chrome 80-90 is lost. wasm-opt must be told, or it
# rejects memory.copy etc.
WASM_FEATURES=(
  --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types
  --enable-multivalue --enable-call-indirect-overlong --enable-simd
)

# Keep the `target_features` section for wasm-bindgen (Cargo.toml's
# `strip = true` would drop it and wasm-bindgen then warns that it cannot see
# which features are on); wasm-opt strips names and custom sections below.
export CARGO_PROFILE_RELEASE_STRIP=false

case $NIGHTLY in
  1 | 0) ;;
  *) die "NIGHTLY must be 1 (default: the pinned nightly) or 0 (stable), not '$NIGHTLY'" ;;
esac

build_std=()
if [[ $NIGHTLY == 1 ]]; then
  rustup run "$NIGHTLY_TOOLCHAIN" rustc --version >/dev/null 2>&1 ||
    die "toolchain $NIGHTLY_TOOLCHAIN missing: run \`make bootstrap\` (or \`make build-stable\` for a stable build, a different .wasm)"
  rustup component list --installed --toolchain "$NIGHTLY_TOOLCHAIN" | grep -q '^rust-src' ||
    die "rust-src missing for $NIGHTLY_TOOLCHAIN: run \`make bootstrap\`"
  export RUSTUP_TOOLCHAIN=$NIGHTLY_TOOLCHAIN
  # std rebuilt with the size profile and its `optimize_for_size` feature
  # (smaller formatting and sorting code), and panics abort without
  # formatting a message (no panic machinery in the .wasm at all); no
  # `{:?}` formatting code and no panic locations. Each is smaller than
  # the stable build, by the figures in docs/size.md. The stable
  # build (NIGHTLY=0) stays supported: the wasm tests and clippy run on it.
  export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none ${RUSTFLAGS:-}"
  # A separate target dir, so the stable build's cache stays warm.
  export CARGO_TARGET_DIR=target/nightly
  build_std=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  BUILT_WITH="$NIGHTLY_TOOLCHAIN ($(rustc --version)), -Zbuild-std=std,panic_abort (optimize_for_size), panic=immediate-abort"
  if [[ $NIGHTLY_TOOLCHAIN != "$NIGHTLY_PINNED" ]]; then
    BUILT_WITH+="; NOT the pinned $NIGHTLY_PINNED (NIGHTLY_TOOLCHAIN is set)"
  fi
else
  BUILT_WITH="stable $(rustc --version) (NIGHTLY=0; not the release build: that is $NIGHTLY_PINNED with -Zbuild-std)"
fi
log "toolchain: $BUILT_WITH"
COMPILED="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/stack_advisor.wasm"

# Two .wasm files from the one crate (Cargo.toml's features): the engine
# (recommend, validateMatrix), which the widget needs and the one-tag bundle
# inlines, and the MCDA extension (rank, ahpWeights), loaded only where TOPSIS,
# calibration or the rank/ahpWeights API is used: code the bundle does not
# carry for every reader (docs/size.md).
#
# wasm-pack builds the engine (and writes pkg/package.json). It cannot pass
# flags to wasm-bindgen, so each glue is generated (again, ~1 s) with
# `--experimental-reset-state-function`: it adds `__wbg_reset_state()`, which
# www/engine.js calls to replace an instance that trapped (a panic).
log "wasm-pack build --target web --release (pkg/; features: engine)"
wasm-pack --log-level warn build --target web --release --out-dir pkg --out-name stack_advisor . \
  -- --no-default-features --features engine "${build_std[@]}"
wasm-bindgen --target web --experimental-reset-state-function --out-dir pkg --out-name stack_advisor "$COMPILED"

log "cargo build --release (features: mcda) + wasm-bindgen (pkg/stack_advisor_mcda*)"
# In a target dir of its own: cargo keeps one build of the crate per target
# dir, so two feature sets in one would rebuild each other every time (about
# 7 s each); apart, a build with no source change compiles nothing.
MCDA_TARGET_DIR="${CARGO_TARGET_DIR:-target}/mcda"
CARGO_TARGET_DIR=$MCDA_TARGET_DIR cargo build --quiet --lib --release --target wasm32-unknown-unknown \
  --no-default-features --features mcda "${build_std[@]}"
wasm-bindgen --target web --experimental-reset-state-function --out-dir pkg --out-name stack_advisor_mcda \
  "$MCDA_TARGET_DIR/wasm32-unknown-unknown/release/stack_advisor.wasm"

log "wasm-opt -O2 (binaryen $("$WASM_OPT" --version | sed -n 's/^wasm-opt version \([0-9]*\).*/\1/p'))"
# --one-caller-inline-max-function-size 20: binaryen no longer merges every
# function that has a single caller into it. The .wasm gets larger raw but
# smaller gzipped: small functions repeat the same byte patterns (low local
# indices), giant merged ones do not. Every lever tried, kept or not (e.g.
# --converge), is in docs/size.md with its figures.
# -O2 rather than -Oz: larger raw but smaller gzipped at every state of the
# code measured. Part of that is -Oz's merge-similar-functions (near-identical
# copies, which gzip stores cheaply, become thunks with extra parameters,
# which it does not); -Oz without that pass is still larger than -O2.
WASM_OPT_FLAGS=(-O2 --one-caller-inline-max-function-size 20 "${WASM_FEATURES[@]}"
  --strip-debug --strip-producers --strip-target-features)
# wasm-opt takes ~5 s per file and gives the same output for the same input,
# flags and version, so its outputs are kept by that key (a build with no
# Rust change, and the README test's copy, which shares target/, reuse them).
# Entries unused for a week are removed.
OPT_CACHE=target/wasm-opt-cache
mkdir -p "$OPT_CACHE"
find "$OPT_CACHE" -name '*.wasm' -mtime +7 -delete
for wasm in pkg/stack_advisor_bg.wasm pkg/stack_advisor_mcda_bg.wasm; do
  before=$(stat -c %s "$wasm")
  key=$({ "$WASM_OPT" --version; printf '%s\n' "${WASM_OPT_FLAGS[@]}"; cat "$wasm"; } | sha256sum | cut -d' ' -f1)
  cached="$OPT_CACHE/$key.wasm"
  if [[ -f $cached ]]; then
    cp "$cached" "$wasm"
    touch "$cached"
    log "  $wasm: $before -> $(stat -c %s "$wasm") bytes (the same input was optimised before: reused)"
    continue
  fi
  "$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$wasm" -o "${wasm%.wasm}.opt.wasm"
  cp "${wasm%.wasm}.opt.wasm" "$cached.tmp" && mv "$cached.tmp" "$cached"
  mv "${wasm%.wasm}.opt.wasm" "$wasm"
  log "  $wasm: $before -> $(stat -c %s "$wasm") bytes"
done
# Short import names ("w"."a" instead of "./stack_advisor_bg.js"."__wbg_Error_<hash>")
# in each .wasm and its glue alike: less gzip for the widget (docs/size.md).
node scripts/minify-imports.mjs pkg/stack_advisor_bg.wasm pkg/stack_advisor.js
node scripts/minify-imports.mjs pkg/stack_advisor_mcda_bg.wasm pkg/stack_advisor_mcda.js

log "bundle (esbuild) and site"
node scripts/bundle.mjs
node scripts/builder.mjs

log "snippet, offline page, service worker; iframe mode (embed.html, oEmbed); npm package (pkg/, dist/stack-advisor.tgz)"
node scripts/artefacts.mjs
node scripts/embed.mjs
node scripts/package.mjs

log "WordPress plugin (dist/wordpress/stack-advisor/, dist/stack-advisor-wordpress.zip)"
node scripts/wordpress-plugin.mjs

# What built the shipped files, and what they are (dist/BUILD-INFO).
{
  echo "stack-advisor build (scripts/build.sh)"
  echo "rust:         $BUILT_WITH"
  echo "wasm-bindgen: $(wasm-bindgen --version | cut -d' ' -f2), $(wasm-pack --version)"
  echo "wasm-opt:     $("$WASM_OPT" --version | head -n1) (npm binaryen)"
  echo "esbuild:      $(node_modules/.bin/esbuild --version); node $(node --version)"
  echo "source:       $(git rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout')$(git diff --quiet HEAD 2>/dev/null || echo ' + uncommitted changes')"
  echo "sha256:"
  (cd dist && sha256sum stack-advisor.js stack-advisor-engine.js stack-advisor-engine.wasm stack-advisor-mcda.wasm stack-advisor-offline.html stack-advisor.tgz) | sed 's/^/  /'
} >dist/BUILD-INFO
log "built with $BUILT_WITH (dist/BUILD-INFO)"

node scripts/size.mjs
