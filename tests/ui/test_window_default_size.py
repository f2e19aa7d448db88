"""First run: the main window's default size never exceeds the screen's free area; a size
the user left is restored as it was."""

from __future__ import annotations

from pathlib import Path


def test_the_first_window_fits_the_screen_centred(qtbot, data_dir: Path, settings_names) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.shell.main_window import MainWindow

    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert (area.width(), area.height()) < (1280, 820)  # the test screen is smaller
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.geometry().center())


def test_a_saved_size_is_restored_not_refitted(qtbot, data_dir: Path, settings_names) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.shell.main_window import MainWindow

    first = MainWindow(data_dir)
    qtbot.addWidget(first)
    first.resize(640, 480)
    first.save_state()
    second = MainWindow(data_dir)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (640, 480)
