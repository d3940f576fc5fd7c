#!/usr/bin/env bash
# Runs make targets one after another, prints how long each took and, at the
# end (also after a failure), a table of the times. `make test` runs its steps
# through this script.
#
#   scripts/steps.sh bootstrap lint test-native ...
#
# After the `bootstrap` step it sets BOOTSTRAP_DONE=1, so the later steps'
# own `bootstrap` prerequisites do not run the installer again. Before the
# first step it records the git working tree (scripts/check-clean-tree.sh
# snapshot), so the last step can tell what the run changed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAKE=${MAKE:-make}

log() { printf '[steps] %s\n' "$*"; }
mmss() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

scripts/check-clean-tree.sh snapshot

started=$SECONDS
names=()
times=()
report() {
  log "time per step:"
  local i
  for i in "${!names[@]}"; do
    log "$(printf '  %-20s %6s' "${names[$i]}" "${times[$i]}")"
  done
  log "$(printf '  %-20s %6s' total "$(mmss $((SECONDS - started)))")"
}

for step in "$@"; do
  log "==> make $step"
  t=$SECONDS
  if ! "$MAKE" --no-print-directory "$step"; then
    names+=("$step")
    times+=("FAILED after $(mmss $((SECONDS - t)))")
    report
    log "make $step failed (its output is above)"
    exit 1
  fi
  names+=("$step")
  times+=("$(mmss $((SECONDS - t)))")
  log "<== make $step: $(mmss $((SECONDS - t)))"
  if [[ $step == bootstrap ]]; then export BOOTSTRAP_DONE=1; fi
done
report
