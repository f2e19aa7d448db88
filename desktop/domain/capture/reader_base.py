"""What the reader remembers while it reads a note: the people met, where each was
mentioned, their organizations and the gender the note gives them, and how a name or a
pronoun is resolved to one of them (by recency and agreement). The passes in the sibling
modules (``clauses``, ``people``, ``places``, ``intros``, ``actors``, ``promises``) build
on it; ``reader`` puts them together."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from desktop.domain.capture.first_names import hinted_gender, is_first_name
from desktop.domain.capture.lexicon import (
    _A,
    _ABSENT,
    _AND_HIS,
    _CHECKBOX,
    _LOWER_KIN,
    _NAME_AT_END,
    _NAME_SHAPE,
    _NAME_WORD_B_RE,
    _NICKNAME_RE,
    _NOT_NAME,
    _ORG_HEADS,
    _ORG_SUFFIXES,
    _PLACE_STOP,
    _POSSESSIVE_END_RE,
    _POSSESSOR_THEN_NAME,
    _TITLE_BEFORE,
    _TITLES,
    _WEEKDAY_OR_MONTH,
    HONORIFIC_SUFFIX_RE,
    VIETNAMESE_TITLES,
)
from desktop.domain.capture.names import _index, _is_cap, _scan_name, initial_fits, tidy_name
from desktop.domain.capture.nicknames import formal_names
from desktop.domain.capture.results import ParsedCommitment, ParsedIntroduction
from desktop.domain.capture.rules import LanguageRules
from desktop.domain.capture.who_scorer import is_everyday_word, without_leading_everyday_word

_MET_LEAD = re.compile(
    r"(?i:met(?:\s+up\s+with)?|chatted\s+(?:with|to)|talked\s+(?:with|to)|spoke\s+(?:with|to)"
    r"|ran\s+into|bumped\s+into|caught\s+up\s+with|(?:coffee|lunch|dinner|drinks)\s+with)\s+"
)
_MY_ROLE_NAME = re.compile(  # "our ED, Patrice,", "my head of department, Ian Marsh,"
    r"\b(?i:my|our)[ \t]+(?:[\w\-]+[ \t]+){0,3}?[\w\-]+,[ \t]+"
    r"(?P<name>[A-Z][\w'\-]+(?:[ \t]+[A-Z][\w'\-]+)?)(?=\s*[,(])"
)
_TYPED_SUBJECT = re.compile(  # "ravi (my candidate) is waiting …"
    r"(?P<who>[a-z][a-z'\-]+)\s*\([^()\n]{1,30}\)\s+(?:is|was|wants|needs|has|said|asked)\b"
)
_SUBJECT_VERB = re.compile(  # a name acting: "Tom Ellis should be …", "Ana Ruiz wants …"
    r"\s+(?:should|must|will|would|needs?|wants?|has|is|was|said|asked|might|could|can)\b"
)
_NAME_PARTICLES = frozenset(("de", "la", "van", "von", "der", "den", "del", "da", "dos", "du"))
_FULL_NAME_WITH_PARTICLES = re.compile(  # "Jonas Becker", "Esteban de la Cruz"
    r"\b[A-Z][\w'\-]+(?:[ \t]+(?:(?:de|la|van|von|der|den|del|da|dos|du)[ \t]+)*[A-Z][\w'\-]+)+"
)
_DESCRIBED_LEAD = re.compile(
    r"(?:(?i:later|then|afterwards|finally|also)\s*,?\s+)?"
    r"(?i:a|an|the|our|my)\s[^,;.\n]{1,40},\s*(?=[A-Z])"
)
_FULL_NAME_IN = re.compile(r"\b[A-Z][a-z][\w'\-]*[ \t]+[A-Z][a-z][\w'\-]*")
_NAMED_ABSENT = re.compile(  # a name, maybe an apposition, then (checked) _ABSENT
    r"(?P<who>(?-i:[A-Z])[\w'\-]+(?:[ \t]+(?-i:[A-Z])[\w'\-]+){0,2})"
    r"(?:[ \t]*,[^,;.\n]{1,40},|[ \t]*\([^()\n]{1,40}\))?[ \t]*,?[ \t]+(?=\w)"
)
# the same, typed in lower case after who they are: "my boss wale adeyemi wasnt there"
_LOWER_NAMED_ABSENT = re.compile(
    _LOWER_KIN.pattern + r"(?P<who>[a-z][\w'\-]+(?:[ \t]+[a-z][\w'\-]+)?)[ \t]+(?=\w)", re.I
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|\Z)|\n")
_TITLE_TELLS_GENDER = re.compile(  # not "Sr." (Señor or Sister) nor "Dr"
    r"\b(mr|mrs|ms|miss|dame|lady|madam|mme|frau|sra|smt|sir|herr|lord|señor|senor|señora"
    r"|senora)\.?[ \t]+(?=(?-i:[A-Z]))",
    re.I,
)
_MET_PRONOUN = re.compile(  # not "I haven't met her yet": someone else, not met
    r"(?<!n't\s)(?<!n\u2019t\s)(?<!never\s)(?<!not\s)(?<!\byet\s)"
    r"\b(?:met|meeting|met\s+up\s+with|chatted\s+with)\s+(him|her)\b(?!\s+yet\b)",
    re.I,
)


@dataclass
class _Clause:
    start: int
    end: int
    sentence: int
    kind: str = ""  # "me" | "them" | ""
    desc: tuple[int, int] = (0, 0)
    debt: bool = False
    asked: bool = False  # "she asked me to ...": owed to whoever asked
    yes_at: tuple[int, int] | None = None  # "..., I said yes, by Friday": the date is there
    subject: str | None = None  # resolved name of the actor ("them") or the asker
    explicit_person: str | None = None
    person: str | None = None
    negated: bool = False
    continues: bool = False  # "... and send it to him": same actor as the clause before
    joined_at: int = -1  # "finish the deck and send it to her": where the second action starts
    subject_raw: str = ""
    subject_at: int = 0
    explicit_raw: str = ""
    explicit_at: int = 0
    named: frozenset[str] = frozenset()
    labelled: bool = False  # "jo: give us repo access, …": whose line it is, by a label


@dataclass
class Reading:
    """What :func:`read_note` found; the parser turns it into a ``CaptureParse``."""

    people: list[str] = field(default_factory=list)
    organizations: dict[str, str] = field(default_factory=dict)
    place: str = ""
    commitments: list[ParsedCommitment] = field(default_factory=list)
    introductions: list[ParsedIntroduction] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # named, but only mentioned
    rejected: list[str] = field(default_factory=list)  # a rule said: not met, for sure


def _unaccented(text: str) -> str:
    """``text`` case-folded and without its accents ("Sékou" -> "sekou"), as a phone
    keyboard types it."""
    folded = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


# a quoted nickname inside a name written with capitals: 'Olusegun "Segun" Bakare',
# "Rahul 'Raj' Menon", "Guillermo “Memo” Castañeda"
_NAME_WITH_NICKNAME = re.compile(
    r"(?<![\w'\u2019-])(?P<first>(?-i:[A-Z\u00c0-\u00de])[\w'\u2019\-]+[ \t]+)"
    r"[\"\u201c\u201e'\u2018](?P<nick>[^\W\d_][\w\-]*)[\"\u201d\u201c'\u2019][ \t]+"
    r"(?P<last>(?:(?-i:[a-z]{1,3})[ \t]+)?(?-i:[A-Z\u00c0-\u00de])[\w'\u2019\-]+"
    r"(?:[ \t]+(?-i:[A-Z\u00c0-\u00de])[\w'\u2019\-]+)?)"
)


def _quoted_nicknames(text: str) -> dict[str, str]:
    """Each nickname quoted inside a name, to the name as saved, read before anything
    else: a later "Segun will share …" is Olusegun Bakare even where the note met him in
    a phrase the rules do not take for a meeting ("Pitch follow-up with …")."""
    found: dict[str, str] = {}
    for m in _NAME_WITH_NICKNAME.finditer(text):
        nick = m.group("nick").casefold()
        if nick not in _NOT_NAME and len(nick) >= 2:
            found.setdefault(nick, tidy_name(m.group()))
    return found


# a title read as such only in lower case ("Anh" is a given name too), though at a
# sentence's start the one met is still meant ("Anh Minh said …")
_TITLE_OR_GIVEN_NAME = frozenset(VIETNAMESE_TITLES)


_OWNED_BEFORE = re.compile(r"\b(?:his|her|their)\s+[a-z]+\s*,?\s*\Z", re.I)  # "Her colleague "


class _ReaderBase:
    """The people met, their mentions and how a name or pronoun resolves; the passes share it."""

    def __init__(self, text: str, now: datetime, known: list[str], rules: LanguageRules) -> None:
        self.text = text
        self.now = now
        self.rules = rules
        self.known = known
        self.people: list[str] = []
        self.orgs: dict[str, str] = {}
        self.mentions: list[tuple[int, str, int]] = []  # (position, person, sentence)
        # people only mentioned ("his cofounder Lea Brandt"), where named: a pronoun that
        # cannot mean anyone met ("email her", after a "he") means one of them
        self.others: list[tuple[int, str]] = []
        # names a rule turned down for a reason the learned scorer must not overrule
        # ("She reports to Hakan Berg. Hakan will decide"): never added by it either
        self.rejected: list[str] = []
        # full names found at (start, end) of the text: several passes ask about the same
        self.full_names_at: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.place = ""
        self.intros: list[ParsedIntroduction] = []
        self.budget = [4]
        self.pending_intros: list[tuple[_Clause, int, str]] = []
        self.known_index = _index(tuple(known))
        self.gender: dict[str, str] = {}  # person -> "f" / "m", as the note itself says
        self.aliases: dict[str, str] = _quoted_nicknames(text)  # a nickname -> the person
        self.seeded: set[str] = set()  # people the learned scorer added, not the rules
        self.titled: dict[str, list[str]] = {}  # "imam" -> people met introduced so
        self._memo: dict[tuple[str, int], str | None] = {}
        self._full_names: dict[str, frozenset[str]] = {}  # "Arjun" -> {"Arjun Mehta"}

    def lookup(self, raw: str) -> str | None:
        """The met person or contact ``raw`` stands for (full or unique first name);
        people met in this note win over contacts."""
        memo_key = (raw, len(self.people))  # a new person met can change the answer
        if memo_key in self._memo:
            return self._memo[memo_key]
        found = self._lookup(raw)
        self._memo[memo_key] = found
        return found

    def _lookup(self, raw: str) -> str | None:
        key = " ".join(HONORIFIC_SUFFIX_RE.sub("", raw).casefold().split())
        if not key:
            return None
        if key in self.aliases:
            return self.aliases[key]
        if len(self.titled.get(key, ())) == 1:
            return self.titled[key][0]
        hyphened = re.fullmatch(r"([A-Z])-?([A-Z])", raw)
        if hyphened:  # "J-B" or "JB" for Jean-Baptiste Moreau: the hyphenated first name
            firsts = [
                n
                for n in self.people
                if re.fullmatch(
                    rf"{hyphened.group(1)}[^\W\d_]*-{hyphened.group(2)}[^\W\d_]*", n.split()[0]
                )
            ]
            if len(firsts) == 1:
                return firsts[0]
        if raw.isupper() and raw.isalpha() and 2 <= len(raw) <= 3:
            # minutes: "Ada Park (AP)" ... "AP to send the deck": initials of one person met
            initialled = [
                n for n in self.people if "".join(w[0] for w in n.split()).casefold() == key
            ]
            if len(initialled) == 1:
                return initialled[0]
        for name in self.people:
            if name.casefold() == key:
                return name
        by_full, by_first = self.known_index
        if key in by_full:
            return by_full[key]
        with_initial = re.fullmatch(r"((?:[^\W\d_]\.[ \t]*)+)([^\W\d_][\w'\-]+)", key)
        if with_initial:  # "R. Banerjee" for Rohan Banerjee, French "M. Fall" for Ibrahima Fall
            letter, family = with_initial.group(1)[0], with_initial.group(2)
            by_initial = [
                n
                for n in self.people
                if " " in n
                and n.casefold().split()[-1] == family
                and (letter == "m" or n.casefold().startswith(letter))
            ]
            if len(by_initial) == 1:
                return by_initial[0]
        first_initial = re.fullmatch(r"([^\W\d_][\w'\-]+) ([^\W\d_])\.?", key)
        if first_initial:  # "Mike T" for Mike Tsai, met or a contact, when no other Mike T
            first, letter = first_initial.groups()
            matches = set(initial_fits(first, letter, (*self.people, *by_first.get(first, ()))))
            if len(matches) == 1:
                return matches.pop()
        if " " in key:  # "Fatima Zahra" for Fatima Zahra Benali
            longer = [n for n in self.people if n.casefold().startswith(key + " ")]
            if len(longer) == 1:
                return longer[0]
            # "Boon Kiat" for Lim Boon Kiat: the given names of a name written family first
            given = [n for n in self.people if n.casefold().endswith(" " + key)]
            if len(given) == 1 and not longer and not is_first_name(key.split()[0]):
                return given[0]
        if " " not in key:
            firsts = [n for n in self.people if n.casefold().split()[0] == key]
            if len(firsts) == 1:
                return firsts[0]
            known = by_first.get(key, ())
            if len(known) == 1:
                return known[0]
            lasts = [n for n in self.people if " " in n and n.casefold().split()[-1] == key]
            if len(lasts) == 1:  # "Mr Wafula", "Ha-eun" (Choi Ha-eun): a family name met
                return lasts[0]
            if key not in _NOT_NAME:
                found = self._short_form_of(key)
                if found:
                    return found
        # "sekou" typed on a phone for Sékou Traoré (or "José" for jose garcia): the same
        # letters, accents aside
        plain = _unaccented(key)
        if key not in _NOT_NAME:
            same = [
                n
                for n in self.people
                if _unaccented(n.casefold()) == plain
                or (" " not in key and _unaccented(n.casefold()).split()[0] == plain)
            ]
            if len(same) == 1:
                return same[0]
        head, _space, rest = key.partition(" ")
        if rest and head in _TITLE_OR_GIVEN_NAME:  # "Anh Minh said …" opening a sentence
            return self._lookup(rest)
        return None

    def _short_form_of(self, key: str) -> str | None:
        """The one person met whose given name ``key`` is an everyday short form of: the
        start of it ("Thandi" for Thandiwe Mokoena), a known nickname ("Kasia" for
        Katarzyna Wójcik), the start of a much longer one ("Kip" for Kiprono Mutai) or its
        end ("Segun" for Olusegun Bakare). Tried in that order; a form two people share
        means neither (but a close start two share leaves the other readings open)."""
        formal = formal_names(key)
        rules = (
            lambda first: len(key) >= 4 and first.startswith(key) and len(first) - len(key) <= 4,
            lambda first: first in formal,
            lambda first: len(key) >= 3 and first.startswith(key) and len(first) >= len(key) + 3,
            lambda first: len(key) >= 4 and first.endswith(key) and len(first) >= len(key) + 2,
        )
        for number, fits in enumerate(rules):
            found = [n for n in self.people if " " in n and fits(n.casefold().split()[0])]
            if len(found) == 1:
                return found[0]
            if found and number > 0:
                return None
        return None

    def resolve(self, raw: str) -> str:
        found = self.lookup(raw) or self.lookup(tidy_name(raw))
        if found:
            return found
        name = tidy_name(raw)
        fuller = self._written_in_full(name) if name else set()
        # "Arjun said he'd ..." after "the poster by Mei Lin Chen and Arjun Mehta": him
        return fuller.pop() if len(fuller) == 1 else name

    def add_person(self, raw: str, pos: int, sentence: int, at: int | None = None) -> str:
        """Record a person met; ``pos`` is the mention's place (a list's start), ``at``
        where this very name is written, when that differs."""
        name = self.resolve(raw)
        if name not in self.known:
            name = self.resolve(without_leading_everyday_word(name))
        where = pos if at is None else at
        if " " not in name and re.search(
            r"\b(?:mrs|mr|ms|miss|dr|prof|mme|mlle|m|herr|frau|sr|sra|srta)\.?[ \t]+\Z",
            self.text[max(0, where - 8) : where],
            re.I,
        ):  # "ran into Mrs Halloran ..., Siobhan Halloran, ...": the family name in full
            fuller = {
                tidy_name(m.group())
                for m in re.finditer(rf"\b[A-Z][\w'\-]+[ \t]+{re.escape(name)}\b", self.text)
                if m.group().split()[0].casefold() not in _NOT_NAME
                and not _TITLES.fullmatch(m.group().split()[0] + " ")
            }
            if len(fuller) == 1:
                name = fuller.pop()
        nick = _NICKNAME_RE.search(raw)
        if nick:  # Robert "Rob" Kellerman: a later "Rob" is him
            self.aliases[nick.group(1).casefold()] = name
            self._memo.clear()
        if name.casefold() not in {p.casefold() for p in self.people}:
            # a first name met earlier in full ("Marc" after "Marc Leroy") is the same person
            self.people.append(name)
            title = _TITLE_BEFORE.match(raw.strip() + " ") or _TITLE_BEFORE.search(
                self.text, max(0, (pos if at is None else at) - 24), pos if at is None else at
            )
            if title:  # "Imam Abdullahi Yusuf": "the Imam" later is him
                self.titled.setdefault(title.group("t").casefold(), []).append(name)
                self._memo.clear()
        self.mentions.append((pos, name, sentence))
        return name

    def merge_first_names(self) -> None:
        """ "Naledi and I ..." read before "introduced me to Dr. Naledi Dlamini": a first
        name alone that is the first word of exactly one full name met is that person."""
        for short in list(self.people):
            if " " in short:
                continue
            longer = [p for p in self.people if p.casefold().startswith(short.casefold() + " ")]
            if not longer:  # "Mrs Patel, the chair, Sunita Patel": the family name met in full
                longer = [p for p in self.people if p.casefold().endswith(" " + short.casefold())]
            if len(longer) != 1:
                continue
            full = longer[0]
            self.people.remove(short)
            self.mentions = [(p, full if n == short else n, s) for p, n, s in self.mentions]
            if short in self.orgs:
                self.orgs.setdefault(full, self.orgs.pop(short))
            if short in self.gender:
                self.gender.setdefault(full, self.gender.pop(short))
            self.intros = [
                ParsedIntroduction(
                    full if i.introducer == short else i.introducer,
                    full if i.person == short else i.person,
                    full if i.to == short else i.to,
                    i.done,
                    i.span,
                )
                for i in self.intros
            ]
            self._memo.clear()

    def mention(self, name: str, pos: int, sentence: int) -> None:
        if name.casefold() in {p.casefold() for p in self.people}:
            self.mentions.append((pos, name, sentence))

    def pronoun(
        self, word: str, pos: int, exclude: frozenset[str] = frozenset(), *, aside: bool = False
    ) -> str | None:
        """Who "she/he/her/him/they/them" at ``pos`` is, by recency and agreement: the
        note itself tells who is "he" or "she" ("Omar is raising for his startup", an
        earlier "she" that meant Leila, "Mr"/"Ms"), else a first name's hint
        (:meth:`gender_for`)."""
        folded = word.casefold()
        gender = {"she": "f", "her": "f", "he": "m", "him": "m"}.get(folded)
        who = self.recent(
            pos,
            plural=folded in ("they", "them"),
            exclude=exclude,
            gender=gender,
            aside_ok=aside and folded in ("her", "him"),
        )
        if who and gender:
            self.gender.setdefault(who, gender)
        return who

    def learn_gender(self, clauses: list[_Clause]) -> None:
        """ "Omar is raising for his agritech startup": a clause led by one person met and
        holding only one kind of third-person pronoun tells that person's."""
        t = self.text
        self.learn_possessors()
        self.learn_appositions()
        for m in _NAMED_ABSENT.finditer(t):  # "The owner, Janet Hollins, wasn't there; need
            # to phone her": someone only talked about, whom a later "her" may mean
            name = self.lookup(m.group("who")) or tidy_name(m.group("who"))
            words = m.group("who").split()
            if name.casefold() in {p.casefold() for p in self.people} or any(
                w.casefold() in _NOT_NAME or not _NAME_SHAPE.fullmatch(w) for w in words
            ):
                continue
            if _ABSENT.match(t, m.end()):
                self.others.append((m.start("who"), name))
        for m in _LOWER_NAMED_ABSENT.finditer(t):  # "my boss wale adeyemi wasnt there, will
            # fill him in", "her brother vinnie needs an EICR …, said i'd give him a call"
            words = m.group("who").split()
            if len(words) == 2 and (is_everyday_word(words[1]) or words[1] in _NOT_NAME):
                words = words[:1]  # "vinnie needs": vinnie
            if is_everyday_word(words[0]) and not is_first_name(words[0]):
                continue
            raw = " ".join(words)
            name = self.lookup(raw) or tidy_name(raw)
            if name.casefold() not in {p.casefold() for p in self.people}:
                self.others.append((m.start("who"), name))
        for m in _TITLE_TELLS_GENDER.finditer(t):  # "The notary, Mr. Willem Bos, …": a he
            span = _scan_name(t, m.end(), len(t), lower_ok=False)
            who = self.lookup(t[span[0] : span[1]]) if span and span[0] == m.end() else None
            if who is not None:
                titled_male = m.group(1).casefold() in (
                    "mr",
                    "sir",
                    "herr",
                    "lord",
                    "señor",
                    "senor",
                )
                self.gender.setdefault(who, "m" if titled_male else "f")
        for m in _AND_HIS.finditer(t):  # "Daniel Okafor and his mentor Patricia Lim"
            named = _NAME_AT_END.search(t, max(0, m.start() - 40), m.start())
            who = self.lookup(named.group("who")) if named else None
            if who is not None:
                self.gender.setdefault(who, "m" if m.group("pos").casefold() == "his" else "f")
        for m in _MET_PRONOUN.finditer(t):  # "Call with Amélie Girard — met her via Lucas"
            met = [n for p, n, _s in self.mentions if p < m.start()]
            if len(set(met)) == 1:
                self.gender.setdefault(met[0], "m" if m.group(1).casefold() == "him" else "f")
        self._learn_gender_from_next_sentence(clauses)
        for i, c in enumerate(clauses):
            # "Met Lucy Tang from UKRI — she's …", "a young teacher, Marcus Bell, came up to
            # say our program changed his classroom"
            lead = _MET_LEAD.match(t, c.start, c.end) or _DESCRIBED_LEAD.match(t, c.start, c.end)
            span = _scan_name(t, lead.end() if lead else c.start, c.end, lower_ok=False)
            if span is None:
                continue
            who = self.lookup(t[span[0] : span[1]])
            if who is None or who in self.gender:
                continue
            rest = t[span[1] : c.end]
            if self._named_in(span[1], c.end):
                continue  # "Ana told Ben his ...": whose is unclear
            if _FULL_NAME_IN.search(rest):
                continue  # "Met Harpreet Gill via Vikram Sethi — he had …": Vikram, not met
            nxt = clauses[i + 1] if i + 1 < len(clauses) else None
            same = nxt is not None and nxt.sentence == c.sentence
            if nxt is not None and same and not self._named_in(nxt.start, nxt.end):
                # "Kojo is a PM at Flutterwave; he's hiring": the next clause's subject
                lead = re.match(r"(he|she)\b", t[nxt.start : nxt.end], re.I)
                rest += " " + lead.group(1) if lead else ""
            # "him" / "her" as an object is someone else ("Funmi brought him over"); a subject
            # or a possessive tells ("Omar is raising for his startup", "she's at Paystack")
            male = re.search(r"\b(?:he|his)\b", rest, re.I)
            female = re.search(
                r"\b(?:she|hers)\b|\bher\s+(?!(?:the|a|an|to|about|with|for|back|up|over|in|on"
                r"|and|that|this|some|our|my)\b)[a-z]",
                rest,
                re.I,
            )
            if bool(male) != bool(female):
                self.gender[who] = "m" if male else "f"

    def _learn_gender_from_next_sentence(self, clauses: list[_Clause]) -> None:
        """ "Table host was Harold Nakamura, retired from Goldman. He hinted at $25k": a
        sentence that opens with "He"/"She" right after one that names only one person (met
        or mentioned in full) tells that person's gender, the antecedent any reader takes;
        unless someone named earlier could be the one it means ("Met Ada. She hinted …
        Tom joined us. She'll send …": Tom is no "she" for it)."""
        t = self.text
        first: dict[int, _Clause] = {}
        for c in clauses:
            first.setdefault(c.sentence, c)
        bounds: dict[int, tuple[int, int]] = {}
        for c in clauses:
            lo, hi = bounds.get(c.sentence, (c.start, c.end))
            bounds[c.sentence] = (min(lo, c.start), max(hi, c.end))
        for sentence, c in first.items():
            lead = re.match(r"(He|She)\b(?!\s+and\b)", t[c.start : c.end])
            if lead is None or sentence - 1 not in bounds:
                continue
            lo, hi = bounds[sentence - 1]
            named = {n.casefold(): n for n in self._named_in(lo, hi)}
            named.update((n.casefold(), n) for p, n in self.others if lo <= p < hi)
            if len(named) != 1:
                continue
            if re.search(r"\b(?:he|she|his|him|her|hers)\b", t[lo:hi], re.I):
                continue  # "Ana met Ben; she ...": the sentence itself already has a pronoun
            who = self.lookup(next(iter(named.values()))) or next(iter(named.values()))
            gender = "m" if lead.group(1) == "He" else "f"
            earlier = set(self._named_in(0, lo)) | {n.casefold() for p, n in self.others if p < lo}
            if any(n != who.casefold() and self._gender_of(n) in (None, gender) for n in earlier):
                continue  # "Met Ada. She … Tom Lind joined us. She'll …": Ada may be meant
            self.gender.setdefault(who, gender)

    def _gender_of(self, folded: str) -> str | None:
        """The gender the note told of a person given case-folded, else what the first
        name hints."""
        told = next((g for n, g in self.gender.items() if n.casefold() == folded), None)
        return told or hinted_gender(folded)

    def gender_for(self, name: str, default: str | None = None) -> str | None:
        """Whether ``name`` is a "she" ("f") or a "he" ("m"): what the note itself tells
        ("Mr. Bos", "Omar … his startup", an earlier "she" that meant her) wins; else what
        the first name hints (:mod:`first_names`: only names that are one gender nearly
        everywhere); else ``default``. The hint only breaks ties between people recency
        cannot tell apart ("Met Kwame Mensah and Margaret O'Neill. She asked me …"); the
        preview shows whom each promise went to, and the user corrects it in one click."""
        return self.gender.get(name) or hinted_gender(name) or default

    def name_of(self, raw: str) -> str:
        """The person ``raw`` names: one met or known, else one only mentioned in full
        earlier ("her old boss, Peter Hahn ... ping Peter"), else the name as written."""
        found = self.lookup(raw)
        if found:
            return found
        name = tidy_name(raw)
        if name != raw and self.lookup(name):  # "Dr. Ruiz": the Ana Ruiz met
            return self.lookup(name) or name
        fuller = {n for _p, n in self.others if n.casefold().startswith(name.casefold() + " ")}
        if not fuller:  # "the poster by Mei Lin Chen and Arjun Mehta ... Arjun said"
            fuller = self._written_in_full(name)
        return fuller.pop() if len(fuller) == 1 else name

    def _written_in_full(self, first: str) -> set[str]:
        """The full names the note writes starting with ``first`` ("Arjun Mehta")."""
        cached = self._full_names.get(first)
        if cached is None:
            cached = self._full_names[first] = frozenset(self._find_written_in_full(first))
        return set(cached)

    def _find_written_in_full(self, first: str) -> set[str]:
        found = set()
        # (no code after it: "owe Thabo R200")
        words_re = rf"\b{re.escape(first)}((?:[ \t]+(?![A-Z]{{1,4}}\d)[A-Z][\w'\-]+){{1,2}})"
        for m in re.finditer(words_re, self.text):
            words = []
            for w in m.group(1).split():
                if re.search(rf"{_A}", w) and not re.match(rf"[OD]{_A}\w", w):
                    break  # "Kai Müller's place", "Judith I'd": no more of the name
                words.append(w)
            while words and (
                words[-1].casefold() in _NOT_NAME
                or words[-1].casefold() in _WEEKDAY_OR_MONTH
                or len(words[-1]) == 1
            ):
                words.pop()
            if words:
                found.add(tidy_name(first + " " + " ".join(words)))
        return found

    def learn_appositions(self) -> None:
        """ "Our ED, Patrice, wasn't there", "I owe my own CD, Helen, an update": someone of
        the writer's own, named in an apposition, is remembered as mentioned (not met)."""
        for m in _MY_ROLE_NAME.finditer(self.text):
            raw = m.group("name")
            if raw.split()[0].casefold() in _NOT_NAME:
                continue
            named = self.lookup(raw)
            if named is None or named.casefold() not in {p.casefold() for p in self.people}:
                self.others.append((m.start("name"), named or tidy_name(raw)))

    def learn_possessors(self) -> None:
        """ "Met Kenji. His cofounder Lea Brandt ...": "his" is the one person met it can
        mean, so Kenji is a "he"; Lea Brandt, not met, is remembered as mentioned, for a
        later "her" that cannot mean Kenji."""
        t = self.text
        for m in _POSSESSOR_THEN_NAME.finditer(t):
            raw = m.group("name")
            if raw.split()[0].casefold() in _NOT_NAME:
                continue
            named = self.lookup(raw)
            if named is None or named.casefold() not in {p.casefold() for p in self.people}:
                name = named or tidy_name(raw)
                self.others.append((m.start("name"), name))
            word = m.group("pos").casefold()
            if word == "their":
                continue
            gender = "m" if word == "his" else "f"
            skip = (named or "").casefold()
            before = {
                n
                for p, n, _s in self.mentions
                if p < m.start() and n.casefold() != skip and self.gender_for(n, gender) == gender
            }
            if len(before) > 1:  # "Mei Lin mentioned that her advisor, ...": the one named
                opening = max(t.rfind(".", 0, m.start()), t.rfind("\n", 0, m.start()))
                before = {  # in the same sentence
                    n
                    for p, n, _s in self.mentions
                    if opening < p < m.start()
                    and n.casefold() != skip
                    and self.gender_for(n, gender) == gender
                }
            if len(before) == 1:  # only one person it can be: the note tells their gender
                self.gender.setdefault(before.pop(), gender)

    def recent(
        self,
        pos: int,
        *,
        plural: bool = False,
        exclude: frozenset[str] = frozenset(),
        gender: str | None = None,
        aside_ok: bool = False,
    ) -> str | None:
        """Who a pronoun at ``pos`` means: the person met mentioned last before it, not
        counting people named in the pronoun's own clause ("she'll intro me to Ben" is
        not Ben). A list of names ("Ana Ruiz and Ben Ode") counts as one mention, led
        by its first name, since nothing in a list says which one "her" is."""
        before = [
            (p, -seq, name, sent)
            for seq, (p, name, sent) in enumerate(self.mentions)
            if p < pos
            and name.casefold() not in exclude
            and (gender is None or self.gender_for(name, gender) == gender)
        ]
        if not before:
            met_at = max((p for p, _n, _s in self.mentions if p < pos), default=-1)
            aside = self._mentioned_since(met_at, pos, exclude, gender) if aside_ok else None
            if aside is not None:  # "She wants … Bruno would love it, must call him"
                return aside
            if gender and any(p < pos for p, _n, _s in self.mentions):
                # everyone met so far is known to be the other gender: someone mentioned
                others = [
                    (p, n)
                    for p, n in self.others
                    if p < pos
                    and n.casefold() not in exclude
                    and self.gender_for(n, gender) == gender
                ]
                if others:
                    return max(others)[1]
            left = [p for p in self.people if p.casefold() not in exclude]
            if len(left) != 1:
                return None
            if gender and self.gender_for(left[0], gender) != gender:
                # the only one met is a known "he": "her" is someone else the note named
                return self._last_full_name_before(pos, exclude | {left[0].casefold()})
            if not any(n == left[0] and p < pos for p, n, _s in self.mentions):
                # the only person met is named after the pronoun ("... with Jonas Becker —
                # he'll ...; also met Lea"): the pronoun means whoever was named before it
                named = self._last_full_name_before(pos, exclude)
                if named:
                    return named
            return left[0]
        if plural:
            last_sentence = max(before)[3]
            group = [m for m in before if m[3] == last_sentence]
            return min(group, key=lambda m: (m[0], -m[1]))[2]
        best = max(before)
        aside = self._mentioned_since(best[0], pos, exclude, gender) if aside_ok else None
        if aside is not None:
            return aside
        if gender and self.gender_for(best[2]) is None:  # a known "he" beats an unknown one
            agreeing = [m for m in before if self.gender_for(m[2]) == gender]
            # but "Yusuf wants to see our prototype, I promised to show it to him" after
            # "Klaus ..., he was a chemist": the one just named in this sentence, if the
            # known one is from an earlier sentence
            if (
                agreeing
                and not (
                    self._same_sentence(best[0], pos)
                    and not self._same_sentence(max(agreeing)[0], pos)
                )
                and not self._introduced_since(best, max(agreeing), pos)
                and not self._subject_carried_on(best[2], best[0], pos)
            ):
                best = max(agreeing)
        group = [m for m in before if m[0] == best[0]]
        return max(group)[2]

    def _subject_carried_on(self, name: str, named_at: int, pos: int) -> bool:
        """Whether the pronoun at ``pos`` opens the sentence right after one the name at
        ``named_at`` opens ("Yuki asked whether I could find a photographer; I said no.
        She'll send me the attendee list"): the subject of one sentence is who the next
        one's subject pronoun goes on about, whatever gender someone met earlier is."""
        t = self.text
        ends = [m.end() for m in _SENTENCE_END.finditer(t, 0, pos)]
        if len(ends) < 1 or t[ends[-1] : pos].strip():
            return False  # the pronoun does not open its sentence
        opening = ends[-2] if len(ends) > 1 else 0
        first = re.match(r"[\s\-*\u2022]*(\w+)", t[opening : ends[-1]])
        return (
            opening <= named_at < ends[-1]
            and first is not None
            and first.group(1).casefold() in name.casefold().split()
        )

    def _introduced_since(
        self, best: tuple[int, int, str, int], known: tuple[int, int, str, int], pos: int
    ) -> bool:
        """Whether the one of unknown gender was met in full in a sentence after the last
        mention of the known one and right before the pronoun's ("Lunch with Rachel …. After
        lunch I met the young chef, Thi Lan Nguyen, from Hanoi. … She will send me her
        references"): a new encounter, whom the pronoun goes on about (but not "Her colleague
        Sam Ode was there too": the one whose colleague he is stays the subject)."""
        first_at, first_sentence = min((p, s) for p, n, s in self.mentions if n == best[2])
        breaks = len(re.findall(r"[.!?](?:\s|\Z)|\n", self.text[best[0] : pos]))
        return (
            " " in best[2]
            and not any(len(w) > 1 and w.isupper() for w in best[2].split())  # "Strong SQL"
            and not _OWNED_BEFORE.search(self.text, max(0, first_at - 30), first_at)
            and first_sentence > known[3]
            and breaks <= 2
        )

    def _mentioned_since(
        self, met_at: int, pos: int, exclude: frozenset[str], gender: str | None
    ) -> str | None:
        """ "Our ED, Patrice, wasn't there, so I have to brief her": someone only mentioned,
        named in the pronoun's own sentence after the last person met, is the one it means
        (when the note does not say they are of the other gender)."""
        found = None
        candidates = list(self.others)
        opener = self._sentence_subject(pos)
        if opener is not None:
            candidates.append(opener)
        for p, n in candidates:
            if not met_at < p < pos or not self._same_sentence(p, pos):
                continue
            if n.casefold() in exclude or n.casefold() in {x.casefold() for x in self.people}:
                continue
            if gender and self.gender_for(n, gender) != gender:
                continue
            found = n if found is None or found == n else ""
        return found or None

    def _sentence_subject(self, pos: int) -> tuple[int, str] | None:
        """ "Tom Ellis should be on that call too, I'll invite him": the full name (or a first
        name the note writes twice) that opens the sentence of ``pos`` and acts in it, when
        it is no one met."""
        t = self.text
        opening = max(t.rfind(m, 0, pos) for m in (". ", "! ", "? ", "\n", "; ")) + 1
        while opening < pos and (t[opening].isspace() or t[opening] in "-*\u2022\u00b7>"):
            opening += 1
        typed = _TYPED_SUBJECT.match(t, opening, pos)
        if typed is not None and t[opening:pos].islower():
            # "ravi (my candidate) is waiting on feedback, gotta call him": a note typed in
            # lower case names its people in lower case too
            word = typed.group("who")
            if word not in _NOT_NAME and len(word) > 2 and self.lookup(word) is None:
                return opening, tidy_name(word)
        span = _scan_name(t, opening, pos, lower_ok=False)
        if span is None:
            return None
        raw = t[span[0] : span[1]]
        if " " not in raw.strip() and len(re.findall(rf"\b{re.escape(raw)}\b", t)) < 2:
            return None  # a first name alone ("Tunde would love this guy, must loop him
            # in") only when the note names them elsewhere too
        words = raw.split()
        if any(w.casefold() in _NOT_NAME or w.casefold() in _WEEKDAY_OR_MONTH for w in words):
            return None
        if not all(_NAME_SHAPE.fullmatch(w) for w in words):
            return None
        if not _SUBJECT_VERB.match(t, span[1], pos):
            return None
        name = self.lookup(raw) or tidy_name(raw)
        return span[0], name

    def sentence_end(self, pos: int) -> int:
        """Where the sentence holding ``pos`` ends (its full stop, or the line's end)."""
        end = _SENTENCE_END.search(self.text, pos)
        return end.start() if end else len(self.text)

    def _same_sentence(self, lo: int, hi: int) -> bool:
        """Whether no sentence ends between ``lo`` and ``hi``."""
        return _SENTENCE_END.search(self.text, lo, hi) is None

    def _last_full_name_before(self, pos: int, exclude: frozenset[str]) -> str | None:
        """The last full name ("Jonas Becker") written before ``pos``, if any."""
        names = [n for _at, n in self._full_names_before(pos) if n.casefold() not in exclude]
        return names[-1] if names else None

    def _full_names_before(self, pos: int) -> list[tuple[int, str]]:
        """Every full name written before ``pos``, with where it starts, in text order."""
        found = []
        for m in _FULL_NAME_WITH_PARTICLES.finditer(self.text[:pos]):
            words = [w for w in m.group().split() if w not in _NAME_PARTICLES]
            if any(w.casefold() in _NOT_NAME or w.casefold() in _WEEKDAY_OR_MONTH for w in words):
                continue
            if not all(_NAME_SHAPE.fullmatch(w) for w in words):
                continue
            if words[-1].casefold() in _ORG_SUFFIXES:
                continue  # "Wojciech Nowak, Nowak Instalacje": the firm, no one
            if any(re.fullmatch(r"I(?:['\u2019]\w{1,2})?", w) for w in words):
                continue  # "I told Yuki I'd send …": the writer, no name
            if re.search(r"\b(?:a|an)\s+[a-z]+\s+(?:with|at|for)\s+\Z", self.text[: m.start()]):
                continue  # "is a pilot with Aer Lingus": an employer, no one
            found.append((m.start(), tidy_name(re.sub(r"['\u2019]s\Z", "", m.group()))))
        return found

    def _named_in(self, lo: int, hi: int) -> frozenset[str]:
        """People of the note named between ``lo`` and ``hi`` (case-folded)."""
        named = set()
        skip_to = lo
        for m in _NAME_WORD_B_RE.finditer(self.text, lo, hi):
            if m.start() < skip_to:
                continue
            base = re.split(_A, m.group())[0]
            if not _is_cap(base):
                continue
            span = _scan_name(self.text, m.start(), hi, lower_ok=False)
            if span and " " in self.text[span[0] : span[1]]:
                # "his nephew Jake Carter": the full name, not "Carter" of William Carter
                skip_to = span[1]
                name = self.lookup(self.text[span[0] : span[1]])
                if name:
                    named.add(name.casefold())
                continue
            name = self.lookup(base)
            if name:
                named.add(name.casefold())
        return frozenset(named)

    def _after_break(self, pos: int) -> bool:
        """Whether a sentence end, semicolon, colon or dash comes right before ``pos``
        ("met dana kim. send deck thursday", "mtg w/ jorge - send api keys fri")."""
        before = self.text[:pos].rstrip()
        # an emoji ends a thought too: "The wedding was unreal 🍷 Sarah and I ended up …"
        last = before[-1:]
        return bool(last) and (last in ".!?;:+-\u2013\u2014\n" or last >= "\U0001f300")

    def _bulleted_line(self, pos: int) -> bool:
        """Whether the line ``pos`` is in opens with a bullet or a dash ("- Ben Oduya, MIT
        Media Lab"): an item of a list, one person to a line."""
        start = self.text.rfind("\n", 0, pos) + 1
        return (
            re.match(r"[ \t]*(?:[-*\u2022\u00b7>]|\d+[.)])[ \t]", self.text[start:pos]) is not None
        )

    def _line_start(self, pos: int) -> bool:
        """Whether only a bullet or spaces stand between ``pos`` and the start of its line
        (not the note's first line: "Call Ana" opening a note is a title, not a to-do)."""
        line = self.text.rfind("\n", 0, pos)
        if line < 0:
            return False
        head = self.text[line + 1 : pos]
        head = re.sub(_CHECKBOX, "", head)  # "[ ] send Aino the rubric"
        return not head.strip(
            " \t-*\u2022\u00b7>\u2192\u27a1\ufe0f\u2610\u2611\u2612\u2705\u2713\u2714"
        )

    def span(self, c: _Clause) -> tuple[int, int]:
        """The clause's characters, with the sentence's closing punctuation."""
        end = c.end
        while end < len(self.text) and self.text[end] in ".!?\u2026":
            end += 1
        return c.start, end

    def org_phrase(self, raw: str, *, as_typed: bool = False) -> str:
        """An organization as written: up to five words, stopping at function words;
        ``as_typed`` keeps a lower-case one whole ("(guy's hospital)", "lagos biennial")."""
        # "(also Spotify)", "@ tidepool", "allegro -": not part of the name
        raw = re.sub(r"^\s*(?:(?:also|both|all|now|still)\s+|@\s*)+", "", raw, flags=re.I)
        raw = re.sub(r"\s+[-\u2013\u2014]+\s*$", "", raw)
        if re.match(r"\s*(?:our|my|your|his|her|their)\s|\s*(?-i:a|an)\s", raw, re.I):
            return ""  # "(our new Head of Data)", "(a contractor)": a role, no employer named
        if as_typed and raw.strip().islower():
            kept = raw.strip().split()[:4]
            while kept and kept[-1].casefold() in _PLACE_STOP | {"now"}:
                kept.pop()
            cut = next((i for i, w in enumerate(kept) if w.casefold() in _PLACE_STOP), None)
            return " ".join(kept[:cut]).strip(",.;:)")
        words: list[str] = []
        split = raw.strip().split()
        for n, word in enumerate(split):
            w = word.strip(",.;:)")
            # "Dutch trade mission", "Warsaw running club": lower-case words up to a head noun
            if words and w[:1].islower() and w.casefold() not in ("of", "&", "de", "la"):
                tail = [x.strip(",.;:)") for x in split[n : n + 3]]
                head = next((k for k, x in enumerate(tail) if x.casefold() in _ORG_HEADS), None)
                if head is not None and all(x[:1].islower() for x in tail[: head + 1]):
                    words.extend(tail[: head + 1])
                break
            if (
                not w
                or (w.casefold() in _PLACE_STOP and w.casefold() not in ("of",))
                or w.casefold() in ("now", "today")
            ):
                break
            if not (w[0].isupper() or w[0].isdigit() or w.casefold() in ("of", "&", "de", "la")):
                if words:
                    break
                w = w[0].upper() + w[1:]  # "(nokia)" typed in lower case
            if not words and word[:1].isupper() and _POSSESSIVE_END_RE.search(w):
                words.append(w[:-2])  # "ByteDance's ads team"
                break
            words.append(w)
            if len(words) == 5 or (word != w and not word.endswith(")")):
                break
        while words and words[-1].casefold() in ("of", "&", "de", "la"):
            words.pop()
        return " ".join(words)
