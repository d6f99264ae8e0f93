"""Download and image-guard settings: every default in one place, checked when built."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from finetune.errors import SettingsError
from samplegen.errors import describe_validation_error
from schemas.finetune import DataSettings

CACHE_ENV = "FINETUNE_CACHE"
# One source for the worker count's default and bounds: `finetune train --download-workers` (schemas.finetune).
_WORKERS = DataSettings.model_fields["download_workers"]


class DownloadSettings(BaseModel):
    """How images are fetched and checked.

    workers: downloads (and decode checks) in flight at once; default and bounds as DataSettings.download_workers.
    timeout: seconds to connect and for each read; a server silent that long is a timeout.
    deadline: seconds one file may take in all (every attempt and the waits between them); past it the
        download is cut off and the file dropped as a timeout, however slowly the server keeps sending.
    retries: extra attempts after a timeout, a broken connection, a 5xx or a 429 (never after 404/403).
    backoff: seconds before the first retry; doubled each retry, capped at backoff_max
        (a server's Retry-After is honoured up to backoff_max).
    max_bytes: larger files are aborted and dropped (from Content-Length or while streaming).
    max_pixels: width × height above this is a decompression bomb; None → Pillow's Image.MAX_IMAGE_PIXELS.
    user_agent: sent with every request.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    workers: Annotated[int, *_WORKERS.metadata] = _WORKERS.default
    timeout: float = Field(default=20.0, gt=0)
    deadline: float = Field(default=120.0, gt=0)
    retries: int = Field(default=3, ge=0, le=20)
    backoff_max: float = Field(default=30.0, ge=0)  # before backoff: its check reads this
    backoff: float = Field(default=0.5, ge=0)
    max_bytes: int = Field(default=20 * 1024 * 1024, gt=0)  # a product photo is well under 20 MiB
    max_pixels: int | None = Field(default=None, gt=0)
    user_agent: str = "finetune-image-fetch/0.1"

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as error:
            raise SettingsError(f"invalid download setting: {describe_validation_error(error)}") from None

    @field_validator("backoff")
    @classmethod
    def _backoff_within_its_cap(cls, backoff: float, info: ValidationInfo) -> float:
        cap = info.data.get("backoff_max")
        if cap is not None and backoff > cap:
            raise ValueError(f"must be at most backoff_max ({cap:g})")
        return backoff

    def retry_delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `retry` (0 = first retry)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.backoff_max)
        return min(self.backoff * 2**retry, self.backoff_max)


def default_cache_dir() -> Path:
    """Where downloaded images are kept between runs: $FINETUNE_CACHE/images, else ~/.cache/finetune/images."""
    root = os.environ.get(CACHE_ENV)
    return (Path(root) if root else Path.home() / ".cache" / "finetune") / "images"
