"""centile.responses (TypedDicts generated from pkg-template/index.d.ts) against real answers of the dict API:
exact key sets, recursively, and every value of its declared type (None only where declared), over the golden
vectors' requests, flagged and bone-age requests, a bulk answer with a failed observation, charts, mid-parental
heights, fictional children and a 422's detail."""

import functools
import subprocess
import sys
import typing

import centile
from centile import responses
from conftest import ROOT, vectors


@functools.lru_cache(maxsize=None)
def hints_of(typed_dict):
    return typing.get_type_hints(typed_dict)


def problems(value, annotation, path="answer"):
    """Where `value` does not have the type `annotation`, as readable paths."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is None or annotation is type(None):
        return [] if value is None else [f"{path}: {value!r} where None is declared"]
    if typing.is_typeddict(annotation):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} where {annotation.__name__} is declared"]
        keys = set(value)
        found = [f"{path}: missing {k}" for k in sorted(annotation.__required_keys__ - keys)]
        found += [f"{path}: undeclared {k}" for k in sorted(keys - annotation.__required_keys__
                                                             - annotation.__optional_keys__)]
        hints = hints_of(annotation)
        for k in sorted(keys & set(hints)):
            found += problems(value[k], hints[k], f"{path}.{k}")
        return found
    if origin is typing.Union:
        tried = [problems(value, a, path) for a in args]
        return [] if any(not t for t in tried) else min(tried, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {type(value).__name__} where a list is declared"]
        return [p for i, item in enumerate(value) for p in problems(item, args[0], f"{path}[{i}]")]
    if origin is typing.Literal:
        return [] if value in args else [f"{path}: {value!r} not one of {args}"]
    if annotation is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: {value!r} where a number is declared"]
    return [] if isinstance(value, annotation) else [f"{path}: {value!r} where {annotation.__name__} is declared"]


def answered(operation, *args):
    """The answers of `operation` over argument tuples `args`, leaving out the requests it rejects."""
    out = []
    for a in args:
        try:
            out.append(operation(*a))
        except centile.CentileError:
            pass
    return out


def conform(answers, annotation):
    found = [p for i, answer in enumerate(answers) for p in problems(answer, annotation, f"answer {i}")]
    assert found == [], found[:20]
    assert answers


def test_the_module_is_generated_from_the_declarations():
    subprocess.run([sys.executable, str(ROOT / "python" / "scripts" / "generate_responses.py"), "--check"],
                   check=True)


def test_the_checker_finds_what_differs():
    m = centile.calculation("uk-who", vectors("measurement_full.json")["cases"][0]["request"])
    m["measurement_calculated_values"]["corrected_sds"] = "high"
    del m["bone_age"]["bone_age_text"]
    m["events_data"]["extra"] = 1
    m["plottable_data"]["centile_data"]["chronological_decimal_age_data"]["age_type"] = "corrected_age"
    m["birth_data"]["sex"] = None
    assert sorted(problems(m, responses.MeasurementObject)) == [
        "answer.birth_data.sex: None not one of ('male', 'female')",
        "answer.bone_age: missing bone_age_text",
        "answer.events_data: undeclared extra",
        "answer.measurement_calculated_values.corrected_sds: 'high' where a number is declared",
        "answer.plottable_data.centile_data.chronological_decimal_age_data.age_type: 'corrected_age' not one of "
        "('chronological_age',)",
    ]


def test_measurement_objects_have_the_declared_shape():
    bodies = [(c["reference"], c["request"]) for c in vectors("measurement_full.json")["cases"]]
    for ref, born, seen, sex, method, value, weeks, days, _ in vectors("flagged.json")["cases"][::10]:
        bodies.append((ref, {"birth_date": born, "observation_date": seen, "sex": sex, "measurement_method": method,
                             "observation_value": value, "gestation_weeks": weeks, "gestation_days": days}))
    bodies.append(("uk-who", {"birth_date": "2015-01-01", "observation_date": "2021-06-01", "sex": "male",
                              "measurement_method": "height", "observation_value": 118.0, "bone_age": 7.1,
                              "bone_age_type": "greulich-pyle", "bone_age_sds": 0.4, "bone_age_centile": 65.0,
                              "bone_age_text": "read by two", "events_text": ["growth hormone started"]}))
    answers = answered(centile.calculation, *bodies)
    assert len(answers) > 0.9 * len(bodies)
    conform(answers, responses.MeasurementObject)


def test_bulk_answers_have_the_declared_shape_failed_observations_too():
    body = {"birth_date": "2020-01-01", "sex": "female", "measurement_method": "weight", "gestation_weeks": 32,
            "gestation_days": 3, "observations": [{"observation_date": "2020-06-01", "observation_value": 6.1},
                                                  {"observation_date": "2019-06-01", "observation_value": 6.1}]}
    answer = centile.bulk_calculation("uk-who", body)
    assert ["loc" in r for r in answer["results"]] == [False, True]
    conform([answer], responses.BulkResponse)


def test_charts_mid_parental_heights_and_fictional_children_have_the_declared_shape():
    charts = {}  # one chart of each reference, sex, method and kind of lines (drawing them all takes seconds)
    for c in vectors("charts.json")["charts"]:
        charts.setdefault((c["reference"], c["sex"], c["measurement_method"], c["is_sds"]),
                          (c["reference"], {k: c[k] for k in ("sex", "measurement_method", "centile_format", "is_sds")}))
    conform(answered(centile.chart_coordinates, *charts.values()), responses.ChartCoordinates)
    parents = [({"height_maternal": m, "height_paternal": p, "sex": s, "reference": r},)
               for m, p, s, r, _ in vectors("mid_parental_height.json")["cases"][::8]]
    conform(answered(centile.mid_parental_height, *parents), responses.MidParentalHeightResponse)
    children = answered(centile.fictional_child_data, *[(ref, body) for ref, body, *_ in
                                                        vectors("fictional_child.json")["cases"][::4]])
    conform([m for child in children for m in child], responses.MeasurementObject)


def test_a_rejection_detail_has_the_declared_shape():
    try:
        centile.calculation("uk-who", {"birth_date": "2020-02-30", "sex": "x"})
    except centile.CentileError as e:
        conform(e.detail, responses.ErrorDetail)
    else:
        raise AssertionError("a 422 was expected")


def test_mypy_reads_answers_by_their_declared_types(tmp_path):
    script = tmp_path / "use.py"
    script.write_text(
        "import centile\n"
        "m = centile.calculation('uk-who', {})\n"
        "sds: float = m['measurement_calculated_values']['corrected_sds']\n"
        "band = m['measurement_calculated_values']['corrected_band']\n"
        "reveal_type(m['birth_data']['sex'])\n")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir=/dev/null", str(script)],
                          capture_output=True, text=True, cwd=tmp_path)
    found = [line.split(": ", 1)[1] for line in done.stdout.splitlines() if "use.py:" in line]
    assert found == [
        'error: Incompatible types in assignment (expression has type "float | None", variable has type "float")  '
        "[assignment]",
        'error: TypedDict "MeasurementCalculatedValues" has no key "corrected_band"  [typeddict-item]',
        'note: Did you mean "corrected_sds" or "corrected_centile_band"?',
        'note: Revealed type is "Literal[\'male\'] | Literal[\'female\']"',
    ], done.stdout


def test_a_measurement_beyond_the_dgc_api_differs_only_by_its_block_and_method():
    m = centile.calculation("who", {"birth_date": "2020-01-01", "observation_date": "2021-06-01", "sex": "female",
                                    "observation_value": 14.5, "measurement_method": "arm_circumference"})
    assert problems(m, responses.MeasurementObject) == [
        "answer: undeclared beyond_dgc",
        "answer.child_observation_value.measurement_method: 'arm_circumference' not one of "
        "('height', 'weight', 'ofc', 'bmi')",
    ]
