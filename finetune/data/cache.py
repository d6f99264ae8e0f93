"""The on-disk image cache: one file per URL, named by the URL's sha256, shared across runs."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

PART_SUFFIX = ".part"
LOCK_SUFFIX = ".lock"


def url_key(url: str) -> str:
    """The cache key of a URL: the hex sha256 of its UTF-8 text."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ImageCache:
    """`root/ab/<key>` holds a complete, verified image; `root/ab/<key>.part` a download in progress.

    `lock(url)` keeps processes sharing the folder (e.g. one per GPU) from writing one part file at once.
    """

    root: Path

    def path(self, url: str) -> Path:
        key = url_key(url)
        return self.root / key[:2] / key

    def part(self, url: str) -> Path:
        final = self.path(url)
        return final.with_name(final.name + PART_SUFFIX)

    @contextmanager
    def lock(self, url: str) -> Iterator[None]:
        """Hold the URL's lock exclusively (blocking until other processes and threads let go).

        The lock file `root/ab/<key>.lock` stays, empty, after release: removing it would let a waiting
        process lock a file no longer at that path.
        """
        final = self.path(url)
        final.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(final.with_name(final.name + LOCK_SUFFIX)):
            yield

    def has(self, url: str) -> bool:
        return self.path(url).is_file()

    def promote(self, url: str) -> Path:
        """Move the finished part file into place atomically and return the cached path."""
        final = self.path(url)
        os.replace(self.part(url), final)
        return final
