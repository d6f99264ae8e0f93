"""One exceptions module: every user mistake is a SamplegenError whose message is one line."""

from __future__ import annotations

from pydantic import ValidationError


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
