"""Moving data in and out: import, export, duplicates and merging, restoring a backup.

Each module offers one entry point the main window wires into its menus:
:func:`~desktop.ui.transfer.import_dialog.run_import`,
:func:`~desktop.ui.transfer.export_dialog.run_export`,
:func:`~desktop.ui.transfer.merge_dialog.show_duplicates` and
:func:`~desktop.ui.transfer.restore_dialog.restore_from_backup`.
"""
