"""Names of the columns a build adds after the 17 DBQ columns (kept apart from `features`, which imports
`datasets`, so that the build's worker processes can use them)."""

IMAGE_COLUMN = "image"  # the rendered product shot
SPEC_COLUMN = "spec"  # the latent ProductSpec as JSON, only with --with-spec
