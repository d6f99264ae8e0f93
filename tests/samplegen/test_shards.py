"""Shard writing: working names while a split is written, final `-of-YYYYY` names once it is closed."""

import pyarrow.parquet as pq

from samplegen.dbq import arrow_schema
from samplegen.rows import row_of
from samplegen.shards import SplitWriter
from samplegen.spec import plan_specs
from schemas import BuildConfig


def test_shards_are_named_when_the_split_is_closed(tmp_path, us_profile):
    rows = [row_of(spec, us_profile) for spec in plan_specs(BuildConfig(n=5, seed=0, with_images=False), us_profile)]
    writer = SplitWriter(tmp_path, "train", shard_size=2, schema=arrow_schema(False), row_group_size=10)
    for row in rows:
        writer.add(row)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "train-00000.parquet.partial",
        "train-00001.parquet.partial",
    ]  # the last row is still buffered, and no shard looks finished
    shards = writer.close()
    assert [path.name for path in shards] == [
        "train-00000-of-00003.parquet",
        "train-00001-of-00003.parquet",
        "train-00002-of-00003.parquet",
    ]
    assert sorted(tmp_path.iterdir()) == shards
    assert [pq.read_metadata(path).num_rows for path in shards] == [2, 2, 1]
    assert writer.rows_written == 5
    assert pq.read_table(shards[0]).column("product_code").to_pylist() == [row["product_code"] for row in rows[:2]]
