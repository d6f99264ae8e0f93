"""What a distributed build rests on, without Ray: the plan resumes from a checkpoint, each shard can be
planned on its own, and one shard written by a Ray task's function is the local build's shard, byte for byte."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samplegen.builder import make_config, write_dataset
from samplegen.dbq import arrow_schema
from samplegen.engines import ray_task
from samplegen.engines.ray_task import BuildSetup, check_versions, library_versions, write_shard
from samplegen.errors import BuildError
from samplegen.plan import Planner, iter_plan
from samplegen.shard_plan import plan_shards, shard_rows
from samplegen.shards import shard_name
from schemas import BuildConfig

SPLITS = {"train": 0.6, "validation": 0.25, "test": 0.15}


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**63 - 1), n=st.integers(3, 400), at=st.integers(0, 150))
def test_a_plan_resumed_from_a_checkpoint_plans_the_same_rows(us_profile, seed, n, at):
    config = BuildConfig(n=n, seed=seed, splits=SPLITS, with_images=False)
    planner = Planner(config, us_profile)
    for _ in range(at):
        if planner.done:
            break
        planner.next_group()
    state = planner.state()
    full = list(iter_plan(config, us_profile))
    assert list(iter_plan(config, us_profile, state)) == full[state.index :]


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**63 - 1),
    n=st.integers(3, 600),
    shard_size=st.integers(1, 90),
    every=st.sampled_from([1, 3, 256]),
)
def test_each_shard_planned_on_its_own_holds_the_local_shards_rows(us_profile, seed, n, shard_size, every):
    config = BuildConfig(n=n, seed=seed, splits=SPLITS, shard_size=shard_size, with_images=False)
    plan = plan_shards(config, us_profile, every=every)
    full = list(iter_plan(config, us_profile))
    for split in range(len(SPLITS)):
        rows = [row for row in full if row.split == split]
        expected = [rows[start : start + shard_size] for start in range(0, len(rows), shard_size)]
        starts = [shard for shard in plan.shards if shard.split == split]
        assert [shard.index for shard in starts] == list(range(len(expected))) == list(range(plan.shard_count(split)))
        for shard, local in zip(starts, expected, strict=True):
            assert list(shard_rows(config, us_profile, plan.checkpoints[shard.checkpoint], split, shard.first)) == local
            assert plan.shard_rows(shard) == len(local)


def test_the_shard_plan_keeps_few_checkpoints(us_profile):
    config = BuildConfig(n=20_000, seed=5, with_images=False, shard_size=2000)
    plan = plan_shards(config, us_profile)
    assert len(plan.shards) == 9 + 1  # 18,000 train rows in 9 shards, 2,000 test rows in 1
    assert len(plan.checkpoints) <= len(plan.shards)
    assert sum(plan.split_rows) == 20_000


def test_shards_sized_by_bytes_are_planned_as_the_local_build_cuts_them(us_profile, tmp_path):
    """The default byte target gives rows per shard from the settings alone: the driver's plan and a
    local build agree on every shard."""
    config = BuildConfig(n=2_000, seed=5, with_images=False, shard_bytes=30_000)
    plan = plan_shards(config, us_profile)
    assert plan.shard_size == 30_000 // 80
    folder = write_dataset(config, tmp_path / "local", progress=False)
    names = sorted(path.name for path in (folder / "data").glob("*.parquet"))
    split_names = list(config.splits)
    planned = sorted(shard_name(split_names[s.split], s.index, plan.shard_count(s.split)) for s in plan.shards)
    assert names == planned and len(names) > 4


@pytest.fixture(scope="module")
def local_small(tmp_path_factory) -> tuple[BuildConfig, Path]:
    config = make_config(n=45, seed=9, image_size=64, splits=SPLITS, shard_size=6)
    return config, write_dataset(config, tmp_path_factory.mktemp("local") / "ds")


def setup_for(config: BuildConfig, profile, data: Path, plan) -> BuildSetup:
    return BuildSetup(
        build_id="test",
        config=config,
        profile=profile,
        schema=arrow_schema(config.with_images),
        data_url=str(data),
        split_names=tuple(config.splits),
        shard_counts=tuple(plan.shard_count(split) for split in range(len(config.splits))),
        versions=library_versions(),
    )


def test_a_shard_task_writes_the_local_shard_byte_for_byte(local_small, us_profile, tmp_path):
    config, local = local_small
    plan = plan_shards(config, us_profile)
    setup = setup_for(config, us_profile, tmp_path, plan)
    for shard in plan.shards:
        result = write_shard(setup, shard, plan.checkpoints[shard.checkpoint])
        name = shard_name(setup.split_names[shard.split], shard.index, setup.shard_counts[shard.split])
        assert (tmp_path / name).read_bytes() == (local / "data" / name).read_bytes()
        assert result.size == (tmp_path / name).stat().st_size and result.rows == plan.shard_rows(shard)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(path.name for path in (local / "data").iterdir())
    first = plan.shards[0]
    name = shard_name(setup.split_names[first.split], first.index, setup.shard_counts[first.split])
    write_shard(setup, first, plan.checkpoints[first.checkpoint])  # a retried task: same name, same bytes
    assert (tmp_path / name).read_bytes() == (local / "data" / name).read_bytes()
    assert len(list(tmp_path.iterdir())) == len(plan.shards)  # no temporary file left beside it


def test_a_failed_shard_task_leaves_no_file(local_small, us_profile, tmp_path, monkeypatch):
    config, _ = local_small
    plan = plan_shards(config, us_profile)
    setup = setup_for(config, us_profile, tmp_path, plan)
    made = []

    def fail_after_two(self, chunk):
        made.append(chunk)
        if len(made) == 2:
            raise RuntimeError("renderer fell over")
        return real(self, chunk)

    real = ray_task.RowFactory.make_chunk
    monkeypatch.setattr(ray_task, "CHUNK_ROWS", {True: 2, False: 2})
    monkeypatch.setattr(ray_task.RowFactory, "make_chunk", fail_after_two)
    with pytest.raises(RuntimeError, match="renderer fell over"):
        write_shard(setup, plan.shards[0], plan.checkpoints[0])
    assert list(tmp_path.iterdir()) == []


def test_a_worker_with_other_library_versions_is_refused_in_one_line():
    driver = {**library_versions(), "numpy": "0.0.1"}
    with pytest.raises(BuildError) as refused:
        check_versions(driver)
    message = str(refused.value)
    assert "\n" not in message and "numpy" in message and "0.0.1" in message and "same" in message
    check_versions(library_versions())  # the same versions pass
