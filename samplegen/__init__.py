"""samplegen: seeded synthetic product data sets shaped like the DBQ Burberry price lists, with images.

The public names below are imported on first use, so `import samplegen.<module>` (as the build's worker
processes do) stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "build": "samplegen.builder",
    "ceiling": "samplegen.learnability",
    "Ceiling": "samplegen.learnability",
    "CeilingError": "samplegen.learnability",
    "make_config": "samplegen.builder",
    "write_dataset": "samplegen.builder",
    "compare": "samplegen.fidelity",
    "FidelityError": "samplegen.fidelity",
    "FidelityReport": "samplegen.fidelity",
    "profile": "samplegen.fit",
    "preview": "samplegen.sheet",
    "BuildError": "samplegen.errors",
    "ConfigError": "samplegen.errors",
    "OutputError": "samplegen.errors",
    "ProfileError": "samplegen.errors",
    "SamplegenError": "samplegen.errors",
    "builtin_profiles": "samplegen.profiles",
    "load_profile": "samplegen.profiles",
    "push": "samplegen.hub",
    "PushError": "samplegen.hub",
    "PushResult": "samplegen.hub",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from samplegen.version import samplegen_version  # noqa: PLC0415

        return samplegen_version()
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'samplegen' has no attribute {name!r}")


if TYPE_CHECKING:
    from samplegen.builder import build, make_config, write_dataset
    from samplegen.learnability import Ceiling, CeilingError, ceiling
    from samplegen.errors import BuildError, ConfigError, OutputError, ProfileError, SamplegenError
    from samplegen.fidelity import FidelityError, FidelityReport, compare
    from samplegen.fit import profile
    from samplegen.sheet import preview
    from samplegen.profiles import builtin_profiles, load_profile
    from samplegen.hub import PushError, PushResult, push
