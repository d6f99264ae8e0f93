"""An index image ("L") through a 256-entry RGB palette, as an RGB image.

The portable way is to set the palette and convert ("P" to "RGB"), which stores each pixel a byte at a
time. Pillow's point operation with an RGB table stores each pixel as one 32-bit word and takes about 15%
less time for the same pixels; it is reached through the image's core object, which Pillow does not
document, so it is used only when a probe at import shows it gives exactly what the portable way gives.
"""

from __future__ import annotations

from PIL import Image


def rgb_by_convert(index: Image.Image, palette: bytes) -> Image.Image:
    """The documented way: a "P" copy of the index image, converted to RGB."""
    paletted = index.copy()
    paletted.putpalette(palette)
    return paletted.convert("RGB")


def rgb_by_point(index: Image.Image, palette: bytes) -> Image.Image:
    """One table lookup per pixel into an RGB image (table: the reds, then the greens, then the blues)."""
    table = [*palette[0::3], *palette[1::3], *palette[2::3]]
    return index._new(index.im.point(table, "RGB"))


def _point_matches_convert() -> bool:
    """Whether this Pillow's point operation maps an index image to RGB exactly as converting does."""
    index = Image.frombytes("L", (256, 1), bytes(range(256)))
    palette = bytes((7 * i + 3 * channel) % 256 for i in range(256) for channel in range(3))
    try:
        fast = rgb_by_point(index, palette)
    except (AttributeError, TypeError, ValueError):
        return False
    return fast.mode == "RGB" and fast.tobytes() == rgb_by_convert(index, palette).tobytes()


index_to_rgb = rgb_by_point if _point_matches_convert() else rgb_by_convert
