# centile: `make demo` builds the package and serves the demo; `make test` installs what is missing and runs
# every test. See README.md.
.PHONY: pkg test check demo demo-app bench vectors tables protocol python sheets

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
CENTILE_GIT_COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
CENTILE_RUSTC ?= $(shell rustc --version 2>/dev/null)
export CENTILE_GIT_COMMIT CENTILE_RUSTC
# This machine's paths are remapped so the .wasm is byte-identical wherever it is built (scripts/check-reproducible.sh).
CARGO_HOME ?= $(HOME)/.cargo
REPRODUCIBLE := --remap-path-prefix=$(CARGO_HOME)=/cargo --remap-path-prefix=$(CURDIR)=/centile
# The wasm builds inline where LLVM's cost model says 60 rather than opt-level 3's 250 (functions marked #[inline],
# the engine's hot path, still at 325): the .wasm is 7.6 KB gzip smaller and runs no more instructions per call
# (docs/speed-and-size.md). Native builds keep opt-level 3's. Node's build adds WebAssembly SIMD (build-pkg.mjs).
WASM_RUSTFLAGS := $(REPRODUCIBLE) -C llvm-args=-inline-threshold=60

# build-pkg.mjs also compiles centile/js (scripts/build-js.mjs), with the same remapping.
pkg:
	bash scripts/install-build-tools.sh
	RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build --locked --release --target wasm32-unknown-unknown --lib
	RUSTFLAGS="$(WASM_RUSTFLAGS)" node scripts/build-pkg.mjs

test:
	bash scripts/test.sh

# The spreadsheet functions (sheets/) for Google Sheets and Excel, into target/sheets/ (docs/spreadsheets.md).
sheets: pkg
	node scripts/build-sheets.mjs

# The inner loop (under a minute warm; needs only Rust with the wasm32 target, wasm-bindgen-cli and npm ci, which
# scripts/install-build-tools.sh installs): unit tests, departures, the embedded tables and their audit natively;
# then the package's fast and general paths and its robustness in Node. The package is a quick one (CENTILE_QUICK:
# no wasm-opt size passes, no centile/js, whose tests are not in this loop); `make pkg` builds the real one.
check:
	CENTILE_QUICK=1 $(MAKE) --no-print-directory pkg
	cargo test --locked --lib --test departures --test reference_data
	python3 reference-data/audit.py --check
	node --test tests/js/fastpath.test.mjs tests/js/robustness.test.mjs

demo: pkg
	$(MAKE) --no-print-directory demo-app
	node www-demo/serve.mjs

# The demo app (www-demo/) from the built pkg/: its npm packages from its lockfile when missing, then a Vite
# production build into www-demo/dist, a static folder any static host can serve.
demo-app:
	cd www-demo && { npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund --loglevel=error; } && node_modules/.bin/vite build

# Writes bench/results.md and bench/results.json, and the README's speed table from them.
bench: pkg python
	bash scripts/install-tools.sh
	cargo build --locked --release --features cli --bin centile
	node scripts/build-sheets.mjs
	node bench/run.mjs

# Regenerate the golden vectors from rcpchgrowth 4.6.5 (committed; CI only reads them).
vectors:
	python3 tests/oracle/generate_vectors.py
	python3 tests/oracle/generate_flagged.py
	python3 tests/oracle/generate_charts.py
	python3 tests/oracle/generate_fictional.py
	python3 tests/oracle/generate_thrive.py
	python3 tests/demo/generate_oracle.py

# Regenerate pkg-template/protocol.js and the generated part of pkg-template/index.d.ts from the Rust definitions
# (committed; `cargo test` fails while either differs).
protocol:
	CENTILE_WRITE_PROTOCOL=1 cargo test --locked --lib wasm::protocol

# Regenerate src/engine/data/tables.rs and src/engine/data/nutrition.rs from reference-data/.
tables:
	python3 reference-data/generate.py

# The Python package (python/): an abi3 wheel for CPython >= 3.9 and an sdist, into target/wheels/; the wheel is
# then installed in the dev virtualenv (target/python-venv), replacing any earlier build of the same version, so
# the Python tests and `make bench` use what was just built.
python:
	bash scripts/install-python.sh
	cd python && CARGO_TARGET_DIR=../target/python ../target/python-venv/bin/maturin build --locked --release --out ../target/wheels
	cd python && ../target/python-venv/bin/maturin sdist --out ../target/wheels
	target/python-venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/centile-*-cp39-abi3-*.whl
