"""Turn a planned row into the 17 DBQ columns (and, when images are wanted, its product spec)."""

from __future__ import annotations

from samplegen.plan import PlannedRow
from samplegen.prices import group_price
from samplegen.spec import ProductGroup, ProfileTables, group_title, sample_group
from samplegen.titles import slugify
from schemas import NOT_AVAILABLE, Profile, to_eur


# RFC 4122 version-4 GUID: version nibble 4, variant bits 10.
_V4_MASK = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
_V4_BITS = (0x4 << 76) | (0x2 << 62)


def itemurl(profile: Profile, title: str, product_code: int) -> str:
    return f"https://{profile.itemurl_host}/{slugify(title)}-p{product_code}"


def imageurl(profile: Profile, guid_bits: int, placeholder_draw: float) -> str:
    """The asset URL with an upper-case GUID, or the placeholder some real rows carry."""
    if placeholder_draw < profile.imageurl_placeholder_rate:
        return NOT_AVAILABLE
    digits = f"{guid_bits & _V4_MASK | _V4_BITS:032X}"
    return f"{profile.imageurl_prefix}{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


class RowMaker:
    """Makes rows in plan order, reusing a product group's draws across its colour variants."""

    def __init__(self, seed: int, tables: ProfileTables) -> None:
        self.seed = seed
        self.tables = tables
        self._last: tuple[int, ProductGroup, float, str] | None = None

    def group(self, planned: PlannedRow) -> ProductGroup:
        return self._group(planned)[1]

    def _group(self, planned: PlannedRow) -> tuple[int, ProductGroup, float, str]:
        """The group with its shared price and (non-beauty) title, drawn once per group."""
        if self._last is None or self._last[0] != planned.group:
            group = sample_group(self.seed, planned.group, planned.kind, self.tables)
            price = group_price(group, self.tables.profile.leaves[planned.leaf], self.tables)
            self._last = (planned.group, group, price, group_title(group, 0))
        return self._last

    def row(self, planned: PlannedRow) -> dict:
        """The row's 17 columns in DBQ order."""
        profile = self.tables.profile
        _, group, price, title = self._group(planned)
        leaf = profile.leaves[planned.leaf]
        eur = to_eur(price, profile.eur_rate)
        if group.beauty_line is not None:
            title = group_title(group, planned.variant)
        guid = group.guids[planned.variant]
        return {
            "website_name": profile.website_name,
            "competence_date": profile.competence_date,
            "country_code": profile.country_code,
            "currency_code": profile.currency_code,
            "brand": profile.brand,
            "category1_code": leaf.category1,
            "category2_code": leaf.category2,
            "category3_code": leaf.category3,
            "product_code": planned.product_code,
            "title": title,
            "itemurl": itemurl(profile, title, planned.product_code),
            "imageurl": imageurl(profile, guid, (guid & 0xFFFFFFFF) / 2**32),
            "full_price": price,
            "price": price,
            "full_price_eur": eur,
            "price_eur": eur,
            "flg_discount": 0,
        }
