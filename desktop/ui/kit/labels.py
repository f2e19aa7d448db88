"""Translated words for the data model's stored codes ("small_talk" → "Small talk").

The database keeps stable codes; every view shows these words instead, so the same code
always reads the same way and translators find them in one context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain import circles


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def conversation_kinds() -> list[tuple[str, str]]:
    return [
        ("in_person", _tr("In person")),
        ("call", _tr("Call")),
        ("video", _tr("Video call")),
        ("message", _tr("Messages")),
        ("email", _tr("Email")),
        ("meal", _tr("Meal")),
        ("event", _tr("At an event")),
    ]


def depths() -> list[tuple[str, str]]:
    return [
        ("small_talk", _tr("Small talk")),
        ("professional", _tr("Professional")),
        ("personal", _tr("Personal")),
    ]


def exchange_kinds() -> list[tuple[str, str]]:
    return [
        ("introduction", _tr("Introduction")),
        ("help", _tr("Help")),
        ("advice", _tr("Advice")),
        ("referral", _tr("Referral")),
        ("opportunity", _tr("Opportunity")),
        ("gift", _tr("Gift")),
    ]


def contact_kinds() -> list[tuple[str, str]]:
    return [
        ("email", _tr("Email")),
        ("phone", _tr("Phone")),
        ("url", _tr("Website")),
        ("social", _tr("Social")),
        ("address", _tr("Address")),
    ]


def circle_label(key: str) -> str:
    return _tr(circles.circle(key).label)


def circle_choices() -> list[tuple[str, str]]:
    return [(c.key, _tr(c.label)) for c in circles.CIRCLES]


def label_of(pairs: list[tuple[str, str]], code: str) -> str:
    return dict(pairs).get(code, code.replace("_", " "))
