"""centile.rcpchgrowth against rcpchgrowth 4.6.5 itself (installed in the test venv): the same calls, the same
answers (numbers to 1e-9), beyond what rcpchgrowth's own suite covers."""

import datetime
import math

import pytest
import rcpchgrowth as oracle

from centile import CentileError
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


def test_what_the_caller_gave_is_in_the_dict_as_rcpchgrowth_holds_it():
    """Dates as the objects given (a datetime keeps its type, the due date too, with the birth's time of day), the
    events' list itself in every place rcpchgrowth puts it, the bone age passed through."""
    born, seen = datetime.datetime(2019, 5, 3), datetime.datetime(2020, 2, 1)
    for birth_date, observation_date in ((born, seen), (born.date(), seen.date())):
        args = dict(birth_date=birth_date, observation_date=observation_date, measurement_method="height",
                    observation_value=72.5, reference="uk-who", sex="female", gestation_weeks=31, gestation_days=4,
                    bone_age=0.9, bone_age_type="greulich-pyle", bone_age_sds=0.2, bone_age_centile=58.0,
                    bone_age_text="read twice")
        events = ["started solids", "admitted"]
        ours = compat.Measurement(**args, events_text=events).measurement
        theirs = oracle.Measurement(**args, events_text=list(events)).measurement
        for m in (ours, theirs):
            m.pop("provenance")
        same(ours, theirs)
        birth = ours["birth_data"]
        assert birth["birth_date"] is birth_date and ours["measurement_dates"]["observation_date"] is observation_date
        assert type(birth["estimated_date_delivery"]) is type(theirs["birth_data"]["estimated_date_delivery"])
        assert ours["events_data"]["events_text"] is events
        for kind in ours["plottable_data"].values():
            for point in kind.values():
                assert point["events_text"] is events
    args = dict(birth_date=born.replace(hour=14, minute=25), observation_date=seen, measurement_method="height",
                observation_value=72.5, reference="uk-who", sex="female", gestation_weeks=31, gestation_days=4)
    due = compat.Measurement(**args).measurement["birth_data"]["estimated_date_delivery"]
    assert due == oracle.Measurement(**args).measurement["birth_data"]["estimated_date_delivery"]
    assert (due.hour, due.minute) == (14, 25)
    # Text dates (which rcpchgrowth fails on) stay text; the due date is a date.
    text = compat.Measurement(**{**args, "birth_date": "2019-05-03", "observation_date": "2020-02-01"}).measurement
    dated = compat.Measurement(**{**args, "birth_date": born.date(), "observation_date": seen.date()}).measurement
    assert (text["birth_data"].pop("birth_date"), text["measurement_dates"].pop("observation_date")) == (
        "2019-05-03", "2020-02-01")
    dated["birth_data"].pop("birth_date"), dated["measurement_dates"].pop("observation_date")
    assert text == dated and type(text["birth_data"]["estimated_date_delivery"]) is datetime.date


def test_datetimes_count_whole_days_between_the_instants_as_rcpchgrowth():
    """rcpchgrowth subtracts the two datetimes: an observation earlier in the day than the birth's time is a day
    younger than the dates alone say."""
    for born, seen, kg in ((datetime.datetime(2019, 5, 3, 14, 25), datetime.datetime(2020, 2, 1, 9, 0), 7.2),
                           (datetime.datetime(2019, 5, 3, 9, 0), datetime.datetime(2020, 2, 1, 14, 25), 7.2),
                           (datetime.datetime(2019, 5, 3, 23, 0), datetime.datetime(2019, 6, 14, 1, 0), 3.1)):
        for weeks, days in ((31, 4), (0, 0)):
            args = dict(birth_date=born, observation_date=seen, measurement_method="weight", observation_value=kg,
                        reference="uk-who", sex="male", gestation_weeks=weeks, gestation_days=days)
            ours, theirs = compat.Measurement(**args).measurement, oracle.Measurement(**args).measurement
            for m in (ours, theirs):
                m.pop("provenance")
            same(ours, theirs)
            assert compat.chronological_decimal_age(born, seen) == oracle.chronological_decimal_age(born, seen)
            assert compat.chronological_calendar_age(born, seen) == oracle.chronological_calendar_age(born, seen)
            if weeks:
                assert compat.corrected_decimal_age(born, seen, weeks, days) == oracle.corrected_decimal_age(
                    born, seen, weeks, days)
                assert compat.corrected_gestational_age(born, seen, weeks, days) == oracle.corrected_gestational_age(
                    born, seen, weeks, days)


def test_comments_equal_rcpchgrowth():
    for chronological, corrected in ((1.2, 1.2), (1.2, 1.1), (1.2, float("nan"))):
        for weeks, days in ((0, 0), (25, 3), (36, 6), (37, 0), (40, 0), (41, 2), (42, 1), (44, 6)):
            for reference in ("uk-who", "who", "cdc", "turners-syndrome", "trisomy-21"):
                args = (chronological, corrected, weeks, days, reference)
                assert compat.comment_prematurity_correction(*args) == oracle.comment_prematurity_correction(*args)


def test_measurements_beyond_the_dgc_api_are_refused():
    """rcpchgrowth has no IOTF reference and no nutrition indicators: the package says where they are."""
    args = dict(birth_date=datetime.date(2017, 1, 1), observation_date=datetime.date(2020, 1, 1), observation_value=16.0,
                sex="male")
    for reference, method, field in (("iotf", "bmi", ["path", "reference"]),
                                     ("who", "arm_circumference", ["body", "measurement_method"])):
        with pytest.raises(CentileError) as raised:
            compat.Measurement(reference=reference, measurement_method=method, **args)
        assert raised.value.detail[0]["loc"] == field
        assert "centile.calculation" in raised.value.detail[0]["msg"]


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
