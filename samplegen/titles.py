"""Titles from the real grammar, and the itemurl slug rule.

Grammar: `[size] [family | pattern material] [detail] <noun>`; beauty: `<line> – <shade>`.
"""

from __future__ import annotations

import re
import unicodedata

from schemas import ProductSpec

TITLE_MIN, TITLE_MAX = 8, 71
BEAUTY_SEPARATOR = " – "  # an en dash, as in the real beauty titles
# Words dropped, in this order, when a title is too long for the 71-character limit.
DROP_ORDER = ("detail", "size", "material", "pattern")

_AND = re.compile(r" and ")
_NOT_SLUG = re.compile(r"[^a-z0-9\s-]")


def compose_title(words: dict[str, str | None]) -> str:
    """Join the present words of a non-beauty title in grammar order."""
    order = ("size", "family", "pattern", "material", "detail", "noun")
    return " ".join(words[slot] for slot in order if words.get(slot))


def fit_title(words: dict[str, str | None]) -> dict[str, str | None]:
    """Drop optional words until the title fits the real maximum length."""
    fitted = dict(words)
    for slot in DROP_ORDER:
        if len(compose_title(fitted)) <= TITLE_MAX:
            break
        fitted[slot] = None
    return fitted


def title_of(spec: ProductSpec) -> str:
    if spec.beauty_line is not None:
        return f"{spec.beauty_line}{BEAUTY_SEPARATOR}{spec.shade}"
    return compose_title(
        {
            "size": spec.size,
            "family": spec.bag_family,
            "pattern": spec.pattern,
            "material": spec.material,
            "detail": spec.detail,
            "noun": spec.noun,
        }
    )


def slugify(title: str) -> str:
    """The DBQ English-store slug: lower case, accents and punctuation dropped, ' and ' fused away."""
    text = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode("ascii")
    text = _AND.sub("", text)
    text = _NOT_SLUG.sub("", text)
    return "-".join(text.split())
