"""`samplegen push`: publish through the real huggingface_hub client to an in-memory Hub on 127.0.0.1."""

from __future__ import annotations

import hashlib
import logging
import socket
import traceback
from pathlib import Path

import datasets
import httpx2
import huggingface_hub
import pytest
from huggingface_hub import constants

import samplegen
from samplegen import PushError, PushResult, cli, push
from samplegen.commands import push as push_command
from tests.fake_hub import Account, FakeHub, use_fake_hub_environment

TOKEN = "hf_pushTestSecret0123456789abcdef"
READ_TOKEN = "hf_pushTestReadOnly0123456789ab"
IMAGE_SIZE = 64  # schemas allow 32, but the renderer currently refuses sizes under 64
pytestmark = pytest.mark.filterwarnings("ignore:Use .content=:DeprecationWarning")  # huggingface_hub LFS PUT


def build(out: Path, **settings) -> Path:
    return samplegen.write_dataset(samplegen.make_config(**{"n": 20, "image_size": IMAGE_SIZE, **settings}), out)


def local_files(folder: Path) -> dict[str, bytes]:
    paths = [folder / "README.md", *sorted((folder / "data").glob("*.parquet"))]
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in paths}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("built") / "ds")


@pytest.fixture(autouse=True)
def hub_environment(monkeypatch, tmp_path):
    """No real login, no offline mode, xet upload off (the fake hub serves git-LFS); HF_ENDPOINT set per hub."""
    use_fake_hub_environment(monkeypatch, tmp_path, TOKEN)


def start_hub(monkeypatch, **options) -> FakeHub:
    hub = FakeHub({TOKEN: Account("alice"), READ_TOKEN: Account("alice", write=False)}, **options)
    monkeypatch.setenv("HF_ENDPOINT", hub.url)  # after huggingface_hub's import: push must read it itself
    return hub


@pytest.fixture
def hub(monkeypatch):
    with start_hub(monkeypatch) as hub:
        yield hub


@pytest.fixture(params=["git-lfs", "xet-pipeline"])
def any_hub(request, monkeypatch):
    """Both upload paths of huggingface_hub: create_commit + git-LFS (xet off), and the default hf_xet
    pipeline (xet on) against a hub that stores every file as a regular blob, so no Xet storage is needed."""
    if request.param == "xet-pipeline":
        monkeypatch.setenv("HF_HUB_DISABLE_XET", "0")
        monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", False)
    with start_hub(monkeypatch, lfs=request.param == "git-lfs") as hub:
        yield hub


def download(hub: FakeHub, tmp_path: Path, revision: str = "main") -> Path:
    return Path(
        huggingface_hub.snapshot_download(
            "alice/ds", repo_type="dataset", revision=revision, endpoint=hub.url, cache_dir=tmp_path / "hub-cache"
        )
    )


def assert_one_line(error: BaseException, *fragments: str) -> None:
    text = str(error)
    assert "\n" not in text and text.strip() == text, text
    for fragment in fragments:
        assert fragment in text, text
    rendered = "".join(traceback.format_exception(error))
    assert TOKEN not in rendered and READ_TOKEN not in rendered


# -- publishing ----------------------------------------------------------------------------------


def test_push_uploads_exactly_the_card_and_shards_and_they_load_back(any_hub, folder, tmp_path):
    assert any_hub.url != constants.ENDPOINT  # the client's import-time endpoint is not the fake hub

    result = push(folder, "alice/ds")

    repo = any_hub.repo("alice/ds")
    head = repo.history()[0]
    assert result == PushResult("alice/ds", "main", f"{any_hub.url}/datasets/alice/ds/commit/{head.oid}", None, True)
    remote = repo.files()
    assert remote.pop(".gitattributes")  # the Hub's initial commit
    assert remote == local_files(folder)
    assert {path for _, path in head.operations} == set(local_files(folder))
    shards = {path: content for path, content in local_files(folder).items() if path.endswith(".parquet")}
    if any_hub.lfs:  # parquet went through git-LFS, checked against its sha256 and size by the hub
        assert sorted(any_hub.uploads) == sorted((hashlib.sha256(c).hexdigest(), len(c)) for c in shards.values())
        assert {kind for kind, path in head.operations if path in shards} == {"lfsFile"}
    hub_calls = [request for request in any_hub.requests if request.endpoint not in ("lfs_upload", "lfs_download")]
    assert {request.authorization for request in hub_calls} == {f"Bearer {TOKEN}"}
    assert None not in {request.endpoint for request in any_hub.requests}  # no endpoint the hub lacks

    downloaded = download(any_hub, tmp_path)
    assert {path: (downloaded / path).read_bytes() for path in local_files(folder)} == local_files(folder)
    loaded = datasets.load_dataset(str(downloaded), cache_dir=str(tmp_path / "datasets-cache"))
    original = datasets.load_dataset(str(folder), cache_dir=str(tmp_path / "datasets-cache-local"))
    rows = {name: split.num_rows for name, split in original.items()}
    assert {name: split.num_rows for name, split in loaded.items()} == rows and sum(rows.values()) == 20
    assert loaded["train"].features == original["train"].features
    assert loaded["train"][0] == original["train"][0]
    for path in ("README.md", min(shards)):  # by branch name: HEAD, then GET (or redirect to storage)
        single = huggingface_hub.hf_hub_download(
            "alice/ds", path, repo_type="dataset", endpoint=any_hub.url, cache_dir=tmp_path / "single"
        )
        assert Path(single).read_bytes() == local_files(folder)[path]
    storage = [request for request in any_hub.requests if request.endpoint in ("lfs_upload", "lfs_download")]
    assert len(storage) == (2 * len(shards) + 1 if any_hub.lfs else 0)  # up, down (snapshot), one hf_hub_download
    assert all(request.authorization is None for request in storage)  # the token never leaves the Hub's host


def test_pushing_the_same_folder_again_makes_no_commit(any_hub, folder):
    push(folder, "alice/ds")
    commits, uploads = len(any_hub.repo("alice/ds").commits), list(any_hub.uploads)

    again = push(folder, "alice/ds")

    assert again.changed is False and again.commit_url is None and again.pr_url is None
    assert len(any_hub.repo("alice/ds").commits) == commits
    assert any_hub.uploads == uploads
    assert not [request for request in any_hub.requests if request.endpoint == "commit"][1:]


def test_a_rebuilt_folder_replaces_the_shards_and_drops_stale_ones(hub, tmp_path):
    first = build(tmp_path / "first", shard_size=5)
    push(first, "alice/ds")
    assert len([path for path in hub.repo("alice/ds").files() if path.endswith(".parquet")]) > 2

    second = build(tmp_path / "second", seed=1)
    result = push(second, "alice/ds")

    assert result.changed
    remote = hub.repo("alice/ds").files()
    remote.pop(".gitattributes")
    assert remote == local_files(second)


def test_revision_creates_the_branch_and_leaves_main_alone(hub, folder):
    result = push(folder, "alice/ds", revision="dev")

    repo = hub.repo("alice/ds")
    assert result.revision == "dev" and result.changed
    assert set(repo.files("dev")) == {".gitattributes", *local_files(folder)}
    assert set(repo.files("main")) == {".gitattributes"}
    assert push(folder, "alice/ds", revision="dev").changed is False


def test_create_pr_opens_a_pull_request_and_leaves_main_alone(any_hub, folder, tmp_path):
    push(folder, "alice/ds")
    main = any_hub.repo("alice/ds").refs["main"]
    changed = build(tmp_path / "changed", seed=7)

    result = push(changed, "alice/ds", create_pr=True)

    repo = any_hub.repo("alice/ds")
    assert result.pr_url == f"{any_hub.url}/datasets/alice/ds/discussions/1"
    assert result.revision == "refs/pr/1" and result.changed
    assert repo.refs["main"] == main
    assert {path: repo.files("refs/pr/1")[path] for path in local_files(changed)} == local_files(changed)
    # Changes are measured against main, so the same folder again opens another PR (as huggingface_hub does).
    again = push(changed, "alice/ds", create_pr=True)
    assert again.changed and again.pr_url.endswith("/discussions/2") and len(repo.discussions) == 2


def test_unchanged_pull_request_opens_nothing(any_hub, folder):
    push(folder, "alice/ds")

    result = push(folder, "alice/ds", create_pr=True)

    assert result.changed is False and result.pr_url is None
    assert any_hub.repo("alice/ds").discussions == []


def test_private_reaches_create_repo(hub, folder):
    push(folder, "alice/ds", private=True)
    push(folder, "alice/open")

    assert hub.created[0]["visibility"] == "private" and hub.repo("alice/ds").private
    assert "visibility" not in hub.created[1] and not hub.repo("alice/open").private


def test_private_is_not_silently_ignored_on_an_existing_public_repo(hub, folder):
    push(folder, "alice/ds")
    commits = len(hub.repo("alice/ds").commits)

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds", private=True)

    assert_one_line(caught.value, "alice/ds already exists and is public")
    assert len(hub.repo("alice/ds").commits) == commits


def test_token_argument_wins_over_hf_token(hub, folder, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", "hf_notTheRightOne")

    assert push(folder, "alice/ds", token=TOKEN).changed
    assert hub.requests[0].authorization == f"Bearer {TOKEN}"


def test_saved_login_is_used_without_hf_token(hub, folder, monkeypatch, tmp_path):
    saved = tmp_path / "home" / "token"
    saved.parent.mkdir()
    saved.write_text(TOKEN)
    monkeypatch.delenv("HF_TOKEN")
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(saved))

    assert push(folder, "alice/ds").changed
    assert hub.requests[0].authorization == f"Bearer {TOKEN}"


def test_the_token_is_written_nowhere(hub, folder):
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    push(folder, "alice/ds")

    after = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    assert after == before
    assert not [path for path, content in after.items() if TOKEN.encode() in content]
    assert not [path for path, content in hub.repo("alice/ds").files().items() if TOKEN.encode() in content]


def test_the_token_is_in_no_log_record(hub, folder, monkeypatch, tmp_path):
    records: list[str] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = lambda record: records.append(record.getMessage())
    hub_logger = logging.getLogger("huggingface_hub")
    monkeypatch.setattr(constants, "HF_DEBUG", True)  # also logs every request as a curl command
    level = hub_logger.level
    hub_logger.setLevel(logging.DEBUG)
    hub_logger.addHandler(handler)
    try:
        push(folder, "alice/ds")
        hub.fail(503, on="commit")
        with pytest.raises(PushError):
            push(build(tmp_path / "other", seed=3), "alice/ds")
    finally:
        hub_logger.removeHandler(handler)
        hub_logger.setLevel(level)

    assert any("curl" in record for record in records)
    assert not [record for record in records if TOKEN in record]


# -- mistakes and Hub failures: one line ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("missing", "does not exist: build it with `samplegen build --out"),
        ("a-file", "is not a folder"),
        ("only-data", "has no README.md, so it is not a built data set"),
    ],
)
def test_not_a_data_set_folder_is_one_line(hub, tmp_path, name, fragment):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "only-data" / "data").mkdir(parents=True)

    with pytest.raises(PushError) as caught:
        push(tmp_path / name, "alice/ds")

    assert_one_line(caught.value, fragment)
    assert hub.requests == []


def test_card_without_front_matter_or_folder_without_shards_is_one_line(hub, folder, tmp_path):
    no_yaml = tmp_path / "no-yaml"
    (no_yaml / "data").mkdir(parents=True)
    (no_yaml / "README.md").write_text("# just prose\n")
    for shard in (folder / "data").glob("*.parquet"):
        (no_yaml / "data" / shard.name).write_bytes(shard.read_bytes())
    no_shards = tmp_path / "no-shards"
    no_shards.mkdir()
    (no_shards / "README.md").write_bytes((folder / "README.md").read_bytes())

    with pytest.raises(PushError) as caught:
        push(no_yaml, "alice/ds")
    assert_one_line(caught.value, "README.md has no YAML front matter")
    with pytest.raises(PushError) as caught:
        push(no_shards, "alice/ds")
    assert_one_line(caught.value, "holds no .parquet shards")
    assert hub.requests == []


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"repo_id": "just-a-name"}, "repo id must look like user/name, got 'just-a-name'"),
        ({"repo_id": "a/b/c"}, "repo id must look like user/name"),
        ({"repo_id": "alice/bad--name"}, "repo id must look like user/name"),
        ({"create_pr": True, "revision": "dev"}, "use either --create-pr or --revision"),
        ({"timeout": 0}, "timeout must be a positive number of seconds"),
    ],
)
def test_bad_settings_are_one_line(hub, folder, settings, fragment):
    with pytest.raises(PushError) as caught:
        push(folder, **{"repo_id": "alice/ds", **settings})

    assert_one_line(caught.value, fragment)
    assert hub.requests == []


def test_no_token_anywhere_is_one_line(hub, folder, monkeypatch):
    monkeypatch.delenv("HF_TOKEN")

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds")

    assert_one_line(caught.value, "no Hugging Face token: check --token / HF_TOKEN / `hf auth login`")


@pytest.mark.parametrize(
    ("token", "repo_id", "fragments"),
    [
        ("hf_unknownToken42", "alice/ds", ["Hub refused the token (401 Unauthorized", "HF_TOKEN"]),
        (READ_TOKEN, "alice/ds", ["Hub denied write access to alice/ds (403 Forbidden"]),
        (TOKEN, "bob/ds", ['(403 Forbidden: You don\'t have the rights to create a dataset under the namespace "bob"']),
    ],
)
def test_refused_credentials_are_one_line(hub, folder, token, repo_id, fragments):
    with pytest.raises(PushError) as caught:
        push(folder, repo_id, token=token)

    assert_one_line(caught.value, *fragments)
    assert token not in str(caught.value)


def test_the_token_is_scrubbed_from_what_the_hub_says(hub, folder):
    hub.fail(401, on="create_repo", message=f"token {TOKEN} was revoked")

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds")

    assert_one_line(caught.value, "Hub refused the token (401 Unauthorized: token *** was revoked)")


@pytest.mark.parametrize(
    ("status", "on", "code", "fragment"),
    [
        (401, "create_repo", None, "Hub refused the token (401 Unauthorized: injected 401 error)"),
        (403, "preupload", None, "Hub denied write access to alice/ds (403 Forbidden"),
        (404, "preupload", "RepoNotFound", "dataset repo alice/ds not found on the Hub (404 Not Found"),
        (409, "commit", None, "Hub reported a conflict on alice/ds (409 Conflict: injected 409 error)"),
        (500, "create_repo", None, "Hub server error (500 Internal Server Error"),
        (503, "create_repo", None, "Hub server error (503 Service Unavailable"),
        (503, "commit", None, "Hub server error (503 Service Unavailable"),
    ],
)
def test_hub_errors_are_one_line(hub, folder, status, on, code, fragment):
    hub.fail(status, on=on, code=code)

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds")

    assert_one_line(caught.value, fragment)


def test_server_errors_are_retried_then_one_line(hub, folder, monkeypatch):
    naps = []
    monkeypatch.setattr("huggingface_hub.utils._http.time.sleep", naps.append)
    hub.fail(503, on="preupload")

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds")

    assert_one_line(caught.value, "Hub server error (503 Service Unavailable")
    assert len([request for request in hub.requests if request.endpoint == "preupload"]) == 6 and len(naps) == 5


def test_missing_pull_request_ref_is_one_line(hub, folder):
    push(folder, "alice/ds")

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds", revision="refs/pr/7")

    assert_one_line(caught.value, "revision 'refs/pr/7' not found in alice/ds (404 Not Found")


def test_connection_refused_is_one_line(folder, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds")

    assert_one_line(caught.value, f"cannot reach the Hub at http://127.0.0.1:{port} (", "HF_ENDPOINT")


@pytest.mark.parametrize("on", ["create_repo", "commit"])
def test_a_silent_hub_times_out_in_one_line(hub, folder, on):
    hub.hang(on=on)

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds", timeout=0.5)

    assert_one_line(caught.value, f"Hub at {hub.url} did not answer within 0.5 s")


def test_timeout_does_not_outlive_the_push(hub, folder):
    push(folder, "alice/ds", timeout=0.5)

    assert huggingface_hub.utils.get_session().timeout == httpx2.Timeout(None)


def test_offline_mode_is_one_line(hub, folder, monkeypatch):
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds")

    assert_one_line(caught.value, "HF_HUB_OFFLINE is set")


def test_default_xet_upload_against_a_hub_without_xet_is_one_line(hub, folder, monkeypatch):
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", False)

    with pytest.raises(PushError) as caught:
        push(folder, "alice/ds")

    assert_one_line(caught.value, "upload to Hub storage failed (", "501 Not Implemented", "HF_HUB_DISABLE_XET=1")
    xet_logs = Path(constants.HF_XET_CACHE) / "logs"  # hf_xet's own log files
    assert not [log for log in xet_logs.glob("*") if TOKEN in log.read_text(errors="replace")]


def test_the_fake_hub_checks_what_it_receives(hub, folder):
    """Guard for the guard: a corrupted LFS upload and a commit naming an unknown object are refused."""
    push(folder, "alice/ds")
    shard = next((folder / "data").glob("*.parquet")).read_bytes()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = httpx2.post(
        f"{hub.url}/datasets/alice/ds.git/info/lfs/objects/batch",
        json={"operation": "upload", "objects": [{"oid": hashlib.sha256(b"other").hexdigest(), "size": len(shard)}]},
        headers=auth,
    ).json()
    upload = httpx2.put(batch["objects"][0]["actions"]["upload"]["href"], content=shard)
    commit = httpx2.post(
        f"{hub.url}/api/datasets/alice/ds/commit/main",
        content=b'{"key": "header", "value": {"summary": "x"}}\n'
        b'{"key": "lfsFile", "value": {"path": "data/x.parquet", "algo": "sha256", "oid": "' + b"0" * 64 + b'"}}\n',
        headers=auth,
    )

    assert upload.status_code == 400 and "BadDigest" in upload.text
    assert commit.status_code == 400 and "never uploaded" in commit.text


# -- command line ----------------------------------------------------------------------------------


def run_cli(capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    """`samplegen.cli.main`, with `push` registered if cli.COMMANDS does not list it yet."""
    if push_command.add_command not in cli.COMMANDS:
        monkeypatch.setattr(cli, "COMMANDS", [*cli.COMMANDS, push_command.add_command])
    try:
        code = cli.main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_prints_the_commit_url_then_nothing_changed(hub, folder, capsys, monkeypatch):
    code, out, err = run_cli(capsys, monkeypatch, "push", str(folder), "--repo-id", "alice/ds")
    assert code == 0 and err == ""
    assert out == f"{hub.url}/datasets/alice/ds/commit/{hub.repo('alice/ds').refs['main']}\n"

    code, out, err = run_cli(capsys, monkeypatch, "push", str(folder), "--repo-id", "alice/ds")
    assert code == 0 and err == ""
    assert out == "nothing changed: alice/ds@main already has these files\n"


def test_cli_create_pr_private_and_token(hub, folder, capsys, monkeypatch):
    monkeypatch.delenv("HF_TOKEN")
    args = ["push", str(folder), "--repo-id", "alice/ds", "--token", TOKEN, "--private"]

    code, out, err = run_cli(capsys, monkeypatch, *args, "--create-pr")

    assert code == 0 and err == ""
    assert out == f"{hub.url}/datasets/alice/ds/discussions/1\n"
    assert hub.repo("alice/ds").private


def test_cli_revision(hub, folder, capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, "push", str(folder), "--repo-id", "alice/ds", "--revision", "dev")

    assert code == 0 and out.startswith(f"{hub.url}/datasets/alice/ds/commit/{hub.repo('alice/ds').refs['dev']}")


@pytest.mark.parametrize(
    ("extra", "fail", "fragment"),
    [
        (["--token", "hf_wrongTokenOnTheCommandLine"], None, "Hub refused the token (401 Unauthorized"),
        (["--token", TOKEN], (503, "create_repo"), "Hub server error (503 Service Unavailable"),
        (["--token", TOKEN], (409, "commit"), "Hub reported a conflict on alice/ds (409 Conflict"),
        (["--token", TOKEN, "--timeout", "0.3"], "hang", "did not answer within 0.3 s"),
    ],
)
def test_cli_hub_errors_are_one_line_with_exit_code_2(hub, folder, capsys, monkeypatch, extra, fail, fragment):
    if fail == "hang":
        hub.hang(on="create_repo")
    elif fail:
        hub.fail(fail[0], on=fail[1])

    code, out, err = run_cli(capsys, monkeypatch, "push", str(folder), "--repo-id", "alice/ds", *extra)

    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("samplegen: error: ") and fragment in err, err
    assert TOKEN not in err and extra[1] not in err


def test_cli_connection_refused_and_bad_folder(folder, capsys, monkeypatch, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{probe.getsockname()[1]}")

    code, _out, err = run_cli(capsys, monkeypatch, "push", str(folder), "--repo-id", "alice/ds")
    assert code == 2 and err.count("\n") == 1 and "samplegen: error: cannot reach the Hub at" in err

    code, _out, err = run_cli(capsys, monkeypatch, "push", str(tmp_path / "nope"), "--repo-id", "alice/ds")
    assert code == 2 and err.count("\n") == 1 and "does not exist: build it with" in err
    assert TOKEN not in err


def test_cli_requires_repo_id(capsys, monkeypatch, folder):
    code, _, err = run_cli(capsys, monkeypatch, "push", str(folder))

    assert code == 2 and err.count("\n") == 1 and "--repo-id" in err


# -- issue 19: redirect loops, short tokens ------------------------------------------------------


@pytest.mark.parametrize("on", [None, "commit"])
def test_a_hub_that_redirects_to_itself_is_one_line(hub, folder, capsys, monkeypatch, on):
    hub.redirect_loop(on=on)

    code, out, err = run_cli(capsys, monkeypatch, "push", str(folder), "--repo-id", "alice/ds")

    assert code == 2 and out == ""
    assert err == f"samplegen: error: {hub.url} redirects in a loop (too many redirects): check HF_ENDPOINT\n"
    assert any(request.endpoint == (on or "create_repo") for request in hub.requests)


def test_a_one_character_token_does_not_garble_the_message(hub, folder, capsys, monkeypatch):
    code, _, err = run_cli(capsys, monkeypatch, "push", str(folder), "--repo-id", "alice/ds", "--token", "a")

    assert code == 2
    assert err.startswith("samplegen: error: Hub refused the token (401 Unauthorized")
    assert err.endswith("check --token / HF_TOKEN / `hf auth login`\n"), err


@pytest.mark.parametrize(
    ("message", "token", "masked"),
    [
        ("token a was revoked", "a", "token *** was revoked"),
        ("bad token hf_abc; hf_abc again", "hf_abc", "bad token ***; *** again"),
        ("hf_abcdef is not hf_abc", "hf_abc", "hf_abcdef is not ***"),
        ("nothing to hide", "", "nothing to hide"),
    ],
)
def test_mask_token_replaces_only_whole_tokens(message, token, masked):
    from samplegen.hub_upload import mask_token

    assert mask_token(message, token) == masked


# -- issue 19 row 12: `build --push-to` checks the repo id and the token before building ----------


@pytest.mark.parametrize(
    ("repo_id", "env", "fragment"),
    [
        ("bad//id", {}, "repo id must look like user/name, got 'bad//id'"),
        ("alice/ds", {"HF_TOKEN": None}, "no Hugging Face token"),
        ("alice/ds", {"HF_TOKEN": "hf_unknownToken42"}, "Hub refused the token (401 Unauthorized"),
        ("alice/ds", {"HF_TOKEN": READ_TOKEN}, "the token of alice is read-only"),
        ("bob/ds", {}, "the token belongs to alice, who cannot write under 'bob'"),
    ],
)
def test_build_push_to_is_checked_before_building(hub, capsys, monkeypatch, tmp_path, repo_id, env, fragment):
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name)
        else:
            monkeypatch.setenv(name, value)
    built = []
    monkeypatch.setattr("samplegen.builder.write_dataset", lambda *args, **kwargs: built.append(args))
    out = tmp_path / "ds"

    code, stdout, err = run_cli(
        capsys, monkeypatch, "build", "--n", "5", "--no-images", "--out", str(out), "--push-to", repo_id
    )

    assert code == 2 and stdout == "" and built == [] and not out.exists()
    assert err.count("\n") == 1 and err.startswith("samplegen: error: ") and fragment in err, err


def test_build_push_to_builds_then_pushes(hub, capsys, monkeypatch, tmp_path):
    out = tmp_path / "ds"

    code, stdout, err = run_cli(
        capsys, monkeypatch, "build", "--n", "5", "--no-images", "--out", str(out), "--push-to", "alice/ds"
    )

    assert code == 0 and err == "", err
    assert stdout.splitlines()[0] == str(out)
    assert hub.requests[0].endpoint == "whoami"
    assert set(hub.repo("alice/ds").files()) >= {"README.md"}
