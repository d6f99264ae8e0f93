import re

import pytest
from pydantic import ValidationError

from schemas import DBQ_COLUMNS, DBQ_DTYPES, ProductRow, to_eur

REAL_ORDER = (
    "website_name competence_date country_code currency_code brand category1_code category2_code "
    "category3_code product_code title itemurl imageurl full_price price full_price_eur price_eur flg_discount"
).split()


def test_columns_are_the_real_17_in_order(reference_rows):
    assert list(DBQ_COLUMNS) == REAL_ORDER == list(reference_rows[0])
    assert DBQ_DTYPES["product_code"] == DBQ_DTYPES["flg_discount"] == "int64"
    assert {DBQ_DTYPES[c] for c in ("full_price", "price", "full_price_eur", "price_eur")} == {"float64"}
    assert sum(dtype == "string" for dtype in DBQ_DTYPES.values()) == 11


def test_every_real_row_validates(reference_rows):
    assert len(reference_rows) == 34
    for row in reference_rows:
        ProductRow.model_validate(row)


@pytest.mark.parametrize(
    ("price", "rate", "eur"),
    [
        (2490, "1.084", 2297.04),
        (820, "1.084", 756.45),
        (660, "1.084", 608.85),
        (28000, "1.084", 25830.25),
        (45100, "164.07", 274.88),
    ],
)
def test_eur_is_truncated_not_rounded(price, rate, eur):
    assert to_eur(price, rate) == eur


def _real(reference_rows, **changes):
    return {**reference_rows[9], **changes}  # ARE, Micro Shield Sling Bag


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"product_code": "1234567"}, "product_code"),
        ({"title": "Bag"}, "title"),
        ({"title": "x" * 72}, "title"),
        ({"itemurl": "https://ae.burberry.com/micro-shield-sling-bag"}, "itemurl must look like"),
        ({"itemurl": "https://ae.burberry.com/micro-shield-sling-bag-p80798562"}, "product_code is 80798561"),
        ({"price": "4800"}, "flg_discount is 0"),
        ({"full_price_eur": "1218.29", "price_eur": "1218.29"}, "truncated to cents is 1218.28"),
        ({"brand": "Burberry"}, "upper case"),
        ({"competence_date": "2023-13-45"}, "competence_date"),
        ({"flg_discount": "2"}, "flg_discount"),
        ({"full_price": "4850.5", "price": "4850.5"}, "whole price points"),
        ({"imageurl": "ftp://x"}, "imageurl"),
    ],
)
def test_rule_violations_are_reported(reference_rows, changes, fragment):
    with pytest.raises(ValidationError, match=fragment):
        ProductRow.model_validate(_real(reference_rows, **changes))


def test_profile_context_checks_rate_and_host(reference_rows):
    row = _real(reference_rows)
    ProductRow.model_validate(row, context={"itemurl_host": "ae.burberry.com"})
    with pytest.raises(ValidationError, match=re.escape("profile expects 'us.burberry.com'")):
        ProductRow.model_validate(row, context={"itemurl_host": "us.burberry.com"})
    with pytest.raises(ValidationError, match="rate 4"):
        ProductRow.model_validate(row, context={"eur_rate": "4"})


def test_placeholder_imageurl_is_allowed(reference_rows):
    ProductRow.model_validate(_real(reference_rows, imageurl="N.A."))
