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
            return target.read_bytes()
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


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
