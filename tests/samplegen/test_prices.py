"""Discounts and the hidden price noise: fitted from real rows, made by the build at the fitted rate."""

import re
from decimal import Decimal

import pandas as pd
import pytest
from pydantic import ValidationError

from samplegen.dbq import read_dbq
from samplegen.fit import fit_profile, save_profile
from samplegen.fit_prices import discount_fit, price_noise_fit
from samplegen.prices import marked_down
from samplegen.rows import row_of
from samplegen.spec import plan_specs
from schemas import BuildConfig, ProductRow, Profile, to_eur
from tests.conftest import REFERENCE_CSV, generated_rows

CHI_RATE = Decimal("7.866")


def _chi_with_discounts(tmp_path, offs: dict[int, float]):
    """The reference CHI rows with row i sold at (1 - offs[i]) of its full price, rounded to 10 yuan."""
    frame = pd.read_csv(REFERENCE_CSV, dtype=str, keep_default_na=False)
    frame = frame[frame["country_code"] == "CHI"].reset_index(drop=True)
    for row, off in offs.items():
        price = round(float(frame.loc[row, "full_price"]) * (1 - off) / 10) * 10
        frame.loc[row, "price"] = str(price)
        frame.loc[row, "price_eur"] = str(to_eur(price, CHI_RATE))
        frame.loc[row, "flg_discount"] = "1"
    path = tmp_path / "chi_sale.csv"
    frame.to_csv(path, index=False)
    return read_dbq(path)


def test_discounts_are_fitted_from_discounted_rows(tmp_path):
    real = _chi_with_discounts(tmp_path, {0: 0.3, 1: 0.3, 2: 0.5, 5: 0.3, 7: 0.4})
    depths = [{"off": 0.3, "weight": 3}, {"off": 0.4, "weight": 1}, {"off": 0.5, "weight": 1}]
    assert discount_fit(real.frame) == (0.25, depths)
    fitted, _ = fit_profile(real)
    assert fitted.discount_rate == 0.25
    assert [(d.off, d.weight) for d in fitted.discount_depths] == [(0.3, 3), (0.4, 1), (0.5, 1)]


def test_a_build_from_a_profile_with_discounts_makes_them_at_the_fitted_rate_and_depth(tmp_path):
    fitted, _ = fit_profile(_chi_with_discounts(tmp_path, {0: 0.3, 1: 0.3, 2: 0.5, 5: 0.3, 7: 0.4}))
    path = save_profile(fitted, tmp_path / "chi.json")
    rows = generated_rows(3, 3000, str(path))
    context = {"eur_rate": fitted.eur_rate, "itemurl_host": fitted.itemurl_host}
    steps = sorted((s.from_price, s.step) for s in fitted.price_steps)
    discounted = [row for row in rows if row["flg_discount"] == 1]
    for row in rows:
        ProductRow.model_validate(row, context=context)
        assert row["price_eur"] == to_eur(row["price"], fitted.eur_rate)
        assert (row["price"] < row["full_price"]) == (row["flg_discount"] == 1)
    assert 0.20 <= len(discounted) / len(rows) <= 0.30
    offs = [1 - row["price"] / row["full_price"] for row in discounted]
    assert all(0.25 <= off <= 0.55 for off in offs), sorted(offs)[:3] + sorted(offs)[-3:]
    assert 0.3 < sum(offs) / len(offs) < 0.4  # mostly 30% off, some 40% and 50%
    for row in discounted:
        step = max(step for start, step in steps if start <= row["price"])
        assert row["price"] % step == 0  # on the retail grid, as full prices are


def test_the_us_default_has_no_discounts(us_profile):
    assert us_profile.discount_rate == 0 and not us_profile.discount_depths
    assert all(row["flg_discount"] == 0 for row in generated_rows(0, 500))


def test_a_discount_rate_needs_depths(us_profile):
    data = us_profile.model_dump(mode="json") | {"discount_rate": 0.1}
    with pytest.raises(ValidationError, match=re.escape("discount_rate is 0.1 but discount_depths is empty")):
        Profile.model_validate(data)


@pytest.mark.parametrize(
    ("full", "off", "price"),
    [(450.0, 0.3, 320.0), (32.0, 0.01, 31.0), (15000.0, 0.5, 7500.0), (100.0, 0.001, 99.0), (500.0, 0.0, 500.0)],
)
def test_a_markdown_lands_on_the_grid_below_the_full_price(us_profile, full, off, price):
    assert marked_down(full, off, us_profile) == price


@pytest.mark.parametrize("noise", [0.15, 0.35])
def test_the_fit_recovers_the_price_noise_of_a_build(us_profile, noise):
    """Products that share a title and leaf differ only by the noise, so the fit reads it back (beauty
    listings repeat one product at one price: they carry no noise and are left out)."""
    config = BuildConfig(n=6000, seed=8, price_noise=noise, with_images=False)
    rows = [row_of(spec, us_profile) for spec in plan_specs(config, us_profile) if spec.beauty_line is None]
    frame = pd.DataFrame(rows)
    assert price_noise_fit(frame) == pytest.approx(noise, rel=0.2)


def test_without_products_sharing_a_title_the_noise_is_what_the_factors_leave(us_profile):
    real = read_dbq(REFERENCE_CSV, country="CHI")
    assert price_noise_fit(real.frame) is None  # its repeated titles are colour variants of one product
    fitted, _ = fit_profile(real)
    assert 0 < fitted.price_noise < 1
    jpn, _ = fit_profile(read_dbq(REFERENCE_CSV, country="JPN"))  # one product: no evidence at all
    assert jpn.price_noise == us_profile.price_noise  # the base profile's


def test_build_price_noise_reaches_the_rows_and_the_card(tmp_path):
    from samplegen.cli import main

    out = tmp_path / "quiet"
    assert main(["build", "--n", "300", "--no-images", "--quiet", "--price-noise", "0", "--out", str(out)]) == 0
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "--price-noise 0 --no-images --out DIR" in card
    assert "standard deviation\n0 (`--price-noise`)" in card
    frame = read_dbq(out).frame
    prices = frame.groupby(["title", "category1_code", "category2_code", "category3_code"])["full_price"].nunique()
    assert (prices == 1).all() and len(prices) < len(frame)  # one price per title and leaf, and titles repeat


def _scanned_step(price: float, profile: Profile) -> float:
    """The step in force, found by scanning every step (what the grid's bisect must agree with)."""
    return max((s for s in profile.price_steps if s.from_price <= price), key=lambda s: s.from_price).step


@pytest.mark.parametrize("price", [0.0, 0.4, 32.0, 99.99, 100.0, 100.01, 999.0, 1000.0, 5_000.5, 1e6])
def test_the_price_grid_finds_the_step_a_scan_finds(us_profile, price):
    from samplegen.prices import PriceGrid

    assert PriceGrid(us_profile).step_at(price) == _scanned_step(price, us_profile)


def test_the_first_listed_of_two_steps_with_one_start_is_in_force(us_profile):
    from samplegen.prices import PriceGrid

    steps = [{"from_price": 0, "step": 1}, {"from_price": 500, "step": 50}, {"from_price": 500, "step": 5}]
    profile = Profile.model_validate(us_profile.model_dump(mode="json") | {"price_steps": steps})
    assert PriceGrid(profile).step_at(700) == _scanned_step(700, profile) == 50
    assert PriceGrid(profile).snap(712) == 700.0
