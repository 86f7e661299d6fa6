# centile: `make demo` builds the package and serves the demo; `make test` installs what is missing and runs
# every test. See README.md.
.PHONY: pkg test demo bench vectors tables

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
CENTILE_GIT_COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
export CENTILE_GIT_COMMIT

pkg:
	bash scripts/install-tools.sh
	cargo build --locked --release --target wasm32-unknown-unknown --lib
	node scripts/build-pkg.mjs

test:
	bash scripts/test.sh

demo: pkg
	node www-demo/serve.mjs

bench: pkg
	node bench/run.mjs
	cargo build --locked --release --features cli --bin centile
	python3 bench/cli.py

# Regenerate the golden vectors from rcpchgrowth 4.6.5 (committed; CI only reads them).
vectors:
	python3 tests/oracle/generate_vectors.py
	python3 tests/oracle/generate_charts.py
	python3 tests/oracle/generate_fictional.py
	python3 tests/oracle/generate_thrive.py

# Regenerate src/data/tables.rs from reference-data/.
tables:
	python3 reference-data/generate.py
