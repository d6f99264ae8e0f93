"""The per-process work: planned rows in, finished rows (with encoded images) out.

Kept free of `datasets` so worker processes start quickly.
"""

from __future__ import annotations

import io

from samplegen.column_names import IMAGE_COLUMN, SPEC_COLUMN
from samplegen.oracle import Observation, observe
from samplegen.plan import PlannedRow
from samplegen.rows import RowMaker
from samplegen.spec import ProfileTables, product_spec
from schemas import BuildConfig, ImageFormat, Profile, ProductSpec

CEILING_ROWS = 20_000  # the learnability ceiling is fitted and scored on the build's first rows (plan order)

IMAGE_EXTENSIONS = {ImageFormat.JPEG: "jpg", ImageFormat.PNG: "png", ImageFormat.WEBP: "webp"}


def encode_image(image, image_format: ImageFormat, quality: int) -> bytes:
    buffer = io.BytesIO()
    if image_format is ImageFormat.PNG:
        image.save(buffer, "PNG")
    else:
        image.save(buffer, image_format.value, quality=quality)
    return buffer.getvalue()


class RowFactory:
    """Everything one process needs to turn planned rows into finished rows."""

    def __init__(self, config: BuildConfig, profile: Profile, *, observing: bool | None = None) -> None:
        """`observing`: whether rows are observed for the learnability ceiling; by default, in image builds
        (a build without images has no shots to read, and skips the cost)."""
        self.config = config
        self.observing = config.with_images if observing is None else observing
        self.tables = ProfileTables.of(profile)
        self.rows = RowMaker(config.seed, self.tables)
        if config.with_images:
            from samplegen.render.shots import ProductShots  # noqa: PLC0415 - only image builds pay for it

            self._shots = ProductShots(config.seed, config.image_size)

    def make_chunk(self, chunk: list[PlannedRow]) -> list[tuple[int, dict, Observation | None]]:
        """(split index, row, observation) for each planned row: its row with its encoded image when the
        config wants images (and its spec as JSON with `with_spec`), and what the learnability oracle
        learns from it (None when not observing, and past the first CEILING_ROWS rows).

        The rows' columns, specs, scenes and palettes are all made before any pixel work: the palettes
        in one set of array operations, and the small steps without the drawing and encoding in between
        pushing them out of the CPU caches.
        """
        wants_spec = self.config.with_images or self.config.with_spec
        rows: list[dict] = []
        specs: list[ProductSpec | None] = []
        for planned in chunk:
            rows.append(self.rows.row(planned))  # before `group`: the maker keeps the latest group only
            needed = wants_spec or (self.observing and planned.index < CEILING_ROWS)
            specs.append(product_spec(self.rows.group(planned), planned, self.tables) if needed else None)
        seen = [
            observe(spec, row) if self.observing and planned.index < CEILING_ROWS else None
            for planned, spec, row in zip(chunk, specs, rows, strict=True)
        ]
        if self.config.with_spec:
            for row, spec in zip(rows, specs, strict=True):
                row[SPEC_COLUMN] = spec.model_dump_json()
        if self.config.with_images:
            extension = IMAGE_EXTENSIONS[self.config.image_format]
            images = self._shots.draw_many(self._shots.prepare(specs))
            for planned, row, image in zip(chunk, rows, images, strict=True):
                row[IMAGE_COLUMN] = {
                    "bytes": encode_image(image, self.config.image_format, self.config.image_quality),
                    "path": f"{planned.product_code}.{extension}",
                }
        return [(planned.split, row, observed) for planned, row, observed in zip(chunk, rows, seen, strict=True)]
