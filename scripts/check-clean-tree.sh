#!/usr/bin/env bash
# The last step of `make test`: the run changed no file git tracks, and left
# no new file that git would show (untracked and not ignored). CI fails on
# any such change, so a newcomer's clone stays exactly as cloned.
#
#   scripts/check-clean-tree.sh snapshot   # record the tree as it is (scripts/steps.sh,
#                                          # before the first step)
#   scripts/check-clean-tree.sh            # compare with the snapshot; without one,
#                                          # with a clean tree
#
# Changes made before the run (the snapshot) are not the run's: a developer
# may run `make test` with work in progress. Outside a git checkout (e.g. an
# unpacked archive) there is nothing to compare, and it says so.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[clean-tree] %s\n' "$*"; }

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  log "skip: not a git checkout"
  exit 0
fi

SNAPSHOT=target/clean-tree/before
# The state of the tree: `git status` (tracked changes and untracked files),
# plus a hash of the content of every changed or untracked file, so a run
# that edits an already modified file is seen too.
state() {
  git status --porcelain=v1 --untracked-files=all | LC_ALL=C sort
  git status --porcelain=v1 -z --untracked-files=all |
    tr '\0' '\n' | sed -n 's/^...//p' | LC_ALL=C sort |
    while IFS= read -r path; do
      if [[ -f $path ]]; then printf '%s  %s\n' "$(sha256sum <"$path" | cut -d' ' -f1)" "$path"; fi
    done
}

if [[ ${1:-} == snapshot ]]; then
  mkdir -p "$(dirname "$SNAPSHOT")"
  state >"$SNAPSHOT"
  exit 0
fi

now=$(state)
if [[ -f $SNAPSHOT ]]; then
  before=$(cat "$SNAPSHOT")
  against="as it was before this run"
else
  before=""
  against="clean"
fi
if [[ $now == "$before" ]]; then
  log "ok: the working tree is $against (git status)"
  exit 0
fi
log "error: this run changed the git working tree (compared with the tree $against):" >&2
diff <(printf '%s\n' "$before") <(printf '%s\n' "$now") | sed -n '/^[<>] *$/d; s/^> /  now:    /p; s/^< /  before: /p' >&2
log "a test or an install wrote a file git tracks, or left a new file that is not in .gitignore;" >&2
log "see \`git status\` and \`git diff\`. CI fails on this: a fresh clone must stay as cloned." >&2
exit 1
