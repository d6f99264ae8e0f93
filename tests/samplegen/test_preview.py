"""The contact sheet and the profile/preview commands."""

import pytest
from PIL import Image

import samplegen
from samplegen.cli import main
from samplegen.errors import PreviewError
from schemas import BuildConfig
from tests.conftest import REFERENCE_CSV


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("p") / "ds"
    return samplegen.write_dataset(BuildConfig(n=14, seed=4, image_size=64), folder)


def test_preview_draws_a_grid_of_captioned_images(built, tmp_path):
    sheet = samplegen.preview(built, tmp_path / "sheet.png", n=7, columns=3)
    with Image.open(sheet) as image:
        width, height = image.size
        # 3 columns x 3 rows of 256-px cells with captions under each
        assert width == 3 * (256 + 8) + 8
        assert height > 3 * 256
        cells = [image.crop((8 + c * 264, 8, 8 + c * 264 + 256, 8 + 256)) for c in range(3)]
        assert len({cell.tobytes() for cell in cells}) == 3  # three different products
    assert not list(tmp_path.glob(".*.partial"))


def test_preview_errors_are_one_line(built, tmp_path, capsys):
    with pytest.raises(PreviewError, match="is not a built data set folder"):
        samplegen.preview(tmp_path, tmp_path / "s.png")
    with pytest.raises(PreviewError, match="has no split 'valid'; it has train, test"):
        samplegen.preview(built, tmp_path / "s.png", split="valid")
    no_images = samplegen.write_dataset(BuildConfig(n=5, with_images=False), tmp_path / "meta")
    with pytest.raises(PreviewError, match="built without images"):
        samplegen.preview(no_images, tmp_path / "s.png")
    capsys.readouterr()
    assert main(["preview", str(tmp_path / "nothing"), "-o", str(tmp_path / "s.png")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_profile_command_writes_a_profile_that_builds(tmp_path, capsys):
    assert main(["profile", str(REFERENCE_CSV), "--country", "CHI", "-o", str(tmp_path / "chi.json")]) == 0
    assert "fitted 20 rows (CHI, CNY, EUR rate 7.866)" in capsys.readouterr().out
    out = tmp_path / "build"
    assert (
        main(
            ["build", "--profile", str(tmp_path / "chi.json"), "--n", "40", "--no-images", "--quiet", "--out", str(out)]
        )
        == 0
    )
    loaded = samplegen.build(n=40, profile=str(tmp_path / "chi.json"), with_images=False, out=tmp_path / "api")
    assert set(loaded["train"]["currency_code"]) == {"CNY"}


def test_profile_command_errors(tmp_path, capsys):
    assert main(["profile", str(REFERENCE_CSV), "-o", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("samplegen: error:") and "pick one with --country" in err and err.count("\n") == 1
    assert not (tmp_path / "p.json").exists()


# -- issue 19: damaged shards, the sheet's format ------------------------------------------------


@pytest.fixture
def damaged(built, tmp_path):
    """A copy of the built folder with its first train shard truncated; returns (folder, that shard)."""
    import shutil

    folder = tmp_path / "damaged"
    shutil.copytree(built, folder)
    shard = sorted((folder / "data").glob("train-*.parquet"))[0]
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    return folder, shard


def _one_line_error(code: int, err: str) -> str:
    assert code == 2 and err.count("\n") == 1 and err.startswith("samplegen: error: "), err
    assert "Traceback" not in err and "Generating" not in err
    return err


@pytest.mark.parametrize("command", ["preview", "compare", "profile"])
def test_a_truncated_shard_is_one_line_naming_the_file(damaged, tmp_path, capsys, command):
    folder, shard = damaged
    args = {
        "preview": ["preview", str(folder), "-o", str(tmp_path / "sheet.png")],
        "compare": ["compare", str(folder), str(REFERENCE_CSV), "--country", "CHI"],
        "profile": ["profile", str(folder), "-o", str(tmp_path / "profile.json")],
    }[command]

    code = main(args)

    err = _one_line_error(code, capsys.readouterr().err)
    assert f"{shard} is damaged (Parquet magic bytes not found in footer" in err
    assert not (tmp_path / "sheet.png").exists() and not (tmp_path / "profile.json").exists()


def test_a_shard_damaged_inside_is_found_after_the_read_fails(built, tmp_path, capsys):
    import shutil

    from samplegen.dbq import check_parquet_files, find_damaged_parquet

    folder = tmp_path / "damaged"
    shutil.copytree(built, folder)
    shard = sorted((folder / "data").glob("train-*.parquet"))[0]
    data = bytearray(shard.read_bytes())
    data[4:4096] = b"\xff" * (4096 - 4)  # the first pages, not the footer
    shard.write_bytes(bytes(data))
    check_parquet_files([shard])  # the footer alone looks fine
    assert find_damaged_parquet(sorted((folder / "data").glob("*.parquet"))) is not None

    code = main(["preview", str(folder), "-o", str(tmp_path / "sheet.png")])

    err = _one_line_error(code, capsys.readouterr().err)
    assert f"{shard} is damaged (" in err
    assert not (tmp_path / "sheet.png").exists()


@pytest.mark.parametrize(("name", "kind"), [("sheet.jpg", "JPEG"), ("sheet.JPEG", "JPEG"), ("sheet.png", "PNG")])
def test_the_sheet_format_follows_the_extension(built, tmp_path, name, kind):
    with Image.open(samplegen.preview(built, tmp_path / name, n=2)) as image:
        assert image.format == kind


@pytest.mark.parametrize("name", ["sheet.gif", "sheet"])
def test_an_unknown_sheet_extension_is_refused_before_reading(built, tmp_path, capsys, name):
    code = main(["preview", str(built), "-o", str(tmp_path / name)])

    err = _one_line_error(code, capsys.readouterr().err)
    assert "the sheet is written as .png, .jpg or .jpeg" in err
    assert list(tmp_path.iterdir()) == []
