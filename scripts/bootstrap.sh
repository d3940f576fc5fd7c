#!/usr/bin/env bash
# Installs what `make demo` and `make test` need, and skips whatever is
# already present at the pinned version, so a warm run takes a few seconds.
#
#   scripts/bootstrap.sh --for demo   # what `make build` / `make demo` need: the Rust
#                                     # toolchain, the pinned nightly with rust-src, wasm-pack,
#                                     # wasm-bindgen-cli, the npm packages
#   scripts/bootstrap.sh --for test   # the same, plus Debian's Chromium and ChromeDriver
#                                     # (`make test`; the default without --for)
#   NIGHTLY=0 scripts/bootstrap.sh    # without the nightly toolchain (only for
#                                     # `make build-stable`: `make build` needs it)
#
# Pinned here (bump deliberately):
#   - Rust: the channel in rust-toolchain.toml; the nightly for the release .wasm
#     in scripts/toolchain.sh (a dated nightly, never plain `nightly`)
#   - wasm-pack: WASM_PACK_VERSION below
#   - cargo-mutants (tests only): CARGO_MUTANTS_VERSION below
#   - wasm-bindgen-cli: exactly the wasm-bindgen version in Cargo.lock (the CLI,
#     the test runner and the crate must agree byte for byte on the ABI)
#   - npm tools: package-lock.json (installed with `npm ci`)
#   - Chromium/ChromeDriver: Debian's packages (`npx playwright install` cannot
#     download browsers here; Playwright drives /usr/bin/chromium instead)
#   - Firefox ESR, WebKitGTK, WPE WebKit (tests only) and geckodriver:
#     scripts/bootstrap-browsers.sh (SKIP_BROWSERS=1 skips them)
#   - WordPress, MariaDB, PHP and Hugo (tests only): Debian's packages,
#     scripts/bootstrap-integrations.sh (SKIP_INTEGRATIONS=1 skips them)
#
# Each install prints how long it took.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

WASM_PACK_VERSION=0.15.1
CARGO_MUTANTS_VERSION=27.1.0
NIGHTLY=${NIGHTLY:-1}
# shellcheck source=toolchain.sh
source scripts/toolchain.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

PURPOSE=test
while [[ $# -gt 0 ]]; do
  case $1 in
    --for) PURPOSE=${2:-}; shift 2 || die "--for needs demo or test" ;;
    --for=*) PURPOSE=${1#--for=}; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (usage: scripts/bootstrap.sh [--for demo|test])" ;;
  esac
done
[[ $PURPOSE == demo || $PURPOSE == test ]] || die "--for takes demo or test, not '$PURPOSE'"
log "for ${PURPOSE}: $([[ $PURPOSE == test ]] && echo 'everything make test needs' || echo 'what make build and make demo need (no Chromium)')"

started=$SECONDS
LOG_DIR=$ROOT/target/bootstrap
mkdir -p "$LOG_DIR"

# --- versions we pin -----------------------------------------------------------
toolchain=$(sed -n 's/^[[:space:]]*channel[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' rust-toolchain.toml)
[[ -n $toolchain ]] || die "no channel in rust-toolchain.toml"

wasm_bindgen_version() {
  # Cargo.lock is the truth; fall back to the `=x.y.z` pin in Cargo.toml when
  # the lock file does not exist yet (it is created by the first cargo build).
  local v=""
  if [[ -f Cargo.lock ]]; then
    v=$(awk '/^\[\[package\]\]/{name=""} /^name = "wasm-bindgen"$/{name=1; next} name && /^version = /{gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
  fi
  if [[ -z $v ]]; then
    v=$(sed -n 's/^wasm-bindgen[[:space:]]*=[[:space:]]*"=\([0-9][^"]*\)".*/\1/p' Cargo.toml | head -n1)
  fi
  printf '%s' "$v"
}
WASM_BINDGEN_VERSION=$(wasm_bindgen_version)
[[ -n $WASM_BINDGEN_VERSION ]] || die "cannot find the wasm-bindgen version in Cargo.lock or Cargo.toml"

# --- Chromium + ChromeDriver (background: apt is I/O bound, Rust is CPU bound) --
# One apt run (one `apt-get update`) also installs the other test browsers
# that are missing (scripts/bootstrap-browsers.sh).
# shellcheck source=scripts/bootstrap-browsers.sh
source "$ROOT/scripts/bootstrap-browsers.sh"
# shellcheck source=scripts/bootstrap-integrations.sh
source "$ROOT/scripts/bootstrap-integrations.sh"
browser_packages=()
integration_packages=()
if [[ $PURPOSE == test ]]; then
  mapfile -t browser_packages < <(browsers_apt_missing)
  mapfile -t integration_packages < <(integrations_apt_missing)
fi
need_chromium=1
apt_pid=""
apt_started=$SECONDS
if [[ $PURPOSE != test ]]; then
  log "skip   chromium + chromium-driver (only the tests need them)"
elif [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  log "skip   chromium + chromium-driver (present)"
  need_chromium=0
fi
((${#browser_packages[@]} > 0)) || [[ ${SKIP_BROWSERS:-0} == 1 ]] || log "skip   ${BROWSER_APT_ORDER[*]} (present)"
((${#integration_packages[@]} > 0)) || [[ $PURPOSE != test || ${SKIP_INTEGRATIONS:-0} == 1 ]] || log "skip   ${INTEGRATION_APT_ORDER[*]} (present)"
apt_what=()
((need_chromium == 0)) || apt_what+=(chromium chromium-driver)
apt_what+=("${browser_packages[@]}" "${integration_packages[@]}")
if ((${#apt_what[@]} > 0)); then
  command -v apt-get >/dev/null || die "apt-get is not available; install these by hand: ${apt_what[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "installing ${apt_what[*]} needs root (or sudo)"
    SUDO="sudo"
  fi
  log "install ${apt_what[*]} (apt, in the background; log: target/bootstrap/apt.log)"
  (
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update &&
      if ((need_chromium == 1)); then $SUDO apt-get install -y chromium chromium-driver; fi &&
      browsers_apt_install "${browser_packages[@]}" &&
      integrations_apt_install "${integration_packages[@]}"
  ) >"$LOG_DIR/apt.log" 2>&1 &
  apt_pid=$!
fi

# --- Rust toolchain -----------------------------------------------------------
command -v rustup >/dev/null || die "rustup not found (expected in ~/.cargo/bin)"

if rustup toolchain list | grep -q "^${toolchain}-"; then
  log "skip   rust ${toolchain} (present)"
else
  log "install rust ${toolchain} (minimal + rustfmt, clippy, wasm32-unknown-unknown)"
  t=$SECONDS
  # --no-self-update: installing a toolchain must not replace rustup itself.
  rustup toolchain install "$toolchain" --profile minimal --no-self-update \
    -c rustfmt -c clippy -t wasm32-unknown-unknown
  log "installed rust ${toolchain} in $((SECONDS - t)) s"
fi

installed_components=$(rustup component list --installed --toolchain "$toolchain")
for component in rustfmt clippy; do
  if grep -q "^${component}" <<<"$installed_components"; then
    log "skip   ${component} (present)"
  else
    log "install ${component}"
    rustup component add "$component" --toolchain "$toolchain"
  fi
done
if rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32-unknown-unknown; then
  log "skip   target wasm32-unknown-unknown (present)"
else
  log "install target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown --toolchain "$toolchain"
fi

# The release .wasm is built with the pinned nightly's build-std
# (scripts/build.sh; smaller, docs/size.md). Required: a build that silently
# used another compiler would ship different files. NIGHTLY=0 skips it, for
# `make build-stable` only.
nightly_setup() {
  if rustup toolchain list | grep -q "^${NIGHTLY_TOOLCHAIN}-"; then
    log "skip   ${NIGHTLY_TOOLCHAIN} toolchain (present: $(rustup run "$NIGHTLY_TOOLCHAIN" rustc --version))"
  else
    log "install ${NIGHTLY_TOOLCHAIN} toolchain (minimal + rust-src + wasm32-unknown-unknown)"
    local t=$SECONDS
    rustup toolchain install "$NIGHTLY_TOOLCHAIN" --profile minimal --no-self-update -c rust-src -t wasm32-unknown-unknown || return 1
    log "installed ${NIGHTLY_TOOLCHAIN} in $((SECONDS - t)) s"
  fi
  if rustup component list --installed --toolchain "$NIGHTLY_TOOLCHAIN" | grep -q '^rust-src'; then
    log "skip   rust-src for ${NIGHTLY_TOOLCHAIN} (present)"
  else
    log "install rust-src for ${NIGHTLY_TOOLCHAIN}"
    rustup component add rust-src --toolchain "$NIGHTLY_TOOLCHAIN" || return 1
  fi
}
case $NIGHTLY in
  1) nightly_setup ||
    die "the ${NIGHTLY_TOOLCHAIN} toolchain with rust-src could not be installed (the release build needs it; \`make build-stable\` builds with stable only, a different and larger .wasm)" ;;
  0) log "skip   ${NIGHTLY_TOOLCHAIN} toolchain (NIGHTLY=0: only \`make build-stable\` works)" ;;
  *) die "NIGHTLY must be 1 (default) or 0, not '$NIGHTLY'" ;;
esac

# --- wasm-pack and wasm-bindgen-cli ---------------------------------------------
# Built with the pinned toolchain from a neutral directory so that the
# project's rust-toolchain.toml and .cargo/config.toml do not interfere.
cargo_install() {
  (cd "$HOME" && cargo "+$toolchain" install "$@")
}

have_version() { # command, expected "name x.y.z" prefix
  command -v "$1" >/dev/null && [[ $("$1" --version 2>/dev/null) == "$2"* ]]
}

# The two installs run side by side: each is mostly one long serial compile
# at the end, so together they keep both cores busy.
install_pids=()
install_logs=()
installs_started=$SECONDS
if have_version wasm-pack "wasm-pack ${WASM_PACK_VERSION}"; then
  log "skip   wasm-pack ${WASM_PACK_VERSION} (present)"
else
  log "install wasm-pack ${WASM_PACK_VERSION} (cargo install, ~3 min; log: target/bootstrap/wasm-pack.log)"
  cargo_install wasm-pack --version "=${WASM_PACK_VERSION}" --locked >"$LOG_DIR/wasm-pack.log" 2>&1 &
  install_pids+=($!)
  install_logs+=(wasm-pack)
fi

# --locked fails for wasm-bindgen-cli here (its lock file pins crates this
# registry does not serve); --no-default-features drops the parts we never use.
if have_version wasm-bindgen "wasm-bindgen ${WASM_BINDGEN_VERSION}" &&
  have_version wasm-bindgen-test-runner "wasm-bindgen-test-runner ${WASM_BINDGEN_VERSION}"; then
  log "skip   wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (present)"
else
  log "install wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (cargo install, ~3 min; log: target/bootstrap/wasm-bindgen-cli.log)"
  cargo_install wasm-bindgen-cli --version "=${WASM_BINDGEN_VERSION}" --no-default-features --force \
    >"$LOG_DIR/wasm-bindgen-cli.log" 2>&1 &
  install_pids+=($!)
  install_logs+=(wasm-bindgen-cli)
fi

# geckodriver for Firefox ESR, side by side with the two above (tests only).
if [[ $PURPOSE == test ]]; then
  browsers_geckodriver_start
fi

# cargo-mutants for `make mutants` and the CI mutation step (tests only). A
# cargo subcommand: it reads its arguments after the word `mutants`.
have_cargo_mutants() {
  command -v cargo-mutants >/dev/null &&
    [[ $(cargo-mutants mutants --version 2>/dev/null) == "cargo-mutants ${CARGO_MUTANTS_VERSION}"* ]]
}
if [[ $PURPOSE != test ]]; then
  :
elif have_cargo_mutants; then
  log "skip   cargo-mutants ${CARGO_MUTANTS_VERSION} (present)"
else
  log "install cargo-mutants ${CARGO_MUTANTS_VERSION} (cargo install, ~3 min; log: target/bootstrap/cargo-mutants.log)"
  cargo_install cargo-mutants --version "=${CARGO_MUTANTS_VERSION}" --locked >"$LOG_DIR/cargo-mutants.log" 2>&1 &
  install_pids+=($!)
  install_logs+=(cargo-mutants)
fi

# --- npm tools (binaryen's wasm-opt, esbuild, Playwright, axe) ------------------
command -v node >/dev/null || die "node not found (Node.js 20 or newer is required)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || die "Node.js $(node --version) is too old; 20 or newer is required"
command -v npm >/dev/null || die "npm not found"

stamp_file=node_modules/.bootstrap-stamp
want_stamp="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [[ -f $stamp_file && $(cat "$stamp_file") == "$want_stamp" ]]; then
  log "skip   npm ci (node_modules matches package-lock.json)"
else
  log "install npm packages (npm ci)"
  t=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error
  log "installed npm packages in $((SECONDS - t)) s"
  printf '%s' "$want_stamp" >"$stamp_file"
fi

# --- wait for the cargo installs and Chromium ---------------------------------
for i in "${!install_pids[@]}"; do
  if wait "${install_pids[$i]}"; then
    log "installed ${install_logs[$i]} ($((SECONDS - installs_started)) s after the cargo installs started)"
  else
    tail -n 30 "$LOG_DIR/${install_logs[$i]}.log" >&2
    die "cargo install ${install_logs[$i]} failed (log: target/bootstrap/${install_logs[$i]}.log)"
  fi
done
have_version wasm-pack "wasm-pack ${WASM_PACK_VERSION}" || die "wasm-pack ${WASM_PACK_VERSION} is not on PATH after install"
have_version wasm-bindgen "wasm-bindgen ${WASM_BINDGEN_VERSION}" || die "wasm-bindgen ${WASM_BINDGEN_VERSION} is not on PATH after install"
if [[ $PURPOSE == test ]]; then
  have_cargo_mutants || die "cargo-mutants ${CARGO_MUTANTS_VERSION} is not on PATH after install"
fi

if [[ -n $apt_pid ]]; then
  log "waiting for apt (${apt_what[*]})"
  if ! wait "$apt_pid"; then
    tail -n 30 "$LOG_DIR/apt.log" >&2
    die "apt-get install ${apt_what[*]} failed"
  fi
  log "installed ${apt_what[*]} in $((SECONDS - apt_started)) s"
fi
if [[ $PURPOSE == test ]]; then
  [[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after install"
  [[ -x /usr/bin/chromedriver ]] || die "/usr/bin/chromedriver is missing after install"
fi
if [[ $PURPOSE == test ]]; then
  browsers_verify
  integrations_verify
fi

# --- summary ------------------------------------------------------------------
log "ready in $((SECONDS - started)) s:"
log "  $(rustup run "$toolchain" rustc --version)"
if [[ $NIGHTLY == 1 ]]; then
  log "  ${NIGHTLY_TOOLCHAIN}: $(rustup run "$NIGHTLY_TOOLCHAIN" rustc --version)"
fi
log "  $(wasm-pack --version), $(wasm-bindgen --version)"
log "  $(node_modules/.bin/wasm-opt --version 2>/dev/null | head -n1) (binaryen), esbuild $(node_modules/.bin/esbuild --version), @playwright/test $(node -p 'JSON.parse(require("fs").readFileSync("node_modules/@playwright/test/package.json","utf8")).version')"
if [[ $PURPOSE == test ]]; then
  log "  $(/usr/bin/chromium --version 2>/dev/null | head -n1), $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
  browsers_summary
  integrations_summary
  log "  $(cargo-mutants mutants --version)"
fi
