#!/usr/bin/env python3
"""Derives a JSON Schema (draft 2020-12) for each dGC API response from the dGC server's response models.

Source: a git clone of the public repository rcpch/digital-growth-charts-server. Its response models live in
`schemas/response_schema_classes.py`; the server writes the OpenAPI document FastAPI generates from them to
`openapi.json` at start-up and commits it. This script reads both at one commit, checks that every model class in
the Python file has exactly the fields the OpenAPI document lists, and writes tests/schema/*.json:

    python3 tests/schema/derive.py /path/to/digital-growth-charts-server [commit]

Rules applied to the server's models (each recorded in the output):
  * Every field of a response model is required: FastAPI serialises a `response_model` with all of its fields,
    defaults included, so a field the library leaves out arrives as `null`.
  * No other keys (`additionalProperties: false`): FastAPI drops any key a response model does not declare.
    The 422 items are the exception: FastAPI adds `input`, `ctx` and `url` to the documented `loc`, `msg`, `type`.
  * `Sex.male` / `Sex.female` are nullable: the model declares them `MeasurementMethod = None`, so the sex not drawn
    is sent as `null` (the OpenAPI document omits that null).
Departures (centile's, documented in docs/differences.md):
  * `MeasurementObject.provenance`: centile reports the engine, its version and the reference data with every result.
  * `Data.y` is nullable: a point of a chart line where the reference has no finite measurement. This server's
    model would fail such a response with a 500; later servers accept the null.
  * `MidParentalHeightResponse.mid_parental_height` is nullable: the reference has no height at that SDS.
  * The bulk response `{"results": [MeasurementObject | 422 item, ...]}` is the later server's
    `/{reference}/bulk-calculation` (not in this commit's routers), built from the same models.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent
MODELS = "schemas/response_schema_classes.py"
OPENAPI = "openapi.json"
DEFAULT_COMMIT = "b44255cc3ea73aa03cf40b8a39a902cab6baabc0"
RESPONSE_MODELS = [
    "MeasurementObject", "BirthData", "MeasurementDates", "CorrectedGestationalAge", "Comments",
    "ChildObservationValue", "MeasurementCalculatedValues", "PlottableData", "CentileData", "SDSData",
    "ChronologicalDecimalAgeData", "CorrectedDecimalAgeData", "BoneAge", "EventsData", "Centile_Data",
    "ReferenceCreate", "Sex", "MeasurementMethod", "Centile", "Data", "MidParentalHeightResponse",
]
ERROR_MODELS = ["HTTPValidationError", "ValidationError"]


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True, capture_output=True,
                          text=True).stdout


def python_fields(source):
    """Field names of each class in the models file, in order (annotated names in the class body)."""
    classes, current = {}, None
    for line in source.splitlines():
        m = re.match(r"class (\w+)\(", line)
        if m:
            current = classes.setdefault(m.group(1), [])
            continue
        m = re.match(r"    (\w+): ", line)
        if current is not None and m and m.group(1) != "root":
            current.append(m.group(1))
    return classes


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def rewrite(node):
    """OpenAPI component references as local `$defs` references; titles dropped."""
    if isinstance(node, dict):
        return {k: (v.replace("#/components/schemas/", "#/$defs/") if k == "$ref" else rewrite(v))
                for k, v in node.items() if k != "title"}
    if isinstance(node, list):
        return [rewrite(v) for v in node]
    return node


def reachable(root, defs):
    """The definitions `root` refers to, directly or through others."""
    seen, stack = {}, [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            name = ref.removeprefix("#/$defs/")
            if ref and name not in seen:
                seen[name] = defs[name]
                stack.append(defs[name])
            stack.extend(v for k, v in node.items() if k != "$ref")
        elif isinstance(node, list):
            stack.extend(node)
    return dict(sorted(seen.items()))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    repo, commit = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else DEFAULT_COMMIT)
    commit = subprocess.run(["git", "-C", repo, "rev-parse", commit], check=True, capture_output=True,
                            text=True).stdout.strip()
    components = json.loads(git_show(repo, commit, OPENAPI))["components"]["schemas"]
    fields = python_fields(git_show(repo, commit, MODELS))

    defs = {}
    for name in RESPONSE_MODELS:
        schema = rewrite(components[name])
        if "properties" in schema:
            declared = list(schema["properties"])
            if fields.get(name) != declared:
                sys.exit(f"{name}: {MODELS} has {fields.get(name)}, {OPENAPI} has {declared}")
            schema["required"] = declared
            schema["additionalProperties"] = False
        defs[name] = schema
    for name in ERROR_MODELS:
        defs[name] = rewrite(components[name])
    defs["HTTPValidationError"]["required"] = ["detail"]
    defs["HTTPValidationError"]["additionalProperties"] = False

    defs["Sex"]["properties"] = {k: nullable(v) for k, v in defs["Sex"]["properties"].items()}
    defs["Data"]["properties"]["y"] = nullable(defs["Data"]["properties"]["y"])
    mph = defs["MidParentalHeightResponse"]["properties"]
    mph["mid_parental_height"] = nullable(mph["mid_parental_height"])
    defs["Provenance"] = {
        "$comment": "centile's addition: the engine, its version and the reference data behind every result.",
        "type": "object",
        "properties": {
            "growth_reference": {"enum": ["uk-who", "trisomy-21", "trisomy-21-aap", "turners-syndrome", "cdc",
                                          "who"]},
            "calculation_engine": {"type": "object", "required": ["name", "version", "commit"],
                                   "additionalProperties": False,
                                   "properties": {k: {"type": "string"} for k in ["name", "version", "commit"]}},
            "reference_data": {"type": "object", "required": ["source", "fingerprint"], "additionalProperties": False,
                               "properties": {k: {"type": "string"} for k in ["source", "fingerprint"]}},
        },
        "required": ["growth_reference", "calculation_engine", "reference_data"],
        "additionalProperties": False,
    }
    measurement = defs["MeasurementObject"]
    measurement["properties"] = {"provenance": {"$ref": "#/$defs/Provenance"}, **measurement["properties"]}
    measurement["required"] = list(measurement["properties"])

    source = {
        "repository": "rcpch/digital-growth-charts-server",
        "commit": commit,
        "files": [MODELS, OPENAPI],
        "generator": "tests/schema/derive.py",
    }
    responses = {
        "calculation": ("POST /{reference}/calculation", {"$ref": "#/$defs/MeasurementObject"}),
        "bulk_calculation": ("POST /{reference}/bulk-calculation (later servers)", {
            "type": "object", "required": ["results"], "additionalProperties": False,
            "properties": {"results": {"type": "array", "items": {
                "oneOf": [{"$ref": "#/$defs/MeasurementObject"}, {"$ref": "#/$defs/ValidationError"}]}}},
        }),
        "fictional_child_data": ("POST /{reference}/fictional-child-data",
                                 {"type": "array", "items": {"$ref": "#/$defs/MeasurementObject"}}),
        "chart_coordinates": ("POST /{reference}/chart-coordinates", {"$ref": "#/$defs/Centile_Data"}),
        "mid_parental_height": ("POST /utilities/mid-parental-height",
                                {"$ref": "#/$defs/MidParentalHeightResponse"}),
        "error": ("422 body of every route", {"$ref": "#/$defs/HTTPValidationError"}),
    }
    for name, (route, root) in responses.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"dGC API response: {route}",
            "$comment": __doc__.split("\n\n", 1)[1].strip(),
            "x-derived-from": source,
            **root,
            "$defs": reachable(root, defs),
        }
        (OUT / f"{name}.json").write_text(json.dumps(schema, indent=1) + "\n")
    print(f"wrote {len(responses)} schemas from {source['repository']}@{commit}")


if __name__ == "__main__":
    main()
