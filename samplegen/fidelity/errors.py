"""The fidelity report's one error type."""

from __future__ import annotations

from samplegen.errors import SamplegenError


class FidelityError(SamplegenError):
    """Two sources cannot be compared, or a report folder cannot be written."""
