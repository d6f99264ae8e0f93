"""Tests for samplegen.render: shape and mode, determinism, cache independence, silhouettes, size cues."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from samplegen.render import MAX_SIZE, MIN_SIZE, clear_caches, render_product, silhouette_mask
from schemas.looks import DetailLook, ItemKind, MaterialLook, PatternLook, SizeLook
from schemas.product import Colour, ProductSpec

BLACK = Colour(name="Black", rgb=(20, 20, 20))
BEIGE = Colour(name="Archive Beige", rgb=(196, 170, 128))
GOLD = Colour(name="Gold", rgb=(200, 170, 90))


def make_spec(
    kind: ItemKind = ItemKind.TOTE_BAG,
    pattern: PatternLook = PatternLook.PLAIN,
    material: MaterialLook = MaterialLook.COTTON,
    detail: DetailLook = DetailLook.NONE,
    size: SizeLook = SizeLook.REGULAR,
    colour: Colour = BEIGE,
    accent: Colour = GOLD,
    family: str | None = None,
) -> ProductSpec:
    return ProductSpec(
        group=0,
        variant=0,
        category1="WOMAN",
        category2="BAGS",
        category3="TOTES",
        kind=kind,
        noun="Item",
        pattern_look=pattern,
        material_look=material,
        detail_look=detail,
        size_look=size,
        colour=colour,
        accent=accent,
        bag_family=family,
    )


def render(spec: ProductSpec, seed: int = 0, size: int = 128) -> Image.Image:
    return render_product(spec, np.random.default_rng(seed), size)


def pixels(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.int16)


# ------------------------------------------------------------------------------------------ size and mode


@pytest.mark.parametrize("kind", list(ItemKind))
def test_every_kind_renders_at_64_and_512(kind: ItemKind) -> None:
    for size in (64, 512):
        img = render(make_spec(kind), seed=3, size=size)
        assert isinstance(img, Image.Image)
        assert img.mode == "RGB"
        assert img.size == (size, size)


def test_odd_and_extreme_sizes() -> None:
    spec = make_spec(ItemKind.TRENCH_COAT, PatternLook.CHECK)
    for size in (MIN_SIZE, 99, 333, MAX_SIZE):
        assert render(spec, size=size).size == (size, size)


@pytest.mark.parametrize("size", [0, 63, 2049, 512.0, True, "512"])
def test_invalid_size_is_rejected(size) -> None:
    with pytest.raises(ValueError):
        render_product(make_spec(), np.random.default_rng(0), size)


def test_all_looks_and_families_render() -> None:
    """Every pattern, material, detail, size cue and bag family draws without error."""
    families = [None, "Lola", "Frances", "Shield", "Knight", "Ainsworth", "Rose", "Something Else"]
    kinds = list(ItemKind)
    looks = itertools.zip_longest(PatternLook, MaterialLook, DetailLook, SizeLook, families)
    for i, (pattern, material, detail, size_look, family) in enumerate(looks):
        spec = make_spec(
            kinds[(i * 7) % len(kinds)],
            pattern or PatternLook.CHECK,
            material or MaterialLook.WOOL,
            detail or DetailLook.NONE,
            size_look or SizeLook.REGULAR,
            family=family,
        )
        assert render(spec, seed=i, size=96).size == (96, 96)


# ----------------------------------------------------------------------------------------- determinism


def test_same_spec_and_seed_give_identical_bytes() -> None:
    spec = make_spec(ItemKind.SHOULDER_BAG, PatternLook.MONOGRAM, MaterialLook.LEATHER, family="Lola")
    assert render(spec, seed=11, size=256).tobytes() == render(spec, seed=11, size=256).tobytes()


def test_output_depends_only_on_rng_state() -> None:
    spec = make_spec(ItemKind.SNEAKER)
    rng = np.random.default_rng(5)
    rng.random(3)
    twin = np.random.default_rng(5)
    twin.random(3)
    assert render_product(spec, rng, 128).tobytes() == render_product(spec, twin, 128).tobytes()


def test_rng_is_advanced() -> None:
    rng = np.random.default_rng(1)
    before = rng.bit_generator.state
    render_product(make_spec(), rng, 64)
    assert rng.bit_generator.state != before


def test_different_seeds_give_different_pixels() -> None:
    spec = make_spec(ItemKind.COAT, PatternLook.CHECK, MaterialLook.WOOL)
    images = [render(spec, seed=s) for s in range(6)]
    for a, b in itertools.combinations(images, 2):
        assert a.tobytes() != b.tobytes()


def test_no_two_of_many_renders_are_identical() -> None:
    spec = make_spec(ItemKind.T_SHIRT)
    digests = {render(spec, seed=s, size=64).tobytes() for s in range(40)}
    assert len(digests) == 40


def test_pattern_changes_pixels() -> None:
    images = {p: render(make_spec(ItemKind.SCARF, p), seed=2) for p in PatternLook}
    for (pa, a), (pb, b) in itertools.combinations(images.items(), 2):
        assert a.tobytes() != b.tobytes(), (pa, pb)


def test_check_variants_are_visibly_different() -> None:
    checks = [p for p in PatternLook if p.value.endswith("check")]
    images = {p: pixels(render(make_spec(ItemKind.SCARF, p), seed=2, size=256)) for p in checks}
    for (pa, a), (pb, b) in itertools.combinations(images.items(), 2):
        assert np.abs(a - b).mean() > 3.0, (pa, pb)


def test_colour_changes_pixels() -> None:
    a = render(make_spec(ItemKind.TOTE_BAG, colour=BEIGE), seed=4)
    b = render(make_spec(ItemKind.TOTE_BAG, colour=BLACK), seed=4)
    assert np.abs(pixels(a) - pixels(b)).mean() > 5.0


def test_material_and_family_change_pixels() -> None:
    base = make_spec(ItemKind.SHOULDER_BAG, material=MaterialLook.LEATHER)
    assert (
        render(base, seed=1).tobytes()
        != render(make_spec(ItemKind.SHOULDER_BAG, material=MaterialLook.SUEDE), seed=1).tobytes()
    )
    lola = make_spec(ItemKind.SHOULDER_BAG, family="Lola")
    shield = make_spec(ItemKind.SHOULDER_BAG, family="Shield")
    assert render(lola, seed=1).tobytes() != render(shield, seed=1).tobytes()


# ------------------------------------------------------------------------------------------------ caches


def test_cache_does_not_affect_output() -> None:
    a = make_spec(ItemKind.TRENCH_COAT, PatternLook.VINTAGE_CHECK, MaterialLook.GABARDINE, DetailLook.BELTED)
    b = make_spec(ItemKind.BACKPACK, PatternLook.CAMOUFLAGE, MaterialLook.NYLON, DetailLook.ZIP)
    first = render(a, seed=9, size=200).tobytes()
    render(b, seed=9, size=200)
    render(b, seed=10, size=300)
    third = render(a, seed=9, size=200).tobytes()
    assert first == third


def test_cleared_caches_give_the_same_output() -> None:
    spec = make_spec(ItemKind.QUILTED_JACKET, PatternLook.EKD, MaterialLook.CASHMERE, DetailLook.HOODED)
    warm = render(spec, seed=8, size=160).tobytes()
    clear_caches()
    assert render(spec, seed=8, size=160).tobytes() == warm


# ------------------------------------------------------------------------------------------- silhouettes


def _mask(kind: ItemKind, size: int = 96, size_look: SizeLook = SizeLook.REGULAR) -> np.ndarray:
    return np.asarray(silhouette_mask(kind, size, size_look=size_look)) > 0


def test_silhouette_mask_matches_render_size() -> None:
    m = silhouette_mask(ItemKind.BOOT, 80)
    assert m.mode == "L" and m.size == (80, 80)
    assert 0.05 < (np.asarray(m) > 0).mean() < 0.9


def test_silhouettes_differ_between_kinds() -> None:
    """No two kinds draw near-identical foreground masks (intersection over union < 0.92)."""
    masks = {k: _mask(k) for k in ItemKind}
    for (ka, a), (kb, b) in itertools.combinations(masks.items(), 2):
        iou = (a & b).sum() / (a | b).sum()
        assert iou < 0.92, (ka, kb, iou)


def test_render_foreground_follows_the_silhouette() -> None:
    """The rendered item sits where its mask says: pixels inside differ from the backdrop around them."""
    spec = make_spec(ItemKind.CLUTCH, colour=BLACK)
    img = pixels(render(spec, seed=0, size=128)).mean(axis=2)
    mask = _mask(ItemKind.CLUTCH, 128)
    assert img[mask].mean() < img[~mask].mean() - 80


@pytest.mark.parametrize("kind", list(ItemKind))
def test_mini_is_smaller_than_large_and_oversized(kind: ItemKind) -> None:
    mini = _mask(kind, 128, SizeLook.MINI).sum()
    regular = _mask(kind, 128, SizeLook.REGULAR).sum()
    assert mini < regular
    assert mini < _mask(kind, 128, SizeLook.LARGE).sum()
    assert mini < _mask(kind, 128, SizeLook.OVERSIZED).sum()


def test_length_cues_change_garment_length() -> None:
    def height(size_look: SizeLook) -> int:
        rows = np.nonzero(_mask(ItemKind.TROUSERS, 128, size_look).any(axis=1))[0]
        return int(rows[-1] - rows[0])

    assert height(SizeLook.CROPPED) < height(SizeLook.REGULAR)


def test_detail_cues_change_the_drawing() -> None:
    base = render(make_spec(ItemKind.COAT), seed=5).tobytes()
    for detail in (
        DetailLook.HOODED,
        DetailLook.BELTED,
        DetailLook.ZIP,
        DetailLook.SHORT_SLEEVE,
        DetailLook.REVERSIBLE,
    ):
        assert render(make_spec(ItemKind.COAT, detail=detail), seed=5).tobytes() != base, detail


def test_reseeded_generator_gives_the_same_stream_as_a_new_one() -> None:
    from samplegen.sampling import RENDER_STREAM, numpy_stream, reseed

    shared = numpy_stream(7, RENDER_STREAM)
    for group, variant in ((0, 0), (3, 1), (31, 0), (3, 10)):
        fresh = numpy_stream(7, RENDER_STREAM, group, variant).random(16)
        assert (reseed(shared, 7, RENDER_STREAM, group, variant).random(16) == fresh).all()
    assert (numpy_stream(7, RENDER_STREAM, 3, 1).random(4) != numpy_stream(7, RENDER_STREAM, 31).random(4)).all()


def test_specs_with_the_same_drawn_cues_render_the_same_pixels():
    """Title words, prices and codes reach the image only through the drawn cues."""
    from samplegen.render.cues import drawn_cues

    base = make_spec(kind=ItemKind.TRENCH_COAT, pattern=PatternLook.CHECK)
    other = base.model_copy(
        update={
            "noun": "Another Noun",
            "material": "Another Material",
            "product_code": 80000001,
            "image_guid": 12345,
            "full_price": 999.0,
            "price": 900.0,
            "group": 7,
            "variant": 2,
            "category2": "SOMEWHERE ELSE",
        }
    )
    assert drawn_cues(base) == drawn_cues(other)
    first = render_product(base, np.random.default_rng(3), 96)
    second = render_product(other, np.random.default_rng(3), 96)
    assert first.tobytes() == second.tobytes()
