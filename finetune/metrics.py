"""Scores of predictions against the truth: price error, category accuracy, title match, parse rate.

Conventions: category accuracy, title exact match, title token F1 and "within 10%" count an unreadable
field as wrong (their denominator is every sample); MAE and MAPE average over samples whose price parsed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from schemas.finetune import ProductPrediction

WITHIN = 0.10


def title_tokens(title: str) -> list[str]:
    return title.lower().split()


def token_f1(predicted: str | None, truth: str) -> float:
    """SQuAD-style F1 over lower-cased whitespace tokens."""
    if not predicted:
        return 0.0
    predicted_tokens, truth_tokens = title_tokens(predicted), title_tokens(truth)
    common = sum((Counter(predicted_tokens) & Counter(truth_tokens)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted_tokens), common / len(truth_tokens)
    return 2 * precision * recall / (precision + recall)


def score(predictions: Sequence[ProductPrediction], truths: Sequence[dict]) -> dict[str, float | int | None]:
    """Metrics over paired predictions and truth rows (`title`, `category3_code`, `full_price`)."""
    if len(predictions) != len(truths):
        raise ValueError(f"{len(predictions)} predictions for {len(truths)} truths")
    n = len(truths)
    if n == 0:
        return {"samples": 0}
    errors = [
        (abs(p.price - t["full_price"]), abs(p.price - t["full_price"]) / t["full_price"])
        for p, t in zip(predictions, truths, strict=True)
        if p.price is not None
    ]
    return {
        "samples": n,
        "parse_rate": sum(p.complete for p in predictions) / n,
        "category3_accuracy": sum(p.category3 == t["category3_code"] for p, t in zip(predictions, truths, strict=True))
        / n,
        "title_exact_match": sum(p.title == t["title"] for p, t in zip(predictions, truths, strict=True)) / n,
        "title_token_f1": sum(token_f1(p.title, t["title"]) for p, t in zip(predictions, truths, strict=True)) / n,
        "price_mae": sum(e for e, _ in errors) / len(errors) if errors else None,
        "price_mape": sum(r for _, r in errors) / len(errors) if errors else None,
        "price_within_10pct": sum(r <= WITHIN for _, r in errors) / n,
        "price_parsed": len(errors),
    }


def baseline_predictions(train_rows: Sequence[dict], count: int) -> list[ProductPrediction]:
    """The majority category and the mean price of the training rows, for every sample."""
    majority = Counter(row["category3_code"] for row in train_rows).most_common(1)[0][0]
    mean_price = sum(row["full_price"] for row in train_rows) / len(train_rows)
    common_title = Counter(row["title"] for row in train_rows).most_common(1)[0][0]
    return [ProductPrediction(title=common_title, category3=majority, price=mean_price)] * count
