#!/usr/bin/env bash
# `make bench-peer`: pymcdm vs our engine (WebAssembly under Node, and native)
# on the same random 1,000 x 50 and 10,000 x 100 matrices. See
# docs/benchmarks.md and benches/peer/run.mjs.
#
#   benches/peer/run.sh [--runs N]
#
# pymcdm and numpy come from the same pinned virtualenv as `make reference`
# (scripts/reference/run.sh; default /tmp/stack-advisor-reference-venv, or
# $REFERENCE_VENV): created if missing, and pip only runs when the installed
# versions differ from the pins. Needs pkg/ (make build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# The pins live in scripts/reference/run.sh; read them so both stay in step.
PYMCDM_VERSION=$(sed -n 's/^PYMCDM_VERSION=//p' scripts/reference/run.sh)
NUMPY_VERSION=$(sed -n 's/^NUMPY_VERSION=//p' scripts/reference/run.sh)
VENV=${REFERENCE_VENV:-${TMPDIR:-/tmp}/stack-advisor-reference-venv}
PYTHON=${PYTHON:-python3}

log() { printf '[peer] %s\n' "$*" >&2; }

[[ -n $PYMCDM_VERSION && -n $NUMPY_VERSION ]] || { echo "[peer] error: no pins found in scripts/reference/run.sh" >&2; exit 1; }
[[ -f pkg/node.js && -f pkg/stack_advisor_bg.wasm ]] || { echo "[peer] error: pkg/ is missing: run make build first" >&2; exit 1; }

if [[ ! -x $VENV/bin/python ]]; then
  command -v "$PYTHON" >/dev/null || { echo "[peer] error: $PYTHON not found" >&2; exit 1; }
  log "virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
fi
installed=$("$VENV/bin/python" -c 'from importlib.metadata import version as v; print(v("pymcdm"), v("numpy"))' 2>/dev/null || true)
if [[ $installed != "$PYMCDM_VERSION $NUMPY_VERSION" ]]; then
  log "pip install pymcdm==$PYMCDM_VERSION numpy==$NUMPY_VERSION"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pymcdm==$PYMCDM_VERSION" "numpy==$NUMPY_VERSION"
fi

log "cargo build --release --example peer_rank"
cargo build --quiet --release --example peer_rank

node benches/peer/run.mjs --python "$VENV/bin/python" --native target/release/examples/peer_rank "$@"
