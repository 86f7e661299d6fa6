#!/usr/bin/env bash
# Installs whatever the full test run (`make test`) needs and is missing: what building needs
# (scripts/install-build-tools.sh), then rustfmt and clippy, cargo-deny, Chromium, the oracle and the chart
# component's npm packages. Idempotent; every version is pinned.
# Sources: rustup (the wasm32 std), crates.io, PyPI, Debian and npm only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" DEBIAN_FRONTEND=noninteractive PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash scripts/install-build-tools.sh

for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

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

# The RCPCH chart component (UMD build) and React for the tooltip test, as tests/component/package-lock.json records them.
if ! npm ls --prefix tests/component --depth=0 >/dev/null 2>&1; then
  npm ci --prefix tests/component --no-audit --no-fund --loglevel=error
fi
