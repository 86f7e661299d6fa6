#!/usr/bin/env bash
# The Python layer's tests (run by scripts/test.sh after `make python`): the built wheel installed in a fresh
# virtualenv (no compiler, no SciPy, no NumPy needed for the dict API), the stubs against the compiled module,
# the generated rcpchgrowth constants, then pytest (python/tests: dict API, columns, frames, Spark, Dask,
# centile.rcpchgrowth against rcpchgrowth 4.6.5 and rcpchgrowth's own suite) in the dev venv.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/python-venv
wheel=$(ls target/wheels/centile-*-cp39-abi3-*.whl | head -1)

(cd python && cargo fmt --check && CARGO_TARGET_DIR=../target/python cargo clippy --locked --release -- -D warnings &&
  cargo deny --locked check licenses bans sources)

fresh=$(mktemp -d); trap 'rm -rf "$fresh"' EXIT
python3 -m venv "$fresh"
"$fresh/bin/pip" install --quiet --disable-pip-version-check --no-index --only-binary :all: "$wheel"
(cd "$fresh" && CC=/nonexistent "$fresh/bin/python" - <<'PY'
import importlib.util, centile
for absent in ("scipy", "numpy"):
    assert importlib.util.find_spec(absent) is None, absent
m = centile.calculation("uk-who", {"birth_date": "2020-01-01", "observation_date": "2021-01-01",
                                   "observation_value": 9.5, "sex": "female", "measurement_method": "weight"})
assert m["measurement_calculated_values"]["corrected_sds"] is not None
print("fresh virtualenv: the wheel installs and answers without a compiler, NumPy or SciPy")
PY
)

$venv/bin/python python/scripts/generate_constants.py --check
(cd target && ../$venv/bin/python -m mypy.stubtest centile._centile)
(cd target && ../$venv/bin/python -m mypy --strict --follow-imports=silent -p centile)
report=$fresh/report.xml
status=0
$venv/bin/python -m pytest -p no:cacheprovider -q --junitxml="$report" python/tests "$@" || status=$?
# The "N passed, N failed" line scripts/test.sh counts (skipped tests are neither).
$venv/bin/python - "$report" <<'PY'
import sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot().find("testsuite")
tests, failed = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
print(f"{tests - failed - int(suite.get('skipped'))} passed, {failed} failed")
PY
exit $status
