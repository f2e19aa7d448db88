"""S3-compatible object storage (AWS, Backblaze B2, Wasabi, MinIO, SeaweedFS).

Path-style requests signed with AWS Signature Version 4 (``requests-aws4auth``): GET,
PUT, HEAD, DELETE of single objects and ListObjectsV2 with a delimiter to list one
"folder". Every request is signed, so a wrong secret is refused by the server.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from desktop.sync import layout
from desktop.sync.errors import RemoteNotFound
from desktop.sync.remotes.base import HttpClient, parse_xml
from desktop.sync.retry import RetryPolicy

S3_NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"
_CODE = re.compile(rb"<Code>([^<]+)</Code>")


def _code(content: bytes) -> str:
    match = _CODE.search(content or b"")
    return match.group(1).decode("ascii", "replace") if match else ""


class S3Remote:
    def __init__(
        self,
        *,
        endpoint: str,
        bucket: str,
        prefix: str,
        access_key: str,
        secret_key: str | None,
        region: str = "us-east-1",
        policy: RetryPolicy | None = None,
    ) -> None:
        from requests_aws4auth import AWS4Auth

        self.endpoint = endpoint.rstrip("/")
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.description = f"S3 bucket {bucket} at {self.endpoint}"
        auth = AWS4Auth(access_key, secret_key or "", region, "s3")
        self.http = HttpClient(self.description, auth, policy or RetryPolicy())

    def _url(self, path: str) -> str:
        """The object's URL; UnsafePath first for a key that could leave the vault's prefix
        (``..`` collapses in the URL and would name another object of the bucket)."""
        layout.check_path(path)
        return f"{self.endpoint}/{quote(self.bucket)}/" + quote(self.prefix + path)

    def _missing_bucket(self) -> RemoteNotFound:
        return RemoteNotFound(f"The bucket {self.bucket} does not exist at {self.endpoint}.")

    def check(self) -> None:
        self.list_dir("")

    def read(self, path: str) -> bytes | None:
        response = self.http.request("GET", self._url(path), f"Downloading {path}")
        if response.status_code == 404:
            if _code(response.content) == "NoSuchBucket":
                raise self._missing_bucket()
            return None
        if response.status_code != 200:
            raise self.http.unexpected(response, f"Downloading {path}")
        return response.content

    def exists(self, path: str) -> bool:
        response = self.http.request("HEAD", self._url(path), f"Looking for {path}")
        return response.status_code == 200

    def write(self, path: str, data: bytes) -> None:
        response = self.http.request("PUT", self._url(path), f"Uploading {path}", data=data)
        if response.status_code == 404:
            raise self._missing_bucket()
        if response.status_code not in (200, 201, 204):
            raise self.http.unexpected(response, f"Uploading {path}")

    def list_dir(self, path: str) -> list[str]:
        layout.check_path(path, folder=True)
        folder = self.prefix + (path.strip("/") + "/" if path.strip("/") else "")
        names: set[str] = set()
        token = None
        while True:
            params = {"list-type": "2", "prefix": folder, "delimiter": "/"}
            if token:
                params["continuation-token"] = token
            url = f"{self.endpoint}/{quote(self.bucket)}"
            response = self.http.request("GET", url, f"Listing {path or '/'}", params=params)
            if response.status_code == 404:
                raise self._missing_bucket()
            if response.status_code != 200:
                raise self.http.unexpected(response, f"Listing {path or '/'}")
            root = parse_xml(response.content, f"Listing {path or '/'}", self.description)
            for element in root.iter(f"{S3_NS}Prefix"):
                if element.text and element.text != folder and element.text.startswith(folder):
                    names.add(element.text[len(folder) :].rstrip("/"))
            for element in root.iter(f"{S3_NS}Key"):
                if element.text and element.text.startswith(folder):
                    names.add(element.text[len(folder) :].split("/")[0])
            token_element = root.find(f"{S3_NS}NextContinuationToken")
            truncated = root.findtext(f"{S3_NS}IsTruncated") == "true"
            if not truncated or token_element is None:
                return sorted(layout.safe_names([n for n in names if n]))
            token = token_element.text

    def delete(self, path: str) -> None:
        response = self.http.request("DELETE", self._url(path), f"Deleting {path}")
        if response.status_code not in (200, 204, 404):
            raise self.http.unexpected(response, f"Deleting {path}")

    def close(self) -> None:
        self.http.close()
