#!/usr/bin/env python3
"""Writes the large inputs of docs/performance.md "Case ingest" into a folder (default
/tmp/ingest-data): a max-gap input of 1e7 random int32 (~110 MB), the same as a case file, a
knapsack input of 1e6 items, an
average-precision input of 1e6 detections. Seeded: the same files every time.
    python3 bench/ingest/make_inputs.py [DIR]"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ingest-data"
os.makedirs(out, exist_ok=True)
rng = random.Random(13)
nums = ",".join(str(rng.randint(-2**31, 2**31 - 1)) for _ in range(10**7))
with open(os.path.join(out, "max_gap_1e7.json"), "w") as f:
    f.write('{"nums": [' + nums + "]}\n")
with open(os.path.join(out, "max_gap_1e7_case.json"), "w") as f:
    f.write('{"problem": "max-gap", "name": "1e7", "input": {"nums": [' + nums + "]}}\n")
n = 10**6
weights = ",".join(str(rng.randint(1, 1000)) for _ in range(n))
values = ",".join(str(rng.randint(1, 1000)) for _ in range(n))
with open(os.path.join(out, "knapsack_1e6.json"), "w") as f:
    f.write('{"kind": "0-1", "capacity": 100, "weights": [' + weights + '], "values": [' + values + "]}\n")

# An average-precision input of 1e6 detections over 2e5 ground-truth boxes (~140 MB).
images, classes = 20000, 20
with open(os.path.join(out, "ap_1m.json"), "w") as f:
    f.write('{"iou_threshold": 0.5, "ground_truth": [')
    for i in range(200000):
        x, y = rng.randint(0, 900), rng.randint(0, 900)
        f.write('%s{"image": "img%d", "class": "c%d", "bbox": [%d, %d, %d, %d]}'
                % ("," if i else "", rng.randrange(images), rng.randrange(classes), x, y,
                   x + rng.randint(5, 100), y + rng.randint(5, 100)))
    f.write('], "detections": [')
    for i in range(1000000):
        x, y = rng.randint(0, 900), rng.randint(0, 900)
        f.write('%s{"image": "img%d", "class": "c%d", "score": %.6f, "bbox": [%d, %d, %d, %d]}'
                % ("," if i else "", rng.randrange(images), rng.randrange(classes), rng.random(),
                   x, y, x + rng.randint(5, 100), y + rng.randint(5, 100)))
    f.write("]}\n")
