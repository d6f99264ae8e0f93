"""The `samplegen` command: one-line errors with exit code 2, interrupts that leave nothing behind."""

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from samplegen.cli import main

CLI = [sys.executable, "-m", "samplegen.cli"]


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, err: str, fragment: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("samplegen: error:") or lines[0].startswith("samplegen build: error:")
    assert fragment in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--n", "0"], "n: Input should be greater than 0"),
        (["--n", "-5"], "n: Input should be greater than 0"),
        (["--n", "many"], "invalid int value: 'many'"),
        (["--seed", "-1"], "seed: Input should be greater than or equal to 0"),
        (["--seed", "1.5"], "invalid int value: '1.5'"),
        (["--seed", str(2**64)], "seed: Input should be less than or equal to"),
        (["--profile", "atlantis"], "profile 'atlantis' is neither a built-in profile (us)"),
        (["--image-size", "8"], "image_size: image side 8 is out of range: must be 64 to 2048 pixels"),
        (["--image-size", "9000"], "image_size: image side 9000 is out of range"),
        (["--image-size", "512x"], "image_size: image size must be a side in pixels (e.g. 512) or WIDTHxHEIGHT"),
        (["--image-size", "512x20"], "image_size: image height 20 is out of range"),
        (["--image-format", "gif"], "image_format: Input should be 'JPEG', 'PNG' or 'WEBP'"),
        (["--quality", "101"], "image_quality"),
        (["--splits", "train=abc"], "--splits must look like train=0.9,test=0.1"),
        (["--splits", "train=0.5,test=0.2"], "split shares must add up to 1"),
        (["--splits", "train=0.5,train=0.5"], "--splits names the split 'train' twice"),
        (["--num-proc", "0"], "num_proc"),
        (["--price-noise", "-0.5"], "price_noise: Input should be greater than or equal to 0"),
        (["--price-noise", "nan"], "price_noise: Input should be a finite number"),
        (["--price-noise", "some"], "invalid float value: 'some'"),
        (["--shard-size", "0"], "shard_size: Input should be greater than or equal to 1"),
        (["--shard-bytes", "5XB"], "--shard-bytes: must be a size such as 500MB, 2GB or 1000000 (bytes), got '5XB'"),
        (["--shard-bytes", "0"], "shard_bytes: Input should be greater than or equal to 1"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_arguments_are_one_line_with_exit_code_2(capsys, tmp_path, args, fragment):
    code, _, err = run_main(capsys, "build", "--out", str(tmp_path / "out"), *args)
    assert_one_line_error(code, err, fragment)
    assert not (tmp_path / "out").exists()


def test_non_empty_output_needs_overwrite(capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    code, _, err = run_main(capsys, "build", "--n", "5", "--no-images", "--out", str(out))
    assert_one_line_error(code, err, "is not empty; pass --overwrite")
    assert (out / "keep.txt").read_text() == "mine"
    code, _, err = run_main(capsys, "build", "--n", "5", "--no-images", "--out", str(out), "--overwrite")
    assert_one_line_error(code, err, "was not made by samplegen build; --overwrite only replaces")
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    (out / "keep.txt").unlink()
    code, printed, _ = run_main(capsys, "build", "--n", "5", "--no-images", "--out", str(out), "--quiet")
    assert code == 0 and printed.strip() == str(out)
    code, printed, _ = run_main(capsys, "build", "--n", "7", "--no-images", "--out", str(out), "--overwrite", "--quiet")
    assert code == 0 and printed.strip() == str(out)
    assert "| train | " in (out / "README.md").read_text() and "--n 7 " in (out / "README.md").read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging or retired folders left


def test_unwritable_output_is_one_line(capsys, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    code, _, err = run_main(capsys, "build", "--n", "5", "--out", str(blocker / "out"))
    assert_one_line_error(code, err, "cannot create")
    code, _, err = run_main(capsys, "build", "--n", "5", "--out", str(blocker))
    assert_one_line_error(code, err, "exists and is not a folder")


def test_malformed_profile_file_is_one_line(capsys, tmp_path):
    bad = tmp_path / "profile.json"
    bad.write_text("{not json")
    code, _, err = run_main(capsys, "build", "--profile", str(bad), "--out", str(tmp_path / "o"))
    assert_one_line_error(code, err, "cannot read profile")
    bad.write_text('{"name": "x"}')
    code, _, err = run_main(capsys, "build", "--profile", str(bad), "--out", str(tmp_path / "o"))
    assert_one_line_error(code, err, "is invalid: website_name: Field required")


def _staging_folders(parent: Path) -> list[Path]:
    return [p for p in parent.iterdir() if p.name.endswith(".partial")]


@pytest.mark.parametrize(
    ("signum", "num_proc", "whole_group"),
    [
        (signal.SIGINT, 1, False),
        (signal.SIGTERM, 1, False),
        (signal.SIGINT, 3, True),  # Ctrl-C on a terminal: every process of the build gets SIGINT
        (signal.SIGTERM, 3, False),  # `kill PID`: only the main process hears it
    ],
)
def test_interrupted_build_leaves_no_folder_and_no_processes(tmp_path, signum, num_proc, whole_group):
    out = tmp_path / "out"
    process = subprocess.Popen(
        [*CLI, "build", "--n", "200000", "--image-size", "64", "--num-proc", str(num_proc), "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so the test can signal it and then look for leftovers
    )
    deadline = time.monotonic() + 60
    while not _staging_folders(tmp_path):
        assert process.poll() is None and time.monotonic() < deadline, "build never started"
        time.sleep(0.05)
    time.sleep(0.5)
    if whole_group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.strip() == "samplegen: interrupted"
    assert list(tmp_path.iterdir()) == []
    deadline = time.monotonic() + 10
    while _group_alive(process.pid):
        assert time.monotonic() < deadline, "helper processes outlived the build"
        time.sleep(0.05)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_killed_build_never_looks_complete(tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen([*CLI, "build", "--n", "200000", "--image-size", "64", "--out", str(out)])
    deadline = time.monotonic() + 60
    while not _staging_folders(tmp_path):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    process.kill()
    process.wait()
    assert not out.exists()
    assert all(p.name.startswith(".") for p in tmp_path.iterdir())
    # the next build into the same folder removes the partial folder the killed one left
    subprocess.run([*CLI, "build", "--n", "5", "--no-images", "--out", str(out)], capture_output=True, check=True)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_progress_bar_shows_on_a_terminal(tmp_path):
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    process = subprocess.Popen(
        [*CLI, "build", "--n", "300", "--no-images", "--out", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=60)
    os.close(leader)
    assert process.returncode == 0
    assert b"300/300" in seen


def test_no_progress_bar_when_not_a_terminal(tmp_path):
    result = subprocess.run(
        [*CLI, "build", "--n", "50", "--no-images", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr == ""
    assert result.stdout.strip() == str(tmp_path / "out")


@pytest.mark.parametrize("program", ["samplegen", "finetune"])
def test_version_flag_prints_the_installed_version(program):
    from importlib.metadata import version

    result = subprocess.run(
        [sys.executable, "-m", program, "--version"], check=False, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{program} {version('samplegen')}"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["preview"], "preview: the following arguments are required: folder, -o/--out"),
        (["compare"], "compare: the following arguments are required: SYNTH, REAL"),
        (["profile", "real.csv"], "profile: the following arguments are required: -o/--out"),
        (["push", "folder"], "push: the following arguments are required: --repo-id"),
        (["build", "--n", "many"], "build: argument --n: invalid int value: 'many'"),
        (["frobnicate"], "argument command: invalid choice: 'frobnicate'"),
    ],
)
def test_subcommand_usage_errors_read_samplegen_error(capsys, args, fragment):
    code, out, err = run_main(capsys, *args)

    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"samplegen: error: {fragment}"), err


def test_runtime_warnings_do_not_reach_stderr(capsys, monkeypatch):
    import warnings

    from samplegen.commands import preview
    from samplegen.errors import PreviewError

    def warn_then_fail(args):
        warnings.warn("invalid value encountered in divide", RuntimeWarning, stacklevel=1)
        raise PreviewError("no sheet")

    monkeypatch.setattr(preview, "run", warn_then_fail)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        code, _, err = run_main(capsys, "preview", "ds", "-o", "sheet.png")

    assert code == 2 and err == "samplegen: error: no sheet\n"
    assert [w for w in seen if issubclass(w.category, RuntimeWarning)] == []
