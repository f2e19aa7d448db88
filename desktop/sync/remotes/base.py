"""The interface every remote implements, and the HTTP plumbing WebDAV and S3 share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from desktop.sync.errors import AuthenticationFailed, RemoteFull, SyncError
from desktop.sync.retry import RetryPolicy, Transient, with_retries

if TYPE_CHECKING:
    import requests


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


class HttpClient:
    """A ``requests`` session with timeouts, bounded retries and status → error mapping."""

    def __init__(self, label: str, auth: Any, policy: RetryPolicy) -> None:
        import requests

        self.label = label
        self.policy = policy
        self.session = requests.Session()
        self.session.auth = auth
        self.session.headers["User-Agent"] = "Rapport-sync/1"

    def request(self, method: str, url: str, what: str, **kwargs: Any) -> requests.Response:
        import requests

        def attempt() -> requests.Response:
            try:
                response = self.session.request(
                    method, url, timeout=self.policy.timeout, allow_redirects=False, **kwargs
                )
            except requests.Timeout:
                raise Transient("the server did not answer in time") from None
            except requests.ConnectionError:
                raise Transient(f"cannot reach {self.label}") from None
            if response.status_code in RETRY_STATUSES:
                raise Transient(f"the server answered {response.status_code} {response.reason}")
            return response

        response = with_retries(attempt, self.policy, what)
        if response.status_code in (401, 403):
            raise AuthenticationFailed(
                f"{self.label} refused the credentials ({response.status_code}). "
                "Check the user name and app password, or the access key and secret."
            )
        if response.status_code == 507:
            raise RemoteFull(f"{self.label} is out of space (507). Free some space there.")
        return response

    def unexpected(self, response: requests.Response, what: str) -> SyncError:
        return SyncError(
            f"{what}: {self.label} answered {response.status_code} {response.reason}".strip()
        )

    def close(self) -> None:
        self.session.close()
