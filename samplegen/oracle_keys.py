"""Which drawn cues the learnability oracle looks at for each answer: data only.

Each answer has a back-off chain of cue-field tuples (fields of `samplegen.render.cues.DrawnCues`): the
oracle answers with the most common train answer among rows sharing the first key of the chain that the
train split has seen. The main colour counts only for kinds whose train titles name a shade (beauty), and
reads as None elsewhere. A cue added to DrawnCues must join TITLE (and the keys it informs) or IGNORED.
"""

from __future__ import annotations

Chain = tuple[tuple[str, ...], ...]

# category3 is the category leaf; a leaf shows as its kinds, its audience and its collection badge.
CATEGORY3: Chain = (
    ("kind", "noun_shape", "audience", "badge"),
    ("kind", "audience", "badge"),
    ("kind", "audience"),
    ("kind",),
    (),
)

IGNORED = ("accent",)  # drawn at random: it names nothing

# The whole title, for a drawing seen in train: every cue but the ignored ones.
TITLE: Chain = (
    (
        "kind",
        "noun_shape",
        "audience",
        "badge",
        "size_look",
        "pattern_look",
        "material_look",
        "detail_look",
        "bag_family",
        "line_shape",
        "colour",
    ),
)

# Each title word read from its own cue, for drawings not seen in train (slots as in ProductSpec).
WORDS: dict[str, Chain] = {
    "size": (("kind", "size_look"), ("size_look",)),
    "bag_family": (("kind", "bag_family"), ("bag_family",)),
    "pattern": (("kind", "bag_family", "pattern_look"), ("bag_family", "pattern_look"), ("pattern_look",)),
    "material": (
        ("kind", "bag_family", "pattern_look", "material_look"),
        ("kind", "bag_family", "material_look"),
        ("material_look",),
    ),
    "detail": (("kind", "detail_look"), ("detail_look",)),
    "noun": (("kind", "noun_shape", "audience"), ("kind", "noun_shape"), ("kind",)),
    "beauty_line": (("kind", "line_shape", "colour"), ("kind", "line_shape"), ("kind",)),
    "shade": (("kind", "line_shape", "colour"), ("kind", "colour"), ("colour",)),
}

# The full price: a log-linear model with one weight per value of each of these cue groups.
PRICE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("kind",),
    ("kind", "audience", "badge"),
    ("kind", "noun_shape"),
    ("kind", "size_look"),
    ("pattern_look",),
    ("kind", "pattern_look"),
    ("material_look",),
    ("kind", "material_look"),
    ("detail_look",),
    ("bag_family",),
    ("kind", "line_shape"),
    ("kind", "line_shape", "colour"),
)
PRICE_RIDGE = 1.0  # weight shrinkage of the log-price model: values seen once stay near the group's mean
