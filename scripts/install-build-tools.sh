#!/usr/bin/env bash
# Installs what building the package (`make pkg`, `make check`) needs and is missing: the wasm32 target,
# wasm-bindgen-cli (exactly Cargo.lock's wasm-bindgen) and the npm tools of package-lock.json. Idempotent; pinned.
# scripts/install-tools.sh adds what the full test run needs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock. Not --locked: its lockfile pins a yanked crate.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# npm tools (binaryen's wasm-opt, esbuild, typescript, ...) exactly as package-lock.json records them.
if ! npm ls --depth=0 >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
fi
