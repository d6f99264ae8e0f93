"""The Ray engine: one Ray task per output shard, on a running cluster or a local one started for the build.

The driver (this process) makes one cheap pass over the plan to find where each shard starts
(`plan_shards`), then hands the shards out as tasks, a few per CPU of the cluster at a time, so its
memory does not grow with the build. Tasks that die with their worker are retried; any other failure
stops the build, and the builder removes what was staged.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator
from typing import Any

from samplegen.card import SplitStats
from samplegen.engines.ray_task import BuildSetup, ShardResult, library_versions, write_shard
from samplegen.errors import BuildError, ConfigError, SamplegenError
from samplegen.progress import progress_bar
from samplegen.shard_plan import plan_shards
from schemas import BuildConfig, Profile

TASK_RETRIES = 3  # a task whose worker dies (killed, out of memory, node lost) runs again this many times
TASKS_PER_CPU = 2  # tasks queued per CPU of the cluster: enough to keep it busy, few enough to keep memory flat
INSTALL_HINT = "pip install 'samplegen[ray]'"


def import_ray() -> Any:
    """The `ray` module, or one ConfigError line that says how to install it."""
    try:
        import ray  # noqa: PLC0415
    except ImportError:
        raise ConfigError(f"--engine ray needs Ray, which is not installed: {INSTALL_HINT}") from None
    return ray


@contextlib.contextmanager
def ray_session(ray: Any, address: str | None, num_cpus: int) -> Iterator[None]:
    """Connected to the cluster at `address`, or to a new local one with `num_cpus` CPUs; a session that
    this process already holds (`ray.init` called by the user) is used as it is and left open."""
    if ray.is_initialized():
        yield
        return
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    try:
        if address is None:
            ray.init(address="local", num_cpus=num_cpus, _node_ip_address="127.0.0.1", **options)
        else:
            ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as error:
        where = "start a local Ray cluster" if address is None else f"connect to the Ray cluster at {address}"
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise BuildError(f"cannot {where}: {reason}") from None
    try:
        yield
    finally:
        ray.shutdown()


def write_shards(
    config: BuildConfig, profile: Profile, data_url: str, schema: Any, progress: bool | None, address: str | None = None
) -> list[SplitStats]:
    """Write every split's shards into `data_url` (a folder all workers can reach); returns the card's statistics."""
    ray = import_ray()
    with ray_session(ray, address, config.num_proc):
        plan = plan_shards(config, profile)
        names = tuple(config.splits)
        setup = BuildSetup(
            build_id=uuid.uuid4().hex,
            config=config,
            profile=profile,
            schema=schema,
            data_url=data_url,
            split_names=names,
            shard_counts=tuple(plan.shard_count(split) for split in range(len(names))),
            versions=library_versions(),
        )
        task = ray.remote(num_cpus=1, max_retries=TASK_RETRIES)(write_shard)
        results = _run(ray, task, setup, plan, progress)
    _keep_only_shards(data_url, setup)
    return _split_stats(names, results)


def _keep_only_shards(data_url: str, setup: BuildSetup) -> None:
    """Remove what killed attempts left (their temporary files); BuildError if a shard is missing."""
    from fsspec.core import url_to_fs  # noqa: PLC0415

    from samplegen.shards import shard_name  # noqa: PLC0415

    fs, folder = url_to_fs(data_url)
    expected = {
        shard_name(name, index, count)
        for name, count in zip(setup.split_names, setup.shard_counts, strict=True)
        for index in range(count)
    }
    present = {entry.rstrip("/").rsplit("/", 1)[-1]: entry for entry in fs.ls(folder, detail=False)}
    for name, entry in present.items():
        if name not in expected:
            fs.rm(entry)
    if missing := sorted(expected - set(present)):
        raise BuildError(f"the Ray build lost shard {missing[0]} ({len(missing)} missing); nothing was written")


def _run(ray: Any, task: Any, setup: BuildSetup, plan: Any, progress: bool | None) -> list[ShardResult]:
    """Submit the shards in plan order, at most `TASKS_PER_CPU` per cluster CPU at a time; their results."""
    setup_ref = ray.put(setup)
    window = max(1, int(ray.cluster_resources().get("CPU", 1))) * TASKS_PER_CPU
    checkpoints: dict[int, Any] = {}  # the checkpoints of shards not yet submitted, put once each
    pending: list[Any] = []
    results: list[ShardResult] = []
    shards = iter(plan.shards)
    try:
        with progress_bar(setup.config.n, unit="row", desc="samplegen build", enabled=progress) as bar:
            while True:
                while len(pending) < window and (shard := next(shards, None)) is not None:
                    if shard.checkpoint not in checkpoints:
                        checkpoints.clear()  # shards come in plan order: earlier checkpoints are done with
                        checkpoints[shard.checkpoint] = ray.put(plan.checkpoints[shard.checkpoint])
                    pending.append(task.remote(setup_ref, shard, checkpoints[shard.checkpoint]))
                if not pending:
                    return results
                done, pending = ray.wait(pending, num_returns=1)
                result = _result(ray, done[0])
                results.append(result)
                bar.update(result.rows)
    except BaseException:
        for ref in pending:
            with contextlib.suppress(Exception):
                ray.cancel(ref, force=True)
        raise


def _result(ray: Any, ref: Any) -> ShardResult:
    """A task's result; its failure as one line (the task's own SamplegenError as it was raised)."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayTaskError as error:
        cause = error.cause
        if isinstance(cause, SamplegenError):
            raise type(cause)(str(cause)) from None
        reason = f"{type(cause).__name__}: {cause}" if cause is not None else str(error)
        raise BuildError(f"a Ray task failed ({reason.strip().splitlines()[0]}); nothing was written") from None
    except ray.exceptions.RayError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise BuildError(f"a Ray task failed ({type(error).__name__}: {reason}); nothing was written") from None


def _split_stats(names: tuple[str, ...], results: list[ShardResult]) -> list[SplitStats]:
    ordered = sorted(results, key=lambda result: (result.split, result.index))
    return [
        SplitStats(
            name=name,
            num_examples=sum(r.rows for r in ordered if r.split == split),
            num_bytes=sum(r.num_bytes for r in ordered if r.split == split),
            download_size=sum(r.size for r in ordered if r.split == split),
        )
        for split, name in enumerate(names)
    ]
