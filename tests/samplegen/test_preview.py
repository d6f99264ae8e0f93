"""The contact sheet and the profile/preview commands."""

import pytest
from PIL import Image

import samplegen
from samplegen.cli import main
from samplegen.sheet import PreviewError
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
    assert main(["build", "--profile", str(tmp_path / "chi.json"), "--n", "40", "--no-images", "--quiet", "--out", str(out)]) == 0
    loaded = samplegen.build(n=40, profile=str(tmp_path / "chi.json"), with_images=False, out=tmp_path / "api")
    assert set(loaded["train"]["currency_code"]) == {"CNY"}


def test_profile_command_errors(tmp_path, capsys):
    assert main(["profile", str(REFERENCE_CSV), "-o", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("samplegen: error:") and "pick one with --country" in err and err.count("\n") == 1
    assert not (tmp_path / "p.json").exists()
