#!/usr/bin/env bash
# Installs whatever the build and tests need and is missing. Idempotent; every version is pinned.
# Sources: rustup (the wasm32 std), crates.io, PyPI, Debian and npm only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" DEBIAN_FRONTEND=noninteractive PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

# The CLI must be exactly the wasm-bindgen version in Cargo.lock. Not --locked: its lockfile pins a yanked crate.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# cargo-deny checks the dependency policy (deny.toml) offline. Built from source once: it took over an hour on this
# 2-core machine while seven other builds ran (a few minutes on an idle one); later runs find it installed.
if [ "$(cargo deny --version 2>/dev/null || true)" != "cargo-deny 0.20.2" ]; then
  cargo install cargo-deny --version 0.20.2 --locked
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The oracle, for benchmarks and for regenerating the golden vectors (pinned with its numeric stack).
if ! python3 -c 'import rcpchgrowth, sys; sys.exit(rcpchgrowth.__version__ != "4.6.5")' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check -r tests/oracle/requirements.txt
fi

# npm tools (binaryen's wasm-opt, playwright-core) exactly as package-lock.json records them.
if ! npm ls --depth=0 >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# The RCPCH chart component (UMD build) and React for the tooltip test, as tests/component/package-lock.json records them.
if ! npm ls --prefix tests/component --depth=0 >/dev/null 2>&1; then
  npm ci --prefix tests/component --no-audit --no-fund --loglevel=error
fi
