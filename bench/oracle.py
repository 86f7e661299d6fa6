#!/usr/bin/env python3
"""Times rcpchgrowth 4.6.5 on the inputs bench/run.mjs wrote; prints one JSON line of operations per second."""
import contextlib
import io
import json
import sys
import time
from datetime import date

import rcpchgrowth
from rcpchgrowth import Measurement, create_chart, sds_for_measurement

assert rcpchgrowth.__version__ == "4.6.5", rcpchgrowth.__version__
inputs = json.load(open(sys.argv[1]))
out = {}


def rate(n, fn):
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        fn()
    return n / (time.perf_counter() - start)


def measurements(requests):
    for reference, body in requests:
        measurement(reference, body)


def measurement(reference, body):
    try:
        Measurement(
            birth_date=date.fromisoformat(body["birth_date"]),
            observation_date=date.fromisoformat(body["observation_date"]),
            measurement_method=body["measurement_method"],
            observation_value=body["observation_value"],
            reference=reference,
            sex=body["sex"],
            gestation_weeks=body["gestation_weeks"],
            gestation_days=body["gestation_days"],
        ).measurement
    except Exception:  # noqa: BLE001 - a request rcpchgrowth raises for is timed as one it flags
        pass


out["measurement"] = rate(len(inputs["calculations"]), lambda: measurements(inputs["calculations"]))
# rcpchgrowth does not raise for the invalid requests of the mix: it flags them in observation_value_error.
out["mixed"] = rate(len(inputs["mixed"]), lambda: measurements(inputs["mixed"]))
# The arrivals (bench/run.mjs): all of them interleaved, and the answered and refused ones alone; best of three.
for key in ["arriving", "arrivingValid", "arrivingInvalid"]:
    out[key] = max(rate(len(inputs[key]), lambda: measurements(inputs[key])) for _ in range(3))
for key, sds in [("sds", inputs["sds"]), ("sdsCohort", inputs["sdsCohort"])]:
    out[key] = rate(len(sds["ages"]), lambda: [
        sds_for_measurement(sds["reference"], a, sds["measurement_method"], v, sds["sex"])
        for a, v in zip(sds["ages"], sds["values"])
    ])
out["charts"] = {}
for chart in inputs["charts"]:
    key = f'{chart["reference"]} {chart["sex"]} {chart["measurement_method"]}'
    out["charts"][key] = 1000 / rate(1, lambda: create_chart(chart["reference"], measurement_method=chart["measurement_method"], sex=chart["sex"]))
print(json.dumps(out))
