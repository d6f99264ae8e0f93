"""Build a data set: check the settings, stage the output folder, let an engine write the shards, add the card."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import ValidationError

from samplegen.built_folder import is_samplegen_build
from samplegen.card import SplitStats, card_text
from samplegen.codes import check_code_space
from samplegen.engines import check_engine
from samplegen.errors import ConfigError, OutputError, describe_validation_error
from samplegen.heap import kept_heap
from samplegen.hf_features import arrow_schema
from samplegen.learnability import build_ceiling
from samplegen.output import staged_folder
from samplegen.profiles import load_profile
from samplegen.remote_output import is_url, staged_url
from samplegen.version import samplegen_version
from schemas import BuildConfig, Profile

DATA_FOLDER = "data"
IN_MEMORY_BYTES = 2 * 2**30  # build() reads a data set up to this size from its shards into memory


def make_config(config: BuildConfig | None = None, **settings: Any) -> BuildConfig:
    """A validated config from a BuildConfig and/or keyword settings; one-line ConfigError if invalid,
    ProfileError if its profile cannot be loaded, ConfigError if the profile's product codes cannot hold `n`."""
    try:
        if config is None:
            made = BuildConfig(**settings)
        elif not settings:
            made = config
        else:
            made = BuildConfig(**{**config.model_dump(), **settings})
    except ValidationError as error:
        raise ConfigError(f"invalid build setting: {describe_validation_error(error)}") from None
    except TypeError as error:
        raise ConfigError(f"invalid build setting: {error}") from None
    check_code_space(made, load_profile(made.profile))
    return made


def write_dataset(
    config: BuildConfig,
    out: str | os.PathLike,
    *,
    overwrite: bool = False,
    progress: bool | None = None,
    engine: str = "local",
    address: str | None = None,
) -> Path | str:
    """Write the Hub-ready folder (`data/*.parquet` shards + README.md card) and return its path.

    With `overwrite`, a non-empty `out` is replaced only when an earlier samplegen build made it.
    `engine="ray"` makes one Ray task per shard, on the cluster at `address` ("auto" or "HOST:PORT") or
    on a local one started for the build; its output is byte for byte the local engine's. With it, `out`
    may also be an fsspec URL (`s3://...`, `gs://...`, `file://...`), returned as it is.
    """
    check_engine(engine, address)
    if not os.fspath(out).strip():
        raise OutputError("the output folder is an empty path; give a folder name, e.g. --out out/samplegen-us")
    profile = load_profile(config.profile)
    check_code_space(config, profile)
    schema = arrow_schema(config.with_images, config.with_spec)
    if is_url(out):
        if engine != "ray":
            raise OutputError(f"--out {out} is a URL: writing to one needs --engine ray (or give a local folder)")
        with staged_url(out, overwrite) as (fs, staging):
            data = f"{staging}/{DATA_FOLDER}"
            fs.makedirs(data, exist_ok=True)
            stats = _write_shards(config, profile, fs.unstrip_protocol(data), schema, progress, engine, address)
            fs.pipe_file(f"{staging}/README.md", _card(config, profile, stats).encode("utf-8"))
        return out
    out = Path(out).expanduser().absolute()
    with kept_heap(), staged_folder(out, overwrite, is_samplegen_build) as staging:
        data = staging / DATA_FOLDER
        data.mkdir()
        stats = _write_shards(config, profile, data, schema, progress, engine, address)
        (staging / "README.md").write_text(_card(config, profile, stats), encoding="utf-8")
    return out


def _write_shards(
    config: BuildConfig,
    profile: Profile,
    data: Path | str,
    schema: pa.Schema,
    progress: bool | None,
    engine: str,
    address: str | None,
) -> list[SplitStats]:
    """The engine's shards in the folder `data` (a local path, or an fsspec URL for the Ray engine)."""
    if engine == "ray":
        from samplegen.engines import ray_engine  # noqa: PLC0415

        return ray_engine.write_shards(config, profile, str(data), schema, progress, address)
    from samplegen.engines import local  # noqa: PLC0415

    return local.write_shards(config, profile, data, schema, progress)


def _card(config: BuildConfig, profile: Profile, stats: list[SplitStats]) -> str:
    """The card, with the learnability ceiling of an image build (made again from the specs: no pixels)."""
    ceiling = build_ceiling(config, profile) if config.with_images else None
    return card_text(config, profile, stats, samplegen_version(), ceiling)


def default_cache_folder(config: BuildConfig) -> Path:
    """Where `build()` keeps a data set when no folder is given: keyed by the config and samplegen version."""
    root = Path(os.environ.get("SAMPLEGEN_CACHE", Path.home() / ".cache" / "samplegen"))
    profile = load_profile(config.profile).model_dump_json()
    key = hashlib.sha256(f"{samplegen_version()}\n{config.model_dump_json()}\n{profile}".encode()).hexdigest()[:16]
    return root / f"{config.profile.replace(os.sep, '_')}-n{config.n}-seed{config.seed}-{key}"


def build(
    config: BuildConfig | None = None,
    *,
    out: str | os.PathLike | None = None,
    overwrite: bool = False,
    progress: bool | None = None,
    engine: str = "local",
    address: str | None = None,
    **settings: Any,
):
    """Build a data set and return it as a `datasets.DatasetDict` (one entry per split).

    Settings are BuildConfig fields (`n`, `seed`, `profile`, `image_size`, `splits`, `num_proc`, ...).
    Without `out`, the folder goes to a cache keyed by the settings and reused when already complete.
    `engine` and `address` are write_dataset's: the same data set, made on a Ray cluster.
    The data set is read from the shards as they are, into memory (no second copy on disk); one larger
    than `IN_MEMORY_BYTES` is memory-mapped from an Arrow copy in the `datasets` cache.
    """
    config = make_config(config, **settings)
    if is_url(out):
        raise OutputError(f"build() loads the data set from a local folder, not {out}; use write_dataset() for a URL")
    if out is None:
        folder = default_cache_folder(config)
        if not (folder / "README.md").is_file():
            write_dataset(config, folder, overwrite=True, progress=progress, engine=engine, address=address)
    else:
        folder = write_dataset(config, out, overwrite=overwrite, progress=progress, engine=engine, address=address)
    return _load(Path(folder))


def _load(folder: Path):
    """The built folder's splits: read as they are (`samplegen.dbq.folders`), or through the datasets cache
    keyed by each shard's path and time when too large for memory."""
    import datasets  # noqa: PLC0415

    from samplegen.dbq.folders import load_folder, parquet_splits  # noqa: PLC0415

    splits = parquet_splits(folder) or {}
    if sum(path.stat().st_size for shards in splits.values() for path in shards) <= IN_MEMORY_BYTES:
        return load_folder(folder)
    files = {name: [str(path) for path in shards] for name, shards in splits.items()}
    return datasets.load_dataset("parquet", data_files=files)
