"""Every ```python example of docs/python.md runs as it stands, except the Spark and Dask ones, which need a
cluster and whose pattern test_cluster.py runs."""

import contextlib
import io
import re

from conftest import ROOT


def test_docs_examples_run():
    text = (ROOT / "docs" / "python.md").read_text()
    examples = re.findall(r"```python\n(.*?)```", text, re.S)
    local = [e for e in examples if "SparkSession" not in e and "dask" not in e]
    assert len(local) >= 3 and len(examples) - len(local) == 2
    for example in local:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(example, "docs/python.md", "exec"), {})
        assert out.getvalue()
