"""Shared fixtures and helpers: the real reference rows, fast in-memory row generation, and the small data
sets, tiny models and local image server the finetune tests share (models and servers built on first use)."""

from __future__ import annotations

import os
import tempfile

# Keep `datasets`' cache out of the user's home: set before anything imports datasets.
os.environ.setdefault("HF_DATASETS_CACHE", tempfile.mkdtemp(prefix="samplegen-tests-datasets-"))
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import csv
from pathlib import Path

import pytest
from PIL import Image

from samplegen.profiles import load_profile
from samplegen.rows import row_of
from samplegen.spec import plan_specs
from schemas import BuildConfig

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


PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


def product_row(
    colour=(200, 30, 30), size=(40, 30), title="Check Cotton Shirt", category="SHIRTS", price=890.0
) -> dict:
    """One training row as the collator takes it: a plain-colour image and its answer fields."""
    return {"image": Image.new("RGB", size, colour), "title": title, "category3_code": category, "full_price": price}


@pytest.fixture(scope="session")
def product_folder(tmp_path_factory):
    """A small samplegen build with images (48 rows, seed 3, train and test splits); read only."""
    from samplegen.builder import write_dataset

    return write_dataset(BuildConfig(n=48, seed=3, image_size=64), tmp_path_factory.mktemp("data") / "ds")


@pytest.fixture(scope="session")
def scratch_model(tmp_path_factory):
    """A tiny randomly initialised LLaVA-style model (Phi-3 text, CLIP vision) built on the spot; read only."""
    from finetune.models.scratch import create_scratch_model

    return create_scratch_model(tmp_path_factory.mktemp("models") / "scratch", seed=0)


@pytest.fixture(scope="session")
def tiny_phi3v_folder(tmp_path_factory):
    """A tiny randomly initialised native Phi-3-vision with its processor, saved to a folder; read only."""
    from finetune.models.phi3_v import create_tiny_phi3v

    return create_tiny_phi3v(tmp_path_factory.mktemp("phi3v") / "tiny", seed=1)


@pytest.fixture(scope="module")
def image_server():
    """A local HTTP server of test images (see tests/finetune/image_server.py)."""
    from tests.finetune.image_server import ImageServer

    with ImageServer() as running:
        yield running


@pytest.fixture
def no_proxy(monkeypatch):
    """No proxy variables, so requests to the local image server go straight to it."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
