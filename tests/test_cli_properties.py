"""Every CLI command fed random bytes, random Unicode and random numbers (issue #19).

Property: the command either succeeds, or exits non-zero with a one-line message (an
argparse usage error is its usage plus one ``error:`` line) and no traceback, leaving
the data folder's bytes as they were. Runs in-process through ``desktop.cli.main``;
bounded (``EXAMPLES`` per command) so the suite stays quick. Output paths (``-o``,
``--pdf``) always point into a scratch folder, never elsewhere on the machine.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.services import store

EXAMPLES = 100
FEWER = {"demo": 30, "backup": 50}  # each success writes a network or a backup

#: Text as it may reach ``sys.argv``: valid Unicode, or bytes that are not UTF-8 decoded
#: with ``surrogateescape`` the way Python decodes arguments on POSIX.
NO_NUL = st.characters(blacklist_characters="\x00")
RANDOM_TEXT = st.one_of(
    st.text(NO_NUL, max_size=40),
    st.binary(max_size=40)
    .filter(lambda b: b"\x00" not in b)
    .map(lambda b: b.decode("utf-8", "surrogateescape")),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "-", "--", "-1", "0", "tab", "Ana", "Ayşe Arslan", "yesterday at 99pm"]),
)
# Numbers for options that take one; ``demo --people`` in range must stay small.
NUMBER = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    RANDOM_TEXT,
)
DEMO_PEOPLE = st.one_of(
    st.integers(min_value=-(10**15), max_value=0).map(str),
    st.integers(min_value=1, max_value=5).map(str),
    st.integers(min_value=1_000_001, max_value=10**15).map(str),
    st.text(NO_NUL, max_size=8),
)


def _options(**spec: st.SearchStrategy) -> st.SearchStrategy[list[str]]:
    """Some of the options, each with a value from its strategy (None: a flag)."""
    pairs = [
        st.one_of(
            st.just([]),
            (value.map(lambda v, n=name: [n, v]) if value is not None else st.just([name])),
        )
        for name, value in spec.items()
    ]
    return st.tuples(*pairs).map(lambda parts: [word for part in parts for word in part])


def _command(name: str, positional: list[st.SearchStrategy], **spec: st.SearchStrategy):
    return st.tuples(st.tuples(*positional), _options(**spec)).map(
        lambda both: [name, *both[0], *both[1]]
    )


COMMANDS = {
    "note": _command(
        "note",
        [RANDOM_TEXT],
        **{"--with": RANDOM_TEXT, "--when": RANDOM_TEXT, "--place": RANDOM_TEXT},
        **{"--event": RANDOM_TEXT, "--depth": RANDOM_TEXT, "--tag": RANDOM_TEXT},
        **{"--dry-run": None, "--json": None},
    ),
    "search": _command("search", [RANDOM_TEXT], **{"--limit": NUMBER, "--json": None}),
    "show": _command("show", [RANDOM_TEXT], **{"--conversations": NUMBER, "--json": None}),
    "duplicates": _command("duplicates", [], **{"--limit": NUMBER, "--json": None}),
    "events": _command("events", [], **{"--json": None}),
    "backup": _command(
        "backup", [], **{"--list": None, "--restore": RANDOM_TEXT, "--yes": None, "--json": None}
    ),
    "demo": _command(
        "demo", [], **{"--people": DEMO_PEOPLE, "--seed": NUMBER, "--add": None, "--json": None}
    ),
    "export": _command(
        "export",
        [],
        **{"--format": st.one_of(RANDOM_TEXT, st.sampled_from(["json", "vcf", "csv"]))},
        **{"-o": RANDOM_TEXT, "--include-confidential": None, "--json": None},
    ),
    "import": _command(
        "import",
        [RANDOM_TEXT],
        **{"--format": RANDOM_TEXT, "--map": RANDOM_TEXT, "--phone-region": RANDOM_TEXT},
        **{"--encoding": RANDOM_TEXT, "--delimiter": RANDOM_TEXT},
        **{"--dry-run": None, "--json": None},
    ),
    "brief": _command(
        "brief",
        [],
        **{"--people": RANDOM_TEXT, "--event": RANDOM_TEXT, "--title": RANDOM_TEXT},
        **{"--pdf": RANDOM_TEXT, "--page-size": RANDOM_TEXT, "--json": None},
    ),
    "inbox": _command("inbox", [], **{"--folder": RANDOM_TEXT, "--save-all": None, "--json": None}),
    # Sync without a vault set up: every sub-command must say so in one line. (No random
    # create/join targets: an address could name a host, and a path a folder outside.)
    "sync": st.one_of(
        _command("sync", [], **{"--json": None}),
        _command("sync", [st.just("status")], **{"--json": None}),
        _command("sync", [st.just("remove-device"), RANDOM_TEXT], **{"--json": None}),
        _command("sync", [st.just("unlock")]),
        _command("sync", [st.just("forget")]),
    ),
}


def _confine(args: list[str], scratch: Path, data: Path) -> list[str]:
    """Output paths into the scratch folder; an import reads random bytes from it."""
    out = list(args)
    for index, word in enumerate(out[:-1]):
        if word in ("-o", "--pdf", "--folder"):
            name = "".join(c for c in out[index + 1] if c.isalnum())[:20] or "out"
            out[index + 1] = str(scratch / name)
    if out[0] == "import" and len(out) > 1:
        source = scratch / ("in-" + ("".join(c for c in out[1] if c.isalnum())[:10] or "x"))
        source.write_bytes(out[1].encode("utf-8", "surrogateescape"))
        out[1] = str(source)
    return [*out, "--data-dir", str(data)]


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _check_failure(code: int, err: str) -> None:
    assert "Traceback" not in err, err
    assert "unexpected error" not in err, err
    lines = [line for line in err.strip().splitlines() if not line.startswith("rapport: note:")]
    assert lines, f"exit {code} without a message"
    if code == 2 and lines[0].startswith("usage:"):  # argparse: usage, then one error line
        assert ": error: " in lines[-1], err
    else:
        assert len(lines) == 1 and lines[0].startswith("rapport: "), err


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("props") / "data"
    assert main(["demo", "--data-dir", str(folder), "--people", "10"]) == 0
    store.close_store()
    return folder


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_random_arguments_never_give_a_traceback(command, demo_template, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    scratch = tmp_path / "scratch"
    scratch.mkdir()

    @settings(
        max_examples=FEWER.get(command, EXAMPLES),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(COMMANDS[command])
    def check(args: list[str]) -> None:
        before = _digest(data)
        try:
            code = main(_confine(args, scratch, data))
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        finally:
            store.close_store()
        _, err = capsys.readouterr()
        if code != 0:
            _check_failure(code, err)
            assert _digest(data) == before, args

    check()
