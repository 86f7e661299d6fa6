"""The demo test's expected numbers: a preterm child's visits scored by rcpchgrowth 4.6.5 on three references.

The test types the visits into the demo app and compares each SDS in the results table with these.
Run `python3 tests/demo/generate_oracle.py` (or `make vectors`); writes tests/demo/oracle-child.json.
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "oracle"))
from common import quiet, require_oracle  # noqa: E402

import rcpchgrowth  # noqa: E402

CHILD = {"birth_date": "2021-04-10", "sex": "male", "gestation_weeks": 29, "gestation_days": 2}
# Visits as a clinician would type them: date, height (cm), weight (kg), head circumference (cm).
VISITS = [
    ("2021-04-24", None, 1.38, 28.1),
    ("2021-06-05", 42.0, 2.21, 31.6),
    ("2021-08-14", 52.5, 3.92, 36.4),
    ("2021-11-20", 61.8, 6.35, 41.2),
    ("2022-04-09", 70.4, 8.41, 44.3),
    ("2022-10-15", 77.9, 9.86, 46.0),
    ("2023-04-12", 85.6, 11.52, 47.3),
]
REFERENCES = ["uk-who", "who", "cdc"]


def score(reference, date, method, value):
    status, m = quiet(lambda: rcpchgrowth.Measurement(
        birth_date=datetime.date.fromisoformat(CHILD["birth_date"]), observation_date=datetime.date.fromisoformat(date),
        measurement_method=method, observation_value=value, reference=reference, sex=CHILD["sex"],
        gestation_weeks=CHILD["gestation_weeks"], gestation_days=CHILD["gestation_days"]).measurement)
    if status == "raise":
        return {"error": m}
    values = m["measurement_calculated_values"]
    # Where one age has no reference data rcpchgrowth still scores the other (its SDS is None for the missing age);
    # only a value it cannot score at either age is an error row.
    if values["corrected_sds"] is None and values["chronological_sds"] is None:
        return {"error": m["child_observation_value"]["observation_value_error"]}
    dates = m["measurement_dates"]
    return {
        "corrected_sds": values["corrected_sds"], "chronological_sds": values["chronological_sds"],
        "corrected_decimal_age": dates["corrected_decimal_age"], "chronological_decimal_age": dates["chronological_decimal_age"],
    }


def main():
    require_oracle()
    expected = {}
    for reference in REFERENCES:
        rows = []
        for date, height, weight, ofc in VISITS:
            values = {"height": height, "weight": weight, "ofc": ofc}
            if height and weight:
                values["bmi"] = weight / (height / 100) ** 2
            for method, value in values.items():
                if value is not None:
                    rows.append({"date": date, "method": method, "value": value, **score(reference, date, method, value)})
        expected[reference] = rows
    out = {
        "oracle": f"rcpchgrowth {rcpchgrowth.__version__}",
        "child": CHILD,
        "visits": [dict(zip(["date", "height", "weight", "ofc"], v)) for v in VISITS],
        "expected": expected,
    }
    path = os.path.join(os.path.dirname(__file__), "oracle-child.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {path}: {sum(len(r) for r in expected.values())} results")


if __name__ == "__main__":
    main()
