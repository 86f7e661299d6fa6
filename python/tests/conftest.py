"""Shared paths and helpers for the Python layer's tests."""

import json
import os
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
    """The `centile` CLI built from the same tree (release if `make bench` built it, else a debug build)."""
    for build in ("release", "debug"):
        path = ROOT / "target" / build / "centile"
        if path.exists() and os.environ.get("CENTILE_CLI_BUILD", build) == build:
            return str(path)
    subprocess.run(["cargo", "build", "--locked", "--features", "cli", "--bin", "centile"], cwd=ROOT, check=True)
    return str(ROOT / "target" / "debug" / "centile")
