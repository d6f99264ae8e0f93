"""Write into a hidden temporary folder beside the target and move it into place only when complete."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from samplegen.errors import OutputError

PARTIAL_SUFFIX = ".partial"


def check_target(out: Path, overwrite: bool) -> None:
    """Fail early, before any work, if `out` cannot become the finished folder."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"output path {out} exists and is not a folder; choose a folder path")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise OutputError(f"output folder {out} is not empty; pass --overwrite to replace it, or choose another folder")
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {parent}: {error.strerror}; choose a folder you can write to") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write to {parent}: permission denied; choose a folder you can write to")


@contextlib.contextmanager
def staged_folder(out: Path, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary folder; on success it replaces `out`, on any failure or interrupt it is removed.

    A hard kill can leave only a hidden `.<name>.*.partial` folder behind, never a folder named `out`.
    """
    out = Path(out)
    check_target(out, overwrite)
    staging = out.parent / f".{out.name}.{os.getpid()}-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    try:
        staging.mkdir()  # unlike mkdtemp, honours the umask: the finished folder gets normal permissions
    except OSError as error:
        raise OutputError(f"cannot write to {out.parent}: {error.strerror}; choose a folder you can write to") from None
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
        os.replace(out, retired / out.name)
        os.replace(staging, out)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, out)
