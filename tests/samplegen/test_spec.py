"""The spec is the hub: one sampled ProductSpec per row, from which the row is a pure function."""

import math
import statistics
from collections import defaultdict

import pytest

from samplegen.plan import iter_plan
from samplegen.render.cues import drawn_cues
from samplegen.rows import row_of
from samplegen.spec import ProfileTables, SpecMaker, plan_specs
from samplegen.titles import TitleWriter
from schemas import BuildConfig, ItemKind, ProductSpec, Profile, SizeLook


def _with(profile: Profile, **changes) -> Profile:
    return Profile.model_validate({**profile.model_dump(mode="json"), **changes})


@pytest.fixture(scope="module")
def specs(us_profile):
    return list(plan_specs(BuildConfig(n=1500, seed=11, with_images=False), us_profile))


def test_the_row_is_a_pure_function_of_the_spec(specs, us_profile):
    for spec in specs[:300]:
        row = row_of(spec, us_profile)
        assert row == row_of(spec.model_copy(), us_profile)
        assert row["product_code"] == spec.product_code
        assert (row["full_price"], row["price"]) == (spec.full_price, spec.price)
        assert (row["category1_code"], row["category2_code"], row["category3_code"]) == (
            spec.category1,
            spec.category2,
            spec.category3,
        )
        assert row["title"].endswith(spec.shade if spec.beauty_line else spec.noun)
        # the GUID's last 12 hex digits are the image id's low 48 bits (the version bits sit above them)
        assert row["imageurl"] == "N.A." or row["imageurl"][-12:] == f"{spec.image_guid:032X}"[-12:]


def test_sampled_specs_are_valid_product_specs(specs):
    """Specs are assembled without validation (for speed); each must still pass ProductSpec's own check."""
    for spec in specs[:400]:
        assert ProductSpec.model_validate(spec.model_dump()) == spec


def test_specs_do_not_depend_on_the_order_they_are_asked_for(us_profile):
    config = BuildConfig(n=200, seed=5, with_images=False)
    plan = list(iter_plan(config, us_profile))
    forwards = SpecMaker(5, ProfileTables.of(us_profile))
    backwards = SpecMaker(5, ProfileTables.of(us_profile))
    in_order = [forwards.spec(planned) for planned in plan]
    reversed_order = [backwards.spec(planned) for planned in reversed(plan)][::-1]
    assert in_order == reversed_order == list(plan_specs(config, us_profile))


def test_the_spec_carries_the_leaf_audience_and_badge_and_the_drawing_variants(us_profile):
    data = us_profile.model_dump(mode="json")
    for kind in data["kinds"]:
        for number, noun in enumerate(kind["nouns"]):
            noun["shape"] = f"{kind['kind']}-{number}"
        for number, line in enumerate(kind["beauty_lines"]):
            line["shape"] = number + 1
    data["leaves"][0]["badge"] = "heritage"
    profile = Profile.model_validate(data)
    nouns = {(k.kind, n.word): n.shape for k in profile.kinds for n in k.nouns}
    lines = {line.line: line.shape for k in profile.kinds for line in k.beauty_lines}
    leaves = {(leaf.category1, leaf.category2, leaf.category3): leaf for leaf in profile.leaves}
    seen_badge = False
    for spec in plan_specs(BuildConfig(n=800, seed=2, with_images=False), profile):
        leaf = leaves[spec.category1, spec.category2, spec.category3]
        assert (spec.audience, spec.badge) == (leaf.audience, leaf.badge)
        assert spec.noun_shape == nouns[spec.kind, spec.noun]
        assert spec.line_shape == (lines[spec.beauty_line] if spec.beauty_line else 0)
        seen_badge |= spec.badge == "heritage"
    assert seen_badge


def test_fragrance_sizes_are_priced_and_drawn_by_size(us_profile):
    sizes = {"30ml": SizeLook.MINI, "50ml": SizeLook.SMALL, "100ml": SizeLook.REGULAR, "150ml": SizeLook.LARGE}
    by_group = defaultdict(list)
    for spec in plan_specs(BuildConfig(n=3000, seed=3, with_images=False, price_noise=0.0), us_profile):
        if spec.kind is ItemKind.FRAGRANCE:
            assert spec.size_look is sizes[spec.shade]
            by_group[spec.group].append(spec)
    several = [group for group in by_group.values() if len({s.shade for s in group}) > 1]
    assert len(several) >= 5
    for group in several:
        ordered = sorted(group, key=lambda s: int(s.shade.removesuffix("ml")))
        prices = [s.full_price for s in ordered]
        assert prices == sorted(prices) and prices[0] < prices[-1], [(s.shade, s.full_price) for s in ordered]


def test_without_price_noise_the_price_is_a_function_of_what_the_image_shows(us_profile):
    """Same drawn cues (kind, noun, every title word, beauty line and shade, leaf) → same price."""
    prices = defaultdict(set)
    for spec in plan_specs(BuildConfig(n=3040, seed=0, with_images=False, price_noise=0.0), us_profile):
        key = (
            drawn_cues(spec)[:-2],
            spec.noun,
            tuple(spec.title_words().values()),
            spec.beauty_line,
            spec.shade,
            spec.category1,
            spec.category2,
            spec.category3,
        )
        prices[key].add(spec.full_price)
    assert max(len(values) for values in prices.values()) == 1
    assert sum(len(values) for values in prices.values()) < 3040  # keys do repeat: the check is not empty


@pytest.mark.parametrize("noise", [0.1, 0.3])
def test_price_noise_is_the_spread_of_price_within_a_title(us_profile, noise):
    by_key = defaultdict(dict)
    for spec in plan_specs(BuildConfig(n=3040, seed=1, with_images=False, price_noise=noise), us_profile):
        if spec.beauty_line is None and spec.full_price >= 1000:  # well above the retail step (10)
            key = (TitleWriter(us_profile).title(spec), spec.category1, spec.category2, spec.category3)
            by_key[key][spec.group] = math.log(spec.full_price)
    deviations = []
    for logs in by_key.values():
        if len(logs) > 1:
            centre = statistics.fmean(logs.values())
            deviations += [(value - centre) ** 2 * len(logs) / (len(logs) - 1) for value in logs.values()]
    assert len(deviations) > 50
    assert math.sqrt(statistics.fmean(deviations)) == pytest.approx(noise, rel=0.25)


def test_the_profile_price_noise_is_the_default(us_profile):
    quiet = _with(us_profile, price_noise=0.0)
    config = BuildConfig(n=400, seed=4, with_images=False)
    assert [s.full_price for s in plan_specs(config, quiet)] == [
        s.full_price for s in plan_specs(config.model_copy(update={"price_noise": 0.0}), us_profile)
    ]
    assert [s.full_price for s in plan_specs(config, quiet)] != [s.full_price for s in plan_specs(config, us_profile)]


def test_old_profiles_with_price_sigma_get_a_clear_error(us_profile):
    data = us_profile.model_dump(mode="json")
    data["kinds"][0]["price_sigma"] = 0.3
    data["kinds"][3]["price_sigma"] = 0.3
    with pytest.raises(
        ValueError,
        match="kinds trench_coat, puffer_jacket set price_sigma, which is no longer read: "
        "the hidden price spread is the profile's price_noise",
    ):
        Profile.model_validate(data)


def test_specs_are_assembled_as_model_construct_makes_them(specs):
    """The fast assembly sets exactly what `model_construct` sets (a pydantic upgrade that changes that
    fails here, not in a build)."""
    from samplegen.spec import assemble_spec

    for spec in specs[:50]:
        fields = {name: getattr(spec, name) for name in ProductSpec.model_fields}
        fast, slow = assemble_spec(dict(fields)), ProductSpec.model_construct(**fields)
        assert fast == slow and repr(fast) == repr(slow)
        assert fast.model_fields_set == slow.model_fields_set
        assert (fast.__pydantic_extra__, fast.__pydantic_private__) == (
            slow.__pydantic_extra__,
            slow.__pydantic_private__,
        )
        assert fast.model_dump_json() == slow.model_dump_json()
        assert fast.model_copy(update={"variant": 3}).variant == 3


def test_a_restarted_generator_draws_what_a_new_stream_draws():
    from samplegen.sampling import restart, stream

    reused = stream(0, "other")
    reused.gauss(0.0, 1.0)  # leaves a cached normal behind: restarting must drop it
    for group in (0, 7, 123_456):
        fresh = stream(9, "product", group)
        again = restart(reused, 9, "product", group)
        assert [again.gauss(0.0, 1.0), again.random(), again.getrandbits(128)] == [
            fresh.gauss(0.0, 1.0),
            fresh.random(),
            fresh.getrandbits(128),
        ]


def test_beauty_shades_are_drawn_as_sampling_the_shades_draws_them(us_profile):
    """Shade indices drawn with `random.sample` pick what sampling the shade list picks, with the same draws."""
    import random

    line = next(line for kind in us_profile.kinds for line in kind.beauty_lines if len(line.shades) > 4)
    for seed in range(20):
        by_index, by_shade = random.Random(seed), random.Random(seed)
        picks = by_index.sample(range(len(line.shades)), k=4)
        assert [line.shades[pick] for pick in picks] == by_shade.sample(line.shades, k=4)
        assert by_index.random() == by_shade.random()
