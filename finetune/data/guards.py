"""Open images only behind Pillow's guards: a pixel limit, bomb warnings as errors, a full decode."""

from __future__ import annotations

import io
import threading
import warnings
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from finetune.data.reasons import DropReason

# warnings.catch_warnings and ImageFile.LOAD_TRUNCATED_IMAGES are process-wide: one check at a time.
_GUARD_LOCK = threading.Lock()


def pixel_limit(max_pixels: int | None) -> int | None:
    """The stricter of `max_pixels` and Pillow's Image.MAX_IMAGE_PIXELS (None: no limit at all)."""
    limits = [limit for limit in (max_pixels, Image.MAX_IMAGE_PIXELS) if limit is not None]
    return min(limits) if limits else None


def _decode(image_file: io.BytesIO | Path, limit: int | None, full: bool) -> DropReason | None:
    try:
        with Image.open(image_file) as image:
            if limit is not None and image.width * image.height > limit:
                return DropReason.DECOMPRESSION_BOMB
            if full:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return DropReason.DECOMPRESSION_BOMB
    except UnidentifiedImageError:
        return DropReason.NOT_AN_IMAGE
    except OSError as error:
        return DropReason.TRUNCATED if "truncated" in str(error).lower() else DropReason.CORRUPT
    except (SyntaxError, ValueError, EOFError, MemoryError):
        return DropReason.CORRUPT
    return None


def image_problem(image: bytes | Path, max_pixels: int | None = None, *, full: bool = True) -> DropReason | None:
    """None when `image` (bytes or a file) fully decodes within the pixel limit, else why not.

    A truncated file is rejected (LOAD_TRUNCATED_IMAGES is off during the check) and Pillow's
    DecompressionBombWarning counts as a decompression bomb, like its DecompressionBombError.
    `full=False` reads only the header: format and declared size.
    """
    image_file = io.BytesIO(image) if isinstance(image, bytes) else image
    with _GUARD_LOCK, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        load_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            return _decode(image_file, pixel_limit(max_pixels), full)
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = load_truncated
