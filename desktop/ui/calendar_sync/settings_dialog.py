"""Settings ▸ Calendar: the CalDAV account (server, user, app password), which calendars
to read, the user's own addresses, and the status of the last read.

Checking the account talks to the server, so it runs off the GUI thread (``run_job``);
the password goes to the OS keyring through the service, never to QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.kit.background import error_text, run_job


class CalendarSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarSettingsDialog")
        self.setWindowTitle(self.tr("Calendar"))
        # wide enough that the password field shows its "kept in your keyring" hint whole
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.job = None
        self.server = QLineEdit(self)
        self.server.setObjectName("calendarServer")
        self.server.setPlaceholderText(self.tr("cal.example.com or https://…"))
        self.server.setAccessibleName(self.tr("Calendar server address"))
        self.user = QLineEdit(self)
        self.user.setObjectName("calendarUser")
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setObjectName("calendarPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("App password"))
        self.password.setPlaceholderText(self.tr("kept in your system's keyring"))
        self.connect_button = QPushButton(self.tr("&Connect"), self)
        self.connect_button.setObjectName("calendarConnect")
        self.connect_button.clicked.connect(self.check_account)
        self.calendars = QListWidget(self)
        self.calendars.setObjectName("calendarList")
        self.calendars.setAccessibleName(self.tr("Calendars to read"))
        self.addresses = QLineEdit(self)
        self.addresses.setObjectName("calendarAddresses")
        self.addresses.setAccessibleName(self.tr("Your own email addresses"))
        self.addresses.setToolTip(
            self.tr("How you appear in invitations: a meeting you declined is not offered.")
        )
        self.status = QLabel(self)
        self.status.setObjectName("calendarStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Calendar status"))
        self.forget_button = QPushButton(self.tr("&Forget this account"), self)
        self.forget_button.setObjectName("calendarForget")
        self.forget_button.clicked.connect(self.forget)

        password_row = QWidget(self)  # a widget (not a layout), so "&Password" has a buddy
        row = QHBoxLayout(password_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.password, 1)
        row.addWidget(self.connect_button)
        password_row.setFocusProxy(self.password)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), password_row)
        form.addRow(self.tr("Ca&lendars:"), self.calendars)
        form.addRow(self.tr("&My addresses:"), self.addresses)
        note = QLabel(
            self.tr(
                "Read only: Rapport never changes your calendar. Meetings with people you "
                "know are offered in Today; nothing is logged without your yes."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("calendarSave")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._load()

    # --- State ------------------------------------------------------------------------

    def _load(self) -> None:
        from desktop.services.calendar_sync import account

        try:
            current = account.load()
        except Exception as exc:  # a damaged file: say so, let the user set up again
            self._say(error_text(exc))
            current = None
        self.forget_button.setEnabled(current is not None)
        self.save_button.setEnabled(current is not None)
        if current is None:
            if not self.status.text():
                self._say(self.tr("No calendar set up."))
            return
        self.server.setText(current.url)
        self.user.setText(current.user)
        self.addresses.setText(", ".join(current.my_addresses))
        self._fill(current)
        if current.last_error:
            self._say(self.tr("Last read failed: %1").replace("%1", current.last_error))
        elif current.last_read_at:
            when = current.last_read_at.replace("T", " ")[:16]
            self._say(self.tr("Last read at %1.").replace("%1", when))
        else:
            self._say(self.tr("Connected."))
        problem = account.keyring_problem()
        if problem:
            self._say(self.status.text() + " " + self.tr("Note: %1.").replace("%1", problem))

    def _fill(self, current) -> None:  # CalendarAccount
        self.calendars.clear()
        reading = set(current.reading)
        for calendar in current.calendars:
            item = QListWidgetItem(calendar.name, self.calendars)
            item.setData(Qt.ItemDataRole.UserRole, calendar.url)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = calendar.url in reading
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- Actions ----------------------------------------------------------------------

    def check_account(self) -> None:
        """Check the account on the server (off the GUI thread), then list its calendars."""
        from desktop.services.calendar_sync import account

        url, user, secret = self.server.text(), self.user.text().strip(), self.password.text()
        if not secret:
            self._say(self.tr("Type the app password (it goes to your system's keyring)."))
            return
        self.connect_button.setEnabled(False)
        self._say(self.tr("Connecting…"))
        self.job = run_job(
            self,
            lambda _progress: account.setup(url, user, secret),
            self._connected,
            self._failed,
            name="rapport-calendar-setup",
        )

    def _connected(self, _account: object) -> None:
        self.connect_button.setEnabled(True)
        self.password.clear()  # kept in the keyring now; not held by the widget
        self._load()
        self._say(self.tr("Connected. Choose the calendars to read, then Save."))

    def _failed(self, error: BaseException) -> None:
        self.connect_button.setEnabled(True)
        self._say(error_text(error))

    def chosen(self) -> list[str]:
        return [
            self.calendars.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.calendars.count())
            if self.calendars.item(i).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        from desktop.services.calendar_sync import account

        try:
            if account.load() is not None:
                account.choose(self.chosen())
                account.set_my_addresses(self.addresses.text().replace(";", ",").split(","))
        except Exception as exc:
            self._say(error_text(exc))
            return
        super().accept()

    def forget(self) -> None:
        from desktop.services.calendar_sync import account

        account.forget()
        for field in (self.server, self.user, self.password, self.addresses):
            field.clear()
        self.calendars.clear()
        self._load()
        self._say(self.tr("Forgotten: the account and its password were removed."))
