"""The dict API against the golden vectors (rcpchgrowth 4.6.5) and the CLI's 422 bodies."""

import json
import math
import subprocess

import pytest

import centile
from centile import _centile
from conftest import ROOT, vectors

SDS = vectors("sds_for_measurement.json")["cases"]


def test_sds_for_measurement_matches_the_oracle():
    compared = 0
    for reference, method, sex, age, value, expect in SDS:
        args = {"reference": reference, "measurement_method": method, "sex": sex, "age": age, "observation_value": value}
        if isinstance(expect, float):
            assert _centile.sds_for_measurement(args) == pytest.approx(expect, abs=1e-9), args
            compared += 1
        else:
            with pytest.raises(centile.CentileError):
                _centile.sds_for_measurement(args)
    assert compared > 1000


def test_calculation_matches_the_oracle():
    cases = vectors("calculation.json")["cases"]
    compared = 0
    for ref, born, seen, sex, method, value, weeks, days, expect in cases:
        body = {"birth_date": born, "observation_date": seen, "sex": sex, "measurement_method": method,
                "observation_value": value, "gestation_weeks": weeks, "gestation_days": days}
        if not isinstance(expect, list):
            if expect.startswith(("non_positive", "gestation_out_of_range", "birth_after_observation")):
                with pytest.raises(centile.CentileError):
                    centile.calculation(ref, body)
            continue
        m = centile.calculation(ref, body)
        values, dates = m["measurement_calculated_values"], m["measurement_dates"]
        assert dates["chronological_decimal_age"] == expect[0]
        for key, at in (("corrected_sds", 9), ("chronological_sds", 13)):
            if expect[at] is not None and values[key] is not None:
                assert values[key] == pytest.approx(expect[at], abs=1e-9), (ref, body, key)
                compared += 1
    assert compared > 30000


def test_errors_carry_the_api_422_detail_as_the_cli_prints_it(cli):
    body = {"birth_date": "2020-02-30", "observation_date": "2021-01-01", "observation_value": -1,
            "sex": "boy", "measurement_method": "weight"}
    with pytest.raises(centile.CentileError) as raised:
        centile.calculation("uk-who", body)
    error = raised.value
    assert error.status == 422 and isinstance(error, ValueError)
    run = subprocess.run([cli, "calculate", "--format", "jsonl"], input="birth_date,observation_date,observation_value,sex,measurement_method\n2020-02-30,2021-01-01,-1,boy,weight\n",
                         capture_output=True, text=True, check=True)
    from_cli = json.loads(run.stdout.splitlines()[0])["detail"]
    assert [(d["loc"], d["msg"], d["type"]) for d in error.detail] == [(d["loc"], d["msg"], d["type"]) for d in from_cli]
    assert all(d["input"] is None for d in error.detail)


def test_bulk_chart_mid_parental_and_fictional_child_shapes():
    bulk = centile.bulk_calculation("uk-who", {"birth_date": "2020-01-01", "sex": "male", "measurement_method": "height",
                                               "observations": [{"observation_date": "2021-01-01", "observation_value": 75.0},
                                                                {"observation_date": "2019-01-01", "observation_value": 75.0}]})
    assert "measurement_calculated_values" in bulk["results"][0] and bulk["results"][1]["type"] == "value_error"
    chart = centile.chart_coordinates("uk-who", {"sex": "female", "measurement_method": "weight"})
    assert chart["centile_data"]
    for maternal, paternal, sex, reference, expect in vectors("mid_parental_height.json")["cases"][:50]:
        if isinstance(expect, dict):
            mph = centile.mid_parental_height({"height_maternal": maternal, "height_paternal": paternal, "sex": sex,
                                               "reference": reference})
            assert mph["mid_parental_height"] == expect["mid_parental_height"]
            assert mph["mid_parental_height_sds"] == pytest.approx(expect["mid_parental_height_sds"], abs=1e-9)
    series = centile.fictional_child_data("uk-who", {"measurement_method": "height", "sex": "male", "end_age": 5,
                                                      "measurement_interval_number": 1})
    assert len(series) > 50 and all("plottable_data" in m for m in series)
    with pytest.raises(centile.CentileError):
        centile.fictional_child_data("uk-who", {"measurement_method": "height", "sex": "male", "start_sds": 40})


def test_chart_coordinates_beyond_the_dgc_api_are_cdcs_published_percentiles():
    """Beyond the dGC API: CDC weight-for-length drawn against length (cm), every vertex CDC's published centile."""
    import csv
    with open(ROOT / "reference-data" / "nutrition" / "cdc" / "wtleninf.csv") as f:
        girls = [row for row in csv.DictReader(f) if row["Sex"] == "2"]
    chart = centile.chart_coordinates("cdc", {"sex": "female", "measurement_method": "weight_for_length",
                                              "centile_format": [3, 50, 97]})
    lines = chart["centile_data"][0]["cdc_2000_weight_for_length"]["female"]["weight_for_length"]
    for line in lines:
        column = f"P{line['centile']:g}"
        assert [p["x"] for p in line["data"]] == [float(row["Length"]) for row in girls]
        assert [p["y"] for p in line["data"]] == pytest.approx([float(row[column]) for row in girls], abs=1e-6)
    with pytest.raises(centile.CentileError) as e:
        centile.chart_coordinates("cdc", {"sex": "female", "measurement_method": "arm_circumference"})
    assert e.value.detail[0]["msg"] == ("measurement_method arm_circumference is beyond the dGC API and only in the "
                                        "who reference")


def test_python_values_convert_as_json_would():
    import datetime

    as_text = centile.calculation("who", {"birth_date": "2020-01-01", "observation_date": "2020-07-01", "observation_value": 7,
                                          "sex": "male", "measurement_method": "weight"})
    as_objects = centile.calculation("who", {"birth_date": datetime.date(2020, 1, 1), "observation_date": datetime.datetime(2020, 7, 1, 12),
                                             "observation_value": 7.0, "sex": "male", "measurement_method": "weight"})
    assert as_text == as_objects
    with pytest.raises(centile.CentileError) as raised:
        centile.calculation("who", {**{"birth_date": "2020-01-01", "observation_date": "2020-07-01", "sex": "male",
                                       "measurement_method": "weight"}, "observation_value": object()})
    assert raised.value.detail[0]["loc"] == ["body", "observation_value"]
    assert math.isfinite(centile.calculation("who", {**{"birth_date": "2020-01-01", "observation_date": "2020-07-01", "sex": "male",
                                                       "measurement_method": "weight"}, "observation_value": True and 7})["measurement_calculated_values"]["corrected_sds"])


def test_help_shows_docstrings():
    for f in (centile.calculation, centile.bulk_calculation, centile.chart_coordinates, centile.mid_parental_height,
              centile.fictional_child_data, centile.sds, centile.centile, centile.measurement_from_sds, centile.score):
        assert f.__doc__ and len(f.__doc__) > 40
    assert "422" in (centile.CentileError.__doc__ or "")
