"""Shared by the golden-vector generators in this folder."""
import contextlib
import importlib
import io
import json
import pathlib
import sys
import warnings

import numpy
import rcpchgrowth
import scipy

ORACLE = "4.6.5"
CORRECTIONS = pathlib.Path(__file__).resolve().parents[2] / "reference-data" / "corrections.json"
# Where rcpchgrowth keeps each table it loads (module, global), for the files the corrections touch.
LOADED = {
    "who/who_infants.json": [("uk_who", "WHO_INFANTS_DATA"), ("who", "WHO_INFANTS_DATA")],
    "who/who_children.json": [("uk_who", "WHO_CHILD_DATA"), ("who", "WHO_CHILD_DATA")],
    "who/who_2007_children.json": [("who", "WHO_2007_DATA")],
    "who/pre_2025/who_infants.json": [("cdc", "WHO_INFANTS_DATA")],
    "cdc_infants.json": [("cdc", "CDC_INFANT_DATA")],
    "cdc2-20.json": [("cdc", "CDC_CHILD_DATA")],
}
PINNED = ((numpy, "2.4.6"), (scipy, "1.17.1"))


def require_oracle():
    """Stop unless rcpchgrowth is the oracle version; warn if NumPy or SciPy differ from the pins."""
    if rcpchgrowth.__version__ != ORACLE:
        sys.exit(f"rcpchgrowth {ORACLE} required, found {rcpchgrowth.__version__}")
    for module, want in PINNED:
        if module.__version__ != want:
            print(f"warning: {module.__name__} {module.__version__} installed, {want} pinned", file=sys.stderr)
    # NumPy / Python warnings only go to stderr; silencing them does not change any value.
    warnings.filterwarnings("ignore")
    apply_corrections()


def apply_corrections():
    """Give the oracle the published values centile embeds where rcpchgrowth's tables hold a data error
    (reference-data/corrections.json, found by reference-data/audit.py), so the vectors test everything else
    exactly; tests/departures.rs covers the corrected cells against the published values themselves."""
    for c in json.loads(CORRECTIONS.read_text())["corrections"]:
        for module, name in LOADED[c["file"]]:
            table = getattr(importlib.import_module(f"rcpchgrowth.{module}"), name)
            rows = [r for r in table["measurement"][c["measurement"]][c["sex"]] if r["decimal_age"] == c["decimal_age"]]
            assert len(rows) == 1 and rows[0][c["column"]] == c["verbatim"], c
            rows[0][c["column"]] = c["published"]


def quiet(fn, *args, **kwargs):
    """Call fn with rcpchgrowth's stdout prints suppressed. Returns ("ok", v) or ("raise", str)."""
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            return "ok", fn(*args, **kwargs)
        except Exception as e:  # noqa: BLE001 - the oracle's exception is the expected value
            return "raise", f"raises {type(e).__name__}: {e}"
