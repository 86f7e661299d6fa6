"""Shared by the golden-vector generators in this folder."""
import contextlib
import io
import sys
import warnings

import numpy
import rcpchgrowth
import scipy

ORACLE = "4.6.5"
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


def quiet(fn, *args, **kwargs):
    """Call fn with rcpchgrowth's stdout prints suppressed. Returns ("ok", v) or ("raise", str)."""
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            return "ok", fn(*args, **kwargs)
        except Exception as e:  # noqa: BLE001 - the oracle's exception is the expected value
            return "raise", f"raises {type(e).__name__}: {e}"
