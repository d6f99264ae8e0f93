"""Download and image-guard settings: every default in one place, checked when built."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from finetune.errors import SettingsError

CACHE_ENV = "FINETUNE_CACHE"


@dataclass(frozen=True)
class DownloadSettings:
    """How images are fetched and checked.

    workers: downloads (and decode checks) in flight at once.
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

    workers: int = 8
    timeout: float = 20.0
    deadline: float = 120.0
    retries: int = 3
    backoff: float = 0.5
    backoff_max: float = 30.0
    max_bytes: int = 20 * 1024 * 1024  # a product photo is well under 20 MiB
    max_pixels: int | None = None
    user_agent: str = "finetune-image-fetch/0.1"

    def __post_init__(self) -> None:
        problems = []
        if not 1 <= self.workers <= 256:
            problems.append(f"workers must be 1–256 (got {self.workers})")
        if not self.timeout > 0:
            problems.append(f"timeout must be > 0 seconds (got {self.timeout})")
        if not self.deadline > 0:
            problems.append(f"deadline must be > 0 seconds (got {self.deadline})")
        if not 0 <= self.retries <= 20:
            problems.append(f"retries must be 0–20 (got {self.retries})")
        if not 0 <= self.backoff <= self.backoff_max:
            problems.append(f"backoff must be between 0 and backoff_max={self.backoff_max} (got {self.backoff})")
        if not self.max_bytes > 0:
            problems.append(f"max_bytes must be > 0 (got {self.max_bytes})")
        if self.max_pixels is not None and not self.max_pixels > 0:
            problems.append(f"max_pixels must be > 0 or None (got {self.max_pixels})")
        if problems:
            raise SettingsError("invalid download setting: " + "; ".join(problems))

    def retry_delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `retry` (0 = first retry)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.backoff_max)
        return min(self.backoff * 2**retry, self.backoff_max)


def default_cache_dir() -> Path:
    """Where downloaded images are kept between runs: $FINETUNE_CACHE/images, else ~/.cache/finetune/images."""
    root = os.environ.get(CACHE_ENV)
    return (Path(root) if root else Path.home() / ".cache" / "finetune") / "images"
