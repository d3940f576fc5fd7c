#!/usr/bin/env python3
"""Writes the hand-made seed inputs of the byte-level fuzz targets into
fuzz/corpus/<target>/ (seed-*.json / seed-*.bin). Run from anywhere:

    python3 fuzz/seeds/make_seeds.py

The structured targets (answers_structured, rank_structured) take raw bytes
for `arbitrary`; their seeds are a minimised corpus from a fuzzing run.
"""
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def write(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


default = json.load(open(os.path.join(ROOT, "data", "node-vs-python.json")))

# A small matrix that uses every feature: two options with guidance, a cost
# criterion, low/high ranges, each question kind, both rule kinds, a dispute.
small = {
    "version": 1,
    "id": "a-vs-b",
    "title": "A or B?",
    "options": [
        {"id": "a", "label": "A", "summary": "first",
         "guidance": [{"id": "g", "kind": "list", "title": "T",
                       "items": [{"label": "L", "text": "x", "sources": ["s1"]}]},
                      {"id": "k", "kind": "code", "title": "C", "language": "js",
                       "code": "run()", "sources": ["s1"]}]},
        {"id": "b", "label": "B"},
    ],
    "criteria": [
        {"id": "speed", "label": "Speed", "weight": 1,
         "evidence": [{"source": "s1", "text": "fast"}]},
        {"id": "cost", "label": "Cost", "direction": "cost", "weight": 0.5},
    ],
    "scores": [
        {"option": "a", "criterion": "speed", "value": 8, "low": 6, "high": 9, "sources": ["s1"]},
        {"option": "a", "criterion": "cost", "value": 3},
        {"option": "b", "criterion": "speed", "value": 6, "low": 5, "high": 8},
        {"option": "b", "criterion": "cost", "value": 2, "low": 1, "high": 4},
    ],
    "sources": [{"id": "s1", "title": "S", "publisher": "P", "date": "2026-01",
                 "url": "https://example.org/"}],
    "questions": [
        {"id": "team", "kind": "single", "label": "Team?",
         "choices": [{"id": "x", "label": "X", "weights": {"speed": 1}},
                     {"id": "y", "label": "Y", "weights": {"cost": -1}}]},
        {"id": "needs", "kind": "multi", "label": "Needs?",
         "choices": [{"id": "n1", "label": "N1", "weights": {"speed": 2}},
                     {"id": "n2", "label": "N2", "weights": {"cost": 2}}]},
        {"id": "prio", "kind": "priorities", "label": "Priorities",
         "items": [{"id": "fast", "label": "Fast", "criteria": {"speed": 1}, "default": 1}]},
    ],
    "rules": [
        {"id": "r1", "kind": "override", "text": "X likes B", "sources": ["s1"],
         "when": {"question": "team", "choice": "x"}, "option": "b", "within": 12},
        {"id": "r2", "kind": "hybrid", "label": "Both", "text": "Use both", "sources": ["s1"],
         "groups": [{"option": "a", "criteria": ["speed"], "min_share": 0.2},
                    {"option": "b", "criteria": ["cost"], "min_share": 0.2}],
         "split": [{"option": "a", "role": "front"}, {"option": "b", "role": "back"}]},
    ],
    "disputes": [
        {"id": "d1", "topic": "Which?", "when": [{"question": "team", "choice": "y"}],
         "sides": [{"option": "a", "source": "s1", "text": "A"},
                   {"option": "b", "source": "s1", "text": "B"}]},
    ],
    "confidence": {"clear": 10, "lean": 3},
}
minimal = {
    "version": 1, "id": "m", "title": "M",
    "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
    "criteria": [{"id": "c", "label": "C", "weight": 1}],
    "scores": [{"option": "a", "criterion": "c", "value": 1},
               {"option": "b", "criterion": "c", "value": 2}],
}

# --- matrix ---------------------------------------------------------------
write("matrix", "seed-default.json", compact(default))
write("matrix", "seed-small.json", compact(small))
write("matrix", "seed-minimal.json", compact(minimal))
bad_matrices = {
    "empty": "",
    "object": "{}",
    "array": "[]",
    "null": "null",
    "deep": "[" * 40 + "]" * 40,
    "deep-object": '{"a":' * 40 + "1" + "}" * 40,
    "trailing": compact(minimal) + " {}",
    "unknown-field": compact(dict(minimal, wieght=1)),
    "wrong-type": compact(dict(minimal, options="a")),
    "version-2": compact(dict(minimal, version=2)),
    "huge-number": compact(minimal).replace('"value":2', '"value":1e400'),
    "negative-weight": compact(minimal).replace('"weight":1', '"weight":-1e308'),
    "big-weight": compact(minimal).replace('"weight":1', '"weight":1.7976931348623157e308'),
    "one-option": compact(dict(minimal, options=minimal["options"][:1])),
    "duplicate-ids": compact(dict(minimal, options=[minimal["options"][0]] * 2)),
    "escapes": compact(dict(minimal, title="\u0000\ud7ff\\\"\u2028")),
    "zero-weights": compact(minimal).replace('"weight":1', '"weight":0'),
}
for name, text in bad_matrices.items():
    write("matrix", f"seed-bad-{name}.json", text)

# --- answers --------------------------------------------------------------
for i, case in enumerate(json.load(open(os.path.join(ROOT, "tests", "golden", "cases.json")))):
    write("answers", f"seed-golden-{i:02}.json", compact(case["answers"]))
bad_answers = {
    "empty": "",
    "array": "[]",
    "null": "null",
    "number": "1",
    "wrong-shape": '{"project":1,"needs":"ai","priorities":["hiring"]}',
    "unknown": '{"nope":"x","project":"nope","needs":["nope"],"priorities":{"nope":1}}',
    "seed-range": '{"seed":-1,"samples":100001}',
    "seed-max": '{"seed":4294967295,"samples":100000}',
    "fractions": '{"seed":1.5,"samples":0.5}',
    "levels-range": '{"priorities":{"hiring":6,"cold-start":-1,"ai-ml":5}}',
    "weights-unknown": '{"weights":{"x":1,"hiring":-1}}',
    "weights-zero": '{"weights":{' + ",".join(f'"{c["id"]}":0' for c in default["criteria"]) + "}}",
    "weights-huge": '{"weights":{"hiring":1e308,"ai-ml":1e308}}',
    "deep": '{"a":' + "[" * 40 + "]" * 40 + "}",
    "nulls": '{"project":null,"weights":null,"seed":null}',
}
for name, text in bad_answers.items():
    write("answers", f"seed-bad-{name}.json", text)

# --- rank: selector byte (bit 0 TOPSIS, bit 1 AHP), document, 0xFF, weights
ref = os.path.join(ROOT, "tests", "fixtures", "reference")
for name in sorted(os.listdir(ref)):
    case = json.load(open(os.path.join(ref, name)))
    if len(case["options"]) > 20:
        continue
    doc = compact({k: case[k] for k in ("options", "criteria", "values")})
    stem = name[:-5]
    write("rank", f"seed-{stem}-wsm.bin", b"\x00" + doc.encode())
    write("rank", f"seed-{stem}-topsis.bin", b"\x01" + doc.encode())
hand = json.load(open(os.path.join(ref, "hand-3x2.json")))
doc = compact({k: hand[k] for k in ("options", "criteria", "values")})
write("rank", "seed-hand-weights.bin", b"\x01" + doc.encode() + b"\xff" + b'{"c1":2,"c2":0}')
write("rank", "seed-minimal-author.bin", b"\x00" + compact(minimal).encode())
write("rank", "seed-small-author-topsis.bin", b"\x01" + compact(small).encode() + b"\xff" + b'{"cost":3}')
write("rank", "seed-bad-values.bin", b"\x01" + b'{"options":["a","a",""],"criteria":[{"id":"c"}],"values":[[-1],[1e308,2]]}')
# AHP: Saaty's house example (tests/ahp.rs) and small cases.
src = open(os.path.join(ROOT, "tests", "ahp.rs")).read()
third = 1 / 3
house = [
    [1, 5, 3, 7, 6, 6, third, 0.25],
    [0.2, 1, third, 5, 3, 3, 0.2, 1 / 7],
    [third, 3, 1, 6, 3, 4, 6, 0.2],
    [1 / 7, 0.2, 1 / 6, 1, third, 0.25, 1 / 7, 0.125],
    [1 / 6, third, third, 3, 1, 0.5, 0.2, 1 / 6],
    [1 / 6, third, 0.25, 4, 2, 1, 0.2, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 0.5],
    [4, 7, 5, 8, 6, 6, 2, 1],
]
assert "saaty_1990_house_criteria" in src
write("rank", "seed-ahp-house.bin", b"\x02" + compact(house).encode())
write("rank", "seed-ahp-2x2.bin", b"\x02" + b"[[1,3],[0.333,1]]")
write("rank", "seed-ahp-1x1.bin", b"\x02" + b"[[1]]")
write("rank", "seed-ahp-bad.bin", b"\x02" + b"[[1,10],[0.5,2,3],[]]")
print("seeds written to", CORPUS)
