"""Properties of generated rows, over many seeds."""

import re
import statistics
from collections import Counter, defaultdict
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from samplegen.titles import slugify
from schemas import NOT_AVAILABLE, ProductRow, to_eur
from tests.conftest import generated_rows

seeds = st.integers(min_value=0, max_value=2**63 - 1)
GUID_URL = re.compile(
    r"^https://assets\.burberry\.com/is/image/Burberryltd/[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$"
)


@settings(max_examples=40, deadline=None)
@given(seed=seeds, n=st.integers(min_value=2, max_value=120))
def test_every_row_validates_against_the_us_profile(us_profile, seed, n):
    rows = generated_rows(seed, n)
    assert len(rows) == n
    context = {"eur_rate": us_profile.eur_rate, "itemurl_host": us_profile.itemurl_host}
    for row in rows:
        ProductRow.model_validate(row, context=context)


@settings(max_examples=30, deadline=None)
@given(seed=seeds)
def test_title_slug_url_and_eur_rules(seed):
    for row in generated_rows(seed, 80):
        assert 8 <= len(row["title"]) <= 71
        assert row["title"][0].isupper()
        assert row["itemurl"] == f"https://us.burberry.com/{slugify(row['title'])}-p{row['product_code']}"
        assert 42 <= len(row["itemurl"]) <= 105
        assert row["imageurl"] == NOT_AVAILABLE or GUID_URL.match(row["imageurl"])
        assert row["full_price_eur"] == row["price_eur"] == to_eur(row["full_price"], "1.084")
        assert row["price"] == row["full_price"] and row["flg_discount"] == 0
        assert 32 <= row["full_price"] <= 70_000 and row["full_price"].is_integer()
        assert 10_000_000 <= row["product_code"] <= 99_999_999 and row["product_code"] % 10 == 1


@settings(max_examples=20, deadline=None)
@given(seed=seeds)
def test_product_codes_are_unique_and_colour_variants_share_title_and_price(seed):
    rows = generated_rows(seed, 150)
    codes = [row["product_code"] for row in rows]
    assert len(set(codes)) == len(codes)
    for previous, row in pairwise(rows):
        if row["product_code"] == previous["product_code"] + 10:  # a colour variant of the same product
            assert row["category3_code"] == previous["category3_code"]
            if " – " in row["title"]:  # beauty: another shade of the same line (a fragrance size has its price)
                assert row["title"].split(" – ")[0] == previous["title"].split(" – ")[0]
            else:
                assert row["title"] == previous["title"]
                assert row["full_price"] == previous["full_price"]


def test_beauty_and_eyewear_codes_start_with_40(us_profile):
    rows = generated_rows(3, 1500)
    for row in rows:
        if row["category2_code"] in {"BEAUTY", "EYEWEAR", "FRAGRANCE"}:
            assert str(row["product_code"]).startswith("40"), row
    assert any(" – " in row["title"] for row in rows)


@given(seed=seeds)
@settings(max_examples=10, deadline=None)
def test_same_seed_same_rows_and_different_seeds_differ(seed):
    assert generated_rows(seed, 30) == generated_rows(seed, 30)
    assert generated_rows(seed, 30) != generated_rows(seed + 1 if seed < 2**63 - 1 else 0, 30)


def test_default_size_mirrors_the_real_us_facts():
    rows = generated_rows(0, 3040)
    assert {row["category1_code"] for row in rows} == {"WOMAN", "MAN", "KIDS"}
    assert len({row["category2_code"] for row in rows}) == 26
    kids_groups = {row["category2_code"] for row in rows if row["category1_code"] == "KIDS"}
    assert {"GIRLS", "BOYS", "BABY"} <= kids_groups
    assert all(3 <= len(row["category3_code"]) <= 28 for row in rows)
    assert any(row["category3_code"] == "N.A." for row in rows)
    prices = [row["full_price"] for row in rows]
    assert 800 <= statistics.median(prices) <= 1600
    deciles = statistics.quantiles(prices, n=10)
    assert 150 <= deciles[0] and deciles[-1] <= 6000  # most prices between a few hundred and a few thousand
    assert max(prices) >= 15_000  # the long tail of gowns and leather coats
    assert min(prices) < 100  # beauty
    big = [p for p in prices if p >= 100]
    assert sum(p % 10 == 0 for p in big) == len(big)  # retail price points
    words = Counter(word for row in rows for word in row["title"].split())
    assert words.most_common(1)[0][0] == "Check"
    assert "Cotton" in dict(words.most_common(4))


def test_category3_matches_the_item_noun(us_profile):
    """Titles end with a noun of a kind their leaf holds (the real grammar: item noun last)."""
    nouns_by_leaf = defaultdict(set)
    kind_nouns = {spec.kind: {noun.word for noun in spec.nouns} for spec in us_profile.kinds}
    for leaf in us_profile.leaves:
        for kind in leaf.kinds:
            nouns_by_leaf[(leaf.category1, leaf.category2, leaf.category3)] |= kind_nouns[kind]
    for row in generated_rows(5, 1000):
        if " – " in row["title"]:
            continue
        key = (row["category1_code"], row["category2_code"], row["category3_code"])
        assert any(row["title"].endswith(noun) for noun in nouns_by_leaf[key]), row["title"]
