#!/usr/bin/env bash
# Mutation testing of the core with cargo-mutants (`make mutants`): every
# mutant of src/ outside src/wasm/ and src/bin/ (.cargo/mutants.toml), each
# built and tested in a copy of the tree, MUTANTS_JOBS at a time. Prints a
# table per module and every surviving mutant (scripts/mutants-table.mjs);
# the full report is in mutants.out/ (ignored by git; the previous run's is
# moved to mutants.out.old/).
#
#   scripts/mutants.sh                          # the whole core (~3.5 h on two shared cores)
#   scripts/mutants.sh -f src/ahp.rs            # one file (any cargo-mutants arguments)
#   scripts/mutants.sh -f src/ahp.rs --iterate  # only the mutants the last run did not catch
#
# Exits with cargo-mutants' status: 0 when every viable mutant was caught,
# 2 when some survived, 3 when some timed out (see docs/testing.md).
#
# MUTANTS_JOBS (default 2: this machine's cores) copies build in parallel;
# MUTANTS_NICE (default 10) keeps the run from starving other work. The
# copies build without debug info (CARGO_PROFILE_DEV_DEBUG=0): the same
# code, linked faster. Timeouts per mutant are in .cargo/mutants.toml.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '[mutants] %s\n' "$*"; }

command -v cargo-mutants >/dev/null ||
  { log "error: cargo-mutants is missing (scripts/bootstrap.sh --for test installs it)" >&2; exit 1; }

JOBS=${MUTANTS_JOBS:-2}
started=$SECONDS
log "$(cargo mutants --version), ${JOBS} jobs, nice ${MUTANTS_NICE:-10}"
status=0
CARGO_PROFILE_DEV_DEBUG=0 nice -n "${MUTANTS_NICE:-10}" \
  cargo mutants --jobs "$JOBS" --colors never "$@" || status=$?
if [[ -f mutants.out/outcomes.json ]]; then
  node scripts/mutants-table.mjs mutants.out/outcomes.json
fi
log "done in $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s (status ${status})"
exit "$status"
