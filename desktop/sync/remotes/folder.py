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

from desktop.sync import layout
from desktop.sync.errors import (
    AuthenticationFailed,
    RemoteFull,
    RemoteNotFound,
    SyncError,
    UnsafePath,
)
from desktop.sync.remotes import base


class FolderRemote:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.description = f"folder {root}"

    def _path(self, path: str, *, folder: bool = False) -> Path:
        """The file for a vault path; UnsafePath for a name Rapport never writes, or for a
        path that a planted link (``devices/x -> ~``) would take out of the folder."""
        layout.check_path(path, folder=folder)
        target = self.root.joinpath(*[piece for piece in path.split("/") if piece])
        root = os.path.realpath(self.root)
        # The folder holding the target, links resolved, must be the vault or inside it;
        # the target itself may be a link (unlinking or replacing it stays inside).
        holder = os.path.realpath(target if folder else target.parent)
        if holder != root and not holder.startswith(root.rstrip(os.sep) + os.sep):
            raise UnsafePath(path)
        return target

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
        target = self._path(path)
        if target.is_symlink():  # never follow a planted link to a file outside the vault
            raise UnsafePath(path)
        try:
            with target.open("rb") as handle:
                data = handle.read(base.MAX_BODY_BYTES + 1)  # never more than the limit
            if len(data) > base.MAX_BODY_BYTES:
                raise base.too_large(f"Reading {path}", base.MAX_BODY_BYTES)
            return data
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None
        except OSError as exc:
            raise SyncError(f"Cannot read {target} ({exc.strerror}).") from exc

    def exists(self, path: str) -> bool:
        target = self._path(path)
        return target.is_file() and not target.is_symlink()

    def write(self, path: str, data: bytes) -> None:
        target = self._path(path)
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            self._make_folders(target.parent)
            # 0600: what the vault holds is sealed, but its names and sizes are nobody's
            # business on a shared machine (the umask may only narrow it further).
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
            with os.fdopen(fd, "wb") as handle:
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

    def _make_folders(self, folder: Path) -> None:
        """Create the missing folders down to ``folder``, each 0700 (private to the user)."""
        missing = []
        while not folder.is_dir() and folder != self.root and folder.parent != folder:
            missing.append(folder)
            folder = folder.parent
        for each in reversed(missing):
            each.mkdir(mode=0o700, exist_ok=True)  # exist_ok: another process was quicker

    def list_dir(self, path: str) -> list[str]:
        folder = self._path(path, folder=True)
        try:
            with os.scandir(folder) as entries:
                return sorted(layout.safe_names([e.name for e in entries]))
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            raise SyncError(f"Cannot list {folder} ({exc.strerror}).") from exc

    def delete(self, path: str) -> None:
        target = self._path(path)
        try:
            target.unlink(missing_ok=True)
        except OSError as exc:
            raise SyncError(f"Cannot delete {target} ({exc.strerror}).") from exc

    def close(self) -> None:
        pass


_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
