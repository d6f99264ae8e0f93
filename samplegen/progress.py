"""The build's progress bar: on stderr when it is a terminal (or when asked), counting rows."""

from __future__ import annotations

import sys


def progress_bar(total: int, enabled: bool | None):
    from tqdm.auto import tqdm  # noqa: PLC0415

    show = sys.stderr.isatty() if enabled is None else enabled
    return tqdm(total=total, unit="row", disable=not show, desc="samplegen build")
