"""Reading real DBQ files: every format, and a clear error for every malformed one."""

import json
import re

import pandas as pd
import pytest

from samplegen.dbq import RealDataError, read_dbq
from schemas import DBQ_COLUMNS
from tests.conftest import REFERENCE_CSV


@pytest.fixture
def real_frame() -> pd.DataFrame:
    return pd.read_csv(REFERENCE_CSV, dtype=str, keep_default_na=False)


def test_csv_parquet_jsonl_and_folder_read_the_same(tmp_path, real_frame):
    expected = read_dbq(REFERENCE_CSV, country="CHI").frame
    assert len(expected) == 20 and list(expected.columns) == list(DBQ_COLUMNS)
    assert str(expected["product_code"].dtype) == "int64" and str(expected["full_price"].dtype) == "float64"
    typed = read_dbq(REFERENCE_CSV, country="CHI").frame
    typed.to_parquet(tmp_path / "real.parquet")
    typed.to_json(tmp_path / "real.jsonl", orient="records", lines=True, force_ascii=False)
    import datasets

    datasets.Dataset.from_pandas(typed).save_to_disk(str(tmp_path / "saved"))
    for source in (tmp_path / "real.parquet", tmp_path / "real.jsonl", tmp_path / "saved"):
        pd.testing.assert_frame_equal(read_dbq(source, country="CHI").frame, expected, check_dtype=False)


def test_extra_columns_are_dropped_and_listed(tmp_path, real_frame):
    real_frame["local_image_path"] = "images/x.jpg"
    real_frame.to_csv(tmp_path / "extra.csv", index=False)
    table = read_dbq(tmp_path / "extra.csv", country="FRA")
    assert table.dropped_columns == ["local_image_path"]
    assert list(table.frame.columns) == list(DBQ_COLUMNS)


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda f: f.drop(columns=["title", "price_eur"]), "missing DBQ columns: title, price_eur"),
        (lambda f: f.assign(product_code="abc"), "product_code must be numeric (int64) but holds 'abc' in 34 rows"),
        (lambda f: f.assign(full_price="N.A.", price="N.A."), "full_price must be numeric (float64) but holds 'N.A.'"),
        (lambda f: f.iloc[0:0], "has the DBQ columns but no rows"),
        (lambda f: f.assign(flg_discount="0.5"), "flg_discount must hold whole numbers"),
    ],
)
def test_malformed_files_give_one_clear_error(tmp_path, real_frame, mutate, fragment):
    path = tmp_path / "bad.csv"
    mutate(real_frame).to_csv(path, index=False)
    with pytest.raises(RealDataError) as info:
        read_dbq(path, country="CHI")
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_mixed_countries_need_a_choice():
    with pytest.raises(
        RealDataError, match=r"mixes 6 countries \(ARE, CHI, FRA, ITA, JPN, SGP\); pick one with --country"
    ):
        read_dbq(REFERENCE_CSV)
    with pytest.raises(RealDataError, match="no rows for country 'USA'"):
        read_dbq(REFERENCE_CSV, country="USA")


def test_unreadable_inputs(tmp_path):
    (tmp_path / "latin1.csv").write_bytes("website_name,title\nBurberry,Caf\xe9 Scarf\n".encode("latin-1"))
    with pytest.raises(RealDataError, match="is not UTF-8 text"):
        read_dbq(tmp_path / "latin1.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(RealDataError, match="is empty"):
        read_dbq(tmp_path / "empty.csv")
    (tmp_path / "x.xlsx").write_bytes(b"PK")
    with pytest.raises(RealDataError, match=re.escape("unknown file type '.xlsx'")):
        read_dbq(tmp_path / "x.xlsx")
    with pytest.raises(RealDataError, match="no such file"):
        read_dbq(tmp_path / "missing.parquet")
    (tmp_path / "broken.jsonl").write_text(json.dumps({"a": 1})[:-3])
    with pytest.raises(RealDataError, match="cannot read"):
        read_dbq(tmp_path / "broken.jsonl")


def test_hub_id_goes_through_datasets_and_fails_in_one_line(monkeypatch):
    import datasets
    import huggingface_hub

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # read when the libraries are imported: set the constants too
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    with pytest.raises(RealDataError, match=r"^cannot load DBQ/Burberry.Product.prices.United.States: "):
        read_dbq("DBQ/Burberry.Product.prices.United.States")


def test_whole_numbers_beyond_int64_are_reported_as_such(tmp_path):
    import numpy as np

    frame = read_dbq(REFERENCE_CSV, country="CHI").frame
    frame["product_code"] = frame["product_code"].astype("uint64")
    frame.loc[0, "product_code"] = np.uint64(2**64 - 1)
    frame.to_parquet(tmp_path / "real.parquet")
    with pytest.raises(
        RealDataError, match=r"product_code holds 18446744073709551615 in 1 rows, beyond the int64 range"
    ):
        read_dbq(tmp_path / "real.parquet")

    lines = tmp_path / "real.jsonl"
    read_dbq(REFERENCE_CSV, country="CHI").frame.to_json(lines, orient="records", lines=True, force_ascii=False)
    lines.write_text(lines.read_text().replace('"product_code":80791861', '"product_code":99999999999999999999', 1))
    with pytest.raises(RealDataError, match="holds a whole number beyond the int64 range"):
        read_dbq(lines)
