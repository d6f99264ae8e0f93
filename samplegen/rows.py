"""The 17 DBQ columns of a row, as a pure function of its product spec, and their check."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from pydantic import ValidationError

from samplegen.errors import BuildError, describe_validation_error
from samplegen.titles import TitleWriter, slugify
from schemas import NOT_AVAILABLE, ProductRow, ProductSpec, Profile, to_eur

# RFC 4122 version-4 GUID: version nibble 4, variant bits 10.
_V4_MASK = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
_V4_BITS = (0x4 << 76) | (0x2 << 62)


@lru_cache(maxsize=1 << 14)
def _slug(title: str) -> str:
    """`slugify`, remembered: colour variants share a title, and titles repeat across products."""
    return slugify(title)


@lru_cache(maxsize=1 << 14)
def _eur(price: float, rate: Decimal | str | float) -> float:
    """`to_eur`, remembered: prices lie on the retail grid, so few distinct ones recur."""
    return to_eur(price, rate)


def itemurl(profile: Profile, title: str, product_code: int) -> str:
    return f"https://{profile.itemurl_host}/{_slug(title)}-p{product_code}"


def imageurl(profile: Profile, guid_bits: int) -> str:
    """The asset URL with an upper-case GUID, or the placeholder some real rows carry (decided by the
    GUID's low 32 bits, so it needs no draw of its own)."""
    if (guid_bits & 0xFFFFFFFF) / 2**32 < profile.imageurl_placeholder_rate:
        return NOT_AVAILABLE
    digits = f"{guid_bits & _V4_MASK | _V4_BITS:032X}"
    return f"{profile.imageurl_prefix}{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def row_of(spec: ProductSpec, profile: Profile, titles: TitleWriter | None = None) -> dict:
    """The row's 17 columns in DBQ order. `titles` is the profile's TitleWriter, passed in to reuse one."""
    title = (titles or TitleWriter(profile)).title(spec)
    rate = profile.eur_rate
    return {
        "website_name": profile.website_name,
        "competence_date": profile.competence_date,
        "country_code": profile.country_code,
        "currency_code": profile.currency_code,
        "brand": profile.brand,
        "category1_code": spec.category1,
        "category2_code": spec.category2,
        "category3_code": spec.category3,
        "product_code": spec.product_code,
        "title": title,
        "itemurl": itemurl(profile, title, spec.product_code),
        "imageurl": imageurl(profile, spec.image_guid),
        "full_price": spec.full_price,
        "price": spec.price,
        "full_price_eur": _eur(spec.full_price, rate),
        "price_eur": _eur(spec.price, rate),
        "flg_discount": int(spec.price < spec.full_price),
    }


class RowCheck:
    """Validates made rows as `ProductRow` with the profile's EUR rate and host, as the real files obey."""

    def __init__(self, profile: Profile) -> None:
        self.context = {"eur_rate": profile.eur_rate, "itemurl_host": profile.itemurl_host}

    def __call__(self, row: dict) -> dict:
        try:
            ProductRow.model_validate(row, context=self.context)
        except ValidationError as error:
            raise BuildError(
                f"the profile made an invalid row (product_code {row.get('product_code')}, title "
                f"{row.get('title')!r}): {describe_validation_error(error)}; fix the profile's tables"
            ) from None
        return row
