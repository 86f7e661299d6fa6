"""Rows for the frame tests: golden-vector requests plus malformed ones, and the CLI's answers for them."""

import csv
import io
import math
import subprocess

from conftest import vectors

FIELDS = ["birth_date", "observation_date", "observation_value", "sex", "measurement_method",
          "gestation_weeks", "gestation_days", "reference"]
MALFORMED = [
    ["2020-02-30", "2021-01-01", "9.5", "female", "weight", "40", "0", "uk-who"],
    ["2020-01-01", "2021-01-01", "-1", "female", "weight", "", "", "uk-who"],
    ["2020-01-01", "2021-01-01", "9.5", "girl", "weight", "40", "0", "who"],
    ["2022-01-01", "2021-01-01", "9.5", "female", "weight", "", "", "cdc"],
    ["2020-01-01", "2021-01-01", "9.5", "female", "length", "40", "0", "uk-who"],
    ["2020-01-01", "", "9.5", "female", "weight", "40", "0", "uk-who"],
    ["2020-01-01", "2021-01-01", "abc", "female", "weight", "50", "9", "uk-who"],
    ["2020-01-01", "2021-01-01", "9.5", "female", "weight", "40", "0", "nowhere"],
    ["2020-01-01", "2021-01-01", "0.9", "female", "height", "40", "0", "uk-who"],
]


def rows(n=4000):
    """String rows: every `step`-th golden calculation request, then the malformed rows."""
    cases = vectors("calculation.json")["cases"]
    step = max(1, len(cases) // n)
    out = [[born, seen, repr(value), sex, method, str(weeks), str(days), ref]
           for ref, born, seen, sex, method, value, weeks, days, _ in cases[::step]]
    return out + MALFORMED


def cli_scores(cli, table):
    """`centile calculate` on the rows: its output columns, as text, row by row."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([FIELDS] + table)
    run = subprocess.run([cli, "calculate"], input=text.getvalue(), capture_output=True, text=True, check=True)
    out = list(csv.reader(io.StringIO(run.stdout)))
    return out[0][len(FIELDS):], [r[len(FIELDS):] for r in out[1:]]


def assert_same(columns, expected_rows, got):
    """`got` (column name -> list of cells) equals the CLI's text cells: numbers exactly, texts equal."""
    for name, cells in zip(columns, zip(*expected_rows)):
        mine = list(got[name])
        assert len(mine) == len(cells)
        for i, (want, have) in enumerate(zip(cells, mine)):
            missing = have is None or (isinstance(have, float) and math.isnan(have))
            if want == "":
                assert missing, (name, i, have)
            elif isinstance(have, str):
                assert have == want, (name, i)
            else:
                assert not missing and float(want) == float(have), (name, i, want, have)
