"""Shared fixtures: the real reference rows and fast in-memory row generation."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from samplegen.plan import iter_plan
from samplegen.profiles import load_profile
from samplegen.rows import RowMaker
from samplegen.spec import ProfileTables
from schemas import BuildConfig

# A copy of ../shared/reference/dbq_burberry_rows.csv: 34 real rows from six countries' DBQ files.
REFERENCE_CSV = Path(__file__).parent / "fixtures" / "dbq_burberry_rows.csv"


def generated_rows(seed: int, n: int, profile: str = "us") -> list[dict]:
    """Metadata rows exactly as a build makes them, without writing anything."""
    config = BuildConfig(n=n, seed=seed, profile=profile, with_images=False)
    loaded = load_profile(profile)
    maker = RowMaker(seed, ProfileTables.of(loaded))
    return [maker.row(planned) for planned in iter_plan(config, loaded)]


@pytest.fixture(scope="session")
def reference_rows() -> list[dict[str, str]]:
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def us_profile():
    return load_profile("us")
