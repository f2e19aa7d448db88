"""Qt widgets, item models, undo commands and dialogs. The only package that imports Qt
(with ``desktop/app.py`` and the print layer of ``desktop/printing``)."""
