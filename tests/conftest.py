"""Shared fixtures: the real reference rows and fast in-memory row generation."""

from __future__ import annotations

import os
import tempfile

# Keep `datasets`' cache out of the user's home: set before anything imports datasets.
os.environ.setdefault("HF_DATASETS_CACHE", tempfile.mkdtemp(prefix="samplegen-tests-datasets-"))
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import csv  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from samplegen.profiles import load_profile  # noqa: E402
from samplegen.rows import row_of  # noqa: E402
from samplegen.spec import plan_specs  # noqa: E402
from schemas import BuildConfig  # noqa: E402

# A copy of ../shared/reference/dbq_burberry_rows.csv: 34 real rows from six countries' DBQ files.
REFERENCE_CSV = Path(__file__).parent / "fixtures" / "dbq_burberry_rows.csv"


def generated_rows(seed: int, n: int, profile: str = "us") -> list[dict]:
    """Metadata rows exactly as a build makes them, without writing anything."""
    config = BuildConfig(n=n, seed=seed, profile=profile, with_images=False)
    loaded = load_profile(profile)
    return [row_of(spec, loaded) for spec in plan_specs(config, loaded)]


@pytest.fixture(scope="session")
def reference_rows() -> list[dict[str, str]]:
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def us_profile():
    return load_profile("us")
