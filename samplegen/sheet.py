"""A contact sheet: sample images of a built data set with title, category and price under each."""

from __future__ import annotations

import io
import math
import os
import random
import textwrap
from pathlib import Path

import pyarrow.parquet as pq
from PIL import Image, ImageDraw, ImageFont

from samplegen.atomic import atomic_path
from samplegen.dbq import IMAGE_COLUMN, check_parquet_files, find_damaged_parquet, load_folder, quiet_datasets
from samplegen.dbq.folders import parquet_splits, read_rows, split_rows
from samplegen.errors import PreviewError

CELL = 256  # image side in the sheet
CAPTION_LINES = 4
LINE_HEIGHT = 15
MARGIN = 8
BACKGROUND = (255, 255, 255)
INK = (30, 30, 30)
MUTED = (110, 110, 110)
SHEET_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}  # by the output file's extension


def _open_image(value: dict) -> Image.Image:
    """Decode an image cell with Pillow's decompression-bomb guard on."""
    data = value.get("bytes") if isinstance(value, dict) else None
    if not data:
        raise PreviewError("an image cell holds no bytes; preview needs a build with images")
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.convert("RGB")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont, width: int) -> str:
    """Shorten `text` with an ellipsis until it fits `width` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "...", font=font) > width:
        text = text[:-1]
    return text + "..."


def contact_sheet(rows: list[dict], columns: int) -> Image.Image:
    font = ImageFont.load_default(size=12)
    rows_count = math.ceil(len(rows) / columns)
    cell_height = CELL + MARGIN + CAPTION_LINES * LINE_HEIGHT + MARGIN
    sheet = Image.new("RGB", (columns * (CELL + MARGIN) + MARGIN, rows_count * cell_height + MARGIN), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    for index, row in enumerate(rows):
        x = MARGIN + (index % columns) * (CELL + MARGIN)
        y = MARGIN + (index // columns) * cell_height
        image = _open_image(row["image"])
        image.thumbnail((CELL, CELL))
        sheet.paste(image, (x + (CELL - image.width) // 2, y + (CELL - image.height) // 2))
        title_lines = textwrap.wrap(row["title"].replace("–", "-"), width=38)[:2]  # the bitmap font has no en dash
        caption = [
            *(line for line in title_lines),
            f"{row['category1_code']} / {row['category2_code']} / {row['category3_code']}",
            f"{row['full_price']:,.0f} {row['currency_code']}",
        ]
        for line_number, line in enumerate(caption):
            colour = MUTED if line_number == len(caption) - 2 else INK
            fitted = _fit(draw, line, font, CELL)
            draw.text((x, y + CELL + MARGIN + line_number * LINE_HEIGHT), fitted, fill=colour, font=font)
    return sheet


def _sampled_rows(source: Path, split: str | None, n: int, seed: int) -> list[dict]:
    """`n` rows of a split (the first by default) picked with `seed`, images undecoded: read from only the
    row groups that hold them in the parquet layout, else through `datasets`."""
    splits = parquet_splits(source)
    if splits is None:
        import datasets  # noqa: PLC0415

        with quiet_datasets():
            loaded = load_folder(source)
        names = list(loaded)
    else:
        names = list(splits)
    name = split or names[0]
    if name not in names:
        raise PreviewError(f"{source} has no split {name!r}; it has {', '.join(names)}")
    if splits is not None:
        if IMAGE_COLUMN not in pq.read_schema(splits[name][0]).names:
            raise PreviewError(f"{source} was built without images (--no-images); nothing to preview")
        total = split_rows(splits[name])
        return read_rows(splits[name], sorted(random.Random(seed).sample(range(total), min(n, total))))
    table = loaded[name]
    if IMAGE_COLUMN not in table.column_names:
        raise PreviewError(f"{source} was built without images (--no-images); nothing to preview")
    picks = sorted(random.Random(seed).sample(range(table.num_rows), min(n, table.num_rows)))
    return list(table.cast_column(IMAGE_COLUMN, datasets.Image(decode=False)).select(picks))


def preview(
    folder: str | os.PathLike,
    out: str | os.PathLike,
    *,
    n: int = 24,
    split: str | None = None,
    seed: int = 0,
    columns: int = 6,
) -> Path:
    """Write a contact sheet (PNG, or JPEG for a .jpg/.jpeg `out`) of `n` rows sampled (with `seed`) from a
    built data set folder."""
    if n <= 0 or columns <= 0:
        raise PreviewError(f"n and columns must be positive, got n={n}, columns={columns}")
    target = Path(out)
    image_format = SHEET_FORMATS.get(target.suffix.lower())
    if image_format is None:
        raise PreviewError(
            f"{target}: the sheet is written as .png, .jpg or .jpeg, not {target.suffix or 'no extension'!r}"
        )
    source = Path(folder)
    if not (source / "README.md").is_file() or not list(source.glob("data/*.parquet")):
        raise PreviewError(
            f"{source} is not a built data set folder (README.md and data/*.parquet); run `samplegen build` first"
        )
    shards = sorted(source.glob("data/*.parquet"))
    check_parquet_files(shards)
    try:
        rows = _sampled_rows(source, split, n, seed)
    except PreviewError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged shard surfaces as an Arrow or datasets error
        damaged = find_damaged_parquet(shards)
        if damaged is not None:
            raise damaged from None
        raise PreviewError(f"cannot load {source}: {type(error).__name__}: {_first_line(error)}") from None
    sheet = contact_sheet(rows, min(columns, len(rows)))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as partial:
            sheet.save(partial, image_format, **({"quality": 90} if image_format == "JPEG" else {}))
    except OSError as error:
        raise PreviewError(f"cannot write {target}: {error.strerror}; choose a path you can write to") from None
    return target
