"""A build's product shots: the colour variants of one product are photographed in one set-up.

A shot of (seed, group, variant) takes its set-up (backdrop style, light direction, shadow softness,
pose, framing, pattern phase) from draws keyed by (seed, group), and its tones (backdrop tones, shadow
depth, light contrast, warmth) from draws keyed by (seed, group, variant). Variants of a product thus
share the drawn index image, as a shop photographs every colour of an item the same way, and only the
palette is redone; each image still depends on its own row alone, never on which rows came before.

`prepare` does the small per-row work of many rows at once (scenes, and their palettes in one set of
array operations) and `draw` each row's pixel work.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from PIL import Image

from samplegen.render.cues import drawn_cues
from samplegen.render.renderer import check_size, colourise, compose, max_angle, shot_palettes
from samplegen.render.scene import N_RANDOM, TONE_DRAWS, Scene, scene_from
from samplegen.sampling import RENDER_SETUP_STREAM, RENDER_STREAM, uniform_draws
from schemas.product import ProductSpec

_COLOURS = ("colour", "accent")  # the drawn cues that only recolour a shot


def _shape_key(spec: ProductSpec) -> tuple:
    """Everything of a spec that `compose` reads (its drawn cues but the colours), with the product group."""
    cues = drawn_cues(spec)._asdict()
    return (spec.group, *(value for name, value in cues.items() if name not in _COLOURS))


CANVAS_BUDGET = 16 * 2**20  # bytes of index images `draw_many` draws ahead (64 rows' worth at 512 x 512)


class Shot(NamedTuple):
    """One row's prepared shot: its spec, scene and palette."""

    spec: ProductSpec
    scene: Scene
    palette: bytes


class ProductShots:
    """Renders rows of a build, reusing the last product's drawn set-up for its next colour variant."""

    def __init__(self, seed: int, size: int | tuple[int, int]) -> None:
        self.seed = seed
        self.size = check_size(size)  # (width, height)
        self._setup_key: tuple | None = None
        self._setup: list[float] = []
        self._canvas_key: tuple | None = None
        self._canvas: Image.Image | None = None

    def scene(self, spec: ProductSpec) -> Scene:
        """The scene of the spec's row: its product's set-up with its own tones."""
        key = _shape_key(spec)
        if key != self._setup_key:
            self._setup_key = key
            self._setup = uniform_draws(self.seed, RENDER_SETUP_STREAM, spec.group, count=N_RANDOM)
        tones = uniform_draws(self.seed, RENDER_STREAM, spec.group, spec.variant, count=len(TONE_DRAWS))
        draws = list(self._setup)
        for position, value in zip(TONE_DRAWS, tones, strict=True):
            draws[position] = value
        return scene_from(draws, max_angle(spec.kind))

    def prepare(self, specs: list[ProductSpec]) -> list[Shot]:
        """The rows' scenes and palettes: everything but the pixels."""
        scenes = [self.scene(spec) for spec in specs]
        palettes = shot_palettes(list(zip(specs, scenes, strict=True)))
        return [Shot(*shot) for shot in zip(specs, scenes, palettes, strict=True)]

    def draw(self, shot: Shot) -> Image.Image:
        """The prepared shot's RGB image (its product's index image is drawn once, then recoloured)."""
        return colourise(self._canvas_for(shot), shot.palette)

    def draw_many(self, shots: Sequence[Shot]) -> Iterator[Image.Image]:
        """Each prepared shot's RGB image, in order, as `draw` gives it one at a time.

        The index images of the next few products are drawn first, then each shot is recoloured as it is
        asked for, so a caller that encodes an image before taking the next one encodes it while it is
        fresh. Drawing back to back, and encoding back to back, instead of one after the other for each
        row, takes about 6% less time (4-9% in interleaved measurements, bench/bench_draw_order.py): the
        two working sets stop evicting each other from the CPU's caches. At most `CANVAS_BUDGET` bytes of index
        images are held at once.
        """
        batch = max(1, CANVAS_BUDGET // (self.size[0] * self.size[1]))
        for start in range(0, len(shots), batch):
            part = shots[start : start + batch]
            canvases = [self._canvas_for(shot) for shot in part]
            for shot, canvas in zip(part, canvases, strict=True):
                yield colourise(canvas, shot.palette)

    def _canvas_for(self, shot: Shot) -> Image.Image:
        """The shot's index image: the last one made when the shot is another variant of its product."""
        key = _shape_key(shot.spec)
        canvas = self._canvas
        if canvas is None or key != self._canvas_key:
            canvas = compose(shot.spec, shot.scene, self.size)
            self._canvas_key, self._canvas = key, canvas
        return canvas

    def render(self, spec: ProductSpec) -> Image.Image:
        """The row's RGB shot."""
        return self.draw(self.prepare([spec])[0])
