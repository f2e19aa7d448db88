"""Which CSV column feeds which Rapport field: proposals from headers, and ``--map`` rules.

Known exports (LinkedIn, Google Contacts, Outlook — English headers and the common
German, French and Spanish ones) are recognised by their headers; any other CSV gets a
proposal from the same alias table, falling back to a fuzzy match of the header, that
the user confirms or corrects (File ▸ Import… shows it; the CLI takes
``--map "Column=field,…"``). Targets are listed in :data:`TARGET_FIELDS`; contact
targets take a label after a colon: ``email:work``, ``phone:mobile``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: What a column can be mapped to (``ignore`` drops it).
TARGET_FIELDS = (
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "name_prefix",
    "name_suffix",
    "nickname",
    "pronouns",
    "organization",
    "department",
    "headline",
    "email",
    "phone",
    "url",
    "social",
    "address",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "birthday",
    "birth_year",
    "birth_month",
    "birth_day",
    "anniversary",
    "date",
    "notes",
    "tags",
    "how_we_met",
    "connected_on",
    "location",
    "interests",
    "family",
    "circle",
    "ignore",
)
LABELLED_TARGETS = frozenset({"email", "phone", "url", "social", "address", "family", "date"})
ADDRESS_PARTS = ("street", "city", "region", "postal_code", "country")


@dataclass(slots=True)
class ColumnRule:
    """Column ``index`` (named ``header``) feeds ``target``; a label, fixed or from a column."""

    index: int
    header: str
    target: str
    label: str = ""
    label_index: int | None = None  # Google's "E-mail 1 - Label" column for its value
    group: str = ""  # address parts that form one address ("home", "2", …)

    @property
    def spec(self) -> str:
        return f"{self.target}:{self.label}" if self.label else self.target


def normalise_header(header: str) -> str:
    text = header.strip().strip('"').casefold().replace("\ufeff", "")
    text = re.sub(r"e[\s-]?mail", "email", text)
    text = re.sub(r"[-_./:()]+", " ", text)
    return " ".join(text.split())


_PLAIN: dict[str, tuple[str, str]] = {}


def _alias(target: str, label: str, *headers: str) -> None:
    for header in headers:
        _PLAIN[normalise_header(header)] = (target, label)


_alias("full_name", "", "name", "full name", "fullname", "display name", "contact name")
_alias("full_name", "", "nom complet", "vollständiger name", "nombre completo")
_alias("first_name", "", "first name", "given name", "firstname", "vorname", "prénom")
_alias("first_name", "", "prenom", "nombre")
_alias("middle_name", "", "middle name", "additional name", "second name", "weitere vornamen")
_alias("last_name", "", "last name", "family name", "surname", "lastname", "nachname", "nom")
_alias("last_name", "", "apellido", "apellidos")
_alias("name_prefix", "", "name prefix", "prefix", "anrede")
_alias("name_suffix", "", "name suffix", "suffix", "namenszusatz")
_alias("nickname", "", "nickname", "nick name", "spitzname", "surnom")
_alias("pronouns", "", "pronouns")
_alias("organization", "", "company", "organization", "organisation", "organization name")
_alias("organization", "", "employer", "firma", "unternehmen", "société", "entreprise", "empresa")
_alias("headline", "", "position", "job title", "jobtitle", "organization title", "role")
_alias("headline", "", "headline", "title", "beruf", "position", "poste", "cargo", "fonction")
_alias("department", "", "department", "organization department", "abteilung", "service")
_alias("email", "", "email", "email address", "emails", "mail", "email adresse", "courriel")
_alias("email", "", "email 2 address", "email 3 address", "email adresse 2", "email adresse 3")
_alias("email", "", "correo electrónico", "adresse email")
# Thunderbird, Roundcube, Proton, Fastmail and other address books.
_alias("email", "", "primary email", "secondary email", "contact email", "email 1", "email 2")
_alias("email", "", "email address 1", "email address 2", "personal email", "e mail adresse")
_alias("email", "", "courriel principal", "adresse électronique", "adresse e mail")
_alias("email", "", "correo", "correo electronico", "dirección de correo electrónico")
_alias("email", "home", "email home", "home email", "email (home)", "private email")
_alias("email", "work", "email work", "work email", "business email", "email (work)")
_alias("email", "work", "email geschäftlich", "e mail geschäftlich")
_alias("email", "home", "email privat", "e mail privat")
_alias("email", "other", "email other", "other email", "email (other)")
_alias("phone", "work", "work phone number", "office phone", "phone work", "phone (work)")
_alias("phone", "home", "home phone number", "phone home", "phone (home)")
_alias("phone", "mobile", "mobile number", "home mobile", "phone mobile", "phone (mobile)")
_alias("phone", "mobile", "portable", "téléphone portable", "celular", "teléfono móvil")
_alias("phone", "fax", "fax number", "work fax")
_alias("phone", "pager", "pager number")
_alias("phone", "", "téléphone fixe", "teléfono fijo", "telefonnummer", "numéro de téléphone")
_alias("social", "", "screen name")
_alias("url", "", "web page 1", "web page 2", "web address", "site", "sitio web")
_alias("organization", "", "business", "company name", "organisation name", "societe")
_alias("organization", "", "compañía", "firma name")
_alias("headline", "", "job", "occupation", "puesto")
_alias("birth_year", "", "birth year", "birthyear", "year of birth", "geburtsjahr")
_alias("birth_month", "", "birth month", "birthmonth", "month of birth", "geburtsmonat")
_alias("birth_day", "", "birth day", "birthday day", "day of birth", "geburtstag tag")
_alias("birthday", "", "date de naissance", "fecha de nacimiento", "geburtsdatum")
_alias("birthday", "", "birthdate", "bday", "nacimiento", "naissance")
_alias("anniversary", "", "anniversary", "jahrestag", "hochzeitstag", "aniversario")
_alias("notes", "", "additional info", "additional information", "memo", "comment")
_alias("phone", "", "phone", "phone number", "telephone", "telefon", "téléphone", "teléfono")
_alias("phone", "", "primary phone", "other phone", "telefon (andere)")
_alias("phone", "mobile", "mobile", "mobile phone", "cell", "cell phone", "mobiltelefon")
_alias("phone", "mobile", "handy", "portable", "téléphone mobile", "móvil", "mobile number")
_alias("phone", "mobile", "cell number", "mobile phone number")
_alias("phone", "home", "home phone", "home phone 2", "telefon privat", "telefon (privat)")
_alias("phone", "work", "business phone", "business phone 2", "work phone", "company main phone")
_alias("phone", "work", "telefon geschäftlich", "telefon (geschäftlich)", "téléphone bureau")
_alias("phone", "fax", "business fax", "home fax", "other fax", "fax", "fax geschäftlich")
_alias("phone", "pager", "pager")
_alias("phone", "car", "car phone")
_alias("url", "", "url", "website", "web site", "web page", "webpage", "homepage", "webseite")
_alias("url", "", "personal web page", "site web")
_alias("social", "linkedin", "linkedin", "linkedin url", "linkedin profile")
_alias("social", "twitter", "twitter", "x twitter")
_alias("social", "github", "github")
_alias("social", "skype", "skype")
_alias("social", "", "im address", "imaddress")
_alias("address", "", "address", "adresse", "dirección")
_alias("address", "home", "home address")
_alias("address", "work", "work address", "business address")
_alias("birthday", "", "birthday", "birth date", "date of birth", "dob", "geburtstag")
_alias("birthday", "", "anniversaire", "cumpleaños")
_alias("notes", "", "notes", "note", "comments", "description", "notizen", "bemerkungen")
_alias("notes", "", "about", "remarques", "notas")
_alias("tags", "", "tags", "labels", "categories", "group membership", "groups", "kategorien")
_alias("tags", "", "catégories", "categorías")
_alias("how_we_met", "", "how we met", "how we know each other", "met at")
_alias("connected_on", "", "connected on")
_alias("location", "", "location", "standort")
_alias("interests", "", "hobby", "hobbies", "interests")
_alias("family", "spouse", "spouse", "partner", "ehepartner")
_alias("family", "children", "children", "kinder")
_alias("circle", "", "circle")
_alias("street", "", "street", "street address", "straße", "strasse", "rue", "calle")
_alias("city", "", "city", "town", "ort", "stadt", "ville", "ciudad")
_alias("region", "", "state", "region", "province", "county", "bundesland")
_alias("postal_code", "", "zip", "zip code", "postal code", "postcode", "plz", "code postal")
_alias("country", "", "country", "country region", "land", "pays", "país")

# Outlook: "Business Street", "Home City", "Other Country/Region", "Business Street 2" …
_OUTLOOK_ADDRESS = re.compile(
    r"^(business|home|other|work) (street|street 2|street 3|city|state|postal code|country region"
    r"|po box|address|address 2|zip|zipcode|zip code|country|region|province)$"
)
_OUTLOOK_PART = {
    "street": "street",
    "street 2": "street",
    "street 3": "street",
    "po box": "street",
    "city": "city",
    "state": "region",
    "postal code": "postal_code",
    "country region": "country",
    "address": "street",
    "address 2": "street",
    "zip": "postal_code",
    "zipcode": "postal_code",
    "zip code": "postal_code",
    "country": "country",
    "region": "region",
    "province": "region",
}
# Google: "E-mail 1 - Value", "Phone 2 - Label", "Address 1 - City", "Organization 1 - Name" …
_GOOGLE = re.compile(
    r"^(email|phone|address|website|im|relation|organization) (\d+) "
    r"(value|label|type|formatted|street|city|po box|region|postal code|country"
    r"|extended address|name|title|department|service|protocol)$"
)
_GOOGLE_KIND = {
    "email": "email",
    "phone": "phone",
    "website": "url",
    "im": "social",
    "relation": "family",
}
_GOOGLE_ADDRESS_PART = {
    "street": "street",
    "po box": "street",
    "extended address": "street",
    "city": "city",
    "region": "region",
    "postal code": "postal_code",
    "country": "country",
}
# Our own CSV export: "Email 1", "Email 1 Label", "Phone 2", "Address 1 Label" …
_NUMBERED = re.compile(r"^(email|phone|website|social|address|date) (\d+)( label)?$")
_NUMBERED_KIND = {
    "email": "email",
    "phone": "phone",
    "website": "url",
    "social": "social",
    "address": "address",
    "date": "date",
}


def _label_lookup(headers: list[str]) -> dict[str, int]:
    return {normalise_header(h): i for i, h in enumerate(headers)}


def _rule_for(index: int, header: str, norm: str, lookup: dict[str, int]) -> ColumnRule | None:
    match = _GOOGLE.match(norm)
    if match:
        kind, number, part = match.groups()
        if kind == "organization":
            target = {"name": "organization", "title": "headline", "department": "department"}
            return ColumnRule(index, header, target[part]) if part in target else None
        if kind == "address":
            if part == "formatted":
                label_index = lookup.get(
                    f"address {number} label", lookup.get(f"address {number} type")
                )
                return ColumnRule(index, header, "address", "", label_index, group=f"g{number}")
            if part in _GOOGLE_ADDRESS_PART:
                label_index = lookup.get(
                    f"address {number} label", lookup.get(f"address {number} type")
                )
                return ColumnRule(
                    index, header, _GOOGLE_ADDRESS_PART[part], "", label_index, f"g{number}"
                )
            return None
        if part != "value" or kind not in _GOOGLE_KIND:
            return None
        label_index = lookup.get(f"{kind} {number} label", lookup.get(f"{kind} {number} type"))
        if kind == "im":
            label_index = lookup.get(f"im {number} service", lookup.get(f"im {number} protocol"))
        return ColumnRule(index, header, _GOOGLE_KIND[kind], "", label_index)
    match = _NUMBERED.match(norm)
    if match:
        kind, number, is_label = match.groups()
        if is_label:
            return None
        return ColumnRule(
            index, header, _NUMBERED_KIND[kind], "", lookup.get(f"{kind} {number} label")
        )
    match = _OUTLOOK_ADDRESS.match(norm)
    if match:
        where, part = match.groups()
        label = {"business": "work", "work": "work", "home": "home", "other": "other"}[where]
        where = "business" if where == "work" else where
        return ColumnRule(index, header, _OUTLOOK_PART[part], label, group=where)
    if norm in _PLAIN:
        target, label = _PLAIN[norm]
        return ColumnRule(index, header, target, label)
    match = _KIND_AND_LABEL.match(norm) or _LABEL_AND_KIND.match(norm)
    if match:
        kind, label = match.group("kind"), _LABEL_WORDS.get(match.group("label"), "")
        target = "email" if kind in ("email", "mail", "courriel", "correo") else "phone"
        if kind in ("mobile", "cell", "handy", "móvil", "portable"):
            label = label or "mobile"
        return ColumnRule(index, header, target, label)
    return None


# Apple/Proton/Fastmail-style "Email (home)", "Phone - iPhone", "Work email", "Mobil privat"…
_KINDS = r"email|mail|courriel|correo|phone|telephone|telefon|téléphone|teléfono|tel|mobile|cell"
_LABELS = (
    r"home|work|business|office|private|personal|privat|geschäftlich|mobile|cell|iphone"
    r"|main|other|andere|domicile|travail|bureau|casa|trabajo|oficina|maison|\d"
)
_KIND_AND_LABEL = re.compile(rf"^(?P<kind>{_KINDS}) (?P<label>{_LABELS})$")
_LABEL_AND_KIND = re.compile(rf"^(?P<label>{_LABELS}) (?P<kind>{_KINDS})$")
_LABEL_WORDS = {
    "home": "home",
    "private": "home",
    "personal": "home",
    "privat": "home",
    "domicile": "home",
    "maison": "home",
    "casa": "home",
    "work": "work",
    "business": "work",
    "office": "work",
    "geschäftlich": "work",
    "travail": "work",
    "bureau": "work",
    "trabajo": "work",
    "oficina": "work",
    "mobile": "mobile",
    "cell": "mobile",
    "iphone": "mobile",
    "main": "main",
    "other": "other",
    "andere": "other",
}


def _fuzzy_rule(index: int, header: str, norm: str) -> ColumnRule | None:
    """A near-miss header ("E-mail adress", "Firstname ") matched by rapidfuzz (≥ 88)."""
    if len(norm) < 4:
        return None
    from rapidfuzz import fuzz, process

    best = process.extractOne(norm, list(_PLAIN), scorer=fuzz.ratio, score_cutoff=88)
    if best is None:
        return None
    target, label = _PLAIN[best[0]]
    return ColumnRule(index, header, target, label)


def propose_rules(headers: list[str]) -> list[ColumnRule]:
    """A rule for every column the alias table (or a close fuzzy match) recognises."""
    lookup = _label_lookup(headers)
    norms = [normalise_header(h) for h in headers]
    outlook_title = "job title" in norms  # Outlook's "Title" is Mr/Ms, its job is "Job Title"
    rules: list[ColumnRule] = []
    for index, (header, norm) in enumerate(zip(headers, norms, strict=True)):
        if not norm:
            continue
        if norm == "title" and outlook_title:
            rules.append(ColumnRule(index, header, "name_prefix"))
            continue
        rule = _rule_for(index, header, norm, lookup) or _fuzzy_rule(index, header, norm)
        if rule is not None:
            rules.append(rule)
    return rules


def propose_mapping(headers: list[str]) -> dict[str, str]:
    """Header → target spec ("email:work"; "ignore" for columns nothing matched)."""
    rules = {rule.index: rule for rule in propose_rules(headers)}
    return {
        header: rules[i].spec if i in rules else "ignore"
        for i, header in enumerate(headers)
        if header.strip()
    }


def parse_mapping(text: str) -> dict[str, str]:
    """``"Column=field,Other=email:work"`` → {column: spec}; raises ValueError on bad specs.

    A column name containing a comma or ``=`` can be quoted: ``"Name, full"=full_name``.
    """
    import csv

    mapping: dict[str, str] = {}
    for item in next(csv.reader([text], skipinitialspace=True), []):
        if not item.strip():
            continue
        column, equals, spec = item.rpartition("=")
        if not equals or not column.strip():
            raise ValueError(f"--map entry {item!r} is not COLUMN=FIELD")
        check_spec(spec.strip())
        mapping[column.strip()] = spec.strip()
    return mapping


def check_spec(spec: str) -> tuple[str, str]:
    """(target, label) of a spec; ValueError naming the valid fields when it is unknown."""
    target, _, label = spec.partition(":")
    target = target.strip().lower()
    if target not in TARGET_FIELDS:
        raise ValueError(f"unknown field {target!r}; choose from: {', '.join(TARGET_FIELDS)}")
    if label and target not in LABELLED_TARGETS:
        raise ValueError(f"field {target!r} takes no label (only {sorted(LABELLED_TARGETS)})")
    return target, label.strip().lower()[:60]


def apply_overrides(
    headers: list[str], rules: list[ColumnRule], overrides: dict[str, str]
) -> list[ColumnRule]:
    """Replace proposals with the user's ``{column: spec}``; ValueError for unknown columns."""
    by_name = {h.strip().casefold(): i for i, h in enumerate(headers)}
    chosen = {rule.index: rule for rule in rules}
    for column, spec in overrides.items():
        index = by_name.get(column.strip().casefold())
        if index is None:
            shown = ", ".join(h for h in headers if h.strip())
            raise ValueError(f"the file has no column named {column!r} (columns: {shown})")
        target, label = check_spec(spec)
        if target == "ignore":
            chosen.pop(index, None)
        else:
            chosen[index] = ColumnRule(index, headers[index], target, label)
    return [chosen[i] for i in sorted(chosen)]


# -- columns recognised by what they hold, whatever their header says --------------------
_EMAIL_VALUE = re.compile(r"^(mailto:)?[^@\s,;]+@[^@\s,;]+$", re.IGNORECASE)
_PHONE_VALUE = re.compile(r"^\+?[\d\s().\-/]{6,24}$")
_NAME_VALUE = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:[ '’.\-][^\W\d_][^\W\d_'’.\-]*){1,3}$")
VALUE_SHARE = 0.6  # of a column's non-empty cells that must look alike


def value_kind(values: list[str]) -> str:
    """``email``, ``phone``, ``birthday``, ``full_name`` or "" for a column's sample cells."""
    from desktop.services.importing.text import parse_date

    cells = [v.strip() for v in values if v and v.strip()]
    if not cells:
        return ""
    need = max(1, int(len(cells) * VALUE_SHARE + 0.999))
    checks = (
        ("email", lambda v: bool(_EMAIL_VALUE.match(v))),
        ("birthday", lambda v: parse_date(v) is not None),  # before phone: 1985-04-12
        ("phone", lambda v: bool(_PHONE_VALUE.match(v)) and sum(c.isdigit() for c in v) >= 6),
        ("full_name", lambda v: bool(_NAME_VALUE.match(v)) and v[:1].isupper()),
    )
    for kind, check in checks:
        if sum(1 for v in cells if check(v)) >= need:
            return kind
    return ""


def propose_by_values(
    headers: list[str], sample: list[list[str]], rules: list[ColumnRule]
) -> list[ColumnRule]:
    """Rules for columns no header rule took whose values look like emails, phones or dates.

    A name is only guessed for a file without a header row (``Column 1`` …), and only when
    no other column gives one: a header we do not know may well be a city or a company.
    """
    taken = {rule.index for rule in rules} | {
        r.label_index for r in rules if r.label_index is not None
    }
    have = {rule.target for rule in rules}
    headerless = all(re.fullmatch(r"Column \d+", h) for h in headers)
    out: list[ColumnRule] = []
    for index, header in enumerate(headers):
        if index in taken:
            continue
        kind = value_kind([row[index] for row in sample if index < len(row)])
        if kind == "full_name":
            if not headerless or have & {"full_name", "first_name", "last_name"}:
                continue
            have.add("full_name")
        if kind:
            out.append(ColumnRule(index, header, kind))
    return out
