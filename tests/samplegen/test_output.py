"""Faults around the output folder: disk full and other refused writes, --overwrite safety, a folder that
appears during a build, and partial folders left by hard-killed builds."""

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

import samplegen.builder
import samplegen.shards
from samplegen import no_replace
from samplegen.builder import make_config, write_dataset
from samplegen.built_folder import is_samplegen_build
from samplegen.cli import main
from samplegen.errors import OutputError
from samplegen.partials import MARKER, Partial, remove_abandoned
from samplegen.shards import SplitWriter

SMALL = ["build", "--n", "5", "--no-images", "--quiet"]


def run_main(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def assert_one_line_error(code: int, err: str, fragment: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samplegen: error:"), err
    assert fragment in lines[0]


def partial_of_a_killed_build(out: Path) -> Path:
    """The partial folder of a build process that ended without cleaning up (as after kill -9)."""
    code = (
        "import os, sys; from pathlib import Path; from samplegen.partials import Partial; "
        "print(Partial(Path(sys.argv[1])).path); os._exit(0)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, check=True)
    return Path(result.stdout.strip())


def test_partial_folder_is_marked_and_removed_only_when_abandoned(tmp_path):
    out = tmp_path / "out"
    running = Partial(out)  # its lock is held: a build in progress
    abandoned = partial_of_a_killed_build(out)
    young = partial_of_a_killed_build(out)
    lookalike = tmp_path / ".out.1-deadbeef.partial"  # a user's folder with a similar name, no marker
    lookalike.mkdir()
    for path in (running.path, abandoned):
        os.utime(path / MARKER, (1, 1))
    removed = remove_abandoned(out, started_before=os.stat(young / MARKER).st_mtime)
    assert removed == [abandoned]
    assert running.path.is_dir() and young.is_dir() and lookalike.is_dir()
    running.discard()
    assert not running.path.exists()


def test_a_build_removes_partial_folders_that_killed_builds_left(tmp_path):
    out = tmp_path / "out"
    left = partial_of_a_killed_build(out)
    (left / "data").mkdir()
    os.utime(left / MARKER, (1, 1))
    write_dataset(make_config(n=5, with_images=False), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "data"]  # the marker never reaches the output


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        (errno.ENOSPC, "no space left while writing"),
        (errno.EDQUOT, "free some space"),
        (errno.EROFS, "the file system is read-only"),
        (errno.EACCES, "permission denied"),
        (errno.EIO, "check the disk"),
    ],
)
def test_a_refused_write_is_one_line_and_leaves_nothing(capsys, tmp_path, monkeypatch, code, fragment):
    real_add = SplitWriter.add
    calls = []

    def add_then_fail(self, row):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(code, os.strerror(code), str(self.folder / "train-00000.parquet.partial"))
        real_add(self, row)

    monkeypatch.setattr(SplitWriter, "add", add_then_fail)
    out = tmp_path / "out"
    status, err = run_main(capsys, *SMALL, "--out", str(out))
    assert_one_line_error(status, err, fragment)
    assert "the unfinished build was removed" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("num_proc", [1, 2])
def test_a_full_disk_under_the_shard_writer_is_one_line(capsys, tmp_path, monkeypatch, num_proc):
    """pyarrow's own ENOSPC error, from writing shards to /dev/full (a device that is always full)."""
    real_writer = samplegen.shards.pq.ParquetWriter
    monkeypatch.setattr(
        samplegen.shards.pq, "ParquetWriter", lambda path, *args, **kwargs: real_writer("/dev/full", *args, **kwargs)
    )
    out = tmp_path / "out"
    settings = ["--n", "40", "--image-size", "64", "--shard-size", "10", "--num-proc", str(num_proc)]
    status, err = run_main(capsys, "build", *settings, "--quiet", "--out", str(out))
    assert_one_line_error(status, err, "no space left while writing")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_while_writing_the_card_is_one_line(capsys, tmp_path, monkeypatch):
    real_write_text = Path.write_text

    def full(self, *args, **kwargs):
        if self.name == "README.md":
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    status, err = run_main(capsys, *SMALL, "--out", str(tmp_path / "out"))
    assert_one_line_error(status, err, "no space left while writing")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]])
def test_an_empty_output_path_is_refused(capsys, tmp_path, monkeypatch, overwrite):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.txt").write_text("keep")
    status, err = run_main(capsys, *SMALL, "--out", "", *overwrite)
    assert_one_line_error(status, err, "empty path")
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


@pytest.mark.parametrize(
    ("where", "fragment"),
    [
        (".", "is the current folder"),
        ("CWD", "is the current folder"),
        ("..", "is a folder above the current one"),
        ("/", "is the file system root"),
        ("~", "is your home folder"),
        ("HOME", "is your home folder"),
    ],
)
def test_protected_folders_are_never_replaced(capsys, tmp_path, monkeypatch, where, fragment):
    home, work = tmp_path / "home", tmp_path / "home" / "projects" / "work"
    work.mkdir(parents=True)
    (work / "mine.txt").write_text("keep")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    out = {"CWD": str(work), "HOME": str(home)}.get(where, where)
    status, err = run_main(capsys, *SMALL, "--out", out, "--overwrite")
    assert_one_line_error(status, err, fragment)
    assert [p.name for p in work.iterdir()] == ["mine.txt"]
    assert [p.name for p in home.iterdir()] == ["projects"]


def test_overwrite_replaces_only_a_samplegen_build(capsys, tmp_path):
    out = tmp_path / "out"
    assert run_main(capsys, *SMALL, "--out", str(out))[0] == 0
    assert is_samplegen_build(out)
    assert run_main(capsys, *SMALL, "--seed", "2", "--out", str(out), "--overwrite")[0] == 0
    assert "Seed: `2`" in (out / "README.md").read_text()
    (out / "notes.txt").write_text("mine")  # a build the user has added to is no longer replaceable
    status, err = run_main(capsys, *SMALL, "--out", str(out), "--overwrite")
    assert_one_line_error(status, err, "was not made by samplegen build")
    assert (out / "notes.txt").read_text() == "mine"


def test_only_a_samplegen_card_and_parquet_shards_make_a_build(tmp_path):
    write_dataset(make_config(n=5, with_images=False), tmp_path / "built")
    assert is_samplegen_build(tmp_path / "built")
    card = (tmp_path / "built" / "README.md").read_text()
    other = tmp_path / "other"
    (other / "data").mkdir(parents=True)
    (other / "README.md").write_text("---\nlicense: mit\n---\n# My data set\n")
    assert not is_samplegen_build(other)
    (other / "README.md").write_text(card)
    assert is_samplegen_build(other)
    (other / "data" / "train.csv").write_text("a,b\n")
    assert not is_samplegen_build(other)
    assert not is_samplegen_build(tmp_path / "missing")


def _build_into_the_target_meanwhile(monkeypatch, out: Path, make) -> None:
    """Make `card_text`, called once the shards are written, first put something at `out` (once)."""
    real_card_text = samplegen.builder.card_text
    done = []

    def card_text(*args):
        if not done:
            done.append(1)
            make(out)
        return real_card_text(*args)

    monkeypatch.setattr(samplegen.builder, "card_text", card_text)


def test_a_build_that_finished_meanwhile_in_the_same_folder_is_kept(capsys, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _build_into_the_target_meanwhile(
        monkeypatch, out, lambda target: write_dataset(make_config(n=5, seed=2, with_images=False), target)
    )
    status, err = run_main(capsys, *SMALL, "--seed", "1", "--out", str(out))
    assert_one_line_error(status, err, "appeared while this build ran")
    assert "Seed: `2`" in (out / "README.md").read_text()  # the other build's folder, whole
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # this build's partial folder is gone


@pytest.mark.parametrize("renameat2", [True, False])
def test_an_empty_folder_made_meanwhile_is_not_replaced(capsys, tmp_path, monkeypatch, renameat2):
    if not renameat2:
        monkeypatch.setattr(no_replace, "_renameat2", lambda source, target: False)
    out = tmp_path / "out"
    _build_into_the_target_meanwhile(monkeypatch, out, lambda target: target.mkdir())
    status, err = run_main(capsys, *SMALL, "--out", str(out))
    assert_one_line_error(status, err, "appeared while this build ran")
    assert out.is_dir() and not any(out.iterdir())
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_empty_folder_there_from_the_start_is_filled(capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert run_main(capsys, *SMALL, "--out", str(out))[0] == 0
    assert is_samplegen_build(out)


@pytest.mark.parametrize("renameat2", [True, False])
def test_rename_no_replace_never_replaces(tmp_path, monkeypatch, renameat2):
    if not renameat2:
        monkeypatch.setattr(no_replace, "_renameat2", lambda source, target: False)
    source, target = tmp_path / "source", tmp_path / "target"
    source.mkdir()
    (source / "file").write_text("x")
    target.mkdir()
    with pytest.raises(FileExistsError):
        no_replace.rename_no_replace(source, target)
    assert (source / "file").is_file() and not any(target.iterdir())
    target.rmdir()
    no_replace.rename_no_replace(source, target)
    assert (target / "file").read_text() == "x" and not source.exists()


def test_output_error_is_a_samplegen_error():
    assert issubclass(OutputError, samplegen.SamplegenError)
