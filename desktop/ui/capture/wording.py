"""What the capture window says: problems, the preview's summary line, the confirmation.

In one place so the wording stays consistent and translators find it together (all in
the ``CaptureWindow`` context, as if written with ``self.tr`` in the window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop.domain.capture.planned import CapturePlan


def tr(text: str) -> str:
    return QCoreApplication.translate("CaptureWindow", text)


def problem_text(code: str, fallback: str) -> str:
    """The translated wording of a plan problem (the domain's English is the fallback)."""
    texts = {
        "no_person": tr("Who was this with? Add a name here; your note is kept meanwhile."),
        "unreadable_when": tr(
            "This date cannot be read; try “yesterday evening” or “20 Nov 18:30”."
        ),
        "promise_without_person": tr("Choose who this promise is with, or drop it."),
        "empty_promise": tr("Say what was promised, or drop it."),
    }
    return texts.get(code, fallback)


def problems_summary(plan: CapturePlan) -> str:
    if any(p.code == "no_person" for p in plan.problems):
        # Never a refusal: the note is kept (as the draft) until the user says who.
        return tr("Who was this with? Nothing is lost: the note stays here as a draft.")
    first = plan.problems[0]
    if len(plan.problems) == 1:
        return problem_text(first.code, first.message)
    return tr("%1 things to fix before saving — see the marked fields.").replace(
        "%1", str(len(plan.problems))
    )


def summary(plan: CapturePlan, event_title: str) -> str:
    """ "Wed 25 Nov 2026, 18:00 · at PyCon (from your note) · professional"."""
    from desktop.ui.kit.format import day_and_time

    parts = [day_and_time(plan.happened_at) if plan.happened_at else tr("undated")]
    if plan.event_id:
        parts.append(event_title)
    elif plan.place:
        where = tr("at %1").replace("%1", plan.place)
        parts.append(where + (tr(" (from your note)") if plan.place_from_notes else ""))
    depths = {
        "small_talk": tr("small talk"),
        "professional": tr("professional"),
        "personal": tr("personal"),
    }
    parts.append(depths.get(plan.depth, plan.depth))
    return " · ".join(parts)


def confirmation(result: Any) -> str:
    """ "Saved — conversation with Ana Ruiz, Ben Ode, 2 promises." """
    names = ", ".join(p.name for p in result.people if p.participant)
    text = tr("Saved — conversation with %1").replace("%1", names)
    count = len(result.promises)
    if count == 1:
        text += tr(", 1 promise")
    elif count:
        text += tr(", %1 promises").replace("%1", str(count))
    return text + "."


def undo_in_main_window() -> str:
    return tr("Edit ▸ Undo in the main window takes it back.")


def undo_here() -> str:
    return tr("There is no main window here to undo from: “Undo this save” takes it back.")


def undone() -> str:
    return tr("Undone: nothing of that note was kept; it is back here to correct.")
