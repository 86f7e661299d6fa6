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

# rcpchgrowth's own test suite (rcpchgrowth/tests; no release on PyPI ships it whole: see rcpchgrowth_suite.py) at the
# commit python/scripts/rcpchgrowth_suite.py pins, into target/rcpchgrowth-suite, from the first source that has
# that commit: RCPCHGROWTH_SUITE (a checkout, which the test then reads in place), a local git mirror
# ($CENTILE_GIT_MIRRORS/rcpch+rcpchgrowth-python, a bare repository or one holding repo/; default /work/.mirror),
# then github.com. git checks the commit by its hash; the test checks the files against the baseline's
# fingerprint. Without any source, that one test is skipped and says how to provide the suite.
suite=target/rcpchgrowth-suite
commit=$(sed -n 's/^COMMIT = "\([0-9a-f]*\)"/\1/p' python/scripts/rcpchgrowth_suite.py)
from_git() { # $1: a git directory or URL; fills $suite.tmp with the pinned commit's rcpchgrowth/tests
  rm -rf $suite.tmp && git init --quiet $suite.tmp &&
    timeout 120 git -C $suite.tmp fetch --quiet --depth 1 "$1" "$commit" 2>/dev/null &&
    [ "$(git -C $suite.tmp rev-parse FETCH_HEAD)" = "$commit" ] &&
    git -C $suite.tmp checkout --quiet FETCH_HEAD -- rcpchgrowth/tests && rm -rf $suite.tmp/.git &&
    echo "$commit" >$suite.tmp/COMMIT
}
if [ -n "${RCPCHGROWTH_SUITE:-}" ]; then
  [ -d "$RCPCHGROWTH_SUITE/rcpchgrowth/tests" ] || { echo "RCPCHGROWTH_SUITE has no rcpchgrowth/tests" >&2; exit 1; }
elif ! cmp -s <(echo "$commit") $suite/COMMIT; then
  mirror=$(realpath -m "${CENTILE_GIT_MIRRORS:-/work/.mirror}/rcpch+rcpchgrowth-python")
  [ -d "$mirror/repo" ] && mirror=$mirror/repo
  found=
  for source in "$mirror" https://github.com/rcpch/rcpchgrowth-python; do
    if [ "${source#/}" = "$source" ] || [ -d "$source" ]; then
      if from_git "$source"; then found=$source && break; fi
    fi
  done
  if [ -n "$found" ]; then
    rm -rf $suite && mv $suite.tmp $suite && echo "rcpchgrowth's test suite at $commit from $found"
  else
    echo "rcpchgrowth's test suite at $commit is not reachable (no RCPCHGROWTH_SUITE, no mirror, no github.com): its test will be skipped"
  fi
  rm -rf $suite.tmp
fi
