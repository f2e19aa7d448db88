"""Cutting a note into clauses: at sentence ends, semicolons, dashes, bullets and line
breaks, then at a comma or "and"/"but" that starts a new clause, so that a date, a place
or an owner belongs to the clause it is written in."""

from __future__ import annotations

import re

from desktop.domain.capture.due_dates import find_due
from desktop.domain.capture.first_names import is_first_name
from desktop.domain.capture.lexicon import (
    _A,
    _ACTION_VERB,
    _ANOTHER_ACTION,
    _ASKED_ME,
    _CARRY_MODAL,
    _DATED_LEAD,
    _LABEL_BEFORE,
    _LEAD,
    _LINKING_WORDS,
    _ME_PATTERNS,
    _NAME_THEN_VERB,
    _NAME_WORD,
    _NAME_WORD_RE,
    _NOT_NAME,
    _POSSESSOR_THEN_NAME,
    _PRESENT_PLAN_S,
    _SAID_THEY,
    _SECOND_INFINITIVE,
    _SOFT_SPLIT_RE,
    _SPLIT_RE,
    _SUBJ_PRONOUN,
    _SUBJECT_ASIDE,
    _THEM_DEBT,
    _THEM_MODAL_S_RE,
    _TITLES,
    _WAITING,
    _WHO_PROMISES,
    _words,
)
from desktop.domain.capture.names import ONE_NAME_ONLY, _skip_descriptor
from desktop.domain.capture.reader_base import _Clause, _ReaderBase
from desktop.domain.capture.rules import abbreviation_before

_CORRECTION_WORD = re.compile(  # a correction, then (checked) a date
    r"(?:actually|sorry|no\s*,?\s*wait|wait\s*,?\s*no|correction|i\s+mean|or\s+rather)\b[\s,:\-]*",
    re.I,
)
_LOWER_MINUTE_BEFORE = re.compile(  # "raj will share the sow draft by fri, " before "mei to …"
    r"(?:\A|[.!?\n]\s*|[-,]\s+)[a-z][\w\-]+\s+(?:to|will|2)\s+[a-z][^.!?\n]*,\s*\Z"
)
_BEFORE_INITIAL = re.compile(  # where an initial and a name follow: a list, "with", "to"
    r"(?:^|\n|[,(+/&\]\-*\u2022\u2610\u2611\u2612\u2192>:]|\bw/"
    r"|\b(?:with|to|and|met|for|from|by|cc|asked|told|thanked|send|email|mail|call|ring|ping"
    r"|text|tell|ask|remind|thank|meet|introduce|intro|invite|brief|pay|give|show|forward"
    r"|copy|chase))[ \t]*\Z",
    re.I,
)
_APPOSED_NAME_BEFORE = re.compile(  # "…, Andrés Villalobos, " right before a verb
    r"\b(?:his|her|their|our|my)\s+[a-z][\w'\-]*(?:\s+[a-z][\w'\-]*){0,2},\s*"
    r"(?-i:[A-Z])[\w'\-]*(?:\s+(?-i:[A-Z])[\w'\-]*){0,2},\s*\Z",
    re.I,
)
_SOMEONE_ELSE_ACTS = re.compile(  # "the boss wants it", "their security team has to …"
    r"(?:the|their|his|her|our|my)\s+(?:[a-z][\w\-]*\s+){1,2}?"
    r"(?:has|have|had|is|are|was|were|wants?|needs?|will|must|said|says|thinks?)\b",
    re.I,
)


_MODAL_THEN_PLUS = re.compile(  # my modal earlier in the sentence, no break since
    r"(?:\bi\s+(?:need\s+to|have\s+to|must|will|should|gotta|gonna)|\bi['\u2019]ll"
    # theirs too: "Camille will review my slides + send notes by sat"
    r"|\b[^\W\d_][\w'\u2019\-]*\s+will|\b(?:she|he|they)['\u2019]ll"
    r"|\b(?:she|he|they)\s+(?:is\s+|are\s+|['\u2019]s\s+)?(?:gonna|going\s+to)"
    r"|(?:^|(?<=[.!?]\s))\W*(?:need\s+to|need\s+2|must|gotta|gonna|will))\s[^;:\n]*\Z",
    re.I | re.M,
)


# a to-do written without a subject, then "+": "me: sign NDA + send back to him", "- set up
# the sandbox + send creds to Rosa": two actions of one to-do
_ACTION_THEN_PLUS = re.compile(
    r"[\s\-*\u2022\u00b7>\u2192]*(?:(?:me|i)\s*[:\-\u2192]\s*|(?:me|i)\s+to\s+)?"
    r"(?:send|email|call|ping|share|book|check|follow|ask|set|make|pay|bring|review|write|text"
    r"|update|confirm|sign|order|chase|draft|prepare|prep|finish|fix|get|buy|return|submit"
    r"|introduce|intro|connect|arrange|organise|organize|schedule|print|fill|file|find|test"
    r"|clean|draw|collect|pick|drop|drive|post|ship|read|edit|proofread|translate)\b[^;:\n+]*",
    re.I,
)
# someone met, then what they did for me: a clause of its own after a comma
_NAME_THEN_DEED = re.compile(
    r"(?P<who>[^\W\d_][\w'\-]+)\s+(?:lent|gave|sent|brought|paid|bought|covered|drove|helped"
    r"|showed|got|made|fixed)\s+(?:me|us)\b",
    re.I,
)
# a first name, then a promise of theirs, right after a word: a run-on sentence's next clause
_RUN_ON_NAME = re.compile(
    r"(?<=[a-z])[ \t]+(?=(?P<name>[^\W\d_][\w'\-]+)[ \t]+(?:will|wil|['\u2019]ll|is[ \t]+gonna"
    r"|gonna|promised|offered|(?:still[ \t]+)?owes[ \t]+(?:me|us)"
    r"|said[ \t]+(?:she|he)(?:['\u2019]?d|[ \t]+would|['\u2019]?ll))\b)",
    re.I,
)
_NO_RUN_ON_AFTER = _LINKING_WORDS | frozenset(
    _words("& a an her his intro introduced meet my nor or our than the their your")
)
_NAMED_DOER = re.compile(
    rf"(?-i:[A-Z])[\w'\-]+(?:[ \t]+(?-i:[A-Z])[\w'\-]+)?(?:[ \t]+to|[ \t]+will|{_A}ll)[ \t]",
)


class _ClauseCutter(_ReaderBase):
    """Cuts the note into clauses."""

    def clauses(self, sentences: list[tuple[int, int]]) -> list[_Clause]:
        """Cut each sentence at hard breaks, then at commas/"and" that start a clause."""
        out: list[_Clause] = []
        for index, (s, e) in enumerate(sentences):
            hard: list[tuple[int, int]] = []
            pos = s
            for m in _SPLIT_RE.finditer(self.text, s, e):
                label = ":" in m.group() and _LABEL_BEFORE.search(self.text, s, m.start())
                if (
                    label
                    and not (
                        label.group().strip().casefold()
                        in ("them", "they", "him", "her", "she", "he")
                        # a bullet before "Him:" ("- him:", "→ him:") is still a label
                        and self.text[s : label.start()].strip(
                            " \t-*\u2022\u00b7>[]\u2192\u2013\u2014"
                        )
                    )
                    # "Key follow-ups: Wei Ling to send …": a heading, then who does what
                    and not _NAMED_DOER.match(self.text, m.end(), e)
                ):  # "TODO: send ..." stays one clause: the label says who; but "Actions
                    # as I understood them: Gareth will …" is a heading, then a clause
                    continue
                if (
                    m.group().strip() == "+"
                    and (
                        _MODAL_THEN_PLUS.search(self.text, s, m.start())
                        or _ACTION_THEN_PLUS.fullmatch(self.text, pos, m.start())
                    )
                    and not self._ends_dated(pos, m.start())
                ):  # "need to check w/ the client + get back to her by fri": and (but "send
                    # the report mon + check …": the first has its own date, two to-dos)
                    continue
                word = re.search(r"(?<!\w)([^\W\d_]+)\.\Z", self.text[s : m.start()])
                if word and (
                    abbreviation_before(self.rules, word.group(1), self.text[m.end() :])
                    or self._initial_of_name(s, s + word.start(1), m.end())
                ):  # "Prof. Alasdair Grant", "Sr. Data Eng", "M. Benali": no break
                    continue
                if m.start() > pos:
                    hard.append((pos, m.start()))
                pos = max(pos, m.end())
            hard.append((pos, e))
            for lo, hi in hard:
                pos = lo
                splits = [*_SOFT_SPLIT_RE.finditer(self.text, lo, hi), *self._run_on(lo, hi)]
                for m in sorted(splits, key=lambda found: found.start()):
                    if m.start() <= pos:
                        continue
                    if _DATED_LEAD.fullmatch(self.text, pos, m.start() + 1):
                        continue  # "Tomorrow I'll call her": the date leads the clause
                    if m.re is _RUN_ON_NAME or self.starts_clause(m.end(), hi):
                        out.append(_Clause(pos, m.start(), index))
                        pos = m.end()
                    elif (
                        (
                            _ACTION_VERB.match(self.text, m.end(), hi)
                            or _CARRY_MODAL.match(self.text, m.end(), hi)
                            or _SECOND_INFINITIVE.match(self.text, m.end(), hi)
                        )
                        and re.search(r"\band\b|,\s*n\s", m.group())  # ", n send her …"
                    ) or (  # "deliver the kits by March 9 and run a session on March 16"
                        re.search(r"\band\b", m.group())
                        and _ANOTHER_ACTION.match(self.text, m.end(), hi)
                        and self._ends_dated(pos, m.start())
                    ):
                        out.append(_Clause(pos, m.start(), index))
                        out.append(_Clause(m.end(), m.end(), index, kind="same"))
                        pos = m.end()
                out.append(_Clause(pos, hi, index))
        merged: list[_Clause] = []
        for c in out:
            if c.kind == "same" and merged is not None:
                continue
            merged.append(c)
        # a "same" marker precedes the clause that carries on with the same actor
        result: list[_Clause] = []
        same_next = False
        for c in out:
            if c.kind == "same":
                same_next = True
                continue
            if same_next:
                c.kind, same_next = "", False
                c.continues = True
            result.append(c)
        return [c for c in (self.trim(c) for c in result) if c.end > c.start]

    def trim(self, c: _Clause) -> _Clause:
        t = self.text
        while c.start < c.end and (
            t[c.start].isspace() or t[c.start] in "-*\u2022\u00b7\u30fb>,;:\u2192\u27a1\ufe0f\u2610"
        ):
            c.start += 1
        while c.end > c.start and (t[c.end - 1].isspace() or t[c.end - 1] in ".,;:!?-\u2014\u2013"):
            c.end -= 1
        return c

    def _ends_dated(self, lo: int, hi: int) -> bool:
        """Whether ``lo``..``hi`` ends with its due date ("send the report mon", "deliver
        the kits by March 9"): an action dated on its own."""
        due = find_due(self.text, lo, hi, self.now.date(), self.rules)
        return due is not None and not self.text[due[1] : hi].strip(" \t,.;")

    def _run_on(self, lo: int, hi: int) -> list[re.Match[str]]:
        """Where a sentence typed without punctuation starts a new clause with a first
        name and a promise ("… need a new site joão will send me their brief")."""
        found = []
        for m in _RUN_ON_NAME.finditer(self.text, lo, hi):
            before = re.search(r"([\w'\u2019]+)\W*\Z", self.text[lo : m.start()])
            if (
                is_first_name(m.group("name"))
                and before is not None
                and before.group(1).casefold() not in _NO_RUN_ON_AFTER
                and not is_first_name(before.group(1))  # "met ana maria will …"
                and not (before.group(1)[:1].isupper() and m.group("name")[:1].isupper())
                # "His son Ibrahim will …": who he is to someone, then the name
                and not self._owned_name_at(lo, m.end(), hi)
                # "nur aisyah will …" after "Ms Nur Aisyah binti Rahman": one name
                and self.text.casefold().count(f"{before.group(1)} {m.group('name')}".casefold())
                < 2
            ):
                found.append(m)
        return found

    def _initial_of_name(self, s: int, at: int, after: int) -> bool:
        """Whether the capital letter at ``at`` (a full stop after it) is an initial of
        a name: joined initials ("A.K. Singh"), or one before a capitalised word where a
        name is written ("w/ R. Banerjee", "proposed to M. Benali"); but "… for Mrs K.
        Owen will book theatre" and "poster session B. Prof. Okeke" end a clause."""
        t = self.text
        if not (t[at].isupper() and t[at + 1 : at + 2] == "."):
            return False
        if t[at - 2 : at + 2] == "H.E.":
            return False  # His Excellency: a title, as before
        if (
            t[at] != "M"
            and re.search(rf"(?<![\w.]){t[at]}\.[ \t]+(?-i:[A-Z])[a-z]", t)
            and (_BEFORE_INITIAL.search(t, s, at) or not t[s:at].strip(" \t-*\u2022\u00b7>[]"))
        ):  # "J. to send numbers … send J. the headcount plan" after "w/ J. Alvarez"
            return True
        if t[at - 1 : at] == "." and (
            re.match(r"[A-Z]|(?:to|will|said|owes)\s", t[after : after + 6])
            or t[s : at - 2].strip(" \t-*\u2022\u00b7>[]")
        ):  # "A.K. to send the QC report", "send T.J. rate card" (but "M.S. also said …")
            return True
        return bool(ONE_NAME_ONLY.match(t, after)) and bool(_BEFORE_INITIAL.search(t, s, at))

    def _owned_name_at(self, lo: int, at: int, hi: int) -> bool:
        """Whether the name at ``at`` follows whose relation it is ("His son Ibrahim")."""
        return any(
            found.start("name") == at
            for found in _POSSESSOR_THEN_NAME.finditer(self.text, max(lo, at - 50), hi)
        )

    def _dated_up_to_comma(self, pos: int, hi: int) -> bool:
        """Whether a due date is written between ``pos`` and the next comma."""
        cut = self.text.find(",", pos, hi)
        end = hi if cut < 0 else cut
        return find_due(self.text, pos, end, self.now.date(), self.rules) is not None

    def starts_clause(self, pos: int, hi: int) -> bool:
        """Whether a new clause (a subject and a verb, or a left-out subject) starts here."""
        rest = self.text[pos:hi]
        if re.search(r",\s*\Z", self.text[max(0, pos - 4) : pos]) and re.match(
            r"then\s+(?:\w+ed|said|told|wrote|sent|rang|came|went|got|changed|moved)\b", rest, re.I
        ):  # "She said she'd send it by Friday, then texted that it'll be Wednesday"
            return True
        word = _CORRECTION_WORD.match(rest)
        if word:  # "… on Thursday, sorry, next Friday": the date corrected, on its own
            at = pos + word.end()
            cut = self.text.find(",", at, hi)  # the date, up to the next comma
            due = find_due(self.text, at, hi if cut < 0 else cut, self.now.date(), self.rules)
            if (
                due is not None
                and not self.text[at : due[0]].strip(" ,:-")
                # the date ends the clause: "…, sorry, next Friday, and I need to …"
                and re.match(
                    rf"[\s.;!?)]*\Z|\s*,\s*(?:and\s+)?(?:i|{_SUBJ_PRONOUN}|we)(?:\s|{_A})",
                    self.text[due[1] : hi],
                    re.I,
                )
            ):
                return True
        if re.search(r",\s*\Z", self.text[max(0, pos - 4) : pos]):
            told = _NAME_THEN_DEED.match(rest)  # "…, matteo lent me his tent, will …"
            if told and (is_first_name(told.group("who")) or self.lookup(told.group("who"))):
                return True
        rest = _LEAD.sub("", rest, count=1) if _LEAD.match(rest) else rest
        # "We agreed that he would write the foreword and that I'd send him …"
        if re.search(r"\sand\s+\Z", self.text[max(0, pos - 6) : pos]):
            rest = re.sub(r"\Athat\s+(?=(?:i|we)(?:\s|['\u2019]))", "", rest, flags=re.I)
        if re.match(rf"(?:i|{_SUBJ_PRONOUN}|we)(?:\s|{_A})", rest, re.I):
            return True
        if re.match(  # "…, hell send me the invoices": "he'll" typed fast; "…, hes gonna"
            r"(?:s?he|i)ll\s+(?:send|call|email|text|share|bring|drop|give|pay|check|get|come|book)\b"
            r"|s?hes\s+(?:gonna|gona|going\s+to)\s",
            rest,
            re.I,
        ):
            return True
        if re.match(  # "… and then at lunch I sat with Amara": a new thought
            r"(?:then\s+)?(?:at|after|over|during)\s+(?:the\s+)?[a-z]+\s*,?\s+(?:i|we|she|he|they)\s",
            rest,
            re.I,
        ):
            return True
        if (
            re.match(  # "…, and next Wednesday I send the offer": a time, then the subject
                r"(?:(?:next|this|on|by|coming)\s+[a-z]+|tomorrow|tonight|today|later)\s*,?\s+i\s",
                rest,
                re.I,
            )
            and re.search(r",\s*(?:and\s+)?\Z", self.text[max(0, pos - 8) : pos])
        ):
            return True
        if (
            _WHO_PROMISES.match(rest)
            and (
                self.text[pos - 2 : pos].strip() == ","
                # "… with Lotte Jansen (ex-colleague) who promised to": after a name, no comma
                or re.search(r"(?:(?-i:[A-Z])[^\W\d_]+|\))\s*\Z", self.text[max(0, pos - 40) : pos])
            )
        ):
            return True  # "…, who offered to run a reading group": a promise of theirs
        if re.search(r",\s*\Z", self.text[max(0, pos - 4) : pos]) and re.match(
            r"(?:(?:will|gonna|should|must|need\s+to)\s+\w+(?:\s+it)?(?:\s+to)?|ask|call|email|ping"
            r"|text|remind|message|send)\s+(?:her|him|them)\b",
            rest,
            re.I,
        ):  # "Ananya is the decision maker, will call her": she won't call herself, I will;
            return True  # "Oskar – quiet, ask him about the data migration": mine
        if (
            re.search(r",\s*\Z", self.text[max(0, pos - 4) : pos])
            and _ACTION_VERB.match(rest)
            and not re.match(r"\w+\s+(?:me|us)\b", rest, re.I)
            and self._dated_up_to_comma(pos, hi)
        ):  # "maren wants the recipe, send it to her tonight": a dated to-do of mine
            return True
        if re.search(r"\sand\s+\Z", self.text[max(0, pos - 6) : pos]) and re.match(
            r"(?:still\s+|also\s+)?owes\s+(?:me|us)\b", rest, re.I
        ):  # "My brother Cian was there too and still owes me the €150": a debt of his
            return True
        if (
            re.search(r",\s*\Z", self.text[max(0, pos - 4) : pos])
            and re.match(
                r"(?:will|gonna)\s+(?:\w+\s+){1,3}?(?:me|us)\b|(?:still\s+)?owes\s+(?:me|us)\b",
                rest,
                re.I,
            )
            and not _APPOSED_NAME_BEFORE.search(self.text, max(0, pos - 60), pos)
        ):  # "She's keen, will send me the brief", "Bumped into Greg at the gym, owes me $40":
            # the one before goes on (but "Her postdoc, Andrés Villalobos, will send me …")
            return True
        if re.match(r"(?:should|must|could|would|will)\s+be\s+\w+ed\b", rest, re.I):
            return False  # "whether his son, Rupert, should be added as a guarantor": passive
        if any(p.match(rest) for p, kind in _ME_PATTERNS if kind != "gerund"):
            return not re.match(
                r"(?:have|has|will|want|plan|going|need|needs)\s+(?!to\b)", rest, re.I
            )
        if re.match(r"(?:i\s+)?said\s+(?:yes|no|sure|ok)\b", rest, re.I):
            return True  # "…, said yes of course"
        if _ASKED_ME.match(rest) or _WAITING.match(rest) or _SAID_THEY.match(rest):
            return True  # "... and said he'd send me the docs"
        comma = re.search(r",\s*(?:(?:and|but|so)\s+)?\Z", self.text[max(0, pos - 16) : pos])
        if comma:  # "..., and then our new charge nurse Jerome said", "..., and Ms. Chen thinks"
            rest = rest[_skip_descriptor(rest, 0, len(rest))[0] :]
            title = _TITLES.match(rest)
            rest = rest[title.end() :] if title else rest
        if comma and _SOMEONE_ELSE_ACTS.match(rest):
            return True  # "…in 3 days, their security team has to sign off first"
        m = re.match(rf"((?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})", rest)
        if m and m.group()[:1].isupper():
            words = list(_NAME_WORD_RE.finditer(rest, 0, m.end()))
            for word in words:  # "Ana will ...", "Ana Ruiz will ...": the name may be short
                end = word.end()
                if re.search(rf"{_A}s\Z", word.group()):
                    end -= 2  # "Morag's going to send ...": the modal is in the word
                after = rest[end:]
                if _THEM_MODAL_S_RE.match(after) or _THEM_DEBT.match(after.lstrip()):
                    return True
                if comma and _PRESENT_PLAN_S.match(after):  # "…, Rüdiger sends ethics approval"
                    return True
                if re.match(r"\s+\w+\s+(?:me|us)\b", after) and _PRESENT_PLAN_S.match(after):
                    return True  # "… next week and Stefan sends me the NDA tomorrow"
                if _ASKED_ME.match(after.lstrip()) and re.search(
                    r"(?:,|\band)\s*\Z", self.text[max(0, pos - 12) : pos], re.I
                ):  # "… said he'd mail the catalog and Amélie asked me to send …": hers
                    return True
            # "..., and Tomás mentioned his old boss", "..., and Brooke wants a review": after
            # a comma, a name and a verb start a clause (in a list a name is not followed so)
            for word in words if comma else []:
                if not word.group()[:1].isupper():
                    break
                aside = _SUBJECT_ASIDE.match(rest, word.end())  # ", our reading specialist,"
                if _NAME_THEN_VERB.match(rest, aside.end() if aside else word.end()):
                    return True
        if m and re.match(rf"\s*,\s*(?:she|he|they)(?:\s|{_A})", rest[m.end() :], re.I):
            # "..., and Grace, she'll sort the rota": the name opens the clause
            first = _NAME_WORD_RE.match(rest)
            if first and (first.group()[:1].isupper() or self.lookup(first.group())):
                return True
        low = re.match(rf"([a-z][\w\-]+(?:{_A}(?!s\s)[\w\-]+)?)(?=\s|{_A}s\s)", rest)
        if low and low.group(1) not in _NOT_NAME and len(low.group(1)) > 2:
            # typed in lower case: "..., and ana will prepare the nda", "noor's gonna share
            # the list", "ravi's sending the photos"
            after = rest[low.end() :]
            if re.match(
                rf"(?:\s+will|{_A}ll|\s+is\s+going\s+to|{_A}s\s+(?:gonna|going\s+to)|\s+gonna"
                rf"|(?:{_A}s|\s+is)\s+(?:sending|bringing|sharing|hosting|introducing))\s",
                after,
                re.I,
            ):
                return True
            if (
                comma
                and re.match(
                    r"\s+(?:to|2)\s+(?!(?:the|a|an|my|our|me|us|him|her|them|be)\b)[a-z]", after
                )
                and (
                    self.lookup(low.group(1))
                    or _LOWER_MINUTE_BEFORE.search(self.text, max(0, pos - 200), pos)
                )
            ):  # minutes typed in lower case: "raj to share the sow draft, mei to check w/ legal"
                return True
            after_and = re.search(r"\sand\s+\Z", self.text[max(0, pos - 6) : pos])
            if (comma or (after_and and is_first_name(low.group(1)))) and _NAME_THEN_VERB.match(
                after
            ):  # "..., carla wants a case study", "… next week and giulia wants our price list"
                return True
        return False
