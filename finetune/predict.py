"""Predict with a trained model: image files in, parsed answers out."""

from __future__ import annotations

import json
from pathlib import Path

from finetune.errors import DataError
from finetune.generation import check_generation_options, generate_answers
from finetune.models.loading import load_trained
from finetune.outputs import CONFIG_FILE
from finetune.prompts import parse_answer
from finetune.untrusted_image import open_untrusted
from schemas.finetune import DEFAULT_QUESTION


def _trained_question(folder: Path) -> str:
    config = folder / CONFIG_FILE
    if config.is_file():
        return json.loads(config.read_text(encoding="utf-8")).get("question", DEFAULT_QUESTION)
    return DEFAULT_QUESTION


def predict(
    model: str | Path,
    images: list[str],
    *,
    question: str | None = None,
    max_new_tokens: int = 64,
    batch_size: int = 8,
    dtype: str = "auto",
) -> list[dict]:
    """One record per image: the image path, the raw answer and the parsed prediction."""
    check_generation_options(batch_size=batch_size, max_new_tokens=max_new_tokens)
    if not images:
        raise DataError("no images given; pass one or more image files")
    opened = [open_untrusted(path) for path in images]
    loaded = load_trained(model, dtype=dtype)
    asked = question or _trained_question(Path(model))
    answers = generate_answers(
        loaded.model,
        loaded.processor,
        loaded.family,
        opened,
        question=asked,
        max_new_tokens=max_new_tokens,
        batch_size=batch_size,
    )
    return [
        {"image": path, "answer": answer, "prediction": parse_answer(answer).model_dump()}
        for path, answer in zip(images, answers, strict=True)
    ]
