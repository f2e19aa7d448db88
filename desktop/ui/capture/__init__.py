"""The capture window's parts: the "who" field, the preview, the stand-alone runner for
``rapport capture`` and its test hooks. The window itself is
:mod:`desktop.ui.capture.window`."""
