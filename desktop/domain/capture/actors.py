"""Each clause's actor: the writer (a left-out subject, "asked me to", a to-do line) or the
other person ("she'll", "Lars will", "offered to", "still owes me"), and where the
promise's words start."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.domain.capture.due_dates import find_due
from desktop.domain.capture.lexicon import (
    _A,
    _ACTION_LABEL,
    _ACTION_VERB,
    _ANOTHER_ACTION,
    _APPOSED_SUBJECT,
    _ASKED_ME,
    _BARE_INTRO,
    _CARRY_MODAL,
    _CHECKBOX,
    _DATED_LEAD,
    _DECLINED_AFTER,
    _JOINT_SUBJECT,
    _LABEL_MODAL,
    _LEAD,
    _LEFT_OUT_THIRD,
    _LEFT_OUT_THIRD_DATED,
    _LINKING_WORDS,
    _ME_OBJECT,
    _ME_PATTERNS,
    _MEET_RE,
    _NAME_LABEL,
    _NAME_THEN_VERB,
    _NAME_TO,
    _NAME_WORD,
    _NAME_WORD_B_RE,
    _NEGATED,
    _NOT_NAME,
    _POSSESSOR_ROLE_NAME,
    _POSSESSOR_THEN_NAME,
    _PRESENT_PLAN_S,
    _REMEMBER_TO,
    _SAID_NO,
    _SAID_THEY,
    _SAID_YES,
    _SECOND_INFINITIVE,
    _SHE_SAID,
    _SUBJ_PRONOUN,
    _SUBJECT_ASIDE,
    _SUBJECTLESS,
    _THEIR_OFFER,
    _THEM_DEBT,
    _THEM_DEBT_LEAD_RE,
    _THEM_MODAL_S_RE,
    _TODO_LABEL,
    _WAITING,
    _WHO_PROMISES,
    HONORIFICS_AFTER,
    _words,
)
from desktop.domain.capture.names import _is_cap, _scan_name
from desktop.domain.capture.reader_base import _Clause, _ReaderBase
from desktop.domain.capture.who_scorer import without_leading_everyday_word

_ORG_BEFORE_VERB = re.compile(  # "… from Datadog", "… (SAP)" between a name and its verb
    r"(?:\s+(?:from|at|of)\s+(?:the\s+)?[A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*){0,3}"
    r"|\s*\([^()\n]{1,40}\))\Z"
)
_NO_ITEM = re.compile(
    r"(?:no\s+(?:actions?|action\s+items?|items?|tasks?)|nothing(?:\s+for\s+now)?|none|n/?a"
    r"|tbd|-+|\u2014)\s*[.!]?\s*$",
    re.I | re.M,
)
_BRACKET_LABEL = re.compile(r"\[(?P<who>[^\]\n]{1,40})\][ \t]*(?=[a-z])")
_ME_TO_LABEL = re.compile(  # "me -> Aleksander", "me → mei-ling" heading a to-do line
    r"(?:[-*\u2022]\s*)?(?i:me|i)\s*(?:->|\u2192|=>|>)\s*(?P<who>[^\W\d_][\w'\-]*(?:\s+[^\W\d_][\w'\-]*)?)"
)
_FRONT_NAME = re.compile(r"(?P<who>[A-Z][\w'\-]+)(?=\s+I\s)")  # "Kasia I promised to …"
_FOR_SOMEONE = re.compile(r"\b(?i:for)\s+(?P<who>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)")
_DESCRIBED_THEN_NAMED = re.compile(  # "Another dad, Hiroshi Nakamura" as a whole clause
    r"(?i:another|an?|one|the|his|her|their|our|my)\s+(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*,\s+"
    r"(?P<name>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){1,2})"
)
_RELATIVE_THEN_NAMED = re.compile(  # "Mo's dad, Imran", "the other dad, Imran Shah"
    r"(?:(?i:another|the|his|her|their|our|my)|(?-i:[A-Z])[\w\-]*['\u2019]s)\s+"
    r"(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*,\s+"
    r"(?P<name>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2})\s*"
)
# "Her postdoc, Andrés, will send …": someone of the one met, told of, not met ("Mo's dad,
# Imran, will carpool with us" at the match was)
_ONES_OWN = re.compile(r"(?i:his|her|their)\s")
_OFFER_LEFT_OUT = re.compile(
    r"(?:also\s+|kindly\s+)?(?:offered|promised|volunteered)\s+to\s+(?!be\b)", re.I
)
_MY_ROLE_THEN_NAME = re.compile(  # "my own CD, Helen, ", "the PTA treasurer, Colm, "
    r"(?i:my|our|the)\s+(?:[\w\-]+\s+){0,3}?[\w\-]+,\s+(?P<name>(?:(?i:dr|mr|mrs|ms|prof)\.?\s+)?"
    r"[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?),\s+(?=\S)"
)
_NOT_A_VERB = frozenset(
    _words(
        "the a an my our his her their its this that these those is was has had have very"
        " really not no new old big great good nice lovely super keen happy busy ex former"
        " also just about re still met saw went came told said knew thought felt got were did"
    )
)


_CHECKBOX_LINE = re.compile(  # what opens a checklist's line: "- [ ] ", "☐ "
    rf"\s*(?:[-*\u2022]\s*)?(?:{_CHECKBOX}|[\u2610\u2611\u2612])\s*"
)
_MY_HEADING = re.compile(  # a heading over the writer's own to-dos
    r"(?:me|mine|for\s+me|on\s+me|my\s+(?:side|end|to-?dos?|actions?|items?|tasks?|part))\s*:",
    re.I,
)
_LINE_NAME_LABEL = re.compile(  # "- Lukas Meier (Google) — ", "Ingrid: " heading a line
    r"[ \t]*(?:[-*\u2022\u00b7>]+[ \t]*|\d+[.)][ \t]*)?"
    r"(?P<who>(?-i:[A-Z])[\w'\-]+(?:[ \t]+(?-i:[A-Z])[\w'\-]+){0,3})"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:[\u2013\u2014:]|[ \t]-)[ \t]*"
)
_TO_THEM = re.compile(  # an action done to the one named: "send her …", "call him"
    r"(?:send|email|e-mail|call|ring|ping|text|give|pay|show|tell|remind|lend|invite|intro"
    r"|introduce|connect|forward|mail)\s+(?:her|him)\b",
    re.I,
)
_HEADING_LINE = re.compile(  # a label alone on its line: "Them:", "Me:", "Sanne:"
    r"(?P<who>[^\W\d_][\w'\-]*(?:\s+[^\W\d_][\w'\-]*)?)\s*:"
)
# the other side's label: "Them:", "Them (Gabriel):", "Her →"
_THEIR_LABEL = re.compile(
    r"(?P<who>them|they|her|him|she|he)(?:[ \t]*\((?P<name>[^()\n]{1,40})\))?"
    r"[ \t]*(?::|->|\u2192|=>)[ \t]*",
    re.I,
)
_BARE_PLAN = re.compile(
    r"\s+(?=(?:send|bring|email|share|give|call|deliver|ship|pay|sign|return|visit|book|check"
    r"|prepare|make|organi[sz]e)\s)",
    re.I,
)
_I_WOULD = re.compile(rf"i(?:{_A}d|\s+would)\s+(?!(?:like|love|rather|prefer)\b)", re.I)
_I_ASKED_THEM = re.compile(
    # "Marta asked Piotr to fix my bike brakes … and he said fine": asked for me
    r"(?:i\s+|(?P<asker>(?-i:[A-Z])[\w'\-]+(?:\s+(?-i:[A-Z])[\w'\-]+)?)\s+)?"
    r"(?:also\s+)?(?:asked|ask)\s+(?P<who>him|her|them|(?-i:[A-Z])[\w'\-]+"
    r"(?:\s+(?-i:[A-Z])[\w'\-]+)?)\s+(?:if\s+(?:she|he|they)\s+(?:could|would|can)\s+|to\s+)",
    re.I,
)
_THEY_AGREED = re.compile(
    r"(?:[,;]?\s*(?:and|but)?\s*)?(?:she|he|they|(?-i:[A-Z])[\w'\-]+)\s+(?:agreed|agree|accepted"
    r"|said\s+(?:ok|okay|yes|yeah|yep|sure|fine|of\s+course|no\s+(?:problem|worries)))\b",
    re.I,
)
_WE_AGREED_THEY = re.compile(  # "We agreed that he'd …", "we agreed Rafael would host …"
    # "Erik and I agreed he'd send the photos"
    rf"(?:(?:we|i|(?-i:[A-Z])[\w'\-]+(?:\s+(?-i:[A-Z])[\w'\-]+)?\s+(?:and|&)\s+i)\s+)?"
    rf"agree[ds]?\s+(?:that\s+)?(?P<who>she|he|they|(?-i:[A-Z])[\w'\-]+)"
    rf"(?:{_A}d|{_A}ll|\s+would|\s+will|\s+should)\s+",
    re.I,
)


_BARE_GERUND = re.compile(
    r"\s+(?=(?:sending|bringing|sharing|lending|dropping|delivering|returning|giving"
    r"|emailing|texting|forwarding)\s+(?!to\b)\w)",
    re.I,
)
# "he's sending me …", "She's also lending me her book", "he's driving the kids tues", "hes
# lending me his trailer": what someone is doing for me, said in the present; the verbs
# of handing over or doing a service only (of the corpus's 535 "she's …ing", writers took
# 15 for promises, all with these verbs; the rest is news: "she's moving", "he's looking",
# "Helen is chairing on the 15th")
_THEIR_GERUND = re.compile(
    rf"\s*(?:{_A}s|\s+is|(?<=he)s)\s+(?:(?:also|still|just|kindly)\s+)?"
    r"(?=(?:sending|bringing|sharing|hosting\s+(?:me|us)|introducing|lending|dropping"
    r"|connecting\s+(?:me|us)|putting\s+(?:me|us)\s+in\s+touch"
    r"|delivering|returning|giving|driving\s+(?:me|us|the\s+kids)|cooking\s+(?:for\s+)?(?:me|us)"
    r"|picking\s+(?:me|us|up)|collecting\s+(?:me|us|it|the\s+kids)|printing"
    r"|covering\s+(?:for\s+me|my))\b)",
    re.I,
)
_ALREADY_BOOKED = re.compile(
    r"\b(?:booked|scheduled|pencill?ed\s+in|arranged|confirmed|planned|set\s+for)\b", re.I
)


# words that say something else than who the person is: a clause opening with them is no
# description of a name ("I told Gerhard he'll …", "Then Gerhard will …")
_NOT_DESCRIBING = _LINKING_WORDS | frozenset(
    _words(
        "after also before believes expect expects feels guess he heard hears hope hopefully "
        "hopes i in it knows maybe mentioned no not ok okay on once reckons send she since "
        "then they think thinks until we what where which while who yes you"
    )
)


# a clause that names its own doer first: "…, she'll let me know", "…, sam will book it"
_SUBJECT_FIRST = re.compile(
    r"(?:i|we|she|he|they|it|you)\b"
    r"|[\w\-]+\s+(?:will|would|to|is|was|has|had|can|could|should|shall|said|says|wants?|needs?)\b",
    re.I,
)


# what may follow a person before their modal, an aside: ", who came with her", ", her
# daughter", " (our new tenant)"
_ASIDE_AFTER_NAME = re.compile(
    r"\s*(?:\([^()\n]*\))?\s*(?:,\s*(?:who|whom)\b[^,;]*|,\s*(?:his|her|their|my|our|the|a|an)"
    r"\s+[^\W\d][\w\- ]*)?\s*",
    re.I,
)


_MODAL_LEFT_OUT = re.compile(r"(?:also\s+)?(?:will|wil|gonna|going\s+to)\s+(?=[a-z])", re.I)
# an action done to the writer: "let me know", "send me …", "give us a discount"
_TO_ME = re.compile(r"\b(?:me|us|lmk)\b", re.I)

_MY_LABEL = re.compile(  # "Me:", "- me:" opening a line
    r"(?:[-*\u2022\u00b7>\u2192][ \t]*)*(?:me|i|myself|mine)[ \t]*[:\uff1a]", re.I
)
# a finite verb: the words say what happens, not which thing is owed
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|did|does|do|can|could|went|got)\b"
    r"|['\u2019](?:s|re|ll|d|ve)\b",
    re.I,
)


class _ActorFinder(_ReaderBase):
    """Decides who acts in each clause."""

    def find_actors(self, clauses: list[_Clause]) -> None:
        """Decide each clause's actor and where its promise's words start."""
        t = self.text
        for i, c in enumerate(clauses):
            if _ME_TO_LABEL.fullmatch(t, c.start, c.end):
                continue  # "me -> Aleksander:" labels the to-do after it
            lead = _DATED_LEAD.match(t, c.start, c.end)
            pos = lead.end() if lead else c.start
            body = t[pos : c.end]
            if re.search(r"\bso(?:\s+that)?\s*\Z", t[max(0, c.start - 12) : c.start], re.I) and (
                re.match(r"(?:\w+\s+){1,3}?(?:can|could)\b", body, re.I)
            ):
                continue  # "... so she can cite it": a purpose, not a promise
            joint = _JOINT_SUBJECT.search(t, max(0, c.start - 40), c.start)
            agreed = re.match(
                rf"i\s+(?:also\s+)?agreed\s+(?:that\s+)?(?:i|he|she|they)"
                rf"(?:{_A}d|\s+would|{_A}ll|\s+will)\b",
                body,
                re.I,
            )
            if (
                joint
                and self.lookup(joint.group("who"))
                and re.match(r"i\b", body, re.I)
                and not agreed  # "Denise and I agreed I'd draft the letter": mine, to her
                # ("Erik and I agreed he'd send the photos": his)
            ):
                continue  # "Naledi and I will co-write a brief": a plan of both, no one's promise
            relative = _WHO_PROMISES.match(t, pos, c.end)
            if relative is not None:  # "Anh Tran, the ESL teacher, who offered to …": Anh Tran
                c.kind, c.desc = "them", (relative.end(), c.end)
                c.debt = re.search(r"\bowes\b", relative.group(), re.I) is not None
                opening = max(t.rfind(".", 0, pos), t.rfind("\n", 0, pos))
                before = self._last_full_name_before(pos, frozenset())
                at = t.rfind(before, 0, pos) if before else -1
                c.subject_raw = before if before and at > opening else ""
                c.subject_at = at if c.subject_raw else pos
                continue
            prev = clauses[i - 1] if i else None
            mine = _I_WOULD.match(t, pos, c.end)
            if (
                mine
                and prev is not None
                and prev.sentence == c.sentence
                and any(
                    re.search(r"\bagreed\b", t[p.start : p.end], re.I)
                    for p in clauses[max(0, i - 2) : i]
                    if p.sentence == c.sentence
                )
            ):  # "We agreed he'd ship the build by Friday and I'd pay on Monday": mine too
                c.kind, c.desc = "me", (mine.end(), c.end)
                continue
            theirs = self._asked_them(clauses, i, pos)
            if theirs is not None:  # "I asked her to loop in her compliance lead, she agreed",
                # "we agreed he'd ship the build by Friday": theirs
                c.kind, c.desc = "them", (theirs.end(), c.end)
                c.subject_raw, c.subject_at = theirs.group("who"), theirs.start("who")
                continue
            # "asked if I could review the deck, I said yes" / "..., I said no"
            ask = _ASKED_ME.search(t, pos, c.end)
            if (
                ask is not None
                and re.match(r"c[ao]", ask.group(), re.I)
                and (ask.start() != pos or not re.match(r"[^\n.;!]*\?", t[c.end : c.end + 60]))
            ):
                ask = None  # "Could I send her …?" is asked of me; "… could I" is not
            if ask is not None:
                c.kind, c.asked = "me", True
                c.desc = (ask.end(), c.end)
                asker = self._name_before(pos, ask.start())
                c.subject_raw, c.subject_at = asker, ask.start()
                if asker:  # "Ana asked me to send Ben the deck": owed to Ana, who asked
                    c.explicit_raw, c.explicit_at = asker, ask.start()
                nxt = clauses[i + 1] if i + 1 < len(clauses) else None
                same = nxt is not None and nxt.sentence == c.sentence
                plain_yes = (
                    nxt is not None
                    and nxt.sentence == c.sentence + 1
                    and re.compile(
                        r"(?:i\s+)?(?:said\s+(?:yes|sure|ok)|agreed)\b|(?:yes|sure|of\s+course)\b",
                        re.I,
                    ).match(t, nxt.start, nxt.end)
                )  # "… . Said yes." (not "I said I'd …": its own)
                question = re.match(  # a promise only once said yes to
                    r"ask(?:ed|s)?\s+(?:me\s+|us\s+)?(?:if|whether)|(?:wants?|wanted)\s+that\b"
                    r"|wonder|could\b|can\b"
                    r"|invited\b",  # "Kenji invited me to give a seminar — I accepted"
                    ask.group(),
                    re.I,
                )
                yes = nxt is not None and _SAID_YES.match(t, nxt.start, nxt.end)
                own = yes and re.search(r"\bi(?:['\u2019]d|\s+would)\b", yes.group(), re.I)
                bare = (  # "I said I would, by the 10th": yes, with nothing of its own
                    yes
                    and nxt is not None
                    and nxt.sentence <= c.sentence + 1
                    and re.compile(
                        r"\s*(?:,?\s*(?:by|before|on|until|next|this|tomorrow|tmrw)\b[^,;]*)?\Z",
                        re.I,
                    ).match(t, yes.end(), nxt.end)
                )
                if question and own and not bare:
                    yes = None  # "asked if we'd supply casks - told him i'd check with hamish"
                dashed = nxt is not None and re.fullmatch(
                    r"\s*[-\u2013\u2014]+\s*", t[c.end : nxt.start]
                )  # "asked me to give a talk — I said maybe"
                next_sentence = nxt is not None and nxt.sentence == c.sentence + 1
                if (
                    nxt
                    and (same or dashed or next_sentence)
                    and _SAID_NO.match(t, nxt.start, nxt.end)
                ):
                    c.kind = ""  # "…, I said maybe", "… . I said no, my knee."
                elif _DECLINED_AFTER.search(t, ask.end(), c.end):
                    c.kind = ""  # "asked me to judge it, had to turn it down"
                elif nxt and (same or plain_yes or bare) and yes:
                    c.yes_at = (nxt.start, nxt.end)  # "…, I said yes" / "… . Said yes."
                elif question:
                    # "asked if I'd take her on … I said I'd think about it": a question is
                    # a promise only once the writer says yes
                    c.kind = ""
                continue
            if re.match(r"i\s+said\s+(?:yes|sure|ok)\b", body, re.I):
                continue
            tag = _BRACKET_LABEL.match(t, pos, c.end)
            if tag is not None:  # "1. [Me] send the whitepaper to Hal", "3. [Kim] share the forms"
                who = tag.group("who").strip()
                if who.casefold() in ("me", "i", "myself"):
                    c.kind, c.desc = "me", (tag.end(), c.end)
                    continue
                if self.lookup(who):
                    c.kind, c.desc = "them", (tag.end(), c.end)
                    c.subject_raw, c.subject_at = who, tag.start("who")
                    continue
            label = re.compile(r"(?:them|they|him|her|she|he)\s*:\s*", re.I).match(t, pos, c.end)
            if label is not None and _NO_ITEM.match(t, label.end(), c.end):
                continue  # "Them: nothing."
            if label is not None:
                modal = _LABEL_MODAL.match(t, label.end(), c.end)  # "Him: gonna send …"
                c.kind, c.desc = "them", (modal.end() if modal else label.end(), c.end)
                c.labelled = True
                owes = _THEM_DEBT.match(t, label.end(), c.end)
                if owes is not None:  # "→ him: owes me the hiring scorecard": what is owed
                    c.debt, c.desc = True, (owes.end(), c.end)
                word = re.split(r"\W", t[label.start() : label.end()], maxsplit=1)[0].casefold()
                pronoun = word if word in ("him", "her", "she", "he") else ""  # "Him:" is a he
                c.subject_raw, c.subject_at = pronoun, label.start()
                continue
            said = _SAID_THEY.match(t, pos, c.end)
            if said is not None:  # "Said he'd look over my lease"
                c.kind, c.desc = "them", (said.end(), c.end)
                c.subject_raw, c.subject_at = said.group("pro"), said.start("pro")
                prev = clauses[i - 1] if i > 0 else None
                if (
                    prev is not None
                    and prev.sentence == c.sentence
                    and re.fullmatch(r"\s*,?\s*and\s*", t[prev.end : c.start], re.I)
                ):  # "Charlotte mentioned that ... and said she'd put in a word": Charlotte
                    subject = self._subject_word(prev)
                    if subject and subject[0].casefold() not in ("she", "he", "they"):
                        c.subject_raw, c.subject_at = subject
                continue
            label = _NAME_LABEL.match(t, pos, c.end)
            if label is not None and self.lookup(label.group("who")):  # "ahmed -> send UAT"
                c.kind, c.desc = "them", (label.end(), c.end)
                c.subject_raw, c.subject_at = label.group("who"), label.start()
                c.labelled = True
                continue
            mine_for = self._mine_for(clauses, i, pos)
            if mine_for is not None:  # "- me -> Aleksander: send the load test scripts today"
                c.kind, c.desc = "me", (pos, c.end)
                c.explicit_raw, c.explicit_at = mine_for
                continue
            labelled = self._labelled_by_name(clauses, i, pos)
            if labelled is not None:  # "- Oskar Lindqvist (Spotify): will review the PR"
                c.kind, c.desc = "them", (labelled[1].end(), c.end)
                c.subject_raw, c.subject_at = labelled[0], clauses[i - 1].start
                c.labelled = True
                if labelled[0].casefold() == "me":  # "Action: me – circulate the MoU"
                    c.kind, c.subject_raw = "me", ""
                elif labelled[1].end() == pos and _TO_THEM.match(t, pos, c.end):
                    # "priya: send her our helm chart issue list by fri": mine, for Priya
                    c.kind, c.subject_raw = "me", ""
                    c.explicit_raw, c.explicit_at = labelled[0], clauses[i - 1].start
                continue
            bare = _BARE_INTRO.match(t, pos, c.end) or re.compile(
                r"(?:introduce|intro|connect)\s+me\s+(?:to|with)\s+", re.I
            ).match(t, pos, c.end)
            if bare is not None:
                nxt = clauses[i + 1] if i + 1 < len(clauses) else None
                said = (
                    _SHE_SAID.match(t, nxt.start, nxt.end)
                    if nxt and nxt.sentence == c.sentence
                    else None
                )
                self.pending_intros.append((c, bare.end(), said.group("x") if said else ""))
                continue
            owes = _THEM_DEBT.match(t, pos, c.end)
            if owes is not None:  # "owes me a tenner": the subject is the one talked about
                c.kind, c.debt, c.desc = "them", True, (owes.end(), c.end)
                c.subject_raw, c.subject_at = "", owes.start()
                continue
            wait = _WAITING.match(t, pos, c.end)
            if wait is not None:
                c.kind, c.debt = "them", True
                c.desc = (wait.end(), c.end)
                c.subject_raw, c.subject_at = wait.group("who"), wait.start("who")
                continue
            joined = i > 0 and re.fullmatch(r"\s*,?\s*and\s+", t[clauses[i - 1].end : c.start])
            modal = _CARRY_MODAL.match(t, pos, c.end) if joined or c.continues else None
            if modal and i > 0 and not clauses[i - 1].kind:
                subject = self._third_person_head(clauses[i - 1])
                if subject is not None:  # "Ms. Lakshmi Pillai … was present and will share
                    c.kind, c.desc = "them", (modal.end(), c.end)  # the vendor form": hers
                    c.subject_raw, c.subject_at = subject
                    continue
            kind = self._label_carried(clauses, i, pos)
            if kind:  # "jo: give us repo access today, set up staging by wed": both hers
                prev = clauses[i - 1]
                c.kind, c.desc, c.labelled = kind, (pos, c.end), True
                c.subject_raw, c.subject_at = prev.subject_raw, prev.subject_at
                continue
            rel = _RELATIVE_THEN_NAMED.match(t, pos, c.end)
            comma = re.compile(r",[ \t]*").match(t, rel.end(), c.end) if rel else None
            modal = _CARRY_MODAL.match(t, comma.end(), c.end) if comma else None
            if rel is not None and modal is not None:  # "Ella's mum, Grace, will drive …"
                c.kind, c.desc = "them", (modal.end(), c.end)
                c.subject_raw, c.subject_at = self._relative_named(rel, c.sentence)
                continue
            before_aside = self._subject_before_aside(clauses, i, pos)
            if before_aside is not None:  # "Her daughter Amina, who came with her, will drive her"
                c.kind, c.desc = "them", (before_aside[2], c.end)
                c.subject_raw, c.subject_at = before_aside[0], before_aside[1]
                continue
            carried = self._subject_carried(clauses, i, pos)
            if carried is not None:  # "Karim is a firefighter, offered to do a talk": Karim
                c.kind, c.desc = "them", (carried[1], c.end)
                c.subject_raw, c.subject_at = carried[0], clauses[i - 1].start
                continue
            named = (
                _scan_name(t, pos, c.end, lower_ok=False) if t[pos : pos + 1].isupper() else None
            )
            if named and _THEM_MODAL_S_RE.match(t, named[1], c.end):
                patterns: list[tuple[re.Pattern[str], str]] = []  # "Will Smith will ..."
            else:
                patterns = _ME_PATTERNS
            label = _TODO_LABEL.match(t, pos, c.end)
            if label is not None and _MEET_RE.match(t, label.end(), c.end):
                continue  # "Note to self: call w/ Arjun went well": a meeting, no to-do
            if label is not None and (
                any(
                    p.match(t, label.end(), c.end)
                    for p, kind in _ME_PATTERNS
                    if p is not _TODO_LABEL and kind != "gerund"
                )
                or re.compile(rf"{_SUBJ_PRONOUN}\b", re.I).match(t, label.end(), c.end)
                or self._name_acts(label.end(), c.end)
            ):  # "Note to self: promised to send her ...": the label adds nothing
                pos = label.end()
                body = t[pos : c.end]
            for pattern, kind in patterns:
                m = pattern.match(t, pos, c.end)
                if m is None:
                    continue
                if (
                    pattern is _SUBJECTLESS
                    and re.match(
                        r"(?:have|has|will|want|plan|going|gonna|need|needs|agreed|offered"
                        r"|undertook|committed|pledged|volunteered)\s+"
                        r"(?!(?:(?:instead|also|then|again)\s+)?(?:to\b|2\s))",  # need 2
                        m.group(),
                        re.I,
                    )
                    and not re.match(r"(?:will|gonna)\s", m.group(), re.I)
                ):
                    continue
                if kind == "promise" and re.match(r"(?:want|plan)\b", m.group(), re.I):
                    continue
                if kind == "present" and not (
                    self._dated(c)
                    # "2. I send Bram the invoice — by 20 July": the date after a dash
                    or (i + 1 < len(clauses) and self._dash_then_date(c, clauses[i + 1]))
                    # "I make the first draft and send it to her Tuesday": the date is
                    # written after the second action
                    or (
                        i + 1 < len(clauses)
                        and clauses[i + 1].continues
                        and self._dated(clauses[i + 1])
                    )
                ):
                    continue
                line_label = (
                    self._line_label(c.start)
                    if pattern is _SUBJECTLESS and re.match(r"(?:will|gonna)\s", m.group(), re.I)
                    else None
                )
                if line_label is not None:  # "- Lukas Meier (Google) — talk on async; will
                    c.kind, c.desc = "them", (m.end(), c.end)  # share his slides": his
                    c.subject_raw, c.subject_at = line_label
                    break
                if pattern is _SUBJECTLESS and i > 0 and self._carries_subject(clauses[i - 1], c):
                    offer = re.match(
                        r"(?:offered|promised|agreed|volunteered)\s+to\s+|(?:will|gonna)\s+",
                        t[pos : c.end],
                        re.I,
                    )
                    subject = self._subject_word(clauses[i - 1])
                    if offer and subject:  # "She's a pharmacist and offered to do a talk"
                        c.kind, c.desc = "them", (pos + offer.end(), c.end)
                        c.subject_raw, c.subject_at = subject
                    break  # "They love it but need to sell first": theirs, and no promise
                c.kind = "me"
                c.debt = kind == "debt"
                c.desc = (m.start() if kind == "gerund" else m.end(), c.end)
                also = _REMEMBER_TO.match(t, c.desc[0], c.end)
                if also:  # "Must remember to send him the brochure"
                    c.desc = (also.end(), c.end)
                if (
                    pattern is _SUBJECTLESS
                    and _THEIR_OFFER.match(body)
                    and _ME_OBJECT.match(t, m.end(), c.end)
                ):  # "Also offered to introduce me to Léa": the other person offered
                    c.kind, c.subject_raw, c.subject_at = "them", "", m.start()
                obj = m.groupdict().get("obj") if m.groupdict() else None
                if obj:
                    c.explicit_raw, c.explicit_at = obj, m.start("obj")
                to_whom = re.search(r"\bpromis+e[ds]?\s+to\s+(him|her|them)\s+to\s*\Z", m.group())
                if to_whom:  # a learner's "I promise to her to check with our buyer": hers
                    c.explicit_raw, c.explicit_at = to_whom.group(1), m.start() + to_whom.start(1)
                fronted = (
                    (_FOR_SOMEONE.search(t, c.start, pos) or _FRONT_NAME.match(t, c.start, pos))
                    if lead
                    else None
                )
                if fronted and not obj:  # "For Jean-Baptiste I must send our term sheet"
                    c.explicit_raw, c.explicit_at = fronted.group("who"), fronted.start("who")
                if kind == "debt":
                    who = re.compile(
                        r"(?:to\s+)?"  # a learner's "I owe to Giulia a dinner"
                        r"(him|her|them|(?:(?i:dr|mr|mrs|ms|prof)\.?\s+)?[A-Z][\w\-]*"
                        # "owe Thabo R200": an amount is no surname
                        r"(?:\s+[A-Z](?![\w\-]*\d)[\w\-]*)?)"
                        # "owe Mehmet bey a dinner": an honorific after the name
                        rf"(?:\s+(?i:{HONORIFICS_AFTER})\b)?"
                        r"(?:\s*\([^()\n]{1,40}\))?\s+(?=\S)"
                    ).match(t, m.end(), c.end)
                    mine = _MY_ROLE_THEN_NAME.match(t, m.end(), c.end)
                    if who is None and mine is not None:  # "owe my own CD, Helen, an update"
                        c.explicit_raw, c.explicit_at = mine.group("name"), mine.start("name")
                        c.desc = (mine.end(), c.end)
                    elif who is None:  # "owe dev a pint": a person met, typed in lower case
                        low = re.compile(r"([a-z][\w'\-]+)\s+(?=\S)").match(t, m.end(), c.end)
                        if low and low.group(1) not in _NOT_NAME and self.lookup(low.group(1)):
                            who = low
                    if who:
                        c.explicit_raw, c.explicit_at = who.group(1), who.start()
                        c.desc = (who.end(), c.end)
                c.negated = _NEGATED.match(t, m.end(), c.end) is not None or bool(
                    re.search(rf"won{_A}t|can{_A}t|cannot|will\s+not", m.group(), re.I)
                )
                break
            if c.kind:
                if re.match(rf"i\s*(?:won{_A}t|can{_A}t|will\s+not)", body, re.I):
                    c.kind = ""
                continue
            # the other side's label opening the clause ("… Her → sign off on budget by
            # Friday", "Them (Gabriel): confirm attendee list tomorrow") or its line ("Them:
            # share their rubric; review my deck next week"): every item after it is theirs
            label = _THEIR_LABEL.match(t, pos, c.end)
            if label is not None:
                pos = label.end()
            else:
                line_start = t.rfind("\n", 0, pos) + 1
                bullet = re.compile(r"[ \t]*(?:[-*\u2022][ \t]*)?").match(t, line_start, pos)
                label = _THEIR_LABEL.match(t, bullet.end() if bullet else line_start, pos)
            if label is not None and self._bare_verb(c, pos):
                who = label.group("name") or label.group("who").casefold()
                c.kind, c.desc = "them", (pos, c.end)
                c.subject_raw = "" if who in ("them", "they") else who
                c.subject_at = label.start("who")
                continue
            owner = self._their_heading(c.start) if self._line_start(c.start) else None
            if owner is not None and (self._bare_verb(c, pos) or self._dated_item(c, pos)):
                # "Them:" / "Sanne:" on a line of its own, then "- send me the hiring plan"
                c.kind, c.desc = "them", (pos, c.end)
                c.labelled = True
                c.subject_raw, c.subject_at = owner
                continue
            if (
                not c.continues
                and self._line_start(c.start)
                and self._under_my_heading(c.start)
                and self._bare_verb(c, pos)
                and not _ALREADY_BOOKED.search(body)
                and not re.match(
                    rf"[\w\-]+(?:{_A}ll|\s+(?:will|owes|to|sends|is|said|can))\b", body, re.I
                )
                and not self.lookup(body.split()[0])
            ):  # "Me:" then "- loop in legal": every item under it is the writer's
                c.kind, c.desc = "me", (pos, c.end)
                continue
            if (
                not c.continues
                and _ACTION_VERB.match(t, pos, c.end)
                and (
                    self._line_start(c.start)
                    or (i > 0 and self._after_break(c.start))
                    # "maren wants the recipe, send it to her tonight": a dated to-do after
                    # a comma (not "…, call me tomorrow": what they said, to me)
                    or (
                        i > 0
                        and t[: c.start].rstrip().endswith(",")
                        and self._dated(c)
                        and not re.match(r"\w+\s+(?:me|us)\b", body, re.I)
                    )
                    or (  # "Oskar – quiet, ask him about the data migration": about Oskar
                        re.match(r"\w+\s+(?:him|her|them)\b", body, re.I)
                        and self._line_label(c.start) is not None
                    )
                )
                and not re.match(r"\w+\s+(?:with|w/|w|to)\b", body, re.I)
                and not re.match(r"\w+(?:ed|ing)\b", body)
                and not _ALREADY_BOOKED.search(body)  # "Follow-up call booked for Tuesday"
            ):  # "- send deck by thurs": a to-do for the writer
                c.kind, c.desc = "me", (pos, c.end)
                continue
            carry = _CARRY_MODAL.match(t, pos, c.end) if c.continues else None
            again_to = (
                _SECOND_INFINITIVE.match(t, pos, c.end)
                if c.continues and carry is None and i > 0 and clauses[i - 1].kind
                else None
            )
            if again_to:
                # "promised to return it by Thursday and to cook him dinner": a second
                # infinitive; two promises when the first has its own date, else one
                pos = again_to.end()
                carry = again_to if self._dated(clauses[i - 1]) else None
            if carry:
                pos = carry.end()
            if (
                c.continues
                and i > 0
                and clauses[i - 1].kind
                and (
                    carry
                    or _ACTION_VERB.match(t, pos, c.end)
                    or (self._dated(clauses[i - 1]) and _ANOTHER_ACTION.match(t, pos, c.end))
                )
            ):
                prev = clauses[i - 1]
                if carry is None and not prev.debt and not self._dated(prev):
                    # "I'll clean up the numbers and send it to her tomorrow": two actions
                    # under one modal are one to-do with one date (a date of its own on
                    # the first action makes two: "send the deck tmrw and the contract wed")
                    prev.end, prev.desc = c.end, (prev.desc[0], c.end)
                    prev.joined_at = pos
                    continue
                c.kind, c.desc = prev.kind, (pos, c.end)
                c.subject_raw, c.subject_at = prev.subject_raw, prev.subject_at
                continue
            if (
                (_LEFT_OUT_THIRD.match(t, pos, c.end) or _LEFT_OUT_THIRD_DATED.match(t, pos, c.end))
                and self._dated(c)
                and len(self.people) == 1
            ):
                who = self.recent(pos)  # "Met Dr. Lena Hofmann. Sends me her slides tmrw."
                if who:  # (with two people met, whose it is is anyone's guess: nothing)
                    c.kind, c.desc = "them", (pos, c.end)
                    c.subject_raw, c.subject_at = who, pos
                    continue
            appos = _APPOSED_SUBJECT.match(t, pos, c.end)
            if appos:  # "His chief of staff, Layla, will propose dates"
                pos, body = appos.end(), t[appos.end() : c.end]
            else:
                named_at = self._role_before_actor(pos, c.end)
                if named_at is not None:  # "Outgoing treasurer Gerhard Baumann will hand
                    pos, body = named_at, t[named_at : c.end]  # over the books": Gerhard
            the_title = re.match(r"the\s+(\w+)\s", body, re.I)
            if the_title and the_title.group(1).casefold() in self.titled:
                pos += the_title.start(1)  # "The Ambassador will ...": the one so titled
                body = t[pos : c.end]
            subj = re.match(
                # "hes gonna", "shes lending me": "he's" typed without its apostrophe
                rf"({_SUBJ_PRONOUN}(?=s\s+(?:gonna|gona|going\s+to|(?:(?:also|still|just)\s+)?"
                rf"[a-z]+ing)\b)|{_SUBJ_PRONOUN}\b"
                r"|s?he(?=ll\s)"  # "hell send me the invoices": he'll, typed fast
                rf"|(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})",
                body,
                re.I,
            )
            if subj is None:
                continue
            raw = subj.group(1)
            if raw.casefold() not in ("she", "he", "they"):
                span = _scan_name(t, pos, c.end, lower_ok=False)
                typed = _scan_name(t, pos, c.end, lower_ok=True) if span is None else None
                if typed and self.lookup(t[typed[0] : typed[1]]):
                    span = typed  # "sinead o'hara (ericsson) will send …": typed in lower case
                if span is None:
                    first = re.split(_A, raw.split()[0])[0]  # "tom's gonna": tom
                    name = self.lookup(first) if first.casefold() not in _NOT_NAME else None
                    if name is None:
                        continue
                    raw = first
                    after = pos + len(raw)
                else:
                    after = span[1]
                    raw = t[span[0] : span[1]]
            else:
                after = pos + len(raw)
            rest_at = after + 1 if appos and t[after : after + 1] == "," else after
            for _ in range(2):  # "Joseph sir will", "Felix Braun (KfW) said he'd", "Mr. Tran,
                aside = _SUBJECT_ASIDE.match(t, rest_at, c.end)  # the band director, will"
                if aside is None:
                    break
                rest_at = aside.end()
            m = _THEM_MODAL_S_RE.match(t, rest_at, c.end)
            debt = None
            if m is None and self.lookup(raw):
                m = _NAME_TO.match(t, rest_at, c.end)  # minutes: "Raj to set up the env"
            if m is None:
                debt = _THEM_DEBT_LEAD_RE.match(t, rest_at, c.end)
                gerund = _THEIR_GERUND.match(t, rest_at, c.end)
                m = debt or gerund
            if m is None and self._dated(c):  # "she sends budget fri": dated, so a plan
                m = _PRESENT_PLAN_S.match(t, rest_at, c.end)
                if m is None:  # "hanna sending specs tmrw": typed without the "is"
                    m = _BARE_GERUND.match(t, rest_at, c.end)
                if m is None and raw.casefold() in ("she", "he"):  # "He bring samples on
                    m = _BARE_PLAN.match(t, rest_at, c.end)  # friday" (non-native)
                if m is None and re.match(r"\s+\w+\s+(?:me|us)\b", t[rest_at : c.end]):
                    m = _BARE_PLAN.match(t, rest_at, c.end)  # "thiago send me the draft monday"
            if m is None:
                continue
            c.kind, c.debt = "them", debt is not None
            c.desc = (m.end(), c.end)
            c.subject_raw, c.subject_at = raw, pos
            c.negated = _NEGATED.match(t, m.end(), c.end) is not None or bool(
                re.search(rf"n{_A}t|\bnot\b", m.group(), re.I)
            )

    def _role_before_actor(self, lo: int, hi: int) -> int | None:
        """Where the name starts when a clause opens with who the person is, then the
        name, then their promise ("Outgoing treasurer Gerhard Baumann will …", "olu's dad
        Tunde Bakare says he'll …", "receptionist pieter said hed …"); None when the
        clause opens with the name itself or the words before it are no description."""
        t = self.text
        if self._acts_at(lo, hi):
            return None
        words = list(re.finditer(r"[^\W\d_][\w'\u2019\-]*", t[lo:hi]))[:5]
        for k in range(1, len(words)):
            before = [w.group().casefold() for w in words[:k]]
            at = lo + words[k].start()
            if any(
                w in _NOT_DESCRIBING or (not re.search(r"['\u2019]s\Z", w) and self.lookup(w))
                for w in before
            ) or re.search(r"[^\w\s'\u2019\-]", t[lo:at]):  # "Met Ana, Ben will …": no description
                return None
            if self._acts_at(at, hi):
                return at
        return None

    def _acts_at(self, at: int, hi: int) -> bool:
        """Whether a name written at ``at`` (a capitalised one, or one met typed in lower
        case) is followed by the words of a promise of theirs."""
        t = self.text
        span = _scan_name(t, at, hi, lower_ok=True)
        if span is None or span[0] != at:
            return False
        name = t[span[0] : span[1]]
        first = name.split()[0]
        if not (first[:1].isupper() or self.lookup(first)) or name.casefold() in _NOT_NAME:
            return False
        rest = span[1]
        for _ in range(2):
            aside = _SUBJECT_ASIDE.match(t, rest, hi)
            if aside is None:
                break
            rest = aside.end()
        modal = _THEM_MODAL_S_RE.match(t, rest, hi)
        # "His friend Bernard (not present) could be interesting for us": no promise
        return modal is not None and not re.match(
            r"\s*(?:could|can|might|would)\b|.*\bbe\s*\Z", modal.group(), re.I
        )

    def _asked_them(self, clauses: list[_Clause], i: int, pos: int) -> re.Match[str] | None:
        """ "I asked her to loop in her compliance lead next week and she agreed", "Asked
        him to review my deck; he said ok", "We agreed that he'd send the contract": what I
        asked of them, once they said yes (or we agreed it), is their promise."""
        t, c = self.text, clauses[i]
        agreed = _WE_AGREED_THEY.match(t, pos, c.end)
        if agreed is not None:
            return agreed
        asked = _I_ASKED_THEM.match(t, pos, c.end)
        if asked is None:
            return None
        if asked.group("asker") and (
            asked.group("asker").casefold() in ("i", "we")
            or not re.search(r"\b(?:me|my|us|our)\b", t[asked.end() : c.end], re.I)
        ):
            return None  # "Marta asked Piotr to fix the sink": between them, not for me
        answer = _THEY_AGREED.search(t, asked.end(), self.sentence_end(asked.end()))
        nxt = clauses[i + 1] if i + 1 < len(clauses) else None
        if answer is None and nxt is not None and nxt.sentence == c.sentence + 1:
            answer = _THEY_AGREED.match(t, nxt.start, nxt.end)  # "… . He agreed."
        return asked if answer is not None else None

    def _subject_carried(self, clauses: list[_Clause], i: int, pos: int) -> tuple[str, int] | None:
        """ "Karim is a firefighter, offered to do a fire safety talk": an offer with its
        subject left out, right after a comma, is made by the person met whom the clause
        before opens with (a subject and its verb); returns that name and where the words
        start."""
        if i == 0 or clauses[i - 1].sentence != clauses[i].sentence:
            return None
        t, prev = self.text, clauses[i - 1]
        if not re.fullmatch(r"\s*,\s*", t[prev.end : clauses[i].start]):
            return None
        offer = _OFFER_LEFT_OUT.match(t, pos, clauses[i].end)
        if offer is None:
            return self._doer_left_out(prev, clauses[i], pos)
        described = _DESCRIBED_THEN_NAMED.fullmatch(t, prev.start, prev.end)
        if described:  # "Another dad, Hiroshi Nakamura, offered to lend me his jigsaw"
            raw = described.group("name")
            if self.lookup(raw) is None:
                self.add_person(raw, described.start("name"), prev.sentence)
            return raw, offer.end()
        pronoun = re.compile(r"(she|he)(?:['\u2019]s|\s+is|\s+was)\s", re.I).match(
            t, prev.start, prev.end
        )
        if pronoun is not None:  # "He's a sound engineer, offered to record our concert"
            return pronoun.group(1), offer.end()
        span = _scan_name(t, prev.start, prev.end, lower_ok=False)
        if span is None or span[0] != prev.start:
            return None
        raw = t[span[0] : span[1]]
        if self.lookup(raw) is None or not _NAME_THEN_VERB.match(t, span[1], prev.end):
            return None
        return raw, offer.end()

    def _doer_left_out(self, prev: _Clause, c: _Clause, pos: int) -> tuple[str, int] | None:
        """ "kiri reckons she can get us in, will let me know by wed": a bare modal whose
        action is done to me ("let me know", "send me", "give us") is not mine; its doer
        is whom the clause before opens with."""
        t = self.text
        modal = _MODAL_LEFT_OUT.match(t, pos, c.end)
        if modal is None or not _TO_ME.search(t, modal.end(), c.end):
            return None
        head = self._third_person_head(prev)
        if head is None:
            lead = _LEAD.match(t, prev.start, prev.end)
            word = re.compile(r"[a-z][\w'\-]*").match(t, lead.end() if lead else prev.start)
            named = self.lookup(word.group()) if word else None
            if word is None or named is None:
                return None
            head = word.group(), word.start()
        return head[0], modal.end()

    def _mine_for(self, clauses: list[_Clause], i: int, pos: int) -> tuple[str, int] | None:
        """ "me -> Aleksander: send the load test scripts today": the clause before, cut off
        by a colon, says the to-do is mine and for whom; returns that name and where."""
        if i == 0 or clauses[i - 1].sentence != clauses[i].sentence:
            return None
        prev, t = clauses[i - 1], self.text
        if not re.fullmatch(r"\s*:\s*", t[prev.end : clauses[i].start]):
            return None
        label = _ME_TO_LABEL.fullmatch(t, prev.start, prev.end)
        if label is None or not _ACTION_VERB.match(t, pos, clauses[i].end):
            return None
        return label.group("who"), label.start("who")

    def _labelled_by_name(
        self, clauses: list[_Clause], i: int, pos: int
    ) -> tuple[str, re.Match[str]] | None:
        """A line "Name – will share X" / "Name (Acme): will review Y": the clause before,
        cut off by a dash or a colon, is only a person's name, and this one starts with
        their modal; returns that name and the modal."""
        if i == 0 or clauses[i - 1].sentence != clauses[i].sentence:
            return None
        prev, t = clauses[i - 1], self.text
        between = t[prev.end : clauses[i].start]
        if not re.fullmatch(r"\s*(?:[-\u2013\u2014:]|->|\u2192)\s*", between):
            return None
        named = re.sub(r"\s*\([^()\n]*\)\s*\Z", "", t[prev.start : prev.end]).strip(
            " -*\u2022\u30fb\u2192>"
        )
        head, _comma, tail = named.partition(",")
        if tail and self.lookup(head.strip()) is not None and self.lookup(tail.strip()) is None:
            named = head.strip()  # "- Rahul Mehta, Datadog: will share …": the name, then where
        action = _ACTION_LABEL.match(named)
        if action is not None:  # "Action: Dev – send the DPIA template": Dev's item
            named = named[action.end() :]
        modal = _LABEL_MODAL.match(t, pos, clauses[i].end)
        if modal is None and action is not None and _ACTION_VERB.match(t, pos, clauses[i].end):
            modal = re.compile("").match(t, pos)
        if modal is None and self._under_action_heading(prev.start) and self.lookup(named):
            # "action items:" then "- Linh: PO number by end of month": Linh's item
            modal = re.compile("").match(t, pos)
        if _NO_ITEM.match(t, pos, clauses[i].end):
            return None  # "- Ola: no actions"
        if (
            modal is None
            and ":" in between
            and self.lookup(named)
            and (self._bare_verb(clauses[i], pos) or self._dated_item(clauses[i], pos))
        ):  # "- Desmond: finalise volunteer rota, next Friday", "→ Jonas: share comp bands"
            modal = re.compile("").match(t, pos)
        if (
            modal is None
            and _CHECKBOX_LINE.fullmatch(t, t.rfind("\n", 0, prev.start) + 1, prev.start)
            and self.lookup(named)
            and self._bare_verb(clauses[i], pos)
        ):  # a checklist: "[ ] M. Okafor - circulate board pack": whose item the line
            # opens with (without the box, "Lars (Maersk) – send deck thu" is my to-do)
            modal = re.compile("").match(t, pos)
        if modal is None:
            return None
        if named.casefold() == "me" and action is not None:
            return named, modal
        if re.match(r"(?:she|he|they)\b", modal.group(), re.I):
            # "Called Linda Brooks (caterer): she'll confirm menu": only someone met, and
            # the words before the name are none of it
            met = self.lookup(named) or self.lookup(without_leading_everyday_word(named))
            return (met, modal) if met else None
        span = _scan_name(named, 0, len(named), lower_ok=True)
        if span is None or span != (0, len(named)):
            return None
        if self.lookup(named) is None:
            if len(named.split()) < 2 or not all(_is_cap(w) for w in named.split()):
                return None
            self.add_person(named, prev.start, prev.sentence)  # a bullet per person met
        return named, modal

    def _label_carried(self, clauses: list[_Clause], i: int, pos: int) -> str:
        """The owner a labelled line gives the clause after a comma or ";" on it, when
        that clause names no doer of its own: "jo: give us repo access today, set up
        staging by wed" (theirs: an action), "Me: chapter 2 by the 31st; a glossary for her
        editor" (mine: an action or a thing); "" otherwise."""
        if i == 0:
            return ""
        prev, c, t = clauses[i - 1], clauses[i], self.text
        if (
            prev.sentence != c.sentence
            or not re.fullmatch(r"[ \t]*[,;][ \t]*(?:then[ \t]+)?", t[prev.end : c.start])
            or _SUBJECT_FIRST.match(t, pos, c.end)
        ):
            return ""
        if prev.kind == "them" and prev.labelled and self._bare_verb(c, pos):
            return "them"
        if (
            prev.kind == "me"
            and _MY_LABEL.match(t, prev.start, prev.end)
            and not _FINITE.search(t, pos, c.end)
        ):
            return "me"
        return ""

    def _dated_item(self, c: _Clause, pos: int) -> bool:
        """Whether a labelled line goes on with a thing and its date, no verb ("Them:" then
        "- WordPress logins tomorrow", "Venkat: seed swap poster, by next fri"): what they
        will hand over, by then."""
        t = self.text
        return (
            self._dated(c)
            and not _SUBJECT_FIRST.match(t, pos, c.end)
            and not _FINITE.search(t, pos, c.end)
            and not self.lookup(next(iter(t[pos : c.end].split()), ""))
        )

    def _bare_verb(self, c: _Clause, pos: int) -> bool:
        """Whether a labelled line goes on with an action ("finalise the rota"), not with a
        description ("loves sailing", "the new CFO"); "sends the specs" only when dated."""
        word = re.compile(r"[a-z][a-z\-]+").match(self.text, pos, c.end)
        if word is None:
            return False
        w = word.group()
        if _ACTION_VERB.fullmatch(w):
            return True
        if w.endswith("ing") and self._dated(c):
            return w not in _NOT_A_VERB  # "Aoife: sending the RFP template Friday": a plan
        if w in _NOT_A_VERB or w.endswith(("ed", "ing", "ly")) or len(w) < 3:
            return False
        return not w.endswith("s") or self._dated(c)

    def _line_label(self, pos: int) -> tuple[str, int] | None:
        """The person met whose name heads the line ``pos`` is in, as a label ("- Lukas
        Meier (Google) — talk on async; will share …"), when nothing after the label and
        before ``pos`` speaks as "I"; None otherwise."""
        t = self.text
        start = t.rfind("\n", 0, pos) + 1
        label = _LINE_NAME_LABEL.match(t, start, pos)
        if label is None:
            return None
        who = label.group("who")
        named = self.lookup(who) or self.lookup(without_leading_everyday_word(who))
        if named is None:  # ("Handyman Bogdan - fixed the gate. will come back …": Bogdan)
            return None
        if re.search(r"\b(?:i|me|my|we)\b", t[label.end() : pos], re.I):
            return None
        return named, label.start("who")

    def _their_heading(self, pos: int) -> tuple[str, int] | None:
        """The other side's heading over the block of lines ``pos`` is in ("Them:", "Her
        side:", "Sanne:" on a line of its own, no blank line between): who it names (a
        pronoun or a person met; "" for "Them:") and where; None under "Me:" or none."""
        for at, line in self._lines_above(pos):
            head = _HEADING_LINE.fullmatch(line.strip(" \t\r\n-*\u2022#"))
            if head is None:
                continue
            who = head.group("who")
            if who.casefold() in ("them", "they", "their side", "theirs"):
                return "", at
            if who.casefold() in ("him", "her", "she", "he"):
                return who.casefold(), at
            if self.lookup(who):
                return who, at + line.index(who)
            return None  # "Me:", "Next steps:": not theirs
        return None

    def _under_action_heading(self, pos: int) -> bool:
        """Whether ``pos`` is in a block of lines under an "Action items:" heading (a line of
        its own), with no blank line between."""
        return any(
            _ACTION_LABEL.fullmatch(line.strip(" \t\r\n-*\u2022#"))
            for _at, line in self._lines_above(pos)
        )

    def _under_my_heading(self, pos: int) -> bool:
        """Whether ``pos`` is in a block of lines whose nearest heading (a line of its own
        ending in a colon) is the writer's own ("Me:", "My to-dos:"; not "Action items:",
        whose items may be anyone's), with no blank line between."""
        for _at, line in self._lines_above(pos):
            head = line.strip(" \t\r\n-*\u2022#")
            if not head:  # a line of bullets alone ends the block too
                return False
            if head.endswith(":"):
                return bool(_MY_HEADING.fullmatch(head))
        return False

    def _lines_above(self, pos: int) -> Iterator[tuple[int, str]]:
        """The lines above the one ``pos`` is in, nearest first, with where each starts,
        up to a blank line: the block a heading ("Them:", "Me:", "Action items:") rules."""
        block = self.text[: self.text.rfind("\n", 0, pos) + 1]
        at = len(block)
        for line in reversed(block.splitlines(keepends=True)):
            at -= len(line)
            if not line.strip():
                return
            yield at, line

    def _dash_then_date(self, c: _Clause, nxt: _Clause) -> bool:
        """Whether ``nxt`` is only a due date, set off from ``c`` by a dash."""
        t = self.text
        if nxt.sentence != c.sentence or not re.fullmatch(
            r"\s*[-\u2013\u2014]+\s*", t[c.end : nxt.start]
        ):
            return False
        due = find_due(t, nxt.start, nxt.end, self.now.date(), self.rules)
        return (
            due is not None
            and re.fullmatch(r"\s*(?:by|before|on|until|till|due)?\s*", t[nxt.start : due[0]], re.I)
            is not None
            and not t[due[1] : nxt.end].strip(" .,;")
        )

    def _dated(self, c: _Clause) -> bool:
        """Whether the clause names a due date ("fri", "tmrw", "by the 12th")."""
        return find_due(self.text, c.start, c.end, self.now.date(), self.rules) is not None

    def _name_acts(self, lo: int, hi: int) -> bool:
        """Whether a person met opens ``lo:hi`` and acts ("Priya to share ...", "Ana
        will ..."): after an "Action:" label the item is theirs, not the writer's."""
        span = _scan_name(self.text, lo, hi, lower_ok=False)
        if span is None or self.lookup(self.text[span[0] : span[1]]) is None:
            return False
        after = self.text[span[1] : hi]
        return bool(_THEM_MODAL_S_RE.match(after) or re.match(r"\s+to\s+(?=\w)", after))

    def _subject_before_aside(
        self, clauses: list[_Clause], i: int, pos: int
    ) -> tuple[str, int, int] | None:
        """A clause opening with a bare modal ("will drive her …") after a clause that is
        only a person and an aside about them ("Her daughter Amina, who came with her,",
        "Amina, her daughter,"): that person, where they are named, and where the action
        starts."""
        if i == 0:
            return None
        prev, c, t = clauses[i - 1], clauses[i], self.text
        if prev.kind or prev.sentence != c.sentence or t[prev.end : c.start].strip() != ",":
            return None
        modal = _CARRY_MODAL.match(t, pos, c.end)
        if modal is None:
            return None
        head = self._third_person_head(prev)
        if head is None:
            named = _RELATIVE_THEN_NAMED.fullmatch(t, prev.start, prev.end)
            if named is None:
                return None
            # "Mo's dad, Imran, will carpool with us": who he is, then his name
            return (*self._relative_named(named, prev.sentence), modal.end())
        rest = head[1] + len(head[0])
        if t[head[1] : rest].casefold() != head[0].casefold():
            return None
        if not _ASIDE_AFTER_NAME.fullmatch(t, rest, prev.end):
            return None
        return head[0], head[1], modal.end()

    def _relative_named(self, m: re.Match[str], sentence: int) -> tuple[str, int]:
        """The person of a :data:`_RELATIVE_THEN_NAMED` match and where they are named;
        met, unless they belong to someone met ("Her postdoc, Rui, will …": told of)."""
        raw = m.group("name")
        if self.lookup(raw) is None and not _ONES_OWN.match(m.group()):
            self.add_person(raw, m.start("name"), sentence)
        return raw, m.start("name")

    def _third_person_head(self, c: _Clause) -> tuple[str, int] | None:
        """Who a clause with no promise is about, when it opens with them: a pronoun, a
        person met, or "his colleague Ms. Lakshmi Pillai" (a person met)."""
        found = self._subject_word(c)
        if found is not None:
            return found
        lead = _LEAD.match(self.text, c.start, c.end)
        at = lead.end() if lead else c.start
        m = _POSSESSOR_THEN_NAME.match(self.text, at, c.end) or _POSSESSOR_ROLE_NAME.match(
            self.text, at, c.end
        )
        if m is not None and self.lookup(m.group("name")):
            return m.group("name"), m.start("name")
        return None

    def _subject_word(self, c: _Clause) -> tuple[str, int] | None:
        """The third-person subject a clause opens with ("she", "Ana Ruiz"), and where."""
        t = self.text
        lead = _LEAD.match(t, c.start, c.end)
        at = lead.end() if lead else c.start
        pronoun = re.match(r"(?:she|he|they)\b", t[at : c.end], re.I)
        if pronoun:
            return pronoun.group(), at
        span = _scan_name(t, at, c.end, lower_ok=False)
        if span and self.lookup(t[span[0] : span[1]]):
            return t[span[0] : span[1]], at
        return None

    def _name_before(self, lo: int, hi: int) -> str:
        """The name or pronoun that ends just before ``hi`` ("Ana Ruiz| asked me to")."""
        t = self.text
        end = hi
        while end > lo and t[end - 1].isspace():
            end -= 1
        while True:  # "Samuel has asked me", "Venkatesh sir asked me", "she also asked me"
            aux = re.compile(
                rf"\s+(?:has|had|have|just|also|then|already|sir|ma{_A}am|madam|ji)\Z", re.I
            ).search(t, lo, end)
            if aux is None:
                break
            end = aux.start()
        org = _ORG_BEFORE_VERB.search(t, lo, end)
        if org is not None:  # "Chloé Martin from Datadog asked me …": Chloé asked
            asker = self._name_before(lo, org.start())
            if asker and self.lookup(asker):
                return asker
        pronoun = re.compile(rf"\b{_SUBJ_PRONOUN}\Z", re.I).search(t, lo, end)
        if pronoun:
            return pronoun.group()
        for cand in _NAME_WORD_B_RE.finditer(t, lo, end):
            span = _scan_name(t, cand.start(), end, lower_ok=False)
            if span and span[1] == end:
                return t[span[0] : span[1]]
        last = re.compile(r"([^\W\d_][\w'\-]*)\Z").search(t, lo, end)
        if last and self.lookup(last.group(1)):  # "ji-woo asked me to ...", typed lower
            return last.group(1)
        return ""

    def _carries_subject(self, prev: _Clause, c: _Clause) -> bool:
        """Whether ``c`` goes on with the third-person subject of ``prev`` ("They love it
        but need to sell first") rather than leaving the writer's "I" out."""
        t = self.text
        between = t[prev.end : c.start]
        if (
            prev.sentence != c.sentence
            or not (
                re.fullmatch(r"\s*,?\s*(?:and|but)\s*", between, re.I)
                or (  # "She's keen, will send me the brief"
                    re.fullmatch(r"\s*,\s*", between)
                    and re.match(r"(?:will|gonna)\s+\w+\s+(?:me|us)\b", t[c.start : c.end], re.I)
                )
            )
        ):
            return False
        lead = _LEAD.match(t, prev.start, prev.end)
        at = lead.end() if lead else prev.start
        if re.match(r"they\b", t[at : prev.end], re.I):
            return True
        goes_on = r"(?:needs|has|wants|is|offered|promised|agreed|volunteered|will|gonna)\b"
        if not re.match(goes_on, t[c.start : c.end], re.I):
            return False  # "Ana was great and need to send her ...": my own, "I" left out
        if re.match(r"(?:she|he)\b", t[at : prev.end], re.I):
            return True
        span = _scan_name(t, at, prev.end, lower_ok=False)
        return span is not None and self.lookup(t[span[0] : span[1]]) is not None
