"""Titles as the catalogue writes them: no doubled or contradictory words, the real word orders."""

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from samplegen.spec import plan_specs
from samplegen.titles import TitleWriter
from schemas import BuildConfig, Profile, TitleGrammar, TitleSlot

seeds = st.integers(min_value=0, max_value=2**63 - 1)


def _written_twice(title: str) -> set[str]:
    """Words a title writes more than once, ignoring case, hyphens, a plural s and "and"."""
    words = [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in re.split(r"[\s-]+", title.lower())
        if w != "and"
    ]
    return {w for w in words if words.count(w) > 1}


@settings(max_examples=25, deadline=None)
@given(seed=seeds)
def test_no_title_writes_a_word_twice_or_contradicts_itself(us_profile, seed):
    writer = TitleWriter(us_profile)
    clashes = [(set(c.words), set(c.against)) for c in us_profile.title_grammar.clashes]
    for spec in plan_specs(BuildConfig(n=300, seed=seed, with_images=False), us_profile):
        if spec.beauty_line is not None:
            continue
        title = writer.title(spec)
        assert not _written_twice(title), title
        words = {word for word in spec.title_words().values() if word} | {spec.noun}
        for these, those in clashes:
            assert not (words & these and words & those), title


def test_the_contradiction_table_catches_the_known_bad_titles(us_profile):
    writer = TitleWriter(us_profile)
    assert writer.contradiction(["Check", "Check and Leather", "Belt"]) == ("Check", "Check and Leather")
    assert writer.contradiction(["Vintage Check", "Check and Leather"]) is not None
    assert writer.contradiction(["Short", "Short-sleeve", "Sweater Dress"]) == ("Short", "Short-sleeve")
    assert writer.contradiction(["Slim", "Wide-leg Trousers"]) == ("Slim", "Wide-leg Trousers")
    assert writer.contradiction(["Short-sleeve", "Sweater Vest"]) is not None
    assert writer.contradiction(["Quilted", "Quilted Jacket"]) is not None
    assert writer.contradiction(["Short", "Shorts"]) is not None
    assert writer.contradiction(["Vintage Check", "Stretch Cotton Twill", "Side Stripe", "Shorts"]) is None


@pytest.mark.parametrize(
    ("words", "noun", "title"),
    [  # real titles from the reference rows
        (
            {"detail": "Side Stripe", "pattern": "Vintage Check", "material": "Stretch Cotton Twill"},
            "Shorts",
            "Side Stripe Vintage Check Stretch Cotton Twill Shorts",
        ),
        (
            {"detail": "Short-sleeve", "pattern": "Check", "material": "Cotton"},
            "Shirt",
            "Short-sleeve Check Cotton Shirt",
        ),
        (
            {"pattern": "Check", "material": "Cashmere", "detail": "Reversible"},
            "Scarf",
            "Check Cashmere Reversible Scarf",
        ),
        ({"size": "Cropped", "material": "Nylon", "detail": "Quilted"}, "Jacket", "Cropped Nylon Quilted Jacket"),
        ({"pattern": "EKD Print", "detail": "Belted"}, "Parka", "EKD Print Belted Parka"),
        ({"size": "Micro", "family": "Shield"}, "Sling Bag", "Micro Shield Sling Bag"),
    ],
)
def test_words_go_where_the_catalogue_writes_them(us_profile, words, noun, title):
    slots = {TitleSlot(slot): word for slot, word in words.items()}
    assert TitleWriter(us_profile).compose(slots, noun) == title


def test_leading_details_come_first_in_built_titles(us_profile):
    leading = {w.word for w in us_profile.details if w.leads}
    writer = TitleWriter(us_profile)
    seen = 0
    for spec in plan_specs(BuildConfig(n=3040, seed=0, with_images=False), us_profile):
        if spec.detail in leading:
            assert writer.title(spec).startswith(spec.detail)
            seen += 1
        elif spec.detail and spec.pattern:  # other details stand next to the noun, after the pattern
            title = writer.title(spec)
            assert title.index(spec.pattern) < title.index(spec.detail), title
    assert seen > 10


def test_the_grammar_needs_every_slot_once():
    with pytest.raises(ValidationError, match="order must list each of size, family, pattern, material, detail once"):
        TitleGrammar(order=["size", "pattern", "material", "detail"])


def test_a_contradiction_naming_an_unknown_word_is_refused(us_profile):
    data = json.loads(json.dumps(us_profile.model_dump(mode="json")))
    data["title_grammar"]["clashes"].append({"words": ["Slim"], "against": ["Wide-leg Trousrs"]})
    message = r"title_grammar.clashes.\d+ names words no kind or vocabulary has: \['Wide-leg Trousrs'\]"
    with pytest.raises(ValidationError, match=message):
        Profile.model_validate(data)


def test_a_titles_length_and_the_title_of_a_spec_are_what_compose_writes(us_profile):
    writer = TitleWriter(us_profile)
    seen_leading = False
    for spec in plan_specs(BuildConfig(n=1500, seed=4, with_images=False), us_profile):
        if spec.beauty_line is None:
            composed = writer.compose(spec.title_words(), spec.noun)
            assert writer.title(spec) == composed
            assert writer.length(spec.title_words(), spec.noun) == len(composed)
            seen_leading |= any(composed.startswith(f"{word} ") for word in writer.leading)
    assert seen_leading  # titles led by a detail word were among them
