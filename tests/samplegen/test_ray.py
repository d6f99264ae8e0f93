"""Builds on Ray: the same files as a local build, whatever the workers do, and one line for every mistake.

One local Ray cluster (127.0.0.1, 2 CPUs, no dashboard, token authentication off as on a test machine)
serves the whole session; one test starts its own head with `ray start` and builds through `--address`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import datasets
import pytest

import samplegen
from samplegen.builder import make_config, write_dataset
from samplegen.cli import main
from samplegen.engines import ray_engine
from samplegen.engines.ray_task import DIE_ONCE_VARIABLE
from samplegen.errors import BuildError
from tests.fake_hub import Account, FakeHub, use_fake_hub_environment

ray = pytest.importorskip("ray")

SETTINGS = {
    "n": 45,
    "seed": 9,
    "image_size": 64,
    "splits": {"train": 0.6, "validation": 0.25, "test": 0.15},
    "shard_size": 6,
}
SETTINGS_ARGS = [
    "--n",
    "45",
    "--seed",
    "9",
    "--image-size",
    "64",
    "--splits",
    "train=0.6,validation=0.25,test=0.15",
    "--shard-size",
    "6",
]
TOKEN = "hf_rayPushTestSecret0123456789abc"
RAY_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture(scope="session")
def ray_cluster():
    """A local Ray cluster for the session. Its workers see DIE_ONCE_VARIABLE: a test that creates that
    file makes the first task to claim it exit as if killed."""
    root = Path(tempfile.mkdtemp(prefix="sgray"))  # short: Ray's socket paths must stay under 108 bytes
    environ = {**RAY_ENV, DIE_ONCE_VARIABLE: str(root / "die-once")}
    saved = {name: os.environ.get(name) for name in environ}
    os.environ.update(environ)
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        _temp_dir=str(root / "ray"),
        log_to_driver=False,
        logging_level="ERROR",
    )
    try:
        yield root / "die-once"
    finally:
        ray.shutdown()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> dict[str, bytes]:
    return files(write_dataset(make_config(**SETTINGS), tmp_path_factory.mktemp("local") / "ds"))


def test_a_ray_build_is_the_local_build_file_by_file(ray_cluster, local_build, tmp_path):
    dataset = samplegen.build(out=tmp_path / "ds", engine="ray", **SETTINGS)
    built = files(tmp_path / "ds")
    assert sorted(built) == sorted(local_build) and len(built) > 6  # the card and shards of three splits
    assert built == local_build
    assert [path.name for path in tmp_path.iterdir()] == ["ds"]
    assert sum(split.num_rows for split in dataset.values()) == SETTINGS["n"]
    assert isinstance(dataset["validation"].features["image"], datasets.Image)


def test_a_killed_task_is_retried_into_the_same_files_at_a_file_url(ray_cluster, local_build, tmp_path):
    ray_cluster.touch()  # the first task to see it exits at once, as if its worker were killed
    out = tmp_path / "ds"
    assert write_dataset(make_config(**SETTINGS), out.as_uri(), engine="ray") == out.as_uri()
    assert not ray_cluster.exists(), "a task died"
    assert files(out) == local_build
    assert [path.name for path in tmp_path.iterdir()] == ["ds"]  # no staging or temporary file left


def test_a_worker_with_other_library_versions_is_refused_and_nothing_is_left(ray_cluster, tmp_path, monkeypatch):
    driver_versions = {**ray_engine.library_versions(), "Pillow": "1.0.0"}
    monkeypatch.setattr(ray_engine, "library_versions", lambda: driver_versions)
    with pytest.raises(BuildError) as refused:
        write_dataset(make_config(**SETTINGS), tmp_path / "ds", engine="ray")
    message = str(refused.value)
    assert "\n" not in message and "Pillow" in message and "1.0.0" in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.filterwarnings("ignore:Use .content=:DeprecationWarning")  # huggingface_hub LFS PUT
def test_push_to_publishes_a_ray_build(ray_cluster, local_build, tmp_path, monkeypatch, capsys):
    use_fake_hub_environment(monkeypatch, tmp_path / "hub-home", TOKEN)
    with FakeHub({TOKEN: Account("alice")}) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        out = tmp_path / "ds"
        code = main(["build", *SETTINGS_ARGS, "--engine", "ray", "--quiet", "--out", str(out), "--push-to", "alice/ds"])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        assert captured.out.splitlines()[0] == str(out)
        assert set(hub.repo("alice/ds").files()) >= set(local_build)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, head: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert head.poll() is None, "ray start --head exited"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.5)
    raise AssertionError(f"no Ray head on port {port} after {seconds} s")


def test_the_cli_builds_on_a_cluster_started_with_ray_start(local_build, tmp_path):
    port = _free_port()
    root = Path(tempfile.mkdtemp(prefix="sghead"))
    environ = {**os.environ, **RAY_ENV}
    ray_cli = Path(sys.executable).with_name("ray")
    head = subprocess.Popen(
        [
            str(ray_cli),
            "start",
            "--head",
            "--block",
            "--node-ip-address",
            "127.0.0.1",
            "--port",
            str(port),
            "--num-cpus",
            "2",
            "--include-dashboard=false",
            "--disable-usage-stats",
            "--temp-dir",
            str(root),
        ],
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, head, seconds=60)
        out = tmp_path / "ds"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "samplegen",
                "build",
                *SETTINGS_ARGS,
                "--engine",
                "ray",
                "--address",
                f"127.0.0.1:{port}",
                "--quiet",
                "--out",
                str(out),
            ],
            env=environ,
            check=False,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"{out}\n"
        assert files(out) == local_build
    finally:
        head.send_signal(signal.SIGTERM)  # --block: the head stops the processes it started
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            head.kill()
        shutil.rmtree(root, ignore_errors=True)


def _one_line(code: int, err: str, fragment: str) -> None:
    assert code == 2 and err.count("\n") == 1 and err.startswith("samplegen: error: "), err
    assert fragment in err, err


def test_engine_ray_without_ray_installed_is_one_line(capsys, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    code = main(["build", "--n", "5", "--no-images", "--quiet", "--engine", "ray", "--out", str(tmp_path / "ds")])
    _one_line(code, capsys.readouterr().err, "pip install 'samplegen[ray]'")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--engine", "spark"], "engine must be one of local, ray, got 'spark'"),
        (["--address", "auto"], "--address is the Ray cluster to build on: it needs --engine ray"),
        (["--out", "file:///tmp/never-made"], "needs --engine ray"),
        (
            ["--engine", "ray", "--out", "file:///tmp/never-made", "--push-to", "alice/ds"],
            "--push-to publishes a local folder",
        ),
    ],
)
def test_engine_mistakes_are_one_line(capsys, tmp_path, extra, fragment):
    code = main(["build", "--n", "5", "--no-images", "--quiet", "--out", str(tmp_path / "ds"), *extra])
    _one_line(code, capsys.readouterr().err, fragment)
    assert list(tmp_path.iterdir()) == [] and not Path("/tmp/never-made").exists()
