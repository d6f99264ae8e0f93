"""Helper processes: rows come back in the order sent, and a helper that fails or dies stops the build
with one line and no folder."""

import os
import signal

import pytest

import samplegen
from samplegen.builder import _helpers_short
from samplegen.helpers import Helpers
from samplegen.plan import iter_plan
from samplegen.work import RowFactory
from schemas import BuildConfig


@pytest.fixture
def config():
    return BuildConfig(n=40, seed=3, image_size=64)


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
        with pytest.raises(samplegen.BuildError, match=r"^a helper process failed \(AttributeError: .*nothing was written$"):
            helpers.receive(ticket)


def test_a_helper_that_dies_raises_build_error_instead_of_hanging(config, us_profile):
    planned = list(iter_plan(config, us_profile))
    with pytest.raises(samplegen.BuildError, match=r"helper process 1 died \(exit code -9\).*--num-proc"):
        with Helpers(2, config, us_profile) as helpers:
            assert helpers.receive(helpers.submit(planned[:4]))  # helper 1 works
            os.kill(helpers._processes[0].pid, signal.SIGKILL)
            helpers._processes[0].join()
            helpers.receive(helpers.submit(planned[4:8]))  # both idle: it goes to helper 1 again
    assert not any(process.is_alive() for process in helpers._processes)


def test_build_stops_cleanly_when_a_helper_dies(tmp_path, monkeypatch):
    real_receive = Helpers.receive

    def receive_after_killing(self, helper):
        os.kill(self._processes[helper].pid, signal.SIGKILL)
        return real_receive(self, helper)

    monkeypatch.setattr(Helpers, "receive", receive_after_killing)
    with pytest.raises(samplegen.BuildError, match="died"):
        samplegen.write_dataset(BuildConfig(n=400, seed=1, image_size=64, num_proc=2), tmp_path / "out")
    assert list(tmp_path.iterdir()) == []



@pytest.mark.parametrize(
    ("queued", "unsent", "helper_count", "send"),
    [
        (0, 190, 1, True),  # plenty left: keep the helpers busy
        (2, 4, 1, True),  # one more leaves 3 queued at the helper and 3 for this process
        (3, 4, 1, False),  # one more would leave the helper 4 and this process 3: keep it here
        (3, 3, 2, True),  # two helpers take two thirds: 4 of 6
        (4, 3, 2, False),
        (0, 1, 1, False),  # the last chunk is never sent away
        (0, 1, 7, False),
    ],
)
def test_helpers_get_no_more_than_their_share_of_the_last_chunks(queued, unsent, helper_count, send):
    assert _helpers_short(queued, unsent, helper_count) is send
