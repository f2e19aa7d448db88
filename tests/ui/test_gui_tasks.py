"""The background reader: newest request wins, slow SQL is interrupted, results arrive
on the GUI thread."""

from __future__ import annotations

import threading

from desktop.storage.models import database
from desktop.ui.kit.background import TaskManager

SLOW = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50000000) "
    "SELECT count(*) FROM n"
)


def test_results_arrive_on_the_gui_thread(qtbot, data_dir) -> None:
    tasks = TaskManager()
    got: list[tuple[int, bool]] = []
    main = threading.get_ident()
    tasks.run(
        "count",
        lambda: database.execute_sql("SELECT 41 + 1").fetchone()[0],
        lambda value: got.append((value, threading.get_ident() == main)),
    )
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(42, True)]
    assert not tasks.is_busy()
    tasks.shutdown()


def test_a_newer_request_interrupts_the_running_one(qtbot, data_dir) -> None:
    tasks = TaskManager()
    delivered: list[str] = []
    started = threading.Event()

    def slow() -> str:
        started.set()
        database.execute_sql(SLOW).fetchone()
        return "slow"

    tasks.run("search", slow, delivered.append)
    assert started.wait(5)
    tasks.run("search", lambda: "fast", delivered.append)
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=5000)
    assert delivered == ["fast"]  # the slow one was cut short and never delivered
    tasks.shutdown()


def test_errors_go_to_the_error_handler(qtbot, data_dir) -> None:
    tasks = TaskManager()
    errors: list[BaseException] = []
    tasks.run("bad", lambda: database.execute_sql("SELECT * FROM nowhere"), print, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "nowhere" in str(errors[0])
    tasks.shutdown()
