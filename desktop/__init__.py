"""Rapport: a local-first desktop app for building real relationships.

The names below are read by the CLI, the About dialog, QSettings/QStandardPaths and the
PyInstaller spec, so they live in one place.
"""

APP_NAME = "Rapport"
ORG_NAME = "Rapport"
ORG_DOMAIN = "rapport.app"
APP_ID = "app.rapport.Rapport"
__version__ = "0.1.0"
