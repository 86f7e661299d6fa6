"""Shared by the golden-vector generators in this folder."""
import contextlib
import io


def quiet(fn, *args, **kwargs):
    """Call fn with rcpchgrowth's stdout prints suppressed. Returns ("ok", v) or ("raise", str)."""
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            return "ok", fn(*args, **kwargs)
        except Exception as e:  # noqa: BLE001 - the oracle's exception is the expected value
            return "raise", f"raises {type(e).__name__}: {e}"
