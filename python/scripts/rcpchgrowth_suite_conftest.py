"""Runs rcpchgrowth's own test suite unchanged inside a package: `rcpchgrowth` is aliased to the package named
by SUITE_TARGET (`centile.rcpchgrowth`, or `rcpchgrowth` itself for the baseline), and the suite's `tests`
directory is added to that package's path, so its relative imports (`from ..date_calculations import ...`)
resolve there. python/scripts/rcpchgrowth_suite.py copies this file next to the suite as its conftest.py."""

import importlib
import os
import pathlib
import sys

here = pathlib.Path(__file__).parent.resolve()
saved = list(sys.path)
sys.path[:] = [p for p in sys.path if p and pathlib.Path(p).resolve() != here]
sys.modules.pop("rcpchgrowth", None)
package = importlib.import_module(os.environ.get("SUITE_TARGET", "centile.rcpchgrowth"))
sys.path[:] = saved
sys.modules["rcpchgrowth"] = package
package.__path__.append(str(here / "rcpchgrowth"))
