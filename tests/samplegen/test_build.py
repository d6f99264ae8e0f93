"""Whole builds: folder layout, dataset card, loading, determinism and process-count invariance."""

import hashlib
import os
from pathlib import Path

import datasets
import pyarrow.parquet as pq
import pytest
import yaml
from PIL import Image

import samplegen
from samplegen.dbq import dataset_features
from samplegen.plan import MAX_VARIANTS, iter_plan
from schemas import DBQ_COLUMNS, DBQ_DTYPES, BuildConfig, ProductRow

SMALL = {"n": 30, "image_size": 64}


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def card_metadata(folder: Path) -> dict:
    text = (folder / "README.md").read_text(encoding="utf-8")
    _, header, _ = text.split("---\n", 2)
    return yaml.safe_load(header)


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "ds"
    dataset = samplegen.build(seed=7, out=out, **SMALL)
    return out, dataset


def test_build_returns_the_dbq_columns_in_order_plus_image(small_build, us_profile):
    _, dataset = small_build
    assert isinstance(dataset, datasets.DatasetDict)
    assert list(dataset) == ["train", "test"]
    assert sum(split.num_rows for split in dataset.values()) == SMALL["n"]
    features = dataset["train"].features
    assert list(features) == [*DBQ_COLUMNS, "image"]
    for column in DBQ_COLUMNS:
        assert features[column].dtype == DBQ_DTYPES[column]
    assert isinstance(features["image"], datasets.Image)
    row = dataset["train"][0]
    assert isinstance(row["image"], Image.Image) and row["image"].size == (64, 64)
    context = {"eur_rate": us_profile.eur_rate, "itemurl_host": us_profile.itemurl_host}
    for split in dataset.values():
        for record in split.remove_columns("image"):
            ProductRow.model_validate(record, context=context)


def test_folder_is_hub_ready_and_loads_with_load_dataset(small_build):
    out, _ = small_build
    assert sorted(p.name for p in (out / "data").iterdir()) == [
        "test-00000-of-00001.parquet",
        "train-00000-of-00001.parquet",
    ]
    metadata = card_metadata(out)
    assert metadata["license"] and "synthetic" in metadata["tags"]
    assert metadata["task_categories"] and metadata["size_categories"] == ["n<1K"]
    info = metadata["dataset_info"]
    assert [f["name"] for f in info["features"]] == [*DBQ_COLUMNS, "image"]
    assert {s["name"]: s["num_examples"] for s in info["splits"]} == {"train": 27, "test": 3}
    assert info["download_size"] == sum(p.stat().st_size for p in (out / "data").iterdir())
    assert metadata["configs"][0]["data_files"] == [
        {"split": "train", "path": "data/train-*"},
        {"split": "test", "path": "data/test-*"},
    ]
    prose = (out / "README.md").read_text(encoding="utf-8")
    assert "samplegen build --n 30 --seed 7 --profile us --image-size 64" in prose
    assert "Seed: `7`" in prose
    loaded = datasets.load_dataset(str(out))
    assert loaded["test"].num_rows == 3


def test_shards_follow_shard_size_and_splits(tmp_path):
    config = BuildConfig(
        n=25, seed=3, shard_size=10, splits={"train": 0.6, "validation": 0.2, "test": 0.2}, with_images=False
    )
    out = samplegen.write_dataset(config, tmp_path / "ds")
    names = sorted(p.name for p in (out / "data").iterdir())
    assert names == [
        "test-00000-of-00001.parquet",
        "train-00000-of-00002.parquet",
        "train-00001-of-00002.parquet",
        "validation-00000-of-00001.parquet",
    ]
    loaded = datasets.load_dataset(str(out))
    sizes = {name: split.num_rows for name, split in loaded.items()}
    assert sum(sizes.values()) == 25
    for name, share in config.splits.items():  # whole product groups go to a split, so shares are close
        assert abs(sizes[name] - share * 25) <= MAX_VARIANTS
    assert list(loaded["train"].features) == list(DBQ_COLUMNS)


def test_colour_variants_never_straddle_splits(us_profile):
    config = BuildConfig(n=2000, seed=11)
    split_of_group: dict[int, int] = {}
    for planned in iter_plan(config, us_profile):
        assert split_of_group.setdefault(planned.group, planned.split) == planned.split


def test_same_seed_gives_the_same_bytes_and_other_seeds_differ(tmp_path):
    first = samplegen.write_dataset(BuildConfig(seed=5, **SMALL), tmp_path / "a")
    second = samplegen.write_dataset(BuildConfig(seed=5, **SMALL), tmp_path / "b")
    other = samplegen.write_dataset(BuildConfig(seed=6, **SMALL), tmp_path / "c")
    assert folder_digest(first) == folder_digest(second)
    assert (
        folder_digest(first)["data/train-00000-of-00001.parquet"]
        != folder_digest(other)["data/train-00000-of-00001.parquet"]
    )


def test_output_is_identical_whatever_the_number_of_processes(tmp_path):
    config = BuildConfig(n=150, seed=9, image_size=64, shard_size=40)
    one = samplegen.write_dataset(config, tmp_path / "one")
    assert len(folder_digest(one)) == 6
    for num_proc in (2, 3):
        many = samplegen.write_dataset(config.model_copy(update={"num_proc": num_proc}), tmp_path / f"p{num_proc}")
        assert folder_digest(one) == folder_digest(many)


def test_build_without_a_folder_caches_by_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMPLEGEN_CACHE", str(tmp_path))
    first = samplegen.build(n=12, seed=2, with_images=False)
    [folder] = list(tmp_path.iterdir())
    stamp = (folder / "README.md").stat().st_mtime_ns
    second = samplegen.build(n=12, seed=2, with_images=False)
    assert (folder / "README.md").stat().st_mtime_ns == stamp
    assert first["train"]["title"] == second["train"]["title"]
    samplegen.build(n=12, seed=3, with_images=False)
    assert len(list(tmp_path.iterdir())) == 2


def test_bad_settings_raise_one_line_config_errors(tmp_path):
    with pytest.raises(samplegen.ConfigError, match=r"^invalid build setting: n: .*greater than 0") as info:
        samplegen.build(n=0, out=tmp_path / "x")
    assert "\n" not in str(info.value)
    with pytest.raises(samplegen.ConfigError, match="n must be at least"):
        samplegen.write_dataset(BuildConfig(n=1, with_images=False), tmp_path / "y")
    assert not (tmp_path / "y").exists()


def test_a_portrait_build_has_portrait_images_and_says_so(tmp_path, capsys):
    """`--image-size WxH` gives W x H images; the card names the size and the command that remakes it."""
    from samplegen.cli import main

    out = tmp_path / "portrait"
    assert main(["build", "--n", "6", "--seed", "2", "--image-size", "64x96", "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    dataset = datasets.load_dataset(str(out))
    assert {row["image"].size for split in dataset.values() for row in split} == {(64, 96)}
    prose = (out / "README.md").read_text(encoding="utf-8")
    assert "`image` is a 64×96 JPEG" in prose
    assert "--image-size 64x96 " in prose
    again = samplegen.write_dataset(BuildConfig(n=6, seed=2, image_size=(64, 96)), tmp_path / "again", progress=False)
    assert folder_digest(again) == folder_digest(out)


def _same_sized_seeds(folder: Path, settings: dict) -> tuple[int, int]:
    """Two seeds whose builds have the same sizes on disk and in Arrow (so the same card sizes)."""
    seen: dict[tuple[int, int], int] = {}
    for seed in range(400):
        out = samplegen.write_dataset(BuildConfig(seed=seed, **settings), folder / str(seed))
        info = card_metadata(out)["dataset_info"]
        sizes = (info["download_size"], info["dataset_size"])
        if sizes in seen:
            return seen[sizes], seed
        seen[sizes] = seed
    raise AssertionError("no two seeds gave shards of the same sizes")


def test_a_new_build_in_an_earlier_builds_folder_reads_back_its_own_rows(tmp_path):
    """Same folder, same shard sizes, even the same file times: every reader sees the new rows (the
    `datasets` cache of a folder was keyed by the card's sizes, so it returned the earlier rows)."""
    from finetune.data.reading import read_source

    settings = {"n": 2, "with_images": False, "splits": {"train": 1.0}}
    first_seed, second_seed = _same_sized_seeds(tmp_path / "probe", settings)
    new_titles = sorted(
        pq.read_table(tmp_path / "probe" / str(second_seed) / "data", columns=["title"])["title"].to_pylist()
    )
    out = tmp_path / "ds"
    old_titles = sorted(samplegen.build(seed=first_seed, out=out, **settings)["train"]["title"])
    assert old_titles != new_titles and sorted(samplegen.read_dbq(out).frame["title"]) == old_titles
    times = {path.name: (path.stat().st_atime_ns, path.stat().st_mtime_ns) for path in (out / "data").iterdir()}
    samplegen.write_dataset(BuildConfig(seed=second_seed, **settings), out, overwrite=True)
    for path in (out / "data").iterdir():
        os.utime(path, ns=times[path.name])  # as if written at the same instant as the earlier shards
    assert sorted(samplegen.read_dbq(out).frame["title"]) == new_titles
    assert sorted(read_source(out).frame["title"]) == new_titles
    assert (
        sorted(samplegen.build(seed=second_seed, out=out, overwrite=True, **settings)["train"]["title"]) == new_titles
    )


def test_build_reads_the_shards_without_a_second_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    dataset = samplegen.build(seed=3, out=tmp_path / "ds", **SMALL)
    assert not (tmp_path / "hf-cache").exists() or not any((tmp_path / "hf-cache").rglob("*.arrow"))
    assert all(not split.cache_files for split in dataset.values())
    assert dataset["train"].features == dataset_features(with_images=True)


def test_shards_are_sized_by_bytes_unless_a_shard_size_is_given(small_build, tmp_path):
    out, _ = small_build
    assert sorted(path.name for path in (out / "data").iterdir()) == [
        "test-00000-of-00001.parquet",
        "train-00000-of-00001.parquet",
    ]
    assert "--shard-bytes 500000000 --out DIR" in (out / "README.md").read_text(encoding="utf-8")
    sized = samplegen.write_dataset(BuildConfig(seed=7, shard_size=10, **SMALL), tmp_path / "sized")
    assert len(list((sized / "data").iterdir())) == 3 + 1
    assert "--shard-size 10 --out DIR" in (sized / "README.md").read_text(encoding="utf-8")
