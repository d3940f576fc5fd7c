#!/usr/bin/env bash
# The CI mutation step (`make test-mutants`, in `make test` when CI is set):
# cargo-mutants on the core lines a change touches (`--in-diff`), within a
# time box, failing on a mutant the tests do not catch.
#
#   scripts/mutants-diff.sh              # the change since the base (below)
#   MUTANTS_BASE=v0.1.0 scripts/mutants-diff.sh
#
# The change: `git diff <base>` of the core's sources (src/**/*.rs; the
# config leaves out src/wasm/ and src/bin/), uncommitted edits included. The
# base is MUTANTS_BASE when set; else the merge base with origin/main (or,
# in a checkout without that remote branch, with the local main) when that is
# not HEAD itself (a branch: everything the branch changes); else HEAD~1 (a
# fresh clone of main, or main itself: its last commit). Without either (a
# clone of depth 1) the step says so and passes.
#
# It mutates the working tree in place (`--in-place`, one job), so it reuses
# target/ as `cargo test` (test-native) left it instead of building a copy
# from scratch; a copy of src/ is kept and put back if a run is cut short.
# Do not edit src/ while it runs.
#
# Time box: MUTANTS_SECONDS (default 60). When it runs out, cargo-mutants is
# interrupted, the mutants it tested count, and the step lists how many it
# did not test and passes: `make mutants` (or `scripts/mutants.sh -f FILE`)
# tests them all. A mutant that survives fails the step, whether the box ran
# out or not; one accepted as equivalent is left out by .cargo/mutants.toml
# (exclude_re) and never generated.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '[mutants-diff] %s\n' "$*"; }
die() { printf '[mutants-diff] error: %s\n' "$*" >&2; exit 1; }

BOX=${MUTANTS_SECONDS:-60}
OUT=target/mutants-diff
command -v cargo-mutants >/dev/null || die "cargo-mutants is missing (scripts/bootstrap.sh --for test installs it)"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { log "skip: not a git checkout"; exit 0; }

# --- the base ----------------------------------------------------------------
base=${MUTANTS_BASE:-}
why="MUTANTS_BASE"
if [[ -z $base ]]; then
  head=$(git rev-parse HEAD)
  main_ref=origin/main
  git rev-parse --verify --quiet origin/main >/dev/null || main_ref=main
  merge_base=$(git merge-base HEAD "$main_ref" 2>/dev/null || true)
  if [[ -n $merge_base && $merge_base != "$head" ]]; then
    base=$merge_base
    why="merge base with ${main_ref}"
  elif git rev-parse --verify --quiet HEAD~1 >/dev/null; then
    base=$(git rev-parse HEAD~1)
    why="HEAD~1: ${main_ref} is HEAD, or missing"
  else
    log "skip: no base to compare with (no origin/main other than HEAD, and no HEAD~1)"
    exit 0
  fi
fi
git rev-parse --verify --quiet "${base}^{commit}" >/dev/null || die "base '${base}' is not a commit"

mkdir -p "$OUT"
diff_file=$OUT/change.diff
git diff --no-ext-diff "$base" -- 'src/*.rs' >"$diff_file"
log "base ${base:0:12} (${why}): $(git diff --stat "$base" -- 'src/*.rs' | tail -n1 | sed 's/^ *//')"
if [[ ! -s $diff_file ]]; then
  log "no change to src/: nothing to mutate"
  exit 0
fi

# --- how many mutants --------------------------------------------------------
# The same config as `make mutants`, and no baseline run: test-native has just
# passed on this tree. Timeouts are explicit for that reason.
args=(--in-diff "$diff_file" --colors never)
count=$(cargo mutants --list "${args[@]}" 2>/dev/null | grep -c . || true)
if ((count == 0)); then
  log "the change touches no mutable line of the core (src/wasm/ and src/bin/ are left out)"
  exit 0
fi
log "${count} mutant(s) in the change; time box ${BOX} s"

# --- run, in place, within the box ------------------------------------------
backup=$(mktemp -d)
trap 'rm -rf "$backup"' EXIT
cp -a src "$backup/src"
restore() {
  if ! diff -rq src "$backup/src" >/dev/null 2>&1; then
    log "src/ differs from before the run (cut short mid-mutant?): putting it back"
    rm -rf src && cp -a "$backup/src" src
  fi
}

started=$SECONDS
status=0
# SIGINT is cargo-mutants' Ctrl-C: it stops the test in progress, puts the
# file back and writes outcomes.json; KILL 20 s later if it does not stop.
RUST_LIB_BACKTRACE=0 timeout --signal=INT --kill-after=20 "$BOX" \
  cargo mutants "${args[@]}" --in-place --baseline skip --timeout 60 --build-timeout 120 \
  --output "$OUT" || status=$?
restore
elapsed=$((SECONDS - started))

# The lists cargo-mutants appends to as it goes (outcomes.json is written
# only by a run that was not interrupted).
out=$OUT/mutants.out
lines() { if [[ -f $out/$1.txt ]]; then grep -c . "$out/$1.txt" || true; else echo 0; fi; }
caught=$(lines caught) missed=$(lines missed) timeouts=$(lines timeout) unviable=$(lines unviable)
tested=$((caught + missed + timeouts + unviable))
log "in ${elapsed} s: ${caught} caught, ${missed} missed, ${timeouts} timed out, ${unviable} unviable (do not build)"

if ((missed > 0)); then
  sed 's/^/[mutants-diff]   survived: /' "$out/missed.txt"
  log "FAILED: ${missed} mutant(s) survived (diffs in ${out}/diff/): add a test that catches each,"
  log "or, if one cannot change behaviour, list it in .cargo/mutants.toml exclude_re with the reason"
  exit 1
fi
if ((status == 124 || tested < count)); then
  log "time box (${BOX} s) ran out: ${tested} of ${count} mutant(s) tested, none survived;"
  log "the other $((count - tested)) were not tested (make mutants, or scripts/mutants.sh -f FILE, tests them)"
  exit 0
fi
case $status in
  0 | 3) log "all ${count} mutant(s) tested, none survived" ;;
  *) die "cargo-mutants failed (status ${status}); its log: ${out}/" ;;
esac
