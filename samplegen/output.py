"""Write into a hidden temporary folder beside the target and move it into place only when complete."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from samplegen.atomic import replace_folder
from samplegen.errors import OutputError
from samplegen.partials import SUFFIX, Partial, remove_abandoned
from samplegen.write_errors import describe_write_error

PARTIAL_SUFFIX = SUFFIX

Replaceable = Callable[[Path], bool]


def check_target(out: Path, overwrite: bool, replaceable: Replaceable | None = None) -> None:
    """Fail early, before any work, if `out` cannot become the finished folder.

    A non-empty folder is replaced only with `overwrite` and only when `replaceable` (if given) accepts it;
    the file system root, the home folder and the current folder (or one above it) never are.
    """
    _refuse_protected(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output path {out} exists and is not a folder; choose a folder path")
    if out.is_dir() and any(out.iterdir()):
        if not overwrite:
            raise OutputError(
                f"output folder {out} is not empty; pass --overwrite to replace it, or choose another folder"
            )
        if replaceable is not None and not replaceable(out):
            raise OutputError(
                f"output folder {out} was not made by samplegen build; --overwrite only replaces an earlier "
                "samplegen build or an empty folder: choose another folder"
            )
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {parent}: {error.strerror}; choose a folder you can write to") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write to {parent}: permission denied; choose a folder you can write to")


def _refuse_protected(out: Path) -> None:
    resolved = out.resolve()
    protected = {
        Path(resolved.anchor): "the file system root",
        Path.home().resolve(): "your home folder",
    }
    what = protected.get(resolved)
    if what is None and Path.cwd().resolve().is_relative_to(resolved):
        what = "the current folder" if Path.cwd().resolve() == resolved else "a folder above the current one"
    if what is not None:
        raise OutputError(f"output folder {out} is {what}, which a build never replaces; choose a new folder")


@contextlib.contextmanager
def staged_folder(out: Path, overwrite: bool, replaceable: Replaceable | None = None) -> Iterator[Path]:
    """Yield a temporary folder; on success it becomes `out`, on any failure or interrupt it is removed.

    A hard kill can leave only a hidden `.<name>.*.partial` folder behind, never a folder named `out`; the
    next build into `out` removes it. Write failures (disk full, read-only, no permission) become one-line
    OutputErrors.
    """
    out = Path(out)
    check_target(out, overwrite, replaceable)
    was_there = out.is_dir()
    remove_abandoned(out, started_before=time.time())
    try:
        partial = Partial(out)
    except OSError as error:
        raise OutputError(f"cannot write to {out.parent}: {error.strerror}; choose a folder you can write to") from None
    try:
        yield partial.path
        partial.seal()
        _move_into_place(partial.path, out, overwrite, replaceable, was_there)
    except OSError as error:
        partial.discard()
        if (message := describe_write_error(error, out)) is None:
            raise
        raise OutputError(message) from None
    except BaseException:
        partial.discard()
        raise


def _move_into_place(
    staging: Path, out: Path, overwrite: bool, replaceable: Replaceable | None, was_there: bool
) -> None:
    """Rename `staging` to `out`, atomically and never over a folder that is not ours to replace: an empty
    folder only if it was there when the build started, a non-empty one only with `overwrite`."""
    appeared = OutputError(
        f"output folder {out} appeared while this build ran (another build into the same folder?); this build "
        "was discarded: choose another folder, or pass --overwrite to replace it"
    )
    if out.is_symlink() or out.exists():
        if was_there and out.is_dir() and not out.is_symlink() and not any(out.iterdir()):
            try:
                out.rmdir()  # empty, as check_target allowed: replaced below unless something fills it first
            except FileNotFoundError:
                pass
            except OSError:
                raise appeared from None
        elif not (overwrite and out.is_dir() and (replaceable is None or replaceable(out))):
            raise appeared
    try:
        replace_folder(staging, out)
    except FileExistsError:
        raise appeared from None
