"""A small in-memory Hugging Face Hub on 127.0.0.1, faithful to what huggingface_hub 2.4's client sends.

Two threaded HTTP servers on random ports:

- the **hub** (`FakeHub.url`, the `HF_ENDPOINT`): whoami, repo creation, branches, repo info, refs, README
  metadata validation, preupload, git-LFS batch + verify, ndjson commits (plain or `?create_pr=1`), pull
  requests (discussions), tree listings and `/resolve/` (HEAD and GET) for downloads;
- the **storage** (`FakeHub.storage_url`, another origin, like S3 / the CDN): signed `PUT` targets for
  LFS uploads and signed `GET`s that `/resolve/` redirects LFS files to.

Files are classified like on the Hub: LFS when `.gitattributes` says so (every new repo gets the Hub's
default one in its initial commit), when binary, or when over 10 MiB; otherwise a regular git blob sent
inline in the commit. Xet storage is not served: the xet token routes answer 501 and `/resolve/` never
advertises `X-Xet-Hash`, so clients must upload with `HF_HUB_DISABLE_XET=1` (the LFS protocol).
`FakeHub(lfs=False)` stores everything as regular blobs instead, which keeps huggingface_hub's default
(hf_xet) upload pipeline off xet storage too.

Everything received is checked: LFS uploads must match the sha256 and size declared in the batch call,
commits may only reference LFS objects uploaded with that size, inline files are base64-decoded and refused
when they should have gone through LFS. `fail(status, on=...)`, `hang(on=...)` and `redirect_loop(on=...)`
inject errors by endpoint name (the third column of ROUTES); `requests` records every call, `repos` the
resulting git history.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

DEFAULT_GITATTRIBUTES = """\
*.7z filter=lfs diff=lfs merge=lfs -text
*.arrow filter=lfs diff=lfs merge=lfs -text
*.bin filter=lfs diff=lfs merge=lfs -text
*.gz filter=lfs diff=lfs merge=lfs -text
*.jpg filter=lfs diff=lfs merge=lfs -text
*.npy filter=lfs diff=lfs merge=lfs -text
*.parquet filter=lfs diff=lfs merge=lfs -text
*.png filter=lfs diff=lfs merge=lfs -text
*.safetensors filter=lfs diff=lfs merge=lfs -text
*.zip filter=lfs diff=lfs merge=lfs -text
"""
LFS_SIZE_THRESHOLD = 10 * 1024 * 1024
XET_NOT_SERVED = "this test hub serves no Xet storage: set HF_HUB_DISABLE_XET=1 to upload with git-LFS"
REPO = r"(?P<repo>[^/]+/[^/]+)"
PREFIX = {"dataset": "/datasets", "model": ""}  # where a repo type's pages and git endpoints live
ROUTES = [  # (method, path regex, endpoint name); `rev` is URL-quoted, so it holds no '/'
    ("POST", r"/api/repos/create", "create_repo"),
    ("POST", r"/api/validate-yaml", "validate_yaml"),
    ("GET", r"/api/whoami-v2", "whoami"),
    ("GET", rf"/api/datasets/{REPO}", "repo_info"),
    ("GET", rf"/api/datasets/{REPO}/revision/(?P<rev>[^/]+)", "repo_info"),
    ("POST", rf"/api/datasets/{REPO}/branch/(?P<rev>[^/]+)", "create_branch"),
    ("GET", rf"/api/datasets/{REPO}/refs", "refs"),
    ("POST", rf"/api/datasets/{REPO}/preupload/(?P<rev>[^/]+)", "preupload"),
    ("POST", rf"/api/datasets/{REPO}/commit/(?P<rev>[^/]+)", "commit"),
    ("POST", rf"/api/datasets/{REPO}/discussions", "create_discussion"),
    ("GET", rf"/api/datasets/{REPO}/discussions/(?P<num>\d+)", "discussion"),
    ("GET", rf"/api/datasets/{REPO}/tree/(?P<rev>[^/]+)(?:/(?P<path>.+))?", "tree"),
    ("GET", rf"/api/datasets/{REPO}/xet-(?:read|write)-token(?:/.*)?", "xet_token"),
    ("POST", rf"/datasets/{REPO}\.git/info/lfs/objects/batch", "lfs_batch"),
    ("POST", rf"/datasets/{REPO}\.git/info/lfs/objects/verify", "lfs_verify"),
    ("HEAD", rf"/datasets/{REPO}/resolve/(?P<rev>[^/]+)/(?P<path>.+)", "resolve"),
    ("GET", rf"/datasets/{REPO}/resolve/(?P<rev>[^/]+)/(?P<path>.+)", "resolve"),
    # model repos: the same endpoints without the `datasets` prefix
    ("GET", rf"/api/models/{REPO}", "repo_info"),
    ("GET", rf"/api/models/{REPO}/revision/(?P<rev>[^/]+)", "repo_info"),
    ("POST", rf"/api/models/{REPO}/branch/(?P<rev>[^/]+)", "create_branch"),
    ("GET", rf"/api/models/{REPO}/refs", "refs"),
    ("POST", rf"/api/models/{REPO}/preupload/(?P<rev>[^/]+)", "preupload"),
    ("POST", rf"/api/models/{REPO}/commit/(?P<rev>[^/]+)", "commit"),
    ("POST", rf"/api/models/{REPO}/discussions", "create_discussion"),
    ("GET", rf"/api/models/{REPO}/discussions/(?P<num>\d+)", "discussion"),
    ("GET", rf"/api/models/{REPO}/tree/(?P<rev>[^/]+)(?:/(?P<path>.+))?", "tree"),
    ("GET", rf"/api/models/{REPO}/xet-(?:read|write)-token(?:/.*)?", "xet_token"),
    ("POST", rf"/{REPO}\.git/info/lfs/objects/batch", "lfs_batch"),
    ("POST", rf"/{REPO}\.git/info/lfs/objects/verify", "lfs_verify"),
    ("HEAD", rf"/{REPO}/resolve/(?P<rev>[^/]+)/(?P<path>.+)", "resolve"),
    ("GET", rf"/{REPO}/resolve/(?P<rev>[^/]+)/(?P<path>.+)", "resolve"),
]
STORAGE_ROUTES = [
    ("PUT", r"/upload/(?P<key>[0-9a-f]+)", "lfs_upload"),
    ("HEAD", r"/objects/(?P<oid>[0-9a-f]{64})", "lfs_download"),
    ("GET", r"/objects/(?P<oid>[0-9a-f]{64})", "lfs_download"),
]


def git_blob_oid(content: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def lfs_pointer(content: bytes) -> bytes:
    sha = hashlib.sha256(content).hexdigest()
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha}\nsize {len(content)}\n".encode()


class HubError(Exception):
    """An error answer: status, message and optional X-Error-Code."""

    def __init__(self, status: int, message: str, code: str | None = None, **extra: object):
        super().__init__(message)
        self.status, self.message, self.code, self.extra = status, message, code, extra


@dataclass
class Blob:
    content: bytes
    lfs: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def oid(self) -> str:
        """The git blob id: of the content, or of the LFS pointer for LFS files."""
        return git_blob_oid(lfs_pointer(self.content) if self.lfs else self.content)

    @property
    def remote_oid(self) -> str:
        """The oid preupload reports, which the client compares with its own: sha256 for LFS, git sha1 else."""
        return self.sha256 if self.lfs else git_blob_oid(self.content)


@dataclass
class Commit:
    oid: str
    parent: str | None
    message: str
    files: dict[str, Blob]
    operations: list[tuple[str, str]]  # (kind, path) as received


@dataclass
class Repo:
    repo_id: str
    private: bool
    kind: str = "dataset"  # or "model"
    refs: dict[str, str] = field(default_factory=dict)  # "main", "my-branch", "refs/pr/1" -> commit oid
    commits: dict[str, Commit] = field(default_factory=dict)
    lfs_objects: dict[str, bytes] = field(default_factory=dict)
    discussions: list[dict] = field(default_factory=list)

    def resolve(self, revision: str) -> Commit:
        oid = self.refs.get(revision.removeprefix("refs/heads/"), revision)
        if oid not in self.commits:
            raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return self.commits[oid]

    def files(self, revision: str = "main") -> dict[str, bytes]:
        """Path -> bytes at a revision."""
        return {path: blob.content for path, blob in self.resolve(revision).files.items()}

    def history(self, revision: str = "main") -> list[Commit]:
        """Commits reachable from a revision, newest first."""
        commits, oid = [], self.refs.get(revision, revision)
        while oid is not None:
            commits.append(self.commits[oid])
            oid = self.commits[oid].parent
        return commits


@dataclass
class Account:
    user: str
    write: bool = True


@dataclass
class Request:
    method: str
    path: str
    endpoint: str | None
    authorization: str | None
    status: int = 0


class FakeHub:
    """In-memory Hub. Use as a context manager; `url` is the endpoint, `repos` the stored repos."""

    def __init__(self, tokens: dict[str, Account] | None = None, *, lfs: bool = True):
        self.tokens = tokens if tokens is not None else {"hf_fakewritetoken": Account("alice")}
        self.lfs = lfs
        self.repos: dict[str, Repo] = {}
        self.requests: list[Request] = []
        self.created: list[dict] = []  # create_repo payloads, as received
        self.uploads: list[tuple[str, int]] = []  # (sha256, size) of every LFS object received and checked
        self._pending: dict[str, tuple[str, str, int]] = {}  # upload key -> (repo, oid, size)
        self._failures: dict[str | None, tuple[int, str, str | None]] = {}
        self._hangs: set[str | None] = set()
        self._redirect_loops: set[str | None] = set()
        self._release = threading.Event()
        self._lock = threading.RLock()
        self._counter = 0
        self._servers = [self._server(ROUTES), self._server(STORAGE_ROUTES)]
        self.url = f"http://127.0.0.1:{self._servers[0].server_address[1]}"
        self.storage_url = f"http://127.0.0.1:{self._servers[1].server_address[1]}"
        self._signature = secrets.token_hex(8)

    # -- control -----------------------------------------------------------------------------

    def __enter__(self) -> FakeHub:
        for server in self._servers:
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def fail(self, status: int, on: str | None = None, message: str | None = None, code: str | None = None) -> None:
        """Answer `status` to every request to endpoint `on` (every endpoint if None) until `clear()`."""
        self._failures[on] = (status, message or f"injected {status} error", code)

    def hang(self, on: str | None = None) -> None:
        """Never answer requests to endpoint `on` (every endpoint if None) until `clear()` or exit."""
        self._hangs.add(on)

    def redirect_loop(self, on: str | None = None) -> None:
        """Answer requests to endpoint `on` (every endpoint if None) with a redirect to themselves until `clear()`."""
        self._redirect_loops.add(on)

    def clear(self) -> None:
        self._failures.clear()
        self._hangs.clear()
        self._redirect_loops.clear()
        self._release.set()
        self._release = threading.Event()

    def repo(self, repo_id: str) -> Repo:
        return self.repos[repo_id]

    # -- plumbing ----------------------------------------------------------------------------

    def _server(self, routes) -> ThreadingHTTPServer:
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stalls

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                hub._handle(self, routes)

            do_HEAD = do_POST = do_PUT = do_GET

        return ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # daemon threads, one per connection

    def _handle(self, handler: BaseHTTPRequestHandler, routes) -> None:
        split = urlsplit(handler.path)
        body = _read_body(handler)
        auth = handler.headers.get("Authorization")
        endpoint, match = None, None
        for method, pattern, name in routes:
            match = re.fullmatch(pattern, split.path) if method == handler.command else None
            if match:
                endpoint = name
                break
        record = Request(handler.command, handler.path, endpoint, auth)
        with self._lock:
            self.requests.append(record)
        headers: dict[str, str] = {}
        try:
            if endpoint is None:
                raise HubError(404, f"no such endpoint: {handler.command} {split.path}")
            if endpoint in self._hangs or None in self._hangs:
                self._release.wait(30)
                handler.close_connection = True
                return
            if endpoint in self._redirect_loops or None in self._redirect_loops:
                raise HubError(307, "redirect loop", Location=handler.path)
            failure = self._failures.get(endpoint) or self._failures.get(None)
            if failure:
                raise HubError(*failure)
            args = {key: unquote(value) for key, value in match.groupdict().items() if value is not None}
            query = {key: values[-1] for key, values in parse_qs(split.query).items()}
            with self._lock:
                status, payload, headers = getattr(self, "_" + endpoint)(
                    handler.command, args, query, body, self._account(auth)
                )
        except HubError as error:
            status, payload = error.status, {"error": error.message, **error.extra}
            headers = {"X-Error-Message": error.message}
            if "Location" in error.extra:
                headers["Location"] = str(error.extra.pop("Location"))
                payload = {"error": error.message}
            if error.code:
                headers["X-Error-Code"] = error.code
        record.status = status
        if isinstance(payload, (dict, list)):
            data, content_type = json.dumps(payload).encode(), "application/json"
        else:
            data, content_type = payload, "application/octet-stream"
        handler.send_response(status)
        handler.send_header("Content-Type", headers.pop("Content-Type", content_type))
        handler.send_header("Content-Length", headers.pop("Content-Length", str(len(data))))
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(data)

    def _account(self, authorization: str | None) -> Account | None:
        if authorization is None:
            return None
        account = self.tokens.get(authorization.removeprefix("Bearer "))
        if account is None:
            raise HubError(401, "Invalid credentials in Authorization header")
        return account

    def _readable(self, repo_id: str, account: Account | None) -> Repo:
        repo = self.repos.get(repo_id)
        if repo is None or (repo.private and (account is None or account.user != repo_id.split("/", maxsplit=1)[0])):
            raise HubError(404, "Repository not found", "RepoNotFound")
        return repo

    def _writable(self, repo_id: str, account: Account | None) -> Repo:
        if account is None:
            raise HubError(401, "You must be authenticated to write to a repo")
        repo = self._readable(repo_id, account)
        if not account.write or account.user != repo_id.split("/", maxsplit=1)[0]:
            raise HubError(403, f"You don't have the rights to write to dataset {repo_id}")
        return repo

    def _new_commit(self, repo: Repo, parent: str | None, message: str, files, operations) -> Commit:
        self._counter += 1
        oid = hashlib.sha1(f"{repo.repo_id}\n{parent}\n{message}\n{self._counter}".encode()).hexdigest()
        commit = Commit(oid, parent, message, files, operations)
        repo.commits[oid] = commit
        return commit

    def _is_lfs(self, repo: Repo, path: str, size: int, sample: bytes) -> bool:
        if not self.lfs:
            return False
        head = repo.commits[repo.refs["main"]] if "main" in repo.refs else None
        attributes = head.files[".gitattributes"].content.decode() if head and ".gitattributes" in head.files else ""
        for line in attributes.splitlines():
            pattern, _, rules = line.partition(" ")
            name_matches = fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.rsplit("/", maxsplit=1)[-1], pattern)
            if "filter=lfs" in rules and name_matches:
                return True
        return size > LFS_SIZE_THRESHOLD or b"\0" in sample

    def _commit_url(self, repo_id: str, oid: str) -> str:
        return f"{self.url}{PREFIX[self.repos[repo_id].kind]}/{repo_id}/commit/{oid}"

    def _open_pr(self, repo: Repo, title: str, description: str, base: str = "main") -> dict:
        num = len(repo.discussions) + 1
        pr = {"num": num, "title": title, "description": description, "base": base, "isPullRequest": True}
        repo.discussions.append(pr)
        repo.refs[f"refs/pr/{num}"] = repo.refs[base]
        return pr

    # -- hub endpoints: each returns (status, JSON or bytes, headers) ---------------------------

    def _create_repo(self, method, args, query, body, account):
        payload = json.loads(body)
        self.created.append(payload)
        kind = payload.get("type") or "model"  # the client sends no type for model repos
        if kind not in ("dataset", "model"):
            raise HubError(400, "this test hub only hosts dataset and model repos")
        if account is None:
            raise HubError(401, "You must be authenticated to create a repo")
        namespace = payload.get("organization") or account.user
        repo_id = f"{namespace}/{payload['name']}"
        if not account.write or account.user != namespace:
            raise HubError(403, f'You don\'t have the rights to create a dataset under the namespace "{namespace}"')
        if repo_id in self.repos:
            raise HubError(409, f"You already created this {kind} repo", url=f"{self.url}{PREFIX[kind]}/{repo_id}")
        repo = Repo(repo_id, private=payload.get("visibility") == "private", kind=kind)
        gitattributes = Blob(DEFAULT_GITATTRIBUTES.encode(), lfs=False)
        commit = self._new_commit(repo, None, "initial commit", {".gitattributes": gitattributes}, [])
        repo.refs["main"] = commit.oid
        self.repos[repo_id] = repo
        return 200, {"url": f"{self.url}{PREFIX[kind]}/{repo_id}", "name": repo_id}, {}

    def _whoami(self, method, args, query, body, account):
        if account is None:
            raise HubError(401, "Invalid credentials in Authorization header")
        token = {"displayName": "test", "role": "write" if account.write else "read"}
        return (
            200,
            {"type": "user", "name": account.user, "orgs": [], "auth": {"type": "access_token", "accessToken": token}},
            {},
        )

    def _validate_yaml(self, method, args, query, body, account):
        content = json.loads(body)["content"]
        match = re.match(r"^---\n(.*?)\n---\n", content, re.DOTALL)
        try:
            metadata = yaml.safe_load(match.group(1)) if match else {}
        except yaml.YAMLError as error:
            return 400, {"errors": [{"message": f"Invalid YAML metadata: {error}"}]}, {}
        warnings = [] if metadata else [{"message": "empty or missing yaml metadata in repo card"}]
        return 200, {"errors": [], "warnings": warnings}, {}

    def _repo_info(self, method, args, query, body, account):
        repo = self._readable(args["repo"], account)
        commit = repo.resolve(args.get("rev", "main"))
        info = {
            "id": repo.repo_id,
            "author": repo.repo_id.split("/")[0],
            "sha": commit.oid,
            "private": repo.private,
            "lastModified": "2024-01-01T00:00:00.000Z",
            "siblings": [{"rfilename": path} for path in sorted(commit.files)],
        }
        return 200, info, {}

    def _create_branch(self, method, args, query, body, account):
        repo = self._writable(args["repo"], account)
        branch = args["rev"]
        if branch in repo.refs:
            raise HubError(409, "Reference already exists")
        starting_point = json.loads(body or b"{}").get("startingPoint") or "main"
        repo.refs[branch] = repo.resolve(starting_point).oid
        return 200, {}, {}

    def _refs(self, method, args, query, body, account):
        repo = self._readable(args["repo"], account)
        branches = [
            {"name": name, "ref": f"refs/heads/{name}", "targetCommit": oid}
            for name, oid in repo.refs.items()
            if not name.startswith("refs/")
        ]
        return 200, {"branches": branches, "converts": [], "tags": []}, {}

    def _preupload(self, method, args, query, body, account):
        repo = self._writable(args["repo"], account)
        head = repo.resolve(args["rev"])
        answers = []
        for item in json.loads(body)["files"]:
            sample = base64.b64decode(item["sample"])
            if len(sample) > 512 or not isinstance(item["size"], int):
                raise HubError(400, f"malformed preupload entry for {item.get('path')}")
            existing = head.files.get(item["path"])
            answers.append(
                {
                    "path": item["path"],
                    "uploadMode": "lfs" if self._is_lfs(repo, item["path"], item["size"], sample) else "regular",
                    "shouldIgnore": False,
                    "oid": existing.remote_oid if existing else None,
                }
            )
        return 200, {"files": answers}, {}

    def _lfs_batch(self, method, args, query, body, account):
        repo = self._writable(args["repo"], account)
        request = json.loads(body)
        if request.get("operation") != "upload" or request.get("hash_algo", "sha256") != "sha256":
            raise HubError(400, "only sha256 uploads are supported")
        objects = []
        for item in request["objects"]:
            oid, size = item["oid"], item["size"]
            answer = {"oid": oid, "size": size, "authenticated": True}
            if not re.fullmatch(r"[0-9a-f]{64}", oid) or not isinstance(size, int):
                answer["error"] = {"code": 422, "message": "invalid oid or size"}
            elif oid not in repo.lfs_objects:
                key = secrets.token_hex(16)
                self._pending[key] = (repo.repo_id, oid, size)
                verify = f"{self.url}{PREFIX[repo.kind]}/{repo.repo_id}.git/info/lfs/objects/verify"
                answer["actions"] = {
                    "upload": {"href": f"{self.storage_url}/upload/{key}?X-Amz-Signature={self._signature}"},
                    "verify": {"href": verify},
                }
            objects.append(answer)
        return 200, {"transfer": "basic", "objects": objects}, {"Content-Type": "application/vnd.git-lfs+json"}

    def _lfs_verify(self, method, args, query, body, account):
        repo = self._writable(args["repo"], account)
        item = json.loads(body)
        content = repo.lfs_objects.get(item["oid"])
        if content is None or len(content) != item["size"]:
            raise HubError(404, f"LFS object {item['oid']} of size {item['size']} was not uploaded")
        return 200, {"success": True}, {}

    def _commit(self, method, args, query, body, account):
        repo = self._writable(args["repo"], account)
        lines = [json.loads(line) for line in body.splitlines() if line.strip()]
        if not lines or lines[0]["key"] != "header" or not lines[0]["value"].get("summary"):
            raise HubError(400, "a commit starts with a header holding a summary")
        header = lines[0]["value"]
        revision = args["rev"]
        pr = None
        if query.get("create_pr") == "1":
            pr = self._open_pr(repo, header["summary"], header.get("description", ""), base=revision)
            revision = f"refs/pr/{pr['num']}"
        parent = repo.resolve(revision)
        if "parentCommit" in header and header["parentCommit"] != parent.oid:
            raise HubError(409, "A commit has happened since. Please refresh and try again.")
        files, operations = dict(parent.files), []
        for line in lines[1:]:
            kind, value = line["key"], line["value"]
            path = value["path"]
            operations.append((kind, path))
            if kind == "file":
                content = base64.b64decode(value["content"], validate=True)
                if self._is_lfs(repo, path, len(content), content[:512]):
                    raise HubError(400, f"Your push was rejected: {path} must be stored with LFS (binary or tracked)")
                files[path] = Blob(content, lfs=False)
            elif kind == "lfsFile":
                content = repo.lfs_objects.get(value["oid"])
                if value.get("algo") != "sha256" or content is None:
                    raise HubError(400, f"LFS object {value['oid']} for {path} was never uploaded")
                if "size" in value and value["size"] != len(content):
                    raise HubError(400, f"{path}: declared size {value['size']} but the LFS object has {len(content)}")
                files[path] = Blob(content, lfs=True)
            elif kind == "deletedFile":
                if path not in files:
                    raise HubError(404, "A file with this name doesn't exist", "EntryNotFound")
                del files[path]
            elif kind == "deletedFolder":
                files = {name: blob for name, blob in files.items() if not name.startswith(path.rstrip("/") + "/")}
            else:
                raise HubError(400, f"unknown commit operation {kind!r}")
        commit = self._new_commit(repo, parent.oid, header["summary"], files, operations)
        repo.refs[revision.removeprefix("refs/heads/")] = commit.oid
        pr_url = f"{self.url}{PREFIX[repo.kind]}/{repo.repo_id}/discussions/{pr['num']}" if pr else None
        answer = {
            "success": True,
            "commitOid": commit.oid,
            "commitUrl": self._commit_url(repo.repo_id, commit.oid),
            "hookOutput": "",
            "pullRequestUrl": pr_url,
        }
        return 200, answer, {}

    def _create_discussion(self, method, args, query, body, account):
        repo = self._writable(args["repo"], account)
        request = json.loads(body)
        if not request.get("pullRequest"):
            raise HubError(400, "this test hub only opens pull requests")
        pr = self._open_pr(repo, request["title"], request.get("description", ""))
        url = f"{self.url}{PREFIX[repo.kind]}/{repo.repo_id}/discussions/{pr['num']}"
        return 200, {"num": pr["num"], "pullRequest": True, "url": url}, {}

    def _discussion(self, method, args, query, body, account):
        repo = self._readable(args["repo"], account)
        num = int(args["num"])
        if not 0 < num <= len(repo.discussions):
            raise HubError(404, "Discussion not found")
        pr = repo.discussions[num - 1]
        details = {
            "num": num,
            "title": pr["title"],
            "author": {"name": repo.repo_id.split("/")[0]},
            "createdAt": "2024-01-01T00:00:00.000Z",
            "status": "draft",
            "repo": {"name": repo.repo_id, "type": repo.kind},
            "isPullRequest": True,
            "events": [],
            "changes": {"base": f"refs/heads/{pr['base']}"},
            "filesWithConflicts": [],
            "diff": "",
        }
        return 200, details, {}

    def _tree(self, method, args, query, body, account):
        repo = self._readable(args["repo"], account)
        commit = repo.resolve(args["rev"])
        prefix = args["path"].strip("/") + "/" if "path" in args else ""
        recursive = query.get("recursive", "false").lower() == "true"
        entries, folders = [], set()
        for path, blob in sorted(commit.files.items()):
            if not path.startswith(prefix):
                continue
            parts = path[len(prefix) :].split("/")
            for depth in range(1, len(parts) if recursive else min(2, len(parts))):
                folders.add(prefix + "/".join(parts[:depth]))
            if len(parts) > 1 and not recursive:
                continue
            entry = {"type": "file", "oid": blob.oid, "size": len(blob.content), "path": path}
            if blob.lfs:
                pointer_size = len(lfs_pointer(blob.content))
                entry["lfs"] = {"oid": blob.sha256, "size": len(blob.content), "pointerSize": pointer_size}
            entries.append(entry)
        if prefix and not entries and not folders:
            raise HubError(404, f"{prefix} does not exist", "EntryNotFound")
        directories = [
            {"type": "directory", "oid": hashlib.sha1(folder.encode()).hexdigest(), "path": folder}
            for folder in sorted(folders)
        ]
        return 200, directories + entries, {}

    def _xet_token(self, method, args, query, body, account):
        raise HubError(501, XET_NOT_SERVED)

    def _resolve(self, method, args, query, body, account):
        repo = self._readable(args["repo"], account)
        commit = repo.resolve(args["rev"])
        blob = commit.files.get(args["path"])
        headers = {"X-Repo-Commit": commit.oid}
        if blob is None:
            raise HubError(404, "Entry not found", "EntryNotFound")
        if blob.lfs:  # like the Hub: redirect to a signed storage URL on another host
            headers.update(
                {
                    "Location": f"{self.storage_url}/objects/{blob.sha256}?X-Amz-Signature={self._signature}",
                    "ETag": f'"{blob.oid}"',
                    "X-Linked-Etag": f'"{blob.sha256}"',
                    "X-Linked-Size": str(len(blob.content)),
                }
            )
            return 302, b"", headers
        headers["ETag"] = f'"{blob.oid}"'
        return 200, blob.content, headers

    # -- storage endpoints -----------------------------------------------------------------------

    def _check_signature(self, query: dict) -> None:
        if query.get("X-Amz-Signature") != self._signature:
            raise HubError(403, "SignatureDoesNotMatch")

    def _lfs_upload(self, method, args, query, body, account):
        self._check_signature(query)
        pending = self._pending.pop(args["key"], None)
        if pending is None:
            raise HubError(404, "NoSuchUpload")
        repo_id, oid, size = pending
        if len(body) != size or hashlib.sha256(body).hexdigest() != oid:
            raise HubError(400, f"BadDigest: got {len(body)} bytes hashing to another value than {oid} ({size} bytes)")
        self.repos[repo_id].lfs_objects[oid] = body
        self.uploads.append((oid, size))
        return 200, b"", {"ETag": f'"{hashlib.md5(body).hexdigest()}"'}

    def _lfs_download(self, method, args, query, body, account):
        self._check_signature(query)
        for repo in self.repos.values():
            if args["oid"] in repo.lfs_objects:
                content = repo.lfs_objects[args["oid"]]
                return 200, content, {"ETag": f'"{args["oid"]}"'}
        raise HubError(404, "NoSuchKey")


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                while handler.rfile.readline().strip():
                    pass
                return b"".join(chunks)
            chunks.append(handler.rfile.read(size))
            handler.rfile.readline()
    length = int(handler.headers.get("Content-Length") or 0)
    return handler.rfile.read(length) if length else b""


def use_fake_hub_environment(monkeypatch, tmp_path, token: str) -> None:
    """Point huggingface_hub at a fake hub's world: `token` as HF_TOKEN, no saved login, not offline, xet
    uploads off (the fake hub serves git-LFS). HF_ENDPOINT is set per hub by its tests."""
    from huggingface_hub import constants

    monkeypatch.setenv("HF_TOKEN", token)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path / "no-saved-login" / "token"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setenv("HF_HUB_DISABLE_XET", "1")
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", True)
