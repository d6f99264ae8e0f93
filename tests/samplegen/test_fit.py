"""Fitting a profile from real rows, and building from it."""

import json
from decimal import Decimal

import pandas as pd
import pytest

from samplegen.dbq import read_dbq
from samplegen.errors import ProfileError
from samplegen.fit import fit_profile, infer_eur_rate, infer_price_steps, leaf_badge, profile, save_profile
from samplegen.profiles import load_profile
from samplegen.title_parse import TitleParser
from schemas import Badge, ItemKind, ProductRow, Profile
from tests.conftest import REFERENCE_CSV, generated_rows

COUNTRIES = ["ARE", "CHI", "FRA", "ITA", "JPN", "SGP"]


@pytest.fixture(scope="module")
def parser():
    return TitleParser(load_profile("us"))


@pytest.mark.parametrize(
    ("title", "kind", "noun", "words"),
    [
        ("Micro Shield Sling Bag", ItemKind.SHOULDER_BAG, "Sling Bag", {"size": "Micro", "family": "Shield"}),
        ("Check and Leather Card Case", ItemKind.CARD_CASE, "Card Case", {"material": "Check and Leather"}),
        (
            "Side Stripe Vintage Check Stretch Cotton Shorts",
            ItemKind.SHORTS,
            "Shorts",
            {"detail": "Side Stripe", "pattern": "Vintage Check", "material": "Stretch Cotton"},
        ),
        (
            "Heart EKD Cotton Oversized Dress",
            ItemKind.DRESS,
            "Dress",
            {"pattern": "Heart EKD", "material": "Cotton", "size": "Oversized"},
        ),
        ("Oversized Cat-eye Frame Sunglasses", ItemKind.SUNGLASSES, "Cat-eye Frame Sunglasses", {"size": "Oversized"}),
    ],
)
def test_titles_parse_into_grammar_slots(parser, title, kind, noun, words):
    parsed = parser.parse(title)
    assert (parsed.kind, parsed.noun, parsed.words) == (kind, noun, words)


def test_beauty_titles_parse_into_line_and_shade(parser):
    parsed = parser.parse("Burberry Kisses – Coral Pink No.65")
    assert (parsed.kind, parsed.beauty_line, parsed.shade) == (ItemKind.LIPSTICK, "Burberry Kisses", "Coral Pink No.65")


def test_eur_rate_is_recovered_exactly_from_the_rows():
    for country, rate in {"CHI": "7.866", "ARE": "3.981", "SGP": "1.463", "JPN": "164.07", "FRA": "1"}.items():
        table = read_dbq(REFERENCE_CSV, country=country)
        assert infer_eur_rate(table.frame, table.frame["currency_code"].iloc[0]) == Decimal(rate)
    us = pd.DataFrame(
        {"full_price": [2490.0, 820.0, 660.0, 28000.0], "full_price_eur": [2297.04, 756.45, 608.85, 25830.25]}
    )
    assert infer_eur_rate(us, "USD") == Decimal("1.084")


def test_price_steps_follow_the_prices():
    assert infer_price_steps([19500, 13200, 3000, 46]) == [
        {"from_price": 0, "step": 1},
        {"from_price": 1000, "step": 100},
    ]
    assert infer_price_steps([19500, 24000, 3000, 170]) == [
        {"from_price": 0, "step": 1},
        {"from_price": 100, "step": 10},
        {"from_price": 1000, "step": 100},  # at most a tenth of the band's floor, though 3000 is a multiple of 1000
        {"from_price": 10000, "step": 500},
    ]


@pytest.mark.parametrize("country", COUNTRIES)
def test_fitted_profile_mirrors_each_country(tmp_path, country):
    real = read_dbq(REFERENCE_CSV, country=country)
    fitted, summary = fit_profile(real)
    path = save_profile(fitted, tmp_path / f"{country}.json")
    assert Profile.model_validate(json.loads(path.read_text(encoding="utf-8"))) == fitted
    frame = real.frame
    assert fitted.country_code == country and fitted.currency_code == frame["currency_code"].iloc[0]
    assert summary.rows == len(frame) and summary.unread_titles == []
    real_triples = set(zip(frame["category1_code"], frame["category2_code"], frame["category3_code"], strict=True))
    assert {(leaf.category1, leaf.category2, leaf.category3) for leaf in fitted.leaves} == real_triples
    rows = generated_rows(1, 400, str(path))
    context = {"eur_rate": fitted.eur_rate, "itemurl_host": fitted.itemurl_host}
    for row in rows:
        ProductRow.model_validate(row, context=context)
        assert row["country_code"] == country and row["currency_code"] == fitted.currency_code
        assert (row["category1_code"], row["category2_code"], row["category3_code"]) in real_triples
        assert row["itemurl"].startswith(f"https://{fitted.itemurl_host}/")
    # the price scale follows the file: the synthetic median lies within the real range
    prices = sorted(row["full_price"] for row in rows)
    assert frame["full_price"].min() * 0.5 <= prices[len(prices) // 2] <= frame["full_price"].max() * 2


def test_chinese_build_keeps_local_category_names_and_price_scale(tmp_path):
    path = tmp_path / "chi.json"
    profile(REFERENCE_CSV, country="CHI", out=path)
    rows = generated_rows(0, 500, str(path))
    assert {"包款", "成衣"} <= {row["category2_code"] for row in rows}
    assert all(row["currency_code"] == "CNY" for row in rows)
    median = sorted(row["full_price"] for row in rows)[250]
    assert 5_000 <= median <= 25_000  # CNY prices, ~7.9x the US dollar figures


@pytest.mark.parametrize(
    ("country", "category2", "badge"),
    [
        ("CHI", "全新精品", Badge.NEW_IN),
        ("CHI", "全部礼品", Badge.GIFT),
        ("JPN", "ガールズ", Badge.GIRLS),
        ("ITA", "ABBIGLIAMENTO", Badge.SWIM),
        ("FRA", "VÊTEMENTS", Badge.NONE),
        ("ARE", "BAGS", Badge.NONE),
    ],
)
def test_fitted_leaves_carry_their_collection_badge(country, category2, badge):
    fitted, _ = fit_profile(read_dbq(REFERENCE_CSV, country=country))
    assert {leaf.badge for leaf in fitted.leaves if leaf.category2 == category2} == {badge}


def test_the_us_profile_badges_follow_the_table_and_tell_apart_leaves_of_the_same_kinds():
    """Within one audience, a kind and a badge name one category3 (the oracle can read the leaf)."""
    us = load_profile("us")
    category3s: dict[tuple, set[str]] = {}
    for leaf in us.leaves:
        assert leaf.badge == leaf_badge(leaf.category2, leaf.category3), (leaf.category2, leaf.category3)
        for kind in leaf.kinds:
            category3s.setdefault((leaf.audience, kind, leaf.badge), set()).add(leaf.category3)
    assert {key: names for key, names in category3s.items() if len(names) > 1} == {}
    assert {leaf.badge for leaf in us.leaves} == set(Badge)


def test_unreadable_titles_everywhere_is_a_clear_error(tmp_path):
    frame = pd.read_csv(REFERENCE_CSV, dtype=str, keep_default_na=False)
    frame["title"] = "N.A. N.A."
    frame.to_csv(tmp_path / "na.csv", index=False)
    with pytest.raises(ProfileError, match="no title ends in a known item noun"):
        fit_profile(read_dbq(tmp_path / "na.csv", country="CHI"))


def test_save_profile_refuses_a_folder(tmp_path):
    fitted, _ = fit_profile(read_dbq(REFERENCE_CSV, country="FRA"))
    with pytest.raises(ProfileError, match="is a folder"):
        save_profile(fitted, tmp_path)


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("full_price", "-5", "cannot fit a profile: full_price must be above 0 but is -5 (product_code 80791861)"),
        ("full_price", "0", "cannot fit a profile: full_price must be above 0 but is 0 (product_code 80791861)"),
        ("full_price", "inf", "full_price must be a finite number but holds 'inf' in 1 rows"),
        ("full_price", "1e400", "full_price must be a finite number but holds '1e400' in 1 rows"),
        (
            "product_code",
            "99999999999999999999",
            "product_code holds '99999999999999999999' in 1 rows, beyond the int64 range",
        ),
        (
            "product_code",
            "9223372036854775808",
            "product_code holds '9223372036854775808' in 1 rows, beyond the int64 range",
        ),
        ("product_code", "-5", "product_code must be a positive code of at least two digits but is -5"),
    ],
)
def test_profile_command_names_bad_prices_and_codes_in_one_line(tmp_path, capsys, column, value, fragment):
    from samplegen.cli import main

    frame = pd.read_csv(REFERENCE_CSV, dtype=str, keep_default_na=False)
    frame = frame[frame["country_code"] == "CHI"].reset_index(drop=True)
    frame.loc[0, column] = value
    frame.to_csv(tmp_path / "real.csv", index=False)

    code = main(["profile", str(tmp_path / "real.csv"), "-o", str(tmp_path / "profile.json")])

    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("samplegen: error: "), err
    assert fragment in err, err
    assert not (tmp_path / "profile.json").exists()


def test_a_leaf_whose_category1_names_no_audience_gets_one_from_its_kinds(tmp_path):
    frame = pd.read_csv(REFERENCE_CSV, dtype=str, keep_default_na=False)
    frame.loc[frame["title"] == "Check Cashmere Cushion", "category1_code"] = "MAISON"
    frame.to_csv(tmp_path / "home.csv", index=False)
    fitted, _ = fit_profile(read_dbq(tmp_path / "home.csv", country="FRA"))
    audiences = {leaf.category1: leaf.audience for leaf in fitted.leaves}
    assert audiences["MAISON"] == "WOMAN"  # the US cushions are in WOMAN leaves
    assert audiences["WOMAN"] == "WOMAN"
