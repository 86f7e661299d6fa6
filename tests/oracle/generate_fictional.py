#!/usr/bin/env python3
"""Golden vectors for fictional child data from rcpchgrowth 4.6.5 (noise off: rcpchgrowth's noise is unseeded).

Writes tests/vectors/fictional_child.json: {"cases": [[reference, request, EXPECT], ...]} where request uses the
dGC FictionalChildRequest fields and EXPECT is "raises <Exc>: <msg>" or a list of
[observation_date, observation_value, observation_value_error_is_set, corrected_sds, chronological_sds,
chronological_decimal_age]; a fourth element gives rcpchgrowth's velocity and acceleration of the whole series
(a number, or the string it returns when there are too few values).
"""
import contextlib
import io
import json
import pathlib
import random

import rcpchgrowth
from common import require_oracle
from rcpchgrowth import acceleration, generate_fictional_child_data, velocity

require_oracle()
OUT = pathlib.Path(__file__).resolve().parents[1] / "vectors" / "fictional_child.json"
rng = random.Random(20261125)
PLAN = {
    "uk-who": ["height", "weight", "ofc", "bmi"],
    "who": ["height", "weight", "bmi", "ofc"],
    "cdc": ["height", "weight", "bmi", "ofc"],
    "turners-syndrome": ["height"],
    "trisomy-21": ["height", "weight", "ofc", "bmi"],
    "trisomy-21-aap": ["height", "weight", "ofc", "bmi"],
}
UNITS = ["d", "days", "w", "weeks", "m", "months", "y", "years"]
cases = []
for reference, methods in PLAN.items():
    for k in range(14):
        method = rng.choice(methods)
        sex = "female" if reference == "turners-syndrome" else rng.choice(["male", "female"])
        unit = rng.choice(UNITS)
        number = {"d": rng.choice([7, 20, 45]), "w": rng.choice([2, 4, 13]), "m": rng.choice([1, 2, 3, 6]), "y": rng.choice([1, 2])}[unit[0]]
        start = rng.choice([0.0, 0.0, 0.5, 1.0, 2.5, 4.0])
        end = min(20.0, start + rng.choice([1.0, 3.0, 5.0, 10.0, 20.0]))
        request = {
            "measurement_method": method, "sex": sex, "start_chronological_age": start, "end_age": end,
            "gestation_weeks": rng.choice([40, 40, 38, 32, 27, 42]), "gestation_days": rng.randint(0, 6),
            "measurement_interval_type": unit, "measurement_interval_number": number,
            "start_sds": round(rng.uniform(-2.5, 2.5), 2), "drift": rng.random() < 0.5,
            "drift_range": round(rng.uniform(-1.5, 1.5), 2), "noise": False, "noise_range": 0.005,
        }
        if k == 0:
            request["end_age"] = request["start_chronological_age"]  # an error case
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                series = generate_fictional_child_data(
                    measurement_method=method, sex=sex, start_chronological_age=request["start_chronological_age"],
                    end_age=request["end_age"], gestation_weeks=request["gestation_weeks"],
                    gestation_days=request["gestation_days"], measurement_interval_type=unit,
                    measurement_interval_number=number, start_sds=request["start_sds"], drift=request["drift"],
                    drift_range=request["drift_range"], noise=False, noise_range=0.005, reference=reference)
            expect = [[m["measurement_dates"]["observation_date"].isoformat(),
                       m["child_observation_value"]["observation_value"],
                       m["child_observation_value"]["observation_value_error"] is not None,
                       m["measurement_calculated_values"]["corrected_sds"],
                       m["measurement_calculated_values"]["chronological_sds"],
                       m["measurement_dates"]["chronological_decimal_age"]] for m in series]
            expect = [[d, float(v), e, None if c is None else float(c), None if h is None else float(h), a]
                      for d, v, e, c, h, a in expect]
            dynamics = [velocity(method, series), acceleration(method, series)]
            dynamics = [x if isinstance(x, str) else float(x) for x in dynamics]
        except Exception as exc:  # noqa: BLE001 - every failure is recorded
            expect, dynamics = f"raises {type(exc).__name__}: {exc}", None
        cases.append([reference, request, expect, dynamics])
OUT.write_text(json.dumps({"oracle": "rcpchgrowth 4.6.5", "cases": cases}, separators=(",", ":"), allow_nan=False) + "\n")
print(f"{len(cases)} cases, {sum(len(c[2]) for c in cases if isinstance(c[2], list))} observations, {OUT.stat().st_size} bytes")
