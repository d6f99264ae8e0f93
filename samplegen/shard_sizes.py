"""Rows per parquet shard: `--shard-size` when given, else as many rows as fill `shard_bytes` (~500 MB,
as `datasets` shards), by an estimate of a row's size on disk.

The estimate depends on the settings alone (image size, format and quality, images or not), never on
the rows made, so every engine and process count cuts the same shards, and the Ray driver can plan them
before any row is rendered. Measured on US builds (`docs/benchmarks.md`): a shard comes within about
±20% of the target.
"""

from __future__ import annotations

from itertools import pairwise

from schemas import BuildConfig, ImageFormat

METADATA_ROW_BYTES = 80  # the 17 columns of a row in a snappy parquet shard
# encoded image bytes ≈ fixed + per_pixel x pixels, at these qualities (interpolated in between);
# PNG ignores the quality
IMAGE_BYTES: dict[ImageFormat, list[tuple[int, float, float]]] = {  # (quality, fixed, per pixel)
    ImageFormat.JPEG: [
        (1, 1100, 0.024),
        (10, 1140, 0.0263),
        (50, 1660, 0.0491),
        (75, 2020, 0.0676),
        (90, 2580, 0.1093),
        (100, 4500, 0.398),
    ],
    ImageFormat.WEBP: [(1, 760, 0.013), (10, 770, 0.0142), (50, 1140, 0.0248), (80, 1460, 0.0382), (100, 2510, 0.1419)],
    ImageFormat.PNG: [(1, 3450, 0.1662), (100, 3450, 0.1662)],
}


def image_bytes(image_format: ImageFormat, quality: int, pixels: int) -> float:
    """The estimated size of one encoded image."""
    points = IMAGE_BYTES[image_format]
    for (low, low_fixed, low_pixel), (high, high_fixed, high_pixel) in pairwise(points):
        if quality <= high:
            share = (quality - low) / (high - low)
            per_pixel = low_pixel + share * (high_pixel - low_pixel)
            return low_fixed + share * (high_fixed - low_fixed) + pixels * per_pixel
    _, fixed, per_pixel = points[-1]
    return fixed + per_pixel * pixels


def row_bytes(config: BuildConfig) -> float:
    """The estimated size of one row of this build in a shard."""
    if not config.with_images:
        return METADATA_ROW_BYTES
    width, height = config.image_dims
    return METADATA_ROW_BYTES + image_bytes(config.image_format, config.image_quality, width * height)


def rows_per_shard(config: BuildConfig) -> int:
    """`config.shard_size` when set, else the rows that fill `config.shard_bytes`."""
    if config.shard_size is not None:
        return config.shard_size
    return max(1, int(config.shard_bytes // row_bytes(config)))
