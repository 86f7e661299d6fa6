"""Hostile input: every bad request gets a typed CentileError (422, or 404 for an unknown reference) whose
`detail` names the field in the dGC API's shape; never a crash, a raw TypeError/ValueError/OverflowError from the
binding, or a number; the module keeps answering; messages never quote the child's values. The seeded fuzz
compares each answer with the CLI's for the same row."""

import csv
import datetime
import io
import json
import math
import random
import subprocess

import numpy as np
import pandas as pd
import pytest
import rcpchgrowth as oracle

import centile
from centile import rcpchgrowth as compat
from conftest import vectors

GOOD = {"birth_date": "2020-01-01", "observation_date": "2021-01-01", "observation_value": 9.5, "sex": "female",
        "measurement_method": "weight"}
BULK = {"birth_date": "2020-01-01", "sex": "male", "measurement_method": "height",
        "observations": [{"observation_date": "2021-01-01", "observation_value": 75.0}]}
CHART = {"sex": "female", "measurement_method": "weight"}
MPH = {"height_maternal": 160.0, "height_paternal": 175.0, "sex": "male"}
FICTIONAL = {"measurement_method": "height", "sex": "male", "end_age": 2, "measurement_interval_number": 1}
DICT_API = {
    "calculation": (lambda body: centile.calculation("uk-who", body), GOOD),
    "bulk_calculation": (lambda body: centile.bulk_calculation("uk-who", body), BULK),
    "chart_coordinates": (lambda body: centile.chart_coordinates("uk-who", body), CHART),
    "mid_parental_height": (centile.mid_parental_height, MPH),
    "fictional_child_data": (lambda body: centile.fictional_child_data("uk-who", body), FICTIONAL),
}


class Raising:
    """An object every conversion of which raises."""

    def __str__(self):
        raise RuntimeError("str")

    def __float__(self):
        raise RuntimeError("float")

    def __getattr__(self, name):
        raise RuntimeError(name)


def nested(depth):
    v = 1.0
    for _ in range(depth):
        v = [v]
    return v


SENTINEL = "Qx7Sentinel"
HOSTILE = [SENTINEL, 1.5, True, False, None, [], [1.0], {}, {"a": 1}, b"9.5", Raising(), math.nan, math.inf,
           -math.inf, 1e308, -1e308, 2**70, -(2**70), 2**7000, -(2**7000), -0.0, SENTINEL * 100_000, nested(10),
           "\ud800", datetime.datetime(2020, 1, 1, 12)]


def rejected(call, status=422):
    """The CentileError `call` raises, checked for its shape: detail items of loc/msg/type/input, input null."""
    with pytest.raises(centile.CentileError) as raised:
        call()
    error = raised.value
    assert error.status == status
    assert error.detail and all(set(d) == {"loc", "msg", "type", "input"} and d["input"] is None and
                                isinstance(d["loc"], list) and d["loc"] for d in error.detail)
    assert SENTINEL not in str(error) and SENTINEL not in json.dumps(error.detail)
    return error


BEFORE = centile.calculation("uk-who", GOOD)  # the answer before any hostile call


def still_answers():
    assert centile.calculation("uk-who", GOOD) == BEFORE


class Answers(dict):
    pass


@pytest.mark.parametrize("name", DICT_API)
@pytest.mark.parametrize("body", [None, 1, 1.5, "text", SENTINEL, [], [GOOD], (1,), b"{}", Raising(), True],
                         ids=lambda b: type(b).__name__)
def test_a_body_that_is_not_a_dict_is_a_422_at_body(name, body):
    call, _ = DICT_API[name]
    error = rejected(lambda: call(body))
    assert error.detail[0]["loc"] == ["body"]
    still_answers()


@pytest.mark.parametrize("name", DICT_API)
def test_every_field_with_every_hostile_value_is_an_answer_or_a_422_naming_it(name):
    call, good = DICT_API[name]
    assert call(Answers(good)) == call(good)  # a dict subclass is a dict
    for field in good:
        for value in HOSTILE:
            body = dict(good, **{field: value})
            try:
                answer = call(body)
            except centile.CentileError as error:
                assert error.status == 422
                # A fictional child's end age beyond the count limit is reported at the interval that would overrun.
                named = [field] + (["measurement_interval_number"] if field == "end_age" else [])
                assert any(d["loc"][:2] in [["body", f] for f in named] for d in error.detail), (name, field, error.detail)
                assert SENTINEL not in str(error) and SENTINEL not in json.dumps(error.detail)
                continue
            # Accepted only where the API accepts it: a number a field takes, or a date or None where optional.
            assert isinstance(value, (int, float, datetime.date, list, type(None), str)), (name, field, value)
            assert not (isinstance(value, float) and not math.isfinite(value)), (name, field)
            json.dumps(answer, allow_nan=False)
    still_answers()


@pytest.mark.parametrize("name", DICT_API)
def test_deep_nesting_and_non_text_keys_are_422s(name):
    call, good = DICT_API[name]
    assert rejected(lambda: call(dict(good, extra=nested(100_000)))).detail[0]["type"] == "too_large"
    rejected(lambda: call({**good, 1: 2}))
    still_answers()


def test_an_unknown_or_untyped_reference_is_a_404_at_path_reference():
    for reference in ("nope", SENTINEL, "", None, b"uk-who", 1, Raising()):
        for call, body in ((centile.calculation, GOOD), (centile.bulk_calculation, BULK),
                           (centile.chart_coordinates, CHART), (centile.fictional_child_data, FICTIONAL)):
            error = rejected(lambda: call(reference, body), status=404)
            assert error.detail[0]["loc"] == ["path", "reference"]
    error = rejected(lambda: centile.mid_parental_height(dict(MPH, reference=SENTINEL)))
    assert error.detail[0]["loc"] == ["body", "reference"]
    still_answers()


def test_an_observation_value_beyond_a_double_is_not_finite_and_negative_zero_is_not_positive():
    for value, kind in ((2**7000, "finite_number"), (-(2**7000), "finite_number"), (math.nan, "finite_number"),
                        (-0.0, "greater_than")):
        error = rejected(lambda: centile.calculation("uk-who", dict(GOOD, observation_value=value)))
        assert [(d["loc"], d["type"]) for d in error.detail] == [(["body", "observation_value"], kind)]


def test_bulk_observations_hostile_and_huge():
    error = rejected(lambda: centile.bulk_calculation("uk-who", dict(BULK, observations=SENTINEL)))
    assert error.detail[0]["loc"][:2] == ["body", "observations"]
    mixed = [{"observation_date": "2021-01-01", "observation_value": v} for v in (75.0, math.nan, SENTINEL, None)]
    results = centile.bulk_calculation("uk-who", dict(BULK, observations=mixed))["results"]
    assert "measurement_calculated_values" in results[0]
    assert all("measurement_calculated_values" not in r and SENTINEL not in json.dumps(r) for r in results[1:])
    many = centile.bulk_calculation("uk-who", dict(BULK, observations=BULK["observations"] * 50_000))["results"]
    assert len(many) == 50_000 and many[-1] == many[0]
    still_answers()


# The array functions.

AGES, VALUES = np.array([1.0, 2.0]), np.array([9.0, 12.0])


def expected():
    return centile.sds("uk-who", "weight", "female", AGES, VALUES)


@pytest.mark.parametrize("function", [centile.sds, centile.centile, centile.measurement_from_sds])
def test_array_functions_reject_what_is_not_a_column_of_numbers(function):
    cases = [
        ("values", dict(values=VALUES[:1])),
        ("ages", dict(ages=np.array([1, SENTINEL], dtype=object))),
        ("ages", dict(ages=np.array(["2020-01-01", "2020-01-02"], dtype="datetime64[D]"))),
        ("ages", dict(ages=np.array([1, 2], dtype="timedelta64[D]"))),
        ("ages", dict(ages=np.ones((2, 2)))),
        ("ages", dict(ages=1.0)),
        ("values", dict(values=np.array([SENTINEL, "1"]))),
        ("values", dict(values=[Raising(), 1.0])),
        ("sex", dict(sex=["female"])),
        ("sex", dict(sex=None)),
        ("reference", dict(reference=1)),
        ("measurement_method", dict(measurement_method=np.array(["weight"] * 3))),
    ]
    for name, change in cases:
        args = {**dict(reference="uk-who", measurement_method="weight", sex="female", ages=AGES, values=VALUES), **change}
        error = rejected(lambda: function(*args.values()))
        assert error.detail[0]["loc"] in ([name], ["sds"] if name == "values" else [name]), (name, error.detail)
    assert np.array_equal(expected(), centile.sds("uk-who", "weight", "female", AGES, VALUES))


def test_array_functions_answer_nan_for_missing_cells_and_the_same_for_any_layout():
    ages = np.array([np.nan, np.inf, -np.inf, 1e308, 1.0])
    out = centile.sds("uk-who", "weight", "female", ages, np.full(5, 9.0))
    assert np.isnan(out[:4]).all() and np.isfinite(out[4])
    assert centile.sds("uk-who", "weight", "female", np.array([]), np.array([])).shape == (0,)
    strided = np.zeros(4)
    strided[::2] = AGES
    frozen = VALUES.copy()
    frozen.flags.writeable = False
    assert np.array_equal(centile.sds("uk-who", "weight", "female", strided[::2], frozen), expected())
    assert np.array_equal(centile.sds("uk-who", "weight", "female", AGES.astype(np.float32), VALUES.tolist()),
                          expected())
    assert np.isnan(centile.measurement_from_sds("uk-who", "weight", "female", AGES, np.array([1e308, np.nan]))).all()
    assert np.isnan(centile.centile("uk-who", "weight", "female", AGES, np.array([0.0, -1.0]))).all()
    sexes = np.array([None, "female"], dtype=object)
    out = centile.sds("uk-who", "weight", sexes, AGES, VALUES)
    assert math.isnan(out[0]) and out[1] == expected()[1]


# score(frame).

def test_score_puts_each_bad_row_s_error_in_error_and_scores_the_rest():
    rows = [GOOD, dict(GOOD, observation_value=math.nan), dict(GOOD, observation_value=SENTINEL),
            dict(GOOD, sex=None), dict(GOOD, birth_date=SENTINEL), dict(GOOD, sex=SENTINEL), GOOD]
    out = centile.score(pd.DataFrame(rows))
    good = centile.calculation("uk-who", GOOD)["measurement_calculated_values"]["corrected_sds"]
    assert out["corrected_sds"].iloc[0] == pytest.approx(good, abs=1e-12)
    assert out["corrected_sds"].iloc[-1] == pytest.approx(good, abs=1e-12)
    assert out["corrected_sds"].iloc[1:-1].isna().all()
    assert out["error"].iloc[1:-1].notna().all() and out["error"].iloc[[0, -1]].isna().all()
    assert not out["error"].astype(str).str.contains(SENTINEL).any()


def test_score_with_missing_columns_wrong_dtypes_or_no_frame_is_a_422():
    frame = pd.DataFrame([GOOD])
    error = rejected(lambda: centile.score(frame.drop(columns=["sex", "observation_value"])))
    assert sorted(d["loc"] for d in error.detail) == [["observation_value"], ["sex"]]
    assert rejected(lambda: centile.score([GOOD])).detail[0]["loc"] == ["frame"]
    odd = pd.DataFrame([dict(GOOD, birth_date=1, observation_date=2.5, sex=True, observation_value=[1])])
    out = centile.score(odd)
    assert out["corrected_sds"].isna().all() and out["error"].notna().all()


# centile.rcpchgrowth: where rcpchgrowth raises, the same class of exception.

def raised(call):
    try:
        call()
    except Exception as e:  # noqa: BLE001 - the class is what is compared
        return type(e)
    return None


def rcpchgrowth_calls(module):
    d, o = datetime.date(2020, 1, 1), datetime.date(2021, 1, 1)
    base = dict(birth_date=d, observation_date=o, observation_value=9.5, sex="female", measurement_method="weight",
                reference="uk-who")
    return {
        "sex": lambda: module.Measurement(**dict(base, sex="boy")),
        "method": lambda: module.Measurement(**dict(base, measurement_method="mass")),
        "reference": lambda: module.Measurement(**dict(base, reference="nope")),
        "value_none": lambda: module.Measurement(**dict(base, observation_value=None)),
        "value_text": lambda: module.Measurement(**dict(base, observation_value="x")),
        "value_list": lambda: module.Measurement(**dict(base, observation_value=[1])),
        "weeks_text": lambda: module.Measurement(**dict(base, gestation_weeks="x")),
        "born_none": lambda: module.Measurement(**dict(base, birth_date=None)),
        "value_negative": lambda: module.Measurement(**dict(base, observation_value=-1.0)),
        "born_after": lambda: module.Measurement(**dict(base, birth_date=o, observation_date=d)),
        "gestation": lambda: module.Measurement(**dict(base, gestation_weeks=50)),
        "sds_reference": lambda: module.sds_for_measurement("nope", 1.0, "weight", 9.5, "female"),
        "sds_method": lambda: module.sds_for_measurement("uk-who", 1.0, "mass", 9.5, "female"),
        "sds_age": lambda: module.sds_for_measurement("uk-who", 30.0, "weight", 9.5, "female"),
        "measurement_age": lambda: module.measurement_from_sds("uk-who", 0.0, "weight", "female", -5.0),
        "mph_sex": lambda: module.mid_parental_height(160.0, 175.0, "boy"),
    }


def test_compat_raises_what_rcpchgrowth_raises():
    theirs, ours = rcpchgrowth_calls(oracle), rcpchgrowth_calls(compat)
    compared = 0
    for name in theirs:
        expect = raised(theirs[name])
        if expect is not None:
            got = raised(ours[name])
            assert got is not None and issubclass(got, expect), (name, got, expect)
            compared += 1
    assert compared >= 6
    still_answers()


# Seeded fuzz: calculation bodies mutated from the golden vectors, each outcome the CLI's for the same row.

FIELDS = ["birth_date", "observation_date", "observation_value", "sex", "measurement_method", "gestation_weeks",
          "gestation_days"]
TEXTS = ["", "0", "-1", "1e308", "-0", "nan", "inf", "2020-02-30", "2020-02-29", "1900-01-01", "9999-12-31",
         "male", "female", "boy", "height", "weight", "ofc", "bmi", "23", "44", "45", "6", "7", "3.5", "1e-300",
         "abc", "0x10", "1_000", "١٢", "2021-01-01T00:00:00"]


def test_seeded_fuzz_of_calculation_bodies_agrees_with_the_cli(cli):
    rng = random.Random(20261206)
    cases = rng.sample(vectors("calculation.json")["cases"], 300)
    bodies = []
    for ref, born, seen, sex, method, value, weeks, days, _ in cases:
        row = dict(zip(["reference"] + FIELDS, [ref, born, seen, str(value), sex, method, str(weeks), str(days)]))
        for field in rng.sample(FIELDS, rng.randint(1, 3)):
            choice = rng.random()
            if choice < 0.6:
                row[field] = rng.choice(TEXTS)
            elif choice < 0.9:
                row[field] = repr(rng.choice([rng.uniform(-1e3, 1e3), rng.uniform(0, 250), float(rng.randint(-50, 50))]))
            else:
                row[field] = ""
        bodies.append(row)
    text = io.StringIO()
    writer = csv.DictWriter(text, ["reference"] + FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(bodies)
    run = subprocess.run([cli, "calculate", "--format", "jsonl"], input=text.getvalue(), capture_output=True,
                         text=True, check=True)
    from_cli = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(from_cli) == len(bodies)
    answered = 0
    for row, expect in zip(bodies, from_cli):
        body = {k: v for k, v in row.items() if k != "reference" and v != ""}
        try:
            ours = centile.calculation(row["reference"], body)
        except centile.CentileError as error:
            assert "detail" in expect, (row, error.detail)
            assert [(d["loc"], d["type"]) for d in error.detail] == [(d["loc"], d["type"]) for d in expect["detail"]]
            continue
        assert "detail" not in expect, (row, expect)
        for key in ("measurement_dates", "measurement_calculated_values", "child_observation_value"):
            assert ours[key] == expect[key], (row, key)
        answered += 1
    assert 10 < answered < len(bodies)
    still_answers()
