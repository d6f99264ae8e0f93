"""Bad generation options and untrusted images are refused in one line, before any model loads or pixel decodes."""

from __future__ import annotations

import time

import pytest
from PIL import Image, ImageFile

from finetune.cli import main
from finetune.collate import open_image
from finetune.data import DropReason, image_problem
from finetune.errors import RefusedImage
from finetune.untrusted_image import BOMB, open_untrusted
from tests.finetune.image_server import bomb_png, jpeg_bytes

NO_MODEL = "/nonexistent/model"  # loading it would fail: an option error proves the check came first


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("finetune: error: ") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--batch-size", "0"], "batch size must be at least 1 (got 0)"),
        (["--batch-size", "-1"], "batch size must be at least 1 (got -1)"),
        (["--max-new-tokens", "0"], "max new tokens must be at least 1 (got 0)"),
    ],
)
def test_predict_refuses_bad_generation_options_before_loading_the_model(tmp_path, capsys, args, fragment):
    image = tmp_path / "shirt.jpg"
    image.write_bytes(jpeg_bytes("shirt"))
    assert main(["predict", "--model", NO_MODEL, str(image), *args]) == 2
    assert fragment in one_line_error(capsys)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--batch-size", "0"], "batch size must be at least 1 (got 0)"),
        (["--max-new-tokens", "-3"], "max new tokens must be at least 1 (got -3)"),
        (["--samples", "0"], "samples must be at least 1 (got 0)"),
    ],
)
def test_evaluate_refuses_bad_options_before_reading_the_run(capsys, args, fragment):
    assert main(["evaluate", "--model", NO_MODEL, "--data", "/nonexistent/data", *args]) == 2
    assert fragment in one_line_error(capsys)


# -- decompression bombs ------------------------------------------------------------------------------


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any image's pixels are decoded."""

    def refuse(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


@pytest.fixture(scope="module")
def bomb_file(tmp_path_factory):
    """A 10000×10000 1-bit PNG: a few kB on disk, 300 MB as RGB; Pillow only warns about it."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.png"
    path.write_bytes(bomb_png(10_000))
    assert path.stat().st_size < 100_000
    return path


def test_predict_refuses_a_bomb_in_one_line_without_decoding_it(bomb_file, capsys, no_decoding):
    started = time.monotonic()
    assert main(["predict", "--model", NO_MODEL, str(bomb_file)]) == 2
    assert time.monotonic() - started < 1.0
    err = one_line_error(capsys)
    assert f"cannot read image {bomb_file}: " in err and "100000000 pixels" in err and "decompression bomb" in err


def test_every_opener_refuses_the_bomb_the_data_loader_drops(bomb_file, no_decoding):
    data = bomb_file.read_bytes()
    assert image_problem(data) is DropReason.DECOMPRESSION_BOMB
    for value in (bomb_file, data):
        with pytest.raises(RefusedImage) as refused:
            open_untrusted(value)
        assert refused.value.kind == BOMB
    for cell in ({"bytes": data, "path": "bomb.png"}, {"bytes": None, "path": str(bomb_file)}):
        with pytest.raises(RefusedImage, match="decompression bomb"):
            open_image(cell)


def test_an_opened_image_over_the_limit_is_refused_too(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(RefusedImage, match="it declares 20×20 pixels, over the limit of 100"):
        open_image(Image.new("RGB", (20, 20)))
    assert open_image(Image.new("RGB", (10, 10))).size == (10, 10)


def test_a_missing_or_broken_image_is_one_line(tmp_path, capsys):
    (tmp_path / "broken.jpg").write_bytes(jpeg_bytes("broken")[:200])
    for name, fragment in [("missing.jpg", "it does not exist"), ("broken.jpg", "Truncated")]:
        assert main(["predict", "--model", NO_MODEL, str(tmp_path / name)]) == 2
        assert f"cannot read image {tmp_path / name}: " in (err := one_line_error(capsys)) and fragment in err, err
