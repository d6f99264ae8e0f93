"""The one way finetune opens an image it did not make: Pillow's guards first, decoding only after.

Every image from a user, a data set or the network goes through `open_untrusted` (decode it for the
model) or `check_untrusted` (only say whether it is usable). The declared width × height is compared
with the pixel limit before a single pixel is decoded, Pillow's DecompressionBombWarning counts as a
refusal like its DecompressionBombError, and a truncated file is refused rather than padded.
"""

from __future__ import annotations

import io
import os
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageFile, UnidentifiedImageError

from finetune.errors import RefusedImage
from finetune.rgb import to_rgb

# Why an image is refused; the values are the data loader's drop reasons (finetune.data.reasons.DropReason).
BOMB = "decompression_bomb"
NOT_AN_IMAGE = "not_an_image"
TRUNCATED = "truncated"
CORRUPT = "corrupt"
MISSING = "missing_file"

# warnings.catch_warnings and ImageFile.LOAD_TRUNCATED_IMAGES are process-wide: one guarded open at a time.
_GUARD_LOCK = threading.Lock()

ImageSource = bytes | str | os.PathLike | io.BytesIO


def pixel_limit(max_pixels: int | None = None) -> int | None:
    """The stricter of `max_pixels` and Pillow's Image.MAX_IMAGE_PIXELS (None: no limit at all)."""
    limits = [limit for limit in (max_pixels, Image.MAX_IMAGE_PIXELS) if limit is not None]
    return min(limits) if limits else None


def check_size(width: int, height: int, max_pixels: int | None, name: str) -> None:
    """Refuse a declared size above the pixel limit (a decompression bomb)."""
    limit = pixel_limit(max_pixels)
    if limit is not None and width * height > limit:
        raise RefusedImage(
            name, BOMB, f"it declares {width}×{height} pixels, over the limit of {limit} (a decompression bomb)"
        )


@contextmanager
def _guards() -> Iterator[None]:
    with _GUARD_LOCK, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        load_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = load_truncated


def _first_line(error: BaseException) -> str:
    text = str(error).splitlines()
    return text[0] if text and text[0] else type(error).__name__


def _guarded(source: ImageSource, max_pixels: int | None, name: str, full: bool) -> Image.Image:
    image_file = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with _guards(), Image.open(image_file) as image:
            check_size(image.width, image.height, max_pixels, name)
            if not full:
                return image
            image.load()
            return to_rgb(image)
    except FileNotFoundError:
        raise RefusedImage(name, MISSING, "it does not exist") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise RefusedImage(name, BOMB, _first_line(error)) from None  # Pillow's own words: "... decompression bomb ..."
    except UnidentifiedImageError:
        raise RefusedImage(name, NOT_AN_IMAGE, "not an image Pillow can identify") from None
    except OSError as error:
        kind = TRUNCATED if "truncated" in str(error).lower() else CORRUPT
        raise RefusedImage(name, kind, _first_line(error)) from None
    except (SyntaxError, ValueError, EOFError, MemoryError) as error:
        raise RefusedImage(name, CORRUPT, _first_line(error)) from None


def _name(source: ImageSource, name: str | None) -> str:
    if name is not None:
        return name
    return "(in-memory image)" if isinstance(source, bytes | io.BytesIO) else str(source)


def open_untrusted(source: ImageSource, *, max_pixels: int | None = None, name: str | None = None) -> Image.Image:
    """The image in `source` (bytes or a file), size-checked, fully decoded, in RGB on white; else RefusedImage."""
    return _guarded(source, max_pixels, _name(source, name), full=True)


def check_untrusted(source: ImageSource, *, max_pixels: int | None = None, full: bool = True) -> None:
    """Raise RefusedImage unless `source` is usable; `full=False` reads only the header (format and size)."""
    _guarded(source, max_pixels, _name(source, None), full=full)


def decoded_rgb(image: Image.Image, *, max_pixels: int | None = None, name: str = "(in-memory image)") -> Image.Image:
    """An already opened PIL image in RGB on white, refused like a file when its size is over the limit."""
    check_size(image.width, image.height, max_pixels, name)
    return to_rgb(image)
