#!/usr/bin/env python3
"""Writes python/centile/responses.py: the answers of the dict API as TypedDicts, translated from the npm
package's TypeScript declarations (pkg-template/index.d.ts, whose measurement object `make protocol` generates
from the engine's contract, src/wasm/contract.rs), so the two packages describe one shape.
python/tests/test_responses.py checks real answers against the result.

  generate_responses.py          writes the module
  generate_responses.py --check  fails if the module differs from what it would write
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "pkg-template" / "index.d.ts"
TARGET = ROOT / "python" / "centile" / "responses.py"

#: The answers of the dict API, by the function that gives them; every type they use is translated too.
ROOTS = ["MeasurementObject", "BulkResponse", "ChartCoordinates", "MidParentalHeightResponse", "ErrorDetail"]

DECLARATION = re.compile(
    r"(?:/\*\*(?P<doc>(?:(?!\*/).)*?)\*/\s*)?export (?:type (?P<alias>\w+) =\s*(?P<ty>[^;]+);"
    r"|interface (?P<name>\w+)(?: extends (?P<parents>[\w, ]+))? \{(?P<body>(?:[^{}]|\{[^{}]*\})*)\})", re.S)
FIELD = re.compile(r"(?:/\*\*(?P<doc>(?:(?!\*/).)*?)\*/\s*)?(?P<key>\w+)(?P<optional>\??): (?P<ty>[^;]+);", re.S)
MAPPED = re.compile(r"\{ \[\w+ in (?P<keys>\w+)\](?P<optional>\??): (?P<ty>[^}]+) \}")
PRIMITIVES = {"number": "float", "string": "str", "boolean": "bool", "null": "None"}


def doc_text(doc):
    """A JSDoc comment as one line of text."""
    return " ".join(line.strip().lstrip("*").strip() for line in (doc or "").splitlines()).strip()


def split_union(ty):
    """The members of a TypeScript union, outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(ty):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if c == "|" and depth == 0:
            parts.append(ty[start:i])
            start = i + 1
    parts.append(ty[start:])
    return [p.strip() for p in parts if p.strip()]


class Declarations:
    def __init__(self, text):
        self.aliases, self.interfaces = {}, {}
        for d in DECLARATION.finditer(text):
            if d["alias"]:
                self.aliases[d["alias"]] = (" ".join(d["ty"].split()), doc_text(d["doc"]))
            else:
                fields = [(f["key"], " ".join(f["ty"].split()), bool(f["optional"]), doc_text(f["doc"]))
                          for f in FIELD.finditer(d["body"])]
                parents = [p.strip() for p in (d["parents"] or "").split(",") if p.strip()]
                self.interfaces[d["name"]] = (parents, fields, doc_text(d["doc"]))
        self.order, self.body = [], {}

    def fields(self, name):
        """An interface's keys, its parents' first."""
        parents, own, _ = self.interfaces[name]
        return [f for p in parents for f in self.fields(p)] + own

    def literal_names(self, ty):
        """The names of a union of string literals (directly or through an alias), or None."""
        if ty in self.aliases:
            return self.literal_names(self.aliases[ty][0])
        members = split_union(ty)
        if all(re.fullmatch(r"'[^']*'", m) for m in members):
            return [m[1:-1] for m in members]
        return None

    def python(self, ty):
        """The Python annotation of a TypeScript type, declaring the named types it uses."""
        ty = ty.strip()
        if ty.startswith("readonly "):
            ty = ty[len("readonly "):]
        members = split_union(ty)
        if len(members) > 1:
            if all(re.fullmatch(r"'[^']*'", m) for m in members):
                return f"Literal[{', '.join(members)}]"
            rest = [self.python(m) for m in members if m != "null"]
            inner = rest[0] if len(rest) == 1 else f"Union[{', '.join(rest)}]"
            return f"Optional[{inner}]" if "null" in members else inner
        if ty.endswith("[]"):
            return f"List[{self.python(ty[:-2])}]"
        if ty.startswith("(") and ty.endswith(")"):
            return self.python(ty[1:-1])
        if ty in PRIMITIVES:
            return PRIMITIVES[ty]
        if re.fullmatch(r"'[^']*'", ty):
            return f"Literal[{ty}]"
        self.declare(ty)
        return ty

    def declare(self, name):
        if name in self.order:
            return
        if name in self.interfaces:
            annotations = [(key, self.python(ty), optional, doc) for key, ty, optional, doc in self.fields(name)]
            if len({optional for _, _, optional, _ in annotations}) > 1:
                sys.exit(f"{name} mixes required and optional keys: not expressible as one TypedDict here")
            self.order.append(name)
            self.body[name] = ("dict", annotations, self.interfaces[name][2])
        elif name in self.aliases:
            ty, doc = self.aliases[name]
            mapped = MAPPED.fullmatch(ty)
            if mapped:
                value = self.python(mapped["ty"])
                keys = self.literal_names(mapped["keys"])
                annotations = [(k, value, bool(mapped["optional"]), "") for k in keys]
                self.order.append(name)
                self.body[name] = ("dict", annotations, doc)
            else:
                annotation = self.python(ty)
                self.order.append(name)
                self.body[name] = ("alias", annotation, doc)
        else:
            sys.exit(f"{name}: not declared in {SOURCE.relative_to(ROOT)}")


def render(declarations):
    lines = [
        '"""The answers of the dict API as TypedDicts: the shapes the npm package declares (its measurement object',
        "generated from the engine's contract). A measurement beyond the dGC API (docs/nutrition.md: arm",
        "circumference, skinfolds, weight-for-length or -height, IOTF) is answered in the same shape plus a",
        "`beyond_dgc` block and its own method name, which these types do not declare.",
        "Generated by python/scripts/generate_responses.py from pkg-template/index.d.ts: do not edit.\"\"\"",
        "",
        "from typing import List, Literal, Optional, TypedDict, Union",
        "",
        f"__all__ = {declarations.order!r}",
    ]
    for name in declarations.order:
        kind, body, doc = declarations.body[name]
        lines.append("")
        if doc:
            lines.append(f"#: {doc}")
        if kind == "alias":
            lines.append(f"{name} = {body}")
            continue
        total = "" if not body or not body[0][2] else ", total=False"
        lines.append(f'{name} = TypedDict("{name}", {{')
        for key, annotation, _, field_doc in body:
            if field_doc:
                lines.append(f"    # {field_doc}")
            lines.append(f'    "{key}": {annotation},')
        lines.append(f"}}{total})")
    return "\n".join(lines) + "\n"


def main():
    declarations = Declarations(SOURCE.read_text())
    for name in ROOTS:
        declarations.declare(name)
    text = render(declarations)
    if "--check" in sys.argv:
        if TARGET.read_text() != text:
            sys.exit(f"{TARGET.relative_to(ROOT)} differs from index.d.ts: run {pathlib.Path(__file__).name}")
        print("centile.responses matches pkg-template/index.d.ts")
        return
    TARGET.write_text(text)


if __name__ == "__main__":
    main()
