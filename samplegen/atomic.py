"""Atomic writes: a file or folder carries its final name only once it is complete.

`atomic_path` yields a hidden partial path beside the target and renames it into place when the block
succeeds (removing it when the block fails); `write_text` is the common case. `replace_folder` moves a
finished staging folder to its target, an earlier target being removed only once the new one is in place.
Both samplegen and finetune write through these.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from samplegen.no_replace import rename_no_replace

__all__ = ["atomic_path", "partial_path", "replace_folder", "write_text"]


def partial_path(target: Path) -> Path:
    """The hidden name a file or folder is written under before it is complete: `.<name>.partial` beside it."""
    return target.with_name(f".{target.name}.partial")


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a partial path to write a file to; on success it replaces `target`, on failure it is removed."""
    target = Path(target)
    partial = partial_path(target)
    try:
        yield partial
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_text(target: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text atomically: a half-written file never carries the final name."""
    with atomic_path(target) as partial:
        partial.write_text(text, encoding="utf-8")
    return Path(target)


def replace_folder(staging: Path, target: Path) -> None:
    """Rename the finished folder `staging` to `target`, never over something that appears meanwhile.

    An existing `target` is first moved aside (into a hidden folder beside it) and deleted once `staging`
    is in place; if the move fails, it is put back when it can be. Raises FileExistsError when `target`
    appears between the two steps (another writer), OSError when the rename fails.
    """
    retired = None
    if target.is_symlink() or target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.rename(target, retired / target.name)
    try:
        rename_no_replace(staging, target)
    except BaseException:
        if retired is not None and not (target.is_symlink() or target.exists()):
            with contextlib.suppress(OSError):
                os.rename(retired / target.name, target)
        raise
    finally:
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
