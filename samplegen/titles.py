"""Titles as the catalogue writes them, from the profile's grammar table, and the itemurl slug rule.

The slots, their order and the contradictions are data (`schemas.title.TitleGrammar` in the profile);
this module only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from annotated_types import MaxLen, MinLen

from schemas import BEAUTY_SEPARATOR, ProductRow, ProductSpec, Profile, TitleSlot

_TITLE_RULES = ProductRow.model_fields["title"].metadata  # the row schema's limits: 8 to 71 characters
TITLE_MIN = next(rule.min_length for rule in _TITLE_RULES if isinstance(rule, MinLen))
TITLE_MAX = next(rule.max_length for rule in _TITLE_RULES if isinstance(rule, MaxLen))
_AND = re.compile(r" and ")
_NOT_SLUG = re.compile(r"[^a-z0-9\s-]")
_TOKEN_BREAK = re.compile(r"[\s-]+")
_LINKING_WORDS = frozenset({"and"})

__all__ = ["BEAUTY_SEPARATOR", "TITLE_MAX", "TITLE_MIN", "TitleWriter", "slugify", "word_tokens"]


def word_tokens(phrase: str) -> frozenset[str]:
    """The words a phrase writes, for spotting a word written twice: lower case, split at spaces and
    hyphens, a plural "s" dropped ("Shorts" writes "short", as "Short-sleeve" does), "and" ignored."""
    tokens = set()
    for token in _TOKEN_BREAK.split(phrase.lower()):
        if token and token not in _LINKING_WORDS:
            tokens.add(token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token)
    return frozenset(tokens)


class TitleWriter:
    """Writes and checks titles with one profile's grammar, word tables and contradictions."""

    def __init__(self, profile: Profile) -> None:
        self.grammar = profile.title_grammar
        self.leading = frozenset(word.word for word in profile.details if word.leads)
        clashes: dict[str, set[str]] = {}
        for clash in self.grammar.clashes:
            for word in clash.words:
                clashes.setdefault(word, set()).update(clash.against)
            for word in clash.against:
                clashes.setdefault(word, set()).update(clash.words)
        self._clashes = {word: frozenset(others) for word, others in clashes.items()}
        self._tokens: dict[str, frozenset[str]] = {}  # word_tokens, once per word
        self._pairs: dict[tuple[str, str], bool] = {}  # whether two words clash, once per pair
        self._fields = tuple(slot.spec_field for slot in self.grammar.order)  # ProductSpec fields in order

    def compose(self, words: dict[TitleSlot, str | None], noun: str) -> str:
        """The title: leading words, then the slots in grammar order, then the noun."""
        present = [words[slot] for slot in self.grammar.order if words.get(slot)]
        leading = [word for word in present if word in self.leading]
        return " ".join([*leading, *(word for word in present if word not in self.leading), noun])

    @staticmethod
    def length(words: dict[TitleSlot, str | None], noun: str) -> int:
        """`len(compose(words, noun))` without writing the title: the words, the noun and a space each."""
        present = [word for word in words.values() if word]
        return sum(map(len, present)) + len(present) + len(noun)

    def fitted(self, words: dict[TitleSlot, str | None], noun: str) -> dict[TitleSlot, str | None]:
        """`words` with optional words dropped, in the grammar's drop order, until the title fits a row."""
        kept = dict(words)
        for slot in self.grammar.drop_order:
            if self.length(kept, noun) <= TITLE_MAX:
                break
            kept[slot] = None
        return kept

    def clashes(self, word: str, chosen: Iterable[str]) -> bool:
        """Whether `word` writes a word one of `chosen` already writes, or contradicts one of them."""
        pairs = self._pairs
        for other in chosen:
            clash = pairs.get((word, other))
            if clash is None:
                clash = pairs[word, other] = other in self._clashes.get(word, ()) or bool(
                    self._tokens_of(word) & self._tokens_of(other)
                )
            if clash:
                return True
        return False

    def _tokens_of(self, word: str) -> frozenset[str]:
        tokens = self._tokens.get(word)
        if tokens is None:
            tokens = self._tokens[word] = word_tokens(word)
        return tokens

    def contradiction(self, words: Iterable[str]) -> tuple[str, str] | None:
        """The first pair of `words` that must not share a title, or None."""
        seen: list[str] = []
        for word in words:
            for other in seen:
                if self.clashes(word, [other]):
                    return other, word
            seen.append(word)
        return None

    def title(self, spec: ProductSpec) -> str:
        """The row's title: the grammar for most products, "<line> – <shade>" for beauty."""
        if spec.beauty_line is not None:
            return f"{spec.beauty_line}{BEAUTY_SEPARATOR}{spec.shade}"
        present = [word for field in self._fields if (word := getattr(spec, field))]
        if self.leading.isdisjoint(present):
            return " ".join([*present, spec.noun])
        leading = [word for word in present if word in self.leading]
        return " ".join([*leading, *(word for word in present if word not in self.leading), spec.noun])


def slugify(title: str) -> str:
    """The DBQ English-store slug: lower case, accents and punctuation dropped, ' and ' fused away."""
    text = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode("ascii")
    text = _AND.sub("", text)
    text = _NOT_SLUG.sub("", text)
    return "-".join(text.split())
