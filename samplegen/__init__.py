"""samplegen: seeded synthetic product data sets shaped like the DBQ Burberry price lists, with images."""

from samplegen.build import build, make_config, write_dataset
from samplegen.fidelity import FidelityError, FidelityReport, compare
from samplegen.fit import profile
from samplegen.preview import preview
from samplegen.errors import ConfigError, OutputError, ProfileError, SamplegenError
from samplegen.profiles import builtin_profiles, load_profile
from samplegen.push import PushError, PushResult, push

__all__ = [
    "ConfigError",
    "FidelityError",
    "FidelityReport",
    "OutputError",
    "ProfileError",
    "PushError",
    "PushResult",
    "SamplegenError",
    "build",
    "builtin_profiles",
    "compare",
    "load_profile",
    "make_config",
    "preview",
    "profile",
    "push",
    "write_dataset",
]
