#!/usr/bin/env python3
"""Times the Python package on the inputs bench/run.mjs wrote (run with RAYON_NUM_THREADS=1: per-core rates);
prints one JSON line: Measurement through centile.rcpchgrowth on the same requests bench/oracle.py times with
rcpchgrowth, centile.sds over the same 1 M values the native and wasm builds get, and score on a 1 M-row
pandas frame of those requests (text cells, as read from a CSV).

On a shared machine the wall clock counts the time other work holds the core, so the rates are also given in
this process's CPU time (`cpu`), and `sameRun` times rcpchgrowth's Measurement on the first 300 requests
alternately with centile's, in this process, for a ratio that load swings do not skew; it is also printed as a
sentence on stderr, with the load average. `--measurement` times Measurement only (both rates and sameRun)."""
import contextlib
import io
import json
import os
import pathlib
import sys
import time
from datetime import date

import numpy as np
import pandas as pd

import centile
import rcpchgrowth
from centile.rcpchgrowth import Measurement

directory = pathlib.Path(sys.argv[1])
measurement_only = "--measurement" in sys.argv[2:]
inputs = json.loads((directory / "inputs.json").read_text())


def timed(fn):
    """(wall, CPU) seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def best(n, fn, rounds=5):
    """Operations per second by the wall clock and in CPU time, each the best of `rounds` after one warm-up."""
    fn()
    walls, cpus = zip(*(timed(fn) for _ in range(rounds)))
    return n / min(walls), n / min(cpus)


def measurements(cls, requests, answers=None):
    """Each request's `.measurement` (a request rcpchgrowth raises for is timed as bench/oracle.py times it), kept
    in `answers` if given."""
    for reference, body in requests:
        with contextlib.suppress(Exception):
            m = cls(birth_date=date.fromisoformat(body["birth_date"]),
                    observation_date=date.fromisoformat(body["observation_date"]),
                    measurement_method=body["measurement_method"], observation_value=body["observation_value"],
                    reference=reference, sex=body["sex"], gestation_weeks=body["gestation_weeks"],
                    gestation_days=body["gestation_days"]).measurement
            if answers is not None:
                answers.append(m)


def plain(x):
    """Whether `x` is plain data all through (dicts, lists, text, numbers, dates, None): nothing left to compute
    when a script reads it."""
    if type(x) is dict:
        return all(map(plain, x.values()))
    if type(x) is list:
        return all(map(plain, x))
    return x is None or type(x) in (str, float, int, bool) or isinstance(x, date)


# Before timing: centile's answers are plain data all through, so timing `.measurement` times all of the work a
# script reading every value of it relies on.
answers = []
measurements(Measurement, inputs["calculations"], answers)
assert len(answers) == len(inputs["calculations"]) and all(map(plain, answers))


out = {"loadAverage": os.getloadavg()[0]}
out["measurement"], out["measurementCpu"] = best(len(inputs["calculations"]),
                                                 lambda: measurements(Measurement, inputs["calculations"]))
first = inputs["calculations"][:300]
with contextlib.redirect_stdout(io.StringIO()):  # rcpchgrowth prints
    rounds = [(timed(lambda: measurements(rcpchgrowth.Measurement, first)),
               timed(lambda: measurements(Measurement, first))) for _ in range(3)]
theirs, ours = ([min(r[i][k] for r in rounds) for k in (0, 1)] for i in (0, 1))
out["sameRun"] = {"requests": len(first), "rcpchgrowth": len(first) / theirs[0], "centile": len(first) / ours[0],
                  "rcpchgrowthCpu": len(first) / theirs[1], "centileCpu": len(first) / ours[1],
                  "times": theirs[0] / ours[0], "timesCpu": theirs[1] / ours[1]}
same = out["sameRun"]
print(f"Measurement(...).measurement, centile.rcpchgrowth against rcpchgrowth {rcpchgrowth.__version__}, alternately "
      f"in this process on {same['requests']} requests: {same['timesCpu']:.0f}x in CPU time ({same['centileCpu']:,.0f} "
      f"against {same['rcpchgrowthCpu']:,.0f} per CPU-second), {same['times']:.0f}x by the wall clock; "
      f"load average {out['loadAverage']:.1f} at the start, {os.getloadavg()[0]:.1f} now", file=sys.stderr)
if measurement_only:
    print(json.dumps(out))
    sys.exit()
ages = np.fromfile(directory / "ages.f64", dtype="<f8")
values = np.fromfile(directory / "values.f64", dtype="<f8")
out["sds"], out["sdsCpu"] = best(len(ages), lambda: centile.sds("uk-who", "height", "male", ages, values))
fields = ["birth_date", "observation_date", "observation_value", "sex", "measurement_method", "gestation_weeks",
          "gestation_days", "reference"]
cells = [[b["birth_date"], b["observation_date"], str(b["observation_value"]), b["sex"], b["measurement_method"],
          str(b["gestation_weeks"]), str(b["gestation_days"]), r] for r, b in inputs["calculations"]]
rows = 1_000_000
frame = pd.DataFrame((cells * (rows // len(cells) + 1))[:rows], columns=fields)
frame["observation_value"] = pd.to_numeric(frame["observation_value"])
for g in ("gestation_weeks", "gestation_days"):
    frame[g] = pd.to_numeric(frame[g])
scored = []
seconds, cpu = timed(lambda: scored.append(centile.score(frame)))
out["score"] = {"rows": rows, "seconds": seconds, "rowsPerSecond": rows / seconds, "cpuSeconds": cpu,
                "rowsPerCpuSecond": rows / cpu, "errors": int(scored[0]["error"].notna().sum())}
print(json.dumps(out))
