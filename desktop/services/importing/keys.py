"""Matching keys: what makes two emails, phones, profile links or names "the same".

Import matching and the duplicates finder must agree on sameness, or a re-import would
create the very duplicates the finder then reports; so both use these functions.

Phones are compared in E.164 (``+4930123456``). A number written nationally
("030 123456") can only be placed with a default region, so callers pass one (the
locale's country by default, see :func:`default_region`); a number that still cannot
be parsed is compared by its digits.
"""

from __future__ import annotations

import locale
import os
import re
import unicodedata
from functools import lru_cache

PHONE_REGION_ENV = "RAPPORT_PHONE_REGION"
_NON_DIGIT = re.compile(r"\D+")
# "+1 415-555.0132": digits and separators only. Not "+44 (0)20 …", whose "(0)" is a
# national trunk prefix that must not become part of the number.
_PLAIN_INTERNATIONAL = re.compile(r"^\+[\d \t.\-/]+$")
_PROFILE_HOSTS = (
    "linkedin.com",
    "twitter.com",
    "x.com",
    "github.com",
    "facebook.com",
    "instagram.com",
    "mastodon.social",
    "xing.com",
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ORG_NOISE = frozenset(
    {
        "inc", "llc", "ltd", "gmbh", "ag", "kg", "sa", "sas", "sarl", "bv", "nv", "plc",
        "co", "corp", "the", "srl", "spa", "oy", "ab", "pty", "limited", "incorporated",
        "corporation", "company",
    }
)  # fmt: skip


def default_region() -> str | None:
    """Two-letter region for national phone numbers: $RAPPORT_PHONE_REGION, else the locale."""
    chosen = os.environ.get(PHONE_REGION_ENV, "").strip().upper()
    if len(chosen) == 2 and chosen.isalpha():
        return chosen
    try:
        name = locale.getlocale()[0] or ""
    except (ValueError, TypeError):
        name = ""
    parts = re.split(r"[_-]", name)
    if len(parts) >= 2 and len(parts[1]) == 2 and parts[1].isalpha():
        return parts[1].upper()
    return None


def email_key(value: str) -> str:
    """Case-insensitive address without a ``mailto:`` prefix; "" when it is not an email."""
    text = value.strip().removeprefix("mailto:").removeprefix("MAILTO:").strip().lower()
    return text if "@" in text and " " not in text and len(text) <= 320 else ""


@lru_cache(maxsize=65536)
def normalise_phone(value: str, region: str | None) -> tuple[str, str]:
    """(display value, matching key) of a phone number.

    The display value is E.164 when the number parses and is possible, else the text as
    written; the key is E.164 or, failing that, the bare digits ("" when under 4 digits).
    """
    text = value.strip().removeprefix("tel:").strip()
    digits = _NON_DIGIT.sub("", text)
    if len(digits) < 4 or len(digits) > 20:
        return text, digits if len(digits) >= 4 else ""
    if text.startswith("+") and 8 <= len(digits) <= 15 and _PLAIN_INTERNATIONAL.match(text):
        return "+" + digits, "+" + digits  # already international: E.164 is its digits
    if text.startswith("+") and len(digits) >= 8 and not any(c.isalpha() for c in text):
        return _e164(text, digits, None, strict=False)
    return _e164(text, digits, region, strict=True)


def _e164(text: str, digits: str, region: str | None, *, strict: bool) -> tuple[str, str]:
    """E.164 of a number; a national one must be valid in ``region``, not merely possible,
    or a French "06 12 34 56 78" read with region US would become a wrong "+1…"."""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return text, digits
    check = phonenumbers.is_valid_number if strict else phonenumbers.is_possible_number
    if not check(number):
        return text, digits
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164, e164


def phone_key(value: str, region: str | None = None) -> str:
    """Matching key of a stored phone value (E.164 values take a fast path)."""
    text = value.strip()
    if text.startswith("+") and _PLAIN_INTERNATIONAL.match(text):
        digits = _NON_DIGIT.sub("", text)
        if 8 <= len(digits) <= 15:
            return "+" + digits
    return normalise_phone(text, region)[1]


def url_key(value: str) -> str:
    """Host-and-path key of a profile link (LinkedIn, GitHub, …); "" for other links.

    Only profile links identify a person: two people may share a company website.
    """
    text = value.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.removeprefix("www.").removeprefix("m.").split("?")[0].split("#")[0].rstrip("/")
    host = text.split("/", 1)[0]
    if not any(host == h or host.endswith("." + h) for h in _PROFILE_HOSTS):
        return ""
    if "/" not in text:
        return ""
    host = host.split(".")[-2] + "." + host.split(".")[-1] if host.count(".") > 1 else host
    return host + "/" + text.split("/", 1)[1]


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name (scripts without accents pass through)."""
    if text.isascii():  # most names and every email: nothing to decompose (an import's
        return text.lower()  # matching folds hundreds of thousands of them)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    return _WORD.findall(fold(name))


def name_key(name: str) -> str:
    """Word order-free key: "Ruiz, Ana" and "ana ruiz" give the same key."""
    return " ".join(sorted(name_tokens(name)))


def org_key(organization: str) -> str:
    """Organization without legal-form noise: "Acme Inc." and "ACME" give "acme"."""
    return " ".join(w for w in name_tokens(organization) if w not in _ORG_NOISE)


def contact_key(kind: str, value: str, region: str | None = None) -> str:
    """The matching key of any contact point ("" when that kind does not identify anyone)."""
    if kind == "email":
        key = email_key(value)
        return "email:" + key if key else ""
    if kind == "phone":
        key = phone_key(value, region)
        return "phone:" + key if key else ""
    if kind in ("url", "social"):
        key = url_key(value)
        return "url:" + key if key else ""
    return ""


def same_value_key(kind: str, value: str, region: str | None = None) -> str:
    """Key for "this person already has this contact point" (every kind, addresses too)."""
    key = contact_key(kind, value, region)
    if key:
        return key
    if kind == "address":  # "500 Market St\nSan Francisco, CA" = "500 Market St, San Francisco, CA"
        return "address:" + " ".join(name_tokens(value))
    return f"{kind}:" + " ".join(fold(value).split())
