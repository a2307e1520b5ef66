#!/usr/bin/python3
"""The pandas/scipy peer of the bench/ml benchmark: the same figures as `bulwark fairness` and
`bulwark drift`, written the way a data scientist would with pandas and scipy.

Usage: /usr/bin/python3 peer.py fairness DATA.csv OUT.json
       /usr/bin/python3 peer.py drift REFERENCE.csv CURRENT.csv OUT.json
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

EPS = 1e-4


def psi(r, c):
    r = np.where(r == 0, EPS, r)
    c = np.where(c == 0, EPS, c)
    return float(np.sum((c - r) * np.log(c / r)))


def fairness(path, out):
    df = pd.read_csv(path, usecols=["race", "sex", "label", "pred"])
    y = df["label"] == 1
    p = df["pred"] == 1
    df["tp"] = (y & p).astype(np.int64)
    df["fp"] = (~y & p).astype(np.int64)
    df["tn"] = (~y & ~p).astype(np.int64)
    df["fn"] = (y & ~p).astype(np.int64)
    result = {}
    for keys in (["race"], ["sex"], ["race", "sex"]):
        g = df.groupby(keys)[["tp", "fp", "tn", "fn"]].sum()
        n = g.sum(axis=1)
        sr = (g.tp + g.fp) / n
        tpr = g.tp / (g.tp + g.fn)
        fpr = g.fp / (g.fp + g.tn)
        ppv = g.tp / (g.tp + g.fp)
        result[" & ".join(keys)] = {
            "groups": int(len(g)),
            "demographicParityDifference": float(sr.max() - sr.min()),
            "demographicParityRatio": float(sr.min() / sr.max()),
            "equalizedOddsDifference": float(max(tpr.max() - tpr.min(), fpr.max() - fpr.min())),
            "equalOpportunityDifference": float(tpr.max() - tpr.min()),
            "predictiveParityDifference": float(ppv.max() - ppv.min()),
        }
    json.dump(result, open(out, "w"), indent=1)


def drift(ref_path, cur_path, out):
    ref = pd.read_csv(ref_path)
    cur = pd.read_csv(cur_path)
    result = {}
    for c in ref.columns:
        r = ref[c].dropna()
        k = cur[c].dropna()
        if pd.api.types.is_numeric_dtype(r) and r.nunique() > 5:
            ks = stats.ks_2samp(r.to_numpy(float), k.to_numpy(float))
            w = stats.wasserstein_distance(r, k)
            edges = np.unique(np.quantile(r, np.arange(1, 10) / 10))
            bins = np.concatenate([[-np.inf], edges, [np.inf]])
            rc = pd.cut(r, bins).value_counts(sort=False).to_numpy()
            cc = pd.cut(k, bins).value_counts(sort=False).to_numpy()
            rp, cp = rc / rc.sum(), cc / cc.sum()
            result[c] = {"ks": float(ks.statistic), "p": float(ks.pvalue), "wasserstein": float(w),
                         "normed": float(w / max(np.std(r), 0.001)), "js": float(jensenshannon(rp, cp)), "psi": psi(rp, cp)}
        else:
            rc = r.astype(str).value_counts()
            cc = k.astype(str).value_counts()
            cats = sorted(set(rc.index) | set(cc.index))
            a = rc.reindex(cats, fill_value=0).to_numpy()
            b = cc.reindex(cats, fill_value=0).to_numpy()
            chi2, p, dof, _ = stats.chi2_contingency(np.vstack([a, b]))
            result[c] = {"chi2": float(chi2), "p": float(p), "dof": int(dof),
                         "js": float(jensenshannon(a / a.sum(), b / b.sum())), "psi": psi(a / a.sum(), b / b.sum())}
    json.dump(result, open(out, "w"), indent=1)


if __name__ == "__main__":
    if sys.argv[1] == "fairness":
        fairness(sys.argv[2], sys.argv[3])
    else:
        drift(sys.argv[2], sys.argv[3], sys.argv[4])
