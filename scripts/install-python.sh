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

# rcpchgrowth's own test suite (not on PyPI), at the commit python/scripts/rcpchgrowth_suite.py names, when GitHub
# is reachable; without it that one test is skipped and says how to provide it.
suite=target/rcpchgrowth-suite
commit=$(sed -n 's/^COMMIT = "\([0-9a-f]*\)"/\1/p' python/scripts/rcpchgrowth_suite.py)
if [ ! -d $suite/rcpchgrowth/tests ] && [ -z "${RCPCHGROWTH_SUITE:-}" ]; then
  rm -rf $suite.tmp && git init --quiet $suite.tmp
  if timeout 60 git -C $suite.tmp fetch --quiet --depth 1 https://github.com/rcpch/rcpchgrowth-python "$commit" 2>/dev/null; then
    git -C $suite.tmp checkout --quiet FETCH_HEAD && mv $suite.tmp $suite
  else
    echo "rcpchgrowth's test suite is not reachable (github.com): its test will be skipped"
  fi
  rm -rf $suite.tmp
fi
