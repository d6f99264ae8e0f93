"""Read a real title back into the grammar's slots (in any order the catalogue writes them) and its noun."""

from __future__ import annotations

from dataclasses import dataclass, field

from samplegen.fit_tables import BEAUTY_DEFAULT, BEAUTY_KEYWORDS, EXTRA_NOUNS, MATERIAL_MODIFIERS, PATTERN_KEYWORDS
from schemas import BEAUTY_SEPARATOR, ItemKind, PatternLook, Profile, TitleSlot


@dataclass
class ParsedTitle:
    kind: ItemKind | None
    noun: str | None
    words: dict[TitleSlot, str] = field(default_factory=dict)  # slot -> phrase
    beauty_line: str | None = None
    shade: str | None = None


def pattern_look_for(phrase: str) -> PatternLook:
    """The look an unfamiliar pattern/motif phrase draws as (plain when no keyword matches)."""
    text = f"{phrase.lower()} "
    return next((look for keyword, look in PATTERN_KEYWORDS if keyword in text), PatternLook.PLAIN)


class TitleParser:
    """Parses titles with the vocabulary of a base profile plus the extra noun table."""

    def __init__(self, base: Profile) -> None:
        self.nouns: dict[str, ItemKind] = dict(EXTRA_NOUNS)
        for spec in base.kinds:
            for noun in spec.nouns:
                self.nouns.setdefault(noun.word, spec.kind)
        self.phrases: dict[str, TitleSlot] = {}  # phrase -> slot
        for slot in base.title_grammar.reading_order():  # "Rose" on a dress is a motif, not a bag family
            for word in base.vocabulary(slot):
                self.phrases.setdefault(word.word, slot)
        self.longest_phrase = max(len(p.split()) for p in self.phrases)
        self.longest_noun = max(len(n.split()) for n in self.nouns)

    def parse(self, title: str) -> ParsedTitle:
        if BEAUTY_SEPARATOR.strip() in title and BEAUTY_SEPARATOR in title:
            line, shade = title.split(BEAUTY_SEPARATOR, 1)
            lowered = line.lower()
            beauty = next((k for keyword, k in BEAUTY_KEYWORDS if keyword in lowered), BEAUTY_DEFAULT)
            return ParsedTitle(kind=beauty, noun=None, beauty_line=line.strip(), shade=shade.strip())
        tokens = title.split()
        kind, noun, rest = self._noun(tokens)
        return ParsedTitle(kind=kind, noun=noun, words=self._modifiers(rest))

    def _noun(self, tokens: list[str]) -> tuple[ItemKind | None, str | None, list[str]]:
        """The longest known noun phrase ending the title; else the last word with no kind."""
        for length in range(min(self.longest_noun, len(tokens)), 0, -1):
            phrase = " ".join(tokens[-length:])
            if phrase in self.nouns:
                return self.nouns[phrase], phrase, tokens[:-length]
        return None, tokens[-1] if tokens else None, tokens[:-1]

    def _modifiers(self, tokens: list[str]) -> dict[TitleSlot, str]:
        """Greedy longest match of known phrases; unknown words join the pattern slot as a motif."""
        segments: list[tuple[TitleSlot | None, str]] = []
        position = 0
        while position < len(tokens):
            for length in range(min(self.longest_phrase, len(tokens) - position), 0, -1):
                phrase = " ".join(tokens[position : position + length])
                if phrase in self.phrases:
                    segments.append((self.phrases[phrase], phrase))
                    position += length
                    break
            else:
                segments.append((None, tokens[position]))
                position += 1
        segments = _attach_material_modifiers(segments)
        words: dict[TitleSlot, str] = {}
        motif: list[str] = []
        for slot, phrase in segments:
            if slot is None or slot is TitleSlot.PATTERN:
                motif.append(phrase)
            else:
                words.setdefault(slot, phrase)
        if motif:
            words[TitleSlot.PATTERN] = " ".join(motif)
        return words


def _attach_material_modifiers(
    segments: list[tuple[TitleSlot | None, str]],
) -> list[tuple[TitleSlot | None, str]]:
    """Fuse unknown material modifiers into the material next to them: Stretch + Cotton, Cotton + Blend."""
    material = TitleSlot.MATERIAL
    fused: list[tuple[TitleSlot | None, str]] = []
    for slot, phrase in segments:
        previous = fused[-1] if fused else None
        modifier_first = previous and slot is material and previous[0] is None and previous[1] in MATERIAL_MODIFIERS
        material_first = previous and slot is None and phrase in MATERIAL_MODIFIERS and previous[0] is material
        if previous and (modifier_first or material_first):
            fused[-1] = (material, f"{previous[1]} {phrase}")
        else:
            fused.append((slot, phrase))
    return fused
