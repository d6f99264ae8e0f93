"""A tiny, randomly initialised Phi-3-vision with a byte-level tokenizer, made on the spot: for tests, CPU
runs of `finetune train --model <folder>` and benchmarks' `--tiny` path. Nothing is downloaded.

Same architecture and code path as the real model, smaller numbers: 28 px crops of 7 px patches give a 4x4
CLIP grid, merged 2x2 into 2x2 tokens a crop (the real 336/14 gives 24x24 -> 12x12). The rope is longrope
in the official file's form (type "su", short and long factors), so the conversion is exercised too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from finetune.models.scratch import byte_tokenizer

from .configuration_phi3_v import Phi3VConfig
from .image_processing_phi3_v import Phi3VImageProcessor
from .processing_phi3_v import Phi3VProcessor

IMAGE_TOKEN = "<|image|>"


@dataclass(frozen=True)
class TinyPhi3VShape:
    """Sizes of the tiny model; the defaults make a ~0.2M-parameter model for unit tests."""

    crop_size: int = 28  # CLIP image_size: the crop side in pixels
    patch_size: int = 7  # 28 / 7 = 4 patches a side, merged 2x2 -> 2x2 = 4 tokens a crop
    vision_hidden: int = 32
    vision_layers: int = 2  # features come from the second-to-last, so one layer runs
    vision_heads: int = 2
    text_hidden: int = 64
    text_layers: int = 2
    text_heads: int = 4  # head dim 16 -> 8 rope factors
    max_positions: int = 4096
    original_max_positions: int = 1024  # longrope switches to the long factors past this length
    num_crops: int = 4
    words: tuple[str, ...] = ()  # extra whole-word tokens on top of the 256 bytes


def tiny_phi3v_tokenizer(words: tuple[str, ...] = ()):
    """The scratch byte-level tokenizer plus the `<|image|>` special token."""
    tokenizer = byte_tokenizer(words)
    tokenizer.add_tokens([IMAGE_TOKEN], special_tokens=True)
    return tokenizer


def tiny_phi3v_processor(shape: TinyPhi3VShape = TinyPhi3VShape(), tokenizer=None) -> Phi3VProcessor:
    tokenizer = tokenizer if tokenizer is not None else tiny_phi3v_tokenizer(shape.words)
    tokens_per_side = shape.crop_size // shape.patch_size // 2
    image_processor = Phi3VImageProcessor(
        num_crops=shape.num_crops, num_img_tokens=tokens_per_side**2, crop_size=shape.crop_size
    )
    return Phi3VProcessor(image_processor=image_processor, tokenizer=tokenizer, image_token=IMAGE_TOKEN)


def tiny_phi3v_config(tokenizer, shape: TinyPhi3VShape = TinyPhi3VShape(), **overrides) -> Phi3VConfig:
    """A Phi3VConfig of `shape` for `tokenizer`'s vocabulary; `overrides` go to Phi3VConfig."""
    rotary_pairs = shape.text_hidden // shape.text_heads // 2
    settings = dict(
        vocab_size=len(tokenizer),
        hidden_size=shape.text_hidden,
        intermediate_size=4 * shape.text_hidden,
        num_hidden_layers=shape.text_layers,
        num_attention_heads=shape.text_heads,
        num_key_value_heads=shape.text_heads,
        max_position_embeddings=shape.max_positions,
        original_max_position_embeddings=shape.original_max_positions,
        rope_scaling={
            "type": "su",
            "short_factor": [1.0 + 0.1 * index for index in range(rotary_pairs)],
            "long_factor": [2.0 + 3.0 * index for index in range(rotary_pairs)],
        },
        sliding_window=None,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.convert_tokens_to_ids("<|end|>"),
        image_token_id=tokenizer.convert_tokens_to_ids(IMAGE_TOKEN),
        vision_config={
            "hidden_size": shape.vision_hidden,
            "intermediate_size": 4 * shape.vision_hidden,
            "num_hidden_layers": shape.vision_layers,
            "num_attention_heads": shape.vision_heads,
            "image_size": shape.crop_size,
            "patch_size": shape.patch_size,
            "hidden_act": "quick_gelu",
        },
    )
    return Phi3VConfig(**{**settings, **overrides})


def create_tiny_phi3v(folder: str | Path, shape: TinyPhi3VShape = TinyPhi3VShape(), seed: int = 0) -> Path:
    """Write a randomly initialised tiny Phi-3-vision + processor to `folder` and return it."""
    import torch  # noqa: PLC0415

    from .modeling_phi3_v import Phi3VForCausalLM  # noqa: PLC0415

    processor = tiny_phi3v_processor(shape)
    tokenizer = processor.tokenizer
    config = tiny_phi3v_config(tokenizer, shape)
    torch.manual_seed(seed)
    model = Phi3VForCausalLM(config)
    model.generation_config.eos_token_id = config.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    target = Path(folder)
    model.save_pretrained(target)
    processor.save_pretrained(target)
    return target
