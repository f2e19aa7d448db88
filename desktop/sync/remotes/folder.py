"""A folder that Syncthing, Dropbox, iCloud Drive or OneDrive replicates.

Writes go to a hidden temp file, are fsynced, then renamed into place, so a reader (or
the sync tool) never sees half a file from us. Reading takes whatever is there: a file
still being copied in fails authentication later and is simply tried again next cycle.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from desktop.sync.errors import AuthenticationFailed, RemoteFull, RemoteNotFound, SyncError


class FolderRemote:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.description = f"folder {root}"

    def _path(self, path: str) -> Path:
        return self.root.joinpath(*path.split("/"))

    def check(self) -> None:
        if not self.root.is_dir():
            raise RemoteNotFound(f"The folder {self.root} does not exist (moved or unmounted?).")
        probe = self.root / f".rapport-probe-{secrets.token_hex(4)}"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise AuthenticationFailed(
                f"Rapport cannot write to {self.root} ({exc.strerror})."
            ) from exc

    def read(self, path: str) -> bytes | None:
        try:
            return self._path(path).read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None
        except OSError as exc:
            raise SyncError(f"Cannot read {self._path(path)} ({exc.strerror}).") from exc

    def exists(self, path: str) -> bool:
        return self._path(path).is_file()

    def write(self, path: str, data: bytes) -> None:
        target = self._path(path)
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with temp.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
            _fsync_dir(target.parent)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise RemoteFull(f"The disk holding {self.root} is full.") from exc
            raise SyncError(f"Cannot write {target} ({exc.strerror}).") from exc

    def list_dir(self, path: str) -> list[str]:
        try:
            with os.scandir(self._path(path)) as entries:
                return sorted(e.name for e in entries if not e.name.startswith("."))
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            raise SyncError(f"Cannot list {self._path(path)} ({exc.strerror}).") from exc

    def delete(self, path: str) -> None:
        try:
            self._path(path).unlink(missing_ok=True)
        except OSError as exc:
            raise SyncError(f"Cannot delete {self._path(path)} ({exc.strerror}).") from exc

    def close(self) -> None:
        pass


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
