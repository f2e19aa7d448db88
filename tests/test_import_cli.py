"""End to end through the real front door: ``python -m desktop import|export|backup|duplicates``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "import"
ROOT = Path(__file__).resolve().parents[1]


def rapport(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAPPORT_PHONE_REGION": "US"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_import_exit_0_when_everything_lands_then_unchanged(tmp_path):
    data = tmp_path / "data"
    done = rapport("import", str(FIXTURES / "google_3.0.vcf"), data=data)
    assert done.returncode == 0, done.stderr
    assert "new people:     2" in done.stdout
    assert "Imported: 2 new people" in done.stdout
    again = rapport("import", str(FIXTURES / "google_3.0.vcf"), "--json", data=data)
    assert again.returncode == 0
    preview = json.loads(again.stdout)
    assert preview["new_people"] == 0 and preview["unchanged_people"] == 2
    assert preview["written"]["people"] == 0 and preview["imported"] is True


def test_import_exit_1_lists_rejected_records_with_their_lines(tmp_path):
    done = rapport("import", str(FIXTURES / "linkedin_connections.csv"), data=tmp_path / "d")
    assert done.returncode == 1
    assert "LinkedIn connections (CSV)" in done.stdout
    assert "line 8: no name, organization or email in this row" in done.stdout
    assert "Imported: 4 new people" in done.stdout  # the rest imported


def test_import_exit_2_for_unreadable_or_mislabelled_files(tmp_path):
    missing = rapport("import", str(tmp_path / "nope.vcf"), data=tmp_path / "d")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    fake = tmp_path / "contacts.vcf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    wrong = rapport("import", str(fake), data=tmp_path / "d")
    assert wrong.returncode == 2
    assert "contacts.vcf" in wrong.stderr and "not a text file" in wrong.stderr
    json_file = tmp_path / "export.json"
    json_file.write_text('{"hello": "world"}')
    neither = rapport("import", str(json_file), data=tmp_path / "d")
    assert neither.returncode == 2 and "neither a Rapport export nor a Monica" in neither.stderr


def test_dry_run_json_is_a_full_preview_and_saves_nothing(tmp_path):
    data = tmp_path / "data"
    done = rapport("import", str(FIXTURES / "monica_v4.json"), "--dry-run", "--json", data=data)
    assert done.returncode == 1  # the nameless Monica contact is rejected
    preview = json.loads(done.stdout)
    assert preview["format"] == "monica" and preview["dry_run"] is True
    assert preview["imported"] is False and preview["written"] == {}
    assert preview["new_people"] == 3 and preview["conversations"] == 4
    assert preview["rejections"] == [{"record": "contact 5", "reason": "the contact has no name"}]
    assert {p["action"] for p in preview["people"]} == {"new"}
    listed = rapport("search", "Ana", "--json", data=data)
    assert listed.stdout.strip() == ""  # nothing was saved
    assert not (data / "backups").exists()


def test_map_option_for_any_csv(tmp_path):
    path = tmp_path / "club.csv"
    path.write_text("Member;Telephone\nAna Ruiz;+34 612 34 56 78\n", encoding="utf-8")
    unmapped = rapport("import", str(path), "--dry-run", data=tmp_path / "d")
    assert unmapped.returncode == 1 and "--map" in unmapped.stdout
    mapped = rapport(
        "import", str(path), "--map", "Member=full_name", "--json", data=tmp_path / "d"
    )
    assert mapped.returncode == 0, mapped.stderr
    assert json.loads(mapped.stdout)["details"]["columns"] == {
        "Member": "full_name",
        "Telephone": "phone",
    }
    bad = rapport("import", str(path), "--map", "Member=shoe_size", data=tmp_path / "d")
    assert bad.returncode == 2 and "unknown field 'shoe_size'" in bad.stderr


def test_calendar_files_are_handed_to_the_events_importer(tmp_path):
    ics = Path(__file__).parent / "fixtures" / "harbour_summit.ics"
    done = rapport("import", str(ics), "--dry-run", data=tmp_path / "d")
    assert done.returncode == 0, done.stderr
    assert "Dry run" in done.stdout


def test_export_backup_and_duplicates_commands(tmp_path):
    data = tmp_path / "data"
    assert rapport("import", str(FIXTURES / "google_3.0.vcf"), data=data).returncode == 0
    assert rapport("import", str(FIXTURES / "google_contacts.csv"), data=data).returncode == 1
    out = tmp_path / "all.json"
    exported = rapport("export", "--format", "json", "-o", str(out), "--json", data=data)
    assert exported.returncode == 0, exported.stderr
    summary = json.loads(exported.stdout)
    assert summary["people"] == 3 and out.exists()
    assert (
        rapport("export", "--format", "vcf", "-o", str(tmp_path / "a.vcf"), data=data).returncode
        == 0
    )
    assert "BEGIN:VCARD" in (tmp_path / "a.vcf").read_text()
    made = rapport("backup", "--json", data=data)
    assert made.returncode == 0
    name = json.loads(made.stdout)["name"]
    listed = json.loads(rapport("backup", "--list", "--json", data=data).stdout)
    assert name in {b["name"] for b in listed}
    assert {b["reason"] for b in listed} >= {"manual", "before-import"}
    refused = rapport("backup", "--restore", name, data=data)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    restored = rapport("backup", "--restore", name, "--yes", data=data)
    assert restored.returncode == 0 and "Restored" in restored.stdout
    dupes = rapport("duplicates", "--json", data=data)
    assert dupes.returncode == 0 and json.loads(dupes.stdout) == []
    fresh = tmp_path / "fresh"
    back = rapport("import", str(out), "--json", data=fresh)
    assert back.returncode == 0 and json.loads(back.stdout)["new_people"] == 3
