"""Audience, size words, the fixed size reference and collection badges are visible in the shot."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from samplegen.render import render_product, silhouette_mask
from samplegen.render.badges import GLYPHS, TAG_CORNER, TAG_SIDE, missing_badges
from samplegen.render.frame import BOTTOM, frame
from samplegen.render.palette import BLACK, ink_value
from samplegen.render.renderer import compose, max_angle
from samplegen.render.scene import N_RANDOM, scene_from
from schemas.looks import Audience, Badge, ItemKind, PatternLook, SizeLook
from tests.render.test_render import make_spec

GARMENTS = [ItemKind.TRENCH_COAT, ItemKind.COAT, ItemKind.JACKET, ItemKind.SHIRT, ItemKind.DRESS, ItemKind.TROUSERS]


def area(
    kind: ItemKind,
    size_look: SizeLook = SizeLook.REGULAR,
    audience: Audience = Audience.WOMAN,
    size: int | tuple[int, int] = 160,
) -> int:
    return int((np.asarray(silhouette_mask(kind, size, size_look=size_look, audience=audience)) > 0).sum())


def box(kind: ItemKind, audience: Audience, size: int = 160) -> tuple[int, int]:
    """Width and height of the item's mask."""
    mask = np.asarray(silhouette_mask(kind, size, audience=audience)) > 0
    cols, rows = np.nonzero(mask.any(axis=0))[0], np.nonzero(mask.any(axis=1))[0]
    return int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1)


def scene(seed: int, kind: ItemKind):
    return scene_from(np.random.default_rng(seed).random(N_RANDOM).tolist(), max_angle(kind))


# ------------------------------------------------------------------------------------------- size words


@pytest.mark.parametrize(
    "kind",
    [
        ItemKind.TOTE_BAG,
        ItemKind.SHOULDER_BAG,
        ItemKind.BACKPACK,
        ItemKind.BRIEFCASE,
        ItemKind.TRENCH_COAT,
        ItemKind.SNEAKER,
        ItemKind.BOOT,
        ItemKind.WALLET,
    ],
)
@pytest.mark.parametrize("audience", list(Audience))
def test_mask_area_orders_by_size_word(kind, audience):
    """Mini < Small < Medium < regular < Large, with no clamping to the frame in between."""
    looks = [SizeLook.MINI, SizeLook.SMALL, SizeLook.MEDIUM, SizeLook.REGULAR, SizeLook.LARGE]
    areas = [area(kind, look, audience) for look in looks]
    assert areas == sorted(areas) and len(set(areas)) == len(areas), dict(zip(looks, areas, strict=True))


def test_the_same_item_is_the_same_size_in_every_scene():
    """No random scale: two scenes of one product draw the same number of item pixels (up to tilt)."""
    spec = make_spec(ItemKind.CLUTCH, colour=make_spec().colour.model_copy(update={"rgb": (20, 20, 20)}))
    counts = []
    for seed in range(6):
        sc = scene(seed, spec.kind)._replace(angle=0.0)
        index = np.asarray(compose(spec, sc, 160))
        counts.append(int((index >= ink_value(0)).sum()))
    assert max(counts) - min(counts) <= 0.03 * max(counts), counts  # a random scale moved it by up to 25%


# ----------------------------------------------------------------------------------------------- audience


@pytest.mark.parametrize("kind", list(ItemKind))
def test_kids_items_are_smaller_than_adult_ones(kind):
    kids = area(kind, audience=Audience.KIDS)
    assert kids < 0.7 * area(kind, audience=Audience.WOMAN)
    assert kids < 0.7 * area(kind, audience=Audience.MAN)


@pytest.mark.parametrize("kind", GARMENTS)
def test_kids_garments_are_shorter_and_rounder(kind):
    kid_w, kid_h = box(kind, Audience.KIDS)
    adult_w, adult_h = box(kind, Audience.WOMAN)
    assert kid_h / kid_w < 0.9 * adult_h / adult_w


@pytest.mark.parametrize("kind", GARMENTS + [ItemKind.SHORTS, ItemKind.LOAFER, ItemKind.SNEAKER])
def test_women_and_men_are_cut_differently(kind):
    woman = np.asarray(silhouette_mask(kind, 160, audience=Audience.WOMAN)) > 0
    man = np.asarray(silhouette_mask(kind, 160, audience=Audience.MAN)) > 0
    assert (woman & man).sum() / (woman | man).sum() < 0.93


@pytest.mark.parametrize("kind", [ItemKind.TRENCH_COAT, ItemKind.COAT, ItemKind.BLAZER, ItemKind.DRESS])
def test_mens_cut_is_broader_and_womens_has_a_waist_and_a_flared_hem(kind):
    def widths(audience: Audience) -> list[int]:
        """Item pixels across the rows at the shoulders, the waist and the hem."""
        mask = np.asarray(silhouette_mask(kind, 200, audience=audience)) > 0
        rows = np.nonzero(mask.any(axis=1))[0]
        return [int(mask[rows[0] + int(t * (len(rows) - 1))].sum()) for t in (0.12, 0.45, 0.97)]

    (w_shoulder, w_waist, w_hem), (m_shoulder, m_waist, m_hem) = widths(Audience.WOMAN), widths(Audience.MAN)
    assert m_shoulder > w_shoulder and m_waist > w_waist
    assert w_hem > m_hem


@pytest.mark.parametrize("kind", [ItemKind.TOTE_BAG, ItemKind.SCARF, ItemKind.WALLET, ItemKind.FRAGRANCE])
def test_items_alike_for_women_and_men_are_drawn_alike(kind):
    assert area(kind, audience=Audience.WOMAN) == area(kind, audience=Audience.MAN)


def test_audience_changes_the_pixels():
    base = make_spec(ItemKind.TRENCH_COAT, PatternLook.CHECK)
    images = {
        a: render_product(base.model_copy(update={"audience": a}), np.random.default_rng(2), 96).tobytes()
        for a in Audience
    }
    assert len(set(images.values())) == len(Audience)


# ---------------------------------------------------------------------------------------------- reference


def _ruler(index: np.ndarray, size: int) -> np.ndarray:
    """The mark-ink pixels of the band below the item area."""
    band = index[size - int(BOTTOM * size) + 1 :]
    return band == ink_value(BLACK) + 6


@pytest.mark.parametrize("size", [64, 200, 512])
def test_the_reference_is_the_same_in_every_shot(size):
    shots = [
        (make_spec(ItemKind.TRENCH_COAT, PatternLook.CHECK, size=SizeLook.LONG), 1),
        (make_spec(ItemKind.CLUTCH, size=SizeLook.MINI), 2),
        (make_spec(ItemKind.BOOT, PatternLook.MONOGRAM).model_copy(update={"audience": Audience.KIDS}), 3),
        (make_spec(ItemKind.BLANKET, PatternLook.HOUSE_CHECK), 4),
    ]
    rulers = [_ruler(np.asarray(compose(spec, scene(seed, spec.kind), size)), size) for spec, seed in shots]
    assert rulers[0].sum() > 0
    for other in rulers[1:]:
        assert (other == rulers[0]).all()


def test_the_reference_scales_with_the_image():
    small = _ruler(np.asarray(compose(make_spec(), scene(0, ItemKind.TOTE_BAG), 128)), 128)
    large = _ruler(np.asarray(compose(make_spec(), scene(0, ItemKind.TOTE_BAG), 512)), 512)
    small_len = np.ptp(np.nonzero(small.any(axis=0))[0])
    large_len = np.ptp(np.nonzero(large.any(axis=0))[0])
    assert abs(large_len / small_len - 4.0) < 0.15


def test_items_never_cover_the_reference():
    """The largest size cues of the largest kinds stay above the ruler's band."""
    for kind in ItemKind:
        for look in (SizeLook.LARGE, SizeLook.LONG, SizeLook.OVERSIZED):
            mask = np.asarray(silhouette_mask(kind, 200, size_look=look, audience=Audience.MAN)) > 0
            assert not mask[200 - int(BOTTOM * 200) + 1 :].any(), (kind, look)


# ------------------------------------------------------------------------------------------------- badges


def test_every_badge_has_a_glyph():
    assert missing_badges() == []
    assert Badge.NONE not in GLYPHS


def _corner(size: int) -> slice:
    return slice(0, int((TAG_CORNER + TAG_SIDE) * size) + 2)


def test_badges_draw_only_in_the_corner_and_differ():
    size = 128
    spec = make_spec(ItemKind.WALLET, PatternLook.CHECK)
    sc = scene(5, spec.kind)
    plain = np.asarray(compose(spec, sc, size))
    corner = _corner(size)
    tags = {}
    for badge in Badge:
        index = np.asarray(compose(spec.model_copy(update={"badge": badge}), sc, size))
        outside = index.copy()
        outside[corner, corner] = plain[corner, corner]
        assert (outside == plain).all(), badge
        tags[badge] = index[corner, corner]
    for (a, ta), (b, tb) in itertools.combinations(tags.items(), 2):
        assert (ta != tb).any(), (a, b)


def test_badge_glyphs_are_told_apart_at_64_pixels():
    """Glyph masks at the smallest image size overlap little (intersection over union < 0.75)."""
    size = 64
    masks = {}
    for badge in GLYPHS:
        index = np.asarray(
            compose(
                make_spec(ItemKind.CARD_CASE).model_copy(update={"badge": badge}), scene(0, ItemKind.CARD_CASE), size
            )
        )
        masks[badge] = index[_corner(size), _corner(size)] == ink_value(BLACK) + 6
    for (a, ma), (b, mb) in itertools.combinations(masks.items(), 2):
        assert (ma & mb).sum() / (ma | mb).sum() < 0.75, (a, b)


# ----------------------------------------------------------------------------------------- W x H frames


@pytest.mark.parametrize("dims", [(128, 160), (160, 128), (64, 200)])
def test_non_square_shots_have_the_asked_size_and_are_deterministic(dims):
    spec = make_spec(ItemKind.COAT, PatternLook.VINTAGE_CHECK).model_copy(update={"badge": Badge.RUNWAY})
    first = render_product(spec, np.random.default_rng(4), dims)
    assert first.size == dims
    assert render_product(spec, np.random.default_rng(4), dims).tobytes() == first.tobytes()


@pytest.mark.parametrize("dims", [(128, 160), (160, 128)])
def test_a_longer_side_only_adds_backdrop(dims):
    """The item, the reference and the badge stand in the centred square, as in a square shot."""
    fr = frame(*dims)
    square = np.asarray(silhouette_mask(ItemKind.TRENCH_COAT, 128)) > 0
    wide = np.asarray(silhouette_mask(ItemKind.TRENCH_COAT, dims)) > 0
    assert (wide[fr.top : fr.top + 128, fr.left : fr.left + 128] == square).all()
    assert wide.sum() == square.sum()


@pytest.mark.parametrize("size", [(64, 63), (0, 0), (512.0, 512), (1, 2, 3), "512x640", [512, 640], (True, 64)])
def test_invalid_dimensions_are_rejected(size):
    with pytest.raises(ValueError):
        render_product(make_spec(), np.random.default_rng(0), size)
