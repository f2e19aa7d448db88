"""Finding a person's name in running text: capitalised or typed in lower case, with
particles ("van den"), titles, hyphens and apostrophes, but not a weekday, a role or a
sentence's first word that only looks like a name."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.capture.lexicon import (
    _A,
    _ACTION_VERB,
    _NAME_WORD,
    _NOT_NAME,
    _PARTICLES,
    _PLACE_STOP,
    _ROLE_WORDS,
    _TITLES,
    _WEEKDAY_OR_MONTH,
    HONORIFIC_SUFFIX_RE,
    HONORIFICS_AFTER,
    HONORIFICS_BEFORE,
    _words,
)
from desktop.domain.capture.text import _clean_name, _is_caseless

_HONORIFIC_WORDS_AFTER = re.compile(
    rf"\s+(?:{HONORIFICS_AFTER}|팀장님?|부장님?|과장님?|님|씨"
    r"|대표님?|사장님?|이사님?|교수님?"
    r"|さん|様|先生)\s*\Z",
    re.I,
)
_HONORIFIC_WORDS_BEFORE = re.compile(
    r"\A\s*(?:pan|pani|lic\.?|licenciad[oa]|ing\.|eng\.|engr\.|mama|baba|ustaz|ustadh|hajj?i?"
    r"|mzee|bi\.|bw\.|bwana|dott\.(?:ssa)?|dr\.?\s+hab\.|mag\.|alhaja|alhaji"
    r"|don|do[ñn]a|se[ñn]ora?|si)\s+(?=\S+\s+\S)"
    r"|\A\s*(?:cousin|auntie|aunty|aunt|uncle|nana|nan|grandma|grandpa)\s+(?=\S)"
    # Hausa, Indonesian, Afrikaans, Singaporean and Nigerian titles ("Hajiya Aisha
    # Abdullahi", "Pak Budi", "Oom Koos Botha", "Mdm Siti", "Barr. Ngozi Eze")
    r"|\A\s*(?:hajiya|malam|mallam|pak|bapak|bu|ibu|oom|tannie|mdm|barr\.?)\s+(?=\S)"
    # Vietnamese "chị Linh", "chú Hùng" (not "anh": "Anh Nguyen" is a name)
    r"|\A\s*(?:ch\u1ecb|ch\u00fa|b\u00e1c)\s+(?=\S)"
    rf"|\A\s*(?:(?:{HONORIFICS_BEFORE})\.?\s+)+(?=\S)",
    re.I,
)


_TRUE_SUFFIX = re.compile(  # what a name's suffix really is ("Jr.", "III", "PhD")
    r"(?i:jr|sr|jnr|snr|ii|iii|iv|v|phd|md|esq|mba|obe|mbe|cbe|qc|kc|dds|rn|cpa)"
    r"(?:[.,\s]+(?i:jr|sr|ii|iii|iv|phd|md|esq|mba|obe|mbe|cbe|qc|kc))*"
)


@functools.lru_cache(maxsize=1024)
def tidy_name(raw: str) -> str:
    """A name as it would be saved: no title, no quoted nickname, capitalised when typed
    in lower case ("prof. chidi okeke" -> "Chidi Okeke"); particles stay as written."""
    from nameparser import HumanName  # lazy: not needed before the first paint

    clean = _clean_name(
        re.sub(r"[\"\u201c\u201d\u201e][^\"\u201c\u201d\u201e]*[\"\u201c\u201d]", " ", raw)
    )
    clean = _clean_name(re.sub(r"(?<!\w)['\u2018][^'\u2018\u2019\s]+['\u2019](?!\w)", " ", clean))
    clean = HONORIFIC_SUFFIX_RE.sub("", clean)  # "Tanaka Yumi-san" is saved "Tanaka Yumi"
    # "dr. yusuf karimi's new": the contraction ("is") or possessive is no part of the name
    clean = re.sub(r"(?<=\w)['\u2019]s\Z", "", clean)
    # letters after the name that nameparser does not know ("Harriet Lyle-Fenwick KC")
    clean = re.sub(r"(?<=\w)[,\s]+(?-i:KC|QC|OBE|MBE|CBE|FRCS|FRS|MP|MSP|MEP)\.?\Z", "", clean)
    # "Mehmet Yılmaz Bey", "Kim Min-jun 팀장", "Pan Krzysztof …", "Mama Neema …", "Lic. Ana …":
    # honorifics of other languages, before or after the name
    clean = _HONORIFIC_WORDS_AFTER.sub("", clean)
    clean = _HONORIFIC_WORDS_BEFORE.sub("", clean)
    # "met Carlos uh Carlos Mendoza Ríos": a first name said again (the filler blanked)
    clean = re.sub(
        r"\A(\S+)\s+(?=(\S+)\s+\S)",
        lambda m: "" if m[1].casefold() == m[2].casefold() else m[0],
        clean,
    )
    name = HumanName(clean)
    lowered = clean == clean.lower()
    if lowered:
        name.capitalize(force=True)
    words = [w for w in (name.first, name.middle, name.last) if w]
    if name.suffix and not _TRUE_SUFFIX.fullmatch(name.suffix.strip().rstrip(".")):
        words.append(name.suffix)  # older nameparser reads "Le Thi Mai" with "Mai" a suffix
    out = " ".join(" ".join(words).split()) or clean
    if lowered:
        out = _particle_runs_lowered(out)
        # "o'neill" -> "O'Neill", "d'souza" -> "D'Souza" (nameparser leaves "O'neill")
        out = re.sub(r"\b([OD])(['\u2019])([a-z])", lambda m: m[1] + m[2] + m[3].upper(), out)
        # nameparser makes every "mac…" a Mac name; "machado", "macarena", "macca" are not
        out = re.sub(r"\bMac([AH][a-z]*|[A-Z][a-z]?)\b", lambda m: "Mac" + m[1].lower(), out)
    if not lowered:  # keep the writer's own spelling of each word
        kept = {w.casefold(): w for w in clean.split()}
        out = " ".join(kept.get(w.casefold(), w) for w in out.split())
    return out


def _particle_runs_lowered(name: str) -> str:
    """A particle right after a lower-case particle stays lower case ("de los Santos").

    nameparser 2.x does this itself; 1.4, the newest release for Python 3.10, capitalises
    the second particle of a run ("de Los Santos"), so the same note would save a
    different name on the oldest Python the README promises."""
    out: list[str] = []
    for word in name.split():
        after_particle = bool(out) and out[-1] in _PARTICLES
        out.append(word.lower() if after_particle and word.casefold() in _PARTICLES else word)
    return " ".join(out)


def initial_fits(first: str, letter: str, names: Iterable[str]) -> list[str]:
    """The full names among ``names`` that a first name and an initial may stand for
    ("mike", "t": Mike Tsai, not Mike Brennan); ``first`` and ``letter`` folded. The
    reader asks it of people met and contacts, the who-scorer of contacts."""
    return [
        n
        for n in names
        if " " in n and (words := n.casefold().split())[0] == first and words[-1].startswith(letter)
    ]


@functools.lru_cache(maxsize=8)
def _index(names: tuple[str, ...]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The user's contacts by full and by first name, built once per contact list."""
    by_full: dict[str, str] = {}
    by_first: dict[str, list[str]] = {}
    for name in names:
        key = " ".join(name.casefold().split())
        if key and key not in by_full:
            by_full[key] = name
            by_first.setdefault(key.split()[0], []).append(name)
    return by_full, {k: tuple(v) for k, v in by_first.items()}


def _typed_lower(text: str, s: int, e: int) -> bool:
    """Whether the writer skips capitals up to ``e`` (an "I", "I'm", "I'll" aside), so that
    lower-case words after a bare "with" may be names ("caught the train w/ siobhan")."""
    body = re.sub(
        r"(?<![\w'\u2019])I(?=(?:['\u2019](?:m|ll|d|ve))?(?![\w'\u2019]))", "i", text[s:e]
    )
    return not any(ch.isupper() for ch in body)


_KIN = frozenset(_words("wife husband kids family boss mum mom dad parents folks team board new"))
_DETERMINERS = frozenset(_words("the a an my our his her their your old new this"))
_PLURAL_COMPANIONS = frozenset(_words("friends colleagues teammates cousins kids sons daughters"))
_COUNTS = frozenset(_words("two three four five six"))
_DEGREE = re.compile(r"(?:PhD|MSc|MBA|BSc|MA|MD|[A-Z]{2,5}s)[ \t,]")  # "PhD", "NEDs", "CTOs"
_DESCRIPTOR_WORD = re.compile(  # "his two former PhD students": degrees written with capitals
    r"([a-z][\w'\-]*|(?i:the|an?|my|our|his|her|their)|PhD|MSc|MBA|BSc|MA|MD)[ \t]+"
)


def _skip_descriptor(text: str, pos: int, hi: int) -> tuple[int, bool]:
    """Past a description before a name: "old uni mate Callum Fraser", "my new report
    Tomasz", "foreman Gary Doyle", or an apposition "the owner, eleanor vance" (then
    True: the name after the comma may be typed in lower case). ``pos`` itself when
    nothing describes: "the Acme team" is not a person called Acme."""
    i = pos
    words: list[str] = []
    while len(words) < 5:
        m = _DESCRIPTOR_WORD.match(text, i, hi)
        comma = re.compile(
            r"([a-z][\w'\-]*|(?<=the )[A-Z]{2,6}|(?<=[a-z] )[A-Z]{2,5}s),[ \t]*"  # "new NEDs,"
        ).match(text, i, hi)
        if (
            comma
            and ((words and words[0] in _DETERMINERS) or comma.group(1).casefold() in _ROLE_WORDS)
            and comma.group(1) not in _NOT_NAME
        ):
            return comma.end(), True
        if m is None:
            break
        word = m.group(1).casefold()
        if (
            (word in _PLACE_STOP and not (word == "this" and not words))  # "this guy Rui"
            or word in ("and", "or", "&")
            or (
                word in _NOT_NAME
                and word not in _DETERMINERS
                and word not in _KIN
                and word not in _PLURAL_COMPANIONS  # "their friends Sophie Laurent and …"
                and word not in _COUNTS  # "his two former PhD students, Erik Lind and …"
            )
        ):
            break
        if word in _DETERMINERS and words and word not in ("old", "new"):
            break
        words.append(word)
        i = m.end()
        if (
            text[i : i + 1].isupper()
            and not (len(words) == 1 and words[0] in _DETERMINERS)
            and not _DEGREE.match(text, i, hi)
        ):
            return i, False
    return pos, False


def _is_cap(word: str) -> bool:
    """A word that can start or continue a name: capitalised, or of a script without
    capitals (Arabic, CJK...), and not a common word ("She", "Today")."""
    if not word:
        return False
    first = word[0]
    if first.islower() or not (first.isupper() or _is_caseless(first)):
        return False
    return word.casefold() not in _NOT_NAME


@dataclass
class _Token:
    text: str
    start: int
    end: int


# one capitalised name and no second after it: "R. Banerjee", "M. Okafor" (but "M. Karim
# Benali" is Monsieur Benali)
ONE_NAME_ONLY = re.compile(rf"(?-i:[A-Z]){_NAME_WORD}(?![\w'\-])(?![ \t]+(?-i:[A-Z]))")
_ROLE_BEFORE_COMMA = frozenset(
    ("client", "customer", "supplier", "vendor", "contractor", "landlord", "tenant", "patient")
)
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_TOKEN_RE = re.compile(
    # joined initials: "T.J. Barnes", "A.K. Singh", "T.J. to confirm" (not "M.S. also said")
    r"(?!H\.E\.)(?:[A-Z]\.){2,4}(?=[ \t]+(?:[A-Z][a-z]|to\s|will\s|said\s|owes\s))|"
    rf"{_NAME_WORD}\.?|[\"\u201c\u201e][^\"\u201c\u201d\n]{{1,20}}[\"\u201d\u201c]"
    r"|(?<=\s)['\u2018][^'\u2018\u2019\s]{1,20}['\u2019](?=\s)"  # Olusegun 'Segun' Bakare
)


# common words that are also surnames, taken when capitalised after a first name
_SURNAME_WORDS = frozenset(["said", "will", "long", "young", "white", "may", "king", "an"])
_CONTRACTION_RE = re.compile(rf"{_A}(?:s|ll|d|re|ve|m)$")
_APOS_RE = re.compile(_A)
_HSPACE_RE = re.compile(r"[ \t]+")


# words typed in lower case that are verbs, not a family name: "sam wants …", "lou sings"
_VERB_WORDS = (
    r"is|was|are|were|did|does|do|can|will|gonna|said|says|wants?|needs?|asked"
    r"|told|runs|works|has|had|have|looks|seems|knows|owes|offered|promised|sent|sends|gave"
    r"|came|went|got|say|think|thinks|reckons|loves|likes"
    r"|sings|plays|teaches|lives|makes|writes|brings|drives|cooks|leads|manages|coaches"
    r"|organi[sz]es|helps|speaks|studies|dances|paints|rows|swims|volunteers"
    r"|brought|bought|caught|taught|took|made|met|ran|sat|saw|left|paid|lent|knew|kept"
)
_VERBISH = re.compile(r"[a-z]+ing|" + _VERB_WORDS)
_VERB_WORD = re.compile(_VERB_WORDS)  # without "-ing": "chen jing", "ella king" are names
# what follows a to-do's verb, not a family name: "send her …", "email the deck"
_ACTION_OBJECT = re.compile(r"[ \t]*(?:her|him|them|me|us|the|a|an|my|our|it|over)\b", re.I)


# a code, an amount or a quarter written after a first name: "Q4", "R200", "FY26", "A4"
_CODE_WORD = re.compile(r"[A-Z]{1,4}\d[\dA-Za-z]*")
_ELIDED_PARTICLE = re.compile(r"[dl]['\u2019](?-i:[A-Z\u00c0-\u00de])[^\W\d_]")


def _scan_name(text: str, pos: int, hi: int, *, lower_ok: bool) -> tuple[int, int] | None:
    """A name starting at ``pos`` (titles skipped): capitalised words with particles and a
    quoted nickname inside; with ``lower_ok`` (right after a meeting phrase) up to three
    lower-case words that are not function words."""
    m = _TITLES.match(text, pos, hi)
    if m and text[m.start() : m.start() + 2] == "M.":
        gap = _HSPACE_RE.match(text, pos + 2, hi)
        if gap and ONE_NAME_ONLY.match(text, gap.end(), hi):
            m = None  # "M. Okafor": an initial, kept; "M. Karim Benali" is Monsieur Benali
    if m and text[m.end() : m.end() + 1].strip():
        pos = m.end()
    start = end = -1
    words = 0
    i = pos
    lower_run = False
    while words < 5:
        m = _TOKEN_RE.match(text, i, hi)
        if m is None:
            break
        word = m.group()
        if word[0] in "\"\u201c\u201e'\u2018":
            if start < 0:
                break
            i = m.end()
        else:
            base = word.rstrip(".")
            # "Marguerite d'Anjou-Lévesque": an elided particle, then the surname
            elided = start >= 0 and _ELIDED_PARTICLE.match(base) is not None
            if _CONTRACTION_RE.search(word) and not elided:
                base = _APOS_RE.split(base, maxsplit=1)[0]
            folded = base.casefold()
            closes = base != word.rstrip(".")
            will_name = (  # "Will Smith will send ...": Will is a name before a surname
                start < 0  # (and "Can Şahin", Turkish)
                and folded in ("will", "can")
                and base[0].isupper()
                and re.match(r"[ \t]+[A-Z][a-z]", text[m.end() : m.end() + 3]) is not None
            )
            surname = start >= 0 and base[0].isupper() and folded in _SURNAME_WORDS  # "Omar Said"
            if (
                (_is_cap(base) or will_name or surname or elided)
                and not (len(base) > 3 and base.isupper())
                and not _CODE_WORD.fullmatch(base)  # "send Jonas Q4 numbers": no "Q4"
            ):
                if lower_run:
                    if words > 2 or not _is_cap(base):
                        break
                    start, words, lower_run = -1, 0, False  # "old friend Theo Blake"
                start = m.start() if start < 0 else start
                end = m.start() + len(base)
                if (len(base) == 1 or _INITIALS_RE.fullmatch(base)) and word.endswith("."):
                    end += 1  # "R. Banerjee", "T.J. Barnes": the initial keeps its stop
                words += 1
            elif start >= 0 and folded in _PARTICLES and not closes:
                pass
            elif (
                lower_ok
                and base.islower()
                and folded not in _NOT_NAME
                and folded not in _PLACE_STOP
                and (len(base) > 1 or (lower_run and words == 1))  # "ana r": an initial
                # "lunch with client, Ms. Eleanor Whitfield": what she is, then her name
                and not (
                    start < 0
                    and folded in _ROLE_BEFORE_COMMA
                    and text[m.end() : m.end() + 1] == ","
                )
                and (start < 0 or lower_run)
                and words < 3
                and not (lower_run and _VERB_WORD.fullmatch(folded))  # "lou sings alto"
                # "coffee w/ rosa lima + send her the deck": a to-do, not a name
                and not (
                    start < 0
                    and _ACTION_VERB.fullmatch(folded)
                    and _ACTION_OBJECT.match(text, m.end(), hi)
                )
            ):
                lower_run = True
                start = m.start() if start < 0 else start
                end = m.start() + len(base)
                words += 1
            else:
                break
            if closes:
                break
            i = m.end()
        nxt = _HSPACE_RE.match(text, i, hi)
        if nxt is None:
            break
        i = nxt.end()
    if start < 0:
        return None
    if lower_run and words == 1 and text[start:end].casefold() in _WEEKDAY_OR_MONTH:
        return None
    return start, end
