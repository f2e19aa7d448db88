"""Introductions: done ("Ines introduced me to Marc", "met Marc via Ines") and planned
("she'll intro me to Ben", "I'll introduce Ana to Ben")."""

from __future__ import annotations

import re

from desktop.domain.capture.first_names import is_first_name
from desktop.domain.capture.lexicon import (
    _A,
    _APPOSITIVE_RE,
    _ASKED_TO_INTRO,
    _BARE_INTRO,
    _BY_RE,
    _DESCRIBED_THEN_NAME,
    _I_INTRODUCED,
    _INTRO_DESC,
    _INTRO_DONE,
    _INTRO_HINT,
    _INTRODUCED_TO_ME,
    _INTRODUCING_ME,
    _LONG_AGO,
    _NAME_WORD,
    _NAME_WORD_B_RE,
    _NOT_NAME,
    _PARTICLES,
    _PASSIVE_INTRO,
    _SUBJ_PRONOUN,
    _VIA,
    _WHO_X_INTRODUCED,
    _words,
)
from desktop.domain.capture.lower_lists import lower_case_list
from desktop.domain.capture.names import _TITLES, _is_cap, _scan_name, _typed_lower, tidy_name
from desktop.domain.capture.people import _DESCRIBED_GROUP, _PeopleFinder
from desktop.domain.capture.reader_base import _Clause
from desktop.domain.capture.results import ParsedIntroduction

_POSSESSIVE_WORD = re.compile(r"[A-Z][\w\-]*['\u2019]s")
_INTRO_ROLE = frozenset(  # the last word of a description before a lower-case name
    _words(
        "cto ceo cfo coo cmo founder cofounder co-founder boss manager colleague friend cousin"
        " sister brother wife husband partner legal lead head director investor co-investor"
        " mentor advisor adviser recruiter vp"
        # kin and roles writers put before a name typed in lower case ("his uncle rahman",
        # "his PM ingrid", "their procurement head mr chen")
        " uncle aunt auntie aunty nephew niece son daughter dad mum mom father mother pm"
        " engineer designer accountant lawyer neighbour neighbor flatmate roommate mate"
        " buddy coach supervisor professor teacher contact guy"
    )
)


_ORG_BEFORE_INTRO = re.compile(
    r"\s+(?:from|of|at)\s+(?-i:[A-Z])[\w&.'\-]*"
    r"(?:\s+(?-i:[A-Z])[\w&.'\-]*){0,2}\Z"
)


class _IntroFinder(_PeopleFinder):
    """Finds introductions, done and planned."""

    def find_intros(self, sentences: list[tuple[int, int]]) -> None:
        """Introductions that happened: "X introduced me to Y", "met Y via X", "was
        introduced to Y by X", "thanked X for introducing me to Y"."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            for m in _INTRO_DONE.finditer(t, s, e):
                before = t[s : m.start()].rstrip()
                # "Ola (Aleksandra Wójcik) from Comarch introduced me": the org is not her,
                # and the name in brackets is her full one
                before = _ORG_BEFORE_INTRO.sub("", before)
                if re.search(r"(?i:my|our|the|his|her|their)\s[^,]{1,40},[^,]{3,60},\Z", before):
                    before = before[:-1].rstrip()  # "My host, Prof. Sabine Krüger, introduced"
                full = re.search(
                    r"(?P<nick>\w+)\s*\((?P<full>[^(),\n]{3,40})(?:,[^()\n]*)?\)\Z", before
                )
                if (
                    full
                    and " " in full.group("full")
                    and (
                        is_first_name(full.group("full"))
                        or full.group("nick")
                        in full.group("full").split()  # "chị Mai (Đỗ Thị Mai, Grab)"
                    )
                ):
                    before = before[: full.end("full")]
                else:  # "Hung Nguyen (NVIDIA) introduced me to …": where he works, not him
                    before = re.sub(r"\s*\([^()\n]{1,40}\)\Z", "", before)
                if re.search(
                    rf"(?:will|{_A}ll|{_A}d|would|gonna|going\s+to|to|can|could|offered|promised)\s*$",
                    before,
                    re.I,
                ):
                    continue
                span = None
                for cand in _NAME_WORD_B_RE.finditer(before):
                    sub = _scan_name(t, s + cand.start(), s + len(before), lower_ok=False)
                    if sub and sub[1] == s + len(before) and (span is None or sub[0] < span[0]):
                        span = sub
                intro_by = None
                if span is not None:
                    intro_by = self.add_person(t[span[0] : span[1]], span[0], index)
                elif subject := re.search(  # "she finally introduced me to …"
                    rf"\b({_SUBJ_PRONOUN})(?:\s+(?:finally|also|then|kindly|just|even|later))?\s*$",
                    before,
                    re.I,
                ):  # (who "she" or "he" is, by agreement: not the man met last)
                    intro_by = self.pronoun(subject.group(1), s + subject.start(1))
                typed = _typed_lower(t, m.end(), e)  # "he intro'd me to his coworker anouk"
                targets = self.name_list(m.end(), e, index, lower_ok=typed)
                group = None if targets else _DESCRIBED_GROUP.match(t, m.end(), e)
                if group is not None:  # "introduced me to two of her PhD students, Elif
                    targets = self.name_list(group.end(), e, index, lower_ok=typed)  # Aksoy …"
                if not targets and typed:  # "she introduced me to her postdoc kwabena asante"
                    targets = [
                        self.add_person(self.lookup(n.name) or n.name, n.start, index)
                        for n in lower_case_list(t, m.end(), e)
                    ]
                more = re.compile(r",?\s+and\s+(?:also\s+)?to\s+").search(t, m.end(), e)
                if targets and more:  # "introduced me to Tobias, who ..., and to Chioma Eze"
                    targets += self.name_list(more.end(), e, index, lower_ok=typed)
                pronoun = re.compile(r"(him|her|them)\b", re.I).match(t, m.end(), e)
                if not targets and pronoun:
                    who = self.recent(
                        m.start(),
                        exclude=frozenset([intro_by.casefold()]) if intro_by else frozenset(),
                    )
                    targets = [who] if who else []
                for name in targets:
                    if intro_by and name != intro_by:
                        self.intros.append(ParsedIntroduction(intro_by, name, None, True, (s, e)))
            for m in _I_INTRODUCED.finditer(t, s, e):
                person = self._who(m.group("x"), m.start("x"), index)
                target = _scan_name(t, m.end(), e, lower_ok=False)
                if person and target and target[0] == m.end():
                    to = self.resolve(t[target[0] : target[1]])
                    self.intros.append(ParsedIntroduction(None, person, to, True, (s, e)))
                elif person:  # "… to my old colleague Finn Gallagher": the name after the role
                    to = self.intro_target(t[m.end() : e])
                    if to and to[:1].isupper() and to != person:
                        self.intros.append(ParsedIntroduction(None, person, to, True, (s, e)))
            for m in _INTRODUCED_TO_ME.finditer(t, s, e):
                if m.group("x").casefold() in ("me", "us"):
                    continue
                before = t[s : m.start()].rstrip()
                by = None
                for cand in _NAME_WORD_B_RE.finditer(before):
                    sub = _scan_name(t, s + cand.start(), s + len(before), lower_ok=False)
                    if sub and sub[1] == s + len(before):
                        by = (  # "Yumi Sato introduced him to me last month": not met today
                            self.name_of(t[sub[0] : sub[1]])
                            if _LONG_AGO.search(t, m.end(), e)
                            else self.add_person(t[sub[0] : sub[1]], sub[0], index)
                        )
                        break
                person = self._who(m.group("x"), m.start("x"), index, exclude=by)
                if by and person:
                    self.intros.append(ParsedIntroduction(by, person, None, True, (s, e)))
            for m in _ASKED_TO_INTRO.finditer(t, s, e):
                asked = self._who(m.group("x"), m.start("x"), index)
                wanted = self.intro_target(t[m.end() : e])
                if asked and wanted:
                    self.intros.append(ParsedIntroduction(asked, wanted, None, False, (s, e)))
            for m in _INTRODUCING_ME.finditer(t, s, e):
                before = t[s : m.start()]
                thanked = re.search(
                    rf"thank(?:ed|s)?\s+(?P<x>him|her|them|{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*$",
                    before,
                    re.I,
                )
                if not thanked:
                    continue
                x = thanked.group("x")
                intro_by = (
                    self.recent(m.start())
                    if x.casefold() in ("him", "her", "them")
                    else self.resolve(x)
                )
                span = _scan_name(t, m.end(), e, lower_ok=False)
                pronoun = re.compile(r"(him|her|them)\b", re.I).match(t, m.end(), e)
                person = (
                    self.resolve(t[span[0] : span[1]])
                    if span
                    else self.pronoun(
                        pronoun.group(1), m.start(), exclude=frozenset([intro_by.casefold()])
                    )
                    if pronoun and intro_by
                    else None
                )
                if intro_by and person:
                    self.intros.append(ParsedIntroduction(intro_by, person, None, True, (s, e)))
            for m in _VIA.finditer(t, s, e):
                span = _scan_name(t, m.end(), e, lower_ok=_typed_lower(t, s, e))
                met = re.search(r"\bmet\s+(?P<y>.+?)\s*$", t[s : m.start()], re.I) or re.search(
                    rf"(?P<y>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}),?\s+whom?\s+i\s+(?:first\s+)?met\s*$",
                    t[s : m.start()],
                    re.I,
                )
                if span and met:
                    y = met.group("y").strip()
                    tail = re.search(r"(?:[A-Z][\w'\-]*\s*)+$", y)
                    if "who" in met.group().casefold() and tail:
                        y = tail.group().strip()  # "Call with Kwame Asante, who I met via"
                    via = (
                        self.pronoun(y, met.start("y") + s)
                        if y.casefold() in ("him", "her")
                        else self.lookup(y) or self.resolve(y)
                    )  # "Hugo Lambert came by — met him via Amélie Girard": Hugo
                    if not via:
                        continue
                    self.intros.append(
                        ParsedIntroduction(
                            self.resolve(t[span[0] : span[1]]), via, None, True, (s, e)
                        )
                    )
            for m in _WHO_X_INTRODUCED.finditer(t, s, e):  # "Jonas, who Marie connected me with"
                y, x = self.lookup(m.group("y")), m.group("x")
                if y and x.casefold() not in _NOT_NAME:
                    self.intros.append(ParsedIntroduction(self.resolve(x), y, None, True, (s, e)))
            for m in _PASSIVE_INTRO.finditer(t, s, e):
                names = self.name_list(m.end(), e, index, lower_ok=False)
                by_word = _BY_RE.search(t, m.end(), e)
                if by_word and names:
                    span = _scan_name(t, by_word.end(), e, lower_ok=False)
                    if span:
                        intro_by = self.add_person(t[span[0] : span[1]], span[0], index)
                        for name in names:
                            if name != intro_by:
                                self.intros.append(
                                    ParsedIntroduction(intro_by, name, None, True, (s, e))
                                )

    def bare_intros(self) -> None:
        """ "Met Ana Ruiz — intro to Ben Ode", "Introduce me to Ben, she said": the one
        person met (or the one who said it) will introduce the writer; else nobody."""
        for c, at, speaker in self.pending_intros:
            target = self.intro_target(self.text[at : c.end])
            if speaker:
                by = self._who(
                    speaker if speaker.casefold() not in ("she", "he", "they") else "her",
                    c.start,
                    c.sentence,
                )
            else:
                by = self.people[0] if len(self.people) == 1 else None
            if by and target and target != by:
                self.intros.append(ParsedIntroduction(by, target, None, False, self.span(c)))

    def intro_from_promise(self, c: _Clause, desc: str, span: tuple[int, int]) -> None:
        if not _INTRO_HINT.search(desc):
            return
        bare = _BARE_INTRO.match(desc)
        if bare is not None and c.kind == "me" and c.person:  # "owe her an intro to Felix"
            target = self._pronoun_target(self.intro_target(desc[bare.end() :]), span, c.person)
            if target and target != c.person:
                self.intros.append(ParsedIntroduction(None, c.person, target, False, span))
            return
        if bare is not None and c.kind == "them" and c.person:
            target = self._pronoun_target(self.intro_target(desc[bare.end() :]), span, c.person)
            if target:
                self.intros.append(ParsedIntroduction(c.person, target, None, False, span))
            return
        m = _INTRO_DESC.match(desc)
        if m is None:
            return
        who, target = m.group("who"), self.intro_target(m.group("to"))
        target = self._pronoun_target(target, span, c.person)
        if not target or (desc[:7].casefold() == "connect" and not target[:1].isupper()):
            return
        if who.casefold() in ("me", "us"):
            if c.kind == "them" and c.person:
                self.intros.append(ParsedIntroduction(c.person, target, None, False, span))
            return
        if c.kind == "them":  # "Ana will introduce Ben to Carl", "... introduce him to Yusuf"
            if who.casefold() in ("him", "her", "them") and c.person:
                at = c.desc[0] + desc.casefold().find(who.casefold())
                other = self.pronoun(who, at, exclude=frozenset([c.person.casefold()]))
            else:
                other = self.lookup(who)
            if c.person and other and other != c.person:
                self.intros.append(ParsedIntroduction(c.person, other, target, False, span))
            return
        if who.casefold() in ("him", "her", "them"):
            person = c.person
        else:
            person = self.lookup(who) or tidy_name(who)
        if person:
            self.intros.append(ParsedIntroduction(None, person, target, False, span))

    def _pronoun_target(self, target: str, span: tuple[int, int], by: str | None) -> str:
        """ "Siobhan will introduce me to him" after "Her manager, Declan Fitzpatrick,
        wants to meet me": the one introduced is someone only talked about, named before;
        "" when there is nobody such."""
        if target.casefold() not in ("him", "her", "them"):
            return target
        met = {p.casefold() for p in self.people} | {(by or "").casefold()}
        return self._last_full_name_before(span[1], frozenset(met)) or ""

    def intro_target(self, raw: str) -> str:
        """ "her co-founder Mert" -> "Mert"; "Vik at Sequoia" -> "Vik"; "our CTO" kept;
        "their CTO, Maja" -> "Maja"; "their web dev (Bastien)" -> "Bastien"."""
        named = _APPOSITIVE_RE.match(raw.strip()) or _DESCRIBED_THEN_NAME.match(raw.strip())
        if named and named.group("name").split()[0].casefold() not in _NOT_NAME:
            return self.resolve(named.group("name"))
        # "their web dev (Bastien)": a role, then the name in brackets
        bracketed = re.match(
            r"(?:her|his|their|my|our|the)\s+(?:[a-z][\w-]*\s+){1,3}\((?P<name>[A-Z][\w'-]+"
            r"(?:\s+[A-Z][\w'-]+){0,2})\)",
            raw.strip(),
        )
        if bracketed and bracketed.group("name").split()[0].casefold() not in _NOT_NAME:
            return self.resolve(bracketed.group("name"))
        raw = re.split(
            r"\s+(?:at|from|about|for|who|because|so|since|re|in(?!\s+law\b)|by|via|over|after"
            r"|before|once"
            # "… Mathieu Girard if the numbers hold up", "Nina Kapoor on the ECM desk"
            r"|when|next|this|tomorrow|if|unless|on|-)\s+|[,;(]",
            raw.strip(),
            maxsplit=1,
        )[0]
        raw = raw.strip(" .!?")
        words = raw.split()
        if not words:
            return ""
        # "her partner …", "there head of design …" (typed for "their"), "Goldman's …"
        determiner = words[0].casefold() in ("her", "his", "their", "there", "my", "our", "the")
        determiner = determiner or bool(_POSSESSIVE_WORD.fullmatch(words[0]))
        # "their cto karthik", and without the determiner: "cfo ama owusu"
        led = determiner or words[0].casefold() in _INTRO_ROLE
        role = [i for i, w in enumerate(words) if w.casefold() in _INTRO_ROLE] if led else []
        rest = words[role[-1] + 1 :] if role else []
        if rest and re.fullmatch(r"(?:mr|mrs|ms|dr|prof)\.?", rest[0]) and len(rest) > 1:
            rest = rest[1:]  # "their procurement head mr chen": the title is no part of it
        if (
            rest
            and len(rest) <= 3
            and all(w.replace("-", "").replace("'", "").isalpha() for w in rest)
            and rest[0].islower()
            and not any(w.casefold() in _NOT_NAME for w in rest)
        ):  # typed in lower case: "their cto karthik", "my old boss mark o'connor"
            return self.lookup(" ".join(rest)) or tidy_name(" ".join(rest))
        if determiner and _is_cap(words[-1]):
            for i in range(1, len(words)):
                if (
                    _is_cap(words[i])
                    and not words[i].isupper()
                    and all(_is_cap(w) or w.casefold() in _PARTICLES for w in words[i:])
                ):
                    return self.resolve(" ".join(words[i:]))
        span = _scan_name(raw, 0, len(raw), lower_ok=False)
        if span and span[1] == len(raw) and (span[0] == 0 or _TITLES.fullmatch(raw, 0, span[0])):
            # (a title before the name, "Ms. Yuko Mori", is dropped as for people met)
            return self.lookup(raw[span[0] :]) or tidy_name(raw[span[0] :])
        return raw
