"""Upload a folder to a Hugging Face Hub repo of any type, with every failure as one line (a PushError).

The token is `token`, else HF_TOKEN, else the saved `hf auth login`, and appears in no message; the
endpoint is HF_ENDPOINT as set when the upload starts. `samplegen push` (a data set) and `finetune push`
(a model) both upload through `upload`, and check a token before long work with `check_write_access`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from samplegen.errors import PushError

__all__ = [
    "DEFAULT_TIMEOUT",
    "LOGIN_HINT",
    "PushResult",
    "check_write_access",
    "has_front_matter",
    "mask_token",
    "quiet_hub",
    "upload",
]

DEFAULT_TIMEOUT = 120.0  # seconds the Hub may stay silent on one connection before the push gives up
LOGIN_HINT = "check --token / HF_TOKEN / `hf auth login`"


@dataclass(frozen=True)
class PushResult:
    """What a push did: `changed` is False when the Hub already had these exact files (no commit made)."""

    repo_id: str
    revision: str  # branch committed to, or the pull request ref (refs/pr/N)
    commit_url: str | None  # the new commit; None when nothing changed
    pr_url: str | None  # the pull request opened; None without create_pr or when nothing changed
    changed: bool


def has_front_matter(card: Path) -> bool:
    """Whether the file starts with a YAML front matter block (---, a mapping, ---), as a Hub card needs."""
    try:
        text = card.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    match = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.DOTALL)
    try:
        return bool(match) and isinstance(yaml.safe_load(match.group(1)), dict)
    except yaml.YAMLError:
        return False


def _endpoint() -> str:
    """HF_ENDPOINT as set now (huggingface_hub reads it only once, at import), else the library's default."""
    from huggingface_hub import constants  # noqa: PLC0415

    return (os.environ.get("HF_ENDPOINT") or constants.ENDPOINT).rstrip("/")


def upload(
    path: Path,
    repo_id: str,
    *,
    repo_type: str,
    allow_patterns: list[str] | None,
    delete_patterns: list[str] | None,
    ignore_patterns: list[str] | None = None,
    private: bool = False,
    revision: str | None = None,
    create_pr: bool = False,
    token: str | None = None,
    commit_message: str,
    timeout: float = DEFAULT_TIMEOUT,
) -> PushResult:
    """Upload a checked folder to a Hub repo of any type, with the same token, error and no-op handling."""
    _check_settings(repo_id, revision, create_pr, timeout)
    from huggingface_hub import constants  # noqa: PLC0415

    token, endpoint, api = _client(token)
    with _scrubbed(token), _hub_errors(repo_id, revision, endpoint, timeout, repo_type), _timeout(timeout):
        api.create_repo(repo_id, repo_type=repo_type, exist_ok=True, private=True if private else None)
        before = _head(api, repo_id, revision, repo_type)
        if private and not before.private:
            raise PushError(f"{repo_id} already exists and is public: make it private on the Hub, or pick another name")
        commit = api.upload_folder(
            repo_id=repo_id,
            repo_type=repo_type,
            folder_path=path,
            revision=revision,
            create_pr=create_pr,
            commit_message=commit_message,
            allow_patterns=allow_patterns,
            ignore_patterns=ignore_patterns,
            delete_patterns=delete_patterns,
        )
    # When no file changed, huggingface_hub makes no commit (nor PR) and returns the current head instead.
    changed = commit.oid != before.sha
    return PushResult(
        repo_id=repo_id,
        revision=commit.pr_revision or revision or constants.DEFAULT_REVISION,
        commit_url=commit.commit_url if changed else None,
        pr_url=commit.pr_url if changed else None,
        changed=changed,
    )


def check_write_access(
    repo_id: str, *, repo_type: str = "model", token: str | None = None, timeout: float = DEFAULT_TIMEOUT
) -> str:
    """Before long work that ends in a push: the repo id is valid and the token may write under its namespace.

    Asks the Hub who owns the token (nothing is created) and returns that account's name. A read-only token,
    or a namespace that is neither the account nor one of its organisations, is a one-line PushError. The
    scopes of fine-grained tokens are not inspected: the push itself reports a missing one.
    """
    _check_settings(repo_id, None, False, timeout)
    token, endpoint, api = _client(token)
    with _scrubbed(token), _hub_errors(repo_id, None, endpoint, timeout, repo_type), _timeout(timeout):
        identity = api.whoami()
    account = identity.get("name", "?")
    namespaces = {account} | {org.get("name") for org in identity.get("orgs") or ()}
    namespace = repo_id.split("/", maxsplit=1)[0]
    if namespace not in namespaces:
        raise PushError(
            f"the token belongs to {account}, who cannot write under {namespace!r}: "
            f"pick a repo id under {account}/ or use a token of {namespace}"
        )
    if (identity.get("auth") or {}).get("accessToken", {}).get("role") == "read":
        raise PushError(f"the token of {account} is read-only: use a token with write access ({LOGIN_HINT})")
    return account


def _client(token: str | None):
    """(token, endpoint, HfApi) for --token, else HF_TOKEN, else the saved login; a one-line PushError without one."""
    from huggingface_hub import HfApi, constants, get_token  # noqa: PLC0415

    from samplegen.version import samplegen_version  # noqa: PLC0415

    token = token or get_token()
    if not token:
        raise PushError(f"no Hugging Face token: {LOGIN_HINT}")
    if constants.is_offline_mode():
        raise PushError("HF_HUB_OFFLINE is set: unset it to push to the Hub")
    endpoint = _endpoint()
    api = HfApi(endpoint=endpoint, token=token, library_name="samplegen", library_version=samplegen_version())
    return token, endpoint, api


def _check_settings(repo_id: str, revision: str | None, create_pr: bool, timeout: float) -> None:
    from huggingface_hub.utils import HFValidationError, validate_repo_id  # noqa: PLC0415

    try:
        validate_repo_id(repo_id)  # the Hub's naming rules
        valid = repo_id.count("/") == 1
    except HFValidationError:
        valid = False
    if not valid:
        raise PushError(f"repo id must look like user/name, got {repo_id!r}")
    if create_pr and revision not in (None, "main"):
        raise PushError("a pull request always targets the default branch: use either --create-pr or --revision")
    if not isinstance(timeout, int | float) or not timeout > 0:
        raise PushError(f"timeout must be a positive number of seconds, got {timeout!r}")


def _head(api, repo_id: str, revision: str | None, repo_type: str):
    """The repo's info at `revision`, creating that branch (from the default branch) when missing."""
    from huggingface_hub.errors import RevisionNotFoundError  # noqa: PLC0415

    try:
        return api.repo_info(repo_id, repo_type=repo_type, revision=revision)
    except RevisionNotFoundError:
        if revision is None or revision.startswith("refs/"):
            raise
    api.create_branch(repo_id, branch=revision, repo_type=repo_type, exist_ok=True)
    return api.repo_info(repo_id, repo_type=repo_type, revision=revision)


@contextmanager
def _timeout(seconds: float) -> Iterator[None]:
    """Give huggingface_hub's shared HTTP client (which has none) a timeout while the push runs.

    Through the public `set_client_factory`, so that a client the library makes anew during the push (it
    closes the shared one after some failures) has the timeout too. The factory in place before is read
    from `huggingface_hub.utils._http`, the one private name used here: the library has no public getter,
    and a user's own factory (a proxy, certificates) must be wrapped and restored, not replaced.
    The client is process-wide: other threads using huggingface_hub meanwhile get the timeout too.
    """
    import huggingface_hub  # noqa: PLC0415
    from huggingface_hub.utils import _http  # noqa: PLC0415

    previous = getattr(_http, "_GLOBAL_CLIENT_FACTORY", _http.default_client_factory)

    def factory():
        client = previous()
        client.timeout = seconds  # httpx2 turns a number into a Timeout for connect, read, write and pool
        return client

    huggingface_hub.set_client_factory(factory)
    try:
        yield
    finally:
        huggingface_hub.set_client_factory(previous)


@contextmanager
def _scrubbed(token: str) -> Iterator[None]:
    """Re-raise any PushError with the token masked out of its message."""
    try:
        yield
    except PushError as error:
        raise PushError(mask_token(str(error), token)) from None


@contextmanager
def quiet_hub() -> Iterator[None]:
    """Only our one-line result or error: no huggingface_hub warnings, progress bars only on a terminal."""
    from huggingface_hub.utils import (  # noqa: PLC0415
        are_progress_bars_disabled,
        disable_progress_bars,
        enable_progress_bars,
        logging,
    )

    verbosity, bars_were_off = logging.get_verbosity(), are_progress_bars_disabled()
    logging.set_verbosity_error()
    if not sys.stderr.isatty():
        disable_progress_bars()
    try:
        yield
    finally:
        logging.set_verbosity(verbosity)
        if not bars_were_off:
            enable_progress_bars()


def mask_token(message: str, token: str) -> str:
    """`message` with each whole occurrence of `token` replaced by ***; a short token (even one character)
    inside a longer word is left alone, so the rest of the message stays readable."""
    if not token:
        return message
    word = r"[A-Za-z0-9_\-]"
    return re.sub(rf"(?<!{word}){re.escape(token)}(?!{word})", "***", message)


@contextmanager
def _hub_errors(
    repo_id: str, revision: str | None, endpoint: str, timeout: float, repo_type: str = "dataset"
) -> Iterator[None]:
    """Turn what huggingface_hub and its HTTP client raise into one-line PushErrors."""
    try:
        yield
    except PushError:
        raise
    except Exception as error:  # every failure of the client becomes one line; see _describe
        message = _describe(error, repo_id, revision, endpoint, timeout, repo_type)
        if message is None:
            raise
        raise PushError(message) from None


def _describe(
    error: BaseException, repo_id: str, revision: str | None, endpoint: str, timeout: float, repo_type: str = "dataset"
) -> str | None:
    """One line for a client failure, from the most telling error in its cause chain (None: not a Hub failure)."""
    import httpx2  # noqa: PLC0415
    from huggingface_hub.errors import (  # noqa: PLC0415
        HfHubHTTPError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    chain, seen = [], error
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    http = next((e for e in chain if isinstance(e, HfHubHTTPError) and e.response is not None), None)
    if http is not None:
        status = http.response.status_code
        said = _first_line(http.server_message)
        status_text = f"{status} {http.response.reason_phrase}".strip()
        detail = f"{status_text}: {said}" if said else status_text
        if status == 401:
            return f"Hub refused the token ({detail}): {LOGIN_HINT}"
        if status == 403:
            return f"Hub denied write access to {repo_id} ({detail}): use a token with write access to that namespace"
        if isinstance(http, RevisionNotFoundError):
            return f"revision {revision or 'main'!r} not found in {repo_id} ({detail}): check --revision"
        if isinstance(http, RepositoryNotFoundError) or status == 404:
            return f"{repo_type} repo {repo_id} not found on the Hub ({detail}): check --repo-id and the token's access"
        if status == 409:
            return f"Hub reported a conflict on {repo_id} ({detail}): someone pushed meanwhile; push again"
        if status == 429:
            return f"Hub rate limit reached ({detail}): wait a few minutes and push again"
        if status >= 500:
            return f"Hub server error ({detail}): the Hub may be down; try again later"
        return f"Hub rejected the push ({detail})"
    if any(isinstance(e, OfflineModeIsEnabled) for e in chain):
        return "HF_HUB_OFFLINE is set: unset it to push to the Hub"
    if any(isinstance(e, httpx2.TooManyRedirects) for e in chain):
        return f"{endpoint} redirects in a loop (too many redirects): check HF_ENDPOINT"
    if any(isinstance(e, httpx2.TimeoutException) for e in chain):
        return f"Hub at {endpoint} did not answer within {timeout:g} s: try again later, or raise --timeout"
    if any(isinstance(e, httpx2.ConnectError) for e in chain):
        reason = _first_line(str(next(e for e in chain if isinstance(e, httpx2.ConnectError))))
        return f"cannot reach the Hub at {endpoint} ({reason}): check your network connection and HF_ENDPOINT"
    transport = next((e for e in chain if isinstance(e, httpx2.TransportError)), None)
    if transport is not None:
        reason = _first_line(str(transport)) or type(transport).__name__
        return f"connection to the Hub at {endpoint} failed ({reason}): try again"
    # hf_xet (the default upload path) raises built-in ConnectionError / TimeoutError carrying the storage
    # server's answer, or its own PermissionError / FileNotFoundError subclasses.
    storage = next((e for e in chain if isinstance(e, (ConnectionError, TimeoutError, *_xet_error_types()))), None)
    if storage is not None:
        reason = _first_line(str(storage)) or type(storage).__name__
        if isinstance(storage, PermissionError):
            return f"Hub storage refused the token ({reason}): {LOGIN_HINT}"
        return f"upload to Hub storage failed ({reason}): try again later, or set HF_HUB_DISABLE_XET=1"
    if any(isinstance(e, json.JSONDecodeError) for e in chain):
        return f"{endpoint} did not answer like the Hub (not JSON): check HF_ENDPOINT"
    if isinstance(error, ValueError):  # the client's own checks: card metadata, LFS batch errors...
        return f"Hub push failed: {' '.join(str(error).split())}"
    return None


def _xet_error_types() -> tuple[type[BaseException], ...]:
    try:
        import hf_xet  # noqa: PLC0415
    except ImportError:
        return ()
    names = ("XetAuthenticationError", "XetObjectNotFoundError")
    return tuple(getattr(hf_xet, name) for name in names if hasattr(hf_xet, name))


def _first_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[0].rstrip(".") if lines else ""
