"""Every title word has its own visible cue: a drawing per noun and beauty line, a look per vocabulary word.

Masks are compared by intersection over union (IoU) at 128 px in the neutral pose `silhouette_mask` gives
(centred, the larger extent filling the same share of the frame). NOUN_IOU_MAX = 0.85 means at least 15% of
the two drawings' joint area belongs to one of them only: several hundred pixels at 128 px, against
about 3% for the same drawing rasterised half a pixel apart (see the calibration test below).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from samplegen import profiles
from samplegen.errors import ProfileError
from samplegen.profiles import load_profile
from samplegen.render import render_product, silhouette_mask
from samplegen.render.cues import DrawnCues, drawn_cues
from samplegen.render.palette import DARK, INK_BASE, P1, P2, P3, SHADES
from samplegen.render.renderer import compose
from samplegen.render.scene import sample_scene
from samplegen.render.silhouettes import line_count, shape_names, silhouette
from schemas.looks import Audience, Badge, DetailLook, ItemKind, MaterialLook, PatternLook, SizeLook
from schemas.product import Colour, ProductSpec

NOUN_IOU_MAX = 0.85
BEIGE = Colour(name="Archive Beige", rgb=(196, 170, 128))
GOLD = Colour(name="Gold", rgb=(200, 170, 90))


def spec(kind: ItemKind, **fields) -> ProductSpec:
    base = dict(
        group=0,
        variant=0,
        category1="WOMAN",
        category2="C2",
        category3="C3",
        kind=kind,
        noun="Item",
        colour=BEIGE,
        accent=GOLD,
    )
    return ProductSpec(**(base | fields))


def shot(item: ProductSpec, seed: int = 3, size: int = 96) -> np.ndarray:
    return np.asarray(render_product(item, np.random.default_rng(seed), size), dtype=np.int16)


def mask(kind: ItemKind, shape: str | None = None, line: int = 0, size: int = 128) -> np.ndarray:
    return np.asarray(silhouette_mask(kind, size, shape=shape, line=line)) > 0


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / (a | b).sum())


@pytest.fixture(scope="module")
def profile():
    return load_profile("us")


# ------------------------------------------------------------------------------------------------- nouns


def test_iou_threshold_is_far_above_rasterisation_noise() -> None:
    """The same drawing moved by one pixel (what rasterisation can do to an edge) keeps an IoU well above
    the threshold that tells two nouns apart."""
    for kind in (ItemKind.TROUSERS, ItemKind.WALLET, ItemKind.SUNGLASSES):
        a = mask(kind, size=128)
        for axis in (0, 1):
            assert iou(a, np.roll(a, 1, axis=axis)) > 0.88 > NOUN_IOU_MAX


def test_every_noun_of_the_profile_names_a_shape_its_kind_draws(profile) -> None:
    for kind in profile.kinds:
        for noun in kind.nouns:
            assert noun.shape in shape_names(kind.kind), (kind.kind, noun.word, noun.shape)


@pytest.mark.parametrize("kind", [k for k in ItemKind if len(shape_names(k)) > 1 or line_count(k) > 1])
def test_every_noun_and_beauty_line_of_a_kind_has_a_drawing_of_its_own(profile, kind: ItemKind) -> None:
    """Within a kind, any two nouns (or beauty lines) give clearly different masks."""
    spec_of_kind = profile.kind_spec(kind)
    nouns = {noun.word: mask(kind, noun.shape) for noun in spec_of_kind.nouns}
    lines = {line.line: mask(kind, line=line.shape) for line in spec_of_kind.beauty_lines}
    for drawings in (nouns, lines):
        for (a, ma), (b, mb) in itertools.combinations(drawings.items(), 2):
            assert iou(ma, mb) < NOUN_IOU_MAX, (kind.value, a, b, iou(ma, mb))


def test_every_registered_shape_differs_from_the_others_of_its_kind() -> None:
    for kind in ItemKind:
        masks = {name: mask(kind, name) for name in shape_names(kind)}
        masks |= {f"line {i}": mask(kind, line=i) for i in range(1, line_count(kind))}
        for (a, ma), (b, mb) in itertools.combinations(masks.items(), 2):
            assert iou(ma, mb) < NOUN_IOU_MAX, (kind.value, a, b)


def test_sleeveless_nouns_are_narrower_than_their_sleeved_kind() -> None:
    """Gilets and the sweater vest have no sleeves: the sleeves' share of the drawing (over 8%) is gone."""
    for kind, sleeved, sleeveless in (
        (ItemKind.QUILTED_JACKET, "quilted_jacket", "quilted_gilet"),
        (ItemKind.PUFFER_JACKET, "puffer_jacket", "puffer_gilet"),
        (ItemKind.SWEATER, "sweater", "sweater_vest"),
    ):
        area = [mask(kind, shape).sum() for shape in (sleeved, sleeveless)]
        assert area[1] < 0.92 * area[0], kind


def test_a_shape_or_line_the_kind_does_not_draw_is_an_error() -> None:
    with pytest.raises(ValueError, match="no drawing named 'kilts'"):
        silhouette(ItemKind.SKIRT, None, "kilts")
    with pytest.raises(ValueError, match="line_shape 7"):
        silhouette(ItemKind.FRAGRANCE, None, None, 7)


def test_a_profile_naming_an_unknown_shape_is_rejected_at_load(tmp_path) -> None:
    path = tmp_path / "profile.json"
    text = (Path(profiles.__file__).parent / "us.json").read_text(encoding="utf-8")
    path.write_text(text.replace('"shape": "kilt"', '"shape": "kilts"'), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"Kilt.*kilts"):
        load_profile(path)


# ------------------------------------------------------------------------------------------- beauty lines


def test_fragrance_bottles_grow_and_stretch_with_their_volume() -> None:
    """30 ml to 150 ml (small .. large): each size a larger and relatively taller bottle."""
    sizes = (SizeLook.SMALL, SizeLook.MEDIUM, SizeLook.REGULAR, SizeLook.LARGE)
    for line in range(line_count(ItemKind.FRAGRANCE)):
        boxes = []
        for size_look in sizes:
            m = np.asarray(silhouette_mask(ItemKind.FRAGRANCE, 160, size_look=size_look, line=line)) > 0
            rows, cols = np.nonzero(m.any(axis=1))[0], np.nonzero(m.any(axis=0))[0]
            boxes.append((m.sum(), (rows[-1] - rows[0]) / (cols[-1] - cols[0])))
        areas, aspects = zip(*boxes, strict=True)
        assert list(areas) == sorted(areas) and len(set(areas)) == len(areas), line
        assert aspects[0] < aspects[-1], line


# ------------------------------------------------------------------------------------------ vocabulary


@pytest.mark.parametrize("slot", ["sizes", "patterns", "materials", "details"])
def test_no_two_words_of_a_slot_share_a_look(profile, slot: str) -> None:
    looks = [word.look for word in getattr(profile, slot)]
    assert len(set(looks)) == len(looks), slot


def _word_specs(profile, kind_spec, slot: str, shape: str | None):
    """(word, spec) for each word of `slot` the kind lists, plus (None, the spec without a word)."""
    field = {"sizes": "size_look", "patterns": "pattern_look", "materials": "material_look", "details": "detail_look"}[
        slot
    ]
    looks = {w.word: w.look for w in getattr(profile, slot)}
    base = {"noun_shape": shape, "material_look": kind_spec.default_material}
    out = [(None, spec(kind_spec.kind, **base))]
    out += [(word, spec(kind_spec.kind, **(base | {field: looks[word]}))) for word in getattr(kind_spec, slot)]
    return out


@pytest.mark.parametrize("slot", ["sizes", "details"])
def test_every_size_and_detail_word_changes_every_noun_of_its_kind(profile, slot: str) -> None:
    """A size or detail word is visible on each noun drawing of a kind that lists it, and no two of the
    kind's words look alike."""
    for kind_spec in profile.kinds:
        for shape in dict.fromkeys(noun.shape for noun in kind_spec.nouns):
            renders = [
                (word, shot(item, size=64).tobytes()) for word, item in _word_specs(profile, kind_spec, slot, shape)
            ]
            for (a, ra), (b, rb) in itertools.combinations(renders, 2):
                assert ra != rb, (kind_spec.kind.value, shape, a, b)


@pytest.mark.parametrize("slot", ["patterns", "materials"])
def test_every_pattern_and_material_word_looks_different_on_its_kind(profile, slot: str) -> None:
    """Words naming the kind's default material are the one exception: they draw as the default does."""
    for kind_spec in profile.kinds:
        renders = []
        for word, item in _word_specs(profile, kind_spec, slot, None):
            if word is not None and item.material_look == kind_spec.default_material and slot == "materials":
                continue
            renders.append((word, shot(item, size=96).tobytes()))
        for (a, ra), (b, rb) in itertools.combinations(renders, 2):
            assert ra != rb, (kind_spec.kind.value, a, b)


def test_all_looks_render_differently_from_each_other() -> None:
    """Every member of each look vocabulary gives its own pixels on a drawing that shows them all."""
    cases = [
        ("size_look", SizeLook, ItemKind.SHORTS),
        ("pattern_look", PatternLook, ItemKind.SCARF),
        ("material_look", MaterialLook, ItemKind.TOTE_BAG),
    ]
    for field, looks, kind in cases:
        renders = {look: shot(spec(kind, **{field: look}), size=128) for look in looks}
        for (a, ra), (b, rb) in itertools.combinations(renders.items(), 2):
            assert np.abs(ra - rb).mean() > 0.5, (a, b)


def test_check_and_leather_is_drawn_as_check_canvas_with_leather_trim() -> None:
    """The body shows the check's stripes and a sizeable leather trim in one shot; plain leather shows
    neither, and check-patterned leather no trim."""

    def ink_share(material: MaterialLook, pattern: PatternLook) -> dict[int, float]:
        item = spec(ItemKind.TOTE_BAG, material_look=material, pattern_look=pattern)
        index = np.asarray(compose(item, sample_scene(np.random.default_rng(0), 0.0), 160))
        inks = (index[index >= INK_BASE].astype(int) - INK_BASE) // SHADES
        return {ink: float((inks == ink).mean()) for ink in (P1, P2, P3, DARK)}

    both = ink_share(MaterialLook.CHECK_LEATHER, PatternLook.PLAIN)
    assert min(both[P1], both[P2], both[P3]) > 0.01 and both[DARK] > 0.15
    leather = ink_share(MaterialLook.LEATHER, PatternLook.PLAIN)
    assert leather[P1] == leather[P2] == leather[P3] == 0.0 and leather[DARK] < 0.1
    assert ink_share(MaterialLook.LEATHER, PatternLook.CHECK)[DARK] < 0.1


def test_micro_is_smaller_than_mini() -> None:
    for kind in (ItemKind.SHOULDER_BAG, ItemKind.TOTE_BAG):
        micro = np.asarray(silhouette_mask(kind, 128, size_look=SizeLook.MICRO)).astype(bool).sum()
        assert micro < np.asarray(silhouette_mask(kind, 128, size_look=SizeLook.MINI)).astype(bool).sum()


# ---------------------------------------------------------------------------------------------- the cues

# each drawn cue, with a spec that shows it and another value of it
_CUE_CHANGES = {
    "kind": (spec(ItemKind.TRENCH_COAT), ItemKind.COAT),
    "noun_shape": (spec(ItemKind.TRENCH_COAT, noun_shape="trench"), "car_coat"),
    "audience": (spec(ItemKind.TRENCH_COAT), Audience.KIDS),
    "badge": (spec(ItemKind.TRENCH_COAT), Badge.RUNWAY),
    "size_look": (spec(ItemKind.TRENCH_COAT), SizeLook.LONG),
    "pattern_look": (spec(ItemKind.TRENCH_COAT), PatternLook.HOUSE_CHECK),
    "material_look": (spec(ItemKind.TRENCH_COAT), MaterialLook.SILK),
    "detail_look": (spec(ItemKind.TRENCH_COAT), DetailLook.HOODED),
    "bag_family": (spec(ItemKind.TOTE_BAG), "Knight"),
    "line_shape": (spec(ItemKind.LIPSTICK), 2),
    "colour": (spec(ItemKind.TRENCH_COAT), Colour(name="Black", rgb=(20, 20, 20))),
    "accent": (spec(ItemKind.TOTE_BAG), Colour(name="Red", rgb=(170, 30, 40))),
}


def test_the_cue_cases_cover_every_drawn_cue() -> None:
    assert set(_CUE_CHANGES) == set(DrawnCues._fields)


@pytest.mark.parametrize(
    "cue",
    list(DrawnCues._fields),
)
def test_specs_differing_in_one_drawn_cue_render_different_pixels(cue: str) -> None:
    base, value = _CUE_CHANGES[cue]
    other = base.model_copy(update={cue: value})
    changed = [f for f, a, b in zip(DrawnCues._fields, drawn_cues(base), drawn_cues(other), strict=True) if a != b]
    assert changed == [cue]
    assert shot(base).tobytes() != shot(other).tobytes()
