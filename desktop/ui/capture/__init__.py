"""Quick capture: the window (:mod:`desktop.ui.capture.window`) and its parts — the form,
the "who" field, the preview — plus the stand-alone runner for ``rapport capture`` and
its test hooks."""
