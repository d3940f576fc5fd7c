#!/usr/bin/env bash
# The browsers beyond Chromium that `make browsers` (part of `make test`) drives:
# Firefox ESR through geckodriver, WebKitGTK's MiniBrowser through
# WebKitWebDriver under Xvfb, and WPE WebKit's `cog` (Safari 16.0 level)
# through WPEWebDriver. Tests only: `make demo` needs none of it.
#
# scripts/bootstrap.sh sources this file: it folds the missing apt packages
# into its one apt run and builds geckodriver next to its other cargo
# installs. Run on its own, it installs just these:
#
#   scripts/bootstrap-browsers.sh
#
# Pinned here (bump deliberately):
#   - geckodriver: GECKODRIVER_VERSION below, `cargo install --locked` into
#     ~/.cargo/bin, so a warm run skips it (the npm `geckodriver` package
#     downloads a binary from elsewhere, which fails here)
#   - the browsers: Debian's packages (firefox-esr, webkit2gtk-driver,
#     wpewebkit-driver + cog), installed with --no-install-recommends
#
# SKIP_BROWSERS=1 skips all of it.

GECKODRIVER_VERSION=0.37.1

# apt package -> the file that shows it is installed.
declare -A BROWSER_APT_PROBES=(
  [firefox-esr]=/usr/bin/firefox-esr
  [webkit2gtk-driver]=/usr/bin/WebKitWebDriver
  [xvfb]=/usr/bin/Xvfb
  [xauth]=/usr/bin/xauth
  [wpewebkit-driver]=/usr/bin/WPEWebDriver
  [cog]=/usr/bin/cog
)
BROWSER_APT_ORDER=(firefox-esr webkit2gtk-driver xvfb xauth wpewebkit-driver cog)

# Prints the apt packages still missing, one a line (none with SKIP_BROWSERS=1).
browsers_apt_missing() {
  [[ ${SKIP_BROWSERS:-0} == 1 ]] && return 0
  local package
  for package in "${BROWSER_APT_ORDER[@]}"; do
    [[ -x ${BROWSER_APT_PROBES[$package]} ]] || printf '%s\n' "$package"
  done
}

# Installs the given apt packages without their recommends (run inside the
# caller's apt job, after its one `apt-get update`).
browsers_apt_install() {
  (($# > 0)) || return 0
  ${SUDO:-} apt-get install -y --no-install-recommends "$@"
}

# Starts `cargo install geckodriver` in the background when the pinned
# version is not on PATH; appends to the caller's install_pids/install_logs.
# Needs the caller's log, have_version, cargo_install and LOG_DIR.
browsers_geckodriver_start() {
  [[ ${SKIP_BROWSERS:-0} == 1 ]] && return 0
  if have_version geckodriver "geckodriver ${GECKODRIVER_VERSION}"; then
    log "skip   geckodriver ${GECKODRIVER_VERSION} (present)"
  else
    log "install geckodriver ${GECKODRIVER_VERSION} (cargo install --locked, ~4 min; log: target/bootstrap/geckodriver.log)"
    cargo_install geckodriver --version "=${GECKODRIVER_VERSION}" --locked >"$LOG_DIR/geckodriver.log" 2>&1 &
    install_pids+=($!)
    install_logs+=(geckodriver)
  fi
}

# After the installs: everything `make browsers` starts is there.
browsers_verify() {
  [[ ${SKIP_BROWSERS:-0} == 1 ]] && return 0
  local package
  for package in "${BROWSER_APT_ORDER[@]}"; do
    [[ -x ${BROWSER_APT_PROBES[$package]} ]] || die "${BROWSER_APT_PROBES[$package]} is missing after installing $package"
  done
  have_version geckodriver "geckodriver ${GECKODRIVER_VERSION}" || die "geckodriver ${GECKODRIVER_VERSION} is not on PATH after install"
}

# One summary line per engine.
browsers_summary() {
  [[ ${SKIP_BROWSERS:-0} == 1 ]] && { log "  other browsers: skipped (SKIP_BROWSERS=1)"; return 0; }
  log "  $(/usr/bin/firefox-esr --version 2>/dev/null | head -n1), $(geckodriver --version 2>/dev/null | sed -n '1s/ (.*//;1p')"
  log "  WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null), WPE WebKit $(dpkg-query -W -f '${Version}' wpewebkit-driver 2>/dev/null) (cog $(dpkg-query -W -f '${Version}' cog 2>/dev/null)), Xvfb"
}

# Run on its own: install just the browsers.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  log() { printf '[bootstrap-browsers] %s\n' "$*"; }
  die() { printf '[bootstrap-browsers] error: %s\n' "$*" >&2; exit 1; }
  have_version() { command -v "$1" >/dev/null && [[ $("$1" --version 2>/dev/null) == "$2"* ]]; }
  toolchain=$(sed -n 's/^[[:space:]]*channel[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' rust-toolchain.toml)
  cargo_install() { (cd "$HOME" && cargo "+$toolchain" install "$@"); }
  started=$SECONDS
  LOG_DIR=$PWD/target/bootstrap
  mkdir -p "$LOG_DIR"
  install_pids=()
  install_logs=()
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO=sudo
  browsers_geckodriver_start
  mapfile -t missing < <(browsers_apt_missing)
  if ((${#missing[@]} > 0)); then
    log "install ${missing[*]} (apt; log: target/bootstrap/apt-browsers.log)"
    (export DEBIAN_FRONTEND=noninteractive; $SUDO apt-get update && browsers_apt_install "${missing[@]}") \
      >"$LOG_DIR/apt-browsers.log" 2>&1 || { tail -n 30 "$LOG_DIR/apt-browsers.log" >&2; die "apt-get install failed"; }
    log "apt done in $((SECONDS - started)) s"
  else
    log "skip   ${BROWSER_APT_ORDER[*]} (present)"
  fi
  for i in "${!install_pids[@]}"; do
    wait "${install_pids[$i]}" || { tail -n 30 "$LOG_DIR/${install_logs[$i]}.log" >&2; die "cargo install ${install_logs[$i]} failed"; }
    log "installed ${install_logs[$i]}"
  done
  browsers_verify
  log "ready in $((SECONDS - started)) s:"
  browsers_summary
fi
