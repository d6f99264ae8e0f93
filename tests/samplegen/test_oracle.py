"""The learnability oracle: it reads exactly the drawn cues, and scores what they carry, no more, no less."""

import numpy as np
import pytest

from samplegen import oracle_keys
from samplegen.ceiling_figures import CeilingTally, shared_noun_rows
from samplegen.oracle import Observation, Oracle, TitleWords, observe, tercile
from samplegen.plan import iter_plan
from samplegen.profiles import load_profile
from samplegen.render.cues import DrawnCues
from samplegen.rows import row_of
from samplegen.spec import ProfileTables, SpecMaker
from samplegen.titles import TitleWriter
from schemas import Audience, Badge, BuildConfig, DetailLook, ItemKind, MaterialLook, PatternLook, SizeLook

GREY, RED = (128, 128, 128), (200, 20, 20)
TITLES = TitleWriter(load_profile("us"))


def cues(
    kind=ItemKind.SCARF,
    *,
    noun_shape=None,
    audience=Audience.WOMAN,
    pattern=PatternLook.PLAIN,
    colour=GREY,
    accent=GREY,
    line_shape=0,
) -> DrawnCues:
    return DrawnCues(
        kind,
        noun_shape,
        audience,
        Badge.NONE,
        SizeLook.REGULAR,
        pattern,
        MaterialLook.COTTON,
        DetailLook.NONE,
        None,
        line_shape,
        colour,
        accent,
    )


def seen(drawn: DrawnCues, category3: str, price: float, *, noun="Scarf", pattern=None, line=None, shade=None):
    words = TitleWords(None, None, pattern, None, None, noun, line, shade)
    title = f"{line} – {shade}" if line else " ".join(word for word in (pattern, noun) if word)
    return Observation(drawn, words, category3, title, price)


def test_every_drawn_cue_is_read_or_named_as_ignored():
    """A cue the renderer starts to draw must reach the oracle (or be named as meaningless)."""
    assert sorted((*oracle_keys.TITLE[0], *oracle_keys.IGNORED)) == sorted(DrawnCues._fields)
    chains = [oracle_keys.CATEGORY3, oracle_keys.TITLE, *oracle_keys.WORDS.values(), oracle_keys.PRICE_GROUPS]
    assert {name for chain in chains for key in chain for name in key} <= set(DrawnCues._fields)
    assert set(oracle_keys.WORDS) == set(TitleWords._fields)


def test_answers_that_the_cues_decide_are_all_right():
    kinds = [ItemKind.SCARF, ItemKind.BELT, ItemKind.WALLET]
    patterns = [(PatternLook.PLAIN, None, 1.0), (PatternLook.CHECK, "Check", 1.3), (PatternLook.ROSE, "Rose", 1.7)]
    rows = [  # nine price levels, each price a product of a kind's and a pattern's factor
        seen(
            cues(kind, pattern=look, accent=(i, i, i)),
            kind.value.upper(),
            base * factor,
            noun=kind.value.title(),
            pattern=word,
        )
        for i in range(4)
        for kind, base in zip(kinds, (100.0, 250.0, 600.0), strict=True)
        for look, word, factor in patterns
    ]
    scores = Oracle(rows, TITLES).score(rows)
    assert scores.category3_accuracy == 1.0
    assert scores.title_exact == 1.0
    assert scores.price_within_10pct == 1.0
    assert scores.price_tercile_accuracy == 1.0


def test_answers_no_cue_tells_apart_score_the_majority_share():
    drawn = cues()
    train = [seen(drawn, "SCARVES", 500.0)] * 3 + [seen(drawn, "GIFTS", 500.0)]
    test = [seen(drawn, "SCARVES", 500.0), seen(drawn, "GIFTS", 500.0)]
    scores = Oracle(train, TITLES).score(test)
    assert scores.category3_accuracy == 0.5
    assert Oracle(train, TITLES).category3(drawn) == "SCARVES"


def test_a_drawing_train_never_showed_gets_its_title_word_by_word():
    train = [
        seen(cues(pattern=PatternLook.CHECK), "S", 100.0, pattern="Check"),
        seen(cues(ItemKind.BELT), "B", 100.0, noun="Belt"),
    ]
    oracle = Oracle(train, TITLES)
    assert oracle.title(cues(ItemKind.BELT, pattern=PatternLook.CHECK)) == "Check Belt"


def test_accent_colour_names_nothing_but_a_beauty_colour_names_its_shade():
    line = "Burberry Kisses"
    train = [
        seen(cues(ItemKind.LIPSTICK, colour=RED), "LIPS", 40.0, noun="Lipstick", line=line, shade="Red No.1"),
        seen(cues(ItemKind.LIPSTICK, colour=GREY), "LIPS", 40.0, noun="Lipstick", line=line, shade="Grey No.2"),
        seen(cues(accent=RED), "SCARVES", 500.0, pattern="Check"),
    ]
    oracle = Oracle(train, TITLES)
    assert oracle.title(cues(ItemKind.LIPSTICK, colour=RED, accent=GREY)) == "Burberry Kisses – Red No.1"
    assert oracle.title(cues(ItemKind.LIPSTICK, colour=GREY)) == "Burberry Kisses – Grey No.2"
    # a scarf's colours are not part of its title: another accent and colour read the same
    assert oracle.title(cues(colour=RED, accent=GREY)) == "Check Scarf"


def test_ties_go_to_the_answer_train_showed_first():
    drawn = cues()
    first = Oracle([seen(drawn, "A", 1.0), seen(drawn, "B", 1.0)], TITLES)
    second = Oracle([seen(drawn, "B", 1.0), seen(drawn, "A", 1.0)], TITLES)
    assert (first.category3(drawn), second.category3(drawn)) == ("A", "B")


def test_terciles_split_at_the_train_thirds():
    assert [tercile(price, (10.0, 20.0)) for price in (5.0, 10.0, 15.0, 20.0, 25.0)] == [0, 0, 1, 1, 2]
    assert tercile(np.float64(25.0), (np.float64(10.0), np.float64(20.0))) == 2  # numpy bools do not add up


def test_shared_noun_rows_counts_rows_whose_noun_is_drawn_like_another():
    rows = [
        seen(cues(), "S", 1.0, noun="Scarf"),
        seen(cues(), "S", 1.0, noun="Bandana"),
        seen(cues(noun_shape="stole"), "S", 1.0, noun="Stole"),
        seen(cues(ItemKind.BELT), "B", 1.0, noun="Belt"),
    ]
    assert shared_noun_rows(rows) == 2


def generated(n: int, seed: int, change=None) -> CeilingTally:
    """The observations of a real build (no images), optionally with changed specs."""
    profile = load_profile("us")
    config = BuildConfig(n=n, seed=seed, with_images=False)
    tables = ProfileTables.of(profile)
    maker = SpecMaker(seed, tables)
    tally = CeilingTally(list(config.splits), tables.titles)
    for planned in iter_plan(config, profile):
        spec = maker.spec(planned)
        row = row_of(spec, profile, tables.titles)
        if change is not None:
            spec = spec.model_copy(update=change(spec, profile.leaves[planned.leaf]))
        tally.add(planned.split, observe(spec, row))
    return tally


@pytest.fixture(scope="module")
def default_tally():
    return generated(3040, 0)


def test_ceiling_of_a_default_build_is_high_only_where_the_image_tells(default_tally):
    ceiling = default_tally.result()
    assert (ceiling.train_rows, ceiling.test_rows, ceiling.observed_rows) == (2736, 304, 3040)
    # the item kind is drawn, so most categories are readable; what the image does not show caps the rest
    assert 0.5 < ceiling.category3_accuracy < 1.0
    assert 0.0 < ceiling.title_exact < ceiling.category3_accuracy
    assert 0.0 < ceiling.price_within_10pct < 1.0 and ceiling.price_mape > 0.05


def test_a_cue_hidden_from_the_images_lowers_the_ceiling(default_tally):
    base = default_tally.result()
    one_audience = generated(3040, 0, lambda spec, leaf: {"audience": Audience.WOMAN}).result()
    assert one_audience.category3_accuracy < base.category3_accuracy - 0.03
    one_noun_shape = generated(3040, 0, lambda spec, leaf: {"noun_shape": None}).result()
    assert one_noun_shape.title_exact < base.title_exact - 0.1
    assert one_noun_shape.shared_noun_rows > 0 == base.shared_noun_rows
    no_patterns = generated(3040, 0, lambda spec, leaf: {"pattern_look": PatternLook.PLAIN}).result()
    assert no_patterns.title_exact < base.title_exact
