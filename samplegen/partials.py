"""Hidden `.<name>.<pid>-<hex>.partial` staging folders, each holding a lock for as long as its build runs.

A hard-killed build (kill -9, power loss) leaves its partial folder behind. The lock lets the next build
into the same target tell such an abandoned folder from one whose build is still running, and the marker
file that holds the lock tells a folder samplegen made from anything else with a similar name.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: abandoned folders are left for the user to remove
    fcntl = None

SUFFIX = ".partial"
MARKER = ".samplegen-partial"


class Partial:
    """A locked staging folder beside `out`; `seal` before moving it into place, `discard` on failure."""

    def __init__(self, out: Path) -> None:
        self.path = out.parent / f".{out.name}.{os.getpid()}-{secrets.token_hex(4)}{SUFFIX}"
        self.path.mkdir()  # unlike mkdtemp, honours the umask: the finished folder gets normal permissions
        self._lock: int | None = None
        try:
            self._lock = os.open(self.path / MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            if fcntl is not None:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BaseException:
            self.discard()
            raise

    def seal(self) -> None:
        """Remove the marker, so the folder holds exactly the build's files."""
        (self.path / MARKER).unlink()
        self._release()

    def discard(self) -> None:
        self._release()
        shutil.rmtree(self.path, ignore_errors=True)

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def remove_abandoned(out: Path, started_before: float) -> list[Path]:
    """Remove the partial folders of earlier builds into `out` whose process is gone; returns them.

    Only folders with samplegen's marker, made before `started_before` (a time.time()), and whose lock
    nobody holds any more are removed: a build that is still running keeps its folder.
    """
    if fcntl is None or not out.parent.is_dir():
        return []
    removed = []
    for folder in out.parent.glob(f".{glob.escape(out.name)}.*{SUFFIX}"):
        marker = folder / MARKER
        try:
            if folder.is_symlink() or not marker.is_file() or marker.stat().st_mtime >= started_before:
                continue
            lock = os.open(marker, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock)
            continue  # its build is still running
        shutil.rmtree(folder, ignore_errors=True)
        os.close(lock)
        removed.append(folder)
    return removed
