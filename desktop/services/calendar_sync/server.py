"""Talking to the CalDAV server, read only: find the calendars, fetch a window of events.

Uses the ``caldav`` package (imported lazily: only people who set up a calendar pay for
it). Nothing here writes to the server: no PUT, no DELETE, no PROPPATCH — the only
requests are OPTIONS/GET on ``/.well-known/caldav``, PROPFIND and REPORT.

Discovery: a bare host ("cal.example.com" or "https://cal.example.com/") is first asked
for ``/.well-known/caldav`` (RFC 6764); a server that redirects tells where its DAV root
is, one that does not is used as given. From there the client finds the user's principal
and calendar home the standard way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from desktop.services.calendar_sync.errors import CalendarError, WrongPassword

log = logging.getLogger(__name__)
TIMEOUT = 30  # seconds per request


@dataclass(frozen=True)
class CalendarInfo:
    url: str
    name: str


@dataclass(frozen=True)
class Discovered:
    url: str  # where the client starts (after the well-known redirect)
    calendars: tuple[CalendarInfo, ...]
    addresses: tuple[str, ...]  # the principal's own mailto: addresses (clean)


def normalise_url(text: str) -> str:
    """A bare host becomes https://host/; a typed URL keeps its scheme and path."""
    text = text.strip()
    if not text:
        raise CalendarError("Type the calendar server's address (for example cal.example.com).")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CalendarError(f"{text!r} is not a web address (https://…).")
    return text if parts.path else text + "/"


def is_bare(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def is_plain_remote_http(url: str) -> bool:
    """http:// to another machine: the password would travel unencrypted."""
    parts = urlsplit(url)
    return parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1")


def _well_known(url: str, user: str, password: str) -> str:
    """Follow ``/.well-known/caldav`` on a bare host to the DAV root (or keep ``url``)."""
    import requests

    probe = urljoin(url, "/.well-known/caldav")
    try:
        answer = requests.request(
            "PROPFIND",
            probe,
            auth=(user, password),
            headers={"Depth": "0"},
            allow_redirects=False,
            timeout=TIMEOUT,
        )
    except requests.RequestException as exc:
        raise _unreachable(url, exc) from exc
    location = answer.headers.get("Location")
    if answer.status_code in (301, 302, 303, 307, 308) and location:
        return urljoin(probe, location)
    return url


def _unreachable(url: str, exc: BaseException) -> CalendarError:
    host = urlsplit(url).netloc or url
    return CalendarError(
        f"The calendar server at {host} cannot be reached ({exc.__class__.__name__}); "
        "check the address and the connection, then try again.",
        retry=True,
    )


def _translate(url: str, exc: BaseException) -> CalendarError:
    """The caldav package's and requests' errors as one clear line."""
    from caldav.lib import error as dav_error

    host = urlsplit(url).netloc or url
    if isinstance(exc, CalendarError):
        return exc
    if isinstance(exc, dav_error.AuthorizationError):
        return WrongPassword(host)
    text = str(exc)
    if isinstance(exc, dav_error.NotFoundError) or " 404" in text or "Not Found" in text:
        return CalendarError(
            f"{url} has no CalDAV calendars for this user; check the address (your "
            "provider's help names it, see docs/calendar.md)."
        )
    if isinstance(exc, dav_error.DAVError):
        return CalendarError(f"The calendar server at {host} answered with an error: {text}")
    return _unreachable(url, exc)


def client(url: str, user: str, password: str) -> Any:
    import caldav

    try:
        return caldav.DAVClient(
            url=url, username=user, password=password, timeout=TIMEOUT, enable_rfc6764=False
        )
    except TypeError:  # an older caldav without the RFC 6764 switch
        return caldav.DAVClient(url=url, username=user, password=password, timeout=TIMEOUT)


def discover(url: str, user: str, password: str) -> Discovered:
    """Check the account and list its calendars (raises CalendarError, clearly)."""
    from desktop.domain.meetings import clean_email

    url = normalise_url(url)
    start = _well_known(url, user, password) if is_bare(url) else url
    try:
        principal = client(start, user, password).principal()
        calendars = tuple(
            CalendarInfo(str(c.url), _name(c)) for c in principal.calendars() if _is_events(c)
        )
        try:
            raw = principal.calendar_user_address_set() or []
        except Exception:  # optional property: servers may not have it
            raw = []
    except Exception as exc:
        raise _translate(start, exc) from exc
    addresses = tuple(a for a in (clean_email(str(r)) for r in raw) if a)
    if not calendars:
        raise CalendarError(f"The account at {start} has no calendars with events.")
    return Discovered(start, calendars, addresses)


def _name(calendar: Any) -> str:
    try:
        name = calendar.get_display_name()
    except Exception:
        name = None
    return str(name or urlsplit(str(calendar.url)).path.rstrip("/").rsplit("/", 1)[-1])


def _is_events(calendar: Any) -> bool:
    """Leave out task-only and journal-only collections (VEVENT not among the components)."""
    try:
        components = calendar.get_supported_components()
    except Exception:
        return True
    return not components or "VEVENT" in components


def fetch(
    url: str, user: str, password: str, calendar_urls: list[str], start: datetime, end: datetime
) -> list[tuple[str, str]]:
    """(calendar URL, iCalendar text) of every event object with an occurrence in the
    window (recurring ones whole: they are expanded on this side)."""
    try:
        dav = client(url, user, password)
        found: list[tuple[str, str]] = []
        for calendar_url in calendar_urls:
            calendar = dav.calendar(url=calendar_url)
            # local wall-clock times made explicit: the server compares in UTC
            found_here = calendar.search(
                start=start.astimezone(), end=end.astimezone(), event=True, expand=False
            )
            for item in found_here:
                data = item.data
                found.append((calendar_url, data if isinstance(data, str) else data.decode()))
    except Exception as exc:
        raise _translate(url, exc) from exc
    log.info("Calendar: %d event(s) read from %d calendar(s)", len(found), len(calendar_urls))
    return found
