"""Bringing contacts in: vCard, CSV (LinkedIn, Google, Outlook, any), Monica, our own JSON.

The UI and the CLI call two functions, so that nothing is written before the user has
seen what will happen:

1. :func:`preview_import` reads the file and plans the import against the open data
   folder — new people, people matched to existing ones (and why), records rejected
   (with their line or position and the reason) — and returns an :class:`ImportPreview`.
   It writes nothing.
2. :func:`apply_import` takes that preview, backs the database up, re-plans against the
   data as it is now and writes everything in one transaction: it all lands or nothing.

Long work reports through ``progress(stage, done, total)`` callbacks (stages: reading,
matching, writing, indexing). For CSV files without a known layout,
:func:`inspect_csv` proposes a column mapping (and shows the first rows) that the user
corrects before previewing with ``mapping=``. Formats are documented in docs/formats.md.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.services.importing.csv_files import CsvLayout, parse_csv, read_layout
from desktop.services.importing.csv_mapping import (
    TARGET_FIELDS,
    parse_mapping,
    propose_mapping,
)
from desktop.services.importing.keys import default_region
from desktop.services.importing.monica import looks_like_monica, parse_monica_object
from desktop.services.importing.planning import PersonPlan, Plan, data_version, make_plan
from desktop.services.importing.rapport_json import looks_like_rapport, parse_rapport_object
from desktop.services.importing.records import ImportFileError, ParsedFile, Rejection
from desktop.services.importing.text import decode
from desktop.services.importing.vcard import parse_vcard

__all__ = [
    "FORMATS",
    "TARGET_FIELDS",
    "ImportFileError",
    "ImportPreview",
    "ImportResult",
    "Rejection",
    "apply_import",
    "import_file",
    "inspect_csv",
    "parse_mapping",
    "preview_import",
    "propose_mapping",
    "read_file",
]

MAX_FILE = 512 * 1024 * 1024
FORMATS = ("auto", "vcard", "csv", "monica", "rapport")
CALENDAR_SUFFIXES = (".ics", ".ical", ".ifb", ".icalendar")
Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class ImportPreview:
    """What importing a file would do; :func:`apply_import` writes it."""

    source: Path
    parsed: ParsedFile
    plan: Plan
    region: str | None
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def format(self) -> str:
        return self.parsed.format

    @property
    def format_label(self) -> str:
        return self.parsed.format_label

    @property
    def new_people(self) -> list[PersonPlan]:
        return self.plan.new_people

    @property
    def matched_people(self) -> list[PersonPlan]:
        return self.plan.matched_people

    @property
    def warnings(self) -> list[str]:
        return self.parsed.warnings + self.plan.warnings

    @property
    def counts(self) -> dict[str, int]:
        """Numbers for the preview's summary line (and the CLI's --json)."""
        matched = self.plan.matched_people
        rows = self.plan.rows
        return {
            "people_in_file": len(self.parsed.people),
            "new_people": len(self.plan.new_people),
            "matched_people": len(matched),
            "updated_people": sum(1 for p in matched if p.changes_anything),
            "unchanged_people": sum(1 for p in matched if not p.changes_anything),
            "combined_in_file": sum(len(p.combined) for p in self.plan.people),
            "rejected": len(self.rejected),
            "contact_points": sum(len(p.new_contacts) for p in self.plan.people),
            "tags": sum(len(p.new_tags) for p in self.plan.people),
            "conversations": len(rows.get("conversation", [])),
            "commitments": len(rows.get("commitment", [])),
            "exchanges": len(rows.get("exchange", [])),
            "introductions": len(rows.get("introduction", [])),
            "events": len(rows.get("event", [])),
            "attendances": len(rows.get("attendance", [])),
            "already_present": sum(self.plan.skipped.values()),
        }

    @property
    def changes_anything(self) -> bool:
        counts = self.counts
        return any(
            counts[k]
            for k in (
                "new_people",
                "updated_people",
                "conversations",
                "commitments",
                "exchanges",
                "introductions",
                "events",
                "attendances",
            )
        )

    def as_dict(self) -> dict[str, Any]:
        """The preview for machines (``rapport import --json``); documented in formats.md."""
        return {
            "file": str(self.source),
            "format": self.format,
            "format_label": self.format_label,
            "details": self.parsed.details,
            **self.counts,
            "rejections": [{"record": r.ref, "reason": r.reason} for r in self.rejected],
            "warnings": self.warnings,
            "people": [_person_dict(p) for p in self.plan.people],
        }


def _person_dict(plan: PersonPlan) -> dict[str, Any]:
    out: dict[str, Any] = {
        "record": plan.incoming.ref,
        "name": plan.incoming.name,
        "action": plan.action if plan.changes_anything else "unchanged",
        "person_id": plan.person_id,
    }
    if plan.action == "match":
        out.update(matched_name=plan.matched_name, reason=plan.reason)
        out["adds"] = {
            "contact_points": [c.value for c in plan.new_contacts],
            "tags": [t.name for t in plan.new_tags],
            "fields": sorted(plan.updates),
        }
    if plan.combined:
        out["combined_with"] = plan.combined
    return out


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What :func:`apply_import` wrote."""

    preview: ImportPreview  # the plan as it was at the moment of writing
    written: dict[str, int]
    backup: Path | None

    @property
    def created_people(self) -> list[str]:
        return [p.person_id for p in self.preview.new_people]


def read_file(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ImportFileError(f"{path}: this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # A named pipe or a device would block or never end: only files are read.
            raise ImportFileError(f"{path}: this is not a regular file (a pipe or a device?)")
        size = info.st_size
        if size > MAX_FILE:
            raise ImportFileError(f"{path}: the file is too large ({size // 2**20} MB) to import")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ImportFileError(f"{path}: this is a folder, not a file") from exc
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def _json_root(data: bytes, source: str) -> Any:
    text, _ = decode(data, source)
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{source}: this is not valid JSON ({exc})") from exc


def _sniff(data: bytes, source: str) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").replace(b"\x00", b"")
    upper = head[:20].upper()
    if upper.startswith(b"BEGIN:VCARD"):
        return "vcard"
    if upper.startswith(b"BEGIN:VCALENDAR"):
        return "calendar"
    if head[:1] in (b"{", b"["):
        return "json"
    return "csv"


def parse_file(
    data: bytes,
    source: str,
    *,
    kind: str = "auto",
    mapping: dict[str, str] | None = None,
    region: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> ParsedFile:
    """Parse a file's bytes in the format its name and content say (or ``kind`` forces).

    Raises ImportFileError when the file is unreadable or is not what it claims to be.
    """
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ImportFileError(f"{source}: the file is empty")
    suffix = Path(source).suffix.lower()
    sniffed = _sniff(data, source)
    claimed = {".vcf": "vcard", ".vcard": "vcard", ".json": "json", ".csv": "csv", ".tsv": "csv"}
    expected = kind if kind != "auto" else claimed.get(suffix, sniffed)
    if expected in ("monica", "rapport"):
        expected_json = expected
        expected = "json"
    else:
        expected_json = ""
    if sniffed == "calendar" or suffix in CALENDAR_SUFFIXES:
        raise ImportFileError(
            f"{source}: this is a calendar file; import it with `rapport events import`"
        )
    if expected == "vcard":
        return parse_vcard(data, source, region=region, encoding=encoding)
    if expected == "json":
        if sniffed != "json":
            raise ImportFileError(f"{source}: this is not a JSON file")
        root = _json_root(data, source)
        if looks_like_rapport(root) and expected_json != "monica":
            return parse_rapport_object(root, source)
        if looks_like_monica(root) and expected_json != "rapport":
            return parse_monica_object(root, source, region=region)
        raise ImportFileError(
            f"{source}: this JSON file is neither a Rapport export nor a Monica export"
        )
    if sniffed in ("vcard", "json") and kind == "auto" and suffix in (".csv", ".tsv"):
        raise ImportFileError(f"{source}: this is not a CSV file (it holds {sniffed.upper()})")
    return parse_csv(
        data, source, mapping=mapping, region=region, encoding=encoding, delimiter=delimiter
    )


def preview_import(
    path: Path | str,
    *,
    kind: str = "auto",
    mapping: dict[str, str] | None = None,
    region: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    data: bytes | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read ``path`` and plan its import against the open store; writes nothing.

    ``mapping`` ({column: field spec}) overrides the proposed CSV columns; ``region`` is
    the two-letter country for phone numbers written without a country code (default:
    $RAPPORT_PHONE_REGION or the locale). Raises ImportFileError for an unreadable file,
    ValueError for a bad mapping.
    """
    source = Path(path)
    report = progress or (lambda stage, done, total: None)
    report("reading", 0, 1)
    raw = data if data is not None else read_file(source)
    chosen_region = region.upper() if region else default_region()
    parsed = parse_file(
        raw,
        source.name,
        kind=kind,
        mapping=mapping,
        region=chosen_region,
        encoding=encoding,
        delimiter=delimiter,
    )
    report("reading", 1, 1)
    plan = make_plan(parsed, region=chosen_region, progress=progress)
    return ImportPreview(source, parsed, plan, chosen_region, parsed.rejected + plan.rejected)


def apply_import(
    preview: ImportPreview,
    *,
    backup: bool = True,
    progress: Progress | None = None,
    run_db: Callable[[Callable[[], Any]], Any] | None = None,
) -> ImportResult:
    """Back up, then write the previewed import in one transaction; returns what was written.

    The plan is made again inside the transaction, so changes made since the preview
    (another import, an edit) are taken into account and nothing is duplicated.
    ``run_db`` says where the transaction runs: the desktop app runs this function on a
    worker and passes its writer bridge, so the backup copies there while the write
    itself happens on the GUI thread, the app's single writer (as a sync does).
    """
    from desktop.services import backups
    from desktop.services.importing.applying import write_plan
    from desktop.services.store import operation

    copy = None
    if backup and (preview.changes_anything or preview.plan.version != data_version()):
        copy = backups.backup_before("before-import", run_db=run_db)

    @operation
    def _write() -> tuple[ImportPreview, dict[str, int]]:
        plan = preview.plan
        if plan.version != data_version():  # the data changed since the preview: re-plan
            plan = make_plan(preview.parsed, region=preview.region, progress=progress)
        fresh = ImportPreview(
            preview.source,
            preview.parsed,
            plan,
            preview.region,
            preview.parsed.rejected + plan.rejected,
        )
        return fresh, dict(write_plan(plan, progress=progress))

    fresh, written = run_db(_write) if run_db is not None else _write()
    return ImportResult(fresh, written, copy.path if copy else None)


def import_file(path: Path | str, **options: Any) -> ImportResult:
    """Preview and apply in one call (scripts, tests); same options as preview_import."""
    progress = options.get("progress")
    return apply_import(preview_import(path, **options), progress=progress)


def inspect_csv(
    path: Path | str, *, data: bytes | None = None, rows: int = 5
) -> tuple[CsvLayout, list[list[str]]]:
    """A CSV file's layout (encoding, delimiter, header, proposed mapping) and first rows.

    For the import dialog's column-mapping step: show ``layout.mapping`` as editable
    choices from :data:`TARGET_FIELDS`, the sample rows under them, then call
    :func:`preview_import` with the chosen ``mapping``.
    """
    from desktop.services.importing.csv_files import rows as csv_rows

    source = Path(path)
    raw = data if data is not None else read_file(source)
    layout = read_layout(raw, source.name)
    sample = []
    for _, cells, _ in csv_rows(layout):
        if cells is not None and any(c.strip() for c in cells):
            sample.append(cells)
        if len(sample) >= rows:
            break
    return layout, sample
