#!/usr/bin/env python3
"""Golden vectors for the observations rcpchgrowth 4.6.5 answers but flags: `Measurement` sets
`observation_value_error` (no reference data at the corrected age, a height under 2 that looks like metres, a value
beyond +-8 SDS or +-15 SDS for BMI) and still returns its numbers, or leaves one or both ages without results.

Cases: every calculation.json case whose oracle object carries such an error (re-run here for its numbers), plus
the examples the dGC server answers with a flagged 200 (a head circumference of 69 cm at 1 year, a height of
250 cm, a CDC BMI at 1 year, the one-age BMI examples). Every expected value comes from rcpchgrowth.

Writes tests/vectors/flagged.json: {"oracle":"rcpchgrowth 4.6.5","cases":[CASE,...]}, CASE as in
calculation.json, EXPECT the same 21-item array followed by 21 observation_value_error is set (bool),
or "non_finite" (centile answers those with a 422: README, "Differences from rcpchgrowth").

Usage:  python3 tests/oracle/generate_flagged.py
"""

import datetime
import json
from pathlib import Path

import rcpchgrowth
from generate_vectors import NonFinite, calc_expect_array, dumps, quiet

VECTORS = Path(__file__).resolve().parents[1] / "vectors"

# (reference, birth, observation, sex, method, value, weeks, days)
EXAMPLES = [
    ("uk-who", "2020-01-01", "2021-01-01", "male", "ofc", 69.0, 40, 0),
    ("uk-who", "2015-05-01", "2025-05-01", "female", "height", 250.0, 40, 0),
    ("uk-who", "2020-01-01", "2021-01-01", "male", "height", 1.5, 40, 0),
    ("cdc", "2020-01-01", "2021-01-01", "female", "bmi", 17.0, 40, 0),
    ("cdc", "2019-06-03", "2021-06-21", "male", "bmi", 16.4, 34, 0),
    ("uk-who", "2020-01-01", "2020-04-01", "female", "bmi", 13.1, 27, 0),
    ("uk-who", "2000-01-01", "2019-01-04", "female", "ofc", 55.0, 40, 0),
    ("turners-syndrome", "2020-01-01", "2020-06-01", "female", "height", 60.0, 40, 0),
    ("cdc", "2020-01-01", "2020-02-04", "male", "weight", 3.2, 32, 0),
]


def measurement(case):
    ref, birth, obs, sex, method, value, weeks, days = case
    status, m = quiet(lambda: rcpchgrowth.Measurement(
        birth_date=datetime.date.fromisoformat(birth), observation_date=datetime.date.fromisoformat(obs),
        measurement_method=method, observation_value=value, reference=ref, sex=sex, gestation_weeks=weeks,
        gestation_days=days).measurement)
    assert status == "ok", (case, m)
    return m


def expect(case):
    m = measurement(case)
    try:
        return calc_expect_array(m, case[4]) + [m["child_observation_value"]["observation_value_error"] is not None]
    except NonFinite:
        return "non_finite"


def flagged(case, want):
    """Whether the oracle's object for a calculation.json case carries an error of either kind."""
    if isinstance(want, str):
        return want.startswith("observation_value_error")
    return want[9] is None or want[13] is None


def main():
    calculation = json.loads((VECTORS / "calculation.json").read_text())["cases"]
    inputs = [tuple(c[:8]) for c in calculation if flagged(c, c[8])] + EXAMPLES
    cases = [list(case) + [expect(case)] for case in inputs]
    path = VECTORS / "flagged.json"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"oracle":"rcpchgrowth 4.6.5","cases":[\n' + ",\n".join(dumps(c) for c in cases) + "\n]}\n")
    arrays = [c[8] for c in cases if isinstance(c[8], list)]
    print(f"{path.name}: {len(cases)} cases, {len(arrays)} answered ({sum(a[21] for a in arrays)} with "
          f"observation_value_error), {len(cases) - len(arrays)} non_finite")


if __name__ == "__main__":
    main()
