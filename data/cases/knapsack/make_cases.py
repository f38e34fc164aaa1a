#!/usr/bin/env python3
"""Writes the knapsack case files. Expected answers come from `algojudge run` with
"method": "both" (2d and 1d must agree, or the run fails) and then again with "2d".
Usage: data/cases/knapsack/make_cases.py build/algojudge"""
import json, random, subprocess, sys, os

exe = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))

def solve(inp):
    outs = []
    for method in ("both", "2d"):
        run = dict(inp, method=method)
        text = subprocess.run([exe, "run", "knapsack", "-", "--memory-limit", "2G"],
                              input=json.dumps(run), capture_output=True, text=True, check=True)
        outs.append(json.loads(text.stdout))
    assert outs[0]["best_value"] == outs[1]["best_value"], outs
    return outs[0]

def case(name, inp):
    out = solve(inp)
    return {"problem": "knapsack", "name": name, "input": inp, "expected": out}

examples = [
    case("issue example", {"kind": "0-1", "capacity": 10, "weights": [5, 4, 6, 3],
                           "values": [10, 40, 30, 50]}),
    case("AcWing 0-1, 4 items, capacity 5", {"kind": "0-1", "capacity": 5,
         "weights": [1, 2, 3, 4], "values": [2, 4, 4, 5]}),
    case("AcWing complete", {"kind": "complete", "capacity": 5,
         "weights": [1, 2, 3, 4], "values": [2, 4, 4, 5]}),
    case("AcWing bounded", {"kind": "bounded", "capacity": 5, "weights": [1, 2, 3, 4],
         "values": [2, 4, 4, 5], "counts": [3, 1, 3, 2]}),
    case("EDPC D sample 1", {"kind": "0-1", "capacity": 8, "weights": [3, 4, 5],
         "values": [30, 50, 60]}),
    case("EDPC D sample 3", {"kind": "0-1", "capacity": 15, "weights": [6, 5, 6, 6, 3, 7],
         "values": [5, 6, 4, 6, 5, 2]}),
    case("int64 answer", {"kind": "bounded", "capacity": 100, "weights": [1, 3],
         "values": [1000000000, 2999999999], "counts": [100, 30]}),
]
edges = [
    case("capacity 0", {"kind": "0-1", "capacity": 0, "weights": [0, 1], "values": [5, 9]}),
    case("no items", {"kind": "complete", "capacity": 10, "weights": [], "values": []}),
    case("items heavier than capacity", {"kind": "0-1", "capacity": 3, "weights": [4, 5],
         "values": [10, 20]}),
    case("zero weights", {"kind": "bounded", "capacity": 2, "weights": [0, 2],
         "values": [3, 4], "counts": [5, 1]}),
    case("exact fill infeasible", {"kind": "complete", "capacity": 7, "weights": [2, 4],
         "values": [1, 1], "fill": "exact"}),
    case("exact fill needs a worthless item", {"kind": "0-1", "capacity": 7,
         "weights": [4, 3, 5], "values": [9, 0, 10], "fill": "exact"}),
    case("all items fit", {"kind": "0-1", "capacity": 100, "weights": [3, 4, 5],
         "values": [1, 2, 3]}),
]
random.seed(20261129)
n, capacity = 1000, 100000
large_input = {"kind": "0-1", "capacity": capacity,
               "weights": [random.randint(1, 2000) for _ in range(n)],
               "values": [random.randint(1, 1000000) for _ in range(n)]}
large = [case("n=1000 W=1e5 0-1", large_input)]

for file, cases in (("examples.json", examples), ("edge-cases.json", edges),
                    ("large.json", large)):
    with open(os.path.join(here, file), "w") as f:
        if file == "large.json":
            json.dump(cases, f, separators=(",", ":"))
        else:
            json.dump(cases, f, indent=1)
        f.write("\n")
