"""The EUR rule of the DBQ files, as properties: price / rate, truncated (never rounded) to whole cents.

DBQ prices are whole local-currency points; a float price counts at its exact binary value.
"""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from schemas.currency import EUR_RATES, to_eur

PRICES = st.integers(min_value=0, max_value=10**7)  # whole local-currency prices, as in the DBQ files
RATES = st.sampled_from(sorted(EUR_RATES.values())) | st.decimals(
    min_value=Decimal("0.001"), max_value=Decimal("1000"), places=3, allow_nan=False, allow_infinity=False
)


def cents_of(eur: float) -> int:
    cents = round(eur * 100)
    assert cents / 100 == eur  # the result is always a whole number of cents
    return cents


@given(price=PRICES | st.floats(min_value=0, max_value=1e7), rate=RATES)
def test_eur_is_the_exact_quotient_truncated_to_cents(price, rate):
    exact = Fraction(price) / Fraction(rate)
    cents = cents_of(to_eur(float(price), rate))
    assert Fraction(cents, 100) <= exact < Fraction(cents + 1, 100)


@given(low=PRICES, high=PRICES, rate=RATES)
def test_a_higher_price_never_converts_lower(low, high, rate):
    low, high = sorted((low, high))
    assert to_eur(float(low), rate) <= to_eur(float(high), rate)


@given(price=PRICES)
def test_euro_prices_stay_as_they_are(price):
    assert to_eur(float(price), "1") == price


@given(price=PRICES, rate=RATES)
def test_the_rate_may_be_given_as_text_or_decimal(price, rate):
    assert to_eur(float(price), rate) == to_eur(float(price), str(rate))
