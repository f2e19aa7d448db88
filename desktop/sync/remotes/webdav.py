"""WebDAV (Nextcloud, ownCloud, Apache mod_dav, rclone, any server) over ``requests``.

Only plain verbs: GET, PUT (MKCOL the missing parents when the server answers 409;
MKCOL of the address itself when a vault is created there),
PROPFIND ``Depth: 1`` on one folder, DELETE. No locks and no conditional headers
(servers differ on ``If-None-Match`` and weak ETags, SYNC.md).
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

from desktop.sync import layout
from desktop.sync.errors import RemoteNotFound
from desktop.sync.remotes.base import HttpClient, parse_xml
from desktop.sync.retry import RetryPolicy

PROPFIND_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'
)


class WebDavRemote:
    def __init__(
        self, url: str, user: str, password: str | None, policy: RetryPolicy | None = None
    ) -> None:
        self.base = url if url.endswith("/") else url + "/"
        self.description = f"WebDAV {self.base}"
        auth = (user, password or "") if user else None
        self.http = HttpClient(self.description, auth, policy or RetryPolicy())

    def _url(self, path: str) -> str:
        """The URL of a vault path; UnsafePath first for anything that could leave it (a
        ``..`` collapses in a URL, sending the request elsewhere in the user's account)."""
        return self.base + quote(layout.check_path(path, folder=path.endswith("/")))

    def check(self) -> None:
        response = self.http.request(
            "PROPFIND",
            self.base,
            "Testing the connection",
            headers={"Depth": "0", "Content-Type": "application/xml"},
            data=PROPFIND_BODY,
        )
        if response.status_code == 404:
            raise RemoteNotFound(f"{self.base} does not exist on the server. Check the address.")
        if response.status_code not in (200, 207):
            raise self.http.unexpected(response, "Testing the connection")

    def create_base(self) -> None:
        """Create the address's last folder (MKCOL) when it is missing; for a new vault only.

        Only that one folder is made: a missing parent means a mistyped address (a wrong
        user name or server path), which creating a whole tree would hide. Joining never
        calls this: a vault to join must already be there.
        """
        what = f"Creating {self.base}"
        response = self.http.request("MKCOL", self.base, what)
        if response.status_code in (200, 201, 405):  # 405: the folder is there already
            return
        if response.status_code in (404, 409):  # 409 Conflict: the parent is missing
            parent = self.base.rstrip("/").rsplit("/", 1)[0] + "/"
            raise RemoteNotFound(
                f"{parent} does not exist on the server, so {self.base} cannot be created "
                "in it. Check the address."
            )
        raise self.http.unexpected(response, what)

    def read(self, path: str) -> bytes | None:
        response = self.http.request("GET", self._url(path), f"Downloading {path}")
        if response.status_code in (404, 410):
            return None
        if response.status_code != 200:
            raise self.http.unexpected(response, f"Downloading {path}")
        return response.content

    def exists(self, path: str) -> bool:
        response = self.http.request("HEAD", self._url(path), f"Looking for {path}")
        return response.status_code == 200

    def write(self, path: str, data: bytes) -> None:
        what = f"Uploading {path}"
        response = self.http.request("PUT", self._url(path), what, data=data)
        if response.status_code in (404, 409):  # a parent collection is missing
            self._make_parents(path)
            response = self.http.request("PUT", self._url(path), what, data=data)
        if response.status_code not in (200, 201, 204):
            raise self.http.unexpected(response, what)

    def _make_parents(self, path: str) -> None:
        parts = path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth]) + "/"
            response = self.http.request("MKCOL", self._url(folder), f"Creating {folder}")
            if response.status_code not in (200, 201, 405):  # 405: it exists already
                raise self.http.unexpected(response, f"Creating {folder}")

    def list_dir(self, path: str) -> list[str]:
        folder = path.rstrip("/") + "/"
        response = self.http.request(
            "PROPFIND",
            self._url(folder),
            f"Listing {folder}",
            headers={"Depth": "1", "Content-Type": "application/xml"},
            data=PROPFIND_BODY,
        )
        if response.status_code == 404:
            return []
        if response.status_code != 207:
            raise self.http.unexpected(response, f"Listing {folder}")
        own = unquote(urlsplit(self._url(folder)).path).rstrip("/")
        names = []
        listing = parse_xml(response.content, f"Listing {folder}", self.description)
        for href in listing.iter("{DAV:}href"):
            target = unquote(urlsplit((href.text or "").strip()).path).rstrip("/")
            if target != own and target.startswith(own + "/"):
                names.append(target[len(own) + 1 :].split("/")[0])
        return sorted(set(layout.safe_names(names)))

    def delete(self, path: str) -> None:
        response = self.http.request("DELETE", self._url(path), f"Deleting {path}")
        if response.status_code not in (200, 204, 404):
            raise self.http.unexpected(response, f"Deleting {path}")

    def close(self) -> None:
        self.http.close()
