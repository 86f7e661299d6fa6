"""Writes centile/rcpchgrowth/constants/ from rcpchgrowth 4.6.5's own constants modules (names, values and order
as that version has them), so the compatibility package has the same constants. `--check` fails if the files
differ from what would be written (scripts/test-python.sh runs it where rcpchgrowth 4.6.5 is installed).

Source: rcpchgrowth 4.6.5 (PyPI), copyright the Royal College of Paediatrics and Child Health, AGPL-3.0."""

import importlib
import pathlib
import sys

MODULES = ["validation_constants", "age_constants", "reference_constants", "height_predictions_constants",
           "bone_age_constants"]
OUT = pathlib.Path(__file__).resolve().parents[1] / "centile" / "rcpchgrowth" / "constants"
HEADER = ('"""rcpchgrowth 4.6.5\'s constants.{name}, generated from that package by '
          'python/scripts/generate_constants.py\n(rcpchgrowth: (c) RCPCH, AGPL-3.0). Do not edit."""\n\n')


def render(name):
    import rcpchgrowth

    if rcpchgrowth.__version__ != "4.6.5":
        sys.exit(f"rcpchgrowth 4.6.5 required, found {rcpchgrowth.__version__}")
    module = importlib.import_module(f"rcpchgrowth.constants.{name}")
    lines = [HEADER.format(name=name)]
    for key, value in vars(module).items():
        if key.startswith("_") or not isinstance(value, (str, int, float, list)):
            continue
        lines.append(f"{key} = {value!r}\n")
    return "".join(lines)


def main():
    files = {f"{m}.py": render(m) for m in MODULES}
    files["__init__.py"] = ('"""rcpchgrowth 4.6.5\'s constants package: every constant of its modules."""\n\n'
                            + "".join(f"from .{m} import *  # noqa: F401,F403\n" for m in MODULES))
    stale = [n for n, text in files.items() if not (OUT / n).exists() or (OUT / n).read_text() != text]
    if "--check" in sys.argv:
        if stale:
            sys.exit(f"centile/rcpchgrowth/constants differs from rcpchgrowth 4.6.5 in {stale}: run {__file__}")
        print("centile.rcpchgrowth constants equal rcpchgrowth 4.6.5's")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text)


if __name__ == "__main__":
    main()
