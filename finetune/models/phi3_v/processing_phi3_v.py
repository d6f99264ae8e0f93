"""Phi3VProcessor: the chat template, the HD image processor and the prompt expansion.

A prompt names its images with tags `<|image_1|>`, `<|image_2|>`, ... (numbered from 1 in each prompt, in
order). As in the original processor, the text between tags is tokenised chunk by chunk (the Phi-3
tokenizer adds `<s>` to each chunk, so a `<s>` follows every image) and each tag becomes exactly as many
image positions as the image takes (`Phi3VImageProcessor.num_image_tokens`). An image position holds the
id of `<|image|>` (32044 in the real vocabulary) instead of the original's negative ids; the count and
order of positions are the same, and the model checks the count.
"""

from __future__ import annotations

import re
from typing import Any

from PIL import Image
from transformers.feature_extraction_utils import BatchFeature
from transformers.processing_utils import ProcessorMixin

IMAGE_TAG = re.compile(r"<\|image_(\d+)\|>")

# Phi-3's chat format, `<|role|>\n{content}<|end|>\n` and `<|assistant|>\n` as the generation prompt. Content
# may be a string (the official template's form, with `<|image_1|>` written in it) or a list of parts; an
# {"type": "image"} part becomes `<|image_N|>\n`, numbered in order through the conversation.
PHI3V_CHAT_TEMPLATE = (
    "{% set image = namespace(count=0) %}"
    "{% for message in messages %}"
    "{{ '<|' + message['role'] + '|>\n' }}"
    "{% if message['content'] is string %}{{ message['content'] }}"
    "{% else %}{% for part in message['content'] %}"
    "{% if part['type'] == 'image' %}{% set image.count = image.count + 1 %}{{ '<|image_' ~ image.count ~ '|>\n' }}"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}"
    "{% endfor %}{% endif %}"
    "{{ '<|end|>\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt and messages[-1]['role'] != 'assistant' %}{{ '<|assistant|>\n' }}{% endif %}"
)


def _image_numbers(prompt: str) -> list[int]:
    numbers = [int(number) for number in IMAGE_TAG.findall(prompt)]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(
            f"image tags must be <|image_1|>, <|image_2|>, ... in order, each once; got {numbers} in {prompt[:80]!r}"
        )
    return numbers


class Phi3VProcessor(ProcessorMixin):
    r"""Tokenizer + [`Phi3VImageProcessor`] + Phi-3 chat template, for [`Phi3VForCausalLM`].

    image_token (`str`, defaults to `"<|image|>"`): the token written at every image position.
    chat_template (`str`, *optional*): defaults to `PHI3V_CHAT_TEMPLATE` (the official checkpoints keep theirs
    in tokenizer_config.json, and it only takes string content).
    """

    def __init__(self, image_processor=None, tokenizer=None, chat_template=None, image_token="<|image|>"):
        self.image_token = image_token
        self.image_token_id = tokenizer.convert_tokens_to_ids(image_token)
        if self.image_token_id is None or self.image_token_id == tokenizer.unk_token_id:
            raise ValueError(f"the tokenizer has no {image_token} token; add it as a special token first")
        super().__init__(image_processor, tokenizer, chat_template=chat_template or PHI3V_CHAT_TEMPLATE)

    @property
    def model_input_names(self) -> list[str]:
        return ["input_ids", "attention_mask", "pixel_values", "image_sizes"]

    def __call__(
        self,
        text: str | list[str] | None = None,
        images: Any = None,
        padding: bool | str = False,
        return_tensors: str | None = None,
        num_crops: int | None = None,
        **kwargs,
    ) -> BatchFeature:
        """input_ids / attention_mask for the prompts with every `<|image_N|>` expanded, plus pixel_values and
        image_sizes. `images` is one flat list for the whole batch (the prompts' images in order) or one list
        per prompt. Truncation is not offered: it would cut image positions."""
        unsupported = sorted(key for key, value in kwargs.items() if value not in (None, False))
        if unsupported:
            raise TypeError(
                f"Phi3VProcessor does not take {unsupported}; it takes text, images, padding, return_tensors, num_crops"
            )
        if text is None:
            raise ValueError("Phi3VProcessor needs text: a prompt with <|image_1|> ... tags (see apply_chat_template)")
        prompts = [text] if isinstance(text, str) else list(text)
        numbers = [_image_numbers(prompt) for prompt in prompts]
        flat_images = self._flat_images(images, [len(n) for n in numbers])

        image_inputs: dict[str, Any] = {}
        token_counts: list[int] = []
        if flat_images:
            image_inputs = dict(self.image_processor(flat_images, num_crops=num_crops))
            token_counts = image_inputs.pop("num_img_tokens")

        input_ids, next_image = [], 0
        for prompt in prompts:
            chunks = IMAGE_TAG.split(prompt)[::2]  # split() also returns the captured numbers, at odd places
            ids: list[int] = []
            for index, chunk in enumerate(chunks):
                ids += self.tokenizer(chunk)["input_ids"]
                if index < len(chunks) - 1:
                    ids += [self.image_token_id] * token_counts[next_image]
                    next_image += 1
            input_ids.append(ids)
        encoded = self.tokenizer.pad({"input_ids": input_ids}, padding=padding, return_tensors=return_tensors)
        return BatchFeature(data={**encoded, **image_inputs})

    @staticmethod
    def _flat_images(images: Any, tags_per_prompt: list[int]) -> list[Image.Image]:
        if images is None:
            images = []
        elif not isinstance(images, (list, tuple)):
            images = [images]
        nested = any(isinstance(item, (list, tuple)) for item in images)
        if nested:
            per_prompt = [len(item) for item in images]
            if per_prompt != tags_per_prompt:
                raise ValueError(
                    f"the prompts have {tags_per_prompt} image tags but {per_prompt} images were given per prompt"
                )
            images = [image for item in images for image in item]
        if len(images) != sum(tags_per_prompt):
            raise ValueError(
                f"the prompts have {sum(tags_per_prompt)} image tags (<|image_N|>) but {len(images)} images were given"
            )
        return list(images)


__all__ = ["PHI3V_CHAT_TEMPLATE", "Phi3VProcessor"]
