"""Index image to RGB: the fast table lookup gives exactly what Pillow's documented conversion gives."""

import numpy as np
import pytest

from samplegen.plan import iter_plan
from samplegen.render import lookup
from samplegen.render.renderer import compose, shot_palettes
from samplegen.render.scene import sample_scene
from samplegen.rows import RowMaker
from samplegen.spec import ProfileTables, product_spec
from schemas import BuildConfig


@pytest.fixture(scope="module")
def canvases_and_palettes(us_profile):
    tables = ProfileTables.of(us_profile)
    maker = RowMaker(2, tables)
    rng = np.random.default_rng(2)
    shots = []
    for planned in iter_plan(BuildConfig(n=24, seed=2), us_profile):
        maker.row(planned)
        spec = product_spec(maker.group(planned), planned, tables)
        shots.append((spec, sample_scene(rng, 6.0)))
    palettes = shot_palettes(shots)
    return [(compose(spec, scene, 128), palette) for (spec, scene), palette in zip(shots, palettes, strict=True)]


def test_table_lookup_equals_the_palette_conversion_on_real_shots(canvases_and_palettes):
    for canvas, palette in canvases_and_palettes:
        fast, portable = lookup.rgb_by_point(canvas, palette), lookup.rgb_by_convert(canvas, palette)
        assert fast.mode == portable.mode == "RGB"
        assert fast.tobytes() == portable.tobytes()


def test_the_index_image_is_left_as_it_was(canvases_and_palettes):
    canvas, palette = canvases_and_palettes[0]
    before = canvas.tobytes()
    for to_rgb in (lookup.index_to_rgb, lookup.rgb_by_convert):
        to_rgb(canvas, palette)
        assert canvas.mode == "L" and canvas.tobytes() == before


def test_the_portable_conversion_is_used_where_the_lookup_is_missing_or_differs(monkeypatch):
    assert lookup._point_matches_convert() == (lookup.index_to_rgb is lookup.rgb_by_point)

    def missing(index, palette):
        raise AttributeError("'ImagingCore' object has no attribute 'point'")

    monkeypatch.setattr(lookup, "rgb_by_point", missing)
    assert not lookup._point_matches_convert()

    def swapped_channels(index, palette):
        return lookup.rgb_by_convert(index, palette[1:] + palette[:1])

    monkeypatch.setattr(lookup, "rgb_by_point", swapped_channels)
    assert not lookup._point_matches_convert()
