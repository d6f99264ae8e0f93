"""Batches for training and generation: images through the processor, labels only on the answer.

The prompt (chat template up to the assistant's turn) goes through the processor with its image, which
expands the image placeholder; the answer and its end-of-turn token are tokenised on their own and
appended. Labels are -100 everywhere except on the answer tokens, so prompt, image positions and padding
are never trained.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import torch
from PIL import Image

from finetune.errors import ModelError
from finetune.models.families import ModelFamily
from finetune.prompts import answer_for, user_message

IGNORE_INDEX = -100


def open_image(value: Any) -> Image.Image:
    """An RGB image from a PIL image or a datasets Image cell, decoded with Pillow's guards on."""
    if isinstance(value, Image.Image):
        return value.convert("RGB")
    if isinstance(value, dict) and value.get("bytes"):
        with Image.open(io.BytesIO(value["bytes"])) as image:
            image.load()
            return image.convert("RGB")
    if isinstance(value, dict) and value.get("path"):
        with Image.open(value["path"]) as image:
            image.load()
            return image.convert("RGB")
    raise ModelError(f"cannot read an image from {type(value).__name__}")


@dataclass(frozen=True)
class ChatFormat:
    """The family's chat template around our question and answer."""

    prompt: str  # everything before the answer, generation prompt included
    end_of_turn: str  # what the template puts right after the assistant's text ("<|end|>", "<|im_end|>")

    @classmethod
    def of(cls, processor: Any, question: str) -> ChatFormat:
        if not getattr(processor, "chat_template", None):
            raise ModelError("the processor has no chat template; save one with the processor (chat_template.jinja)")
        messages = user_message(question)
        prompt = processor.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        marker = "Product: MARKER"
        full = processor.apply_chat_template(
            [*messages, {"role": "assistant", "content": [{"type": "text", "text": marker}]}], tokenize=False
        )
        if not full.startswith(prompt) or marker not in full:
            raise ModelError("the chat template renders the assistant turn in a way the prompt does not prefix")
        tail = full[full.index(marker) + len(marker) :]
        return cls(prompt=prompt, end_of_turn=tail.strip())


class TrainingCollator:
    """Turns rows (image + DBQ fields) into a padded training batch with exact label masking."""

    def __init__(self, processor: Any, family: ModelFamily, question: str) -> None:
        self.processor = processor
        self.family = family
        self.chat = ChatFormat.of(processor, question)
        self.tokenizer = processor.tokenizer
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id

    def answer_ids(self, row: dict) -> list[int]:
        return self.tokenizer(answer_for(row) + self.chat.end_of_turn, add_special_tokens=False)["input_ids"]

    def _images(self, images: list[Image.Image]) -> list:
        return [[image] for image in images] if self.family.nested_images else images

    def __call__(self, rows: list[dict]) -> dict[str, torch.Tensor]:
        images = [open_image(row["image"]) for row in rows]
        encoded = self.processor(
            text=[self.chat.prompt] * len(rows), images=self._images(images), padding=True, return_tensors="pt"
        )
        prompts = [ids[mask.bool()].tolist() for ids, mask in zip(encoded["input_ids"], encoded["attention_mask"], strict=True)]
        answers = [self.answer_ids(row) for row in rows]
        length = max(len(p) + len(a) for p, a in zip(prompts, answers, strict=True))
        input_ids = torch.full((len(rows), length), self.pad_id, dtype=torch.long)
        labels = torch.full((len(rows), length), IGNORE_INDEX, dtype=torch.long)
        attention = torch.zeros((len(rows), length), dtype=torch.long)
        for index, (prompt, answer) in enumerate(zip(prompts, answers, strict=True)):
            sequence = prompt + answer
            input_ids[index, : len(sequence)] = torch.tensor(sequence)
            labels[index, len(prompt) : len(sequence)] = torch.tensor(answer)
            attention[index, : len(sequence)] = 1
        batch = {key: value for key, value in encoded.items() if key not in ("input_ids", "attention_mask")}
        batch.update(input_ids=input_ids, attention_mask=attention, labels=labels)
        return batch


class GenerationCollator:
    """Left-padded prompts with their images, for batched generation."""

    def __init__(self, processor: Any, family: ModelFamily, question: str) -> None:
        self.processor = processor
        self.family = family
        self.chat = ChatFormat.of(processor, question)

    def __call__(self, images: list[Image.Image]) -> dict[str, torch.Tensor]:
        tokenizer = self.processor.tokenizer
        side = tokenizer.padding_side
        tokenizer.padding_side = "left"
        try:
            nested = [[image] for image in images] if self.family.nested_images else images
            return dict(self.processor(text=[self.chat.prompt] * len(images), images=nested, padding=True, return_tensors="pt"))
        finally:
            tokenizer.padding_side = side
