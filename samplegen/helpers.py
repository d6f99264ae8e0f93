"""Helper processes for a build: chunks of planned rows go out on one pipe per helper, finished rows come
back on another, in the order they were sent.

No pool threads in the main process: it reads results itself, when it wants them, so it can render
between reads without fighting a result-handler thread for the GIL. On Linux the result pipes are
widened to 1 MiB so a helper can hand over a whole chunk of images and go on with the next one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import traceback
from collections import deque
from typing import Any, Self

from samplegen.errors import BuildError
from samplegen.heap import kept_heap
from samplegen.parent_death import die_with_parent
from samplegen.plan import PlannedRow
from samplegen.work import RowFactory
from schemas import BuildConfig, Profile

PIPE_BYTES = 1 << 20


def start_method() -> str:
    """fork where the platform has it (fast start, no `if __name__ == "__main__"` needed), else spawn."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux" else "spawn"


def _widen(connection: Any) -> None:
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or over /proc/sys/fs/pipe-max-size: the default buffer works, only slower


def _serve(config: BuildConfig, profile: Profile, tasks: Any, results: Any, parent: int, inherited: tuple) -> None:
    """A helper's life: make each chunk it is sent until it is sent None, or until the main process is gone.

    `inherited` are the main process's pipe ends that a forked helper got copies of: closed at once, so
    that the main process's death shows up here as end of file instead of a wait that never ends.
    """
    die_with_parent(parent)
    for connection in inherited:
        connection.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the main process, which stops helpers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's "raise KeyboardInterrupt"
    try:
        with kept_heap():  # forked helpers inherit it already; spawned ones set it here
            factory = RowFactory(config, profile)
            while (chunk := tasks.recv()) is not None:
                results.send(factory.make_chunk(chunk))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return  # the main process went away
    except Exception as error:  # noqa: BLE001 - reported to the main process, which raises it
        cause = traceback.format_exception_only(type(error), error)[-1].strip()
        with contextlib.suppress(OSError):
            results.send(BuildError(f"a helper process failed ({cause}); nothing was written"))


class Helpers:
    """`count` helper processes making chunks of rows; use as a context manager."""

    def __init__(self, count: int, config: BuildConfig, profile: Profile) -> None:
        method = start_method()
        context = multiprocessing.get_context(method)
        if config.with_images:
            import samplegen.render  # noqa: F401, PLC0415 - forked helpers inherit it instead of importing it
        self._tasks, self._results, self._processes = [], [], []
        self._queued: list[deque[int]] = [deque() for _ in range(count)]  # rows of each chunk sent, oldest first
        self._told_done = [False] * count
        for _ in range(count):
            task_reader, task_writer = context.Pipe(duplex=False)
            result_reader, result_writer = context.Pipe(duplex=False)
            _widen(result_writer)
            # a forked helper inherits every pipe end this process holds; a spawned one inherits none
            inherited = (*self._tasks, *self._results, task_writer, result_reader) if method == "fork" else ()
            process = context.Process(
                target=_serve,
                args=(config, profile, task_reader, result_writer, os.getpid(), inherited),
                daemon=True,
            )
            process.start()
            task_reader.close()
            result_writer.close()  # so a helper that dies shows up as EOF here
            self._tasks.append(task_writer)
            self._results.append(result_reader)
            self._processes.append(process)

    @property
    def queued(self) -> int:
        """Chunks sent and not yet received back, all helpers together."""
        return sum(map(len, self._queued))

    @property
    def queued_rows(self) -> int:
        """Rows in the chunks sent and not yet received back, all helpers together."""
        return sum(map(sum, self._queued))

    def submit(self, chunk: list[PlannedRow]) -> int:
        """Send a chunk to the least busy helper; returns the helper's index (a ticket for `receive`)."""
        helper = min(range(len(self._queued)), key=lambda index: sum(self._queued[index]))
        try:
            self._tasks[helper].send(chunk)
        except OSError:  # BrokenPipeError: the helper is gone
            raise self._died(helper) from None
        self._queued[helper].append(len(chunk))
        return helper

    def ready(self, helper: int) -> bool:
        """Whether the helper's oldest chunk has started to come back."""
        return self._results[helper].poll()

    def receive(self, helper: int) -> list[tuple[int, dict, Any]]:
        """The helper's oldest chunk, waiting for it if need be."""
        try:
            rows = self._results[helper].recv()
        except EOFError:
            raise self._died(helper) from None
        self._queued[helper].popleft()
        if isinstance(rows, BuildError):
            raise rows
        return rows

    def _died(self, helper: int) -> BuildError:
        self._processes[helper].join(timeout=5)
        return BuildError(
            f"helper process {helper + 1} died (exit code {self._processes[helper].exitcode}); nothing was "
            "written: run the build again, with a smaller --num-proc if memory is short"
        )

    def finish_idle(self) -> None:
        """Tell each helper with nothing queued that no more chunks will come, so that it exits while this
        process finishes the build. Call it once every chunk has been sent."""
        for helper, queued in enumerate(self._queued):
            if not queued:
                self._tell_done(helper)

    def _tell_done(self, helper: int) -> None:
        if self._told_done[helper]:
            return
        try:
            self._tasks[helper].send(None)
        except OSError:
            raise self._died(helper) from None
        self._told_done[helper] = True

    def close(self) -> None:
        """Tell every helper to finish and wait for them."""
        for helper in range(len(self._tasks)):
            self._tell_done(helper)
        for process in self._processes:
            process.join()

    def terminate(self) -> None:
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        try:
            if kind is None:
                self.close()
        finally:
            self.terminate()  # after an error or interrupt; a no-op for helpers that have finished
            for connection in (*self._tasks, *self._results):
                connection.close()
