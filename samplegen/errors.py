"""One exceptions module: every user mistake is a SamplegenError whose message is one line.

finetune raises some of these too (PushError from a push, MissingExtraError without its training stack).
"""

from __future__ import annotations

from pydantic import ValidationError

__all__ = [
    "BuildError",
    "CeilingError",
    "ConfigError",
    "DamagedDataError",
    "FidelityError",
    "MissingExtraError",
    "NotABuildError",
    "OutputError",
    "PreviewError",
    "ProfileError",
    "PushError",
    "RealDataError",
    "SamplegenError",
    "describe_validation_error",
]


class SamplegenError(Exception):
    """Root of samplegen's errors; `str(error)` says what is wrong and what to do."""


class ConfigError(SamplegenError):
    """A build setting is out of range or malformed."""


class ProfileError(SamplegenError):
    """A profile is unknown, unreadable or inconsistent."""


class OutputError(SamplegenError):
    """The output folder cannot be written as asked."""


class BuildError(SamplegenError):
    """A build stopped partway (a helper process failed or died); nothing was written."""


class RealDataError(SamplegenError):
    """A real DBQ file is missing, unreadable or not in the DBQ format."""


class DamagedDataError(SamplegenError):
    """A data file is truncated, corrupted or not a parquet file."""


class FidelityError(SamplegenError):
    """Two sources cannot be compared, or a report folder cannot be written."""


class PreviewError(SamplegenError):
    """The data set cannot be previewed as asked."""


class PushError(SamplegenError):
    """The folder cannot be published: not a built data set, or the Hub refused or could not be reached."""


class NotABuildError(SamplegenError):
    """A folder is not a samplegen build, or its card does not say how it was built."""


class CeilingError(SamplegenError):
    """The learnability ceiling of a folder cannot be computed as asked."""


class MissingExtraError(SamplegenError):
    """An optional part needs packages that are not installed; the message names the pip command."""


def describe_validation_error(error: ValidationError) -> str:
    """Condense pydantic's report into one line: `field: problem (got value)` for each problem."""
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "value"
        message = item["msg"].removeprefix("Value error, ")
        received = item.get("input")
        shown = "" if isinstance(received, dict | list) else f" (got {received!r})"
        parts.append(f"{where}: {message}{shown}")
    return "; ".join(parts)
