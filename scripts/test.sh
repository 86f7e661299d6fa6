#!/usr/bin/env bash
# Runs every test layer after installing what is missing. Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never NO_COLOR=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CENTILE_GIT_COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)

LOG=$(mktemp); trap 'rm -f "$LOG"' EXIT
T0=$SECONDS
step() { echo "=== [$((SECONDS - T0))s] $*"; }
run() { "$@" 2>&1 | tee -a "$LOG"; }

step "install missing tools"
bash scripts/install-tools.sh

step "formatting, lints, generated tables"
cargo fmt --check
cargo clippy --locked --all-targets --features cli -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet
python3 reference-data/generate.py --check
python3 reference-data/audit.py --check
python3 reference-data/nutrition.py --check

step "dependency policy (cargo-deny: licences, bans, sources; deny.toml)"
cargo deny --locked check licenses bans sources

step "native tests (engine, golden vectors, reference data, the centile CLI)"
run cargo test --locked --features cli

step "wasm-bindgen tests in Node"
run cargo test --locked --target wasm32-unknown-unknown --test web

step "wasm-bindgen tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  run cargo test --locked --target wasm32-unknown-unknown --test web

step "package build"
make --no-print-directory pkg

step "reproducible build: the package rebuilt in another directory is byte-identical"
bash scripts/check-reproducible.sh

step "golden vectors through the packaged wasm in Node; hostile input, limits, fast = general, a 20 s structured fuzz (tests/js/fuzz.mjs)"
run node --test --test-reporter=spec tests/js/

step "golden vectors through the pure-JavaScript build (centile/js) in Node"
CENTILE_BUILD=js run node --test --test-reporter=spec tests/js/conformance.test.mjs tests/js/charts.test.mjs tests/js/fictional.test.mjs

step "packaged web build in headless Chromium"
run node tests/browser/run.mjs

step "demo app: Vite build, then the app in headless Chromium (oracle child through the UI, charts, files, offline, axe, phone, research mode)"
make --no-print-directory demo-app
run node tests/demo/run.mjs

step "RCPCH chart component 7.5.2 in headless Chromium: our sentences in its family and clinician tooltips"
run node --test --test-reporter=spec tests/component/

step "centile/js in headless Chromium under a strict Content-Security-Policy (no WebAssembly allowed)"
run node tests/csp/run.mjs

step "<centile-chart> in headless Chromium: points on the plot's map, keyboard, axe, 320-390 px, dark and forced colours, table twin, PNG/print export"
run node tests/chart/run.mjs

step "TypeScript types: drift against real results, usage and wrong calls (tsc --strict), arethetypeswrong"
run node --test --test-reporter=spec tests/types/

step "consumers of the packed package (npm ci, pinned lockfiles): Node ESM/CommonJS, Deno, Bun; Vite 5/6/7/8 build + dev server, webpack 5.88 + current, Rollup, esbuild, Parcel, Next.js in Chromium"
run node tests/consumers/run.mjs

step "React Native: a production Metro bundle takes centile/js (react-native condition) and runs in Hermes; golden vectors in Hermes"
run node tests/hermes/run.mjs

step "Python package (python/): wheel and sdist, a fresh virtualenv, dict API and columns against the golden vectors and the CLI, Spark and Dask, centile.rcpchgrowth against rcpchgrowth 4.6.5 and its own test suite"
bash scripts/install-python.sh
make --no-print-directory python
run bash scripts/test-python.sh

passed=$(grep -hoE '(test result: ok\. |ℹ pass |^# pass )[0-9]+|^[0-9]+ passed' "$LOG" | grep -oE '[0-9]+' | paste -sd+ | bc)
failed=$(grep -hoE '(; |ℹ fail |^# fail )[0-9]+ ?(failed)?|^[0-9]+ passed, [0-9]+ failed' "$LOG" | grep -oE '[0-9]+ failed|ℹ fail [0-9]+' | grep -oE '[0-9]+' | paste -sd+ | bc)
step "done"
echo "${passed:-0} passed, ${failed:-0} failed"
