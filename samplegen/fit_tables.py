"""Data tables for fitting a profile from real titles: words the built-in profile does not list."""

from __future__ import annotations

from schemas import Badge, ItemKind, PatternLook

# Item nouns seen in real DBQ titles beyond the built-in profile's nouns, with the kind they draw as.
EXTRA_NOUNS: dict[str, ItemKind] = {
    "Parka": ItemKind.JACKET,
    "Short Parka": ItemKind.JACKET,
    "Gilet": ItemKind.QUILTED_JACKET,
    "Cape Coat": ItemKind.CAPE,
    "Top": ItemKind.SHIRT,
    "Camisole": ItemKind.SHIRT,
    "Vest": ItemKind.SWEATER,
    "Jumper": ItemKind.SWEATER,
    "Pants": ItemKind.TROUSERS,
    "Jeans": ItemKind.TROUSERS,
    "Leggings": ItemKind.TROUSERS,
    "Jumpsuit": ItemKind.DRESS,
    "Swim Shorts": ItemKind.SHORTS,
    "Swimsuit": ItemKind.SWIMSUIT,
    "Sling Bag": ItemKind.SHOULDER_BAG,
    "Hobo Bag": ItemKind.SHOULDER_BAG,
    "Satchel": ItemKind.CROSSBODY_BAG,
    "Purse": ItemKind.CLUTCH,
    "Coin Case": ItemKind.CARD_CASE,
    "Card Holder": ItemKind.CARD_CASE,
    "Trainers": ItemKind.SNEAKER,
    "Sneaker": ItemKind.SNEAKER,
    "Boot": ItemKind.BOOT,
    "Shoes": ItemKind.LOAFER,
    "Ballerinas": ItemKind.PUMP,
    "Hat": ItemKind.BUCKET_HAT,
    "Beanie": ItemKind.BUCKET_HAT,
    "Cap": ItemKind.BASEBALL_CAP,
    "Mittens": ItemKind.GLOVES,
    "Glasses": ItemKind.SUNGLASSES,
    "Bracelet": ItemKind.NECKLACE,
    "Ring": ItemKind.EARRINGS,
    "Brooch": ItemKind.EARRINGS,
    "Key Ring": ItemKind.EARRINGS,
    "Charm": ItemKind.NECKLACE,
    "Throw": ItemKind.BLANKET,
    "Pillow": ItemKind.CUSHION,
    "Muffler": ItemKind.SCARF,
    "Shawl": ItemKind.SCARF,
    "Bib": ItemKind.BABY_ROMPER,
    "Babygrow": ItemKind.BABY_ROMPER,
}

# Beauty titles read "<line> – <shade>"; the line's words say which product it is.
BEAUTY_KEYWORDS: list[tuple[str, ItemKind]] = [
    ("eau de", ItemKind.FRAGRANCE),
    ("parfum", ItemKind.FRAGRANCE),
    ("cologne", ItemKind.FRAGRANCE),
    ("foundation", ItemKind.FOUNDATION),
    ("concealer", ItemKind.FOUNDATION),
    ("glow", ItemKind.FOUNDATION),
    ("eye", ItemKind.EYE_PALETTE),
    ("brow", ItemKind.EYE_PALETTE),
    ("kisses", ItemKind.LIPSTICK),
    ("lip", ItemKind.LIPSTICK),
]
BEAUTY_DEFAULT = ItemKind.LIPSTICK

# An unknown pattern or motif phrase draws as the first look whose keyword it contains.
PATTERN_KEYWORDS: list[tuple[str, PatternLook]] = [
    ("vintage check", PatternLook.VINTAGE_CHECK),
    ("exaggerated", PatternLook.EXAGGERATED_CHECK),
    ("sliced", PatternLook.SLICED_CHECK),
    ("contrast", PatternLook.CONTRAST_CHECK),
    ("check", PatternLook.CHECK),
    ("chequer", PatternLook.CHECK),
    ("tartan", PatternLook.CHECK),
    ("ekd", PatternLook.EKD),
    ("knight", PatternLook.EKD),
    ("crest", PatternLook.EKD),
    ("monogram", PatternLook.MONOGRAM),
    ("tb ", PatternLook.MONOGRAM),
    ("rose", PatternLook.ROSE),
    ("duck", PatternLook.DUCK),
    ("argyle", PatternLook.ARGYLE),
    ("camouflage", PatternLook.CAMOUFLAGE),
    ("camo", PatternLook.CAMOUFLAGE),
]

# Words that modify a neighbouring material rather than name a motif ("Stretch Cotton", "Cotton Blend").
MATERIAL_MODIFIERS = frozenset(
    {
        "Stretch",
        "Blend",
        "Lightweight",
        "Technical",
        "Recycled",
        "Organic",
        "Brushed",
        "Washed",
        "Merino",
        "Mohair",
        "Lambskin",
        "Calfskin",
        "Grainy",
        "Quilted",
        "Canvas",
        "Jersey",
        "Poplin",
        "Denim",
        "Satin",
    }
)

# Retail steps tried when inferring price points, and the price bands they are inferred for.
PRICE_STEP_CANDIDATES = (1000, 500, 100, 50, 10, 5, 1)
PRICE_BANDS = (0, 100, 1_000, 10_000, 100_000)

# Collection badges of category leaves, by category2 name (else category3 name): the leaves that hold the
# same kinds as a department. English names as the US store writes them, and names seen in other stores.
CATEGORY_BADGES: dict[str, Badge] = {
    "NEW ARRIVALS": Badge.NEW_IN,
    "NEW IN": Badge.NEW_IN,
    "全新精品": Badge.NEW_IN,
    "最新上架": Badge.NEW_IN,
    "BEST SELLERS": Badge.BEST_SELLER,
    "GIFTS": Badge.GIFT,
    "GIFT SETS": Badge.GIFT,
    "全部礼品": Badge.GIFT,
    "RUNWAY": Badge.RUNWAY,
    "THE TRENCH COAT": Badge.HERITAGE,
    "HOME": Badge.HOME,
    "SWIMWEAR": Badge.SWIM,
    "COSTUMI DA BAGNO": Badge.SWIM,
    "GIRLS": Badge.GIRLS,
    "ガールズ": Badge.GIRLS,
    "BOYS": Badge.BOYS,
}

# A leaf's or noun's price factor is pulled toward 1 as if it had this many extra rows at 1.
LEAF_SHRINK = 3.0
NOUN_SHRINK = 3.0
# Fitted markdowns are rounded to this share (real sales take 30%, 40%, 50% off).
DISCOUNT_STEP = 0.05
