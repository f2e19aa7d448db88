"""Where the meeting happened ("at the robotics meetup") and each person's organization
("from Adyen", "(Nokia)", "VP at Klarna", stated later in the note)."""

from __future__ import annotations

import re

from desktop.domain.capture.lexicon import (
    _A,
    _AFTER_VERB,
    _ALL_AT_RE,
    _AT_FOR_LOWER_RE,
    _AT_FOR_RE,
    _EMPLOYER_LOWER_RE,
    _EMPLOYER_RE,
    _EMPLOYER_VERB,
    _LEAD,
    _MEAL_RE,
    _MEAL_WORDS,
    _MEET_RE,
    _PARTICLES,
    _PLACE_LEAD,
    _PLACE_STOP,
    _POSSESSIVE_END_RE,
    _ROLE_AT_RE,
    _ROLES,
    _TEAM_AT_RE,
    _TIME_RE,
    _WEEKDAY_OR_MONTH,
    _WORK_AT,
    _WORK_WORD_RE,
)
from desktop.domain.capture.names import _typed_lower
from desktop.domain.capture.reader_base import _Clause, _ReaderBase


class _PlaceFinder(_ReaderBase):
    """Finds the place and each person's organization."""

    def find_place(self, sentences: list[tuple[int, int]], clauses: list[_Clause]) -> None:
        """Where: "at/in/during X" in the sentence that says whom the writer met, unless
        that "at" names an employer ("VP at Klarna", "works at MTN")."""
        t = self.text
        promise_spans = [(c.desc[0], c.end) for c in clauses if c.kind]
        meeting = [
            (s, e)
            for s, e in sentences
            if _MEET_RE.search(t, s, e) or any(s <= p < e for p, _n, _i in self.mentions)
        ]
        anyone = bool(meeting)
        if sentences and sentences[0] not in meeting:  # "Xmas drinks at the Crown. Ran into"
            meeting.insert(0, sentences[0])
        meeting = meeting or sentences  # nobody named: where it happened still counts
        heading = clauses[0].start if clauses else -1
        for s, e in meeting:
            found: list[tuple[str, str, bool, int]] = []  # (lead, place, article?, where)
            for m in _PLACE_LEAD.finditer(t, s, e):
                if any(a <= m.start() < b for a, b in promise_spans):
                    continue
                if _WORK_AT.search(t[max(s, m.start() - 30) : m.end()]) and re.search(
                    rf"(?:{_WORK_AT.pattern})$", t[max(s, m.start() - 30) : m.end()], re.I
                ):
                    continue
                lead = m.group().split()[0].casefold()
                before = t[max(s, m.start() - 30) : m.start()]
                dept = r"(?P<dept>(?:\s+(?-i:[A-Z])[\w&-]*){0,2})"
                employer = re.search(
                    rf"\b(?:both|all|also|still|now|{_ROLES}{dept})\s*\Z", before, re.I
                )
                named = employer.group("dept") if employer else ""
                if employer and not (named and self.lookup(named)):
                    # "both at monzo", "VP Procurement at Unilever": where they work
                    continue
                if self._after_introduced(t[max(s, m.start() - 40) : m.start()]):
                    continue  # "introducing me to Marta de los Santos at Nubank": her employer
                clause = next((c for c in clauses if c.start <= m.start() < c.end), None)
                lo = clause.start if clause else s
                met_here = _MEET_RE.search(t, lo, m.start()) is not None
                if (
                    anyone
                    and clause
                    and not met_here
                    and m.start() != clause.start  # "At the climate meetup: Ana, Ben"
                    and clause.start != heading  # "Workshop in Lagos; had lunch with ..."
                    and not _MEAL_RE.search(t, clause.start, m.start())
                    and not any(clause.start <= p < clause.end for p, _n, _i in self.mentions)
                ):
                    continue  # "she teaches at a bootcamp": not where we met
                lenient = met_here and re.search(r"\bat\s+$", m.group(), re.I) is not None
                place = self.place_phrase(m.end(), e, lenient=lenient)
                place = re.split(r"\s+(?:went|ran|was|were|started|ended|finished)\b", place)[0]
                if not place or self._is_org_text(place) or _TIME_RE.fullmatch(place):
                    continue
                if place.casefold() in ("some point", "the moment", "least", "last", "first"):
                    continue  # "at some point": when, not where
                article = t[m.end() : m.end() + 4].lower().startswith(("the ", "a ", "an "))
                if lead == "in" and not place[0].isupper() and not article:
                    continue
                found.append((lead, place, article, m.start()))
            if (
                len(found) >= 2
                and found[0][0] == found[1][0] == "at"
                and not found[0][2]
                and not re.search(r"[\u2014\u2013;:]|\s-\s|\bwe\b", t[found[0][3] : found[1][3]])
            ):
                # "Met Ana at Acme at PyCon": of two "at"s the first is where she works
                if len(self.people) == 1 and self.people[0] not in self.orgs:
                    self.orgs[self.people[0]] = found[0][1]
                found.pop(0)
            if found:
                self.place = found[0][1]
                return

    def _after_introduced(self, before: str) -> bool:
        """Whether ``before`` ends with the name of someone introduced, not met."""
        met = {p.casefold() for p in self.people}
        for intro in self.intros:
            for name in (intro.person, intro.to):
                if name and name.casefold() not in met and before.rstrip().endswith(name):
                    return True
        return False

    def _is_org_text(self, place: str) -> bool:
        return place.casefold() in {o.casefold() for o in self.orgs.values()}

    def place_phrase(self, pos: int, hi: int, *, lenient: bool) -> str:
        """ "the payments meetup" -> "payments meetup", "PyCon 2026", "keynote of RustConf":
        after an article any words (until a name or a function word), else capitalised
        words with at most two lower-case words after them ("CES prep day")."""
        t = self.text
        article = re.compile(r"(?:the|a|an)\s+", re.I).match(t, pos, hi)
        loose = article is not None or lenient
        if article:
            pos = article.end()
        tokens = list(re.compile(r"[^\s,;:!?()]+").finditer(t, pos, hi))
        words: list[str] = []
        lower_seen = 0
        town = False  # after "in": the town or area the place is in, capitalised words
        prev_end = pos
        for index, m in enumerate(tokens):
            if t[prev_end : m.start()].strip() or "\n" in t[prev_end : m.start()]:
                break
            prev_end = m.end()
            raw = m.group()
            w = raw.rstrip(".")
            folded = w.casefold()
            if not w or not (any(ch.isalnum() for ch in w) or w == "&") or folded in ("w/", "w"):
                break
            nxt = tokens[index + 1].group() if index + 1 < len(tokens) else ""
            if (
                words
                and words[-1][:1].isupper()
                and not _POSSESSIVE_END_RE.search(words[-1])
                and w.islower()
                and (
                    (folded in _MEAL_WORDS and not loose)
                    or (
                        w.endswith("ing")
                        and (nxt.casefold() in _PLACE_STOP or nxt.casefold() in _AFTER_VERB)
                    )
                )
            ):
                break  # "at Te Papa going through the archive", "in Nagoya dinner with"
            if folded in _PARTICLES and words and nxt[:1].isupper():
                words.append(w)  # "Café de Jaren"
                continue
            if folded in ("of", "&") and words:
                if not nxt[:1].isupper():
                    break
                words.append(w)
                continue
            if (
                folded == "in"
                and words
                and words[-1].casefold() != "in"
                and nxt[:1].isupper()
                and nxt[:1].isalpha()
                and nxt.rstrip(".,").casefold() not in _WEEKDAY_OR_MONTH
                and not self._is_org_text(nxt.rstrip(".,"))
            ):
                # "the UNDP office in Gigiri", "the café in Richmond Park": where it is is
                # part of the place (as every writer of the corpus wrote it)
                # (but "Women in Tech gala": a name with "in" in it, its event word after)
                town = not words[-1][:1].isupper()
                words.append(w)
                continue
            if folded in _PLACE_STOP or folded in ("again", "wi"):  # "at the gym again", Scots
                # "at the Ben Nevis wi Callum"
                break
            capital = w[:1].isupper() or w[:1].isdigit()
            if capital:
                if lower_seen and words and words[-1].casefold() not in ("of", "&") and not town:
                    break
            elif town:
                break  # "in Berlin on Friday"
            elif (loose and not _POSSESSIVE_END_RE.search(w)) or (
                words and not loose and lower_seen < 2 and w.isalpha()
            ):
                lower_seen += 1
            elif _POSSESSIVE_END_RE.search(w) and not words:
                pass
            else:
                break
            words.append(w)
            if raw.endswith(".") and not re.fullmatch(r"(?:St|Mt|Dr)\.", raw):
                break
            if len(words) == 6:
                break
        while words and words[-1].casefold() in ("of", "&", "the", "all", "in"):
            words.pop()
        if words and not loose and not words[0][:1].isupper() and not words[0][:1].isdigit():
            return ""
        return " ".join(words)

    def _org_from_clause(self, c: _Clause) -> bool:
        """ "now a solicitor at X" after a dash, "Her team at X", "fyi: both at nubank"."""
        t = self.text
        lead = _LEAD.match(t, c.start, c.end)
        at = lead.end() if lead else c.start
        role = _ROLE_AT_RE.match(t, at, c.end)
        team = _TEAM_AT_RE.search(t, c.start, c.end)
        both = _ALL_AT_RE.search(t, c.start, c.end)
        if role and self._after_break(c.start):
            who = self.recent(role.start())
            org = self.org_phrase(role.group("org"))
            if who and org:
                self.orgs.setdefault(who, org)
            return True
        if team:
            who = self.pronoun(team.group("subj"), team.start())
            org = self.org_phrase(team.group("org"))
            if who and org:
                self.orgs.setdefault(who, org)
            return True
        if both and len(self.people) > 1:
            org = self.org_phrase(both.group("org"))
            for person in self.people if org else []:
                self.orgs.setdefault(person, org)
            return bool(org)
        return False

    def find_orgs(self, clauses: list[_Clause]) -> None:
        """ "he works at MTN", "she's at Careem now", "just started at Siemens": the
        employer of the clause's subject (a name, or a pronoun by recency)."""
        t = self.text
        for c in clauses:
            if self._org_from_clause(c):
                continue
            lower = _typed_lower(t, c.start, c.end)
            near = _AT_FOR_RE.search(t, c.start, c.end) or (
                _AT_FOR_LOWER_RE.search(t, c.start, c.end) if lower else None
            )
            if near is None:
                continue
            lo = max(c.start, near.start() - 80)  # the subject is close to its "at"
            m = _EMPLOYER_RE.search(t, lo, c.end)
            if m is None and lower:
                m = _EMPLOYER_LOWER_RE.search(t, lo, c.end)
                said = m.group()[len(m.group("subj")) :] if m else ""
                if m and not _EMPLOYER_VERB.search(said):
                    m = None  # "dana at the farmers market": where, not whose
            if m is None:
                m2 = re.compile(r"new\s+job\s+at\s+(?P<org>[A-Z][^,;.\n]*)").search(
                    t, c.start, c.end
                )
                if m2 is None:
                    continue
                who = self.recent(m2.start())
                org = self.org_phrase(m2.group("org"))
            else:
                subj = re.split(_A, m.group("subj"))[0]  # "Leila's a partner at ..."
                work = subj.casefold() == "who" or (
                    subj.islower() and _WORK_WORD_RE.search(m.group()) is not None
                )
                whose = list(re.finditer(r"\bwho\b", t[lo : m.start() + 3])) if work else []
                at_who = lo + whose[-1].start() if whose else -1
                named = [  # the full name just before that "who"
                    n
                    for at, n in (self._full_names_before(at_who) if whose else [])
                    if at >= at_who - 60
                ]
                if named and self.lookup(named[-1]):
                    # "…, Anika Sharma, who just moved here for a job at Rolls-Royce": hers
                    who = self.lookup(named[-1])
                elif subj.casefold() in ("she", "he"):  # "he's a paramedic, she's at Deloitte"
                    who = self.pronoun(subj, m.start())
                    if who not in self.people:  # "… Hanna Berg, she's at Creandum": not met
                        who = self.recent(m.start())
                elif subj.casefold() in ("they", "who"):
                    who = self.recent(m.start())
                else:
                    who = (
                        self.lookup(subj)
                        or self.lookup(subj.split()[0])
                        or self.lookup(subj.split()[-1])
                    )
                    if who is None and subj.islower() and _WORK_WORD_RE.search(m.group()):
                        who = self.recent(m.start())  # "new job at Monzo": the one talked about
                    if who is None:
                        continue
                org = self.org_phrase(m.group("org"), as_typed=lower)
            if who and org and who not in self.orgs:
                if self.place and org.casefold() == self.place.casefold():
                    continue
                self.orgs[who] = org
