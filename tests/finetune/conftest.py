"""A tiny randomly initialised LLaVA-style model (Phi-3 text, CLIP vision) built on the spot."""

import pytest
from PIL import Image

from finetune.models.scratch import create_scratch_model


@pytest.fixture(scope="session")
def scratch_model(tmp_path_factory):
    return create_scratch_model(tmp_path_factory.mktemp("models") / "scratch", seed=0)


def product_row(colour=(200, 30, 30), size=(40, 30), title="Check Cotton Shirt", category="SHIRTS", price=890.0) -> dict:
    return {"image": Image.new("RGB", size, colour), "title": title, "category3_code": category, "full_price": price}
