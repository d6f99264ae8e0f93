"""Batched greedy generation of answers for product images, and evaluation by generation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import torch
from PIL import Image

from finetune.collate import GenerationCollator, open_image
from finetune.errors import SettingsError
from finetune.metrics import score
from finetune.models.families import ModelFamily
from finetune.prompts import parse_answer
from schemas.finetune import ProductPrediction


def check_generation_options(*, batch_size: int, max_new_tokens: int | None) -> None:
    """Refuse a batch size or a token budget below 1 (None: the caller's default) before any model loads."""
    if batch_size < 1:
        raise SettingsError(f"batch size must be at least 1 (got {batch_size})")
    if max_new_tokens is not None and max_new_tokens < 1:
        raise SettingsError(f"max new tokens must be at least 1 (got {max_new_tokens})")


def _batches(items: Sequence, size: int) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _device(model: Any) -> torch.device:
    return next(model.parameters()).device


@torch.no_grad()
def generate_answers(
    model: Any,
    processor: Any,
    family: ModelFamily,
    images: Sequence[Image.Image],
    *,
    question: str,
    max_new_tokens: int = 64,
    batch_size: int = 8,
) -> list[str]:
    """The model's text answer for each image (greedy, cached decoding)."""
    check_generation_options(batch_size=batch_size, max_new_tokens=max_new_tokens)
    collate = GenerationCollator(processor, family, question)
    was_training = model.training
    model.eval()
    answers: list[str] = []
    try:
        # layers compiled for training (`--compile`) run eagerly here: they would recompile for every cache length
        with torch.compiler.set_stance("force_eager"):
            for batch_images in _batches(list(images), batch_size):
                inputs = {k: v.to(_device(model)) for k, v in collate(list(batch_images)).items()}
                output = model.generate(**inputs, max_new_tokens=max_new_tokens, do_sample=False, use_cache=True)
                new_tokens = output[:, inputs["input_ids"].shape[1] :]
                answers.extend(processor.batch_decode(new_tokens, skip_special_tokens=True))
    finally:
        model.train(was_training)
    return [answer.strip() for answer in answers]


def evaluate_rows(
    model: Any,
    processor: Any,
    family: ModelFamily,
    rows: Sequence[dict],
    *,
    question: str,
    max_new_tokens: int = 64,
    batch_size: int = 8,
) -> tuple[dict, list[dict]]:
    """Metrics over `rows` (image + truth), and one sample record per row (truth, answer, prediction)."""
    images = [open_image(row["image"]) for row in rows]
    answers = generate_answers(
        model, processor, family, images, question=question, max_new_tokens=max_new_tokens, batch_size=batch_size
    )
    predictions: list[ProductPrediction] = [parse_answer(answer) for answer in answers]
    truths = [
        {"title": r["title"], "category3_code": r["category3_code"], "full_price": float(r["full_price"])} for r in rows
    ]
    samples = [
        {"truth": truth, "answer": answer, "prediction": prediction.model_dump()}
        for truth, answer, prediction in zip(truths, answers, predictions, strict=True)
    ]
    return score(predictions, truths), samples
