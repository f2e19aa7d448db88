"""Where a vault lives, as the user names it, and how to reach it.

A target is stored in the database (``sync_state``) without its secret: the WebDAV
password or S3 secret key lives in the keyring under ``remote:<target_id>``.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from desktop.sync.remotes.base import Remote
from desktop.sync.retry import RetryPolicy

KINDS = ("folder", "webdav", "s3")
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")
_PREFIX = re.compile(r"^[A-Za-z0-9._\-/]*$")


@dataclass(frozen=True)
class Target:
    kind: str  # "folder" | "webdav" | "s3"
    location: str  # folder path, WebDAV URL or bucket name
    user: str = ""  # WebDAV user name or S3 access key id
    prefix: str = ""  # S3 key prefix
    endpoint: str = ""  # S3 endpoint URL
    region: str = "us-east-1"
    insecure_http: bool = False  # the user chose plain http:// with a password (warned)

    @property
    def target_id(self) -> str:
        """Stable, non-secret name for the keyring entry of this target's secret."""
        key = "|".join((self.kind, self.location, self.user, self.prefix, self.endpoint))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @property
    def needs_secret(self) -> bool:
        return self.kind == "s3" or (self.kind == "webdav" and bool(self.user))

    @property
    def secret_name(self) -> str:
        return "secret key" if self.kind == "s3" else "password"

    def describe(self) -> str:
        if self.kind == "folder":
            return f"folder {self.location}"
        if self.kind == "webdav":
            who = f" as {self.user}" if self.user else ""
            return f"WebDAV {self.location}{who}"
        where = f"s3://{self.location}/{self.prefix}".rstrip("/")
        return f"{where} at {self.endpoint}"

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Target:
        return cls(**json.loads(text))

    def open(self, secret: str | None, policy: RetryPolicy | None = None) -> Remote:
        """A remote for this target (imports its HTTP client only now)."""
        problem = plain_http_problem(self.location, self.user) if self.kind == "webdav" else ""
        if problem and not self.insecure_http:
            from desktop.sync.errors import SyncError

            raise SyncError(problem)
        if self.kind == "folder":
            from desktop.sync.remotes.folder import FolderRemote

            return FolderRemote(Path(self.location))
        if self.kind == "webdav":
            from desktop.sync.remotes.webdav import WebDavRemote

            return WebDavRemote(self.location, self.user, secret, policy)
        from desktop.sync.remotes.s3 import S3Remote

        return S3Remote(
            endpoint=self.endpoint,
            bucket=self.location,
            prefix=self.prefix,
            access_key=self.user,
            secret_key=secret,
            region=self.region,
            policy=policy,
        )


def is_loopback(host: str) -> bool:
    """True for this machine's own addresses (a test server, a local tunnel)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_problem(url: str, user: str) -> str:
    """Why a WebDAV address must not be used as is, or "": plain ``http://`` would send the
    password (and every request) unencrypted to anyone on the network path."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not user or is_loopback(parts.hostname or ""):
        return ""
    return (
        f"{url} uses plain http://, which would send your password unencrypted to "
        f"{parts.hostname}. Use https://, or (only on a network you trust) choose "
        "--insecure-http."
    )


def parse_target(
    text: str,
    *,
    user: str = "",
    endpoint: str = "",
    access_key: str = "",
    region: str = "",
    insecure_http: bool = False,
) -> Target:
    """Turn what the user typed (a path, an http(s) URL or s3://bucket/prefix) into a target.

    Raises ValueError with a message that says what to fix, among them a plain http://
    WebDAV address with a password on another machine unless ``insecure_http`` is chosen.
    """
    text = text.strip()
    if not text:
        raise ValueError("name a folder, a WebDAV address (https://…) or s3://bucket/prefix")
    if text.startswith(("http://", "https://")):
        parts = urlsplit(text)
        if parts.username or parts.password:
            raise ValueError("put the user name in --user, not in the address")
        if not parts.hostname:
            raise ValueError(f"{text!r} is not a complete address")
        url = text if text.endswith("/") else text + "/"
        problem = plain_http_problem(url, user)
        if problem and not insecure_http:
            raise ValueError(problem)
        return Target("webdav", url, user=user, insecure_http=bool(problem))
    if text.startswith("s3://"):
        bucket, _, prefix = text[5:].partition("/")
        if not _BUCKET.match(bucket):
            raise ValueError(f"{bucket!r} is not a valid bucket name")
        if not _PREFIX.match(prefix):
            raise ValueError("the prefix may use letters, digits and . _ - / only")
        if not endpoint.startswith(("http://", "https://")):
            raise ValueError("an S3 target needs --endpoint https://… (the provider's S3 address)")
        if not access_key:
            raise ValueError("an S3 target needs --access-key (the access key id)")
        return Target(
            "s3",
            bucket,
            user=access_key,
            prefix=prefix.strip("/"),
            endpoint=endpoint.rstrip("/"),
            region=region or "us-east-1",
        )
    if "://" in text:
        raise ValueError("use a folder path, an http(s):// WebDAV address or s3://bucket/prefix")
    return Target("folder", str(Path(text).expanduser().resolve()))
