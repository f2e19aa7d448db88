"""Taking everything out: full JSON (the user's own backup), vCard 4.0, CSV, Markdown.

One entry point, :func:`export_data`, for the UI (File ▸ Export…) and the CLI. The JSON
export keeps everything, confidential material included; the others are "for other
people" and leave confidential conversations and fields out unless
``include_confidential`` is set. Files are written to a temporary name and moved into
place at the end, so a failed export never leaves half a file where a good one was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EXPORT_FORMATS = ("json", "vcf", "csv", "markdown")
Progress = Callable[[str, int, int], None]


class ExportError(Exception):
    """The export cannot be written (a bad path, no permission, a full disk)."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    path: Path
    people: int
    counts: dict[str, int]  # rows per list (JSON) or {"people": n, "files": n}


def _atomic_text(path: Path, write: Callable[[object], dict[str, int]]) -> dict[str, int]:
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise ExportError(f"{path}: this is a folder; give a file name")
        # A device or a pipe (/dev/stdout, a FIFO) is written to, never replaced.
        with path.open("w", encoding="utf-8", newline="") as stream:
            return write(stream)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            counts = write(stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return counts


def export_data(
    fmt: str,
    path: Path | str,
    *,
    include_confidential: bool = False,
    progress: Progress | None = None,
    unreadable: list[str] | None = None,
) -> ExportResult:
    """Export the open data folder as ``fmt`` (json, vcf, csv, markdown) to ``path``.

    For markdown ``path`` is a folder (created if needed; files in it are replaced).
    ``unreadable`` (JSON only): salvage a damaged database, listing what could not be read.
    Raises ValueError for an unknown format and ExportError when writing fails.
    """
    from desktop.services.exporting import common

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    target = Path(path).expanduser()
    _refuse_data_folder(target)
    try:
        if fmt == "json":
            from desktop.services.exporting import json_export

            salvage = {} if unreadable is None else {"unreadable": unreadable}
            counts = _atomic_text(
                target,
                lambda s: json_export.write(s, progress=progress, **salvage),  # type: ignore[arg-type]
            )
            return ExportResult(fmt, target, counts["people"], counts)
        people = common.load_people(include_confidential=include_confidential)
        if fmt == "markdown":
            from desktop.services.exporting import markdown_export

            if target.exists() and not target.is_dir():
                raise ExportError(f"{target}: a Markdown export needs a folder, not a file")
            files = markdown_export.write_folder(
                people, target, include_confidential=include_confidential, progress=progress
            )
            return ExportResult(fmt, target, len(people), {"people": len(people), "files": files})
        if fmt == "vcf":
            from desktop.services.exporting.vcard_export import cards as chunks
        else:
            from desktop.services.exporting.csv_export import lines as chunks

        def write(stream: object) -> dict[str, int]:
            for chunk in chunks(people):
                stream.write(chunk)  # type: ignore[attr-defined]
            return {"people": len(people)}

        counts = _atomic_text(target, write)
        return ExportResult(fmt, target, len(people), counts)
    except OSError as exc:
        raise ExportError(f"{target}: cannot be written ({exc.strerror or exc})") from exc


def _refuse_data_folder(target: Path) -> None:
    """An export written into the data folder could replace the live database or a backup."""
    from desktop.storage.models import database

    if database.obj is None:
        return
    data = Path(database.obj.database).resolve().parent
    resolved = target.resolve()
    if resolved == data or data in resolved.parents:
        raise ExportError(
            f"{target}: this is inside Rapport's data folder ({data}), where an export could "
            "replace the database or a backup; choose another place"
        )
