"""rcpchgrowth's own test suite (rcpchgrowth/tests of github.com/rcpch/rcpchgrowth-python at COMMIT, the
repository's head) run unchanged inside a package, by python/scripts/rcpchgrowth_suite_conftest.py.

No rcpchgrowth release on PyPI ships this suite whole (4.1.1's sdist has its test modules but not the JSON files
they read; 4.6.5's has no tests; 4.6.x before it ship later, different ones), so it is taken from a checkout: RCPCHGROWTH_SUITE names one, else target/rcpchgrowth-suite, where
scripts/install-python.sh puts it from a local git mirror or GitHub. Its files must match the fingerprint in
python/tests/rcpchgrowth_baseline.json.

  rcpchgrowth_suite.py --baseline   runs it on rcpchgrowth 4.6.5 and writes rcpchgrowth_baseline.json
  rcpchgrowth_suite.py              runs it on centile.rcpchgrowth and prints the result as JSON
"""

import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

COMMIT = "f6d92e480fff090cb6f83aef98b4282b264b3dbe"
ROOT = pathlib.Path(__file__).resolve().parents[2]
BASELINE = ROOT / "python" / "tests" / "rcpchgrowth_baseline.json"


def suite_dir():
    """The checkout holding rcpchgrowth/tests, or None."""
    path = pathlib.Path(os.environ.get("RCPCHGROWTH_SUITE", ROOT / "target" / "rcpchgrowth-suite"))
    return path if (path / "rcpchgrowth" / "tests").is_dir() else None


def fingerprint(checkout):
    """SHA-256 over the suite's files (path and content), in path order."""
    digest = hashlib.sha256()
    tests = checkout / "rcpchgrowth" / "tests"
    for f in sorted(p for p in tests.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(f.relative_to(tests).as_posix().encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
    return digest.hexdigest()


def run(checkout, target):
    """Runs the suite with `rcpchgrowth` aliased to `target`: {collected, passed, failed: [test ids]}."""
    with tempfile.TemporaryDirectory() as tmp:
        package = pathlib.Path(tmp) / "rcpchgrowth"
        shutil.copytree(checkout / "rcpchgrowth" / "tests", package / "tests")
        (package / "__init__.py").touch()
        shutil.copy(ROOT / "python" / "scripts" / "rcpchgrowth_suite_conftest.py", pathlib.Path(tmp) / "conftest.py")
        done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rf", "--tb=no",
                               "rcpchgrowth/tests"], cwd=tmp, env={**os.environ, "SUITE_TARGET": target},
                              capture_output=True, text=True)
    failed = sorted(re.sub(r" - .*", "", line[len("FAILED "):]) for line in done.stdout.splitlines()
                    if line.startswith("FAILED "))
    summary = done.stdout.strip().splitlines()[-1]
    passed = int(re.search(r"(\d+) passed", summary).group(1)) if "passed" in summary else 0
    if done.returncode not in (0, 1) or "error" in summary:
        sys.exit(f"the suite did not run: {summary}\n{done.stdout[-3000:]}")
    return {"collected": passed + len(failed), "passed": passed, "failed": failed}


def main():
    checkout = suite_dir()
    if checkout is None:
        sys.exit("rcpchgrowth's suite not found: set RCPCHGROWTH_SUITE to a checkout of "
                 f"github.com/rcpch/rcpchgrowth-python at {COMMIT}")
    if "--baseline" in sys.argv:
        import rcpchgrowth

        if rcpchgrowth.__version__ != "4.6.5":
            sys.exit(f"rcpchgrowth 4.6.5 required, found {rcpchgrowth.__version__}")
        result = {"suite": "github.com/rcpch/rcpchgrowth-python rcpchgrowth/tests", "commit": COMMIT,
                  "fingerprint": fingerprint(checkout), "oracle": "rcpchgrowth 4.6.5", **run(checkout, "rcpchgrowth")}
        BASELINE.write_text(json.dumps(result, indent=1) + "\n")
        return
    print(json.dumps(run(checkout, "centile.rcpchgrowth")))


if __name__ == "__main__":
    main()
