"""One line for a write that the operating system refused: disk full, read-only, no permission."""

from __future__ import annotations

import errno
from pathlib import Path

FULL = {errno.ENOSPC, errno.EDQUOT}
NOT_ALLOWED = {errno.EACCES, errno.EPERM}
OTHER_WRITE_FAILURES = {errno.EROFS, errno.EFBIG, errno.EIO, errno.ENAMETOOLONG}


def describe_write_error(error: OSError, out: Path) -> str | None:
    """The one-line message for a failed write into `out`, or None when `error` is not a write failure."""
    code = error.errno
    reason = error.strerror or str(error)
    if code in FULL:
        return (
            f"no space left while writing {out} ({reason}); the unfinished build was removed: "
            "free some space, or choose a folder on another disk"
        )
    if code in NOT_ALLOWED:
        return (
            f"cannot write {out}: permission denied; the unfinished build was removed: choose a folder you can write to"
        )
    if code == errno.EROFS:
        return (
            f"cannot write {out}: the file system is read-only; the unfinished build was removed: "
            "choose a folder you can write to"
        )
    if code in OTHER_WRITE_FAILURES:
        return (
            f"cannot write {out} ({reason}); the unfinished build was removed: check the disk, or choose another folder"
        )
    return None
