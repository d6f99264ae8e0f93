"""Helper processes: rows come back in the order sent, and a helper that fails or dies stops the build
with one line and no folder."""

import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import samplegen
from samplegen.engines.chunks import chunk_sizes, helpers_below_share
from samplegen.helpers import Helpers
from samplegen.plan import iter_plan
from samplegen.work import RowFactory
from schemas import BuildConfig


@pytest.fixture
def config():
    return BuildConfig(n=40, seed=3, image_size=64)


def running(pids) -> set[int]:
    """Which of `pids` are child processes of this one that are still running."""
    return {process.pid for process in multiprocessing.active_children()} & set(pids)


def wait_until_gone(pid: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while running([pid]):
        assert time.monotonic() < deadline, f"helper {pid} is still running"
        time.sleep(0.02)


def test_helpers_return_each_chunk_as_this_process_would_make_it(config, us_profile):
    planned = list(iter_plan(config, us_profile))
    chunks = [planned[i : i + 7] for i in range(0, len(planned), 7)]
    local = RowFactory(config, us_profile)
    with Helpers(2, config, us_profile) as helpers:
        tickets = [helpers.submit(chunk) for chunk in chunks]
        assert helpers.queued == len(chunks)
        assert set(tickets) == {0, 1}  # spread over both helpers
        received = [helpers.receive(ticket) for ticket in tickets]
        assert helpers.queued == 0
    assert received == [local.make_chunk(chunk) for chunk in chunks]


def test_a_failing_helper_raises_one_line_build_error(config, us_profile):
    with Helpers(1, config, us_profile) as helpers:
        ticket = helpers.submit(["not a planned row"])
        with pytest.raises(
            samplegen.BuildError, match=r"^a helper process failed \(AttributeError: .*nothing was written$"
        ):
            helpers.receive(ticket)


def test_a_helper_that_dies_raises_build_error_instead_of_hanging(config, us_profile):
    planned = list(iter_plan(config, us_profile))
    died = r"helper process 1 died \(exit code -9\).*--num-proc"
    with pytest.raises(samplegen.BuildError, match=died), Helpers(2, config, us_profile) as helpers:
        assert helpers.receive(helpers.submit(planned[:4]))  # helper 1 works
        os.kill(helpers.pids[0], signal.SIGKILL)
        wait_until_gone(helpers.pids[0])
        helpers.receive(helpers.submit(planned[4:8]))  # both idle: it goes to helper 1 again
    assert not running(helpers.pids)


def test_build_stops_cleanly_when_a_helper_dies(tmp_path, monkeypatch):
    real_receive = Helpers.receive

    def receive_after_killing(self, helper):
        os.kill(self.pids[helper], signal.SIGKILL)
        return real_receive(self, helper)

    monkeypatch.setattr(Helpers, "receive", receive_after_killing)
    with pytest.raises(samplegen.BuildError, match="died"):
        samplegen.write_dataset(BuildConfig(n=400, seed=1, image_size=64, num_proc=2), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("queued", "chunk", "unsent", "helper_count", "send"),
    [
        (0, 16, 3040, 1, True),  # plenty left: keep the helpers busy
        (32, 16, 64, 1, True),  # one more leaves 48 rows queued at the helper and 48 for this process
        (48, 16, 64, 1, False),  # one more would leave the helper 64 rows and this process 48: keep it here
        (28, 4, 36, 1, True),  # small tail chunks: 32 rows at the helper and 32 here
        (32, 4, 32, 1, False),  # 36 against 28: keep it here
        (3, 1, 3, 2, True),  # two helpers take two thirds: 4 of 6
        (4, 1, 3, 2, False),
        (0, 4, 4, 1, False),  # the last chunk is never sent away
        (0, 4, 4, 7, False),
    ],
)
def test_helpers_get_no_more_than_their_share_of_the_last_rows(queued, chunk, unsent, helper_count, send):
    assert helpers_below_share(queued, chunk, unsent, helper_count) is send


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (3040, [16] * 188 + [4] * 8),  # 3,008 rows in chunks of 16, the last 32 in chunks of 4
        (50, [16] + [4] * 8 + [2]),  # 16 + 34: less than the tail and a chunk left, so the tail starts early
        (20, [4] * 5),
        (3, [3]),
    ],
)
def test_a_build_ends_with_small_chunks(n, expected):
    assert list(chunk_sizes(n, 16, 4, 32)) == expected
    assert list(chunk_sizes(n, 16)) == [16] * (n // 16) + ([n % 16] if n % 16 else [])


def test_finish_idle_lets_helpers_with_nothing_queued_exit(config, us_profile):
    planned = list(iter_plan(config, us_profile))
    with Helpers(2, config, us_profile) as helpers:
        first, second = helpers.submit(planned[:4]), helpers.submit(planned[4:8])
        helpers.receive(first)
        helpers.finish_idle()  # the first helper is idle: it is told to stop; the second still has a chunk
        wait_until_gone(helpers.pids[first])
        assert running(helpers.pids) == {helpers.pids[second]}
        assert helpers.queued_rows == 4
        assert helpers.receive(second) == RowFactory(config, us_profile).make_chunk(planned[4:8])
    assert not running(helpers.pids)


def _children(pid: int) -> list[int]:
    """Child process ids of `pid`, from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _gone(pid: int) -> bool:
    """Whether the process has exited (a zombie that nobody has reaped yet counts as exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir() or sys.platform != "linux", reason="reads /proc")
def test_helpers_die_with_a_sigkilled_build_and_release_its_pipes(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "samplegen.cli", "build", "--n", "3000", "--image-size", "64", "--num-proc", "3"]
        + ["--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while len(helpers := _children(process.pid)) < 2:
        assert process.poll() is None and time.monotonic() < deadline, "helpers never started"
        time.sleep(0.05)
    time.sleep(0.5)  # let the helpers get to work
    process.kill()
    try:
        _, err = process.communicate(timeout=10)  # EOF: no helper holds the caller's stdout or stderr
        assert process.returncode == -signal.SIGKILL
        deadline = time.monotonic() + 5
        while not all(_gone(pid) for pid in helpers):
            assert time.monotonic() < deadline, f"helpers {helpers} outlived a SIGKILLed build"
            time.sleep(0.05)
    finally:
        for pid in helpers:  # should they have survived, do not leave them to the rest of the suite
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert b"Traceback" not in err
    assert not (tmp_path / "out").exists()
