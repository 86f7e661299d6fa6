#!/usr/bin/env python3
"""Deterministic golden-vector generator for centile charts and mid-parental height.

Writes tests/vectors/charts.json and tests/vectors/mid_parental_height.json.

Every expected value comes from calling rcpchgrowth 4.6.5 (create_chart, mid_parental_height_z,
centile, measurement_from_sds, lower_and_upper_limits_of_expected_height_z).  Inputs are drawn from
random.Random(20261124) or listed explicitly; expected outputs are never typed by hand.
Number types are preserved: a Python/NumPy int is written as a JSON int (`2`), a float as a float
(`2.0`, Python repr).  Non-finite floats inside chart lines are written as "nan", "inf", "-inf".

Usage:  python3 tests/oracle/generate_charts.py
"""

import json
import math
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import rcpchgrowth
from common import quiet, require_oracle

require_oracle()

SEED = 20261124
OUT = Path(__file__).resolve().parents[1] / "vectors"

REFS = ["uk-who", "who", "cdc", "turners-syndrome", "trisomy-21", "trisomy-21-aap"]
SEXES = ["male", "female"]
METHODS = ["height", "weight", "ofc", "bmi"]
FORMATS = ["cole-nine-centiles", "three-percent-centiles", "five-percent-centiles",
           "eighty-five-percent-centiles", "extended-who-centiles"]
MPH_REFS = ["uk-who", "cdc", "who"]

N_RANDOM_LISTS = 240          # random custom lists (half centiles, half SDS); must stay >= 200
MAX_CHARTS_BYTES = 15_000_000


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------

def jnum(v):
    """rcpchgrowth number -> JSON value, keeping int vs float. Non-finite floats -> strings."""
    if v is None:
        return None
    if isinstance(v, np.ndarray):
        if v.ndim != 0:
            raise AssertionError(f"unexpected array {v!r}")
        v = v[()]
    if isinstance(v, (bool, np.bool_)):
        raise AssertionError(f"unexpected bool {v!r}")
    if isinstance(v, (complex, np.complexfloating)):
        raise AssertionError(f"unexpected complex {v!r}")
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if math.isnan(f):
            return "nan"
        if math.isinf(f):
            return "inf" if f > 0 else "-inf"
        return f
    raise AssertionError(f"unexpected number type {type(v)} {v!r}")


def finite_float(v):
    """A value that must be a finite real number (or None) -> Python float/None."""
    j = jnum(v)
    if isinstance(j, str):
        raise AssertionError(f"unexpected non-finite {v!r}")
    return None if j is None else float(j)


def compact_line(line):
    """{"sds","centile","data":[{"l","x","y"},...]|None} -> {"sds","centile","l","x":[..],"y":[..]}."""
    assert isinstance(line, dict) and list(line.keys()) == ["sds", "centile", "data"], line
    out = {"sds": jnum(line["sds"]), "centile": jnum(line["centile"])}
    data = line["data"]
    if data is None:
        out["l"] = None
        out["data"] = None
        return out
    assert isinstance(data, list), type(data)
    xs, ys, ls = [], [], []
    for p in data:
        assert isinstance(p, dict) and list(p.keys()) == ["l", "x", "y"], p
        ls.append(jnum(p["l"]))
        xs.append(jnum(p["x"]))
        ys.append(jnum(p["y"]))
    if ls:
        # all points of a line share one label (same value AND same JSON type)
        first = ls[0]
        for l in ls:
            assert type(l) is type(first) and (l == first or (l != l and first != first)), (l, first)
    out["l"] = ls[0] if ls else None
    out["x"] = xs
    out["y"] = ys
    return out


def compact_chart(result):
    """create_chart result (list of {segment: {sex: {method: [line, ...]}}}) -> compact JSON value."""
    if result is None:
        return None
    assert isinstance(result, list), type(result)
    segs = []
    for seg in result:
        assert isinstance(seg, dict) and len(seg) == 1, seg
        new_seg = {}
        for seg_name, by_sex in seg.items():
            assert isinstance(by_sex, dict)
            new_sex = {}
            for sex, by_method in by_sex.items():
                assert isinstance(by_method, dict)
                new_method = {}
                for method, lines in by_method.items():
                    assert isinstance(lines, list)
                    new_method[method] = [compact_line(ln) for ln in lines]
                new_sex[sex] = new_method
            new_seg[seg_name] = new_sex
        segs.append(new_seg)
    return segs


def run_chart(reference, centile_format, method, sex, is_sds):
    fmt = list(centile_format) if isinstance(centile_format, list) else centile_format
    st, v = quiet(rcpchgrowth.create_chart, reference, centile_format=fmt,
                  measurement_method=method, sex=sex, is_sds=is_sds)
    if st == "raise":
        return v
    return compact_chart(v)


def dumps(obj):
    return json.dumps(obj, separators=(",", ":"), allow_nan=False, ensure_ascii=False)


def write_cases(path, head, cases, tail="]}\n"):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(head + "\n")
        f.write(",\n".join(dumps(c) for c in cases))
        f.write("\n" + tail)
    return path


# ----------------------------------------------------------------------------------------------
# charts.json
# ----------------------------------------------------------------------------------------------

def draw_centile(rng):
    r = rng.random()
    if r < 0.12:
        return rng.choice([50, 50.0, 0.4, 99.6, 99.99])
    while True:
        if r < 0.30:
            c = rng.uniform(0.01, 2.5) if rng.random() < 0.5 else rng.uniform(97.5, 99.99)
        else:
            c = rng.uniform(0.01, 99.99)
        c = round(c, rng.choice([1, 2, 3]))
        if 0.01 <= c <= 99.99:
            return c


def draw_sds(rng):
    r = rng.random()
    if r < 0.15:
        return rng.choice([-3, -2, -1, 0, 1, 2, 3])   # Python ints
    if r < 0.27:
        z = rng.uniform(4.0, 6.0) * rng.choice([-1, 1])
    else:
        z = rng.uniform(-4.0, 4.0)
    return round(z, rng.choice([0, 1, 2, 3]))        # round(z, 0) is a float, may be -0.0


def chart_specs(rng, n_random):
    """(kind, reference, sex, method, centile_format, is_sds) in output order."""
    specs = []
    for ref in REFS:
        for sex in SEXES:
            for method in METHODS:
                for fmt in FORMATS:
                    specs.append(("named", ref, sex, method, fmt, False))
    for i in range(n_random):
        ref = rng.choice(REFS)
        sex = rng.choice(SEXES)
        method = rng.choice(METHODS)
        n = rng.randint(1, 15)
        if i % 2 == 0:
            specs.append(("random", ref, sex, method, [draw_centile(rng) for _ in range(n)], False))
        else:
            specs.append(("random", ref, sex, method, [draw_sds(rng) for _ in range(n)], True))
    # edge lists: whatever rcpchgrowth does is recorded (raise, dropped line, inf/nan, ...)
    edge_lists = [
        ([0], False), ([100], False), ([-1.5], False), ([150.0], False),
        ([0.4, 0, 50, 99.6], False), ([2, 50, 100], False),
        ([], False), ([], True), ([-10, 10], True), ([-8.5, -0.0, 8.5], True),
    ]
    k = 0
    for ref in REFS:
        for lst, is_sds in edge_lists:
            specs.append(("edge", ref, SEXES[k % 2], METHODS[k % 4], list(lst), is_sds))
            k += 1
        # a named format with is_sds=True (rcpchgrowth forces is_sds to False)
        specs.append(("edge", ref, SEXES[k % 2], METHODS[k % 4], "cole-nine-centiles", True))
        k += 1
    return specs


def gen_charts(n_random):
    rng = random.Random(SEED)
    charts = []
    for kind, ref, sex, method, fmt, is_sds in chart_specs(rng, n_random):
        charts.append({"reference": ref, "sex": sex, "measurement_method": method,
                       "centile_format": fmt, "is_sds": is_sds, "kind": kind,
                       "result": run_chart(ref, fmt, method, sex, is_sds)})
    return charts


# ----------------------------------------------------------------------------------------------
# mid_parental_height.json
# ----------------------------------------------------------------------------------------------

def mph_expect(maternal, paternal, sex, reference):
    """dGC server 5.0.0 /utilities/mid-parental-height, parental SDS at the reference's adult age."""
    st, mph_sds = quiet(rcpchgrowth.mid_parental_height_z, maternal, paternal, reference)
    if st == "raise":
        return mph_sds
    adult_age = 19.0 if reference == "who" else 20.0

    def mfs(z):
        st, v = quiet(rcpchgrowth.measurement_from_sds, reference, z, "height", sex, adult_age)
        return v if st == "raise" else finite_float(v)

    def chart(z):
        st, v = quiet(rcpchgrowth.create_chart, reference, [z], "height", sex, is_sds=True)
        return [] if st == "raise" else compact_chart(v)   # the handler falls back to []

    def r2(v):
        return v if v is None or isinstance(v, str) else round(v, 2)

    st, c = quiet(rcpchgrowth.centile, mph_sds)
    assert st == "ok", c
    lower_z, upper_z = rcpchgrowth.lower_and_upper_limits_of_expected_height_z(mph_sds)
    return {
        "mid_parental_height": mfs(mph_sds),
        "mid_parental_height_sds": finite_float(mph_sds),
        "mid_parental_height_centile": round(finite_float(c), 3),
        "mid_parental_height_centile_data": chart(mph_sds),
        "mid_parental_height_lower_centile_data": chart(lower_z),
        "mid_parental_height_upper_centile_data": chart(upper_z),
        "mid_parental_height_lower_value": r2(mfs(lower_z)),
        "mid_parental_height_upper_value": r2(mfs(upper_z)),
    }


def gen_mph(per_ref=100):
    rng = random.Random(SEED)

    def height(mu, sd):
        h = rng.gauss(mu, sd)
        return float(round(h, rng.choice([0, 1])))

    inputs = []
    for i in range(per_ref * len(MPH_REFS)):
        ref = MPH_REFS[i % len(MPH_REFS)]
        sex = rng.choice(SEXES)
        if i % 10 == 9:   # occasional wider spread: very short / very tall parents
            m, p = height(163.0, 18.0), height(176.0, 18.0)
        else:
            m, p = height(163.0, 7.0), height(176.0, 7.0)
        inputs.append((m, p, sex, ref))
    extremes = [(100.0, 176.0), (163.0, 100.0), (250.0, 176.0), (163.0, 250.0), (50.0, 50.0),
                (250.0, 250.0), (50.0, 176.0), (163.0, 50.0), (0.0, 176.0), (-10.0, 176.0),
                (120.0, 130.0), (200.0, 215.0)]
    k = 0
    for ref in MPH_REFS:
        for m, p in extremes:
            inputs.append((m, p, SEXES[k % 2], ref))
            k += 1
    return [[m, p, sex, ref, mph_expect(m, p, sex, ref)] for m, p, sex, ref in inputs]


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------

def result_kind(r):
    if r is None:
        return "null"
    if isinstance(r, str):
        return r.split(":")[0]
    return "chart"


def main():
    t0 = time.time()
    OUT.mkdir(parents=True, exist_ok=True)
    oracle = f"rcpchgrowth {rcpchgrowth.__version__}"

    n_random = N_RANDOM_LISTS
    charts = gen_charts(n_random)
    charts_path = write_cases(OUT / "charts.json", '{"oracle":' + dumps(oracle) + ',"charts":[', charts)
    size = charts_path.stat().st_size
    while size > MAX_CHARTS_BYTES and n_random > 200:
        n_random = max(200, n_random - 20)
        print(f"charts.json is {size / 1e6:.2f} MB > {MAX_CHARTS_BYTES / 1e6:.0f} MB: "
              f"cutting random custom lists to {n_random}")
        charts = gen_charts(n_random)
        write_cases(charts_path, '{"oracle":' + dumps(oracle) + ',"charts":[', charts)
        size = charts_path.stat().st_size

    mph = gen_mph()
    mph_path = write_cases(OUT / "mid_parental_height.json",
                           '{"oracle":' + dumps(oracle + " (dGC server 5.0.0 mid-parental-height logic)")
                           + ',"cases":[', mph)

    print(f"charts.json: {len(charts)} charts, {size / 1e6:.2f} MB")
    for ref in REFS:
        sub = [c for c in charts if c["reference"] == ref]
        kinds = Counter(c["kind"] for c in sub)
        res = Counter(result_kind(c["result"]) for c in sub)
        print(f"  {ref}: {len(sub)} (" + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items()))
              + "); results " + ", ".join(f"{k}={v}" for k, v in sorted(res.items())))
    for c in charts:
        if isinstance(c["result"], str) or c["result"] is None:
            print(f"    {c['kind']} {c['reference']} {c['sex']} {c['measurement_method']} "
                  f"{dumps(c['centile_format'])} is_sds={c['is_sds']}: {c['result']}")
    print(f"mid_parental_height.json: {len(mph)} cases, {mph_path.stat().st_size / 1e6:.2f} MB")
    for ref in MPH_REFS:
        sub = [c for c in mph if c[3] == ref]
        print(f"  {ref}: {len(sub)} (" + ", ".join(
            f"{k}={v}" for k, v in sorted(Counter(
                "value" if isinstance(c[4], dict) else c[4].split(":")[0] for c in sub).items())) + ")")
    print(f"runtime {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
