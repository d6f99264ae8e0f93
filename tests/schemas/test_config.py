import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from schemas import BuildConfig, ImageFormat
from schemas.config import format_image_size


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
        ({"image_size": 8}, "image side 8 is out of range: must be 64 to 2048"),
        ({"image_size": 4096}, "image side 4096 is out of range"),
        ({"image_size": "512x4096"}, "image height 4096 is out of range"),
        ({"image_size": (10, 512)}, "image width 10 is out of range"),
        ({"image_size": "512 by 640"}, "WIDTHxHEIGHT"),
        ({"image_size": 512.5}, "WIDTHxHEIGHT"),
        ({"image_size": True}, "WIDTHxHEIGHT"),
        ({"image_size": (512, 640, 3)}, "WIDTHxHEIGHT"),
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


@pytest.mark.parametrize(
    ("value", "size", "dims"),
    [
        (512, 512, (512, 512)),
        ("300", 300, (300, 300)),
        ("512x640", (512, 640), (512, 640)),
        (" 640 X 512 ", (640, 512), (640, 512)),
        ("512\u00d7640", (512, 640), (512, 640)),
        ((512, 640), (512, 640), (512, 640)),
        ([256, 256], 256, (256, 256)),  # a square is always the plain side
    ],
)
def test_image_size_takes_a_side_or_width_by_height(value, size, dims):
    config = BuildConfig(image_size=value)
    assert (config.image_size, config.image_dims) == (size, dims)


def test_a_width_by_height_config_survives_json():
    config = BuildConfig(image_size="512x640")
    assert BuildConfig.model_validate_json(config.model_dump_json()) == config
    assert format_image_size(config.image_size) == "512x640"
    assert format_image_size(BuildConfig().image_size) == "512"


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
