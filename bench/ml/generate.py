#!/usr/bin/python3
"""Generates the benchmark data of bench/ml in a scratch directory (default /tmp/bulwark-ml-bench).

fairness.csv: 10,000,000 rows; race (6 values), sex (2), label, pred (0/1), score.
drift_reference.csv, drift_current.csv: 1,000,000 rows x 20 columns (15 numeric, 5 categorical).
Usage: /usr/bin/python3 generate.py [DIR] [FAIRNESS_ROWS] [DRIFT_ROWS]
"""
import os
import sys

import numpy as np
import pandas as pd

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bulwark-ml-bench"
fair_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
drift_rows = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(7)
CHUNK = 1_000_000


def fairness(path):
    races = np.array(["African-American", "Caucasian", "Hispanic", "Asian", "Native American", "Other"])
    base = np.array([0.5, 0.4, 0.42, 0.3, 0.55, 0.35])
    bias = np.array([0.1, 0.0, 0.02, -0.05, 0.08, -0.02])
    first = True
    for start in range(0, fair_rows, CHUNK):
        n = min(CHUNK, fair_rows - start)
        r = rng.choice(6, n, p=[0.35, 0.3, 0.15, 0.05, 0.05, 0.1])
        sex = np.where(rng.uniform(size=n) < 0.8, "Male", "Female")
        label = (rng.uniform(size=n) < base[r]).astype(np.int8)
        score = np.clip(0.3 * label + rng.uniform(0, 0.7, n) + bias[r], 0, 1)
        df = pd.DataFrame({"race": races[r], "sex": sex, "label": label, "pred": (score >= 0.5).astype(np.int8),
                           "score": np.round(score, 4)})
        df.to_csv(path, mode="w" if first else "a", header=first, index=False)
        first = False


def drift(path, shift):
    cats = np.array(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"])
    first = True
    for start in range(0, drift_rows, CHUNK):
        n = min(CHUNK, drift_rows - start)
        cols = {}
        for i in range(15):
            s = shift * (i % 3)
            cols[f"num{i:02d}"] = np.round(rng.normal(s, 1 + 0.1 * s, n), 5) if i % 2 == 0 else rng.poisson(20 + 5 * s, n)
        for i in range(5):
            p = np.full(8, 1 / 8) + (np.linspace(-0.05, 0.05, 8) * shift * i)
            cols[f"cat{i}"] = cats[rng.choice(8, n, p=p / p.sum())]
        pd.DataFrame(cols).to_csv(path, mode="w" if first else "a", header=first, index=False)
        first = False


for name, fn in [("fairness.csv", fairness), ("drift_reference.csv", lambda p: drift(p, 0.0)),
                 ("drift_current.csv", lambda p: drift(p, 0.15))]:
    path = os.path.join(out, name)
    if not os.path.exists(path):
        fn(path + ".part")
        os.replace(path + ".part", path)
        print("wrote", path, file=sys.stderr)
