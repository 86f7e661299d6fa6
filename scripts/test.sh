#!/usr/bin/env bash
# Runs every test layer after installing what is missing, each even when an earlier one failed. Lists the failed
# layers and ends with the true "N passed, N failed" line (a layer that fails without counting tests, such as a
# lint, counts as one failure); exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never NO_COLOR=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CENTILE_GIT_COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)

OUT=$(mktemp); trap 'rm -f "$OUT"' EXIT
T0=$SECONDS

# Free space, in GiB, on the file system holding the folder $1.
free_gib() { df -P -BG "$1" | awk 'NR == 2 { sub("G", "", $4); print $4 }'; }
# A cold run needs about NEED_GIB free (docs/testing.md: its build output, and a fresh machine's caches); a full
# disk shows up only as a failed cargo deep inside some layer, so say it up front, and again beside the failures.
NEED_GIB=7 TMP=${TMPDIR:-/tmp}
disk() { HERE_GIB=$(free_gib .) TMP_GIB=$(free_gib "$TMP"); echo "free disk: $HERE_GIB GiB here, $TMP_GIB GiB in $TMP"; }
disk
[ "$HERE_GIB" -ge "$NEED_GIB" ] && [ "$TMP_GIB" -ge "$NEED_GIB" ] ||
  echo "WARNING: a cold run needs about $NEED_GIB GiB free; builds may fail for want of space"
PASSED=0 FAILED=0 FAILED_LAYERS=()

# The sum of the first (or, with `last`, the last) number of each match of the pattern in the layer's output.
sum() {
  local pick='s/^[^0-9]*([0-9]+).*$/\1/'
  [ "${2:-}" = last ] && pick='s/^.*[^0-9]([0-9]+)[^0-9]*$/\1/'
  grep -aoE "$1" "$OUT" | sed -E "$pick" | paste -sd+ | bc
}

# layer TITLE COMMANDS: runs COMMANDS (a bash script, stopping at its first failure) and counts its tests:
# cargo's "test result", node's spec and TAP summaries, and the "N passed, N failed" of this project's runners.
layer() {
  echo "=== [$((SECONDS - T0))s] $1"
  bash -euo pipefail -c "$2" 2>&1 | tee "$OUT"
  local status=${PIPESTATUS[0]} passed failed
  passed=$(sum '(test result: [A-Za-z]+\. [0-9]+ passed|ℹ pass [0-9]+|^# pass [0-9]+|^[0-9]+ passed, [0-9]+ failed$)')
  failed=$(sum '(test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed|ℹ fail [0-9]+|^# fail [0-9]+|^[0-9]+ passed, [0-9]+ failed$)' last)
  passed=${passed:-0} failed=${failed:-0}
  [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
  [ "$failed" -gt 0 ] && FAILED_LAYERS+=("$1 (exit $status, $failed failed)")
  PASSED=$((PASSED + passed)) FAILED=$((FAILED + failed))
}

layer "install missing tools" '
bash scripts/install-tools.sh'

layer "formatting, lints, generated tables" '
cargo fmt --check
cargo clippy --locked --all-targets --features cli -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --features nutrition -- -D warnings
RUSTFLAGS="-C target-feature=+simd128" cargo clippy --locked --target wasm32-unknown-unknown --lib --target-dir target/simd-lint -- -D warnings
node scripts/float-casts.mjs
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet
python3 reference-data/generate.py --check
python3 reference-data/audit.py --check
python3 reference-data/nutrition.py --check'

layer "dependency policy (cargo-deny: licences, bans, sources; deny.toml)" '
cargo deny --locked check licenses bans sources'

layer "native tests (engine, golden vectors, reference data, the centile CLI)" '
cargo test --locked --features cli'

layer "wasm-bindgen tests in Node" '
cargo test --locked --target wasm32-unknown-unknown --test web'

layer "wasm-bindgen tests in headless Chromium" '
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked --target wasm32-unknown-unknown --test web'

layer "package build" '
make --no-print-directory pkg'

layer "reproducible build: the package rebuilt in another directory is byte-identical" '
bash scripts/check-reproducible.sh'

layer "golden vectors through the packaged wasm in Node; hostile input, limits, fast = general, a 20 s structured fuzz (tests/js/fuzz.mjs)" '
node --test --test-reporter=spec tests/js/'

layer "golden vectors through the pure-JavaScript build (centile/js) in Node" '
CENTILE_BUILD=js node --test --test-reporter=spec tests/js/conformance.test.mjs tests/js/charts.test.mjs tests/js/fictional.test.mjs'

layer "spreadsheets (make sheets): Google Sheets functions in an emulated Apps Script runtime, golden vectors in five time zones; the Excel add-in in Node with serial dates" '
node scripts/build-sheets.mjs
node --test --test-reporter=spec tests/sheets/'

layer "packaged web build in headless Chromium" '
node tests/browser/run.mjs'

layer "demo app: Vite build, then the app in headless Chromium (oracle child through the UI, charts, files, offline, axe, phone, research mode)" '
make --no-print-directory demo-app
node tests/demo/run.mjs'

layer "RCPCH chart component 7.5.2 in headless Chromium: our sentences in its family and clinician tooltips" '
node --test --test-reporter=spec tests/component/'

layer "centile/js in headless Chromium under a strict Content-Security-Policy (no WebAssembly allowed)" '
node tests/csp/run.mjs'

layer "<centile-chart> in headless Chromium: points on the plot's map, keyboard, axe, 320-390 px, dark and forced colours, table twin, PNG/print export" '
node tests/chart/run.mjs'

layer "TypeScript types: drift against real results, usage and wrong calls (tsc --strict), arethetypeswrong" '
node --test --test-reporter=spec tests/types/'

layer "consumers of the packed package (npm ci, pinned lockfiles): Node ESM/CommonJS, Deno, Bun; Vite 5/6/7/8 build + dev server, webpack 5.88 + current, Rollup, esbuild, Parcel, Next.js in Chromium; the chart in plain HTML, React 19, Vue 3 and Svelte 5 checked by point positions" '
node tests/consumers/run.mjs'

layer "a dGC client written as the RCPCH client (axios instance; one changed line: the centile/axios adapter) with RCPCH chart 7.4.3 and 7.5.2, Vite 5, in Chromium" '
node tests/consumers/dgc-client/run.mjs'

layer "React Native: a production Metro bundle takes centile/js (react-native condition) and runs in Hermes; golden vectors in Hermes" '
node tests/hermes/run.mjs'

layer "Python package (python/): wheel and sdist, a fresh virtualenv, dict API and columns against the golden vectors and the CLI, Spark and Dask, centile.rcpchgrowth against rcpchgrowth 4.6.5 and its own test suite" '
bash scripts/install-python.sh
make --no-print-directory python
bash scripts/test-python.sh'

echo "=== [$((SECONDS - T0))s] done"
for l in "${FAILED_LAYERS[@]}"; do echo "failed: $l"; done
[ "$FAILED" -eq 0 ] || disk
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
