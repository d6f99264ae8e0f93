import pytest
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
