"""``rapport import``, ``export``, ``backup`` and ``duplicates``: data in, data out, safety.

``import`` exits 0 when every record was imported or matched, 1 when some were
rejected (each is listed with its line or position), 2 when the file cannot be read or
is not what it claims to be. ``--dry-run`` shows the preview only; ``--json`` prints
it for machines (docs/formats.md, "Import preview").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands import (
    CommandError,
    add_command,
    at_least,
    data_dir,
    open_store,
    print_json,
)

SHOW = 20  # matched people and rejections listed in the text output (all in --json)


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def report(stage: str, done: int, total: int) -> None:
        print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

    return report


def _require_regular_file(path: Path) -> None:
    """Refuse, before opening it, what is not a file: a named pipe would block forever."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file", 2) from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror})", 2) from None
    if stat.S_ISDIR(mode):
        raise CommandError(f"{path}: this is a folder, not a file", 2)
    if not stat.S_ISREG(mode):
        raise CommandError(f"{path}: this is not a regular file (a pipe or a device?)", 2)


def _is_calendar(path: Path) -> bool:
    if path.suffix.lower() in (".ics", ".ical", ".icalendar"):
        return True
    try:
        with path.open("rb") as handle:
            return (
                handle.read(64)
                .lstrip(b"\xef\xbb\xbf \r\n\t")
                .upper()
                .startswith(b"BEGIN:VCALENDAR")
            )
    except OSError:
        return False


def _import_calendar(args: argparse.Namespace) -> int:
    """.ics files belong to the events importer; hand over when it is installed."""
    try:
        from desktop.commands.brief import import_command
    except ImportError as exc:
        raise CommandError(
            f"{args.file}: calendar (.ics) import is not available in this version of Rapport",
            2,
        ) from exc
    return int(import_command(args) or 0)


def import_command(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    _require_regular_file(path)
    if _is_calendar(path):
        return _import_calendar(args)
    open_store(args)
    from desktop.services import importing
    from desktop.services.backups import BackupError

    try:
        mapping = importing.parse_mapping(args.map) if args.map else None
        preview = importing.preview_import(
            path,
            kind=args.format,
            mapping=mapping,
            region=args.phone_region,
            encoding=args.encoding,
            delimiter={"tab": "\t"}.get(args.delimiter or "", args.delimiter),
            progress=_progress(args),
        )
    except importing.ImportFileError as exc:
        raise CommandError(str(exc), 2) from exc
    except ValueError as exc:
        raise CommandError(f"{path.name}: {exc}", 2) from exc
    result = None
    if not args.dry_run:
        try:
            result = importing.apply_import(preview, progress=_progress(args))
        except BackupError as exc:
            raise CommandError(f"nothing was imported: {exc}") from exc
        preview = result.preview
    if _progress(args):
        print(file=sys.stderr)
    if args.json:
        out = preview.as_dict()
        out.update(
            dry_run=bool(args.dry_run),
            imported=result is not None,
            written=result.written if result else {},
            backup=str(result.backup) if result and result.backup else None,
        )
        print_json(out)
    else:
        _print_preview(preview)
        if result is None:
            print("Dry run: nothing was saved.")
        else:
            _print_result(result)
    return 1 if preview.rejected else 0


def _print_preview(preview: Any) -> None:
    from desktop.commands.failures import printable

    c = preview.counts
    details = preview.parsed.details
    extra = ", ".join(
        f"{k} {v}" for k, v in details.items() if k in ("encoding", "delimiter") and v
    )
    print(f"{preview.source.name}: {preview.format_label}" + (f" ({extra})" if extra else ""))
    print(f"  new people:     {c['new_people']}")
    print(
        f"  matched:        {c['matched_people']} "
        f"({c['updated_people']} gain details, {c['unchanged_people']} unchanged)"
    )
    if c["combined_in_file"]:
        print(f"  combined:       {c['combined_in_file']} duplicate records within the file")
    print(f"  rejected:       {c['rejected']}")
    for name in ("conversations", "commitments", "exchanges", "introductions", "events"):
        if c[name]:
            print(f"  {name + ':':<16}{c[name]}")
    if c["already_present"]:
        print(f"  already here:   {c['already_present']} records (left alone)")
    columns = details.get("columns")
    if columns:
        print("Columns:")
        for header, spec in columns.items():
            print(f"  {header} → {spec}")
    matched = [p for p in preview.matched_people]
    if matched:
        print("Matched to people already in Rapport:")
        for plan in matched[:SHOW]:
            print(
                f"  {plan.incoming.ref}: {plan.incoming.name} → {plan.matched_name} ({plan.reason})"
            )
        if len(matched) > SHOW:
            print(f"  … and {len(matched) - SHOW} more (--json lists all)")
    if preview.rejected:
        print("Rejected:")
        for rejection in preview.rejected[:SHOW]:
            print(f"  {printable(str(rejection), limit=0)}")
        if len(preview.rejected) > SHOW:
            print(f"  … and {len(preview.rejected) - SHOW} more (--json lists all)")
    for warning in preview.warnings[:SHOW]:
        print(f"Note: {printable(str(warning), limit=0)}")


def _print_result(result: Any) -> None:
    w = result.written
    parts = [
        f"{w.get('people', 0)} new people",
        f"{w.get('updated_people', 0)} updated",
        f"{w.get('contact_points', 0)} contact points",
        f"{w.get('tags', 0)} tags",
    ]
    for name in ("conversations", "commitments", "exchanges", "introductions", "events"):
        if w.get(name):
            parts.append(f"{w[name]} {name}")
    print("Imported: " + ", ".join(parts) + ".")
    if result.backup:
        print(f"Backup taken before importing: {result.backup.name}")


def export_command(args: argparse.Namespace) -> int:
    unreadable = _open_for_export(args)
    from desktop.services.exporting import ExportError, export_data

    try:
        result = export_data(
            args.format,
            Path(args.output),
            include_confidential=args.include_confidential,
            progress=_progress(args),
            unreadable=unreadable,
        )
    except (ExportError, ValueError) as exc:
        raise CommandError(str(exc)) from exc
    if unreadable:
        print(
            f"rapport: could not be read (damaged), so missing or incomplete in the export: "
            f"{', '.join(unreadable)}",
            file=sys.stderr,
        )
    if args.json:
        print_json(
            {
                "format": result.format,
                "path": str(result.path),
                "people": result.people,
                **result.counts,
            }
        )
    else:
        what = "folder" if args.format == "markdown" else "file"
        print(f"Exported {result.people} people as {args.format} to the {what} {result.path}.")
    return 1 if unreadable else 0  # a partial export is written, but is not a success


def _open_for_export(args: argparse.Namespace) -> list[str] | None:
    """Open the store; a damaged one read-only, so what can still be read is saved.

    Returns None normally, or the (growing) list of what could not be read.
    """
    from desktop import paths
    from desktop.storage.backup import newest_good_backup
    from desktop.storage.db import open_read_only
    from desktop.storage.errors import CorruptDatabaseError, StoreError

    try:
        open_store(args)
        return None
    except CommandError as exc:
        if not isinstance(exc.__cause__, CorruptDatabaseError) or args.format != "json":
            raise
        damage = exc.__cause__
    path = paths.database_path(data_dir(args))
    try:
        open_read_only(path)
    except StoreError as again:
        raise CommandError(str(again)) from again
    good = newest_good_backup(paths.backups_dir(data_dir(args)))
    then = (
        f"then restore the newest good backup: rapport backup --restore {good.name} --yes"
        if good
        else "no good backup was found in backups/"
    )
    print(
        f"rapport: note: {path}: {damage.problem}; it was opened read-only to export what "
        f"can still be read; {then}",
        file=sys.stderr,
    )
    return []


def backup_command(args: argparse.Namespace) -> int:
    from desktop.services import backups

    folder = data_dir(args)
    try:
        if args.restore is not None:
            if not args.restore.strip():
                raise CommandError("--restore needs a backup's name (see rapport backup --list)", 2)
            if not args.yes:
                raise CommandError(
                    f"restoring {args.restore} replaces all current data (the current data is "
                    "backed up first); add --yes to go ahead",
                    2,
                )
            done = backups.restore_backup(folder, args.restore, confirmed=True)
            if args.json:
                print_json(
                    {
                        "restored": done.restored.name,
                        "people": done.restored.people,
                        "conversations": done.restored.conversations,
                        "safety_copy": done.safety_copy.name if done.safety_copy else None,
                    }
                )
            else:
                print(
                    f"Restored {done.restored.name} ({done.restored.people} people, "
                    f"{done.restored.conversations} conversations)."
                )
                if done.safety_copy:
                    print(f"The data as it was is kept in {done.safety_copy.name}.")
            return 0
        if args.list:
            found = backups.list_backups(folder)
            if args.json:
                print_json([_backup_json(b) for b in found])
                return 0
            if not found:
                print(f"No backups yet in {folder / 'backups'}.")
            for b in found:
                counts = (
                    f"{b.people} people, {b.conversations} conversations"
                    if b.people is not None
                    else f"unreadable: {b.problem}"
                )
                size = f"{b.size / 2**20:.1f} MB"
                print(f"{b.name}  {b.created:%Y-%m-%d %H:%M}  {b.reason:<16} {size:>9}  {counts}")
            return 0
        open_store(args)
        info = backups.backup_now(folder, reason="manual")
        backups.prune(folder)
    except backups.BackupError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        print_json(_backup_json(info))
    else:
        print(f"Backed up to {info.path}.")
    return 0


def _backup_json(b: Any) -> dict[str, Any]:
    return {
        "name": b.name,
        "path": str(b.path),
        "created": b.created.isoformat(),
        "reason": b.reason,
        "size": b.size,
        "people": b.people,
        "conversations": b.conversations,
        "problem": b.problem,
    }


def duplicates_command(args: argparse.Namespace) -> int:
    open_store(args)
    from desktop.services.duplicates import find_duplicates

    pairs = find_duplicates(limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "first_id": p.first_id,
                    "first_name": p.first_name,
                    "second_id": p.second_id,
                    "second_name": p.second_name,
                    "reasons": list(p.reasons),
                    "score": p.score,
                }
                for p in pairs
            ]
        )
        return 0
    if not pairs:
        print("No possible duplicates.")
    for p in pairs:
        print(f"{p.first_name} ({p.first_id[:8]})  ~  {p.second_name} ({p.second_id[:8]})")
        print(f"    {'; '.join(p.reasons)}")
    return 0


def _delimiter(text: str) -> str:
    """One character (or the word "tab"): Python's csv module takes nothing longer."""
    if text.lower() == "tab":
        return "tab"
    if len(text) != 1 or text in '\r\n"' or text.isalnum():
        raise argparse.ArgumentTypeError(
            f"{text!r} cannot separate columns; give one character such as , ; | or the word tab"
        )
    return text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "import",
        "import contacts: vCard, CSV (LinkedIn, Google, Outlook, any), Monica or Rapport JSON",
        import_command,
    )
    parser.add_argument("file", metavar="FILE", help=".vcf, .csv, .json (or .ics: an event)")
    parser.add_argument("--dry-run", action="store_true", help="show the preview, save nothing")
    parser.add_argument("--json", action="store_true", help="print the preview as JSON")
    parser.add_argument(
        "--format",
        choices=("auto", "vcard", "csv", "monica", "rapport"),
        default="auto",
        help="what the file is (default: from its name and content)",
    )
    parser.add_argument(
        "--map",
        metavar="COLUMN=FIELD,…",
        help='CSV columns to fields, e.g. "Mail=email:work,Firm=organization,Notes=ignore"',
    )
    parser.add_argument(
        "--phone-region",
        metavar="XX",
        help="country of phone numbers written without +code (default: $RAPPORT_PHONE_REGION "
        "or the locale)",
    )
    parser.add_argument("--encoding", help="the file's text encoding (default: detected)")
    parser.add_argument(
        "--delimiter", type=_delimiter, help="CSV delimiter: , ; | or tab (default: detected)"
    )
    parser.add_argument(
        "--create-new", action="store_true", help="(.ics) add unknown attendees as people"
    )

    parser = add_command(
        subparsers,
        "export",
        "export everything (JSON) or cards (vCard, CSV, Markdown)",
        export_command,
    )
    parser.add_argument(
        "--format", choices=("json", "vcf", "csv", "markdown"), required=True, help="what to write"
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="PATH", help="file (a folder for markdown)"
    )
    parser.add_argument(
        "--include-confidential",
        action="store_true",
        help="vcf/csv/markdown: keep what was told in confidence (json always keeps it)",
    )
    parser.add_argument("--json", action="store_true", help="print a summary as JSON")

    parser = add_command(
        subparsers, "backup", "back up now, list backups, or restore one", backup_command
    )
    parser.add_argument("--list", action="store_true", help="list backups with their contents")
    parser.add_argument("--restore", metavar="NAME", help="restore the backup NAME")
    parser.add_argument("--yes", action="store_true", help="confirm --restore")
    parser.add_argument("--json", action="store_true", help="print as JSON")

    parser = add_command(
        subparsers, "duplicates", "list people who may be the same person", duplicates_command
    )
    parser.add_argument("--json", action="store_true", help="print the pairs as JSON")
    parser.add_argument(
        "--limit", type=at_least(1), default=None, metavar="N", help="at most N pairs"
    )
