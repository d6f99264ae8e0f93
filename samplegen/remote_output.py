"""Output to an fsspec URL (`s3://`, `gs://`, `file://`...): stage beside the target, move in when complete.

Object stores have no atomic folder rename, so the build writes into a hidden `.<name>.<hex>.partial`
prefix beside the target and, once every shard is there, moves the shards into `<target>/data/` and the
card last: a target without its README.md card never looks like a finished build. A failed build removes
its staging prefix.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from typing import Any

from samplegen.built_folder import BUILD_ENTRIES, CARD_READ_LIMIT, CARD_SIGNATURE, CARD_TAG
from samplegen.errors import OutputError
from samplegen.partials import SUFFIX
from samplegen.write_errors import describe_write_error


def is_url(out: object) -> bool:
    return isinstance(out, str) and "://" in out


def open_url(url: str) -> tuple[Any, str]:
    """The fsspec file system and path of `url`; OutputError when its protocol's package is missing."""
    import fsspec  # noqa: PLC0415 - only URL outputs need it

    try:
        fs, path = fsspec.core.url_to_fs(url)
    except ImportError as error:
        raise OutputError(f"cannot write to {url}: {error}".splitlines()[0]) from None
    except ValueError as error:
        raise OutputError(f"cannot write to {url}: {error}") from None
    return fs, path.rstrip("/")


def _entries(fs: Any, path: str) -> list[str]:
    if not fs.exists(path):
        return []
    if not fs.isdir(path):
        raise OutputError(f"output path {path} exists and is not a folder; choose a folder path")
    return [entry.rstrip("/").rsplit("/", 1)[-1] for entry in fs.ls(path, detail=False)]


def _is_samplegen_build(fs: Any, path: str, names: list[str]) -> bool:
    if not set(names) <= BUILD_ENTRIES or "README.md" not in names:
        return False
    with fs.open(f"{path}/README.md", "rb") as handle:
        text = handle.read(CARD_READ_LIMIT).decode("utf-8", errors="replace")
    front_matter, _, body = text.removeprefix("---\n").partition("\n---\n")
    return text.startswith("---\n") and CARD_TAG in front_matter + "\n" and CARD_SIGNATURE in body


@contextlib.contextmanager
def staged_url(url: str, overwrite: bool) -> Iterator[tuple[Any, str]]:
    """Yield (file system, staging path); on success its files become `url`, on failure it is removed."""
    fs, path = open_url(url)
    parent, _, name = path.rpartition("/")
    if not name:
        raise OutputError(f"output URL {url} names no folder; give one, e.g. s3://bucket/samplegen-us")
    try:
        names = _entries(fs, path)
        if names and not overwrite:
            raise OutputError(
                f"output folder {url} is not empty; pass --overwrite to replace it, or choose another folder"
            )
        if names and not _is_samplegen_build(fs, path, names):
            raise OutputError(
                f"output folder {url} was not made by samplegen build; --overwrite only replaces an earlier "
                "samplegen build or an empty folder: choose another folder"
            )
        staging = f"{parent}/.{name}.{secrets.token_hex(6)}{SUFFIX}"
        fs.makedirs(staging, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot write to {url}: {error}") from None
    try:
        yield fs, staging
        if names:
            fs.rm(path, recursive=True)
        fs.makedirs(path, exist_ok=True)
        fs.mv(f"{staging}/data", f"{path}/data", recursive=True)
        fs.mv(f"{staging}/README.md", f"{path}/README.md")  # last: only now does the folder look complete
        with contextlib.suppress(OSError):
            fs.rm(staging, recursive=True)
    except OSError as error:
        _discard(fs, staging)
        if (message := describe_write_error(error, url)) is None:
            raise OutputError(f"cannot write to {url}: {error}") from None
        raise OutputError(message) from None
    except BaseException:
        _discard(fs, staging)
        raise


def _discard(fs: Any, staging: str) -> None:
    with contextlib.suppress(OSError):
        if fs.exists(staging):
            fs.rm(staging, recursive=True)
