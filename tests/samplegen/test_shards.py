"""Shard writing: working names while a split is written, final `-of-YYYYY` names once it is closed."""

import pyarrow.parquet as pq
import pytest

from samplegen.builder import write_dataset
from samplegen.dbq import arrow_schema
from samplegen.rows import row_of
from samplegen.shard_sizes import row_bytes, rows_per_shard
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


def test_an_explicit_shard_size_overrides_the_byte_target():
    assert rows_per_shard(BuildConfig(shard_size=7, shard_bytes=10**9)) == 7
    assert rows_per_shard(BuildConfig(with_images=False, shard_bytes=8_000)) == 100  # 80 bytes a metadata row
    assert rows_per_shard(BuildConfig(shard_bytes=1)) == 1


def test_the_row_estimate_grows_with_pixels_and_quality():
    sizes = [
        row_bytes(BuildConfig(image_size=side, image_quality=quality)) for side in (64, 512) for quality in (20, 90)
    ]
    assert sizes == sorted(sizes) and len(set(sizes)) == 4
    assert row_bytes(BuildConfig(image_format="PNG", image_quality=5)) == row_bytes(BuildConfig(image_format="PNG"))


@pytest.mark.parametrize(
    "settings",
    [
        {"n": 20_000, "with_images": False, "shard_bytes": 400_000},
        {"n": 120, "image_size": 128, "shard_bytes": 150_000},
        {"n": 120, "image_size": (96, 160), "image_format": "WEBP", "image_quality": 60, "shard_bytes": 60_000},
        {"n": 60, "image_size": 128, "image_format": "PNG", "shard_bytes": 150_000},
    ],
)
def test_full_shards_come_near_the_byte_target(tmp_path, settings):
    config = BuildConfig(seed=2, splits={"train": 1.0}, **settings)
    folder = write_dataset(config, tmp_path / "ds", progress=False)
    shards = sorted((folder / "data").glob("*.parquet"))
    assert len(shards) >= 3
    for shard in shards[:-1]:  # the last one holds what is left
        assert 0.7 * config.shard_bytes <= shard.stat().st_size <= 1.3 * config.shard_bytes, shard.stat().st_size
