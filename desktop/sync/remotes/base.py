"""The interface every remote implements, and the HTTP plumbing WebDAV and S3 share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from desktop.sync.errors import AuthenticationFailed, RemoteFull, SyncError
from desktop.sync.retry import RetryPolicy, Transient, with_retries

# The most Rapport reads of one remote file or answer. Segments are kilobytes and a
# snapshot part a few MB, so this only stops a storage (or a key holder) that tries to
# exhaust the laptop's memory with an endless or enormous answer.
MAX_BODY_BYTES = 256 * 1024 * 1024


def too_large(what: str, limit: int) -> SyncError:
    return SyncError(
        f"{what}: the storage sent more than {limit / 1048576:.3g} MB, far more than any "
        "file Rapport writes; it was not read."
    )


class Remote(Protocol):
    description: str  # for messages: never contains a secret

    def check(self) -> None:
        """Reach the target and prove the credentials work; raise a SyncError if not."""

    def read(self, path: str) -> bytes | None:
        """The file's bytes, or None when it is not there (yet)."""

    def exists(self, path: str) -> bool: ...

    def write(self, path: str, data: bytes) -> None:
        """Create (or re-create with the same content) a file, making folders as needed."""

    def list_dir(self, path: str) -> list[str]:
        """Names directly inside a folder ([] when the folder is absent)."""

    def delete(self, path: str) -> None: ...

    def close(self) -> None: ...


RETRY_STATUSES = frozenset({408, 423, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Reply:
    """What a request brought back, its body already read (within the size limit)."""

    status_code: int
    reason: str
    content: bytes


class HttpClient:
    """A ``requests`` session with timeouts, bounded retries and status → error mapping."""

    def __init__(self, label: str, auth: Any, policy: RetryPolicy) -> None:
        import requests

        self.label = label
        self.policy = policy
        self.session = requests.Session()
        self.session.auth = auth
        self.session.headers["User-Agent"] = "Rapport-sync/1"

    def request(
        self, method: str, url: str, what: str, *, limit: int | None = None, **kwargs: Any
    ) -> Reply:
        """Send, retry what is temporary, and read the answer's body up to ``limit`` bytes
        (counted after any Content-Encoding is undone, so a compressed bomb is cut too)."""
        import requests

        limit = MAX_BODY_BYTES if limit is None else limit

        def attempt() -> Reply:
            try:
                response = self.session.request(
                    method,
                    url,
                    timeout=self.policy.timeout,
                    allow_redirects=False,
                    stream=True,
                    **kwargs,
                )
            except requests.Timeout:
                raise Transient("the server did not answer in time") from None
            except requests.ConnectionError:
                raise Transient(f"cannot reach {self.label}") from None
            with response:
                if response.status_code in RETRY_STATUSES:
                    raise Transient(f"the server answered {response.status_code} {response.reason}")
                try:
                    content = _read_bounded(response, limit, what)
                except (requests.ConnectionError, requests.Timeout) as exc:
                    raise Transient(f"{self.label} stopped answering mid-way") from exc
            return Reply(response.status_code, response.reason or "", content)

        response = with_retries(attempt, self.policy, what)
        if response.status_code in (401, 403):
            raise AuthenticationFailed(
                f"{self.label} refused the credentials ({response.status_code}). "
                "Check the user name and app password, or the access key and secret."
            )
        if response.status_code == 507:
            raise RemoteFull(f"{self.label} is out of space (507). Free some space there.")
        return response

    def unexpected(self, response: Reply, what: str) -> SyncError:
        return SyncError(
            f"{what}: {self.label} answered {response.status_code} {response.reason}".strip()
        )

    def close(self) -> None:
        self.session.close()


def _read_bounded(response: Any, limit: int, what: str) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(1 << 16):
        size += len(chunk)
        if size > limit:
            raise too_large(what, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_xml(content: bytes, what: str, label: str) -> Any:
    """The XML root of a listing; never trusts entities or DTDs (defusedxml), and a
    malformed or hostile answer is a SyncError naming the server, not a crash."""
    from defusedxml import DefusedXmlException, ElementTree

    try:
        return ElementTree.fromstring(content)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise SyncError(
            f"{what}: {label} answered something that is not a readable listing "
            f"({exc.__class__.__name__})."
        ) from exc
