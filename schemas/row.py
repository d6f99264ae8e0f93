"""The real DBQ row: 17 columns in the real order with the real dtypes and value rules."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from schemas.currency import EUR_RATES, to_eur

NOT_AVAILABLE = "N.A."

ITEMURL_PATTERN = re.compile(r"^https://(?P<host>[a-z0-9.-]+)/(?P<slug>[^\s/?#]+)-p(?P<code>\d{8})$")
IMAGEURL_PATTERN = re.compile(r"^https://[a-z0-9.-]+/\S+$")
GUID_IMAGEURL_PATTERN = re.compile(
    r"^https://[a-z0-9.-]+/\S+/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"
)


class ProductRow(BaseModel):
    """One row of a DBQ product price list.

    Field order is the column order of the real parquet files. Context-free rules are checked always;
    pass `context={"eur_rate": ..., "itemurl_host": ...}` to `model_validate` to check a profile's rate
    and host exactly (without a rate, the currency's known DBQ rate is used when there is one).
    """

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    website_name: str = Field(min_length=1)
    competence_date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    country_code: str = Field(pattern=r"^[A-Z]{3}$")
    currency_code: str = Field(pattern=r"^[A-Z]{3}$")
    brand: str = Field(min_length=1)
    category1_code: str = Field(min_length=1)
    category2_code: str = Field(min_length=1)
    category3_code: str = Field(min_length=1)
    product_code: int = Field(ge=10_000_000, le=99_999_999, description="8 digits")
    title: str = Field(min_length=8, max_length=71)
    itemurl: str
    imageurl: str = Field(min_length=4)
    full_price: float = Field(gt=0)
    price: float = Field(gt=0)
    full_price_eur: float = Field(gt=0)
    price_eur: float = Field(gt=0)
    flg_discount: int = Field(ge=0, le=1, description="1 when price < full_price")

    @field_validator("competence_date")
    @classmethod
    def _real_date(cls, value: str) -> str:
        date.fromisoformat(value)
        return value

    @field_validator("brand")
    @classmethod
    def _upper_brand(cls, value: str) -> str:
        if value != value.upper():
            raise ValueError(f"brand must be upper case, got {value!r}")
        return value

    @field_validator("full_price", "price")
    @classmethod
    def _whole_price_point(cls, value: float) -> float:
        if not float(value).is_integer():
            raise ValueError(f"local prices are whole price points, got {value}")
        return value

    @field_validator("imageurl")
    @classmethod
    def _imageurl_shape(cls, value: str) -> str:
        if value != NOT_AVAILABLE and not IMAGEURL_PATTERN.match(value):
            raise ValueError(f"imageurl must be an https URL or {NOT_AVAILABLE!r}, got {value!r}")
        return value

    @model_validator(mode="after")
    def _cross_column_rules(self, info: ValidationInfo) -> ProductRow:
        context: dict[str, Any] = info.context or {}
        match = ITEMURL_PATTERN.match(self.itemurl)
        if not match:
            raise ValueError(f"itemurl must look like https://<host>/<slug>-p<8 digits>, got {self.itemurl!r}")
        if int(match["code"]) != self.product_code:
            raise ValueError(f"itemurl ends in p{match['code']} but product_code is {self.product_code}")
        host = context.get("itemurl_host")
        if host is not None and match["host"] != host:
            raise ValueError(f"itemurl host is {match['host']!r}, the profile expects {host!r}")
        if self.flg_discount == 0:
            if self.price != self.full_price or self.price_eur != self.full_price_eur:
                raise ValueError(
                    "flg_discount is 0 but price differs from full_price (or price_eur from full_price_eur)"
                )
        elif not self.price < self.full_price:
            raise ValueError("flg_discount is 1 but price is not below full_price")
        rate = context.get("eur_rate", EUR_RATES.get(self.currency_code))
        if self.currency_code == "EUR":
            rate = Decimal(1)
        if rate is not None:
            for local, eur, name in (
                (self.full_price, self.full_price_eur, "full_price"),
                (self.price, self.price_eur, "price"),
            ):
                expected = to_eur(local, rate)
                if eur != expected:
                    raise ValueError(
                        f"{name}_eur is {eur} but {name} {local:g} / rate {rate} truncated to cents is {expected}"
                    )
        return self


DBQ_COLUMNS: tuple[str, ...] = tuple(ProductRow.model_fields)

_DTYPE_BY_ANNOTATION: dict[object, str] = {str: "string", int: "int64", float: "float64"}


DBQ_DTYPES: dict[str, str] = {
    name: _DTYPE_BY_ANNOTATION[field.annotation] for name, field in ProductRow.model_fields.items()
}
