"""The per-process work: planned rows in, finished rows (with encoded images) out.

Kept free of `datasets` so worker processes start quickly.
"""

from __future__ import annotations

import io

from samplegen.hf_features import IMAGE_COLUMN, SPEC_COLUMN
from samplegen.plan import PlannedRow
from samplegen.rows import RowCheck, row_of
from samplegen.spec import ProfileTables, SpecMaker
from schemas import BuildConfig, ImageFormat, Profile

CHUNK_ROWS = {True: 16, False: 2048}  # rows per `make_chunk` call, with and without images
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

    def __init__(self, config: BuildConfig, profile: Profile) -> None:
        self.config = config
        self.profile = profile
        self.tables = ProfileTables.of(profile, price_noise=config.price_noise)
        self.specs = SpecMaker(config.seed, self.tables)
        self.check = RowCheck(profile)
        if config.with_images:
            from samplegen.render.shots import ProductShots  # noqa: PLC0415 - only image builds pay for it

            self._shots = ProductShots(config.seed, config.image_size)

    def make_chunk(self, chunk: list[PlannedRow]) -> list[tuple[int, dict]]:
        """(split index, row) for each planned row, with its encoded image when the config wants images,
        and its spec as JSON with `with_spec`.

        Each row's spec is sampled once; its columns (checked as a `ProductRow`) and its image are both
        made from it. The specs, scenes and palettes are all made before any pixel work: the palettes
        in one set of array operations, and the small steps without the drawing and encoding in between
        pushing them out of the CPU caches.
        """
        specs = [self.specs.spec(planned) for planned in chunk]
        rows = [self.check(row_of(spec, self.profile, self.tables.titles)) for spec in specs]
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
        return [(planned.split, row) for planned, row in zip(chunk, rows, strict=True)]
