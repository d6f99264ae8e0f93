"""RGB for the model: transparent pixels become white, as transformers' own `convert_to_rgb` makes them.

`Image.convert("RGB")` drops the alpha channel and leaves whatever colour sits under a transparent pixel
(black, for most cut-out product photos); the vision models were trained on the white composite.
"""

from __future__ import annotations

from PIL import Image

WHITE = (255, 255, 255, 255)


def has_transparency(image: Image.Image) -> bool:
    """An alpha band (RGBA, LA, PA, ...) or a transparent colour / palette entry (P, L, RGB with `transparency`)."""
    return "A" in image.getbands() or image.info.get("transparency") is not None


def to_rgb(image: Image.Image) -> Image.Image:
    """The image in RGB, its transparency composited onto white; an opaque image is only converted."""
    if not has_transparency(image):
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    return Image.alpha_composite(Image.new("RGBA", rgba.size, WHITE), rgba).convert("RGB")
