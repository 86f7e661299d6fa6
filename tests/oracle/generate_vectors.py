#!/usr/bin/env python3
"""Deterministic golden-vector generator for centile.

Every expected value written by this script comes from calling rcpchgrowth 4.6.5.
Inputs (dates, ages, values, SDS) are drawn from random.Random(20261123) or listed
explicitly; expected outputs are never typed by hand.  Prose strings (centile-band
sentences and age-correction comments) are reduced to stable keys, and every
sentence must parse or the script fails.

Usage:  python3 tests/oracle/generate_vectors.py      (writes tests/vectors/*.json)
"""

import datetime
import json
import math
import re
import time
from collections import Counter
from pathlib import Path
import random

import numpy as np
import rcpchgrowth
from common import quiet, require_oracle
from rcpchgrowth import global_functions
from rcpchgrowth.constants import validation_constants

require_oracle()

SEED = 20261123
OUT = Path(__file__).resolve().parents[1] / "vectors"
DATA = Path(rcpchgrowth.__file__).resolve().parent / "data_tables"

REFS = ["uk-who", "who", "cdc", "turners-syndrome", "trisomy-21", "trisomy-21-aap"]
SEXES = ["male", "female"]
METHODS = ["height", "weight", "ofc", "bmi"]
BONE_AGE_TYPES = ["greulich-pyle", "tanner-whitehouse-ii", "tanner-whitehouse-iii", "fels", "bonexpert"]

rng = random.Random(SEED)


class NonFinite(Exception):
    pass


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------

def num(x):
    """rcpchgrowth number -> Python float (or None). Raises NonFinite for complex/NaN/inf."""
    if x is None:
        return None
    if isinstance(x, np.ndarray):
        if x.ndim != 0:
            raise AssertionError(f"unexpected array {x!r}")
        x = x[()]
    if isinstance(x, (complex, np.complexfloating)):
        raise NonFinite
    if isinstance(x, bool):
        raise AssertionError(f"unexpected bool {x!r}")
    if isinstance(x, (int, float, np.integer, np.floating)):
        f = float(x)
        if not math.isfinite(f):
            raise NonFinite
        return f
    raise AssertionError(f"unexpected number type {type(x)} {x!r}")


def plain(x):
    """Convert a measurement dict to JSON-ready Python values (dates -> ISO, numpy -> Python)."""
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, (datetime.date, datetime.datetime)):
        return x.isoformat()
    if isinstance(x, np.ndarray):
        return plain(x[()])
    if isinstance(x, (complex, np.complexfloating)):
        raise NonFinite
    if isinstance(x, np.bool_):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating):
        x = float(x)
    if isinstance(x, float) and not math.isfinite(x):
        raise NonFinite
    return x


def dumps(obj):
    return json.dumps(obj, separators=(",", ":"), allow_nan=False, ensure_ascii=False)


def write_cases(name, head, cases, tail="]}\n"):
    path = OUT / name
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(head + "\n")
        f.write(",\n".join(dumps(c) for c in cases))
        f.write("\n" + tail)
    return path


def iso(d):
    return d.isoformat()


def rdp(x, choices=(1, 2)):
    return round(x, rng.choice(choices))


# ----------------------------------------------------------------------------------------------
# prose -> keys
# ----------------------------------------------------------------------------------------------

NOUN = {"height": "height", "weight": "weight", "ofc": "head circumference", "bmi": "body mass index"}
_ORD = r"([0-9]+(?:\.[0-9]+)?)(st|nd|rd|th)"
RE_OUTSIDE = re.compile(r"^This (.+) measurement is well outside the normal range\. Please check its accuracy\.$")
RE_BELOW = re.compile(r"^This (.+) measurement is below the normal range\.$")
RE_ABOVE = re.compile(r"^This (.+) measurement is above the normal range\.$")
RE_ON = re.compile(r"^This (.+) measurement is on or near the " + _ORD + r" centile\.$")
RE_BETWEEN = re.compile(r"^This (.+) measurement is between the " + _ORD + r" and " + _ORD + r" centiles\.$")


def _cent(numtxt, suffix):
    c = format(float(numtxt), "g")
    if c != numtxt:
        raise AssertionError(f"centile text {numtxt!r} is not in %g form")
    last = numtxt[-1]
    want = {"1": "st", "2": "nd", "3": "rd"}.get(last, "th")
    if "." not in numtxt and len(numtxt) > 1 and 10 < int(numtxt[-2:]) < 14:
        want = "th"
    if suffix != want:
        raise AssertionError(f"unexpected ordinal suffix {numtxt}{suffix}")
    return c


def band_key(sentence, method):
    if sentence is None:
        return None
    noun = NOUN[method] if method in NOUN else method
    for rx, key in ((RE_OUTSIDE, "outside"), (RE_BELOW, "below"), (RE_ABOVE, "above")):
        m = rx.match(sentence)
        if m:
            assert m.group(1) == noun, sentence
            return key
    m = RE_ON.match(sentence)
    if m:
        assert m.group(1) == noun, sentence
        return "on:" + _cent(m.group(2), m.group(3))
    m = RE_BETWEEN.match(sentence)
    if m:
        assert m.group(1) == noun, sentence
        return "between:" + _cent(m.group(2), m.group(3)) + ":" + _cent(m.group(4), m.group(5))
    raise AssertionError(f"unparsed centile band sentence: {sentence!r}")


def comment_templates(w, d):
    wd = f"{w}+{d}"
    # order: lay_corrected, clinician_corrected, lay_chronological, clinician_chronological
    return {
        "term_due_date": (
            "Your child was born on their due date.",
            "Born at term. No correction has been made for gestation.",
            "Your child was born on their due date.",
            "Born Term. No correction has been made for gestation."),
        "preterm_uncorrected_after_2": (
            f"Your child was born at {wd} weeks gestation. No correction is made for this beyond 2 years of age.",
            f"Born preterm at {wd} weeks gestation. No correction is made for this beyond 2 years of age.",
            f"Your child was born at {wd} weeks gestation. No correction is made for this beyond 2 years of age.",
            f"Born preterm at {wd} weeks gestation. No correction is made for this beyond 2 years of age."),
        "term_range_uncorrected": (
            f"Your child was born at {wd} weeks gestation. This is considered term and no correction for gestation has been made.",
            f"Born at term ({wd} weeks gestation). No correction for gestation has been made.",
            f"Your child was born at {wd} weeks gestation. This is considered term and no correction for gestation has been made.",
            f"Born at term ({wd} weeks gestation). No correction for gestation has been made."),
        "term_40_uncorrected": (
            "Your child was born at term. No correction for gestation has been made.",
            "Born at term. No correction for gestation has been made.",
            "Your child was born at term. No correction for gestation has been made.",
            "Born at term. No correction for gestation has been made."),
        "corrected": (
            f"Because your child was born at {wd} weeks gestation an adjustment has been made to take this into account.",
            "Correction for gestational age has been made.",
            "This is your child's age without taking into account their gestation at birth.",
            "No correction has been made for gestational age."),
        "not_possible": tuple(["It has not been possible to calculate age this time."] * 4),
    }


def comment_key(meas):
    c = meas["measurement_dates"]["comments"]
    got = (c["lay_corrected_decimal_age_comment"], c["clinician_corrected_decimal_age_comment"],
           c["lay_chronological_decimal_age_comment"], c["clinician_chronological_decimal_age_comment"])
    bd = meas["birth_data"]
    hits = [k for k, t in comment_templates(bd["gestation_weeks"], bd["gestation_days"]).items() if t == got]
    if len(hits) != 1:
        raise AssertionError(f"unclassifiable comments {got!r}")
    return hits[0]


# ----------------------------------------------------------------------------------------------
# reference ranges (days of corrected age) and plausible fallback values
# ----------------------------------------------------------------------------------------------

def valid_days(ref, method, sex):
    if ref == "uk-who":
        return {"height": (-105, 7305), "weight": (-119, 7305), "bmi": (14, 7305),
                "ofc": (-119, 6574 if sex == "male" else 6209)}[method]
    if ref == "who":
        return {"height": (0, 6939), "weight": (0, 3652), "ofc": (0, 1856), "bmi": (0, 6939)}[method]
    if ref == "cdc":
        return {"height": (0, 7305), "weight": (0, 7305), "ofc": (0, 1095), "bmi": (731, 7305)}[method]
    if ref == "trisomy-21":
        return {"height": (0, 7305), "weight": (0, 7305), "ofc": (0, 6574), "bmi": (0, 6874)}[method]
    if ref == "trisomy-21-aap":
        return {"height": (31, 7305), "weight": (0, 7305), "ofc": (31, 7305), "bmi": (731, 7305)}[method]
    return (366, 7305)  # turners-syndrome


def valid_years(ref, method, sex):
    lo, hi = valid_days(ref, method, sex)
    exact = {
        ("uk-who", "height"): (-0.28747433264887, 20.0), ("uk-who", "weight"): (-0.32580424366872, 20.0),
        ("uk-who", "ofc"): (-0.32580424366872, 18.0 if sex == "male" else 17.0),
        ("uk-who", "bmi"): (0.0383299110198, 20.0),
        ("who", "height"): (0.0, 19.0), ("who", "weight"): (0.0, 10.0), ("who", "ofc"): (0.0, 1856 / 365.25),
        ("who", "bmi"): (0.0, 19.0), ("cdc", "ofc"): (0.0, 3.0), ("cdc", "bmi"): (2.0, 20.0),
        ("trisomy-21", "bmi"): (0.0, 18.82), ("trisomy-21", "ofc"): (0.0, 18.0),
        ("trisomy-21-aap", "height"): (1 / 12, 20.0), ("trisomy-21-aap", "ofc"): (1 / 12, 20.0),
        ("trisomy-21-aap", "bmi"): (2.0, 20.0), ("turners-syndrome", method): (1.0, 20.0),
    }
    return exact.get((ref, method), (lo / 365.25, hi / 365.25))


UKWHO_CLAMP = {"height": (-0.28, 20.0), "weight": (-0.32, 20.0), "ofc": (-0.32, 17.0), "bmi": (0.04, 20.0)}


def crude_median(method, age):
    a = max(age, -0.3)
    if method == "height":
        v = 50 + 75 * a if a < 1 else 75 + 12 * min(a - 1, 1) + 6 * max(min(a - 2, 14), 0)
    elif method == "weight":
        v = 3.4 + 7 * a if a < 1 else 10.4 + 2.2 * min(a - 1, 9) + 4.0 * max(min(a - 10, 7), 0)
    elif method == "ofc":
        v = 35 + 11 * a if a < 1 else 46 + 1.5 * min(a - 1, 4) + 0.5 * max(min(a - 5, 13), 0)
    else:
        v = 13.5 + 3 * a if a < 0.7 else 16.5 + 0.4 * max(min(a - 6, 12), 0)
    return max(v, 0.5)


def plausible_value(ref, method, sex, age, z):
    """Value for z at age: rcpchgrowth's own inverse if it works, else a uk-who value at a clamped
    age, else a crude approximation.  Extreme |z| that the LMS inverse cannot reach fall back to
    multiples of the median.  These are only *inputs*; expected outputs always come from rcpchgrowth."""
    for r, a in ((ref, age), ("uk-who", min(max(age, UKWHO_CLAMP[method][0]), UKWHO_CLAMP[method][1]))):
        st, v = quiet(rcpchgrowth.measurement_from_sds, r, z, method, sex if sex in SEXES else "female", a)
        if st == "ok" and v is not None:
            try:
                v = num(v)
            except NonFinite:
                continue
            if v > 0:
                return v
        st, med = quiet(rcpchgrowth.measurement_from_sds, r, 0.0, method, sex if sex in SEXES else "female", a)
        if st == "ok" and med is not None:
            med = num(med)
            if z < -3:
                return med * rng.uniform(0.15, 0.6)
            if z > 3:
                return med * rng.uniform(1.5, 3.5)
            return med * (1 + 0.05 * z)
    med = crude_median(method, age)
    return med * (1 + 0.05 * max(min(z, 6), -6))


def draw_z():
    r = rng.random()
    if r < 0.10:
        mag = rng.uniform(4.0, 9.0)
        return round(mag if rng.random() < 0.5 else -mag, 2)
    return round(rng.gauss(0.0, 1.3), 2)


# ----------------------------------------------------------------------------------------------
# 1. calculation.json
# ----------------------------------------------------------------------------------------------

SPECIAL_BIRTHS = [datetime.date(2020, 2, 29), datetime.date(2016, 2, 29), datetime.date(2019, 1, 31),
                  datetime.date(2020, 1, 31), datetime.date(2021, 3, 31), datetime.date(2019, 8, 31),
                  datetime.date(2018, 12, 31), datetime.date(2020, 4, 30), datetime.date(2021, 5, 31),
                  datetime.date(2019, 10, 31)]
BIRTH_LO = datetime.date(1995, 1, 1).toordinal()
BIRTH_HI = datetime.date(2024, 12, 31).toordinal()


def draw_birth():
    if rng.random() < 0.05:
        return rng.choice(SPECIAL_BIRTHS)
    return datetime.date.fromordinal(rng.randint(BIRTH_LO, BIRTH_HI))


def draw_gestation(allow_out_of_range=True):
    r = rng.random()
    if r < 0.5:
        return 40, 0
    r = rng.random()
    if r < 0.30:
        return rng.randint(23, 36), rng.randint(0, 6)
    if r < 0.60:
        return rng.randint(37, 42), rng.randint(0, 6)
    if r < 0.70:
        return rng.randint(43, 44), rng.randint(0, 6)
    if r < 0.75:
        return 22, rng.randint(0, 6)
    if r < 0.78 and allow_out_of_range:
        return rng.choice([(21, rng.randint(0, 6)), (45, rng.randint(0, 6)), (rng.randint(22, 44), 7),
                           (20, 3), (46, 0), (0, 0), (40, -1)])
    return rng.randint(23, 44), rng.randint(0, 6)


def draw_preterm_gestation(max_weeks=36):
    return rng.randint(23, max_weeks), rng.randint(0, 6)


def feasible_gestation(c, max_weeks):
    """A random gestation (22..max_weeks) whose EDD is at least -c days after birth (obs >= birth)."""
    opts = [(w, d) for w in range(22, max_weeks + 1) for d in range(7) if w * 7 + d - 280 <= c]
    assert opts, c
    return rng.choice(opts)


def gest_ok(gw, gd):
    return 22 <= gw <= 44 and 0 <= gd <= 6


def edd_for(birth, gw, gd):
    return birth + datetime.timedelta(days=280 - (gw * 7 + gd))


class CalcBuilder:
    def __init__(self):
        self.cases = []
        self.kinds = Counter()
        self.per_ref = Counter()

    def add(self, ref, birth, obs, sex, method, value, gw, gd, tag=None):
        value = float(value)
        expect = self.expect(ref, birth, obs, sex, method, value, gw, gd)
        self.cases.append([ref, iso(birth), iso(obs), sex, method, value, gw, gd, expect])
        kind = expect.split(":")[0] if isinstance(expect, str) else "array"
        if kind.startswith("raises"):
            kind = "raises " + expect.split(":")[0].split()[1]
        self.kinds[kind] += 1
        self.per_ref[ref] += 1
        return expect

    @staticmethod
    def expect(ref, birth, obs, sex, method, value, gw, gd):
        if value <= 0:
            return "non_positive"
        if not gest_ok(gw, gd):
            return "gestation_out_of_range"
        st, m = quiet(lambda: rcpchgrowth.Measurement(
            birth_date=birth, observation_date=obs, measurement_method=method, observation_value=value,
            reference=ref, sex=sex, gestation_weeks=gw, gestation_days=gd).measurement)
        if birth > obs:
            # the oracle must flag this somehow; we expect a dedicated error
            assert st == "raise" or m["child_observation_value"]["observation_value_error"] is not None
            return "birth_after_observation"
        if st == "raise":
            return m
        err = m["child_observation_value"]["observation_value_error"]
        if err is not None and not one_age_only(m, method, value):
            return f"observation_value_error: {err}"
        try:
            return calc_expect_array(m, method)
        except NonFinite:
            return "non_finite"


def one_age_only(m, method, value):
    """The oracle flags the observation (no data at the corrected age) yet returns the chronological results:
    centile returns that object too, unless the value it has is implausible by the oracle's own limits (checked
    there at the age that has data) or a height looks like metres (docs/differences.md)."""
    cv = m["measurement_calculated_values"]
    present = [z for z in (cv["corrected_sds"], cv["chronological_sds"]) if z is not None]
    if len(present) != 1 or (method == "height" and value < 2):
        return False
    lo, hi = ((validation_constants.MINIMUM_BMI_ERROR_SDS, validation_constants.MAXIMUM_BMI_ERROR_SDS)
              if method == "bmi" else (validation_constants.MINIMUM_HEIGHT_WEIGHT_OFC_ERROR_SDS,
                                       validation_constants.MAXIMUM_HEIGHT_WEIGHT_OFC_ERROR_SDS))
    return lo <= present[0] <= hi


def calc_expect_array(m, method):
    bd, md, cv = m["birth_data"], m["measurement_dates"], m["measurement_calculated_values"]
    cga = md["corrected_gestational_age"]
    edd = bd["estimated_date_delivery"]
    for k in ("corrected_measurement_error", "chronological_measurement_error"):
        assert cv[k] is None or isinstance(cv[k], str)
    # non-finite check covers every number in the calculated values
    nums = [num(md["chronological_decimal_age"]), num(md["corrected_decimal_age"]),
            num(cv["corrected_sds"]), num(cv["corrected_centile"]),
            num(cv["chronological_sds"]), num(cv["chronological_centile"]),
            num(cv["corrected_percentage_median_bmi"]), num(cv["chronological_percentage_median_bmi"])]

    def opt_int(v):
        assert v is None or (isinstance(v, int) and not isinstance(v, bool))
        return v

    return [
        nums[0], nums[1], iso(edd), bd["estimated_date_delivery_string"],
        md["chronological_calendar_age"], md["corrected_calendar_age"],
        opt_int(cga["corrected_gestation_weeks"]), opt_int(cga["corrected_gestation_days"]),
        comment_key(m),
        nums[2], nums[3], band_key(cv["corrected_centile_band"], method), cv["corrected_measurement_error"] is not None,
        nums[4], nums[5], band_key(cv["chronological_centile_band"], method),
        cv["chronological_measurement_error"] is not None,
        nums[6], nums[7], opt_int(bd["gestation_weeks"]), opt_int(bd["gestation_days"]),
    ]


# Appendix A rows of reference-behaviour.md (inputs only).
APPENDIX_A = [
    ("uk-who", "male", "height", 40, 0, 3653, 140.0), ("uk-who", "female", "weight", 28, 4, 120, 3.2),
    ("uk-who", "male", "ofc", 40, 0, 731, 48.0), ("uk-who", "female", "bmi", 40, 0, 2922, 18.5),
    ("uk-who", "male", "weight", 40, 0, 1461, 16.0), ("uk-who", "male", "height", 40, 0, 730, 86.0),
    ("who", "male", "weight", 40, 0, 1000, 14.0), ("who", "female", "bmi", 40, 0, 4000, 25.0),
    ("who", "male", "height", 40, 0, 1856, 110.0), ("who", "male", "height", 40, 0, 1857, 110.0),
    ("cdc", "male", "bmi", 40, 0, 3653, 30.0), ("cdc", "female", "height", 40, 0, 200, 65.0),
    ("cdc", "male", "ofc", 40, 0, 900, 49.0), ("cdc", "female", "bmi", 40, 0, 5000, 19.0),
    ("trisomy-21", "male", "height", 40, 0, 1500, 90.0), ("trisomy-21-aap", "female", "ofc", 40, 0, 1096, 46.0),
    ("trisomy-21-aap", "male", "weight", 40, 0, 400, 8.0),
    ("turners-syndrome", "female", "height", 40, 0, 3000, 110.0),
]

ONE_AGE = [("cdc", "male", "bmi", 30, 1, 767, 16.4), ("cdc", "female", "bmi", 30, 1, 767, 16.0),
           ("uk-who", "female", "bmi", 27, 0, 91, 13.1), ("uk-who", "male", "bmi", 27, 0, 91, 13.6)]

JOINS = {  # days of corrected age: list of (day, methods)
    "uk-who": [(14, METHODS), (730, METHODS), (731, METHODS), (1460, METHODS), (1461, METHODS),
               (7305, METHODS), (6209, ["ofc"]), (6574, ["ofc"]), (-105, ["height"]), (-119, ["weight", "ofc"])],
    "who": [(0, METHODS), (730, METHODS), (731, METHODS), (1856, METHODS), (1857, METHODS),
            (3652, ["weight"]), (6939, ["height", "bmi"])],
    "cdc": [(0, METHODS), (730, METHODS), (731, METHODS), (1095, ["ofc"]), (7305, ["height", "weight", "bmi"])],
    "trisomy-21": [(0, METHODS), (6874, ["bmi"]), (6875, ["bmi"]), (6574, ["ofc"]), (7305, ["height", "weight"])],
    "trisomy-21-aap": [(0, ["weight"]), (30, ["height", "ofc"]), (31, ["height", "ofc"]), (730, ["bmi"]),
                       (731, ["bmi"]), (1095, METHODS), (1096, METHODS), (7305, METHODS)],
    "turners-syndrome": [(365, ["height"]), (366, ["height"]), (7305, ["height"])],
}


def gen_calculation():
    b = CalcBuilder()

    def add_at(ref, sex, method, gw, gd, cdays, birth=None, z=None, value=None):
        birth = birth or draw_birth()
        obs = edd_for(birth, gw, gd) + datetime.timedelta(days=cdays)
        if value is None:
            z = draw_z() if z is None else z
            value = rdp(plausible_value(ref, method, sex, cdays / 365.25, z))
        return b.add(ref, birth, obs, sex, method, value, gw, gd)

    # Appendix A
    for ref, sex, method, gw, gd, days, value in APPENDIX_A:
        birth = datetime.date(2018, 3, 14)
        b.add(ref, birth, birth + datetime.timedelta(days=days), sex, method, value, gw, gd)

    # One age without data: a CDC BMI at 2.1 years for a baby born at 30+1 weeks (corrected age under
    # 2, where CDC BMI starts) and a UK-WHO BMI at 3 months for a baby born at 27 weeks (corrected age under 42
    # weeks): the oracle returns the chronological results, and so does centile.
    for ref, sex, method, gw, gd, days, value in ONE_AGE:
        birth = datetime.date(2019, 6, 3)
        b.add(ref, birth, birth + datetime.timedelta(days=days), sex, method, value, gw, gd)

    # join points, +-3 days of corrected age
    for ref in REFS:
        for day, methods in JOINS[ref]:
            for k in range(-3, 4):
                c = day + k
                for sex in SEXES:
                    if ref == "turners-syndrome" and sex == "male" and rng.random() < 0.7:
                        continue
                    for method in methods:
                        # one term (or the youngest feasible preterm), one random gestation
                        if c >= 0:
                            add_at(ref, sex, method, 40, 0, c)
                        else:
                            add_at(ref, sex, method, *feasible_gestation(c, 39), c)
                        gw, gd = draw_gestation(allow_out_of_range=False)
                        if c < gw * 7 + gd - 280:
                            gw, gd = feasible_gestation(c, 39)
                        add_at(ref, sex, method, gw, gd, c)
                        if ref in ("cdc", "who") and day in (730, 731):
                            for _ in range(2):  # preterm correction stops at corrected age 2
                                gw, gd = draw_preterm_gestation(36)
                                add_at(ref, sex, method, gw, gd, c)

    # preterm-before-term window (negative corrected ages), all references
    for i in range(1500):
        ref = "uk-who" if i < 900 else REFS[i % 6]
        sex, method = rng.choice(SEXES), rng.choice(METHODS)
        gw, gd = rng.randint(23, 39), rng.randint(0, 6)
        c = rng.randint(gw * 7 + gd - 280, -1) if gw * 7 + gd < 280 else 0
        add_at(ref, sex, method, gw, gd, c)

    # 22+x (below 23 weeks for uk-who), extreme birth gestations
    for i in range(150):
        ref, sex, method = rng.choice(REFS), rng.choice(SEXES), rng.choice(METHODS)
        gd = rng.randint(0, 6)
        c = rng.randint(22 * 7 + gd - 280, 40)
        add_at(ref, sex, method, 22, gd, c)

    # calendar-age strings: leap-day and month-end births
    for birth in SPECIAL_BIRTHS:
        for days in [0, 1, 6, 7, 8, 13, 14, 27, 28, 29, 30, 31, 45, 59, 60, 61, 89, 90, 91, 180, 364, 365,
                     366, 367, 395, 730, 731, 800, 1095, 1096, 1460, 1461, 1462]:
            for gw, gd in ((40, 0), draw_preterm_gestation(36)):
                ref, sex = rng.choice(["uk-who", "trisomy-21", "who", "cdc"]), rng.choice(SEXES)
                method = rng.choice(["weight", "height", "ofc"]) if days < 700 else rng.choice(METHODS)
                cdays = days - (280 - (gw * 7 + gd))  # observation = birth + days
                add_at(ref, sex, method, gw, gd, cdays, birth=birth)

    # birth after observation
    for i in range(150):
        ref, sex, method = rng.choice(REFS), rng.choice(SEXES), rng.choice(METHODS)
        gw, gd = draw_gestation(allow_out_of_range=False)
        birth = draw_birth()
        obs = birth - datetime.timedelta(days=rng.randint(1, 400))
        value = rdp(plausible_value(ref, method, sex, 0.5, round(rng.gauss(0, 1), 2)))
        b.add(ref, birth, obs, sex, method, value, gw, gd)

    # height given in metres, zero and negative values
    for i in range(60):
        ref, sex = rng.choice(REFS), rng.choice(SEXES)
        add_at(ref, sex, "height", 40, 0, rng.randint(200, 6000), value=round(rng.uniform(0.45, 1.99), 2))
    for i in range(120):
        ref, sex, method = rng.choice(REFS), rng.choice(SEXES), rng.choice(METHODS)
        v = 0.0 if i % 2 == 0 else -round(rng.uniform(0.1, 50), 1)
        add_at(ref, sex, method, 40, 0, rng.randint(0, 7000), value=v)

    # BMI well beyond +-15 SD and other extremes
    for i in range(400):
        ref, sex = rng.choice(REFS), rng.choice(SEXES)
        lo, hi = valid_days(ref, "bmi", sex)
        z = round(rng.uniform(10, 25) * rng.choice([-1, 1]), 2)
        add_at(ref, sex, "bmi", 40, 0, rng.randint(max(lo, 0), hi), z=z)

    # main random body
    TARGET = 33000
    i = 0
    while len(b.cases) < TARGET:
        ref = REFS[i % 6]
        i += 1
        sex = rng.choice(SEXES)
        if ref == "turners-syndrome":
            method = "height" if rng.random() < 0.75 else rng.choice(METHODS)
            if rng.random() < 0.2:
                sex = "male"
            elif method == "height":
                sex = "female"
        else:
            method = rng.choice(METHODS)
        gw, gd = draw_gestation()
        lo, hi = valid_days(ref, method, sex)
        r = rng.random()
        if r < 0.50:
            c = rng.randint(lo, hi)
        elif r < 0.85:
            c = min(lo + int(math.exp(rng.uniform(0, math.log(732)))) - 1, hi)
        elif r < 0.93:
            c = hi + rng.randint(1, 1000)
        else:
            c = lo - rng.randint(1, 120)
        if gest_ok(gw, gd) and c < gw * 7 + gd - 280:
            c = gw * 7 + gd - 280
        add_at(ref, sex, method, gw, gd, c)

    return b


# ----------------------------------------------------------------------------------------------
# 2./3. sds_for_measurement.json and measurement_from_sds.json
# ----------------------------------------------------------------------------------------------

REF_FILES = {
    "uk-who": ["uk90_preterm.json", "who/who_infants.json", "who/who_children.json", "uk90_child.json"],
    "who": ["who/who_infants.json", "who/who_children.json", "who/who_2007_children.json"],
    "cdc": ["who/pre_2025/who_infants.json", "cdc_infants.json", "cdc2-20.json"],
    "trisomy-21": ["trisomy_21.json"],
    "trisomy-21-aap": ["trisomy_21_aap_infants.json", "trisomy_21_aap_children.json"],
    "turners-syndrome": ["turner.json"],
}
_table_cache = {}


def table_ages(ref, method, sex):
    key = (ref, method, sex)
    if key not in _table_cache:
        ages = set()
        for fn in REF_FILES[ref]:
            with open(DATA / fn, encoding="utf-8") as f:
                d = json.load(f)
            rows = d["measurement"].get(method, {})
            if isinstance(rows, dict):
                for row in rows.get(sex, []):
                    if "decimal_age" in row:
                        ages.add(float(row["decimal_age"]))
        _table_cache[key] = sorted(ages)
    return _table_cache[key]


W42 = (42 * 7 - 280) / 365.25
W23 = (23 * 7 - 280) / 365.25
W25 = (25 * 7 - 280) / 365.25
JOIN_YEARS = {
    "uk-who": [W23, W25, W42, 2.0, 4.0, 17.0, 18.0, 20.0],
    "who": [0.0, 2.0, 5.0, 1856 / 365.25, 5.0814510609, 61 / 12, 10.0, 19.0],
    "cdc": [0.0, 2.0, 3.0, 20.0],
    "trisomy-21": [0.0, 18.0, 18.82, 20.0],
    "trisomy-21-aap": [0.0, 1 / 12, 0.083333333, 2.0, 3.0, 20.0],
    "turners-syndrome": [1.0, 20.0],
}
EXACT_AGES = [2.0, 4.0, 5.0, 5.0814510609, 1856 / 365.25, 1857 / 365.25, 1.9990, 2.0005, 1.9986310746,
              2.0013689254, 730 / 365.25, 731 / 365.25, 1460 / 365.25, 1461 / 365.25, 5.0021, 1827 / 365.25,
              3.0, 10.0, 18.82, 20.0, W42, 14 / 365.25, 13 / 365.25, 0.0, 1.0, 365 / 365.25, 366 / 365.25]
JOIN_DELTAS = [0.0, 0.00004, -0.00004, 0.00006, -0.00006, 0.0005, -0.0005, 0.001, -0.001, 0.002, -0.002]


def draw_age(ref, method, sex):
    lo, hi = valid_years(ref, method, sex)
    r = rng.random()
    if r < 0.55:
        a = rng.uniform(lo, hi)
    elif r < 0.80:
        a = lo + math.exp(rng.uniform(math.log(0.001), math.log(2.0)))
    elif r < 0.90:
        a = hi + rng.uniform(0.0001, 1.5)
    else:
        a = lo - rng.uniform(0.0001, 0.5)
    return round(a, rng.choice([2, 3, 4, 6, 10, 17]))


def ages_block(ref, method, sex, n_uniform, n_rows):
    out = [draw_age(ref, method, sex) for _ in range(n_uniform)]
    rows = table_ages(ref, method, sex)
    if rows:
        out += [rng.choice(rows) for _ in range(n_rows)]
    for j in JOIN_YEARS[ref]:
        for d in JOIN_DELTAS:
            if rng.random() < 0.6:
                out.append(round(j + d, 10))
    for a in EXACT_AGES:
        if rng.random() < 0.4:
            out.append(a)
    return out


def sds_expect(ref, method, sex, age, value):
    if value <= 0:
        return "non_positive"
    st, v = quiet(rcpchgrowth.sds_for_measurement, ref, age, method, value, sex)
    if st == "raise":
        return v
    try:
        out = num(v)
    except NonFinite:
        return "non_finite"
    assert out is not None
    return out


def gen_sds_for_measurement():
    cases = []

    def add(ref, method, sex, age, value):
        cases.append([ref, method, sex, age, value, sds_expect(ref, method, sex, age, value)])

    for ref in REFS:
        for method in METHODS:
            for sex in SEXES:
                n_uni = 12 if (ref == "turners-syndrome" and (sex == "male" or method != "height")) else 95
                for age in ages_block(ref, method, sex, n_uni, 20):
                    z = draw_z()
                    value = round(plausible_value(ref, method, sex, age, z), rng.choice([1, 2, 3]))
                    add(ref, method, sex, age, value)
    # CDC BMI above P95 (extended method)
    for _ in range(500):
        sex = rng.choice(SEXES)
        age = round(rng.uniform(2.0, 20.0), rng.choice([2, 4, 10]))
        if rng.random() < 0.5:
            value = round(plausible_value("cdc", "bmi", sex, age, round(rng.uniform(1.5, 4.5), 3)), 2)
        else:
            value = round(rng.uniform(20, 90), 1)
        add("cdc", "bmi", sex, age, value)
    # WHO beyond +-3 SD (restricted tails), every method
    for _ in range(700):
        sex, method = rng.choice(SEXES), rng.choice(METHODS)
        lo, hi = valid_years("who", method, sex)
        age = round(rng.uniform(lo, hi), rng.choice([2, 4, 10]))
        z = round(rng.uniform(2.5, 9) * rng.choice([-1, 1]), 2)
        add("who", method, sex, age, round(plausible_value("who", method, sex, age, z), 2))
    # a few non-positive values (not passed to rcpchgrowth)
    for i in range(40):
        ref, method, sex = rng.choice(REFS), rng.choice(METHODS), rng.choice(SEXES)
        add(ref, method, sex, round(rng.uniform(0, 15), 4), 0.0 if i % 2 else -round(rng.uniform(0.1, 30), 1))
    return cases


def oracle_value(fn, *args):
    """fn(*args) from rcpchgrowth as an EXPECT: a float, null, "raises ..." or "non_finite"."""
    st, v = quiet(fn, *args)
    if st == "raise":
        return v
    try:
        return num(v)
    except NonFinite:
        return "non_finite"


def mfs_expect(ref, method, sex, age, sds):
    return oracle_value(rcpchgrowth.measurement_from_sds, ref, sds, method, sex, age)


APPENDIX_A_INVERSE = [
    ("uk-who", "height", "female", -0.1, -2.0), ("uk-who", "weight", "male", 0.5, 1.0),
    ("uk-who", "bmi", "female", 12.3, 0.0), ("uk-who", "ofc", "male", 3.3, 2.6667),
    ("who", "weight", "female", 7.25, 1.5), ("who", "bmi", "male", 15.5, -1.0),
    ("cdc", "height", "male", 1.2, 0.5), ("cdc", "bmi", "female", 15.0, 2.0),
    ("trisomy-21", "ofc", "female", 6.6, 0.0), ("trisomy-21-aap", "weight", "female", 2.7, -1.0),
    ("turners-syndrome", "height", "female", 12.4, 1.0),
    ("uk-who", "height", "female", -0.153319644, 0.0), ("uk-who", "bmi", "female", 3.0, 0.0),
    ("uk-who", "bmi", "male", 14 / 365.25, 0.0),
] + [("cdc", "bmi", "male", 10.0, z) for z in (1.0, 1.645, 1.7, 2.5, 3.0, 3.719)]


def gen_measurement_from_sds():
    cases = []

    def add(ref, method, sex, age, sds):
        cases.append([ref, method, sex, age, sds, mfs_expect(ref, method, sex, age, sds)])

    for row in APPENDIX_A_INVERSE:
        ref, method, sex, age, z = row
        add(ref, method, sex, age, z)
    special_z = [0.0, 1.645, -1.645, 2.0, -2.0, 1.6449, 1.6451] + [round(k * 2 / 3, 4) for k in range(-4, 5)]
    for ref in REFS:
        for method in METHODS:
            for sex in SEXES:
                n_uni = 8 if (ref == "turners-syndrome" and (sex == "male" or method != "height")) else 50
                for age in ages_block(ref, method, sex, n_uni, 12):
                    r = rng.random()
                    if r < 0.6:
                        z = round(rng.gauss(0, 1.5), 4)
                    elif r < 0.9:
                        z = round(rng.uniform(-9, 9), 4)
                    else:
                        z = rng.choice(special_z)
                    add(ref, method, sex, age, max(min(z, 9.0), -9.0))
    # CDC BMI z > 1.645 (extended inverse)
    for _ in range(400):
        sex = rng.choice(SEXES)
        age = round(rng.uniform(1.9, 20.2), rng.choice([2, 4, 10]))
        add("cdc", "bmi", sex, age, round(rng.uniform(1.0, 9.0), 4))
    return cases


# ----------------------------------------------------------------------------------------------
# 4. centile.json, 5. percentage_median_bmi.json
# ----------------------------------------------------------------------------------------------

def gen_centile():
    sds_list = [0.0, 1.645, -1.645, 9.0, -9.0] + [k * (2 / 3) for k in range(-13, 14)] \
        + [round(k * 2 / 3, 4) for k in range(-13, 14)]
    sds_list += [rng.uniform(-9, 9) for _ in range(1600)] + [round(rng.gauss(0, 2), 4) for _ in range(400)]
    s2c = []
    for z in sds_list:
        st, v = quiet(rcpchgrowth.centile, z)
        assert st == "ok", v
        try:
            s2c.append([z, num(v)])
        except NonFinite:
            pass
    cent_list = [0.4, 2, 9, 25, 50, 75, 91, 98, 99.6, 99.99, 1e-6, 99.999999, 3, 5, 10, 15, 85, 90, 95, 97,
                 99, 99.9, 1, 0.1, 0.01, 1e-10, 99.9999999]
    cent_list = [float(c) for c in cent_list]
    cent_list += [rng.uniform(0, 100) for _ in range(1500)]
    cent_list += [10 ** rng.uniform(-9, 0) for _ in range(300)]
    cent_list += [100 - 10 ** rng.uniform(-7, 0) for _ in range(300)]
    c2s = []
    for c in cent_list:
        if not 0 < c < 100:
            continue
        st, v = quiet(global_functions.sds_for_centile, c)
        assert st == "ok", v
        try:
            c2s.append([c, num(v)])
        except NonFinite:
            pass
    return s2c, c2s


def pmb_expect(ref, sex, age, bmi):
    return oracle_value(rcpchgrowth.percentage_median_bmi, ref, age, bmi, sex)


def gen_pmb():
    cases = []
    for ref in REFS:
        for sex in SEXES:
            n = 30 if ref == "turners-syndrome" else 90
            ages = [draw_age(ref, "bmi", sex) for _ in range(n)]
            ages += [rng.choice(table_ages(ref, "bmi", sex)) for _ in range(15)] if table_ages(ref, "bmi", sex) else []
            ages += [round(j + d, 10) for j in JOIN_YEARS[ref] for d in (0.0, 0.0005, -0.0005, 0.002, -0.002)]
            ages += [1.999, 2.0005, 2.0, 1.9990, 5.0814510609, 18.82, 18.83]
            for age in ages:
                bmi = round(rng.uniform(9, 45), rng.choice([1, 2]))
                cases.append([ref, sex, age, bmi, pmb_expect(ref, sex, age, bmi)])
    return cases


# ----------------------------------------------------------------------------------------------
# 6. measurement_full.json
# ----------------------------------------------------------------------------------------------

def full_measurement(m, method):
    key = comment_key(m)
    out = {}

    def walk(x):
        if isinstance(x, dict):
            r = {}
            for k, v in x.items():
                if k == "centile_band" or k.endswith("centile_band"):
                    r[k] = band_key(v, method)
                elif (k.startswith("lay_") or k.startswith("clinician_")) and "comment" in k:
                    assert isinstance(v, str)
                    r[k] = key
                else:
                    r[k] = walk(v)
            return r
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x

    for k, v in m.items():
        if k == "provenance":
            continue
        out[k] = walk(plain(v))
    return out


def gen_measurement_full(per_ref=50):
    cases = []
    for ref in REFS:
        got, tries = 0, 0
        while got < per_ref:
            tries += 1
            assert tries < 5000, ref
            if ref == "turners-syndrome":
                sex, method = "female", "height"
            else:
                sex = rng.choice(SEXES)
                method = ["height", "weight", "ofc", "bmi"][got % 4] if got < 40 else rng.choice(METHODS)
            gw, gd = (40, 0) if got % 3 == 0 else draw_gestation(allow_out_of_range=False)
            lo, hi = valid_days(ref, method, sex)
            c = rng.randint(lo, hi) if rng.random() < 0.6 else min(lo + int(math.exp(rng.uniform(0, math.log(732)))), hi)
            c = max(c, gw * 7 + gd - 280)
            birth = draw_birth()
            obs = edd_for(birth, gw, gd) + datetime.timedelta(days=c)
            value = rdp(plausible_value(ref, method, sex, c / 365.25, round(rng.gauss(0, 1.2), 2)))
            if value <= 0:
                continue
            req = {"birth_date": iso(birth), "observation_date": iso(obs), "observation_value": value, "sex": sex,
                   "measurement_method": method, "gestation_weeks": gw, "gestation_days": gd}
            kwargs = {}
            if got % 4 == 1:
                kwargs = {"bone_age": round(max(c / 365.25 + rng.uniform(-2, 2), 0.1), 2),
                          "bone_age_type": rng.choice(BONE_AGE_TYPES),
                          "bone_age_sds": round(rng.uniform(-3, 3), 2),
                          "bone_age_centile": round(rng.uniform(0.5, 99.5), 1),
                          "bone_age_text": rng.choice(["Bone age consistent with chronological age.",
                                                       "Delayed bone age.", "Advanced bone age."])}
            if got % 5 == 2:
                kwargs["events_text"] = rng.choice([["Started growth hormone"], ["Admitted", "Tube fed"], []])
            req.update(kwargs)
            st, m = quiet(lambda: rcpchgrowth.Measurement(
                birth_date=birth, observation_date=obs, measurement_method=method, observation_value=value,
                reference=ref, sex=sex, gestation_weeks=gw, gestation_days=gd, **kwargs).measurement)
            if st == "raise" or m["child_observation_value"]["observation_value_error"] is not None:
                continue
            cv = m["measurement_calculated_values"]
            if cv["corrected_sds"] is None and cv["chronological_sds"] is None:
                continue
            try:
                meas = full_measurement(m, method)
            except NonFinite:
                continue
            cases.append({"reference": ref, "request": req, "measurement": meas})
            got += 1
    return cases


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------

def main():
    t0 = time.time()
    OUT.mkdir(parents=True, exist_ok=True)
    oracle = f"rcpchgrowth {rcpchgrowth.__version__}"

    calc = gen_calculation()
    write_cases("calculation.json", '{"oracle":' + dumps(oracle) + ',"cases":[', calc.cases)

    sfm = gen_sds_for_measurement()
    write_cases("sds_for_measurement.json", '{"cases":[', sfm)

    mfs = gen_measurement_from_sds()
    write_cases("measurement_from_sds.json", '{"cases":[', mfs)

    s2c, c2s = gen_centile()
    with open(OUT / "centile.json", "w", encoding="utf-8", newline="\n") as f:
        f.write('{"sds_to_centile":[\n' + ",\n".join(dumps(c) for c in s2c) + "\n],\n")
        f.write('"centile_to_sds":[\n' + ",\n".join(dumps(c) for c in c2s) + "\n]}\n")

    pmb = gen_pmb()
    write_cases("percentage_median_bmi.json", '{"cases":[', pmb)

    full = gen_measurement_full()
    write_cases("measurement_full.json", '{"cases":[', full)

    def kind(e):
        if isinstance(e, str):
            return e.split(":")[0] if not e.startswith("raises") else "raises " + e.split(":")[0].split()[1]
        return "null" if e is None else "value"

    print(f"calculation.json: {len(calc.cases)} cases")
    print("  per reference: " + ", ".join(f"{r}={calc.per_ref[r]}" for r in REFS))
    print("  EXPECT kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(calc.kinds.items())))
    for name, cs, idx in (("sds_for_measurement.json", sfm, 5), ("measurement_from_sds.json", mfs, 5),
                          ("percentage_median_bmi.json", pmb, 4)):
        kinds = Counter(kind(c[idx]) for c in cs)
        print(f"{name}: {len(cs)} cases; " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print(f"centile.json: sds_to_centile={len(s2c)}, centile_to_sds={len(c2s)}")
    print(f"measurement_full.json: {len(full)} cases; "
          + ", ".join(f"{r}={sum(1 for c in full if c['reference'] == r)}" for r in REFS))
    total = sum(p.stat().st_size for p in OUT.iterdir() if p.is_file())
    print(f"total size of {OUT.name}/: {total / 1e6:.2f} MB; runtime {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
