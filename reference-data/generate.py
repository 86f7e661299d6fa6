#!/usr/bin/env python3
"""Turn the verbatim rcpchgrowth LMS tables in reference-data/ into src/engine/data/tables.rs.

Every number is stored exactly: a column whose values are all n / d for integers n and one divisor d (10^k, or 12 or
365.25 for ages in months or days) is written as the integers n, as their differences of the order (0 to 6) that
needs the fewest bits, zigzag LEB128; at run time value = n / d, a correctly rounded IEEE division of two exact
doubles, which is the same double that Python's json module produced for rcpchgrowth.
A column that does not fit (e.g. 17-digit ages) is stored as raw little-endian f64 bits.

The verbatim files are never edited: the corrections in reference-data/corrections.json (data errors found by
reference-data/audit.py against independent published copies) are applied here, as the tables are read.

    python3 reference-data/generate.py          # rewrite src/engine/data/tables.rs
    python3 reference-data/generate.py --check  # exit 1 if the committed file differs
"""
import decimal
import hashlib
import json
import pathlib
import struct
import sys

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "rcpchgrowth-4.6.5"
OUT = HERE.parent / "src" / "engine" / "data" / "tables.rs"
CORRECTIONS = HERE / "corrections.json"
NUTRITION = HERE / "nutrition"
NUTRITION_OUT = HERE.parent / "src" / "engine" / "data" / "nutrition.rs"

METHODS = ["height", "weight", "ofc", "bmi"]
SEXES = ["male", "female"]
# (Rust `Source` variant, file, methods embedded). Only the arrays rcpchgrowth can actually read are embedded:
# the uk90_preterm BMI rows are empty placeholders, CDC reads only OFC from cdc_infants.json and only height and
# weight from the pre-2025 WHO infant table.
SOURCES = [
    ("Uk90Preterm", "uk90_preterm.json", ["height", "weight", "ofc"]),
    ("Uk90Child", "uk90_child.json", METHODS),
    ("WhoInfants", "who/who_infants.json", METHODS),
    ("WhoChildren", "who/who_children.json", METHODS),
    ("Who2007", "who/who_2007_children.json", ["height", "weight", "bmi"]),
    ("WhoInfantsPre2025", "who/pre_2025/who_infants.json", ["height", "weight"]),
    ("CdcInfants", "cdc_infants.json", ["ofc"]),
    ("CdcChildren", "cdc2-20.json", ["height", "weight", "bmi"]),
    ("Trisomy21", "trisomy_21.json", METHODS),
    ("Trisomy21AapInfants", "trisomy_21_aap_infants.json", ["height", "weight", "ofc"]),
    ("Trisomy21AapChildren", "trisomy_21_aap_children.json", METHODS),
    ("Turner", "turner.json", ["height"]),
]
RAW = 0xFF
# A column's header byte: the divisor's index in DIVISORS (low 5 bits) and the order of differences (high 3 bits).
DIVISORS = [10**k for k in range(23)] + [12, decimal.Decimal("365.25")]
ORDERS = range(7)
MAX_EXACT = 2**53


def varint(n: int) -> bytes:
    n = (n << 1) ^ (n >> 63)  # zigzag
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def differences(ints: list, order: int) -> list:
    """The order-th differences of ints, each pass taking the first value from 0."""
    for _ in range(order):
        ints = [b - a for a, b in zip([0] + ints, ints)]
    return ints


def bits(ints: list) -> int:
    return sum(((n << 1) ^ (n >> 63)).bit_length() for n in ints)


def same(a: float, b: float) -> bool:
    """a and b are the same double, bit for bit (so 0.0 is not -0.0)."""
    return struct.pack("<d", a) == struct.pack("<d", b)


def encode_column(values: list) -> bytes:
    for index, divisor in enumerate(DIVISORS):
        numerators = [v * divisor for v in values]
        ints = [int(n.to_integral_value()) for n in numerators]
        if all(abs(i) < MAX_EXACT and same(float(i) / float(divisor), float(v)) for i, v in zip(ints, values)):
            order = min(ORDERS, key=lambda k: bits(differences(ints, k)))
            residues = differences(ints, order)
            # The decoder's running sums are i64.
            assert all(abs(r) < 2**62 for k in ORDERS[: order + 1] for r in differences(ints, k))
            return bytes([order << 5 | index]) + b"".join(map(varint, residues))
    out = bytearray([RAW])
    for v in values:
        out += struct.pack("<d", float(v))
    return bytes(out)


def corrected(file: str, doc: dict) -> dict:
    """doc with the corrections for file applied; each must find its row holding the verbatim value."""
    for c in json.loads(CORRECTIONS.read_text())["corrections"]:
        if c["file"] != file:
            continue
        rows = [r for r in doc["measurement"][c["measurement"]][c["sex"]]
                if r["decimal_age"] == decimal.Decimal(str(c["decimal_age"]))]
        assert len(rows) == 1 and rows[0][c["column"]] == decimal.Decimal(str(c["verbatim"])), c
        rows[0][c["column"]] = decimal.Decimal(str(c["published"]))
    return doc


def build() -> str:
    specs, blob = [], bytearray()
    for variant, file, methods in SOURCES:
        doc = json.loads((DATA / file).read_text(), parse_float=decimal.Decimal, parse_int=decimal.Decimal)
        doc = corrected(file, doc)
        for method in methods:
            for sex_index, sex in enumerate(SEXES):
                rows = doc["measurement"][method].get(sex, [])
                if not rows:
                    continue
                ages = [r["decimal_age"] for r in rows]
                assert all(a < b for a, b in zip(ages, ages[1:])), (file, method, sex)
                sigma = "sigma" in rows[0]
                columns = ["decimal_age", "L", "M", "S"] + (["sigma"] if sigma else [])
                offset = len(blob)
                for col in columns:
                    blob += encode_column([r[col] for r in rows])
                specs.append(
                    f"    Spec {{ source: Source::{variant}, method: {METHODS.index(method)}, "
                    f"sex: {sex_index}, rows: {len(rows)}, sigma: {str(sigma).lower()}, offset: {offset} }},"
                )
    # The UK-WHO weight correlations between monthly ages 0–12 (thrive lines), 13 × 13, as literals.
    months = json.loads((DATA / "uk_who_weight_correlation_matrices/weight_correlation_by_month.json").read_text())
    correlation = [[float(row[str(j)]) for j in range(13)] for row in months]
    blob += b"".join(struct.pack("<d", x) for row in correlation for x in row)
    fingerprint = hashlib.sha256(bytes(blob)).hexdigest()
    lines = [
        "// @generated by reference-data/generate.py from reference-data/rcpchgrowth-4.6.5 and corrections.json: do not edit.",
        "// Regenerate with `python3 reference-data/generate.py`; `--check` verifies this file.",
        "use super::{Source, Spec};",
        "",
        "/// SHA-256 of the embedded reference data ([`BLOB`] then the correlations as little-endian f64).",
        "pub(super) const FINGERPRINT: &str =",
        f'    "{fingerprint}";',
        "",
        "#[rustfmt::skip]",
        "pub(super) const SPECS: &[Spec] = &[",
        *specs,
        "];",
        "",
        "/// UK-WHO weight correlation between ages of 0–12 whole months (row and column = months).",
        "#[rustfmt::skip]",
        "pub(super) const WEIGHT_CORRELATION_BY_MONTH: [[f64; 13]; 13] = [",
        *["    [" + ", ".join(repr(x) for x in row) + "]," for row in correlation],
        "];",
        "",
        "#[rustfmt::skip]",
        f"pub(super) static BLOB: [u8; {len(blob) - 13 * 13 * 8}] = [",
    ]
    tables = blob[: len(blob) - 13 * 13 * 8]  # the fingerprint covers the correlations too; the blob is tables
    for start in range(0, len(tables), 40):
        lines.append("    " + ",".join(str(b) for b in tables[start : start + 40]) + ",")
    lines.append("];")
    return "\n".join(lines) + "\n"


# The tables beyond the dGC references (reference-data/nutrition/, see nutrition.py): (Rust `Chart` variant, file,
# x column, delimiter). Each file holds both sexes (1 = male, 2 = female); the x column is days, cm or years.
NUTRITION_TABLES = [
    ("WhoWeightForLength", "who-anthro/wflanthro.txt", "length", "\t"),
    ("WhoWeightForHeight", "who-anthro/wfhanthro.txt", "height", "\t"),
    ("WhoArmCircumference", "who-anthro/acanthro.txt", "age", "\t"),
    ("WhoTricepsSkinfold", "who-anthro/tsanthro.txt", "age", "\t"),
    ("WhoSubscapularSkinfold", "who-anthro/ssanthro.txt", "age", "\t"),
    ("CdcWeightForLength", "cdc/wtleninf.csv", "Length", ","),
    ("CdcWeightForStature", "cdc/wtstat.csv", "Height", ","),
    ("IotfBmi", "iotf/iotf.csv", "years", ","),
]


def nutrition_rows(file: str, delimiter: str) -> list:
    lines = (NUTRITION / file).read_text().splitlines()
    header = [h.lower() for h in lines[0].split(delimiter)]
    return [dict(zip(header, line.split(delimiter))) for line in lines[1:] if line.strip()]


def build_nutrition() -> str:
    specs, blob = [], bytearray()
    for variant, file, x, delimiter in NUTRITION_TABLES:
        rows = nutrition_rows(file, delimiter)
        for sex_index, sex in enumerate(("1", "2")):
            sexed = [r for r in rows if r["sex"] == sex]
            xs = [decimal.Decimal(r[x.lower()]) for r in sexed]
            assert xs and all(a < b for a, b in zip(xs, xs[1:])), (file, sex)
            offset = len(blob)
            blob += encode_column(xs)
            for col in ("l", "m", "s"):
                blob += encode_column([decimal.Decimal(r[col]) for r in sexed])
            specs.append(f"    ChartSpec {{ chart: Chart::{variant}, sex: {sex_index}, rows: {len(sexed)}, offset: {offset} }},")
    fingerprint = hashlib.sha256(bytes(blob)).hexdigest()
    lines = [
        "// @generated by reference-data/generate.py from reference-data/nutrition: do not edit.",
        "// Regenerate with `python3 reference-data/generate.py`; `--check` verifies this file.",
        "use super::{Chart, ChartSpec};",
        "",
        "/// SHA-256 of [`BLOB`].",
        "pub(super) const FINGERPRINT: &str =",
        f'    "{fingerprint}";',
        "",
        "#[rustfmt::skip]",
        "pub(super) const SPECS: &[ChartSpec] = &[",
        *specs,
        "];",
        "",
        "#[rustfmt::skip]",
        f"pub(super) static BLOB: [u8; {len(blob)}] = [",
    ]
    for start in range(0, len(blob), 40):
        lines.append("    " + ",".join(str(b) for b in blob[start : start + 40]) + ",")
    lines.append("];")
    return "\n".join(lines) + "\n"


def main() -> int:
    outputs = [(OUT, build()), (NUTRITION_OUT, build_nutrition())]
    if "--check" in sys.argv[1:]:
        stale = [out for out, text in outputs if out.read_text() != text]
        for out in stale:
            print(f"{out} is out of date: run python3 reference-data/generate.py", file=sys.stderr)
        if stale:
            return 1
        print("tables.rs and nutrition.rs match reference-data/")
        return 0
    for out, text in outputs:
        out.write_text(text)
        print(f"wrote {out} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
