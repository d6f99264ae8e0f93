"""The generator configuration: every default in one place, validated when built."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_SEED = 2**63 - 1
MIN_IMAGE_SIZE = 64
MAX_IMAGE_SIZE = 2048


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
    image_size: int = Field(default=512, ge=MIN_IMAGE_SIZE, le=MAX_IMAGE_SIZE)
    image_format: ImageFormat = ImageFormat.JPEG
    image_quality: int = Field(default=90, ge=1, le=100, description="JPEG/WEBP quality")
    splits: dict[str, float] = Field(default_factory=lambda: {"train": 0.9, "test": 0.1})
    num_proc: int = Field(default=1, ge=1, le=512)
    shard_size: int = Field(default=2000, ge=1, description="rows per parquet shard")
    with_images: bool = True
    with_spec: bool = Field(default=False, description="add the latent ProductSpec as a JSON column `spec`")

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
