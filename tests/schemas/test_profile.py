"""The profile schema refuses numbers the generator cannot draw from (Infinity, NaN, negative weights)."""

import json

import pytest
from pydantic import ValidationError

from samplegen.errors import describe_validation_error
from samplegen.profiles import load_profile
from schemas import Profile


def _us_with(path: str, value: object) -> dict:
    data = json.loads(json.dumps(load_profile("us").model_dump(mode="json")))
    *parents, last = [int(key) if key.isdigit() else key for key in path.split(".")]
    target = data
    for key in parents:
        target = target[key]
    target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "fragment"),
    [
        ("leaves.0.weight", float("inf"), "leaves.0.weight: Input should be a finite number"),
        ("leaves.0.weight", float("nan"), "leaves.0.weight: Input should be a finite number"),
        ("leaves.0.weight", -1.0, "leaves.0.weight: Input should be greater than 0"),
        ("colours.0.weight", float("inf"), "colours.0.weight: Input should be a finite number"),
        ("kinds.0.nouns.0.weight", float("inf"), "kinds.0.nouns.0.weight: Input should be a finite number"),
        ("kinds.0.variant_weights.0", float("inf"), "kinds.0.variant_weights.0: Input should be a finite number"),
        ("kinds.0.variant_weights.0", -1.0, "kinds.0.variant_weights.0: Input should be greater than or equal to 0"),
        ("kinds.0.variant_weights", [0.0], "kinds.0: variant_weights must have a weight above 0"),
        ("price_max", float("inf"), "price_max: Input should be a finite number"),
        ("eur_rate", "Infinity", "eur_rate: Input should be a finite number"),
    ],
)
def test_profile_json_rejects_weights_the_generator_cannot_draw(path, value, fragment):
    text = json.dumps(_us_with(path, value))  # Infinity / NaN as Python's json module writes them

    with pytest.raises(ValidationError) as caught:
        Profile.model_validate_json(text)

    assert fragment in describe_validation_error(caught.value)


def test_build_with_an_infinite_weight_is_one_line(tmp_path, capsys):
    from samplegen.cli import main

    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(_us_with("leaves.0.weight", float("inf"))))

    code = main(["build", "--n", "5", "--no-images", "--out", str(tmp_path / "out"), "--profile", str(profile)])

    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1, err
    assert err.startswith(
        f"samplegen: error: profile {profile} is invalid: leaves.0.weight: Input should be a finite number"
    )
    assert not (tmp_path / "out").exists()
