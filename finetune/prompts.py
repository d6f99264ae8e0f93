"""The task's text: the question, the answer built from a row, and the parser back from generated text."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from schemas.finetune import PriceFormat, ProductPrediction

ANSWER_TEMPLATE = "Product: {title}, Category: {category3}, Full Price: {price}"

_TITLE = re.compile(r"Product:\s*(?P<value>.*?)\s*(?:,\s*Category:|$)", re.DOTALL)
_CATEGORY = re.compile(r"Category:\s*(?P<value>.*?)\s*(?:,\s*Full Price:|$)", re.DOTALL)
_PRICE = re.compile(r"Full Price:\s*(?P<value>[-+]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?)")


def float_price(price: float) -> str:
    """The seed script's text: Python's str of the float column (1350.0, 46.5, 1234.56)."""
    return str(float(price))


def compact_price(price: float) -> str:
    """Whole prices without decimals (2490), others with two (46.50)."""
    return f"{price:.0f}" if float(price).is_integer() else f"{price:.2f}"


PRICE_FORMATS: dict[str, Callable[[float], str]] = {"float": float_price, "compact": compact_price}


def format_price(price: float, price_format: PriceFormat = "float") -> str:
    """The price as the answer writes it in `price_format` (see PRICE_FORMATS)."""
    return PRICE_FORMATS[price_format](price)


def answer_for(row: dict, price_format: PriceFormat = "float") -> str:
    """The answer the model must give for a DBQ row; by default exactly the seed script's text."""
    price = format_price(row["full_price"], price_format)
    return ANSWER_TEMPLATE.format(title=row["title"], category3=row["category3_code"], price=price)


def user_message(question: str) -> list[dict]:
    """One user turn: the image, then the question (the chat template places the image token)."""
    return [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]


def _field(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    if match is None:
        return None
    value = match["value"].strip().splitlines()[0].strip() if match["value"].strip() else ""
    return value or None


def parse_answer(text: object) -> ProductPrediction:
    """Read "Product: ..., Category: ..., Full Price: ..." back; never raises, unreadable fields are None."""
    if not isinstance(text, str):
        return ProductPrediction()
    price_text = _field(_PRICE, text)
    try:
        price = float(price_text.replace(",", "")) if price_text else None
    except ValueError:
        price = None
    if price is not None and not math.isfinite(price):
        price = None
    return ProductPrediction(title=_field(_TITLE, text), category3=_field(_CATEGORY, text), price=price)
