#!/usr/bin/env bash
# Installs the Python layer's build and test tools (python/requirements-dev.txt, every version pinned) into the
# virtualenv target/python-venv, and the Java runtime Spark needs (Debian's). Idempotent: a venv whose
# requirements are already satisfied is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
venv=target/python-venv
stamp=$venv/.requirements
if [ ! -x $venv/bin/python ]; then
  python3 -m venv $venv
fi
if ! cmp -s python/requirements-dev.txt "$stamp"; then
  $venv/bin/pip install --quiet --disable-pip-version-check -r python/requirements-dev.txt
  cp python/requirements-dev.txt "$stamp"
fi
if ! command -v java >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi
