"""`samplegen build`: generate a data set folder."""

from __future__ import annotations

import argparse
import re

from samplegen.errors import ConfigError

_SIZE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[kKmMgGtT]?[bB]?)")
_UNITS = {prefix + suffix: 1000**power for power, prefix in enumerate(["", "K", "M", "G", "T"]) for suffix in ("", "B")}


def _parse_splits(text: str) -> dict[str, float]:
    splits: dict[str, float] = {}
    for part in text.split(","):
        name, _, share = part.partition("=")
        try:
            value = float(share)
        except ValueError:
            raise ConfigError(f"--splits must look like train=0.9,test=0.1, got {text!r}") from None
        if name.strip() in splits:
            raise ConfigError(f"--splits names the split {name.strip()!r} twice, got {text!r}")
        splits[name.strip()] = value
    return splits


def _parse_bytes(text: str) -> int:
    """A size in bytes from "500000000", "500MB", "1.5GB" or "200kB" (powers of 1000, as `datasets` counts)."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"must be a size such as 500MB, 2GB or 1000000 (bytes), got {text!r}")
    return int(float(match["number"]) * _UNITS[match["unit"].upper()])


def _check_push_target(repo_id: str) -> None:
    """Before building: the repo id is valid and the token may write there (so a bad one fails in seconds)."""
    from samplegen.hub_upload import check_write_access, quiet_hub  # noqa: PLC0415

    with quiet_hub():
        check_write_access(repo_id, repo_type="dataset")


def add_command(commands: argparse._SubParsersAction) -> None:
    from schemas import BuildConfig  # noqa: PLC0415

    defaults = BuildConfig()
    parser = commands.add_parser("build", help="generate a data set folder (parquet shards + dataset card)")
    parser.add_argument("--n", type=int, default=defaults.n, help=f"rows over all splits (default {defaults.n})")
    parser.add_argument("--seed", type=int, default=defaults.seed, help="seed; same seed and version, same bytes")
    parser.add_argument(
        "--out",
        default="out/samplegen-us",
        help="output folder (default out/samplegen-us); with --engine ray also an fsspec URL",
    )
    parser.add_argument("--profile", default=defaults.profile, help="built-in profile name or profile JSON path")
    parser.add_argument(
        "--image-size", default=str(defaults.image_size), help="image side in pixels, or WIDTHxHEIGHT (e.g. 512x640)"
    )
    parser.add_argument("--image-format", default=defaults.image_format.value, help="JPEG, PNG or WEBP")
    parser.add_argument("--quality", type=int, default=defaults.image_quality, help="JPEG/WEBP quality 1-100")
    parser.add_argument(
        "--splits", default=",".join(f"{k}={v:g}" for k, v in defaults.splits.items()), help="e.g. train=0.9,test=0.1"
    )
    parser.add_argument("--num-proc", type=int, default=defaults.num_proc, help="processes to use, this one included")
    parser.add_argument(
        "--shard-size",
        type=int,
        default=defaults.shard_size,
        metavar="ROWS",
        help="rows per parquet shard (default: from --shard-bytes)",
    )
    parser.add_argument(
        "--shard-bytes",
        type=_parse_bytes,
        default=defaults.shard_bytes,
        metavar="SIZE",
        help=f"bytes per parquet shard to aim for, e.g. 500MB or 2GB (default {defaults.shard_bytes // 10**6}MB), "
        "from an estimate of a row's size, so shards are the same on every engine",
    )
    parser.add_argument(
        "--price-noise",
        type=float,
        default=defaults.price_noise,
        metavar="SD",
        help="hidden price spread among products with the same title and leaf (sd of log price; "
        "0 makes price a function of what the image shows; default: the profile's price_noise)",
    )
    parser.add_argument("--no-images", action="store_true", help="only the 17 DBQ columns")
    parser.add_argument("--with-spec", action="store_true", help="add a JSON column `spec`: each row's latent spec")
    parser.add_argument(
        "--overwrite", action="store_true", help="replace an earlier samplegen build in the output folder"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--push-to", metavar="USER/NAME", help="then publish the folder to this Hub dataset repo")
    parser.add_argument(
        "--engine", default="local", help="local (this machine's processes) or ray (one Ray task per shard; same bytes)"
    )
    parser.add_argument(
        "--address", help="with --engine ray: the cluster to build on, auto or HOST:PORT (default: start a local one)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from samplegen.builder import make_config, write_dataset  # noqa: PLC0415
    from samplegen.engines import check_engine  # noqa: PLC0415
    from samplegen.heap import allow_heap_tuning  # noqa: PLC0415
    from samplegen.remote_output import is_url  # noqa: PLC0415

    allow_heap_tuning()  # this process is the command's own: builds keep freed memory (samplegen.heap)
    check_engine(args.engine, args.address)
    if args.push_to and is_url(args.out):
        raise ConfigError(f"--push-to publishes a local folder; --out {args.out} is a URL: give a local folder")

    config = make_config(
        n=args.n,
        seed=args.seed,
        profile=args.profile,
        image_size=args.image_size,
        image_format=args.image_format,
        image_quality=args.quality,
        splits=_parse_splits(args.splits),
        num_proc=args.num_proc,
        shard_size=args.shard_size,
        shard_bytes=args.shard_bytes,
        with_images=not args.no_images,
        price_noise=args.price_noise,
        with_spec=args.with_spec,
    )
    if args.push_to:
        _check_push_target(args.push_to)
    folder = write_dataset(
        config,
        args.out,
        overwrite=args.overwrite,
        progress=False if args.quiet else None,
        engine=args.engine,
        address=args.address,
    )
    print(folder)
    if args.push_to:
        from samplegen.commands.push import publish  # noqa: PLC0415

        return publish(folder, args.push_to)
    return 0
