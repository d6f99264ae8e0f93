"""The generator configuration: every default in one place, validated when built."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_SEED = 2**63 - 1
MIN_IMAGE_SIZE = 64
MAX_IMAGE_SIZE = 2048

ImageSize = int | tuple[int, int]  # a square's side, or (width, height), in pixels
_SIZE_TEXT = re.compile(r"\s*(\d+)\s*(?:[xX\u00d7*]\s*(\d+)\s*)?")
_SIZE_HINT = f"a side in pixels (e.g. 512) or WIDTHxHEIGHT (e.g. 512x640), each {MIN_IMAGE_SIZE} to {MAX_IMAGE_SIZE}"


def parse_image_size(value: object) -> ImageSize:
    """An image size from 512, "512", "512x640", (512, 640) or [512, 640]: an int for a square, else
    (width, height). Raises ValueError, saying what is accepted, for anything else or a side out of range."""
    dims: tuple[object, ...]
    if isinstance(value, str):
        match = _SIZE_TEXT.fullmatch(value)
        if match is None:
            raise ValueError(f"image size must be {_SIZE_HINT}")
        dims = tuple(int(part) for part in match.groups() if part is not None)
    elif isinstance(value, (tuple, list)) and len(value) == 2:
        dims = tuple(value)
    else:
        dims = (value,)
    if not all(isinstance(d, int) and not isinstance(d, bool) for d in dims):
        raise ValueError(f"image size must be {_SIZE_HINT}")
    names = ("side", "height") if len(dims) == 1 else ("width", "height")  # one side stands for both
    for name, side in zip(names, dims, strict=False):
        if not MIN_IMAGE_SIZE <= side <= MAX_IMAGE_SIZE:  # type: ignore[operator]
            raise ValueError(
                f"image {name} {side} is out of range: must be {MIN_IMAGE_SIZE} to {MAX_IMAGE_SIZE} pixels"
            )
    if len(dims) == 1 or dims[0] == dims[1]:
        return int(dims[0])  # type: ignore[call-overload]
    return (int(dims[0]), int(dims[1]))  # type: ignore[call-overload]


def image_dims(size: ImageSize) -> tuple[int, int]:
    """(width, height) of an already parsed image size."""
    return (size, size) if isinstance(size, int) else size


def format_image_size(size: ImageSize) -> str:
    """The size as the CLI takes it: "512" or "512x640"."""
    width, height = image_dims(size)
    return str(width) if width == height else f"{width}x{height}"


class ImageFormat(StrEnum):
    JPEG = "JPEG"
    PNG = "PNG"
    WEBP = "WEBP"


class BuildConfig(BaseModel):
    """What to generate. `profile` is a built-in profile name or a path to a profile JSON file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    n: int = Field(default=3040, gt=0, le=100_000_000, description="number of rows over all splits")
    seed: int = Field(default=0, ge=0, le=MAX_SEED)
    profile: str = Field(default="us", min_length=1)
    image_size: ImageSize = Field(
        default=512, description="square side in pixels, or (width, height); also parsed from '512x640'"
    )
    image_format: ImageFormat = ImageFormat.JPEG
    image_quality: int = Field(default=90, ge=1, le=100, description="JPEG/WEBP quality")
    splits: dict[str, float] = Field(default_factory=lambda: {"train": 0.9, "test": 0.1})
    num_proc: int = Field(default=1, ge=1, le=512)
    shard_size: int | None = Field(
        default=None, ge=1, description="rows per parquet shard; None: as many as fill shard_bytes"
    )
    shard_bytes: int = Field(
        default=500_000_000,
        ge=1,
        description="bytes per parquet shard to aim for when shard_size is None, from an estimate of a row's "
        "size that depends on the settings alone (samplegen.shard_sizes), so shards are the same on any engine",
    )
    with_images: bool = True
    with_spec: bool = Field(default=False, description="add the latent ProductSpec as a JSON column `spec`")
    price_noise: float | None = Field(
        default=None,
        ge=0,
        le=2,
        allow_inf_nan=False,
        description="hidden per-product price spread (standard deviation of log price among products with the "
        "same title and leaf); None: the profile's price_noise",
    )

    @field_validator("image_size", mode="before")
    @classmethod
    def _parse_image_size(cls, value: object) -> ImageSize:
        return parse_image_size(value)

    @property
    def image_dims(self) -> tuple[int, int]:
        """(width, height) of the images in pixels."""
        return image_dims(self.image_size)

    @field_validator("image_format", mode="before")
    @classmethod
    def _upper_format(cls, value: object) -> object:
        if isinstance(value, str):
            upper = value.upper()
            return "JPEG" if upper == "JPG" else upper
        return value

    @field_validator("splits")
    @classmethod
    def _valid_splits(cls, splits: dict[str, float]) -> dict[str, float]:
        if not splits:
            raise ValueError("at least one split is needed, e.g. {'train': 1.0}")
        for name, share in splits.items():
            if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise ValueError(f"split name {name!r} must be lower-case letters, digits and _ (e.g. 'train')")
            if not share > 0:
                raise ValueError(f"split {name!r} has share {share}; shares must be positive")
        total = sum(splits.values())
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"split shares must add up to 1, got {total:g}")
        return splits
