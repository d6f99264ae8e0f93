"""The installed samplegen version, for cards, cache keys, Hub requests and `--version`."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def samplegen_version() -> str:
    """The version of the installed distribution; "0+unknown" when run from a source tree not installed."""
    try:
        return version("samplegen")
    except PackageNotFoundError:
        return "0+unknown"
