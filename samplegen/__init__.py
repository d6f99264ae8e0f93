"""samplegen: seeded synthetic product data sets shaped like the DBQ Burberry price lists, with images.

The public names below are imported on first use, so `import samplegen.<module>` (as the build's worker
processes do) stays light. Public modules shared with finetune: `samplegen.dbq` (reading and checking DBQ
data), `samplegen.hub_upload` (Hub uploads), `samplegen.command_line` (CLI pieces), `samplegen.atomic`
(atomic writes), `samplegen.progress` (progress bars), `samplegen.extras` (optional dependencies);
`samplegen.errors` holds every exception. `samplegen.heap.allow_heap_tuning()` lets builds in your process keep
freed memory as `samplegen build` does (off for library calls: it changes the process's malloc for good).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "build": "samplegen.builder",
    "ceiling": "samplegen.learnability",
    "Ceiling": "samplegen.learnability",
    "CeilingError": "samplegen.errors",
    "make_config": "samplegen.builder",
    "write_dataset": "samplegen.builder",
    "compare": "samplegen.fidelity",
    "FidelityReport": "samplegen.fidelity",
    "profile": "samplegen.fit",
    "preview": "samplegen.sheet",
    "read_dbq": "samplegen.dbq",
    "RealTable": "samplegen.dbq",
    "BuildError": "samplegen.errors",
    "ConfigError": "samplegen.errors",
    "DamagedDataError": "samplegen.errors",
    "FidelityError": "samplegen.errors",
    "MissingExtraError": "samplegen.errors",
    "OutputError": "samplegen.errors",
    "PreviewError": "samplegen.errors",
    "ProfileError": "samplegen.errors",
    "PushError": "samplegen.errors",
    "RealDataError": "samplegen.errors",
    "SamplegenError": "samplegen.errors",
    "builtin_profiles": "samplegen.profiles",
    "load_profile": "samplegen.profiles",
    "push": "samplegen.hub",
    "PushResult": "samplegen.hub_upload",
}

__all__ = [  # the names of _EXPORTS
    "BuildError",
    "Ceiling",
    "CeilingError",
    "ConfigError",
    "DamagedDataError",
    "FidelityError",
    "FidelityReport",
    "MissingExtraError",
    "OutputError",
    "PreviewError",
    "ProfileError",
    "PushError",
    "PushResult",
    "RealDataError",
    "RealTable",
    "SamplegenError",
    "build",
    "builtin_profiles",
    "ceiling",
    "compare",
    "load_profile",
    "make_config",
    "preview",
    "profile",
    "push",
    "read_dbq",
    "write_dataset",
]


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
    from samplegen.dbq import RealTable, read_dbq
    from samplegen.errors import (
        BuildError,
        CeilingError,
        ConfigError,
        DamagedDataError,
        FidelityError,
        MissingExtraError,
        OutputError,
        PreviewError,
        ProfileError,
        PushError,
        RealDataError,
        SamplegenError,
    )
    from samplegen.fidelity import FidelityReport, compare
    from samplegen.fit import profile
    from samplegen.hub import push
    from samplegen.hub_upload import PushResult
    from samplegen.learnability import Ceiling, ceiling
    from samplegen.profiles import builtin_profiles, load_profile
    from samplegen.sheet import preview
