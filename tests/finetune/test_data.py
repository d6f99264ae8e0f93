"""load_training_data: samplegen sets, real DBQ files with URLs or local paths, the split, and its errors."""

from __future__ import annotations

import json

import datasets
import pandas as pd
import pytest

import samplegen
from finetune.data import DownloadSettings, ImageKind, image_kind, load_training_data, validation_mask
from finetune.errors import DataError, SettingsError
from samplegen.dbq import dataset_features
from tests.conftest import REFERENCE_CSV
from tests.finetune.image_server import jpeg_bytes

pytestmark = pytest.mark.usefixtures("no_proxy")  # the image server is local
FAST = DownloadSettings(workers=4, timeout=1, retries=1, backoff=0.01)  # the /slow/10 row times out
HUB_ID = "DBQ/Burberry.Product.prices.United.States"


@pytest.fixture(scope="module")
def samplegen_folder(tmp_path_factory):
    return samplegen.write_dataset(samplegen.make_config(n=40, image_size=64), tmp_path_factory.mktemp("sg") / "ds")


def real_rows(country: str) -> pd.DataFrame:
    frame = pd.read_csv(REFERENCE_CSV, dtype=str, keep_default_na=False)
    return frame[frame["country_code"] == country].reset_index(drop=True)


def load(source, tmp_path, download=FAST, **options):
    return load_training_data(source, cache_dir=tmp_path / "cache", download=download, progress=False, **options)


def test_a_samplegen_folder_loads_into_train_and_validation_with_images(samplegen_folder, tmp_path):
    data = load(samplegen_folder, tmp_path)
    splits = datasets.load_dataset(str(samplegen_folder))
    report = data.report
    assert (report.kind, report.splits_used, report.splits_held_out) == ("inline", ("train",), ("test",))
    assert report.rows_read == report.rows_kept == splits["train"].num_rows
    assert data.train.num_rows + data.validation.num_rows == splits["train"].num_rows
    assert data.validation.num_rows > 0 and report.dropped == {}
    assert data.train.features == dataset_features(with_images=True) == data.validation.features
    assert data.train[0]["image"].size == (64, 64)
    assert not set(data.train["product_code"]) & set(splits["test"]["product_code"]), "test stays held out"
    json.dumps(report.as_dict())


def test_the_split_is_deterministic_and_keeps_same_title_rows_together(samplegen_folder, tmp_path):
    first, again = load(samplegen_folder, tmp_path, seed=3), load(samplegen_folder, tmp_path, seed=3)
    assert first.train["product_code"] == again.train["product_code"]
    assert first.validation["product_code"] == again.validation["product_code"]
    assert not set(first.train["title"]) & set(first.validation["title"])
    other = load(samplegen_folder, tmp_path, seed=4)
    assert set(other.validation["title"]) != set(first.validation["title"])
    assert not set(other.train["title"]) & set(other.validation["title"])


def test_validation_mask_groups_titles_and_keeps_both_sides_non_empty():
    titles = ["Check Scarf", "Check Scarf", "Wool Coat", "Lola Bag", "Wool Coat"]
    mask = validation_mask(titles, 0.3, seed=0)
    assert mask[0] == mask[1] and mask[2] == mask[4]
    assert validation_mask(titles, 0.3, seed=0) == mask
    assert sum(validation_mask(titles, 1e-9, seed=0)) >= 1, "a tiny fraction still gives a validation title"
    assert not all(validation_mask(titles, 0.999999, seed=0)), "a huge fraction still leaves a train title"
    assert validation_mask(titles, 0.0, seed=0) == [False] * 5
    assert validation_mask(["Only One Title"] * 3, 0.5, seed=0) in ([True] * 3, [False] * 3)


def test_limit_takes_the_first_rows_of_a_seeded_shuffle(samplegen_folder, tmp_path):
    data = load(samplegen_folder, tmp_path, limit=10, seed=1)
    assert data.report.rows_used == data.report.rows_kept == data.train.num_rows + data.validation.num_rows == 10
    assert data.validation.num_rows >= 1 and data.train.num_rows >= 1
    assert load(samplegen_folder, tmp_path, limit=10, seed=1).train["product_code"] == data.train["product_code"]
    everything = load(samplegen_folder, tmp_path, limit=10_000)
    assert everything.report.rows_used == everything.report.rows_read


def test_a_dbq_csv_downloads_its_images_and_drops_what_it_cannot_get(image_server, tmp_path):
    frame = real_rows("CHI")  # 20 real rows
    frame["imageurl"] = (
        [image_server.url(f"/img/dbq-{i}") for i in range(15)]
        + [image_server.url(f"/status/404/dbq-{i}") for i in range(4)]
        + [image_server.url("/slow/10/dbq")]
    )
    frame.to_csv(tmp_path / "dbq.csv", index=False)
    data = load(tmp_path / "dbq.csv", tmp_path)
    report = data.report
    assert (report.kind, report.rows_read, report.rows_kept) == ("url", 20, 15)
    assert report.dropped == {"not_found": 4, "timeout": 1}
    assert (report.images_downloaded, report.images_from_cache) == (15, 0)
    assert data.train.num_rows + data.validation.num_rows == 15 and data.validation.num_rows >= 1
    row = data.train[0]
    assert row["image"].size == (96, 96) and row["imageurl"].startswith(image_server.url("/img/dbq-"))
    assert row["category3_code"] and isinstance(row["full_price"], float) and isinstance(row["product_code"], int)

    requests_before = image_server.count("/img/dbq-0")
    again = load(tmp_path / "dbq.csv", tmp_path, download=DownloadSettings(retries=0, timeout=0.3))
    assert (again.report.images_downloaded, again.report.images_from_cache) == (0, 15)
    assert image_server.count("/img/dbq-0") == requests_before
    assert again.train["product_code"] == data.train["product_code"]


def test_local_image_paths_resolve_against_the_files_folder(tmp_path):
    (tmp_path / "imgs").mkdir()
    for i in range(3):
        (tmp_path / "imgs" / f"{i}.jpg").write_bytes(jpeg_bytes(f"local-{i}"))
    (tmp_path / "imgs" / "page.jpg").write_text("<html>not an image</html>")
    (tmp_path / "imgs" / "cut.jpg").write_bytes(jpeg_bytes("cut")[:400])
    frame = real_rows("FRA")  # 6 real rows
    frame["local_image_path"] = [
        "imgs/0.jpg",
        "imgs/1.jpg",
        str(tmp_path / "imgs" / "2.jpg"),
        "imgs/missing.jpg",
        "imgs/page.jpg",
        "imgs/cut.jpg",
    ]
    (tmp_path / "data").mkdir()
    frame.to_csv(tmp_path / "data" / "dbq.csv", index=False)  # relative paths must resolve against data/
    (tmp_path / "data" / "imgs").mkdir()
    for name in ("0.jpg", "1.jpg", "page.jpg", "cut.jpg"):
        (tmp_path / "data" / "imgs" / name).write_bytes((tmp_path / "imgs" / name).read_bytes())
    data = load(tmp_path / "data" / "dbq.csv", tmp_path)
    assert data.report.kind == "local" and data.report.rows_kept == 3
    assert data.report.dropped == {"missing_file": 1, "not_an_image": 1, "truncated": 1}
    kept = {row["product_code"] for split in (data.train, data.validation) for row in split}
    assert kept == set(real_rows("FRA")["product_code"].astype(int)[:3])


def test_an_inline_source_checks_every_image(tmp_path):
    frame = real_rows("ITA")  # 2 rows
    good, bad = jpeg_bytes("inline-good"), jpeg_bytes("inline-bad")[:300]
    table = datasets.Dataset.from_pandas(frame).cast(dataset_features(with_images=False))
    table = table.add_column("image", [{"bytes": good, "path": None}, {"bytes": bad, "path": None}])
    table.cast_column("image", datasets.Image()).to_parquet(str(tmp_path / "inline.parquet"))
    data = load(tmp_path / "inline.parquet", tmp_path)
    assert (data.report.kind, data.report.rows_kept, data.report.dropped) == ("inline", 1, {"truncated": 1})


def test_which_kind_a_source_is_depends_only_on_its_columns():
    assert image_kind(["title", "imageurl", "local_image_path", "image"]) is ImageKind.INLINE
    assert image_kind(["title", "imageurl", "local_image_path"]) is ImageKind.LOCAL
    assert image_kind(["title", "imageurl"]) is ImageKind.URL
    with pytest.raises(DataError, match=r"has no image column \(looked for image, local_image_path, imageurl\)"):
        image_kind(["title"], "x.csv")


def test_a_csv_without_title_names_the_missing_column(tmp_path):
    real_rows("FRA").drop(columns=["title"]).to_csv(tmp_path / "no-title.csv", index=False)
    with pytest.raises(DataError, match=r"is missing needed columns: title; training needs all 17 DBQ columns$"):
        load(tmp_path / "no-title.csv", tmp_path)


def test_a_mixed_country_file_needs_a_country(tmp_path):
    with pytest.raises(DataError, match="mixes 6 countries"):
        load(REFERENCE_CSV, tmp_path)


def test_all_rows_dropped_is_one_line_with_the_counts(image_server, tmp_path):
    frame = real_rows("CHI")
    frame["imageurl"] = [image_server.url(f"/status/404/gone-{i}") for i in range(18)] + [
        "N.A.",
        image_server.url("/slow/10/x"),
    ]
    frame.to_csv(tmp_path / "gone.csv", index=False)
    with pytest.raises(DataError) as error:
        load(tmp_path / "gone.csv", tmp_path)
    message = str(error.value)
    assert message.startswith(f"all 20 rows of {tmp_path / 'gone.csv'} dropped: 18 not_found, 1 no_url, 1 timeout; ")
    assert "check that the imageurl values can be downloaded" in message and "\n" not in message


def test_a_hub_id_offline_fails_in_one_line(monkeypatch, tmp_path):
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # read when the libraries are imported: set the constants too
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    with pytest.raises(DataError, match=rf"^cannot load {HUB_ID}: ") as error:
        load(HUB_ID, tmp_path)
    assert "\n" not in str(error.value)


def test_a_missing_file_or_bad_arguments_fail_in_one_line(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        load(tmp_path / "nothing.csv", tmp_path)
    with pytest.raises(SettingsError, match="validation_fraction"):
        load(REFERENCE_CSV, tmp_path, validation_fraction=1.0)
    with pytest.raises(SettingsError, match="limit"):
        load(REFERENCE_CSV, tmp_path, limit=0)


# -- damaged data files ------------------------------------------------------------------------------


def _truncated_copy(folder, tmp_path, pattern):
    import shutil

    copy = shutil.copytree(folder, tmp_path / "damaged")
    shard = next(copy.rglob(pattern))
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    return copy, shard


def test_a_truncated_parquet_shard_is_one_line_naming_the_file(samplegen_folder, tmp_path, capsys):
    from finetune.cli import main

    damaged, shard = _truncated_copy(samplegen_folder, tmp_path, "train-*.parquet")
    with pytest.raises(DataError, match=rf"^data file {shard} is damaged \(") as error:
        load_training_data(str(damaged))
    assert "\n" not in str(error.value)
    assert main(["train", "--data", str(damaged), "--model", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("finetune: error: data file") and str(shard) in err and err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()


def test_a_truncated_arrow_file_of_a_saved_set_is_one_line_naming_the_file(tmp_path):
    rows = {"title": [f"shirt {i}" for i in range(2000)], "full_price": [float(i) for i in range(2000)]}
    datasets.Dataset.from_dict(rows).save_to_disk(tmp_path / "saved")
    damaged, shard = _truncated_copy(tmp_path / "saved", tmp_path, "*.arrow")
    with pytest.raises(DataError, match=rf"^data file {shard} is damaged \("):
        load_training_data(str(damaged))
