import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from schemas import BuildConfig, ImageFormat


def test_defaults_are_the_real_size():
    config = BuildConfig()
    assert (config.n, config.seed, config.profile, config.image_size) == (3040, 0, "us", 512)
    assert config.splits == {"train": 0.9, "test": 0.1}


def test_jpg_is_accepted_as_jpeg():
    assert BuildConfig(image_format="jpg").image_format is ImageFormat.JPEG


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"n": 0}, "greater than 0"),
        ({"seed": -1}, "greater than or equal to 0"),
        ({"seed": 2**64}, "less than or equal to"),
        ({"image_size": 8}, "greater than or equal to 64"),
        ({"image_size": 4096}, "less than or equal to 2048"),
        ({"image_format": "gif"}, "JPEG"),
        ({"image_quality": 0}, "greater than or equal to 1"),
        ({"splits": {"train": 0.5}}, "add up to 1"),
        ({"splits": {"Train!": 1.0}}, "lower-case"),
        ({"splits": {"train": 1.5, "test": -0.5}}, "positive"),
        ({"num_proc": 0}, "greater than or equal to 1"),
        ({"shard_size": 0}, "greater than or equal to 1"),
        ({"colour": "red"}, "Extra inputs"),
    ],
)
def test_invalid_settings_say_what_is_wrong(settings, fragment):
    with pytest.raises(ValidationError, match=fragment):
        BuildConfig(**settings)


NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)


@given(weights=st.dictionaries(NAMES, st.integers(min_value=1, max_value=1000), min_size=1, max_size=6))
def test_any_positive_shares_that_add_up_to_one_are_accepted(weights):
    total = sum(weights.values())
    splits = {name: weight / total for name, weight in weights.items()}
    assert BuildConfig(splits=splits).splits == splits


@given(
    weights=st.dictionaries(NAMES, st.integers(min_value=1, max_value=1000), min_size=1, max_size=6),
    off=st.floats(min_value=1e-4, max_value=0.5) | st.floats(min_value=-0.5, max_value=-1e-4),
)
def test_shares_that_do_not_add_up_to_one_are_refused(weights, off):
    total = sum(weights.values())
    splits = {name: weight / total * (1 + off) for name, weight in weights.items()}
    with pytest.raises(ValidationError, match="add up to 1"):
        BuildConfig(splits=splits)


@given(name=NAMES, share=st.floats(max_value=0, allow_nan=False), other=NAMES)
def test_a_share_of_zero_or_less_is_refused(name, share, other):
    splits = {name: share, **({other: 1 - share} if other != name else {})}
    with pytest.raises(ValidationError, match="positive"):
        BuildConfig(splits=splits)


@given(name=st.text(max_size=12).filter(lambda text: not re.fullmatch(r"[a-z][a-z0-9_]*", text)))
def test_a_split_name_that_is_not_a_lower_case_identifier_is_refused(name):
    with pytest.raises(ValidationError, match="lower-case"):
        BuildConfig(splits={name: 1.0})
