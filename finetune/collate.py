"""Batches for training and generation: images through the processor, labels only on the answer.

The prompt (chat template up to the assistant's turn) goes through the processor with its image, which
expands the image placeholder; the assistant's turn, exactly as the chat template renders it for the answer
(its lead-in such as the space after SmolVLM's "Assistant:", the answer, the end-of-turn token), is tokenised
on its own and appended. Labels are -100 everywhere except on that turn, so prompt, image positions and
padding are never trained.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from PIL import Image

from finetune.errors import ModelError
from finetune.models.families import ModelFamily
from finetune.prompts import answer_for, user_message
from finetune.untrusted_image import decoded_rgb, open_untrusted
from schemas.finetune import PriceFormat

IGNORE_INDEX = -100


def open_image(value: Any) -> Image.Image:
    """An RGB image (transparency on white) from a PIL image or a datasets Image cell, behind the untrusted-image
    guards."""
    if isinstance(value, Image.Image):
        return decoded_rgb(value)
    if isinstance(value, dict) and value.get("bytes"):
        return open_untrusted(value["bytes"], name=value.get("path") or None)
    if isinstance(value, dict) and value.get("path"):
        return open_untrusted(value["path"])
    raise ModelError(f"cannot read an image from {type(value).__name__}")


def _assistant(text: str) -> dict:
    return {"role": "assistant", "content": [{"type": "text", "text": text}]}


@dataclass(frozen=True)
class ChatFormat:
    """The family's chat template around our question and answer."""

    processor: Any
    question: str
    prompt: str  # everything before the answer, generation prompt included

    @classmethod
    def of(cls, processor: Any, question: str) -> ChatFormat:
        if not getattr(processor, "chat_template", None):
            raise ModelError("the processor has no chat template; save one with the processor (chat_template.jinja)")
        prompt = processor.apply_chat_template(user_message(question), add_generation_prompt=True, tokenize=False)
        chat = cls(processor=processor, question=question, prompt=prompt)
        chat.assistant_text("Product: MARKER")  # a template that cannot be split fails now, not mid-training
        return chat

    def assistant_text(self, answer: str) -> str:
        """What the template writes after the prompt for `answer`: lead-in, answer and end-of-turn, without
        the whitespace the template puts after the end-of-turn (never generated: generation stops at it)."""
        messages = [*user_message(self.question), _assistant(answer)]
        full = self.processor.apply_chat_template(messages, tokenize=False)
        turn = full[len(self.prompt) :]
        if not full.startswith(self.prompt) or answer not in turn:
            raise ModelError("the chat template renders the assistant turn in a way the prompt does not prefix")
        answer_end = turn.rindex(answer) + len(answer)
        after = turn[answer_end:]
        return turn[:answer_end] + (after.rstrip() or after)

    @property
    def end_of_turn(self) -> str:
        """What the template puts right after the assistant's text ("<|end|>", "<|im_end|>", "<end_of_utterance>")."""
        text = self.assistant_text("Product: MARKER")
        return text[text.rindex("Product: MARKER") + len("Product: MARKER") :]


class TrainingCollator:
    """Turns rows (image + DBQ fields) into a padded training batch with exact label masking."""

    def __init__(self, processor: Any, family: ModelFamily, question: str, price_format: PriceFormat = "float") -> None:
        self.processor = processor
        self.family = family
        self.price_format = price_format
        self.chat = ChatFormat.of(processor, question)
        self.tokenizer = processor.tokenizer
        self.pad_id = (
            self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id
        )

    def answer_ids(self, row: dict) -> list[int]:
        """The tokens trained for `row`: the assistant's turn as the chat template renders it."""
        text = self.chat.assistant_text(answer_for(row, self.price_format))
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def _images(self, images: list[Image.Image]) -> list:
        return [[image] for image in images] if self.family.nested_images else images

    def __call__(self, rows: list[dict]) -> dict[str, torch.Tensor]:
        images = [open_image(row["image"]) for row in rows]
        encoded = self.processor(
            text=[self.chat.prompt] * len(rows), images=self._images(images), padding=True, return_tensors="pt"
        )
        kept = encoded["attention_mask"].bool()
        prompts = [ids[mask].tolist() for ids, mask in zip(encoded["input_ids"], kept, strict=True)]
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
        for key, value in batch.items():  # per-token extras (Qwen2-VL's mm_token_type_ids): prompt part, then 0
            if isinstance(value, torch.Tensor) and value.shape == kept.shape:
                batch[key] = torch.zeros((len(rows), length), dtype=value.dtype)
                for index, mask in enumerate(kept):
                    batch[key][index, : int(mask.sum())] = value[index][mask]
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
            return dict(
                self.processor(text=[self.chat.prompt] * len(images), images=nested, padding=True, return_tensors="pt")
            )
        finally:
            tokenizer.padding_side = side
