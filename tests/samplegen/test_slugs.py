"""The itemurl slug rule, as properties: lower-case ASCII words joined by hyphens, ' and ' fused away."""

import re

from hypothesis import given
from hypothesis import strategies as st

from samplegen.titles import slugify

SLUG = re.compile(r"[a-z0-9-]*")  # hyphens of the title stay (T-Shirt -> t-shirt)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=12)
TITLE = st.text(max_size=80)


@given(title=TITLE)
def test_a_slug_is_lower_case_ascii_letters_digits_and_hyphens(title):
    assert SLUG.fullmatch(slugify(title))


@given(title=TITLE)
def test_slugging_a_slug_changes_nothing(title):
    assert slugify(slugify(title)) == slugify(title)


@given(words=st.lists(WORD.filter(lambda word: word.lower() != "and"), min_size=1, max_size=8))
def test_plain_words_keep_their_order_in_lower_case(words):
    assert slugify(" ".join(words)) == "-".join(word.lower() for word in words)


@given(first=WORD, second=WORD)
def test_and_between_two_words_fuses_them(first, second):
    assert slugify(f"{first} and {second}") == slugify(first + second)


ACCENTED = {"é": "e", "è": "e", "à": "a", "ü": "u", "ñ": "n", "ç": "c", "Å": "a"}


@given(words=st.lists(WORD, min_size=1, max_size=5), accented=st.sampled_from(sorted(ACCENTED)))
def test_an_accented_letter_becomes_its_plain_letter(words, accented):
    with_accent = " ".join(word + accented for word in words)
    assert slugify(with_accent) == slugify(" ".join(word + ACCENTED[accented] for word in words))
