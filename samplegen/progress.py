"""The one progress bar: tqdm on stderr, shown by default only when stderr is a terminal."""

from __future__ import annotations

import sys

__all__ = ["progress_bar"]


def progress_bar(total: int, *, unit: str, desc: str, enabled: bool | None = None):
    """A tqdm bar of `total` `unit`s; `enabled` None shows it only on a terminal. Use as a context manager."""
    from tqdm.auto import tqdm  # noqa: PLC0415

    show = sys.stderr.isatty() if enabled is None else enabled
    return tqdm(total=total, unit=unit, disable=not show, desc=desc)
