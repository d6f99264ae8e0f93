"""Closed vocabularies shared by the sampler and the image renderer.

Titles use free words from a profile ("Vintage Check", "Cotton Gabardine"); the renderer needs a
closed set of things it knows how to draw. Each profile word therefore carries one of these looks.
"""

from __future__ import annotations

from enum import StrEnum


class ItemKind(StrEnum):
    """A product silhouette the renderer can draw; every category3 maps to one or more kinds."""

    # outerwear
    TRENCH_COAT = "trench_coat"
    COAT = "coat"
    QUILTED_JACKET = "quilted_jacket"
    PUFFER_JACKET = "puffer_jacket"
    JACKET = "jacket"
    CAPE = "cape"
    # clothing
    DRESS = "dress"
    SHIRT = "shirt"
    T_SHIRT = "t_shirt"
    POLO_SHIRT = "polo_shirt"
    SWEATER = "sweater"
    CARDIGAN = "cardigan"
    HOODIE = "hoodie"
    BLAZER = "blazer"
    TROUSERS = "trousers"
    SHORTS = "shorts"
    SKIRT = "skirt"
    SWIMSUIT = "swimsuit"
    BABY_ROMPER = "baby_romper"
    # scarves
    SCARF = "scarf"
    # bags
    TOTE_BAG = "tote_bag"
    SHOULDER_BAG = "shoulder_bag"
    CROSSBODY_BAG = "crossbody_bag"
    CLUTCH = "clutch"
    BUCKET_BAG = "bucket_bag"
    BACKPACK = "backpack"
    BRIEFCASE = "briefcase"
    BELT_BAG = "belt_bag"
    # small leather goods
    WALLET = "wallet"
    CARD_CASE = "card_case"
    # shoes
    SNEAKER = "sneaker"
    BOOT = "boot"
    LOAFER = "loafer"
    PUMP = "pump"
    SANDAL = "sandal"
    # accessories
    BUCKET_HAT = "bucket_hat"
    BASEBALL_CAP = "baseball_cap"
    GLOVES = "gloves"
    SUNGLASSES = "sunglasses"
    BELT = "belt"
    NECKLACE = "necklace"
    EARRINGS = "earrings"
    UMBRELLA = "umbrella"
    # beauty
    LIPSTICK = "lipstick"
    FOUNDATION = "foundation"
    EYE_PALETTE = "eye_palette"
    FRAGRANCE = "fragrance"
    # home
    CUSHION = "cushion"
    BLANKET = "blanket"


class PatternLook(StrEnum):
    """A surface pattern or motif the renderer can paint."""

    PLAIN = "plain"
    CHECK = "check"
    VINTAGE_CHECK = "vintage_check"
    HOUSE_CHECK = "house_check"
    EXAGGERATED_CHECK = "exaggerated_check"
    SLICED_CHECK = "sliced_check"
    CONTRAST_CHECK = "contrast_check"
    EKD = "ekd"
    EKD_PRINT = "ekd_print"
    MONOGRAM = "monogram"
    ROSE = "rose"
    DUCK = "duck"
    ARGYLE = "argyle"
    CAMOUFLAGE = "camouflage"


class MaterialLook(StrEnum):
    """A material finish the renderer can suggest (sheen, weave, grain)."""

    COTTON = "cotton"
    GABARDINE = "gabardine"
    TWILL = "twill"
    PIQUE = "pique"
    WOOL = "wool"
    WOOL_BLEND = "wool_blend"
    CASHMERE = "cashmere"
    JACQUARD = "jacquard"
    SILK = "silk"
    NYLON = "nylon"
    LEATHER = "leather"
    SUEDE = "suede"
    CHECK_LEATHER = "check_leather"
    METAL = "metal"
    GLASS = "glass"
    COSMETIC = "cosmetic"


class DetailLook(StrEnum):
    """A construction detail that changes the drawn silhouette or surface."""

    NONE = "none"
    REVERSIBLE = "reversible"
    HOODED = "hooded"
    BELTED = "belted"
    PLEATED = "pleated"
    QUILTED = "quilted"
    ROLL_NECK = "roll_neck"
    ZIP = "zip"
    SHORT_SLEEVE = "short_sleeve"
    SIDE_STRIPE = "side_stripe"


class SizeLook(StrEnum):
    """A size word's effect on the drawing: scale and proportions."""

    REGULAR = "regular"
    MICRO = "micro"
    MINI = "mini"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    SLIM = "slim"
    OVERSIZED = "oversized"
    CROPPED = "cropped"
    SHORT = "short"
    LONG = "long"


class Audience(StrEnum):
    """Who an item is cut for; the renderer draws it (child proportions, women's and men's cuts)."""

    WOMAN = "WOMAN"
    MAN = "MAN"
    KIDS = "KIDS"


class Badge(StrEnum):
    """A collection cue drawn on the shot, for category leaves that hold the same kinds as a department
    (new arrivals, best sellers, gifts, runway, the heritage trench, home, swimwear), and the children's
    departments that share kinds (girls, boys)."""

    NONE = "none"
    NEW_IN = "new_in"
    BEST_SELLER = "best_seller"
    GIFT = "gift"
    RUNWAY = "runway"
    HERITAGE = "heritage"
    HOME = "home"
    SWIM = "swim"
    GIRLS = "girls"
    BOYS = "boys"
