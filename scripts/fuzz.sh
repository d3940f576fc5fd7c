#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets/) for SECONDS each, as many
# at once as there are cores (FUZZ_JOBS), and fails if any of them finds a
# crash, a hang or a blow-up.
#
#   scripts/fuzz.sh                 # 30 s per target
#   scripts/fuzz.sh 600             # 10 minutes per target
#   scripts/fuzz.sh 60 rank answers # only these targets
#
# Installs what is missing first, and skips what is present: the nightly
# toolchain pinned in scripts/toolchain.sh, with rust-src (as
# scripts/bootstrap.sh installs it), and
# cargo-fuzz at CARGO_FUZZ_VERSION.
#
# Each target starts from the committed seeds (fuzz/corpus/<target>/, read
# only) plus what earlier runs found (fuzz/target/corpus/<target>/, where new
# finds go; not committed). A failing input is saved under
# fuzz/artifacts/<target>/ and the command to replay it is printed. Limits per
# input: FUZZ_TIMEOUT seconds (default 2) and FUZZ_RSS_MB of memory (512).
#
# FUZZ_SANITIZER=none (default) builds without AddressSanitizer: the crate
# has no `unsafe`, and the runs are about twice as fast. Panics, overflow
# checks and debug assertions are on either way. FUZZ_SANITIZER=address
# turns ASan on.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

SECONDS_PER_TARGET=${1:-${FUZZ_SECONDS:-30}}
shift || true
CARGO_FUZZ_VERSION=${CARGO_FUZZ_VERSION:-0.13.2}
# shellcheck source=toolchain.sh
source scripts/toolchain.sh
FUZZ_SANITIZER=${FUZZ_SANITIZER:-none}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-2}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-512}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '[fuzz] %s\n' "$*"; }
die() { printf '[fuzz] error: %s\n' "$*" >&2; exit 1; }

[[ $SECONDS_PER_TARGET =~ ^[0-9]+$ && $SECONDS_PER_TARGET -gt 0 ]] ||
  die "SECONDS must be a whole number above 0 (got '$SECONDS_PER_TARGET')"
command -v rustup >/dev/null || die "rustup not found (expected in ~/.cargo/bin)"

# --- nightly toolchain + rust-src ---------------------------------------------
if rustup toolchain list | grep -q "^${NIGHTLY_TOOLCHAIN}-"; then
  log "skip   ${NIGHTLY_TOOLCHAIN} toolchain (present: $(rustup run "$NIGHTLY_TOOLCHAIN" rustc --version))"
else
  log "install ${NIGHTLY_TOOLCHAIN} toolchain (minimal + rust-src)"
  rustup toolchain install "$NIGHTLY_TOOLCHAIN" --profile minimal --no-self-update -c rust-src
fi
if rustup component list --installed --toolchain "$NIGHTLY_TOOLCHAIN" | grep -q '^rust-src'; then
  log "skip   rust-src for ${NIGHTLY_TOOLCHAIN} (present)"
else
  log "install rust-src for ${NIGHTLY_TOOLCHAIN}"
  rustup component add rust-src --toolchain "$NIGHTLY_TOOLCHAIN"
fi

# --- cargo-fuzz ----------------------------------------------------------------
installed=$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [[ $installed == "$CARGO_FUZZ_VERSION" ]]; then
  log "skip   cargo-fuzz $CARGO_FUZZ_VERSION (present)"
else
  log "install cargo-fuzz $CARGO_FUZZ_VERSION${installed:+ (found $installed)}"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked ||
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# --- build once, then run each target ---------------------------------------------
cd "$ROOT/fuzz"
fuzz=(cargo "+$NIGHTLY_TOOLCHAIN" fuzz)
if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  mapfile -t targets < <("${fuzz[@]}" list)
fi
[[ ${#targets[@]} -gt 0 ]] || die "no fuzz targets found"

started=$SECONDS
log "build  ${targets[*]} (sanitizer: $FUZZ_SANITIZER)"
if [[ $# -gt 0 ]]; then
  for t in "${targets[@]}"; do "${fuzz[@]}" build -s "$FUZZ_SANITIZER" "$t"; done
else
  "${fuzz[@]}" build -s "$FUZZ_SANITIZER"
fi
log "built in $((SECONDS - started)) s"

# Up to FUZZ_JOBS targets at once (default: one per core; each libFuzzer run
# is single-threaded, so every target still gets its full time).
FUZZ_JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
[[ $FUZZ_JOBS =~ ^[1-9][0-9]*$ ]] || die "FUZZ_JOBS must be a whole number above 0 (got '$FUZZ_JOBS')"
mkdir -p target/logs
# Runs one target; its summary goes to target/logs/<target>.summary and the
# exit status says whether it found anything.
run_target() {
  local t=$1 logfile=target/logs/$1.log summary=target/logs/$1.summary
  if "${fuzz[@]}" run -s "$FUZZ_SANITIZER" "$t" "target/corpus/$t" "corpus/$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout="$FUZZ_TIMEOUT" \
    -rss_limit_mb="$FUZZ_RSS_MB" \
    -print_final_stats=1 >"$logfile" 2>&1; then
    stat() { sed -n "s/^stat::$1: *//p" "$logfile" | tail -n1; }
    corpus=$(grep -o 'corp: [0-9]*/[0-9A-Za-z]*' "$logfile" | tail -n1 | cut -d' ' -f2)
    log "ok     $t: $(stat number_of_executed_units) executions ($(stat average_exec_per_sec)/s)," \
      "corpus ${corpus:-?}, slowest input $(stat slowest_unit_time_sec) s, peak RSS $(stat peak_rss_mb) MB" >"$summary"
  else
    {
      grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written' "$logfile" | head -n 8 || true
      artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$logfile" | tail -n1)
      log "FAIL   $t (log: fuzz/$logfile)"
      [[ -z $artifact ]] ||
        log "       replay: (cd fuzz && ${fuzz[*]} run -s $FUZZ_SANITIZER $t ${artifact#"$ROOT/fuzz/"})"
    } >"$summary"
    return 1
  fi
}

for t in "${targets[@]}"; do
  mkdir -p "target/corpus/$t" "corpus/$t" "artifacts/$t"
  while (($(jobs -rp | wc -l) >= FUZZ_JOBS)); do wait -n || true; done
  log "run    $t for ${SECONDS_PER_TARGET} s (log: fuzz/target/logs/$t.log)"
  rm -f "target/logs/$t.ok"
  (run_target "$t" && touch "target/logs/$t.ok") &
done
wait
failed=()
for t in "${targets[@]}"; do
  if [[ -f target/logs/$t.ok ]]; then
    cat "target/logs/$t.summary"
  else
    cat "target/logs/$t.summary" >&2 2>/dev/null || log "FAIL   $t (no summary: see fuzz/target/logs/$t.log)" >&2
    failed+=("$t")
  fi
done

log "done in $((SECONDS - started)) s"
if [[ ${#failed[@]} -gt 0 ]]; then
  die "findings in: ${failed[*]}"
fi
