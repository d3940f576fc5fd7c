#!/usr/bin/env bash
# `make reference`: regenerates tests/fixtures/reference/*.json with pymcdm,
# an independent Python MCDA library, in a throwaway virtualenv.
#
#   scripts/reference/run.sh
#
# Rerunnable: the matrices come from a fixed seed and the library versions
# are pinned, so a rerun writes the same files (check with `git diff`).
# Set REFERENCE_VENV to reuse a virtualenv elsewhere (default under /tmp).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PYMCDM_VERSION=1.4.0
NUMPY_VERSION=2.4.6
VENV=${REFERENCE_VENV:-${TMPDIR:-/tmp}/stack-advisor-reference-venv}
PYTHON=${PYTHON:-python3}

log() { printf '[reference] %s\n' "$*"; }

command -v "$PYTHON" >/dev/null || { echo "[reference] error: $PYTHON not found" >&2; exit 1; }
if [[ ! -x $VENV/bin/python ]]; then
  log "virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
fi
log "pip install pymcdm==$PYMCDM_VERSION numpy==$NUMPY_VERSION"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "pymcdm==$PYMCDM_VERSION" "numpy==$NUMPY_VERSION"
"$VENV/bin/python" scripts/reference/generate.py tests/fixtures/reference
