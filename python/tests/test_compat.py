"""centile.rcpchgrowth against rcpchgrowth 4.6.5 itself (installed in the test venv): the same calls, the same
answers (numbers to 1e-9), beyond what rcpchgrowth's own suite covers."""

import datetime
import math

import pytest
import rcpchgrowth as oracle

from centile import rcpchgrowth as compat
from conftest import vectors

assert oracle.__version__ == "4.6.5"
REQUESTS = vectors("measurement_full.json")["cases"]


def same(a, b, where="measurement"):
    """Equal structures; floats to 1e-9."""
    if isinstance(a, float) and isinstance(b, float):
        assert a == pytest.approx(b, abs=1e-9) or (math.isnan(a) and math.isnan(b)), where
    elif isinstance(a, dict):
        assert isinstance(b, dict) and set(a) == set(b), (where, set(a) ^ set(b))
        for k in a:
            same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, (where, a, b)


@pytest.mark.parametrize("case", REQUESTS[::5], ids=lambda c: f"{c['reference']}-{c['request']['birth_date']}")
def test_measurement_dict_equals_rcpchgrowth(case):
    request = dict(case["request"])
    for key in ("birth_date", "observation_date"):
        request[key] = datetime.date.fromisoformat(request[key])
    ours = compat.Measurement(reference=case["reference"], **request).measurement
    theirs = oracle.Measurement(reference=case["reference"], **request).measurement
    assert ours.pop("provenance")["calculation_engine"]["name"] == "centile"  # a departure: names its engine
    theirs.pop("provenance")
    same(ours, theirs)


def test_no_data_at_either_age_gives_none_scores_as_rcpchgrowth():
    args = dict(birth_date=datetime.datetime(2014, 4, 13), observation_date=datetime.datetime(2032, 10, 4),
                gestation_weeks=33, sex="male", measurement_method="ofc", observation_value=60.0, reference="uk-who")
    ours, theirs = compat.Measurement(**args).measurement, oracle.Measurement(**args).measurement
    for m in (ours, theirs):
        m.pop("provenance")
        for d in (m["child_observation_value"], m["measurement_calculated_values"]):  # the reason's wording differs
            for k in d:
                if k.endswith("error"):
                    assert d[k]
                    d[k] = "reason"
        for kind in m["plottable_data"].values():
            for point in kind.values():
                for k in ("observation_error", "observation_value_error"):
                    if point.get(k):
                        point[k] = "reason"
    same(ours, theirs)


def test_functions_equal_rcpchgrowth():
    for z in (-4.5, -2.1, -0.67, 0.0, 0.3, 1.5, 3.99, 4.2):
        for method in ("height", "weight", "ofc", "bmi"):
            for fmt in ("cole-nine-centiles", "three-percent-centiles", "five-percent-centiles",
                        "eighty-five-percent-centiles"):
                assert compat.centile_band_for_centile(z, method, fmt) == oracle.centile_band_for_centile(z, method, fmt)
        assert compat.centile(z) == pytest.approx(oracle.centile(z), abs=1e-9)
    born, seen = datetime.date(2019, 2, 28), datetime.date(2021, 3, 1)
    for weeks, days in ((25, 3), (40, 0), (42, 6)):
        assert compat.corrected_decimal_age(born, seen, weeks, days) == oracle.corrected_decimal_age(born, seen, weeks, days)
        assert compat.estimated_date_delivery(born, weeks, days) == oracle.estimated_date_delivery(born, weeks, days)
        early = born + datetime.timedelta(days=30)
        assert compat.corrected_gestational_age(born, early, weeks, days) == oracle.corrected_gestational_age(born, early, weeks, days)
    assert compat.chronological_decimal_age(born, seen) == oracle.chronological_decimal_age(born, seen)
    assert compat.chronological_calendar_age(born, seen) == oracle.chronological_calendar_age(born, seen)
    assert compat.mid_parental_height(163.0, 178.0, "female") == oracle.mid_parental_height(163.0, 178.0, "female")
    assert compat.mid_parental_height_z(163.0, 178.0) == pytest.approx(oracle.mid_parental_height_z(163.0, 178.0), abs=1e-9)
    assert compat.bmi_from_height_weight(120.0, 25.0) == pytest.approx(oracle.bmi_from_height_weight(120.0, 25.0), abs=1e-12)
    for reference, method, sex, age, value in (("uk-who", "height", "female", 7.5, 120.0), ("cdc", "bmi", "male", 12.0, 22.0),
                                               ("who", "weight", "male", 0.5, 7.1)):
        assert compat.sds_for_measurement(reference, age, method, value, sex) == pytest.approx(
            oracle.sds_for_measurement(reference, age, method, value, sex), abs=1e-9)
        assert compat.measurement_from_sds(reference, 1.2, method, sex, age) == pytest.approx(
            oracle.measurement_from_sds(reference, 1.2, method, sex, age), abs=1e-9)
    with pytest.raises(LookupError):
        compat.sds_for_measurement("uk-who", 21.0, "height", 170.0, "male")


def test_velocity_acceleration_and_chart_equal_rcpchgrowth():
    born = datetime.date(2015, 1, 1)
    series = [(datetime.date(2020 + k, 1 + k, 1), 108.0 + 6.1 * k + 0.2 * k * k) for k in range(4)]
    ours = [compat.Measurement(born, "height", d, v, "uk-who", "male").measurement for d, v in series]
    theirs = [oracle.Measurement(born, "height", d, v, "uk-who", "male").measurement for d, v in series]
    assert compat.velocity("height", ours) == pytest.approx(oracle.velocity("height", theirs), abs=1e-9)
    assert compat.acceleration("height", ours) == pytest.approx(oracle.acceleration("height", theirs), abs=1e-9)
    assert compat.velocity("weight", ours) == oracle.velocity("weight", theirs)
    same(compat.create_chart("who", measurement_method="weight", sex="male"),
         oracle.create_chart("who", measurement_method="weight", sex="male"), "chart")


def test_fictional_child_equals_rcpchgrowth():
    args = dict(measurement_method="weight", sex="female", start_chronological_age=0.5, end_age=4.0,
                gestation_weeks=34, gestation_days=2, measurement_interval_type="months", measurement_interval_number=3,
                start_sds=-1.2, drift=True, drift_range=0.4, reference="uk-who")
    ours, theirs = compat.generate_fictional_child_data(**args), oracle.generate_fictional_child_data(**args)
    for m in ours + theirs:
        m.pop("provenance")
    same(ours, theirs, "fictional")
