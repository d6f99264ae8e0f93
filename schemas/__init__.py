"""Pydantic models shared by samplegen and finetune. Depends on nothing else in the project."""

from schemas.config import BuildConfig, ImageFormat
from schemas.currency import EUR_RATES, to_eur
from schemas.looks import Audience, Badge, DetailLook, ItemKind, MaterialLook, PatternLook, SizeLook
from schemas.product import Colour, ProductSpec
from schemas.profile import KindSpec, Leaf, Profile
from schemas.row import DBQ_COLUMNS, DBQ_DTYPES, NOT_AVAILABLE, ProductRow
from schemas.title import BEAUTY_SEPARATOR, TitleClash, TitleGrammar, TitleSlot

__all__ = [
    "BEAUTY_SEPARATOR",
    "DBQ_COLUMNS",
    "DBQ_DTYPES",
    "EUR_RATES",
    "NOT_AVAILABLE",
    "Audience",
    "Badge",
    "BuildConfig",
    "Colour",
    "DetailLook",
    "ImageFormat",
    "ItemKind",
    "KindSpec",
    "Leaf",
    "MaterialLook",
    "PatternLook",
    "ProductRow",
    "ProductSpec",
    "Profile",
    "SizeLook",
    "TitleClash",
    "TitleGrammar",
    "TitleSlot",
    "to_eur",
]
