"""Shared paths and helpers for the Python layer's tests."""

import json
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"


def vectors(name):
    with open(VECTORS / name) as f:
        return json.load(f)


@pytest.fixture(scope="session")
def cli():
    """The `centile` CLI built from this tree (cargo's debug build, which `make test` has already made)."""
    subprocess.run(["cargo", "build", "--locked", "--quiet", "--features", "cli", "--bin", "centile"], cwd=ROOT,
                   check=True)
    return str(ROOT / "target" / "debug" / "centile")
