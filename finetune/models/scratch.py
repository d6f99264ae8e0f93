"""A small, randomly initialised LLaVA-style model (CLIP vision tower + Phi-3 language model) with a
byte-level tokenizer made on the spot. For tests, CPU benchmarks and training from scratch: nothing is
downloaded. Saved as an ordinary model folder that `AutoModelForImageTextToText` loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PHI3_CHAT_TEMPLATE = (
    "{% for message in messages %}<|{{ message['role'] }}|>\n"
    "{% for part in message['content'] %}{% if part['type'] == 'image' %}<image>{% else %}{{ part['text'] }}{% endif %}"
    "{% endfor %}<|end|>\n{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)
SPECIAL_TOKENS = ["<pad>", "<s>", "</s>", "<image>", "<|user|>", "<|assistant|>", "<|end|>"]


@dataclass(frozen=True)
class ScratchShape:
    """The sizes of the scratch model; the defaults make a ~0.3M-parameter model for unit tests."""

    image_size: int = 32
    patch_size: int = 8
    vision_hidden: int = 32
    vision_layers: int = 2
    vision_heads: int = 2
    text_hidden: int = 64
    text_layers: int = 2
    text_heads: int = 4
    max_positions: int = 512
    words: tuple[str, ...] = ()  # extra whole-word tokens (e.g. category names) on top of the 256 bytes


def byte_tokenizer(words: tuple[str, ...] = ()):
    """A byte-level BPE tokenizer with no merges: 256 byte tokens, our special tokens and `words`."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers  # noqa: PLC0415
    from transformers import PreTrainedTokenizerFast  # noqa: PLC0415

    vocab = {token: index for index, token in enumerate(SPECIAL_TOKENS)}
    for char in sorted(pre_tokenizers.ByteLevel.alphabet()):
        vocab[char] = len(vocab)
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens(SPECIAL_TOKENS)
    if words:
        tokenizer.add_tokens(list(words))
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token="<s>",
        eos_token="</s>",
        pad_token="<pad>",
        extra_special_tokens={"image_token": "<image>"},
    )


def create_scratch_model(folder: str | Path, shape: ScratchShape = ScratchShape(), seed: int = 0) -> Path:
    """Write a randomly initialised model + processor to `folder` and return it."""
    import torch  # noqa: PLC0415
    from transformers import (  # noqa: PLC0415
        CLIPImageProcessor,
        CLIPVisionConfig,
        LlavaConfig,
        LlavaForConditionalGeneration,
        LlavaProcessor,
        Phi3Config,
    )

    tokenizer = byte_tokenizer(shape.words)
    image_processor = CLIPImageProcessor(
        size={"shortest_edge": shape.image_size}, crop_size={"height": shape.image_size, "width": shape.image_size}
    )
    processor = LlavaProcessor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        patch_size=shape.patch_size,
        vision_feature_select_strategy="default",
        num_additional_image_tokens=1,  # CLIP's CLS token, dropped by the "default" strategy
        chat_template=PHI3_CHAT_TEMPLATE,
        image_token="<image>",
    )
    config = LlavaConfig(
        vision_config=CLIPVisionConfig(
            hidden_size=shape.vision_hidden,
            intermediate_size=4 * shape.vision_hidden,
            num_hidden_layers=shape.vision_layers,
            num_attention_heads=shape.vision_heads,
            image_size=shape.image_size,
            patch_size=shape.patch_size,
        ),
        text_config=Phi3Config(
            vocab_size=len(tokenizer),
            hidden_size=shape.text_hidden,
            intermediate_size=4 * shape.text_hidden,
            num_hidden_layers=shape.text_layers,
            num_attention_heads=shape.text_heads,
            num_key_value_heads=shape.text_heads,
            max_position_embeddings=shape.max_positions,
            pad_token_id=tokenizer.pad_token_id,
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.convert_tokens_to_ids("<|end|>"),
        ),
        image_token_index=tokenizer.convert_tokens_to_ids("<image>"),
        vision_feature_layer=-1,
        vision_feature_select_strategy="default",
    )
    torch.manual_seed(seed)
    model = LlavaForConditionalGeneration(config)
    model.generation_config.eos_token_id = tokenizer.convert_tokens_to_ids("<|end|>")
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    target = Path(folder)
    model.save_pretrained(target)
    processor.save_pretrained(target)
    return target
