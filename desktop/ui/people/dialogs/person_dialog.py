"""New person: just enough to find them again; the card fills in the rest as you go."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.domain import circles
from desktop.ui.kit import labels
from desktop.ui.kit.form_dialog import FormDialog, fill_combo


class NewPersonDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, name: str = "") -> None:
        super().__init__(self.tr("New Person"), "newPersonDialog", parent)
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText(self.tr("Full name"))
        self.add_row(self.tr("&Name:"), self.name)
        self.email = QLineEdit(self)
        self.email.setObjectName("newPersonEmail")
        self.email.setPlaceholderText(self.tr("Optional; finds them again (and duplicates)"))
        self.add_row(self.tr("&Email:"), self.email)
        self.headline = QLineEdit(self)
        self.headline.setPlaceholderText(self.tr("What they do, in a few words"))
        self.add_row(self.tr("&Headline:"), self.headline)
        self.organization = QLineEdit(self)
        self.add_row(self.tr("&Organization:"), self.organization)
        self.circle = QComboBox(self)
        fill_combo(self.circle, labels.circle_choices(), circles.DEFAULT_CIRCLE)
        self.add_row(self.tr("&Circle:"), self.circle)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("comma, separated"))
        self.add_row(self.tr("&Tags:"), self.tags)
        self.name.setFocus()

    def problem_with_input(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("A person needs a name.")
        email = self.email_address()
        if email and ("@" not in email or " " in email):
            return self.tr("The email address needs an @, like ana@example.com.")
        return None

    def email_address(self) -> str:
        return self.email.text().strip()

    def values(self) -> dict[str, Any]:
        return {
            "full_name": self.name.text().strip(),
            "headline": self.headline.text().strip(),
            "organization": self.organization.text().strip(),
            "circle": self.circle.currentData(),
            "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
        }
