"""A build's shots: colour variants share their product's set-up, and no image depends on call order."""

import pytest

from samplegen.render import shots as shots_module
from samplegen.render.palette import N_INKS, SHADES, ink_entries_many
from samplegen.render.renderer import ink_key
from samplegen.render.scene import TONE_DRAWS
from samplegen.render.shots import ProductShots
from samplegen.sampling import uniform_draws
from samplegen.spec import plan_specs
from schemas import BuildConfig

TONE_FIELDS = ("bg_top", "bg_bottom", "contrast", "warmth", "shadow_strength")
SET_UP_FIELDS = ("bg_style", "light", "shadow_softness", "angle", "flip", "offset", "phase")


@pytest.fixture(scope="module")
def specs(us_profile):
    return list(plan_specs(BuildConfig(n=120, seed=4), us_profile))


def test_variants_share_the_set_up_and_draw_their_own_tones(specs):
    shots = ProductShots(4, 96)
    by_group = {}
    for spec in specs:
        by_group.setdefault(spec.group, []).append(shots.scene(spec))
    families = [scenes for scenes in by_group.values() if len(scenes) >= 2]
    assert len(families) >= 10
    for scenes in families:
        for field in SET_UP_FIELDS:
            assert len({getattr(scene, field) for scene in scenes}) == 1, field
    assert any(len({tuple(getattr(s, f) for f in TONE_FIELDS) for s in scenes}) > 1 for scenes in families)
    first_scenes = [scenes[0] for scenes in by_group.values()]
    assert len({(s.angle, s.offset) for s in first_scenes}) == len(first_scenes)  # products differ


def test_a_shot_never_depends_on_the_rows_before_it(specs):
    in_order = [ProductShots(4, 96).render(spec) for spec in specs]  # fresh renderer: nothing reused
    shared = ProductShots(4, 96)
    in_plan_order = [shared.render(spec) for spec in specs]  # variants reuse their product's drawing
    backwards = ProductShots(4, 96)
    reversed_order = [backwards.render(spec) for spec in reversed(specs)][::-1]
    for alone, reused, backward in zip(in_order, in_plan_order, reversed_order, strict=True):
        assert alone.tobytes() == reused.tobytes() == backward.tobytes()
    assert len({image.tobytes() for image in in_plan_order}) == len(specs)  # no two images are the same


def test_uniform_draws_are_keyed_and_in_range():
    draws = uniform_draws(1, 3, 5, 2, count=16)
    assert draws == uniform_draws(1, 3, 5, 2, count=16)
    assert draws != uniform_draws(1, 3, 5, 3, count=16)
    assert draws[: len(TONE_DRAWS)] != uniform_draws(2, 3, 5, 2, count=len(TONE_DRAWS))
    assert all(0.0 <= value < 1.0 for value in draws)
    with pytest.raises(ValueError, match="count must be between 1 and 16"):
        uniform_draws(1, 3, count=17)


def test_preparing_rows_together_gives_the_same_images_as_one_by_one(specs):
    one_by_one = ProductShots(4, 96)
    alone = [one_by_one.render(spec) for spec in specs[:40]]
    batched = ProductShots(4, 96)
    together = [batched.draw(shot) for shot in batched.prepare(specs[:40])]
    assert [image.tobytes() for image in together] == [image.tobytes() for image in alone]


def test_palettes_of_many_keys_at_once_equal_each_key_alone(specs):
    shots = ProductShots(4, 96)
    keys = [ink_key(spec, shots.scene(spec)) for spec in specs[:30]]
    together = ink_entries_many(keys)
    assert together == [ink_entries_many([key])[0] for key in keys]
    assert all(len(entries) == 3 * N_INKS * SHADES for entries in together)
    assert len(set(together)) > len(keys) // 2  # colourways and lights differ from row to row
    assert ink_entries_many([]) == [] and ProductShots(4, 96).prepare([]) == []


def test_drawing_many_gives_each_shot_as_drawing_it_alone(specs, monkeypatch):
    alone = ProductShots(4, 96)
    expected = [alone.draw(shot).tobytes() for shot in alone.prepare(specs[:40])]
    monkeypatch.setattr(shots_module, "CANVAS_BUDGET", 3 * 96 * 96)  # batches of 3 rows, variants split
    many = ProductShots(4, 96)
    drawn = many.draw_many(many.prepare(specs[:40]))
    assert [image.tobytes() for image in drawn] == expected
    assert list(many.draw_many([])) == []
