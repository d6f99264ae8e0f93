"""The fidelity report: metrics on hand-made cases, checked report numbers, schema checks, files and CLI."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from PIL import Image

from samplegen import make_config, write_dataset
from samplegen.cli import main
from samplegen.command_line import OneLineParser
from samplegen.commands import compare as compare_command
from samplegen.dbq import RealDataError, arrow_schema, read_dbq
from samplegen.fidelity import (
    FORMULA,
    FidelityError,
    compare,
    contingency_similarity,
    coverage,
    item_noun,
    ks_complement,
    schema_conformance,
    tv_complement,
)
from schemas import DBQ_COLUMNS
from tests.conftest import REFERENCE_CSV

REPORT_PNGS = ("prices.png", "category1.png", "category2.png", "category3.png")


@pytest.fixture(scope="module")
def synth_folder(tmp_path_factory) -> Path:
    config = make_config(n=400, seed=11, with_images=False, num_proc=1)
    return write_dataset(config, tmp_path_factory.mktemp("fidelity") / "synth", progress=False)


@pytest.fixture(scope="module")
def synth_frame(synth_folder) -> pd.DataFrame:
    return read_dbq(synth_folder).frame


def write_parquet(frame: pd.DataFrame, path: Path, schema: pa.Schema | None = None) -> Path:
    pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False), path)
    return path


# --- metrics -----------------------------------------------------------------------------------------


def test_tv_complement_exact_values():
    assert tv_complement(["a", "b", "b"], ["b", "a", "b"]) == 1.0
    assert tv_complement(["a", "a"], ["b", "c"]) == 0.0
    assert tv_complement(["a", "a", "b", "b"], ["a", "a", "a", "b"]) == pytest.approx(0.75)  # TVD 1/4
    assert tv_complement(["a", "b"], ["a", "c", "c", "c"]) == pytest.approx(0.25)  # (1/4 + 1/2 + 3/4) / 2
    assert tv_complement([0, 0, 1], [0, 0, 0]) == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        tv_complement([], ["a"])


def test_ks_complement_exact_values():
    assert ks_complement([3.0, 1.0, 2.0], [1.0, 2.0, 3.0]) == 1.0
    assert ks_complement([1, 2, 3], [10, 20]) == 0.0
    assert ks_complement([1, 2, 3, 4], [2, 3, 4, 5]) == pytest.approx(0.75)  # largest CDF gap 1/4
    assert ks_complement([1, 2, 3, 4], [3, 4, 5, 6]) == pytest.approx(0.5)
    assert ks_complement([1, 1, 1, 2], [1, 2, 2, 2]) == pytest.approx(0.5)  # ties: gap at x=1 is 3/4 - 1/4
    with pytest.raises(ValueError):
        ks_complement([], [1.0])


def test_contingency_similarity_sees_the_joint_table_not_the_marginals():
    synth = pd.DataFrame({"c1": ["a", "b"], "c2": ["x", "y"]})
    swapped = pd.DataFrame({"c1": ["a", "b"], "c2": ["y", "x"]})
    assert contingency_similarity(synth, synth, ("c1", "c2")) == 1.0
    assert tv_complement(synth["c1"], swapped["c1"]) == tv_complement(synth["c2"], swapped["c2"]) == 1.0
    assert contingency_similarity(synth, swapped, ("c1", "c2")) == 0.0
    half = pd.DataFrame({"c1": ["a", "b", "a", "b"], "c2": ["x", "y", "y", "x"]})
    assert contingency_similarity(synth, half, ("c1", "c2")) == pytest.approx(0.5)


def test_coverage_counts_real_distinct_values():
    result = coverage(["a", "b", "b", "d"], ["a", "c", "c", None])
    assert (result.covered, result.total, result.missing, result.score) == (1, 2, ("c",), 0.5)
    assert coverage(["a"], []).score is None


@pytest.mark.parametrize(
    ("title", "noun"),
    [
        ("Micro Shield Sling Bag", "Sling Bag"),
        ("Check and Leather Card Case", "Card Case"),
        ("Vintage Check Stretch Cotton Twill Shirt", "Shirt"),
        ("Wool Pea Coat", "Pea Coat"),
        ("Trench Coat", "Trench Coat"),
        ("Oversized Check", "Check"),
        ("Burberry Kisses – Coral Pink No.65", None),
    ],
)
def test_item_noun_is_what_follows_the_last_grammar_word(title, noun):
    assert item_noun(title) == noun


# --- report numbers ----------------------------------------------------------------------------------


def test_a_synthetic_folder_against_itself_scores_one_everywhere(synth_folder):
    report = compare(synth_folder, synth_folder)
    assert report.schema_check.score == 1.0 and report.schema_check.issues == ()
    assert report.schema_check.format == "parquet"
    assert len(report.scores) == 9 + 4 + 3 + 2
    assert all(score.score == 1.0 for score in report.scores)
    assert all(group.score == 1.0 for group in report.price_by_category2)
    assert all(c.covered == c.total > 0 for c in report.coverage)
    assert report.column_shapes == report.pair_trends == report.coverage_score == report.overall == 1.0
    assert report.synth_rows == report.real_rows == 400


def test_relabelling_one_category3_drops_tv_complement_by_the_share_relabelled(synth_folder, synth_frame, tmp_path):
    label = synth_frame["category3_code"].value_counts().index[0]
    relabelled = synth_frame.assign(
        category3_code=synth_frame["category3_code"].where(synth_frame["category3_code"] != label, "RELABELLED")
    )
    share = (synth_frame["category3_code"] == label).mean()
    copy = write_parquet(relabelled, tmp_path / "copy.parquet", arrow_schema(with_images=False))
    report = compare(synth_folder, copy)

    assert 0 < share < 1
    assert report.score("TVComplement", "category3_code") == pytest.approx(1 - share)
    assert report.score("ContingencySimilarity", "category2_code x category3_code") == pytest.approx(1 - share)
    for column in ("category1_code", "category2_code", "country_code", "flg_discount"):
        assert report.score("TVComplement", column) == 1.0
    assert report.score("KSComplement", "full_price") == 1.0
    triples = synth_frame[["category1_code", "category2_code", "category3_code"]].drop_duplicates()
    lost = int((triples["category3_code"] == label).sum())
    triple_coverage = next(c for c in report.coverage if c.target == "category triples")
    assert (triple_coverage.covered, triple_coverage.total) == (len(triples) - lost, len(triples))
    assert all(missing.endswith(" / RELABELLED") for missing in triple_coverage.missing)
    assert report.worst.score == min(s.score for s in report.scores if s.score is not None) < 1
    group_means = [report.column_shapes, report.pair_trends, report.coverage_score]
    assert report.overall == pytest.approx(sum(group_means) / 3)


TEMPLATE = {
    "website_name": "Burberry",
    "competence_date": "2023-11-17",
    "country_code": "USA",
    "currency_code": "USD",
    "brand": "BURBERRY",
    "product_code": "80000001",
    "itemurl": "https://us.burberry.com/item-p80000001",
    "imageurl": "N.A.",
    "full_price": "1000",
    "price": "1000",
    "full_price_eur": "922.50",
    "price_eur": "922.50",
    "flg_discount": "0",
}


def write_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DBQ_COLUMNS)
        writer.writeheader()
        for category1, category2, category3, title in rows:
            writer.writerow(
                {
                    **TEMPLATE,
                    "category1_code": category1,
                    "category2_code": category2,
                    "category3_code": category3,
                    "title": title,
                }
            )
    return path


def test_coverage_counts_on_hand_built_csvs(tmp_path):
    real = write_csv(
        tmp_path / "real.csv",
        [
            ("WOMAN", "BAGS", "SHOULDER", "Micro Shield Sling Bag"),
            ("WOMAN", "BAGS", "SHOULDER", "Lola Sling Bag"),
            ("MAN", "ACCESSORIES", "WALLETS & CARD CASES", "Check and Leather Card Case"),
            ("KIDS", "GIRLS", "DRESSES", "Check Cotton Dress"),
            ("WOMAN", "BEAUTY", "LIPS", "Burberry Kisses – Coral Pink No.65"),
        ],
    )
    synth = write_csv(
        tmp_path / "synth.csv",
        [
            ("WOMAN", "BAGS", "SHOULDER", "Mini Sling Bag"),
            ("KIDS", "GIRLS", "DRESSES", "Vintage Check Dress"),
            ("MAN", "SHOES", "SNEAKERS", "Leather Sneakers"),
            ("WOMAN", "BEAUTY", "LIPS", "Burberry Kisses – Ruby No.100"),
        ],
    )
    report = compare(synth, real)
    triples, nouns = report.coverage
    assert (triples.covered, triples.total, triples.missing) == (3, 4, ("MAN / ACCESSORIES / WALLETS & CARD CASES",))
    assert (nouns.covered, nouns.total, nouns.missing) == (2, 3, ("Card Case",))
    assert report.coverage_score == pytest.approx((3 / 4 + 2 / 3) / 2)
    assert report.score("TVComplement", "category1_code") == pytest.approx(1 - 0.5 * (0.1 + 0.05 + 0.05))
    assert report.schema_check.format == "csv" and not report.schema_check.dtypes_recorded
    assert report.schema_check.score == 1.0
    shared = {group.category2: (group.synth_rows, group.real_rows) for group in report.price_by_category2}
    assert shared == {"BAGS": (1, 2), "BEAUTY": (1, 1), "GIRLS": (1, 1)}  # the category2 values in both sets


# --- schema conformance ------------------------------------------------------------------------------


@pytest.fixture
def dbq_table(synth_frame) -> pa.Table:
    return pa.Table.from_pandas(synth_frame.head(30), schema=arrow_schema(with_images=False), preserve_index=False)


def test_schema_conformance_of_a_hand_written_parquet(dbq_table, tmp_path):
    good = tmp_path / "good.parquet"
    pq.write_table(dbq_table, good)
    assert schema_conformance(good).score == 1.0

    order = list(DBQ_COLUMNS)
    order[12], order[13] = order[13], order[12]  # price before full_price
    pq.write_table(dbq_table.select(order), reordered := tmp_path / "reordered.parquet")
    check = schema_conformance(reordered)
    assert check.order == pytest.approx(16 / 17) and check.score == pytest.approx(16 / 17)
    assert any("out of DBQ order" in issue for issue in check.issues)

    pq.write_table(dbq_table.drop_columns(["brand"]), missing := tmp_path / "missing.parquet")
    check = schema_conformance(missing)
    assert check.present == pytest.approx(16 / 17) and "missing brand" in check.issues

    retyped_table = dbq_table.set_column(12, "full_price", dbq_table["full_price"].cast(pa.int64()))
    pq.write_table(retyped_table, retyped := tmp_path / "retyped.parquet")
    check = schema_conformance(retyped)
    assert check.dtypes == pytest.approx(16 / 17) and "full_price is int64, DBQ has float64" in check.issues

    with_image = dbq_table.append_column("image", pa.array(["x"] * dbq_table.num_rows))
    pq.write_table(with_image, image := tmp_path / "image.parquet")
    assert schema_conformance(image).score == 1.0
    with_extra = dbq_table.append_column("local_image_path", pa.array(["x"] * dbq_table.num_rows))
    pq.write_table(with_extra, extra := tmp_path / "extra.parquet")
    assert schema_conformance(extra).score == pytest.approx(17 / 18)


def test_schema_conformance_feeds_the_overall_score_and_a_missing_column_is_one_error(dbq_table, tmp_path):
    order = list(DBQ_COLUMNS)
    order[12], order[13] = order[13], order[12]
    pq.write_table(dbq_table.select(order), reordered := tmp_path / "reordered.parquet")
    pq.write_table(dbq_table, good := tmp_path / "good.parquet")
    report = compare(reordered, good)
    assert report.overall == pytest.approx(16 / 17)  # every other score is 1: same rows
    pq.write_table(dbq_table.drop_columns(["brand"]), missing := tmp_path / "missing.parquet")
    with pytest.raises(RealDataError, match=r"synthetic input: .* is missing DBQ columns: brand"):
        compare(missing, good)


def test_a_folder_scores_as_its_worst_shard(dbq_table, tmp_path):
    folder = tmp_path / "folder" / "data"
    folder.mkdir(parents=True)
    pq.write_table(dbq_table.slice(0, 15), folder / "train-00000-of-00002.parquet")
    retyped = dbq_table.slice(15).set_column(16, "flg_discount", dbq_table.slice(15)["flg_discount"].cast(pa.int32()))
    pq.write_table(retyped, folder / "train-00001-of-00002.parquet")
    check = schema_conformance(folder.parent)
    assert check.score == pytest.approx(16 / 17)
    assert check.issues == ("flg_discount is int32, DBQ has int64 (in data/train-00001-of-00002.parquet)",)


# --- report folder -----------------------------------------------------------------------------------


def test_report_folder_holds_markdown_and_readable_pngs(synth_folder, tmp_path):
    out = tmp_path / "report"
    report = compare(synth_folder, REFERENCE_CSV, real_country="CHI", report_dir=out)
    assert sorted(p.name for p in out.iterdir()) == sorted(["report.md", "report.json", *REPORT_PNGS])
    text = (out / "report.md").read_text(encoding="utf-8")
    assert f"**overall = {report.overall:.3f}**" in text
    assert FORMULA in text and str(synth_folder) in text and str(REFERENCE_CSV) in text
    for name in REPORT_PNGS:
        assert f"]({name})" in text
        with Image.open(out / name) as image:
            image.verify()
        with Image.open(out / name) as image:
            assert image.format == "PNG" and image.width >= 600 and image.height >= 200
    assert report.real_country == "CHI" and report.score("TVComplement", "country_code") == 0.0

    compare(synth_folder, synth_folder, report_dir=out)  # an earlier report is replaced whole
    assert "**overall = 1.000**" in (out / "report.md").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["report"]  # no staging or retired folders left


def test_a_folder_of_other_files_is_never_replaced(synth_folder, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FidelityError, match="not a fidelity report"):
        compare(synth_folder, synth_folder, report_dir=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


# --- command line ------------------------------------------------------------------------------------


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_compare_command_runs_on_its_own_parser(capsys, synth_folder):
    parser = OneLineParser(prog="samplegen")
    compare_command.add_command(parser.add_subparsers(dest="command", parser_class=OneLineParser))
    args = parser.parse_args(["compare", str(synth_folder), str(REFERENCE_CSV), "--country", "FRA"])
    assert isinstance(args, argparse.Namespace) and args.handler(args) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "(6 rows, FRA)" in out


# The two tests below go through samplegen.cli.main, so they need `compare.add_command` in cli.COMMANDS.
def test_cli_compare_prints_the_table(capsys, synth_folder, tmp_path):
    code, out, err = run_main(
        capsys, "compare", str(synth_folder), str(REFERENCE_CSV), "--country", "CHI", "--report", str(tmp_path / "r")
    )
    assert code == 0, err
    assert "TVComplement" in out and "KSComplement" in out and "overall" in out and "(20 rows, CHI)" in out
    assert (tmp_path / "r" / "report.md").is_file()


@pytest.mark.parametrize("which", ["synth", "real"])
def test_cli_missing_input_is_one_line_with_exit_code_2(capsys, synth_folder, tmp_path, which):
    missing = str(tmp_path / "nowhere.parquet")
    args = [missing, str(REFERENCE_CSV)] if which == "synth" else [str(synth_folder), missing]
    code, out, err = run_main(capsys, "compare", *args, "--country", "CHI", "--report", str(tmp_path / "r"))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samplegen: error:")
    assert f"{missing}: no such file" in lines[0] and "Traceback" not in err
    assert not (tmp_path / "r").exists()
