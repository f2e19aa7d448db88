"""The one question a deletion can raise: "also remove from the address book?".

Deleting a person is normally instant (Undo brings them back). Only when the person is
linked to a card in the user's address book does Rapport ask, because removing the card
reaches the phone and Undo here cannot bring it back there. The checkbox starts at the
user's last answer; Cancel keeps the person.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget


def ask(parent: QWidget | None, name: str, remove_by_default: bool) -> bool | None:
    """True: delete and remove the card; False: delete, keep the card; None: cancel."""
    tr = parent.tr if parent is not None else (lambda text: text)
    box = QMessageBox(parent)
    box.setObjectName("deleteLinkedPersonBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Delete person"))
    box.setText(tr("Delete %1?").replace("%1", name or tr("this person")))
    box.setInformativeText(
        tr(
            "%1 is also in your address book. Undo brings them back here, but a card "
            "removed from the address book is gone from your phone too."
        ).replace("%1", name or tr("This person"))
    )
    check = QCheckBox(tr("Also remove from the &address book"), box)
    check.setObjectName("alsoRemoveFromAddressBook")
    check.setAccessibleName(tr("Also remove from the address book"))
    check.setChecked(remove_by_default)
    box.setCheckBox(check)
    delete = box.addButton(tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
    delete.setObjectName("deleteLinkedPersonButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(delete)
    box.setEscapeButton(cancel)
    box.exec()
    if box.clickedButton() is not delete:
        return None
    return check.isChecked()
