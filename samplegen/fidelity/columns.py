"""Data tables for the fidelity report: which columns get which metric, and the title grammar's words."""

from __future__ import annotations

CATEGORICAL_COLUMNS: tuple[str, ...] = (
    "website_name",
    "competence_date",
    "country_code",
    "currency_code",
    "brand",
    "category1_code",
    "category2_code",
    "category3_code",
    "flg_discount",
)
PRICE_COLUMNS: tuple[str, ...] = ("full_price", "price", "full_price_eur", "price_eur")
CATEGORY_COLUMNS: tuple[str, ...] = ("category1_code", "category2_code", "category3_code")
CONTINGENCY_PAIRS: tuple[tuple[str, str], ...] = (
    ("category1_code", "category2_code"),
    ("category2_code", "category3_code"),
)
GROUPED_PRICE: tuple[str, str] = ("full_price", "category2_code")  # KS of full_price within each category2

# Extra columns a synthetic source may carry without losing schema conformance (a samplegen build's images).
ALLOWED_EXTRA_COLUMNS: frozenset[str] = frozenset({"image"})

# Words of the title grammar's optional slots (sizes, patterns/motifs, materials, details, bag families),
# split into single words. A title's item noun is everything after the last of these words.
GRAMMAR_WORDS: frozenset[str] = frozenset(
    """
    Mini Micro Small Medium Large Slim Oversized Cropped Short Long
    Check Vintage House Exaggerated Sliced Contrast EKD Print Monogram Motif Rose Duck Argyle Camouflage
    Cotton Gabardine Stretch Twill Piqué Wool Blend Cashmere Jacquard Silk Nylon Leather Suede and
    Reversible Hooded Belted Pleated Quilted Roll-neck Zip Short-sleeve Side Stripe
    Lola Frances Shield Knight Ainsworth
    """.split()
)
