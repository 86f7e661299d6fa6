#!/usr/bin/env python3
"""Times the Python package on the inputs bench/run.mjs wrote (run with RAYON_NUM_THREADS=1: per-core rates);
prints one JSON line: Measurement through centile.rcpchgrowth on the same requests bench/oracle.py times with
rcpchgrowth, centile.sds over the same 1 M values the native and wasm builds get, and score on a 1 M-row
pandas frame of those requests (text cells, as read from a CSV)."""
import json
import pathlib
import sys
import time
from datetime import date

import numpy as np
import pandas as pd

import centile
from centile.rcpchgrowth import Measurement

directory = pathlib.Path(sys.argv[1])
inputs = json.loads((directory / "inputs.json").read_text())
ages = np.fromfile(directory / "ages.f64", dtype="<f8")
values = np.fromfile(directory / "values.f64", dtype="<f8")


def best(n, fn, rounds=5):
    """Operations per second, best of `rounds` after one warm-up."""
    fn()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return n / min(times)


def measurements():
    for reference, body in inputs["calculations"]:
        Measurement(birth_date=date.fromisoformat(body["birth_date"]),
                    observation_date=date.fromisoformat(body["observation_date"]),
                    measurement_method=body["measurement_method"], observation_value=body["observation_value"],
                    reference=reference, sex=body["sex"], gestation_weeks=body["gestation_weeks"],
                    gestation_days=body["gestation_days"]).measurement


out = {"measurement": best(len(inputs["calculations"]), measurements)}
out["sds"] = best(len(ages), lambda: centile.sds("uk-who", "height", "male", ages, values))
fields = ["birth_date", "observation_date", "observation_value", "sex", "measurement_method", "gestation_weeks",
          "gestation_days", "reference"]
cells = [[b["birth_date"], b["observation_date"], str(b["observation_value"]), b["sex"], b["measurement_method"],
          str(b["gestation_weeks"]), str(b["gestation_days"]), r] for r, b in inputs["calculations"]]
rows = 1_000_000
frame = pd.DataFrame((cells * (rows // len(cells) + 1))[:rows], columns=fields)
frame["observation_value"] = pd.to_numeric(frame["observation_value"])
for g in ("gestation_weeks", "gestation_days"):
    frame[g] = pd.to_numeric(frame[g])
start = time.perf_counter()
scored = centile.score(frame)
seconds = time.perf_counter() - start
out["score"] = {"rows": rows, "seconds": seconds, "rowsPerSecond": rows / seconds,
                "errors": int(scored["error"].notna().sum())}
print(json.dumps(out))
