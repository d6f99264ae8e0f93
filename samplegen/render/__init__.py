"""Product image renderer: a studio shot of a ProductSpec's item, pattern, material and details.

`render_product(spec, rng, size)` is a pure function of the spec, the rng state and the size (a side, or
(width, height)).
`silhouette_mask(kind, size, ...)` gives the item's foreground mask in a neutral pose.
"""

from samplegen.render.frame import MAX_SIZE, MIN_SIZE
from samplegen.render.renderer import clear_caches, render_product, silhouette_mask

__all__ = ["MAX_SIZE", "MIN_SIZE", "clear_caches", "render_product", "silhouette_mask"]
