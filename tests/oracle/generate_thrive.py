#!/usr/bin/env python3
"""Golden vectors for thrive lines from rcpchgrowth 4.6.5's experimental create_thrive_line.

Writes tests/vectors/thrive_lines.json: {"cases": [[sex, start_sds, months, target_centile, EXPECT], ...]} with
EXPECT = {"zs", "ages", "observation_values"} exactly as rcpchgrowth returns them (its first age is left in months
and it appends a duplicate last point; the tests compare the points it gets right) or "raises <Exc>: <msg>".
"""
import contextlib
import io
import json
import pathlib
import random

import rcpchgrowth
from common import require_oracle
from rcpchgrowth.dynamic_growth import create_thrive_line

require_oracle()
OUT = pathlib.Path(__file__).resolve().parents[1] / "vectors" / "thrive_lines.json"
rng = random.Random(20261126)
cases = []
for k in range(120):
    step = rng.choice([1, 1, 0.5, 2, 0.25])
    start = rng.choice([0, 0, 1, 2, 0.5])
    months = []
    t = start
    while t < 12 and len(months) < 14:
        months.append(t)
        t += step
    sex = rng.choice(["male", "female"])
    start_sds = round(rng.uniform(-3, 3), 2)
    target = rng.choice([0.4, 2.0, 5.0, 9.0, 25.0])
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            line = create_thrive_line(t=months, z1=start_sds, sex=sex, target_centile=target)
        expect = {key: [None if v is None else float(v) for v in values] for key, values in line.items()}
    except Exception as exc:  # noqa: BLE001
        expect = f"raises {type(exc).__name__}: {exc}"
    cases.append([sex, start_sds, months, target, expect])
OUT.write_text(json.dumps({"oracle": "rcpchgrowth 4.6.5", "cases": cases}, separators=(",", ":"), allow_nan=False) + "\n")
print(len(cases), "cases", OUT.stat().st_size, "bytes")
