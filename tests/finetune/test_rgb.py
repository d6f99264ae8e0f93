"""Transparent pixels reach the model as white, wherever images are opened; opaque images are untouched."""

import io

import numpy as np
import pytest
import torch
from PIL import Image

from finetune.collate import open_image
from finetune.models.phi3_v import Phi3VImageProcessor
from finetune.rgb import to_rgb
from finetune.untrusted_image import open_untrusted

WHITE = (255, 255, 255)


def transparent(mode: str) -> Image.Image:
    """A 6x4 image whose every pixel is transparent black."""
    if mode == "P":
        image = Image.new("P", (6, 4), 0)
        image.putpalette([0, 0, 0] * 256)
        image.info["transparency"] = 0
        return image
    return Image.new(mode, (6, 4), {"RGBA": (0, 0, 0, 0), "LA": (0, 0), "PA": (0, 0)}[mode])


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def all_white(image: Image.Image) -> bool:
    return image.mode == "RGB" and bool((np.asarray(image) == 255).all())


@pytest.mark.parametrize("mode", ["RGBA", "LA", "PA", "P"])
def test_a_transparent_image_becomes_white(mode):
    assert all_white(to_rgb(transparent(mode)))
    assert not all_white(transparent(mode).convert("RGB"))  # what a plain convert would have given


def test_half_transparency_is_blended_with_white():
    assert to_rgb(Image.new("RGBA", (2, 2), (255, 0, 0, 128))).getpixel((0, 0)) == (255, 127, 127)


@pytest.mark.parametrize(
    "image",
    [Image.new("RGB", (5, 3), (12, 200, 7)), Image.new("RGBA", (5, 3), (12, 200, 7, 255)), Image.new("L", (5, 3), 40)],
    ids=["RGB", "opaque RGBA", "L"],
)
def test_an_opaque_image_keeps_its_pixels(image):
    assert to_rgb(image).tobytes() == image.convert("RGB").tobytes()


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_training_and_prediction_open_transparent_files_on_white(mode, tmp_path):
    data = png_bytes(transparent(mode))  # a real PNG: alpha band, or a tRNS chunk for the palette
    path = tmp_path / f"{mode}.png"
    path.write_bytes(data)
    assert all_white(open_image({"bytes": data, "path": None}))
    assert all_white(open_image({"bytes": None, "path": str(path)}))
    with Image.open(path) as opened:
        assert all_white(open_image(opened))
    assert all_white(open_untrusted(str(path)))  # what predict opens its files with


def test_the_phi3v_image_processor_sees_white_where_the_image_is_transparent():
    processor = Phi3VImageProcessor(num_crops=1, num_img_tokens=4, crop_size=28)
    white = processor(Image.new("RGB", (40, 30), WHITE))["pixel_values"]
    for image in (Image.new("RGBA", (40, 30), (0, 0, 0, 0)), np.zeros((30, 40, 4), dtype=np.uint8)):
        assert torch.equal(processor(image)["pixel_values"], white)
    black = processor(Image.new("RGB", (40, 30), (0, 0, 0)))["pixel_values"]
    assert not torch.equal(black, white)
