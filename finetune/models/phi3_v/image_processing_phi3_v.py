"""The Phi-3-vision HD image transform: an image becomes a grid of crops plus one global view.

For an image of width w and height h and a budget of `num_crops` crops (crop size c = 336 for the real model):

1. A portrait image is transposed, so the long side is the width; ratio = width / height.
2. The scale s is the largest with s * ceil(s / ratio) <= num_crops; the image is resized (bilinear) to width
   s * c, keeping its ratio, and its height is padded with white to a multiple of c, centred.
3. The image is transposed back; it is now rows x cols crops of c x c.
4. The global view is a bicubic resize of the whole padded image to c x c.

`pixel_values` holds, per image, the global view then the crops in row-major order, normalised with CLIP's
mean and std and zero-padded to num_crops + 1 crops: (n_images, num_crops + 1, 3, c, c). `image_sizes` holds
the padded (height, width), from which the model counts the real crops. An image takes

    (rows * cols + 1) * t**2 + 1 + (rows + 1) * t

tokens, with t = 12 merged CLIP patches per crop side (t**2 = `num_img_tokens` = 144): the crop grid with a
separator after each of its rows * t rows, one separator between grid and global view, and the global view
with a separator after each of its t rows. (2509 tokens for a square image at num_crops 16, 757 at 4,
313 at 1.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from PIL import Image
from transformers.image_processing_utils import BaseImageProcessor, BatchFeature
from transformers.image_utils import OPENAI_CLIP_MEAN, OPENAI_CLIP_STD
from transformers.processing_utils import ImagesKwargs

from finetune.rgb import to_rgb

WHITE = (255, 255, 255)


def hd_size(width: int, height: int, num_crops: int, crop_size: int) -> tuple[int, int]:
    """(padded height, padded width) of an image after the HD transform; both are multiples of `crop_size`."""
    transposed = width < height
    if transposed:
        width, height = height, width
    ratio = width / height
    scale = 1
    while scale * math.ceil(scale / ratio) <= num_crops:
        scale += 1
    scale -= 1
    new_width = scale * crop_size
    new_height = max(1, int(new_width / ratio))
    padded_height = math.ceil(new_height / crop_size) * crop_size
    return (new_width, padded_height) if transposed else (padded_height, new_width)


def image_token_count(height: int, width: int, crop_size: int, tokens_per_side: int) -> int:
    """Image positions in the prompt for an image whose padded size is (height, width)."""
    rows, cols = height // crop_size, width // crop_size
    return (rows * cols + 1) * tokens_per_side**2 + 1 + (rows + 1) * tokens_per_side


def hd_transform(image: Image.Image, num_crops: int, crop_size: int) -> Image.Image:
    """The image resized and white-padded to whole crops (steps 1-3 of the module docstring)."""
    transposed = image.width < image.height
    if transposed:
        image = image.transpose(Image.Transpose.TRANSPOSE)
    padded_height, new_width = hd_size(image.width, image.height, num_crops, crop_size)  # landscape now
    new_height = max(1, int(new_width / (image.width / image.height)))
    resized = image.resize((new_width, new_height), Image.Resampling.BILINEAR)
    canvas = Image.new("RGB", (new_width, padded_height), WHITE)
    canvas.paste(resized, (0, (padded_height - new_height) // 2))
    return canvas.transpose(Image.Transpose.TRANSPOSE) if transposed else canvas


def crops_of(image: torch.Tensor, crop_size: int) -> torch.Tensor:
    """(3, rows*c, cols*c) -> (1 + rows*cols, 3, c, c): the bicubic global view, then the crops row by row."""
    channels, height, width = image.shape
    rows, cols = height // crop_size, width // crop_size
    global_view = torch.nn.functional.interpolate(image[None], size=(crop_size, crop_size), mode="bicubic")
    crops = (
        image.reshape(channels, rows, crop_size, cols, crop_size)
        .permute(1, 3, 0, 2, 4)  # rows, cols, 3, c, c
        .reshape(rows * cols, channels, crop_size, crop_size)
    )
    return torch.cat([global_view, crops])


def _as_rgb(image: Any) -> Image.Image:
    """RGB with any transparency composited onto white (a uint8 HWC array with 4 channels is RGBA)."""
    if isinstance(image, Image.Image):
        return to_rgb(image)
    if isinstance(image, np.ndarray):
        return to_rgb(Image.fromarray(image))
    raise TypeError(f"Phi3VImageProcessor takes PIL images (or uint8 HWC arrays), got {type(image).__name__}")


class Phi3VImagesKwargs(ImagesKwargs, total=False):
    """Settings `from_pretrained` may override, e.g. `AutoProcessor.from_pretrained(name, num_crops=4)`."""

    num_crops: int
    num_img_tokens: int


class Phi3VImageProcessor(BaseImageProcessor):
    r"""HD transform of images into crops for Phi-3-vision; reads the official preprocessor_config.json.

    num_crops (`int`, defaults to 1): crops budget per image (16 for Phi-3-vision, 4 for Phi-3.5-vision).
    num_img_tokens (`int`, defaults to 144): tokens per crop after the 2x2 merge (t**2, t merged patches a side).
    crop_size (`int`, defaults to 336): crop side in pixels, the CLIP input size.
    image_mean, image_std: CLIP's normalisation.
    """

    model_input_names = ["pixel_values", "image_sizes"]
    valid_kwargs = Phi3VImagesKwargs

    def __init__(
        self,
        num_crops: int = 1,
        num_img_tokens: int = 144,
        crop_size: int = 336,
        image_mean: Sequence[float] = OPENAI_CLIP_MEAN,
        image_std: Sequence[float] = OPENAI_CLIP_STD,
        do_convert_rgb: bool = True,
        **kwargs,
    ) -> None:
        kwargs.pop("auto_map", None)  # the official file points at the remote code; this class replaces it
        super().__init__(**kwargs)
        tokens_per_side = math.isqrt(num_img_tokens)
        if tokens_per_side**2 != num_img_tokens:
            raise ValueError(f"num_img_tokens must be a square (t*t merged patches per crop), got {num_img_tokens}")
        if num_crops < 1:
            raise ValueError(f"num_crops must be at least 1, got {num_crops}")
        self.num_crops = num_crops
        self.num_img_tokens = num_img_tokens
        self.crop_size = crop_size
        self.image_mean = list(image_mean)
        self.image_std = list(image_std)
        self.do_convert_rgb = (
            do_convert_rgb  # kept for the official file; images always become RGB, transparency on white
        )

    @property
    def tokens_per_side(self) -> int:
        return math.isqrt(self.num_img_tokens)

    def num_image_tokens(self, width: int, height: int, num_crops: int | None = None) -> int:
        """Image positions the processor writes for an image of this (original) size."""
        padded_height, padded_width = hd_size(width, height, num_crops or self.num_crops, self.crop_size)
        return image_token_count(padded_height, padded_width, self.crop_size, self.tokens_per_side)

    def preprocess(
        self, images: Any, num_crops: int | None = None, return_tensors: str | None = None, **kwargs
    ) -> BatchFeature:
        """pixel_values (n, num_crops + 1, 3, c, c) float32, image_sizes (n, 2) padded (height, width),
        num_img_tokens (list of n ints)."""
        if kwargs:
            raise TypeError(f"Phi3VImageProcessor.preprocess got unexpected arguments {sorted(kwargs)}")
        if return_tensors not in (None, "pt"):
            raise ValueError(
                f"Phi3VImageProcessor returns torch tensors; return_tensors={return_tensors!r} is not supported"
            )
        num_crops = num_crops or self.num_crops
        images = [images] if not isinstance(images, (list, tuple)) else list(images)
        mean = torch.tensor(self.image_mean).view(3, 1, 1)
        std = torch.tensor(self.image_std).view(3, 1, 1)
        pixel_values = torch.zeros(len(images), num_crops + 1, 3, self.crop_size, self.crop_size)
        image_sizes, token_counts = [], []
        for index, image in enumerate(images):
            padded = hd_transform(_as_rgb(image), num_crops, self.crop_size)
            array = torch.from_numpy(np.asarray(padded, dtype=np.float32)).permute(2, 0, 1) / 255.0  # (3, H, W)
            crops = crops_of((array - mean) / std, self.crop_size)
            pixel_values[index, : len(crops)] = crops
            image_sizes.append([padded.height, padded.width])
            token_counts.append(image_token_count(padded.height, padded.width, self.crop_size, self.tokens_per_side))
        data = {
            "pixel_values": pixel_values,
            "image_sizes": torch.tensor(image_sizes, dtype=torch.long).reshape(len(images), 2),
            "num_img_tokens": token_counts,
        }
        return BatchFeature(data=data)


__all__ = ["Phi3VImageProcessor", "hd_size", "hd_transform", "image_token_count"]
