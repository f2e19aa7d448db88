"""The data key and the remote password live in the OS keyring — and nowhere else.

Entries (service = the app id): ``dek:<vault_id>`` and ``remote:<target_id>``. When no
keyring works (none installed, locked, the unlock prompt dismissed) this says why and
keeps secrets in this process's memory only ("session-only": asked again at each
start). There is no file fallback, and plaintext backends such as ``keyrings.alt`` are
refused even if installed.

The same store also keeps the address book's and the calendar's passwords, so the note
about a missing keyring names what it is about (:meth:`SecretStore.problem_for`).
"""

from __future__ import annotations

import logging
from typing import Any

from desktop import APP_ID

log = logging.getLogger(__name__)
_session: dict[str, str] = {}
_REFUSED_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")


class SecretStore:
    def __init__(self, service: str = APP_ID) -> None:
        self.service = service
        self.cause: str | None = None  # why no keyring is used, or None
        self._backend: Any = None  # a keyring backend once found

    @property
    def problem(self) -> str | None:
        """Why device sync's secrets are session-only (None: the keyring keeps them)."""
        return self.problem_for("sync secrets", plural=True)

    def problem_for(self, secret: str, *, plural: bool = False) -> str | None:
        """The keyring note for one account's ``secret`` ("the address book's password"),
        so the address book does not speak of "sync secrets". Like ``problem`` it says
        nothing before the keyring was first tried (that import is slow)."""
        if self.cause is None:
            return None
        verb = "are" if plural else "is"
        return (
            f"{self.cause}; {secret} {verb} kept only until Rapport quits and {verb} asked "
            "for at each start"
        )

    @property
    def session_only(self) -> bool:
        return self._keyring() is None

    def _keyring(self):  # -> keyring backend | None
        if self._backend is not None or self.cause is not None:
            return self._backend
        try:
            import keyring

            backend = keyring.get_keyring()
        except Exception as exc:  # a broken backend must never stop the app
            return self._fail(exc)
        module = type(backend).__module__
        names = [module] + [type(b).__module__ for b in getattr(backend, "backends", [])]
        if module.startswith(_REFUSED_MODULES) or (
            hasattr(backend, "backends") and not backend.backends
        ):
            self.cause = "no system keyring is available"
            return None
        if any(n.startswith("keyrings.alt") for n in names):
            self.cause = "the only keyring found stores secrets as plain files (refused)"
            return None
        self._backend = backend
        return backend

    def _fail(self, exc: Exception) -> None:
        self._backend = None
        self.cause = f"the system keyring cannot be used ({exc.__class__.__name__})"
        log.warning("Keyring unavailable (%s); session-only secrets", exc.__class__.__name__)
        return None

    def get(self, key: str) -> str | None:
        backend = self._keyring()
        if backend is not None:
            try:
                value = backend.get_password(self.service, key)
            except Exception as exc:
                self._fail(exc)
            else:
                if value is not None:
                    return value
        return _session.get(key)

    def set(self, key: str, value: str) -> None:
        _session[key] = value
        backend = self._keyring()
        if backend is None:
            return
        try:
            backend.set_password(self.service, key, value)
        except Exception as exc:
            self._fail(exc)

    def delete(self, key: str) -> None:
        _session.pop(key, None)
        backend = self._keyring()
        if backend is None:
            return
        try:
            backend.delete_password(self.service, key)
        except Exception as exc:
            if exc.__class__.__name__ != "PasswordDeleteError":  # it was not there
                self._fail(exc)


def forget_session() -> None:
    """Drop in-memory secrets (tests; a real process forgets them when it quits)."""
    _session.clear()


def dek_key(vault_id: str) -> str:
    return f"dek:{vault_id}"


def remote_key(target_id: str) -> str:
    return f"remote:{target_id}"


def sign_key(device_id: str) -> str:
    """This device's Ed25519 signing key for its folder in a vault (base64 of 32 bytes)."""
    return f"sign:{device_id}"
