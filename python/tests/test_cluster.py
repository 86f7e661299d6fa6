"""The documented Spark (mapInArrow) and Dask (map_partitions) patterns on a partitioned Parquet dataset written
by the test: the results equal the CLI's on the same rows."""

import os
import sys

import pandas as pd
import pytest

import centile
from frames import FIELDS, assert_same, cli_scores, rows

ROWS = rows(1500)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """The rows as text cells, with a row id, written as Parquet partitioned four ways."""
    path = tmp_path_factory.mktemp("cohort") / "measurements"
    frame = pd.DataFrame(ROWS, columns=FIELDS)
    frame.insert(0, "row_id", range(len(frame)))
    frame["part"] = frame["row_id"] % 4
    frame.to_parquet(path, partition_cols=["part"], index=False)
    return str(path)


@pytest.fixture(scope="module")
def expected(cli):
    return cli_scores(cli, ROWS)


def check(scored, expected):
    columns, want = expected
    scored = scored.sort_values("row_id").reset_index(drop=True)
    assert list(scored["row_id"]) == list(range(len(ROWS)))
    assert_same(columns, want, {c: scored[c].tolist() for c in columns})


def test_spark_map_in_arrow(dataset, expected):
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers' Python must have centile installed, like the driver's

    spark = (SparkSession.builder.master("local[2]").appName("centile-test")
             .config("spark.pyspark.python", sys.executable).config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        df = spark.read.parquet(dataset)
        schema = from_arrow_schema(centile.output_schema(to_arrow_schema(df.schema)))
        scored = df.mapInArrow(centile.score_batches, schema)
        assert scored.rdd.getNumPartitions() >= 1
        check(scored.toPandas(), expected)
    finally:
        spark.stop()


def test_dask_map_partitions(dataset, expected):
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        df = dd.read_parquet(dataset)
        assert df.npartitions >= 2
        scored = df.map_partitions(centile.score, meta=centile.score(df._meta))
        check(scored.compute(), expected)
