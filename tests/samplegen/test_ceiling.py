"""`samplegen ceiling` and the card's "Learnability ceiling": the same figures, from any build, or one line."""

import json
import shutil

import pyarrow.parquet as pq
import pytest
import yaml

import samplegen
from finetune.data import load_training_data
from samplegen.build_record import RECORD_KEY
from samplegen.cli import main
from samplegen.dbq import SPEC_COLUMN
from samplegen.errors import DamagedDataError
from samplegen.titles import TitleWriter
from schemas import DBQ_COLUMNS, BuildConfig, ProductSpec
from tests.samplegen.test_build import card_metadata
from tests.samplegen.test_cli import assert_one_line_error, run_main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build with small images and enough test rows for the figures to mean something."""
    return samplegen.write_dataset(BuildConfig(n=400, seed=3, image_size=64), tmp_path_factory.mktemp("c") / "ds")


def test_the_card_carries_the_figures_that_ceiling_computes_again(built):
    recorded = card_metadata(built)[RECORD_KEY]
    result = samplegen.ceiling(built)
    assert recorded["learnability_ceiling"] == result.as_dict()
    assert result.train_rows + result.test_rows == 400
    assert 0 < result.category3_accuracy <= 1 and 0 <= result.title_exact <= 1
    assert recorded["config"]["seed"] == 3 and "num_proc" not in recorded["config"]
    prose = (built / "README.md").read_text(encoding="utf-8")
    section = prose.split("## Learnability ceiling", 1)[1]
    assert f"| category3 accuracy | {result.category3_accuracy:.3f} |" in section
    assert f"| exact title | {result.title_exact:.3f} |" in section
    assert f"{result.train_rows:,} train rows" in section


def test_a_build_without_images_skips_the_figures_and_ceiling_gives_those_of_its_shots(tmp_path):
    settings = {"n": 40, "seed": 5, "image_size": 64}
    images = samplegen.write_dataset(BuildConfig(**settings, num_proc=2), tmp_path / "img")
    metadata = samplegen.write_dataset(BuildConfig(**settings, with_images=False), tmp_path / "meta")
    with_images = card_metadata(images)[RECORD_KEY]["learnability_ceiling"]
    assert "learnability_ceiling" not in card_metadata(metadata)[RECORD_KEY]
    assert "no images (`--no-images`) to read" in (metadata / "README.md").read_text(encoding="utf-8")
    assert samplegen.ceiling(metadata).as_dict() == samplegen.ceiling(images).as_dict() == with_images


def test_ceiling_command_prints_the_figures_and_json(built, capsys):
    result = samplegen.ceiling(built)
    code, out, err = run_main(capsys, "ceiling", str(built))
    assert code == 0 and not err
    assert f"category3 accuracy           {result.category3_accuracy:.3f}" in out
    assert f"fitted on {result.train_rows:,} train rows, scored on {result.test_rows:,} test rows" in out
    code, out, _ = run_main(capsys, "ceiling", str(built), "--json")
    assert code == 0 and json.loads(out) == result.as_dict()


def test_a_build_from_a_profile_file_finds_it_or_is_told_which_to_pass(tmp_path, capsys, us_profile):
    profile = tmp_path / "mine.json"
    profile.write_text(us_profile.model_dump_json(), encoding="utf-8")
    folder = samplegen.write_dataset(BuildConfig(n=60, profile=str(profile), with_images=False), tmp_path / "ds")
    expected = samplegen.ceiling(folder)
    moved = tmp_path / "moved.json"
    profile.rename(moved)
    code, _, err = run_main(capsys, "ceiling", str(folder))
    assert_one_line_error(code, err, "pass --profile PATH")
    assert samplegen.ceiling(folder, profile=moved) == expected
    changed = us_profile.model_copy(update={"price_min": us_profile.price_min + 1})
    other = tmp_path / "other.json"
    other.write_text(changed.model_dump_json(), encoding="utf-8")
    code, _, err = run_main(capsys, "ceiling", str(folder), "--profile", str(other))
    assert_one_line_error(code, err, "is not the one the build used")


def test_bad_folders_are_one_line(tmp_path, capsys, built):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "README.md").write_text("---\nlicense: mit\n---\n# not ours\n")
    (tmp_path / "file").write_text("x")
    cases = [
        (tmp_path / "missing", "is not a folder"),
        (tmp_path / "file", "is not a folder"),
        (tmp_path / "empty", "has no readable README.md"),
        (tmp_path / "other", "records no samplegen build settings"),
    ]
    for folder, fragment in cases:
        assert_one_line_error(*run_main(capsys, "ceiling", str(folder))[::2], fragment)

    no_test = samplegen.write_dataset(
        BuildConfig(n=20, splits={"train": 0.5, "validation": 0.5}, image_size=64), tmp_path / "no-test"
    )
    assert "and this build does not have both" in (no_test / "README.md").read_text(encoding="utf-8")
    assert_one_line_error(*run_main(capsys, "ceiling", str(no_test))[::2], "has no test split")

    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    card = copy / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("    seed: 3\n", "    seed: 4\n"), encoding="utf-8")
    assert_one_line_error(*run_main(capsys, "ceiling", str(copy))[::2], "is not what the recorded settings make")

    card.write_text(card.read_text(encoding="utf-8").replace("    seed: 4\n", "    seed: -4\n"), encoding="utf-8")
    assert_one_line_error(*run_main(capsys, "ceiling", str(copy))[::2], "build settings this samplegen cannot read")

    shutil.copytree(built, tmp_path / "damaged")
    shard = next((tmp_path / "damaged" / "data").glob("test-*.parquet"))
    shard.write_bytes(shard.read_bytes()[:100])
    with pytest.raises(DamagedDataError):
        samplegen.ceiling(tmp_path / "damaged")


def test_with_spec_adds_the_latent_spec_as_json_and_is_off_by_default(tmp_path, built):
    assert pq.read_schema(next((built / "data").glob("train-*.parquet"))).names == [*DBQ_COLUMNS, "image"]
    folder = tmp_path / "spec"
    assert main(["build", "--n", "30", "--image-size", "64", "--with-spec", "--quiet", "--out", str(folder)]) == 0
    loaded = samplegen.build(n=30, image_size=64, with_spec=True, out=folder, overwrite=True)
    assert list(loaded["train"].features) == [*DBQ_COLUMNS, "image", SPEC_COLUMN]
    for row in loaded["train"].remove_columns("image"):
        spec = ProductSpec.model_validate_json(row[SPEC_COLUMN])
        assert (
            TitleWriter(samplegen.load_profile("us")).title(spec) == row["title"]
            and spec.category3 == row["category3_code"]
        )
    metadata = yaml.safe_load((folder / "README.md").read_text(encoding="utf-8").split("---\n")[1])
    assert metadata["dataset_info"]["features"][-1] == {"name": SPEC_COLUMN, "dtype": "string"}
    assert "--with-spec" in (folder / "README.md").read_text(encoding="utf-8")
    assert samplegen.ceiling(folder).test_rows > 0
    assert load_training_data(folder).train.column_names == [*DBQ_COLUMNS, "image"]  # finetune reads past `spec`


def test_a_large_build_takes_the_ceiling_on_its_first_rows(tmp_path, monkeypatch):
    monkeypatch.setattr("samplegen.learnability.CEILING_ROWS", 50)
    folder = samplegen.write_dataset(BuildConfig(n=120, seed=2, image_size=64), tmp_path / "ds")
    recorded = card_metadata(folder)[RECORD_KEY]["learnability_ceiling"]
    assert recorded["observed_rows"] == recorded["train_rows"] + recorded["test_rows"] == 50
    assert "among the build's first 50 rows" in (folder / "README.md").read_text(encoding="utf-8")
    assert samplegen.ceiling(folder).as_dict() == recorded
