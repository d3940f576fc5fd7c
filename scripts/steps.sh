#!/usr/bin/env bash
# Runs make targets one after another, prints how long each took and, at the
# end (also after a failure), a table of the times. `make test` runs its steps
# through this script.
#
#   scripts/steps.sh bootstrap lint test-native ... browsers+integrations ...
#
# A step "a+b" runs make targets a and b at the same time (see run_step).
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

# After a failure: the lines that say what failed (test titles, errors with the
# lines after them, panics, compiler errors), from the failed step's log, so
# they stand at the end of a long output next to the table of times.
digest() {
  local part parts
  log "what failed in make ${1//+/ and make } (the whole output is above):"
  IFS=+ read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    [[ -f target/steps/$part.log ]] || continue
    grep -E -A 8 '^ +[0-9]+\) |^ *(Error|AssertionError)[^ ]*: |panicked at|^error(\[|:)|^not ok |^FAIL|^ +✘' "target/steps/$part.log" |
      grep -v -E '^ +at ' | head -n 60 | sed 's/^/[steps] | /' || true
  done
}

# Runs one step; a step written "a+b" runs make targets a and b at the same
# time (for steps that write nothing the other reads and leave a core idle
# much of the time: waiting on browsers and servers, or one test process at a
# time), each into its own log, printed whole when both end.
run_step() {
  mkdir -p target/steps
  if [[ $1 != *+* ]]; then
    "$MAKE" --no-print-directory "$1" 2>&1 | tee "target/steps/$1.log"
    return
  fi
  local parts part status=0 pids=()
  IFS=+ read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    "$MAKE" --no-print-directory "$part" >"target/steps/$part.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!parts[@]}"; do
    if wait "${pids[$i]}"; then
      log "--- make ${parts[$i]} (at the same time as the others of $1): passed"
    else
      status=1
      log "--- make ${parts[$i]} (at the same time as the others of $1): FAILED"
    fi
    cat "target/steps/${parts[$i]}.log"
  done
  return $status
}

for step in "$@"; do
  log "==> make ${step//+/ and make }"
  t=$SECONDS
  if ! run_step "$step"; then
    names+=("$step")
    times+=("FAILED after $(mmss $((SECONDS - t)))")
    digest "$step"
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
