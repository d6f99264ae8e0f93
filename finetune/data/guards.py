"""The data loader's image check: finetune.untrusted_image's guarded opener, its refusals as drop reasons."""

from __future__ import annotations

from pathlib import Path

from finetune.data.reasons import DropReason
from finetune.untrusted_image import RefusedImage, check_untrusted, pixel_limit

__all__ = ["image_problem", "pixel_limit"]


def image_problem(image: bytes | Path, max_pixels: int | None = None, *, full: bool = True) -> DropReason | None:
    """None when `image` (bytes or a file) fully decodes within the pixel limit, else why not.

    A truncated file is rejected and Pillow's DecompressionBombWarning counts as a decompression bomb,
    like its DecompressionBombError. `full=False` reads only the header: format and declared size.
    """
    try:
        check_untrusted(image, max_pixels=max_pixels, full=full)
    except RefusedImage as refused:
        return DropReason(refused.kind)
    return None
