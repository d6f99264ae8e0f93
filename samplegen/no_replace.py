"""Move a folder into place only if nothing is there yet, atomically: a build never silently replaces
a folder that appeared while it ran (another build into the same target, say)."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import sys
from functools import cache
from pathlib import Path

AT_FDCWD = -100
RENAME_NOREPLACE = 1
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def rename_no_replace(source: Path, target: Path) -> None:
    """Rename `source` to `target`; FileExistsError if anything, even an empty folder, is at `target`.

    Linux's renameat2(RENAME_NOREPLACE) where the kernel and file system have it; elsewhere the target
    name is claimed with mkdir (which fails if anything is there) and the rename replaces that empty folder.
    """
    if _renameat2(source, target):
        return
    os.mkdir(target)
    try:
        os.rename(source, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.rmdir(target)
        raise


@cache
def _libc_renameat2():
    if sys.platform != "linux":
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _renameat2(source: Path, target: Path) -> bool:
    """True once renamed; False where RENAME_NOREPLACE is not available; OSError (FileExistsError) otherwise."""
    function = _libc_renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(source), AT_FDCWD, os.fsencode(target), RENAME_NOREPLACE) == 0:
        return True
    error = ctypes.get_errno()
    if error in UNSUPPORTED:
        return False
    raise OSError(error, os.strerror(error), str(target))  # EEXIST becomes FileExistsError
