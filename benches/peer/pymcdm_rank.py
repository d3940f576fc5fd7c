"""Times pymcdm's TOPSIS and weighted sum on a matrix written by run.mjs.

    python pymcdm_rank.py DIR NAME METHOD RUNS WARMUP OUT

Reads DIR/NAME.json ({rows, cols, weights, cost}) and DIR/NAME.f64
(row-major little-endian float64), builds the numpy inputs once, then times
only the method call (time.perf_counter), WARMUP untimed calls first. Prints
one JSON line {"times_ms": [...]} and writes the scores of the last call to
OUT (float64, option order), on the engine's scale.

The methods are called exactly as scripts/reference/generate.py does, so the
scores are comparable to the engine's:

* topsis: TOPSIS(normalization_function=vector_normalization), weights w/sum(w),
  types -1 for cost columns;
* wsm: WSM(normalization_function=anchor), anchor = x/10 (benefit) or
  1 - x/10 (cost), times 100.

validation=False: pymcdm's input checks (e.g. for dominated alternatives)
are not part of the ranking, and the engine's own checks are cheap.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
from pymcdm import methods, normalizations


def anchor(x, cost=False):
    x = np.asarray(x, dtype=float)
    return 1 - x / 10 if cost else x / 10


def main():
    directory, name, method, runs, warmup, out = sys.argv[1:7]
    runs, warmup = int(runs), int(warmup)
    meta = json.loads((Path(directory) / f"{name}.json").read_text())
    rows, cols = meta["rows"], meta["cols"]
    matrix = np.fromfile(Path(directory) / f"{name}.f64", dtype="<f8").reshape(rows, cols)
    weights = np.array(meta["weights"], dtype=float)
    weights = weights / weights.sum()
    types = np.array([-1 if c else 1 for c in meta["cost"]])

    if method == "topsis":
        body = methods.TOPSIS(normalization_function=normalizations.vector_normalization)
        scale = 1.0
    elif method == "wsm":
        body = methods.WSM(normalization_function=anchor)
        scale = 100.0
    else:
        raise SystemExit(f"unknown method {method}")

    times = []
    scores = None
    for i in range(warmup + runs):
        start = time.perf_counter()
        scores = body(matrix, weights, types, validation=False)
        elapsed = (time.perf_counter() - start) * 1e3
        if i >= warmup:
            times.append(elapsed)
    (np.asarray(scores, dtype="<f8") * scale).tofile(out)
    print(json.dumps({"times_ms": times}))


if __name__ == "__main__":
    main()
