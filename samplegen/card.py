"""The dataset card (README.md): Hub YAML metadata and prose that says exactly how the data was made."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from samplegen.build_record import RECORD_KEY, record_metadata
from samplegen.ceiling_figures import Ceiling
from samplegen.hf_features import features_yaml
from schemas import BuildConfig, Profile
from schemas.config import format_image_size

LICENSE = "cc-by-4.0"
TASK_CATEGORIES = ["image-to-text", "visual-question-answering", "image-classification"]
TAGS = ["synthetic", "e-commerce", "fashion", "product-pricing", "samplegen", "dbq", "burberry"]
SIZE_CATEGORIES = [  # the Hub's size_categories: (first n above the category, its label)
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
]


@dataclass(frozen=True)
class SplitStats:
    name: str
    num_examples: int
    num_bytes: int
    download_size: int


def size_category(n: int) -> str:
    return next((label for limit, label in SIZE_CATEGORIES if n < limit), "1B<n<10B")


def build_command(config: BuildConfig) -> str:
    """The CLI command that reproduces `config` (the output folder is the only free choice)."""
    splits = ",".join(f"{name}={share:g}" for name, share in config.splits.items())
    parts = [
        "samplegen build",
        f"--n {config.n}",
        f"--seed {config.seed}",
        f"--profile {config.profile}",
        f"--image-size {format_image_size(config.image_size)}",
        f"--image-format {config.image_format.value}",
        f"--quality {config.image_quality}",
        f"--splits {splits}",
        f"--shard-size {config.shard_size}" if config.shard_size is not None else f"--shard-bytes {config.shard_bytes}",
    ]
    if config.price_noise is not None:
        parts.append(f"--price-noise {config.price_noise:g}")
    if not config.with_images:
        parts.append("--no-images")
    if config.with_spec:
        parts.append("--with-spec")
    return " ".join(parts) + " --out DIR"


def _discount_note(profile: Profile) -> str:
    if profile.discount_rate <= 0:
        return "no discounts"
    depths = ", ".join(f"{depth.off:.0%}" for depth in profile.discount_depths)
    return f"{profile.discount_rate:.1%} of products discounted ({depths} off, `flg_discount` 1)"


def _price_noise(config: BuildConfig, profile: Profile) -> float:
    return profile.price_noise if config.price_noise is None else config.price_noise


def ceiling_section(ceiling: Ceiling | None, config: BuildConfig) -> str:
    """The card's "Learnability ceiling" section: what an oracle reading exactly the drawn cues scores."""
    if not config.with_images:
        return (
            "## Learnability ceiling\n\nNot computed: this build has no images (`--no-images`) to read. "
            "`samplegen ceiling DIR` computes what the shots of the same build would allow.\n"
        )
    if ceiling is None:
        return (
            "## Learnability ceiling\n\nNot computed: the ceiling is fitted on a `train` split and scored on a "
            "`test` split, and this build does not have both.\n"
        )
    first = f" among the build's first {ceiling.observed_rows:,} rows" if ceiling.observed_rows < config.n else ""
    return f"""## Learnability ceiling

The generator knows each row's latent product description, so it can say how much of each answer the
image carries. An oracle that sees exactly what a shot draws (item kind and noun shape, audience,
collection badge, size, pattern, material and detail looks, bag family, beauty line, colours) and nothing
else, fitted on the {ceiling.train_rows:,} train rows and scored on the {ceiling.test_rows:,} test rows{first}, reaches:

| answer | oracle on test |
|---|---|
| category3 accuracy | {ceiling.category3_accuracy:.3f} |
| exact title | {ceiling.title_exact:.3f} |
| full price, mean absolute percentage error | {ceiling.price_mape:.1%} |
| full price within 10% | {ceiling.price_within_10pct:.1%} |
| full price in the right third (train terciles) | {ceiling.price_tercile_accuracy:.3f} |

Read a model's test score as a fraction of these: beyond them the images carry no more. (For each
combination of cues the oracle answers the most common train answer, backing off to coarser cues for
combinations train never showed; prices come from a log-linear fit of the train prices on the cues.)
{ceiling.shared_noun_rows:,} of the {ceiling.observed_rows:,} rows name a noun drawn the same way as another noun of
its kind.
`samplegen ceiling DIR` computes the figures again from the build settings in this card's metadata.
"""


def card_text(
    config: BuildConfig, profile: Profile, splits: list[SplitStats], version: str, ceiling: Ceiling | None = None
) -> str:
    """The README.md of a built folder. Holds no timestamps or paths, so it is reproducible byte for byte.

    The front matter records the build's settings under `samplegen` (with the ceiling's figures), so that
    `samplegen ceiling` can make the specs again."""
    metadata = {
        "license": LICENSE,
        "language": ["en"],
        "pretty_name": f"Synthetic {profile.description or profile.name} (samplegen)",
        "task_categories": TASK_CATEGORIES,
        "size_categories": [size_category(config.n)],
        "tags": TAGS,
        "dataset_info": {
            "features": features_yaml(config.with_images, config.with_spec),
            "splits": [{"name": s.name, "num_bytes": s.num_bytes, "num_examples": s.num_examples} for s in splits],
            "download_size": sum(s.download_size for s in splits),
            "dataset_size": sum(s.num_bytes for s in splits),
        },
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": s.name, "path": f"data/{s.name}-*"} for s in splits],
            }
        ],
        RECORD_KEY: record_metadata(config, profile, version, None if ceiling is None else ceiling.as_dict()),
    }
    header = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True)
    split_lines = "\n".join(f"| {s.name} | {s.num_examples:,} |" for s in splits)
    width, height = config.image_dims
    image_note = (
        f"`image` is a {width}×{height} {config.image_format.value} "
        f"(quality {config.image_quality}) studio shot rendered from the same latent product description "
        "as the row: silhouette of the product type, its colour, pattern and material cues, cut for its "
        "audience (children's items at child proportions), drawn at a fixed scale against the ruler at the "
        "bottom left, with a corner badge for collection leaves (new in, best sellers, gifts, runway, ...)."
        if config.with_images
        else "This build has no image column (`--no-images`)."
    )
    spec_note = (
        "\n`spec` holds each row's latent product description (`schemas.ProductSpec`) as JSON (`--with-spec`).\n"
        if config.with_spec
        else ""
    )
    return f"""---
{header}---

# Synthetic DBQ Burberry product price list ({profile.country_code}, {profile.currency_code})

Synthetic sample data shaped exactly like the DBQ "{profile.description or profile.name}" data set:
the same 17 columns in the same order with the same dtypes (`website_name` … `flg_discount`), the same
value rules (8-digit product codes, title grammar, `itemurl` slug rule, `imageurl` pattern, EUR columns =
local price / {profile.eur_rate} truncated to cents, {_discount_note(profile)}), plus an `image` column.
**No row is real.**

{image_note}
{spec_note}
## How it was made

Generated by [samplegen](https://pypi.org/project/samplegen/) {version} with profile `{config.profile}`.
Each product group (colour variants share a title, a price and codes 10 apart) is sampled from the
profile's taxonomy and vocabularies; titles, prices, URLs and the image are derived from that one
description. Rows of a product group never straddle splits. A price is the product type's base price
times factors the image shows (noun, size, pattern, material, detail, bag family, beauty line and
shade, the category leaf), times one hidden factor: log-normal noise with standard deviation
{_price_noise(config, profile):g} (`--price-noise`) among products of the same title and leaf.

Reproduce it byte for byte (same samplegen and library versions):

```bash
{build_command(config)}
```

Seed: `{config.seed}`.

| split | rows |
|---|---|
{split_lines}

{ceiling_section(ceiling, config)}
## Intended use

Developing, testing and benchmarking models that read a product photo and answer
"Product: <title>, Category: <category3_code>, Full Price: <full_price>" without touching real data.
Prices and categories follow the real data's structure and ranges, not any real product.
"""
