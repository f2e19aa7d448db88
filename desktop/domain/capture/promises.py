"""Who each promise is with (the person it names or a pronoun points at, walking the note in
order so recency is right), its due date from its own clause, and its words."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from desktop.domain.capture.due_dates import fallback_due, find_due
from desktop.domain.capture.first_names import hinted_gender, is_first_name
from desktop.domain.capture.intros import _IntroFinder
from desktop.domain.capture.lexicon import (
    _A,
    _ACTION_LABEL,
    _ACTION_VERB,
    _DO_IT,
    _LEFT_OUT_THIRD,
    _NAME_SHAPE,
    _NAME_WORD,
    _NAME_WORD_B_RE,
    _NAME_WORD_RE,
    _NOT_AN_ACTION,
    _NOT_NAME,
    _POSSESSIVE_END_RE,
    _POSSESSOR_ROLE_NAME,
    _SUBORDINATE_TAIL,
    _TAKEN_BACK,
    _VAGUE_TAIL,
    _WEEKDAY_OR_MONTH,
    _words,
)
from desktop.domain.capture.names import _is_cap, _scan_name, tidy_name
from desktop.domain.capture.reader_base import _Clause, _unaccented
from desktop.domain.capture.results import ParsedCommitment
from desktop.domain.capture.rules import LanguageRules
from desktop.domain.capture.tail_cutter import without_aside
from desktop.domain.capture.who_scorer import is_everyday_word

# what a clause may say around a due date and still be only the date of the promise before
_CORRECTION = re.compile(
    r"(?:actually|no\s*,?\s*wait|wait\s*,?\s*no|wait|sorry|correction|or\s+rather|rather|oops"
    r"|no(?=\s*,)"  # "— no, the 28th"
    r"|update|in\s+fact|i\s+mean"
    r"|we\s+(?:landed|settled|agreed)\s+on|(?:landed|settled)\s+on"
    r"|realistically|more\s+realistically|more\s+likely"
    # "she's now pushed that to Jan 8": the date moved
    r"|(?:(?:she|he|they)(?:['\u2019]s|\s+has|\s+have)\s+(?:now\s+)?|now\s+)?"
    r"(?:pushed|moved|shifted|bumped)\s+(?:that|it)\s+(?:back\s+)?to)\b[\s,:\-]*",
    re.I,
)
_TABLE_COLUMNS = {
    "item": frozenset(
        ("item", "items", "action", "actions", "action item", "task", "what", "todo")
    ),
    "owner": frozenset(("owner", "who", "assignee", "assigned to", "owner(s)")),
    "due": frozenset(("due", "when", "by", "deadline", "date", "due date", "by when")),
}
_TABLE_HEADER = re.compile(  # "Item | Owner | Due" (a Markdown table's first row)
    r"^[ \t]*\|?[ \t]*(?:[\w() ]+?[ \t]*\|[ \t]*){1,5}[\w() ]+[ \t]*\|?[ \t]*$(?=\n)", re.M
)


def _cells(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The cells of a table row as spans, the outer pipes of "| a | b |" dropped."""
    spans: list[tuple[int, int]] = []
    start = lo
    for i in range(lo, hi + 1):
        if i == hi or text[i] == "|":
            spans.append((start, i))
            start = i + 1
    if spans and not text[spans[0][0] : spans[0][1]].strip():
        spans = spans[1:]  # "| a | b |"
    if spans and not text[spans[-1][0] : spans[-1][1]].strip():
        spans = spans[:-1]
    return [_strip_span(text, a, b) for a, b in spans]


def _strip_span(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


_ASKED_FOR = re.compile(  # "He asked for a parking permit", "Ana wants a quote"
    r"(?P<who>she|he|(?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+)?)\s+(?:also\s+)?"
    r"(?:asked\s+(?:me\s+)?for|wants?|wanted|needs?|needed|requested|would\s+like)\b",
    re.I,
)
_LATE_CORRECTION = re.compile(  # "- actually she rang after and moved it to the 28th."
    r"(?:\s[\u2014\u2013-]|,)\s*(?:no|actually|correction|sorry)\b[\s,:\-]*"
    r"(?P<tail>[^.!?\n]{3,80}?)\s*(?=[.!?]*(?:\s|\Z))(?=[.!?]|\s*\n|\s*\Z)",
    re.I,
)
# what opens a correction of the date just written, in its own sentence or after it: "No
# wait, …", "Correction: …", "Make that …", "(edit: Monday)", "— then he corrected himself:
# …", "; she later changed it to …", "-> Monday"
_CORRECTION_CUE = re.compile(
    r"[\s,;:(\u2014\u2013\-.?!]*"
    r"(?:(?:actually|wait)\s*,?\s*)?(?:(?:no|nope)\b\s*(?:,|\u2014|\u2013|-|\.\.\.)?\s*(?:wait\b)?"
    r"|wait\s*,?\s*no\b|wait\b(?=\s*[,\u2014\u2013:])"
    r"|correction\b|edit\b|update\b|make\s+(?:it|that)\b|or\s+rather\b|scratch\s+that\b"
    r"|->|\u2192"
    r"|(?:then\s+)?(?:(?:she|he|they|it)\s+)?(?:then\s+|later\s+)?(?:corrected|changed|moved|pushed|bumped"
    r"|shifted|(?:asked|wanted|wants)\s+to\s+(?:move|push|change|shift))\b"
    # "— actually she said Friday", "; after lunch she said Monday is fine": the date
    # right after what she said (see _SAID_CUE)
    r"|(?:actually\s*,?\s*|then\s+|later\s+|after\s+\w+\s+)?(?:she|he|they)\s+(?:then\s+)?"
    r"(?:said|says|texted|emailed|wrote|confirmed|asked\s+for)\b"
    # "— then realised Monday is a bank holiday, so I told him Tuesday instead"
    r"|(?:then\s+)?(?:i\s+)?(?:realised|realized)\b)",
    re.I,
)
_SAID_CUE = re.compile(
    r".*\b(?:said|says|texted|emailed|wrote|confirmed|asked\s+for)\Z", re.I | re.S
)
# how a date she said ends: "she said Friday.", "she said Monday is fine", "… Monday works"
_SAID_DATE_END = re.compile(
    r"\s*(?:[,.;!?)\n]|\Z|instead\b|then\b|(?:is|was|would\s+be|works|worked|suits)"
    r"(?:\s+(?:fine|ok|okay|better|best|easier|good|great|for\s+(?:her|him|them)))?\b)",
    re.I,
)
# what says a new date replaces the old one, right after it: "… so I told him Tuesday instead"
_INSTEAD_AFTER = re.compile(r"\s*(?:instead|then)\b", re.I)
# what a correction may say between its cue and the new date: who said it and how
_CORRECTION_TOLD = re.compile(
    r"\b(?:said|says|texted|rang|called|emailed|messaged|wrote|corrected|changed|moved|pushed"
    r"|bumped|shifted|agreed|asked\s+for|so|make\s+(?:it|that)|edit|update|correction|->)\b"
    r"|^\W*$|\u2192",
    re.I,
)
# a thing of its own between a correction's cue and its date: "Update: the conference
# moved to May 3" is news
_NEWS_SUBJECT = re.compile(
    r"\b(?:the|a|an|our|their|my|his|her|its)\s+(?!date\b|deadline\b)\w", re.I
)
# a promise said again in other words after a correction ("— no wait, HR needs till
# Wednesday, so I told him I'd get back to him by Wednesday"): the first is taken back
_OWN_PROMISE = re.compile(
    r"\b(?:i['\u2019](?:d|ll)|i\s+(?:will|would|shall)|(?:she|he|they)['\u2019](?:d|ll)"
    r"|(?:she|he|they)\s+(?:will|would))\b",
    re.I,
)
# words a promise's action never starts with (a debt's words are checked elsewhere, and
# start with what is owed): "said the 8th", "weeks ago", "nothing, just vibes", "Ms. Liu"
_NO_ACTION = re.compile(
    r"(?i:said|says|weeks?|days?|months?|years?|ago|nothing|ms|mr|mrs|dr|aunty|auntie|uncle)"
    r"\b|[^\W\d_]{3,}ing\Z",  # "navigating": a lone gerund (not "sing", "bring")
)
# a deadline's word: fronted ("By December 20 I need to …") or opening a due phrase
_DEADLINE = re.compile(r"\s*(?:by|before|until|till|no\s+later\s+than|b4)\s", re.I)
_INLINE_CORRECTION = re.compile(  # "friday no actually saturday", "Monday, sorry, I mean Tuesday"
    r"\s*,?\s*(?:(?:no|nope|sorry|wait|oops|actually)\b[\s,]*)?"
    r"(?:actually|i\s+mean|make\s+(?:it|that)|or\s+rather|rather|no|wait|sorry|scratch\s+that)\b[\s,]*",
    re.I,
)
_RETELLING = re.compile(  # how a late correction tells that the date moved
    r"\b(?:said|says|texted|rang|called|phoned|moved|pushed|asked|wrote|emailed|messaged"
    r"|confirmed|changed|so|then|instead|make\s+it|meant)\b",
    re.I,
)
_ASKED_FOR_TYPED = re.compile(_ASKED_FOR.pattern.replace("(?-i:[A-Z])", "[a-z]"), re.I)
_OWES_NOTHING = re.compile(r"(?:nothing|zilch|nada|zero|not\s+a\s+thing)\b", re.I)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:her|his)\b", re.I)
_REQUEST = re.compile(r"\b(?:asked|asks|wants|wanted|invited|requested)\b", re.I)
_DEFERRED = re.compile(  # what says a request is not answered yet
    r"\b(?:still\s+undecided|undecided|(?:told|tell)\s+(?:him|her|them)\s+maybe|said\s+maybe"
    r"|(?:give|owe)\s+(?:him|her|them)\s+an\s+answer|answer\s+(?:him|her|them)\b"
    r"|let\s+(?:him|her|them)\s+know(?!\s+(?:when|once|that|as\s+soon|how))"
    r"|think\s+about\s+it|sleep\s+on\s+it"
    r"|get\s+back\s+to\s+(?:him|her|them))",
    re.I,
)
_RETOLD = re.compile(  # "correction …, I actually told her Thursday, not Friday"
    r"\b(?:actually|correction|sorry|no\s*,?\s*wait)\b[^.!?\n]{0,80}?"
    r"(?P<new>\b[\w ]{3,25}?)\s*,?\s+not\s+(?P<old>[\w ]{3,25}?)(?=\s*[,.;!?\n]|\s+because|\Z)",
    re.I,
)
_SAID_THEN_BUT = re.compile(  # "I said tomorrow but …", "I told her Friday but …"
    r"i\s+(?:said|told\s+(?:her|him|them))\s+[^,;.\n]{1,30}?\s*,?\s*but\s+", re.I
)
_ASKED_TO_BEFORE = re.compile(  # "… asked Ngozi to send me the raw dataset, which " before
    r"\basked\s+(?:(?:mr|mrs|ms|dr)\.?\s+)?[\w'\-]+(?:\s+(?-i:[A-Z])[\w'\-]+)?\s+to\s+"
    r"(?P<what>[^,;.!?\n]+?)\s*,\s*which\s*\Z",
    re.I,
)
_ASKS_WHETHER = re.compile(
    r"\b(?:ask|asks|check|verify|see|know|find\s+out|confirm|wonder|look|talk|enquire|inquire"
    r"|find|hear|tell|decide|think|sound\s+out)\b",
    re.I,
)
_APP_VERB = re.compile(r"(?:WhatsApp|DM|Slack|Venmo|PayPal|Revolut|FaceTime|Skype)\s+(?:me|us)\b")
_INSTEAD = re.compile(r"[ \t]*,?[ \t]*(?:instead|then)[ \t]*[.!]?[ \t]*\Z", re.I)
_MOVED_TO = re.compile(  # what may come before a new date said with "instead" / "then"
    r"\s*(?:so|and|ok(?:ay)?|fine)?[\s,]*(?:(?:\w+\s+){0,6}?expect\s+(?:it|them)\s+"
    r"|(?:then\s+)?(?:\w+\s+){0,6}?(?:that\s+)?"
    r"(?:it|that|she|he|they)(?:['\u2019]ll|\s+will|['\u2019]s|\s+is|\s+would)\s+(?:be\s+)?)?"
    r"(?:(?:on|by|for|next)\s+)?",
    re.I,
)
_CORRECTION_BEFORE = re.compile(  # "… by Wednesday — no, Tuesday"
    r"(?:\b(?:actually|no\s*,?\s*wait|sorry|correction|but)|(?:[\u2014\u2013]|\s-)\s*no)\W*\Z", re.I
)
# why a date was corrected, after the new one: "— no, the 28th, she's away next week"
_REASON = re.compile(
    r",\s*(?=(?:as|since|because|she|he|they|the|we|i)\b|\w+(?:['\u2019]s|\s+is|\s+are)\b)"
    r"|\s+(?:as|since|because)\s+",
    re.I,
)
_DENIAL_CUE = re.compile(  # a cue that only says "not that": the date said next is the new one
    r"(?:\bno|\bnope|\bwait|\bsorry|\bcorrection|\bedit|\bupdate|\bscratch\s+that|\bmake\s+(?:it|that)"
    r"|\bor\s+rather|->|\u2192|\bcorrected\s+himself|\bcorrected\s+herself)\W*\Z",
    re.I,
)
# "…, told him I'd read it", "— I said I'll do it": my answer to a request, in my words
_ANSWERED_IN_MY_WORDS = re.compile(
    r"[,;\u2014\u2013-]\s*(?:and\s+)?(?:i\s+)?(?:told\s+(?:him|her|them)|said)\s+(?:that\s+)?"
    r"i(?:['\u2019]d|['\u2019]ll|\s+would|\s+will)\s+",
    re.I,
)
_SAID_YES_OR_BLESSING_END = re.compile(
    r",?\s+(?:(?:and\s+)?i\s+(?:said|say)\s+(?:yes|ok|okay|sure|yeah|yep|yup)"
    r"|insh?a['\u2019]?\s*allah|(?-i:isA|IA)|god\s+willing"
    r"|lah|leh|lor|hor)\s*\Z",  # Singlish particles: "email the RFP by Friday lah"
    re.I,
)
_COMMENT_AFTER = re.compile(
    r",?\s+but\s+(?=(?:that|it|this)\s+(?:can|could|will|is|was|may|might)\b|(?:that|it)['\u2019]s\b)"
    r"|,?\s+which\s+i\s+(?:said\s+yes|agreed)\b",
    re.I,
)
_ALSO_NEWS = re.compile(
    r"\s+also\s+(?=(?:she|he|they|(?-i:[A-Z])[\w'\-]+)\s+(?:mentioned|said|says|told|asked|wants"
    r"|is|was|has|had|thinks|reckons)\b)",
    re.I,
)
_BECAUSE = re.compile(r"(?:,\s*|\s+)(?:as|since|because|cos|coz)\s+(?!of\b|soon\b|well\b)", re.I)
_DAY_OF_MONTH = r"the\s+\d{1,2}(?:st|nd|rd|th)"  # "the 24th": a date only after a correction
_BARE_DAY = re.compile(rf"\s*{_DAY_OF_MONTH}\s*", re.I)
_FIRST_BARE_DAY = re.compile(  # "she said the 27th, …", not "the 3rd draft is better"
    rf"(?<=\s){_DAY_OF_MONTH}(?=\s*(?:[,.;!?)\n\u2014\u2013-]|\Z|instead\b|then\b))", re.I
)
_LAST_BARE_DAY = re.compile(rf"(?<=\s){_DAY_OF_MONTH}\s*\Z", re.I)
_TO = re.compile(r"to\s+", re.I)
_MAKE_IT = re.compile(
    r"(?:make\s+(?:it|that)|(?:it|that)(?:['\u2019]s|\s+is|\s+was)|change\s+(?:it|that)\s+to"
    r"|move\s+(?:it|that)\s+to|moved\s+to"
    r"|(?:she|he|they)\s+(?:said|says|meant))\s+",  # "— correction, he said Tuesday"
    re.I,
)
_PRONOUN_IN = re.compile(r"\b(?:her|him|them|she|he|they)\b", re.I)
_THING_THEN_TO = re.compile(  # "send them to Mikko", "pass them over to her", "them on to"
    r"\s+(?:(?:back|over|on|along|across|round)\s+)?(?:to|onto|on\s+to)\s+(?!me\b|us\b)\S", re.I
)
_SECOND_ACTION = re.compile(  # "… and pass it to him": the last action under one modal
    r"\s+and\s+(?:then\s+)?(?!(?:the|a|an|my|our|his|her|their|some|also|i|we|she|he|they)\b)"
    # "… and let Rhys know": the last action's named recipient
    r"(?=[a-z]+\s+(?:it|them|this|that|him|her|(?-i:[A-Z])[\w'\-]+\s+know)\b"
    # "… and tell Ms Zhang", "… and email Rohan": whom the last action is for, named
    r"|(?:tell|email|call|ping|text|update|inform|brief)\s+(?:(?:mr|ms|mrs|dr)\.?\s+)?(?-i:[A-Z]))"
)
_OPENER_ACTS = re.compile(  # 'Declan "Decko" Byrne is a pilot …': a full name, then a verb
    r"\s*(?P<name>(?-i:[A-Z])[\w'\-]+(?:[ \t]+[\"\u201c][^\"\u201d\n]{1,20}[\"\u201d])?"
    r"(?:[ \t]+(?-i:[A-Z])[\w'\-]+)+)[ \t]+(?:is|was|has|had|works|runs|lives|just)\b"
)
_TIME_OF_DAY = re.compile(
    r"\s(?:by|at|before|around|till|until)\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h)"
    r"|noon|midday|lunchtime)(?=\W|\Z)|\s(?-i:am|pm)\s*\Z",  # "… tmrw am" (not "our PM")
    re.I,
)
_WHEN_WORDS = frozenset(
    _words(
        "today tonight tomorrow tmrw tomorow asap later soon again now first next this by before "
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
        "fri sat sun when if once"
    )
)
_CALLED_OFF = re.compile(
    r"\b(?:so\s+skip(?:\s+(?:it|that))?|no\s+need\s+(?:any\s*more|after\s+all|now)|no\s+longer"
    r"\s+needed|not\s+needed\s+(?:any\s*more|after\s+all)|scrap\s+that|never\s*mind"
    r"|called\s+(?:it\s+)?off|cancell?ed\s+(?:it|that)|already\s+(?:has|had|got)\s+(?:it|them|one)"
    # "asked me to join their design review but I had to decline", "— I declined"
    r"|i\s+(?:had\s+to\s+)?declined?|declined(?=,)|said\s+no(?!\s+(?:problem|worries|bother))|turned\s+(?:it|him|her|them)\s+down"
    r"|maybe\s+later|not\s+now|(?:so\s+)?that[\u2019']s\s+off|it[\u2019']s\s+off"
    # "… so that's not happening", "I told him not to bother", "…, declined for now", "so
    # I'm off the hook", "that's now legal's job"
    r"|(?:that[\u2019']s|it[\u2019']s)\s+not\s+happening|told\s+(?:him|her|them)\s+not\s+to\s+bother"
    r"|declined\s+for\s+now|off\s+the\s+hook|(?:that[\u2019']s|it[\u2019']s)\s+now\s+\w+[\u2019']s\s+job"
    # "she said she'd try, no promise", "I said I'd discuss it with the team, no promises"
    r"|(?<=\w),?\s+(?:but\s+)?no\s+promises?)\b",
    re.I,
)
_OWNER_FIELD = re.compile(
    r"(?:owner|assignee|assigned\s+to)\s*:\s*(?P<who>[^\n.;:]{1,40}?)\s*(?=[\n.;]|\Z)", re.I
)


def _rest_of(item: ParsedCommitment) -> tuple[str, str | None, date | None, str, tuple[int, int]]:
    """A promise's fields after its owner, to rebuild it with another owner."""
    return item.description, item.person_name, item.due, item.due_text, item.span


_DATE_FILLER = frozenset(
    _words(
        "agreed ok okay sure yes said deal done confirmed target deadline due eta aim aiming for"
        " by should it will be ready sent finished hopefully latest at the and all to that's thats"
        " is needs need must she he they we i me us so on it's its mentioned confirmed promised"
        # "— she needs it before April 20, so that's on me": the words around the date
        " that s wants want"
        # "… the kit rota - doing it by Monday", "- on it by Friday": the same promise, dated
        " doing do get getting"
    )
)


# "send home the pack", "send through a few roles": where or how, not to whom
_SENT_WHERE = frozenset(
    _words(
        "home back along round around across away down forward through over out off up on in"
        " again also just then now quickly still"
    )
)


_MONTH_SHORT = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)


class _PromiseReader(_IntroFinder):
    """Turns clauses with an actor into promises."""

    def _subject_of(
        self, raw: str, pos: int, sentence: int, exclude: frozenset[str] = frozenset()
    ) -> str | None:
        """The person a subject or object word stands for ("she", "Ben", "Ola Berg")."""
        raw = raw.strip()
        if not raw:
            return self.recent(pos)
        if raw.casefold() in ("she", "he", "her", "him", "they", "them"):
            return self.pronoun(raw, pos, exclude=exclude)
        if raw.casefold() in _NOT_NAME:
            return self.recent(pos)
        name = self.name_of(raw)
        self.mention(name, pos, sentence)
        return name

    def _asker_before(self, clauses: list[_Clause], i: int) -> str | None:
        """ "He asked for a parking permit, I'll sort it by Friday": a promise of mine that
        names no one answers whoever asked for something in the clause just before it, in
        the same sentence ("he", "she" or a name), or in its own words before the promise
        ("Kavita wants a demo of our device so I will set that up")."""
        c = clauses[i]
        m = _ASKED_FOR.search(self.text, c.start, c.desc[0])
        if m is None:  # typed in lower case: "ollie wants to borrow my tent, …"
            m = next(
                (
                    typed
                    for typed in _ASKED_FOR_TYPED.finditer(self.text, c.start, c.desc[0])
                    if self.lookup(typed.group("who")) in self.people
                ),
                None,
            )
        # up to two clauses back: "ollie wants to borrow my tent, told him sure, will drop
        # it round next sat"
        for prev in reversed(clauses[max(0, i - 2) : i]):
            if m is not None or prev.sentence != c.sentence or prev.kind:
                break
            # "… at the conference Kavita wants a demo": the last one in the clause
            m = _ASKED_FOR.match(self.text, prev.start, prev.end) or next(
                reversed(list(_ASKED_FOR.finditer(self.text, prev.start, prev.end))), None
            )
        if m is None:
            return None
        who = m.group("who")
        if who.casefold() in ("she", "he"):
            return self.pronoun(who, m.start())
        return self.lookup(who)

    def _possessor(self, c: _Clause) -> str | None:
        """ "I offered to look over her pitch deck": a promise of mine that names no one is
        for whoever "her"/"his" is, unless the thing goes on to someone ("pass her CV to
        HR")."""
        t = self.text
        m = _POSSESSIVE_PRONOUN.search(t, c.desc[0], c.desc[1])
        if m is None or re.search(r"\b(?:to|with)\s", t[m.end() : c.desc[1]], re.I):
            return None
        word = "him" if m.group().casefold() == "his" else "her"
        if word == "her" and not self._her_is_possessive(m.end(), c.desc[1]):
            return None
        return self.pronoun(word, m.start(), exclude=c.named)

    def assign_people(self, clauses: list[_Clause]) -> None:
        """Who each promise is with, walking the note in order so recency is right."""
        t = self.text
        for i, c in enumerate(clauses):
            c.named = self._named_in(c.desc[0], c.end) if c.kind else frozenset()
            if c.subject_raw or c.kind == "them":
                c.subject = self._subject_of(c.subject_raw, c.subject_at, c.sentence, c.named)
            if c.explicit_raw:
                c.explicit_person = self._subject_of(c.explicit_raw, c.explicit_at, c.sentence)
            if (
                c.kind == "them"
                and c.subject_raw.casefold() in ("she", "he")
                and (c.subject is None or c.subject not in self.people)
            ):  # a "he" who promises is someone there: "New doctor Dr. Liam Fitzgerald, very
                # nice. He will teach us …" even when the only one met is named after it
                c.subject = self._named_speaker(c) or self._opener_promises(c) or c.subject
            if c.kind == "them":
                c.person = c.subject
            elif c.kind == "me" and c.asked:
                c.person = (
                    c.explicit_person
                    or self._subject_of(c.subject_raw, c.subject_at, c.sentence)
                    or self._first_reference(c)
                )
            elif c.kind == "me":
                joined = c.joined_at
                if joined < 0:  # "ask Ulrike for a name and pass it to him": one modal
                    second = _SECOND_ACTION.search(t, c.desc[0], c.desc[1])
                    joined = second.end() if second else -1
                last = self._first_reference(c, joined) if joined >= 0 else None
                if last and not _PRONOUN_IN.search(t, joined, c.desc[1]):
                    # "I told her I'd get the questionnaire done and send it to Noah": the
                    # last action's recipient, named, is whom the one to-do is for
                    c.explicit_person = last
                c.person = (
                    c.explicit_person
                    or self._first_reference(c, joined)
                    or self._first_reference(c)
                    or c.subject
                )
                if c.person is None:
                    c.person = (
                        self._asker_before(clauses, i)
                        or self._possessor(c)
                        or self.recent(c.desc[0])
                    )
            # the clause's own names become mentions for the clauses after it (a list
            # already recorded as one mention stays one)
            listed = {n for p, n, _s in self.mentions if c.start <= p < c.end}
            for m in _NAME_WORD_B_RE.finditer(t[c.start : c.end]):
                word = m.group()
                base = re.split(_A, word)[0]
                name = self.lookup(base)
                typed = base.islower() and len(base) > 2 and base not in _NOT_NAME
                if name and (_is_cap(base) or typed) and name not in listed:
                    self.mention(name, c.start + m.start(), c.sentence)  # "priya wants ..."
            if c.kind and c.person:
                self.mention(c.person, c.start, c.sentence)

    def _named_speaker(self, c: _Clause) -> str | None:
        """ "The host's roommate, Esteban de la Cruz, is a grant writer - he offered to …",
        "New doctor Dr. Liam Fitzgerald, very nice. He will teach us …": a "he"/"she" who
        promises and can be nobody met is the full name written last before it, in its
        sentence or the one before, who was there."""
        t = self.text
        if any(p < c.subject_at for p, _n, _s in self.mentions):
            return None  # someone met was named before: the pronoun could not say whom
        candidates = [  # "a grant writer for the Oakland Museum": a place, not a person
            (p, n)
            for p, n in self._full_names_before(c.subject_at)
            if not re.search(r"\b(?:the|at|from|of|for|in)\s+\Z", t[max(0, p - 6) : p], re.I)
        ]
        if not candidates:
            return None
        at, named = candidates[-1]
        # "Kasia Nowak introduce me her brother Paweł, he works …": Paweł
        kins = list(_POSSESSOR_ROLE_NAME.finditer(t, at, c.subject_at))
        kin = kins[-1] if kins else None
        if kin is not None and kin.group("name").split()[0].casefold() not in _NOT_NAME:
            named, at = tidy_name(kin.group("name")), kin.start("name")
        between = t[at : c.subject_at]
        if len(re.findall(r"[.!?](?:\s|\Z)|\n", between)) > 1:
            return None
        if self._gender_of(named.casefold()) not in (None, self._pronoun_gender(c.subject_raw)):
            return None
        return self.add_person(named, at, c.sentence)

    def _opener_promises(self, c: _Clause) -> str | None:
        """ "Declan "Decko" Byrne is a pilot with Aer Lingus now, and he'll get me a cockpit
        tour": the full name opening the pronoun's own sentence, who can be that "he", is
        who promises, and so was there."""
        t = self.text
        opening = max(t.rfind(m, 0, c.subject_at) for m in (". ", "! ", "? ", "\n")) + 1
        m = _OPENER_ACTS.match(t, opening, c.subject_at)
        if m is None or any(w.casefold() in _NOT_NAME for w in m.group("name").split()):
            return None
        name = self.lookup(m.group("name")) or tidy_name(m.group("name"))
        gender = self._pronoun_gender(c.subject_raw)
        if self.gender_for(name, gender) != gender:
            return None
        return self.add_person(m.group("name"), m.start("name"), c.sentence)

    @staticmethod
    def _pronoun_gender(word: str) -> str:
        return "f" if word.casefold() in ("she", "her") else "m"

    def _first_reference(self, c: _Clause, lo: int = -2) -> str | None:
        """The first person a promise of mine names or points at ("send Omar the link",
        "send her the deck"); possessives ("Karl's CV") name nobody to promise to.

        ``lo``: where to start looking; two actions under one modal ("ask Ulla for a name
        and send it to him") are for whom the last one is done, so it is read first."""
        t = self.text
        if lo == -1:
            return None
        lo, hi = (c.desc[0] if lo == -2 else lo), c.desc[1]
        owner_of: str | None = None  # "return Jonas's drill": Jonas, if nobody else
        judged = lo  # the end of a run of capitalised words already judged a place or thing
        for m in _NAME_WORD_RE.finditer(t[lo:hi]):
            word = m.group()
            folded = word.casefold()
            at = lo + m.start()
            if folded in ("her", "him", "them"):
                if folded == "her" and self._her_is_possessive(at + 3, hi):
                    continue
                if folded == "them" and _THING_THEN_TO.match(t, at + 4, hi):
                    continue  # "write up the maps and send them to Mikko": Mikko gets them
                # "our ED, Patrice, wasn't there, so I have to brief her": the object of my
                # promise may be someone only mentioned in its own sentence
                # (not someone the clause itself names: "put him in touch with Rui")
                named_here = frozenset(
                    n.casefold()
                    for _p, n in self.others
                    if re.search(rf"\b{re.escape(n.split()[0])}\b", t[at:hi], re.I)
                )
                return self.pronoun(folded, at, exclude=c.named | named_here, aside=c.kind == "me")
            if _POSSESSIVE_END_RE.search(word) and (
                _is_cap(word) or self.lookup(re.split(_A, word)[0]) in self.people
            ):  # "return Jonas's drill", "pay marcello's invoice" (typed in lower case)
                owner_of = owner_of or self.lookup(re.split(_A, word)[0])
                continue
            if (
                word.islower()
                and (len(word) > 2 or self.lookup(word) in self.people)  # "send jo the plan"
                and folded not in _NOT_NAME
            ):
                typed = self.lookup(word)  # "send training plan to sana"
                if typed and typed.casefold() in {p.casefold() for p in self.people}:
                    return typed
                recipient = re.compile(
                    r"(?:send|email|text|ping|give|show|lend|forward|pay|owe|call|get|buy"
                    r"|bring|make|order|find|write|mail|post|hand)\s+$",
                    re.I,
                ).search(t, lo, at)
                if (
                    recipient
                    and folded not in _SENT_WHERE
                    and (
                        re.compile(
                            r"\s+(?:the|a|an|my|our|some|his|her|their|those|these|that|this)\s"
                        ).match(t, at + len(word), hi)
                        or (  # "text jonah": the action ends with whom, a name
                            not t[at + len(word) : hi].strip()
                            and (self.lookup(word) or hinted_gender(word) or is_first_name(word))
                        )
                    )
                ):  # "send omar the link": omar receives it
                    return self._as_written(word)
                asked = re.compile(
                    r"(?P<more>\s+[a-z][\w'\-]+)?\s+(?:to|about|re|for|if|whether)\s"
                ).match(t, at + len(word), hi)
                if (
                    asked
                    and re.compile(r"(?:remind|ask|tell|chase)\s+$", re.I).search(t, lo, at)
                    and not (is_everyday_word(word) and self.lookup(word) is None)
                ):  # (but "chase accounts to release …": a department, no one)
                    # "remind nikhil to update the crm", "ask sarah if she's ok with the cost",
                    # "chase yusuf ali re consent forms": the one I remind or ask
                    more = asked.group("more")
                    if more and more.strip() not in _NOT_NAME and not is_everyday_word(more):
                        return self.lookup(word + more) or tidy_name(word + more)
                    return self._as_written(word)
            if not _is_cap(word) or folded in _WEEKDAY_OR_MONTH:
                continue
            if folded in _MONTH_SHORT and (
                re.search(r"\d\s*\Z", t[max(lo, at - 4) : at])
                or re.match(r"\s*\d", t[at + len(word) : at + len(word) + 3])
            ):
                continue  # "until 22 Jan": a date, not Jan
            if at == lo and _ACTION_VERB.fullmatch(word):
                continue  # "Send her the spec" on a line of its own: the verb, no one
            prev = t[max(lo, at - 8) : at].casefold()
            # "a Grohe", "an Aesop candle": a brand, a thing
            thing = re.search(
                r"\b(?:at|from|of|in|on|his|her|their|my|our|your|the|a|an)\s+$", prev
            )
            if thing and not (
                re.search(r"\b(?:loop|rope|bring|pull|cc|copy)\s+in\s+$", prev)
            ):  # "review his Devoxx proposal", "the JD for the Pune role": a thing of his or a
                # thing; but "loop in Anjali": her
                if not word.isupper():  # "in Hai Phong": Phong too (not "our CTO Arjun")
                    run = re.match(r"(?:[\s\-]+[A-Z][\w'\u2019\-]*)*", t[at + len(word) : hi])
                    judged = at + len(word) + (run.end() if run else 0)
                continue
            if at < judged:
                continue
            span = _scan_name(t, at, hi, lower_ok=False)
            if span is None:
                continue
            raw = t[span[0] : span[1]]
            if re.match(rf"{_A}s\b", t[span[1] : span[1] + 2]):
                continue
            if (len(raw) <= 3 and raw.isupper()) or (
                not _NAME_SHAPE.fullmatch(raw.split()[0]) and self.lookup(raw) is None
            ):
                continue  # "the MoU", "PR", "Q4" name nobody
            if re.match(r"\s*\d", t[span[1] : span[1] + 3]) and self.lookup(raw) not in self.people:
                continue  # "Year 10" (but "send Kwame 3 customer refs": Kwame, met)
            if (
                " " not in raw.strip()
                and (
                    re.search(r"\b(?:from|in|at|near|via)\s+\Z", t[max(lo, at - 6) : at], re.I)
                    or re.match(
                        # "come down to Valencia", "pop over to Leith": a place too
                        r"(?:ship|fly|move|travel|drive|post|deliver|courier|come|go|head|pop"
                        r"|visit|return)\b",
                        t[lo:at],
                        re.I,
                    )
                )
                and self.lookup(raw) is None
                and hinted_gender(raw) is None
                and not any(raw == n for _p, n in self.others)
            ):
                continue  # "ship 2kg to Amsterdam": a place; a person would be met or a name
            if (
                c.kind == "me"
                and len(self.people) == 1
                and re.search(r"\b(?:with|w/)\s+\Z", t[max(lo, at - 6) : at], re.I)
                and not re.search(  # but "set up a call with Ken": Ken is whom it is for
                    r"\b(?:call|meeting|chat|coffee|lunch|dinner|time|session|catch-?up|1:1|intro)"
                    r"\s+(?:with|w/)\s+\Z",
                    t[max(lo, at - 20) : at],
                    re.I,
                )
                and self.name_of(raw) not in self.people
            ):  # "I'll raise it with Tom", "check availability with Deepa and confirm": the
                # one met is whom I promised; Tom and Deepa are asked along the way
                return self.people[0]
            return self.name_of(raw)
        return owner_of

    def _as_written(self, word: str) -> str:
        """A name typed without its accents ("lucia") as the note writes it elsewhere
        ("lucía (his sister)"), else tidied as typed."""
        bare = _unaccented(word)
        for m in _NAME_WORD_RE.finditer(self.text):
            other = m.group()
            if other != word and other.isalpha() and _unaccented(other) == bare:
                return tidy_name(other)
        return tidy_name(word)

    def _her_is_possessive(self, pos: int, hi: int) -> bool:
        """ "review her CV" (her owns the CV) vs "send her the deck" (her receives it)."""
        rest = self.text[pos:hi].strip().split()
        if not rest:
            return False
        if rest[0].casefold().strip(".,;") in _WHEN_WORDS:
            return False  # "phone her tomorrow about …", "ring her Friday": her, the object
        return rest[0].casefold() not in (
            "the",
            "a",
            "an",
            "our",
            "my",
            "some",
            "this",
            "that",
            "to",
            "with",
            "about",
            "back",
            "up",
            "in",
            "know",
            "on",
            "into",
            "onto",
            "through",
            "off",
            "out",
        )

    def commitments(self, clauses: list[_Clause]) -> list[ParsedCommitment]:
        rows, tabled = self._table_rows()
        if rows:  # the rows of an "Item | Owner | Due" table are read by their columns
            clauses = [c for c in clauses if not any(a <= c.start < b for a, b in rows)]
        out = self._late_corrections(self._retold_dates(self._clause_commitments(clauses)))
        out = self._corrections_after(out)
        out = self._request_then_own_words(out)
        out = [p for p in out if not self._called_off(p) and not _NO_ACTION.match(p.description)]
        return sorted([*out, *tabled], key=lambda p: p.span[0]) if tabled else out

    def _request_then_own_words(self, out: list[ParsedCommitment]) -> list[ParsedCommitment]:
        """ "He wants me to look at his business plan, told him I'd read it over the
        weekend": a request answered in the same sentence by my own words for it ("read
        it") is one promise, in my words."""
        t = self.text
        dropped: set[int] = set()
        for i in range(len(out) - 1):
            asked, mine = out[i], out[i + 1]
            if (
                asked.owner == mine.owner == "me"
                and asked.person_name == mine.person_name
                and self._same_sentence(asked.span[0], mine.span[0])
                and _REQUEST.search(t, max(0, asked.span[0] - 40), asked.span[1])
                and _ANSWERED_IN_MY_WORDS.search(
                    t, asked.span[1], max(mine.span[0], t.find(mine.description, mine.span[0])) + 1
                )
                and re.match(r"[a-z]+\s+(?:it|them)\b", mine.description, re.I)
            ):
                dropped.add(i)
        return [p for j, p in enumerate(out) if j not in dropped]

    def _called_off(self, item: ParsedCommitment) -> bool:
        """ "I'd offered to send the benchmark report but she said her analyst already has
        it, so skip": a promise its own sentence calls off is no promise."""
        t = self.text
        at = t.find(item.description[:24], item.span[0])
        if at < 0 or at >= item.span[1]:
            return False
        after = at + len(item.description)
        # (its words may run on to the calling off: "offered to … but then said the lead has
        # left, so that's off")
        return _CALLED_OFF.search(t, at, self.sentence_end(after)) is not None

    def _retold_dates(self, out: list[ParsedCommitment]) -> list[ParsedCommitment]:
        """ "Oh — correction on the checklist, I actually told Marisol Thursday, not
        Friday": a later "<date>, not <date>" after a correction word moves the promise
        made before it that had the second date to the first."""
        t, today = self.text, self.now.date()
        for m in _RETOLD.finditer(t):
            new = find_due(t, m.start("new"), m.end("new"), today, self.rules)
            old = find_due(t, m.start("old"), m.end("old"), today, self.rules)
            said = m.group("old").strip().casefold()  # "not the 20th": as the promise said it
            if new is None:
                continue
            for i in range(len(out) - 1, -1, -1):
                item = out[i]
                was = item.due == old[2] if old else item.due_text.casefold().endswith(said)
                if item.span[0] < m.start() and item.due is not None and was:
                    out[i] = _redated(item, new, t)
                    break
        return out

    def _late_corrections(self, out: list[ParsedCommitment]) -> list[ParsedCommitment]:
        """ "… by the 24th - actually she rang after and moved it to the 28th", "… on
        Tuesday - no, she just texted, Wednesday": a correction that tells what happened
        before it names the new date, last in its sentence, moves the date of the promise
        it follows (not when a promise of its own comes in between: "— actually she'll
        call me on Monday")."""
        t, today = self.text, self.now.date()
        for m in _LATE_CORRECTION.finditer(t):
            lo, hi = m.start("tail"), m.end("tail")
            if not _RETELLING.search(t, lo, hi) or re.search(r"\bnot\b", t[lo:hi], re.I):
                continue  # "…, actually the budget is due Monday": news, not a new date
            if any(m.start() <= p.span[0] < hi for p in out):
                continue  # a promise of its own: news, not a correction
            dues = [d for d in _dues_in(t, lo, hi, today, self.rules) if not t[d[1] : hi].strip()]
            day = _LAST_BARE_DAY.search(t, lo, hi)
            if not dues and day is not None:  # "… and moved it to the 28th"
                bare = self._correcting_date(day.start(), hi, today)
                dues = [bare] if bare else []
            if not dues:
                continue
            for i in range(len(out) - 1, -1, -1):
                item = out[i]
                if item.span[0] < m.start() and item.due is not None:
                    gap = t[min(item.span[1], m.start()) : m.start()]
                    same_sentence = not gap.strip(" ,") and t[item.span[1] - 1] not in ".!?"
                    if same_sentence and item.due != dues[-1][2]:
                        out[i] = _redated(item, dues[-1], t)
                    break
        return out

    def _corrections_after(self, out: list[ParsedCommitment]) -> list[ParsedCommitment]:
        """A correction right after a dated promise, in the rest of its sentence or as the
        next sentence, moves the promise to the correction's last date: "… on Tuesday...
        no, she corrected, on Wednesday", "… by Friday. Make that Monday.", "… by December
        15. Correction: Olga agreed to December 18, legal is slow", "… on 5 January. No
        wait, he's away until the 7th, so January 7"; or to the date the other said, right
        after "said" ("— actually she said Friday, she's off tomorrow": the date before
        why). Not when a promise of its own starts in between, nor when the correction's
        words are news with a subject of its own ("Update: the conference moved to May 3");
        a "promise" read from the correction's own words ("Make that") is none."""
        t, today = self.text, self.now.date()
        dropped: set[int] = set()
        for i, item in enumerate(out):
            if item.due is None or not item.due_text or i in dropped:
                continue
            at = t.find(item.due_text, item.span[0])
            if at < 0:
                continue
            after = at + len(item.due_text)
            cue = _CORRECTION_CUE.match(t, after)
            if cue is None or not cue.group().strip(" ,;:(\u2014\u2013-.?!"):
                continue
            end = self.sentence_end(cue.end())  # its sentence, or the next one
            later = [j for j, other in enumerate(out) if j != i and after <= other.span[0] < end]
            own = [out[j].span[0] for j in later if not self._only_cue(out[j])]
            if own:  # a promise of its own: "— no, she'll call me Monday" (no date before
                # it), "… actually no he said Thursday, Bisi will write …" (the date before)
                end = min(own)
                later = [j for j in later if out[j].span[0] < end]
            why = _BECAUSE.search(t, cue.end(), end)
            # "… moved it to Tuesday because the board pack goes out Wednesday": the date
            # after why is the reason's
            dues = self._correction_dues(cue.end(), why.start() if why else end, today)
            if not dues:
                continue
            said = _SAID_CUE.match(t, cue.start(), cue.end()) is not None
            if said and t[cue.end() : dues[0][0]].strip(" ,:"):
                continue  # "she said she'd call Monday": what she said, not a date
            # "— no, Thursday, Wednesday I'm flying": the date right after the cue is it
            right_after = not t[cue.end() : dues[0][0]].strip(" ,:;\u2014\u2013-") and bool(
                _DENIAL_CUE.search(t, cue.start(), cue.end())
            )  # (not "— then realised Monday is a bank holiday, so … Tuesday")
            new = dues[0] if said or right_after else dues[-1]
            if said and not _SAID_DATE_END.match(t, new[1]):
                continue  # "he said Monday's session is off": news about that day
            reason = _REASON.search(t, new[1], end)
            if said and reason is None and len(dues) > 1:
                continue  # "she said Friday or Monday": no one new date
            instead = _INSTEAD_AFTER.match(t, new[1]) is not None
            between = t[cue.end() : new[0]]
            for lo, hi, _day in dues:  # "he's away until the 7th, so …": no news
                if hi <= new[0]:
                    between = between.replace(t[lo:hi], " ")
            if not (said or instead) and (
                _NEWS_SUBJECT.search(between)
                or (
                    re.search(r"[^\W\d_]{3,}", between)
                    and not _CORRECTION_TOLD.search(t, cue.start(), new[0])
                )
            ):
                continue  # "Update: the conference moved to May 3": news, not a new date
            out[i] = _redated(item, new, t)
            dropped.update(later)
        return [p for j, p in enumerate(out) if j not in dropped]

    @staticmethod
    def _only_cue(item: ParsedCommitment) -> bool:
        """Whether a promise read inside a correction is only its cue ("Make that" of
        "Make that Monday", "Update")."""
        words = item.description.replace(item.due_text, " ") if item.due_text else item.description
        return not words.strip() or _CORRECTION_CUE.fullmatch(" " + words.strip()) is not None

    @staticmethod
    def _same_again(before: str, desc: str) -> bool:
        """Whether ``desc`` only says again the promise before: "do it", "do so", or its own
        verb alone ("send him the PDF, I will send tomorrow"); ", no more excuses" after."""
        head = desc.split(",")[0].strip()
        if _DO_IT.fullmatch(head):
            return True
        verb = before.split()[0].casefold() if before.split() else ""
        words = head.casefold().split()
        return (
            bool(words)
            and words[0] == verb
            and len(words) <= 2
            and (len(words) == 1 or words[1] in ("it", "them", "that", "this", "one", "so"))
        )

    def _table_rows(self) -> tuple[list[tuple[int, int]], list[ParsedCommitment]]:
        """Action items pasted as a table ("Item | Owner | Due" then "Send the letter | me |
        Friday"): each row is a promise of its owner, dated by its due cell."""
        t = self.text
        header = _TABLE_HEADER.search(t)
        if header is None:
            return [], []
        names = [cell.strip().casefold() for cell in header.group().strip().strip("|").split("|")]
        column = {
            role: next((i for i, n in enumerate(names) if n in words), -1)
            for role, words in _TABLE_COLUMNS.items()
        }
        if column["item"] < 0 or column["owner"] < 0:
            return [], []
        rows: list[tuple[int, int]] = []
        found: list[ParsedCommitment] = []
        pos = header.end() + 1
        for line in t[pos:].split("\n"):
            lo, hi = pos, pos + len(line)
            pos = hi + 1
            if "|" not in line:
                break
            rows.append((lo, hi))
            cells = list(_cells(t, lo, hi))
            if len(cells) <= max(column.values()) or not re.search(r"[^\W\d_]", line):
                continue  # "|---|---|": the header's rule
            item, owner = cells[column["item"]], cells[column["owner"]]
            who = t[owner[0] : owner[1]].strip()
            desc = t[item[0] : item[1]].strip()
            if not desc or not who:
                continue
            due = None
            if column["due"] >= 0 and column["due"] < len(cells):
                due = find_due(t, *cells[column["due"]], self.now.date(), self.rules)
            clause = _Clause(lo, hi, -1, kind="me", desc=item)
            if who.casefold() in ("me", "i", "myself", "mine"):
                kind, person = "me", self._first_reference(clause) or self.recent(lo)
            elif self.lookup(who):
                kind, person = "them", self.lookup(who)
            else:
                continue
            found.append(
                ParsedCommitment(
                    kind,
                    desc,
                    person,
                    due[2] if due else None,
                    t[due[0] : due[1]] if due else "",
                    (lo, hi),
                )
            )
        return rows, found

    def _clause_commitments(self, clauses: list[_Clause]) -> list[ParsedCommitment]:
        out: list[ParsedCommitment] = []
        today = self.now.date()
        last_sentence = -2  # the sentence the last promise was written in
        fronted: tuple[int, tuple[int, int, date]] | None = None  # (sentence, due)
        for i, c in enumerate(clauses):
            nxt = clauses[i + 1] if i + 1 < len(clauses) else None
            if (
                not c.kind
                and nxt is not None
                and nxt.kind
                and nxt.sentence == c.sentence
                and _DEADLINE.match(self.text, c.start, c.end)
            ):
                early = self._date_only(c, today)
                if early is not None:  # "By December 20 I need to return the book": its date
                    fronted = (c.sentence, early)
                    continue
            owner = _OWNER_FIELD.match(self.text, c.start) if out else None
            if owner is not None and c.sentence - last_sentence <= 1:
                # "- Send the checklist. Owner: Bill. Due: Nov 12": whose item it is
                who = owner.group("who").strip()
                item = out[-1]
                if who.casefold() in ("me", "i", "myself", "mine"):
                    out[-1] = ParsedCommitment("me", *_rest_of(item))
                elif self.lookup(who):
                    name = self.lookup(who)
                    out[-1] = ParsedCommitment(
                        "them", item.description, name, item.due, item.due_text, item.span
                    )
                last_sentence = c.sentence
                continue
            fixed = self._corrected_date(c, today) if out else None
            if fixed is not None and c.sentence - last_sentence <= 1:
                # "I'll send her the deck by Friday — actually Saturday": the later word wins
                out[-1] = _redated(out[-1], fixed, self.text)
                continue
            if out and out[-1].due is None and c.sentence - last_sentence <= 1:
                later = self._date_only(c, today)
                if later is not None:  # "I'll send her the deck — should be done by Friday"
                    out[-1] = _redated(out[-1], later, self.text)
                    continue
            if not c.kind or c.negated:
                continue
            lo, hi = c.desc
            window = self.text[lo : min(len(self.text), c.end + 24)]
            window = re.split(r"[.!?](?:\s|\Z)|\n", window[c.end - lo :], maxsplit=1)[0]
            if self._taken_back(lo, c.end, window, today):
                continue  # "I promised Jakob a demo in January, no wait, after the holidays"
            due = find_due(self.text, c.start, c.end, today, self.rules)
            if due is None and c.yes_at:
                due = find_due(self.text, *c.yes_at, today, self.rules)
            if due is None and fronted is not None and fronted[0] == c.sentence:
                due = fronted[1]
            if due is None:
                due = fallback_due(self.text, lo, hi, self.now, self.rules, self.budget)
            if (
                due is not None
                and c.debt
                and re.search(r"\bfor\b", self.text[lo : due[0]], re.I)
                and not _DEADLINE.match(self.text, due[0], due[1])
                and not re.search(r"[,;(]\s*\Z", self.text[lo : due[0]])
            ):
                due = None  # "owe her a coffee for covering Tuesday night": why, not when
            fronted = None
            fixed_here = self._corrected_inside(c, due, today) if due is not None else None
            if fixed_here is not None:  # "send me a plan friday no actually saturday"
                desc = self.describe(lo, fixed_here[0], due)
                due = fixed_here[1]
            else:
                desc = self.describe(lo, hi, due)
            if self.rules.learned_tails and desc:
                desc = without_aside(desc, c.kind)  # "lend him the strimmer, said fine"
            named_to = re.match(rf"({_NAME_WORD}(?:\s+{_NAME_WORD})?)\s+to\s+(?=[a-z])", desc)
            if (
                named_to
                and self.lookup(named_to.group(1))
                and c.person == self.lookup(named_to.group(1))
            ):  # "I have promised to Abdi to share our model": whom, then the action
                desc = desc[named_to.end() :]
            if c.kind == "them" and re.fullmatch(r"do(?:\s+(?:it|that|so))?", desc, re.I):
                asked = _ASKED_TO_BEFORE.search(self.text, max(0, c.start - 160), c.start)
                if asked is not None:  # "Chidi asked Ngozi to send me the raw dataset, which
                    desc = asked.group("what")  # she'll do by Monday": what she'll do
            if (
                c.kind == "me"
                and _REQUEST.search(self.text, c.start, lo)
                and _DEFERRED.search(self.text, c.end, self.sentence_end(c.end))
            ):  # "Maria asked me to join their board; I'll check with legal and answer her":
                continue  # not promised yet (the answer is the promise)
            if c.debt and _OWES_NOTHING.match(desc):
                continue  # "she owes me nothing lol": no debt
            if not desc or re.match(r"remember\b(?!\s+to\b)", desc, re.I):
                continue  # "Must remember her husband Derek has been poorly": a note
            label = _ACTION_LABEL.fullmatch(desc + ":") and self.text[c.end : c.end + 1] == ":"
            if desc.casefold() == "me" or self.lookup(desc) or label:
                continue  # "Action: Dev – send ...", "Follow-ups:": whose item, not the item
            if c.kind == "them" and _LEFT_OUT_THIRD.match(desc):
                desc = desc[0].lower() + desc[1:]  # "Sends me her slides tomorrow."
            if _NOT_AN_ACTION.match(desc) or (
                c.kind == "them"
                and desc[:1].isupper()
                and not re.match(r"[A-Z]{2,}\b", desc)
                and not c.debt  # "Freya still owes me Wingspan": a thing owed may be a name
                # "Them:" then "- WordPress logins tmrw" (not "- Ingrid sends the NDA")
                and not (c.labelled and due is not None and not self.lookup(desc.split()[0]))
                and not _APP_VERB.match(desc)  # "She's going to WhatsApp me the name of …"
            ):  # but "Linh: PO number by end of month" (an item under "Action items:")
                continue  # "She'll be in London", "He will love it", "going to Japan"
            prev = out[-1] if out else None
            same = prev is not None and self._same_again(prev.description, desc)
            if (
                prev is not None
                and same
                and prev.owner == c.kind
                and (due is None or prev.due == due[2])
                and c.sentence - last_sentence <= 1
            ):  # "She asked me to review her draft, happy to do it": the same promise; "asked
                # me to send her the charts — said I'd do it tomorrow": dated there already
                continue
            if (
                prev is not None
                and same
                and prev.owner == c.kind
                and prev.due is None
                and due is not None
                and c.sentence - last_sentence <= 1
            ):  # "..., I said yes. I'll do it by Tuesday", "asked me to send him the PDF, I
                # will send tomorrow morning": the date of that promise
                out[-1] = _redated(prev, due, self.text)
                continue
            last_sentence = c.sentence
            out.append(
                ParsedCommitment(
                    owner=c.kind,
                    description=desc,
                    person_name=c.person,
                    due=due[2] if due else None,
                    due_text=self.text[due[0] : due[1]] if due else "",
                    span=self.span(c),
                )
            )
            self.intro_from_promise(c, desc, self.span(c))
        return out

    def _taken_back(self, lo: int, end: int, window: str, today: date) -> bool:
        """Whether the writer takes the promise back right after writing it ("…, no wait,
        scratch that"); a correction that only names a new date ("by Thursday —
        correction, by Wednesday") keeps the promise and moves its date."""
        found = _TAKEN_BACK.search(self.text[lo:end] + window)
        if found is None:
            return False
        at = lo + found.end()
        if at < end:  # "… by Monday no wait by Tuesday": only a new date, no take-back
            return not self._only_date(at, end, today)
        ends = self.sentence_end(at)
        told = _CORRECTION_TOLD.search(self.text, at, ends)
        if (
            told
            and self._correction_dues(told.end(), ends, today)
            and not _OWN_PROMISE.search(self.text, at, ends)
        ):
            return False  # "— no wait, she moved it to March 27": a new date, not taken back
        after = at + len(self.text[at:]) - len(self.text[at:].lstrip(" \t,:-"))
        lead = _MAKE_IT.match(self.text, after) or _TO.match(self.text, after)
        start = {after, lead.end() if lead else after}
        stop = re.search(r"[.!?;\n]|\Z", self.text[at:])
        due = find_due(self.text, at, at + (stop.start() if stop else 0), today, self.rules)
        return due is None or due[0] not in start

    def _corrected_date(self, c: _Clause, today: date) -> tuple[int, int, date] | None:
        """The new date of a clause that corrects the one before ("— actually Monday",
        "Actually, make that Monday.", "sorry, Tuesday not Monday"): a correction word
        (in the clause or just before it) and nothing but a date."""
        t = self.text
        start = c.start
        said = _SAID_THEN_BUT.match(t, c.start, c.end)
        if said is not None:  # "I said tomorrow but realistically Wednesday"
            start = said.end()
        word = _CORRECTION.match(t, start, c.end)
        instead = _INSTEAD.search(t, start, c.end)  # "… so Wednesday instead", "Monday then"
        if instead is not None and word is None:
            part = max(start, t.rfind(",", start, instead.start()) + 1)  # "…, so Wednesday instead"
            due = find_due(t, part, instead.start(), today, self.rules)
            if (
                due is not None
                and due[1] == instead.start()
                and _MOVED_TO.fullmatch(t, part, due[0])
            ):
                return due
        if word is None and (
            said is not None or not _CORRECTION_BEFORE.search(t, max(0, start - 24), start)
        ):
            return None
        lo = word.end() if word else start
        lead = _MAKE_IT.match(t, lo, c.end)
        lo = lead.end() if lead else lo
        due = find_due(t, lo, c.end, today, self.rules)
        reason = _REASON.search(t, lo, c.end)
        if due is None or t[lo : due[0]].strip():
            # "the 24th, the panel meets on the 25th": the new date is the one before why
            due = self._correcting_date(lo, reason.start() if reason else c.end, today)
        if due is None or t[lo : due[0]].strip():
            return None  # the date must come first: "actually she'll do it by Monday" is news
        if reason is not None and not t[due[1] : reason.start()].strip(" ,"):
            return due  # "…, as she is in court on Wednesday", "…, she's away Wed": why
        rest = re.sub(r"^\s*,?\s*(?:not|instead\s+of|rather\s+than)\s+\S+", "", t[due[1] : c.end])
        # "in fact Monday is more realistic": what the writer thinks of the new date
        rest = re.sub(
            r"^\s*(?:is|would\s+be|will\s+be)\s+(?:more\s+|much\s+)?(?:realistic|likely|better"
            r"|easier|safer|fine)\b",
            "",
            rest,
            flags=re.I,
        )
        rest = re.sub(r"^\s*,?\s*(?:finally|then|instead|after\s+all)\b", "", rest, flags=re.I)
        return due if not re.search(r"\w", rest) else None

    def _corrected_inside(
        self, c: _Clause, due: tuple[int, int, date], today: date
    ) -> tuple[int, tuple[int, int, date]] | None:
        """ "… a stretching plan friday no actually saturday": a correction inside the
        promise's own clause, ending it with the new date: (where it starts, the date)."""
        t = self.text
        m = _INLINE_CORRECTION.match(t, due[1], c.end)
        if m is None:
            return None
        new = self._correcting_date(m.end(), c.end, today)
        if new is None or new[0] != m.end() or t[new[1] : c.end].strip(" .!?"):
            return None
        return m.start(), new

    def _correction_dues(self, lo: int, hi: int, today: date) -> list[tuple[int, int, date]]:
        """The dates a correction at ``lo``..``hi`` names, left to right; where it names
        none a writer would date a promise with, a bare "the 27th" ("— no wait, she said the
        27th"), which right after a correction is a day of the month."""
        dues = _dues_in(self.text, lo, hi, today, self.rules)
        if dues:
            return dues
        bare = _FIRST_BARE_DAY.search(self.text, lo, hi)
        day = self._correcting_date(bare.start(), bare.end(), today) if bare else None
        return [day] if day else []

    def _correcting_date(self, lo: int, hi: int, today: date) -> tuple[int, int, date] | None:
        """The date ``lo``..``hi`` names right after a correction word, where a bare "the
        24th" is a date (elsewhere it may be "the 3rd draft"): read as "by the 24th"."""
        t = self.text
        due = find_due(t, lo, hi, today, self.rules)
        if due is not None or not _BARE_DAY.fullmatch(t, lo, hi):
            return due
        said = "by " + t[lo:hi]
        found = find_due(said, 0, len(said), today, self.rules)
        return (lo, hi, found[2]) if found else None

    def _date_only(self, c: _Clause, today: date) -> tuple[int, int, date] | None:
        """The due date of a clause that says nothing but when ("— should be done by
        Friday", "Agreed: by Monday.", "said yes, by the 10th"): it dates the promise
        just before it."""
        return self._only_date(c.start, c.end, today)

    def _only_date(self, lo: int, hi: int, today: date) -> tuple[int, int, date] | None:
        """The date ``lo``..``hi`` names, when it says nothing else (see ``_date_only``)."""
        due = find_due(self.text, lo, hi, today, self.rules)
        if due is None:
            return None
        rest = self.text[lo : due[0]] + " " + self.text[due[1] : hi]
        words = re.findall(r"[^\W\d_]+", rest.casefold())
        return due if all(w in _DATE_FILLER for w in words) else None

    def describe(self, lo: int, hi: int, due: tuple[int, int, date] | None) -> str:
        t = self.text
        if due is not None and lo <= due[1] and due[0] <= hi:
            a, b = max(lo, due[0]), min(hi, due[1])
            before = re.sub(
                r"\s+(?:later|latest|at\s+the\s+latest|first\s+thing|for|on|at|on\s+the|by\s+the|by"
                r"|the|within|until|till"
                r"|(?:by\s+)?(?:eod|cob|close\s+of\s+business|end\s+of\s+(?:the\s+)?day)(?:\s+on)?)$",
                "",
                t[lo:a].rstrip(),
                flags=re.I,
            )
            if re.search(r"\bin\s+the\s*\Z", t[lo:a], re.I) and re.match(r"next\b", t[a:b], re.I):
                # "… in the next week" (but "fit me in next wk" keeps its "in")
                before = re.sub(r"\s+in$", "", before, flags=re.I)
            raw = before + " " + t[b:hi]
        else:
            raw = t[lo:hi]
        raw = re.sub(r"#[\w-]+", " ", raw)
        # "send him the SOW by 5pm", "re-check the bloods at 8am": a time of day is when,
        # like the date it goes with, not what
        raw = _TIME_OF_DAY.sub(" ", raw)
        raw = " ".join(raw.split())
        raw = _VAGUE_TAIL.sub("", raw.rstrip(" ,;:"))
        raw = re.sub(
            r"^(?:also|just|then|definitely|still|quickly|really|kindly)\s+", "", raw, flags=re.I
        )
        # "set up a meeting with them I said yes", "send BOQ isA": the answer or a blessing,
        # dictated after the action with no comma
        raw = _SAID_YES_OR_BLESSING_END.sub("", raw)
        raw = re.sub(r"\A([a-z]+)\s+can\s*\Z", r"\1", raw)  # Singlish "I send tomorrow can"
        # "I'll have to call her", "she'll be sending": a second modal is not the action
        # ("she will be the one to contact the caterer": the same)
        raw = re.sub(
            r"^(?:have\s+to|need\s+to|got\s+to|be\s+the\s+one\s+to|be\s+(?=\w+ing\b))\s*",
            "",
            raw,
            flags=re.I,
        )
        raw = re.split(r"\s+(?:since|because|as\s+she|as\s+he|as\s+they)\s+", raw, maxsplit=1)[0]
        # a run-on note going on to news: "… to her also she mentioned her colleague …"
        raw = _ALSO_NEWS.split(raw, maxsplit=1)[0]
        # a comment on it: "call Per about the trailer but that can wait", "write up the
        # notes, which I said yes to"
        raw = _COMMENT_AFTER.split(raw, maxsplit=1)[0]
        # "send me the link, and if the numbers look ok, …": what comes after is another
        # thought; a condition of the action itself stays ("lend us the boat if we sort
        # out the insurance"), as any other the action waits for
        condition = re.search(
            r",?\s+(?:and|but)\s+if\s+(?=(?:i|we|things|it|the|our|you|she|he|they|all)\b)",
            raw,
            re.I,
        )
        if condition and not _ASKS_WHETHER.search(raw, 0, condition.start()):
            raw = raw[: condition.start()]
        whole = raw
        raw = _SUBORDINATE_TAIL.split(raw, maxsplit=1)[0]
        raw = _SUBORDINATE_TAIL.split(_VAGUE_TAIL.sub("", raw.rstrip(" ,;:")), maxsplit=1)[0]
        if len(raw.split()) == 1 and len(whole.split()) > 1:
            raw = whole  # "will pay after the invoice": "pay" alone says nothing
        # "her shift, Marites I mean", "a drink, Olamide that is, for …": who was meant
        raw = re.split(r",\s+[^,]*\b(?:I\s+mean|that\s+is)\b", raw, maxsplit=1)[0]
        # "introduce him to Lerato (our Joburg lead)": who the name is, not the action
        raw = re.sub(r"(\b[A-Z][\w'\-]*)\s*\([^()\n]{1,40}\)\s*\Z", r"\1", raw)
        raw = re.sub(r",?\s+(?:he|she|they)\s+(?:said|asked|says|asks|wrote)\s*\Z", "", raw)
        raw = re.sub(r",\s*(?:ok|okay|ok\s+la|sure)\s*\Z", "", raw, flags=re.I)  # "…, ok": yes
        # "I owe Seán a pint, obviously", "… in two weeks, and sure I will": a comment
        raw = re.sub(
            r",\s*(?:and\s+)?(?:sure|obviously|of\s+course|definitely|happily|gladly|naturally)\s*\Z",
            "",
            raw,
            flags=re.I,
        )
        # "…, ideally", "…, deadline", "…, and" left before a date or a cut: no part of it
        raw = re.sub(
            r"(?:,\s*(?:ideally|deadline|and|or|latest)|,?\s+(?:pls|please|pakka))\s*\Z",
            "",
            raw,
            flags=re.I,
        )
        raw = re.sub(r"^to\s+(?=[a-z]+\s)", "", raw)  # "to come back for the vendemmia"
        # "fix the webhook by Wednesday actually no he said Thursday": the cue of a correction
        raw = re.sub(
            r",?\s+(?:(?:actually|wait|sorry|oh)\s*,?\s*no|no\s*,?\s*(?:wait|sorry))\s*\Z",
            "",
            raw,
            flags=re.I,
        )
        # "send deck → Priya": the arrow names whom it goes to, no part of the action
        raw = re.sub(rf"\s*(?:\u2192|->|=>)\s*{_NAME_WORD}(?:\s+{_NAME_WORD})?\s*\Z", "", raw)
        raw = re.sub(r"\s*\((?-i:[A-Z])[\w'\-]+\)\s*\Z", "", raw)  # "send sandbox keys (Tal)"
        # "put me in touch with his nephew Jake (Jake runs a landscaping firm)": an aside
        raw = re.sub(r"\s*\((?:[^()\s]+\s+){3,}[^()\s]+\)\s*\Z", "", raw)  # not "(Year 3 teacher)"
        # "introduce me to Eilidh MacLeod who's running the pilot": the name ends the action
        who = re.search(rf"\b[A-Z][\w'\-]*(?P<cut>\s+who(?:{_A}s|\s))", raw) or re.search(
            rf"\b(?:to|with)\s+(?:his|her|their|my|our)\s+[a-z]+\s+[a-z]+(?P<cut>\s+who(?:{_A}s|\s))",
            raw,
        )  # "intro me to his brother kofi who does solar installs" typed in lower case
        if who:
            raw = raw[: who.start("cut")]
        raw = re.sub(r"\s+([,;:.!?])", r"\1", raw)
        # "buy the tap before then (he recommended a Grohe)": once the aside is cut
        raw = _VAGUE_TAIL.sub("", raw.rstrip(" ,;:"))
        raw = raw.strip(" \t.,;:!?\u2014\u2013-\"'()[]")
        if raw.count("(") > raw.count(")"):
            raw += ")"  # "intro me to Pedro Alves (Nubank)": keep the closing bracket
        return raw


def _dues_in(
    text: str, lo: int, hi: int, today: date, rules: LanguageRules
) -> list[tuple[int, int, date]]:
    """Due phrases of ``text[lo:hi]`` left to right: the one ``find_due`` prefers, then
    the one it prefers after it, …; the last ends furthest to the right."""
    found: list[tuple[int, int, date]] = []
    while lo < hi:
        due = find_due(text, lo, hi, today, rules)
        if due is None:
            break
        found.append(due)
        lo = due[1]
    return sorted(found)


def _redated(item: ParsedCommitment, due: tuple[int, int, date], text: str) -> ParsedCommitment:
    """``item`` dated by a phrase found later in ``text`` (a correction, a date-only
    clause, a yes with its date): everything else about the promise stays."""
    return replace(item, due=due[2], due_text=text[due[0] : due[1]])
