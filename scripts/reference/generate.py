"""Writes reference fixtures for `rank` (weighted sum and TOPSIS), computed by
pymcdm, an independent Python MCDA library, for tests/reference.rs.

    python generate.py OUT_DIR        (run.sh sets up pymcdm and calls this)

Every matrix comes from a seeded `random.Random`, so a rerun with the same
pymcdm and numpy writes the same files. The methods, exactly:

* TOPSIS: `pymcdm.methods.TOPSIS(normalization_function=vector_normalization)`.
  pymcdm's default is min-max normalisation; Hwang & Yoon (1981) and our
  engine use vector normalisation, r_ij = x_ij / sqrt(sum_i x_ij^2). (pymcdm
  writes a cost column as 1 - r_ij and then takes the max as ideal; that is
  the same distance as taking the min of r_ij as ideal, which the engine does.)
  Weights are passed as w_j / sum(w). An all-zero column would be 0/0 in
  pymcdm; it adds 0 to both distances by definition (and the closeness
  coefficient does not change when every distance scales alike), so such
  columns are dropped before calling pymcdm and listed in the fixture.
* Weighted sum: `pymcdm.methods.WSM(normalization_function=anchor)`, where
  `anchor` is the engine's fixed 0-10 anchor scale (x/10 for benefit,
  1 - x/10 for cost), times 100, so that the score is
  10 * sum_j w_j u_ij / sum_j w_j as in `recommend`. pymcdm's default (sum
  normalisation) would rescale by the column totals instead.

pymcdm's input validation is switched off: it warns about dominant
alternatives and rejects zero weights, both of which the fixtures contain on
purpose.
"""

import json
import math
from importlib.metadata import version
import platform
import random
import sys
from pathlib import Path

import numpy as np
from pymcdm import methods, normalizations


def anchor(x, cost=False):
    """The engine's 0-10 anchor scale as a pymcdm normalisation."""
    x = np.asarray(x, dtype=float)
    return 1 - x / 10 if cost else x / 10


def ranking(scores):
    """Indices best first; equal scores keep the input order."""
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def check_unambiguous(name, method, scores):
    """Two different scores closer than 1e-9 could be ordered either way by
    rounding; such a fixture would test noise, so refuse to write it."""
    s = sorted(scores)
    for a, b in zip(s, s[1:]):
        if a != b and b - a < 1e-9:
            raise SystemExit(f"{name}/{method}: near-tie {a} vs {b}; change the seed")


def reference(values, directions, weights):
    matrix = np.array(values, dtype=float)
    w = np.array(weights, dtype=float) / float(sum(weights))
    types = np.array([-1 if d == "cost" else 1 for d in directions])
    out = {}

    keep = [j for j in range(matrix.shape[1]) if np.any(matrix[:, j] != 0)]
    dropped = [j for j in range(matrix.shape[1]) if j not in keep]
    topsis = methods.TOPSIS(normalization_function=normalizations.vector_normalization)
    closeness = topsis(matrix[:, keep], w[keep], types[keep], validation=False)
    out["topsis"] = [float(c) for c in closeness]

    if np.all((matrix >= 0) & (matrix <= 10)):
        wsm = methods.WSM(normalization_function=anchor)
        out["wsm"] = [float(p) * 100 for p in wsm(matrix, w, types, validation=False)]
    return out, dropped


def case(name, description, values, directions, weights, options=None):
    options = options or [f"o{i + 1}" for i in range(len(values))]
    criteria = [
        {"id": f"c{j + 1}", "direction": d, "weight": w}
        for j, (d, w) in enumerate(zip(directions, weights))
    ]
    scores, dropped = reference(values, directions, weights)
    expected = {}
    for method, s in scores.items():
        if any(math.isnan(x) for x in s):
            raise SystemExit(f"{name}/{method}: pymcdm returned NaN")
        check_unambiguous(name, method, s)
        expected[method] = {"scores": s, "ranking": [options[i] for i in ranking(s)]}
    return {
        "case": name,
        "description": description,
        "topsis_columns_dropped_for_pymcdm": dropped,
        "options": options,
        "criteria": criteria,
        "values": values,
        "expected": expected,
    }


def uniform(rng, rows, cols, decimals=2, low=0.0, high=10.0):
    return [[round(rng.uniform(low, high), decimals) for _ in range(cols)] for _ in range(rows)]


def integers(rng, rows, cols, low=0, high=10):
    return [[rng.randint(low, high) for _ in range(cols)] for _ in range(rows)]


def directions(rng, cols, cost_share=0.4):
    return ["cost" if rng.random() < cost_share else "benefit" for _ in range(cols)]


def weights(rng, cols):
    return [round(rng.uniform(0.1, 5.0), 2) for _ in range(cols)]


def cases():
    rng = random.Random(20260522)
    yield case(
        "hand-3x2",
        "three options, one benefit and one cost criterion, equal weights (small enough to check by hand)",
        [[7, 2], [5, 5], [9, 8]],
        ["benefit", "cost"],
        [1, 1],
        options=["a", "b", "c"],
    )
    yield case("benefit-5x4", "benefit criteria only, two-decimal values", uniform(rng, 5, 4),
               ["benefit"] * 4, weights(rng, 4))
    yield case("cost-6x3", "cost criteria only", uniform(rng, 6, 3), ["cost"] * 3, weights(rng, 3))
    yield case("mixed-8x6", "benefit and cost criteria mixed", uniform(rng, 8, 6),
               directions(rng, 6), weights(rng, 6))

    values = integers(rng, 7, 4)
    values[3] = list(values[0])  # ties: identical rows score alike, input order decides
    values[5] = list(values[1])
    yield case("ties-7x4", "integer anchor scores with two pairs of identical options (exact ties)",
               values, ["benefit", "cost", "benefit", "benefit"], [2, 1, 1, 3])

    values = integers(rng, 6, 5, 0, 4)
    for row in values:
        row[1] = 0  # an all-zero column
        row[3] = 6  # a constant column
    values[2][0] = 0
    values[4] = [0, 0, 0, 6, 0]
    yield case("zeros-6x5", "zero cells, an all-zero column, a constant column and a zero weight",
               values, ["benefit", "cost", "benefit", "benefit", "cost"], [1, 2, 0, 1.5, 1])

    yield case("integers-12x8", "integer scores 0-10, as author matrices use", integers(rng, 12, 8),
               directions(rng, 8), [rng.randint(0, 5) or 1 for _ in range(8)])
    yield case("two-options-2x15", "two options and fifteen criteria, the default matrix's shape",
               integers(rng, 2, 15, 1, 10), directions(rng, 15, 0.2), [rng.choice([0.5, 1, 1.5, 2]) for _ in range(15)])
    yield case("single-criterion-5x1", "one criterion", uniform(rng, 5, 1), ["cost"], [3])
    yield case("large-200x12", "200 options, twelve criteria", uniform(rng, 200, 12, 3),
               directions(rng, 12), weights(rng, 12))

    # TOPSIS only: raw units (off the 0-10 scale the weighted sum needs).
    price = [[round(rng.uniform(100, 5000), 2), round(rng.uniform(1, 250), 1),
              rng.randint(1000, 90000), round(rng.uniform(0, 1), 4)] for _ in range(10)]
    yield case("units-topsis-10x4", "raw units (price, latency in ms, requests/s, a share): TOPSIS only",
               price, ["cost", "cost", "benefit", "benefit"], [3, 2, 2, 1])


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: python generate.py OUT_DIR")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    generator = {
        "script": "scripts/reference/generate.py",
        "library": "pymcdm",
        "pymcdm": version("pymcdm"),
        "numpy": np.__version__,
        "python": platform.python_version(),
        "topsis": "pymcdm.methods.TOPSIS(normalization_function=normalizations.vector_normalization)",
        "wsm": "pymcdm.methods.WSM(normalization_function=anchor) * 100, anchor(x) = x/10 (benefit), 1 - x/10 (cost)",
    }
    count = 0
    for fixture in cases():
        fixture = {"generator": generator, **fixture}
        path = out / f"{fixture['case']}.json"
        path.write_text(json.dumps(fixture, indent=1) + "\n")
        count += 1
    print(f"[reference] wrote {count} fixtures to {out} with pymcdm {version('pymcdm')}, numpy {np.__version__}")


if __name__ == "__main__":
    main()
