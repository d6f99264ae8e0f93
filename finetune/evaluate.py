"""Evaluate a trained model by generation on the validation rows of a data source."""

from __future__ import annotations

from pathlib import Path

from finetune.generation import evaluate_rows
from finetune.models.loading import load_trained
from finetune.predict import _trained_question


def evaluate(
    model: str | Path,
    data: str,
    *,
    samples: int = 256,
    validation_fraction: float = 0.1,
    seed: int = 0,
    country: str | None = None,
    max_new_tokens: int = 64,
    batch_size: int = 8,
    dtype: str = "auto",
) -> tuple[dict, list[dict]]:
    """Metrics and per-sample answers on up to `samples` validation rows (the split `train` used)."""
    from finetune.data import load_training_data  # noqa: PLC0415

    loaded = load_trained(model, dtype=dtype)
    split = load_training_data(data, validation_fraction=validation_fraction, seed=seed, country=country)
    rows = [split.validation[i] for i in range(min(samples, split.validation.num_rows))]
    return evaluate_rows(
        loaded.model,
        loaded.processor,
        loaded.family,
        rows,
        question=_trained_question(Path(model)),
        max_new_tokens=max_new_tokens,
        batch_size=batch_size,
    )
