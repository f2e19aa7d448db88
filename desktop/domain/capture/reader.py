"""Reading a note clause by clause: who was there, who promised what to whom, and when.

Notes are written in a hurry ("lunch w/ lina haas (adyen); promised to send her our
pricing sheet by fri, she'll intro me to marc"), so the reader works on *clauses*, not
sentences: a note is cut at sentence ends, semicolons, dashes, bullets and line breaks,
and at a comma or "and"/"but" when what follows starts a new clause ("..., she'll ...").
Each clause then gets:

* an **actor**: an explicit subject ("Lars will", "she'll"), the writer when the subject
  is left out ("promised to ...", "need to ...", "gonna ..."), the writer when someone
  asked the writer ("she asked me to ..."), the other person for offers, debts and waits
  ("she offered to ...", "still owes me ...", "waiting on Ana for ...");
* a **person**: for the writer's promise, the first person the promise names ("send Omar
  the link") or refers to ("send her ..."); pronouns resolve by recency — the person met
  who was mentioned last before them — and "they" to the first of the last group named;
* a **due date** found inside that clause only, never a neighbouring one.

Who was met comes from meeting phrases ("lunch with", "ran into", "sat beside", "X and
I", "X reminded me", "Attendees:"), from people who act in the note ("Ola promised
to ..."), and from in-person introductions. Names may be typed in lower case after a
meeting phrase; ``nameparser`` (imported on first use, it is not needed for the first
paint of the capture window) drops titles and quoted nicknames and capitalises them.

English only for now: the word lists live at the top of this module.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.capture.due_dates import fallback_due, find_due
from desktop.domain.capture.results import ParsedCommitment, ParsedIntroduction
from desktop.domain.capture.rules import LanguageRules
from desktop.domain.capture.text import _MARKS, _clean_name, _is_caseless

# ---------------------------------------------------------------- word lists (English)


def _words(spaced: str) -> list[str]:
    """A word list written as one spaced string, which keeps long lists readable."""
    return spaced.split()


_A = "['\u2019]"  # an apostrophe as typed
_NOT_NAME = frozenset(
    _words(
        "i me my we us our you your he him his she her they them their it its the a an this "
        "that these those there here some any all both each every everyone someone something "
        "nobody nothing no yes one who what which when where why how today tomorrow tonight "
        "yesterday monday tuesday wednesday thursday friday saturday sunday next last also "
        "then maybe hopefully great good nice thanks thank ok okay met lunch coffee dinner "
        "breakfast brunch drinks call meeting note notes ps re fyi todo action follow would "
        "should could can must need please and but so or if after before during while later "
        "soon again still just very really promised told said asked owe owes will gonna "
        "sending via from at in on with w to for of about by quick long phone video zoom chat "
        "team board new xmas christmas attendees got had ran bumped sat saw caught chatted "
        "talked spoke walk tea beers bbq finally finaly mr mrs ms dr prof sir mum mom dad "
        "wife husband kids family boss folks guys parents friends colleagues people shes hes "
        "theyre im ive dont cant wont apparently actually basically honestly luckily "
        "unfortunately fortunately obviously clearly probably surprisingly interestingly "
        "sadly thankfully weirdly oddly eventually originally personally meanwhile anyway "
        "btw turns whose whom two three four five six seven eight nine ten several few "
        "couple bunch lots loads dozen group crowd"
    )
)
_PARTICLES = frozenset(
    _words(
        "de da di do dos das del della der den du la le los las van von ten ter bin binti ibn al "
        "el y zu"
    )
)
_TITLES = re.compile(
    r"(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame|rev|shri|sri|smt|herr|frau|mme|fr|sra|dra|cllr"
    r"|coach|capt|captain|sgt|hon|judge|senator|rabbi|imam|pastor|father|sister|brother|engr|eng"
    r"|arch|atty|adv)\.?\s+",
    re.I,
)
_ROLES = (
    r"(?:ceo|cto|cfo|coo|cmo|cpo|vp|svp|evp|founder|co-?founder|engineer|developer|designer"
    r"|manager|director|lead|head(?:\s+of\s+[\w&-]+)?|partner|investor|recruiter|consultant"
    r"|analyst|scientist|researcher|professor|editor|pm|product\s+manager|intern|solicitor"
    r"|lawyer|counsel|curator|principal|nurse|doctor|teacher|lecturer|secretary|officer"
    r"|associate|specialist|owner|chef|architect|journalist|buyer|gp|senior|junior|staff"
    r"|backend|frontend|full-?stack|candidate)"
)
_WEEKDAY_OR_MONTH = frozenset(
    _words(
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december"
    )
)

_WITH = r"(?:with|w/|w|wi[\u2019']|wiht|wth)"
_MEET = (
    rf"(?:met(?:\s+up)?(?:\s+{_WITH})?|ran\s+into|bumped\s+into|caught\s+up\s+{_WITH}"
    r"|(?:sat|stood|roomed|seated|ended\s+up)\s+(?:next\s+to|beside|opposite|with|w/)"
    r"|next\s+to|beside|alongside"
    rf"|(?:chatted|chatting|talked|talking|spoke|speaking|hung\s+out|hanging\s+out"
    rf"|natter|yarn|catch[\s-]?up|debrief|1:1|one[\s-]on[\s-]one)\s+(?:{_WITH}|to)"
    r"|got\s+to\s+know|saw|thanked|visited|interviewed|screened|hosted|facetimed|skyped|phoned"
    r"|(?:visit|call|email|message)\s+from|showed\s+(?:[\w']+\s+){1,4}?to"
    r"|(?:lunch|coffee|coffe|dinner|drinks|breakfast|brunch|beers?|tea|call|phone\s+call"
    r"|chat|video\s+call|zoom|teams\s+call|meeting|mtg|walk|workshop|bbq|pints?|borrel)"
    rf"(?:\s+(?:at|in|after|before|during)\s+[^,;.\n]*?)?\s+{_WITH}"
    r"|(?:attendees|present|participants)\s*:|with|w/|w|wiht|wth"
    r"|(?:lunch|coffee|dinner|drinks|breakfast|call|zoom|meeting|chat|1:1)\s*:)"
)
_MEET_RE = re.compile(rf"(?<![\w/])(?:{_MEET})(?=[\s:])\s*:?\s*", re.I)
_NAME_WORD = rf"[^\W\d_](?:[\w\-]|[{_MARKS}])*(?:{_A}(?:[\w\-]|[{_MARKS}])+)?"
_SPLIT_RE = re.compile(
    r"(?:(?<=[.!?])\s+(?=\S)|;|\n+|\s+[-\u2013\u2014]+\s+|\u2014|(?<=\w)\s*:\s+(?=\S)"
    r"|^\s*[-*\u2022\u00b7>]+\s+|\s+\+\s+|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*)",
    re.M,
)
_SOFT_SPLIT_RE = re.compile(
    r"\s*,\s*(?:and\s+|but\s+|so\s+)?|\s+(?:and|but|so|then|&)\s+"
    rf"|(?<!\bif)(?<!\bwhether)(?<!\bsaid)(?<!\btold)(?<!\bhim)(?<!\bher)(?<!\bthem)(?<!\bthat)"
    rf"\s+(?:that\s+)?(?=i\s+(?:still\s+)?owe\b|i{_A}ll\b|i\s+will\b|i\s+need\s+to\b"
    rf"|(?:she|he|they)\s+(?:will|would|is\s+going|said)\b|(?:she|he|they){_A}ll\b)",
    re.I,
)
_LABEL_BEFORE = re.compile(
    r"(?:todo|to-?do|me|them|they|action(?:\s+items?)?|next\s+steps?|follow[\s-]?ups?|f/u"
    r"|reminder(?:\s+to\s+self)?|note\s+to\s+self)\s*\Z",
    re.I,
)
_ACTION_VERB = re.compile(
    r"(?:send|email|call|ping|share|book|forward|introduce|intro|connect|check|review|write"
    r"|follow|ask|get|set|make|pay|bring|return|draft|prep|prepare|schedule|look|read|find"
    r"|put|text|invite|post|update|reply|confirm|submit|sign|order|buy|lend|give|show|host)\b",
    re.I,
)

_SUBJ_PRONOUN = r"(?:she|he|they)"
_ME_MODAL = (
    rf"i(?:{_A}ll|\s+will|\s+shall|\s+am\s+going\s+to|{_A}m\s+going\s+to|{_A}m\s+gonna"
    r"|\s+am\s+gonna|\s+gonna|\s+promis+ed\s+to|\s+offered\s+to|\s+agreed\s+to|\s+need\s+to"
    r"|\s+(?:undertook|committed|pledged|vowed|volunteered)\s+to"
    rf"|(?:{_A}ve|\s+have)\s+(?:agreed|promised|offered|committed|volunteered)\s+to"
    rf"|\s+have\s+to|\s+must|\s+should|\s+shoud|\s+can|\s+could|\s+want\s+to|\s+plan\s+to|\s+said\s+i\s*(?:{_A}d|would|will|{_A}ll))"
)
_THEM_MODAL = (
    rf"(?:{_A}ll|\s+will|\s+shall|{_A}s\s+going\s+to|\s+is\s+going\s+to|{_A}s\s+gonna"
    rf"|\s+is\s+gonna|\s+are\s+going\s+to|{_A}re\s+going\s+to|{_A}re\s+gonna|\s+gonna"
    r"|\s+promis+ed\s+to|\s+offered\s+to|\s+agreed\s+to|\s+volunteered\s+to|\s+can|\s+could"
    rf"|\s+(?:said|says|mentioned|confirmed|told\s+(?:me|us))\s+(?:that\s+)?(?:she|he|they)"
    rf"(?:\s*{_A}d|d|\s+would|\s+will|\s*{_A}ll)"
    rf"|{_A}d(?!\s+(?:love|like|prefer|rather|been|had))"
    r"|\s+would(?!\s+(?:love|like|prefer|rather)))"
)
_NEGATED = re.compile(r"(?:not|never|n[o']t)\b|\w+n[\u2019']t\b", re.I)
_LEAD = re.compile(
    r"(?:(?:and|but|so|then|also|plus|ps|oh|anyway|in\s+exchange|in\s+return|meanwhile"
    r"|btw|finally|hopefully|maybe|probably|i\s+think|apparently|tomorrow|today|tonight"
    r"|first\s+thing\s+tomorrow|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:this|next)\s+week(?:end)?)\b[,:]?\s*)+",
    re.I,
)
_ME_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"(?:i\s+|we\s+)?(?:told|promised|assured|reassured|said|agreed|decided|let)\s+"
            rf"(?:(?P<obj>him|her|them|{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s+)?(?:know\s+)?"
            r"(?:that\s+)?"
            rf"i(?:\s*{_A}d|d|\s+would|\s+will|\s*{_A}ll|\s+could|\s+can)\s+(?!not\b)",
            re.I,
        ),
        "promise",
    ),
    (re.compile(rf"{_ME_MODAL}\s+", re.I), "promise"),
    (re.compile(rf"i\s*(?:{_A}m|am)\s+(?=\w+ing\b)", re.I), "promise"),
    (re.compile(rf"i\s*(?:{_A}m|am)\s+(?:to|supposed\s+to|meant\s+to)\s+", re.I), "promise"),
    (re.compile(r"i\s+(?:still\s+)?owe\s+", re.I), "debt"),
    (re.compile(r"(?:[iI]\s+)?[pP]romised\s+(?=(?:him|her|them|[A-Z]\w*)\s+(?!to\b)\w)"), "debt"),
    (
        re.compile(
            r"(?:todo|to-?do|me|action(?:\s+items?)?|next\s+steps?|follow[\s-]?ups?|f/u"
            r"|reminder(?:\s+to\s+self)?|note\s+to\s+self)\s*(?:[:\-\u2192]|->)\s*",
            re.I,
        ),
        "promise",
    ),
    (
        re.compile(
            r"(?:promis+ed|need|needs|have|has|should|shoud|shld|must|gonna|gotta|going|will"
            r"|offered|agreed"
            r"|undertook|committed|pledged|volunteered|want|plan|remember"
            r"|don[\u2019']t\s+forget)(?:\s+to)?\s+(?=\w)",
            re.I,
        ),
        "promise",
    ),
    (re.compile(r"(?:still\s+)?owe\s+", re.I), "debt"),
    (
        re.compile(
            r"(?:sending|emailing|calling|writing|sharing|booking|forwarding|introducing"
            r"|checking|reviewing|posting|bringing|paying)\b",
            re.I,
        ),
        "gerund",
    ),
]
_SUBJECTLESS = _ME_PATTERNS[7][0]
_THEIR_OFFER = re.compile(r"(?:promis|offered|agreed|volunteered|will|gonna|going)", re.I)
_ME_OBJECT = re.compile(  # "send me", "introduce me to": the writer receives
    r"\w+\s+(?:me|us)\b(?!\s+(?:to|know)\b)|(?:introduce|intro|connect|put)\s+(?:me|us)\b", re.I
)
_APPOSED_SUBJECT = re.compile(  # "His chief of staff, Layla, will", "Her boss Marc Duval will"
    r"(?:his|her|their|my|our)\s+(?:[\w\s'-]{1,30}?,\s+"
    r"(?=(?-i:[A-Z])\w*,?\s+(?:will|is|would|said|promised|offered|agreed))"
    r"|(?:(?-i:[a-z])[\w'-]*\s+){1,3}"
    r"(?=(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?\s+(?:will|promised|offered|agreed)\b))",
    re.I,
)
_NAME_TO = re.compile(r"\s+to\s+(?!(?:the|a|an|my|our|me|us|him|her|them|be)\b)(?=[a-z])")
_NAME_LABEL = re.compile(rf"(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*(?:\u2192|->|=>)\s*")
_SAID_THEY = re.compile(
    rf"(?:said|says|mentioned|confirmed)\s+(?:that\s+)?(?P<pro>she|he|they)"
    rf"(?:\s*{_A}d|d|\s+would|\s+will|\s*{_A}ll)\s+(?!not\b)",
    re.I,
)
_CARRY_MODAL = re.compile(  # "She'll share X and is going to ask Y": the same actor
    rf"(?:also\s+)?(?:(?:is|are|{_A}s)\s+(?:going\s+to|gonna)|will|(?:promised|offered|agreed)\s+to)\s+",
    re.I,
)
_NAME_SHAPE = re.compile(  # "Ana", "McCarthy-Byrne", "O'Brien"; not "MoU", "SoW"
    rf"[^\W\d_](?:[^\W\d_A-Z]|[{_MARKS}])*"
    rf"(?:(?:{_A}|-|(?<=Mc)|(?<=Mac))[^\W\d_](?:[^\W\d_A-Z]|[{_MARKS}])*)*"
)
_APPOSITION_ITEM = re.compile(
    r"[ \t]*,[ \t]*(?P<ph>[^\W\d_][^,;.\n()]{0,60}?)(?=[ \t]*(?:[,;.\n]|$)|[ \t]+at[ \t])"
)
_ROLE_WORDS = frozenset(
    _words(
        "ceo cto cfo coo cmo cpo vp svp evp founder co-founder cofounder engineer developer "
        "designer manager director lead head partner investor recruiter consultant analyst "
        "scientist researcher professor editor pm intern secretary minister officer counsel "
        "principal chair chairman chairwoman president pilot nurse doctor teacher lawyer "
        "solicitor barrister accountant physio lecturer student journalist coach mentor owner "
        "curator architect artist chef broker agent official clerk captain judge surgeon gp "
        "commissioner deputy undersecretary ambassador mayor councillor"
    )
)
_NICKNAME_RE = re.compile(r"[\"\u201c'\u2018]([^\W\d_][\w\-]*)[\"\u201d'\u2019](?=\s)")
_REMEMBER_TO = re.compile(r"(?:remember|make\s+sure|be\s+sure|try)\s+to\s+", re.I)
_LIST_SEP = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")
_ASKED_ME = re.compile(
    r"(?:asked|begged|wants|wanted|would\s+like|needs|needed|expects|told|reminded)\s+(?:me|us)\s+to\s+"
    r"|asked\s+(?:me\s+)?(?:if|whether)\s+i\s+(?:could|can|would|might)\s+",
    re.I,
)
_THEM_DEBT = re.compile(r"(?:still\s+)?owes\s+(?:me|us)\s+", re.I)
_WAITING = re.compile(
    r"(?:still\s+)?waiting\s+(?:on|for)\s+(?P<who>\S+(?:\s+[A-Z]\S*)?)\s+(?:for|to\s+send(?:\s+(?:me|us))?)\s+",
    re.I,
)
_SAID_NO = re.compile(r"i\s+(?:said\s+no|declined|couldn[\u2019']t|can[\u2019']t)", re.I)
_SAID_YES = re.compile(r"(?:i\s+)?(?:said\s+yes|agreed|said\s+sure|happy\s+to)\b", re.I)

_INTRO_VERB = r"(?:introduce|intro|connect|put)"
_INTRO_DESC = re.compile(
    rf"{_INTRO_VERB}\s+(?P<who>me|us|him|her|them|[^\W\d_][\w\-{_A[1:-1]}]*(?:\s+[A-Z][\w\-]*)*)"
    r"\s+(?:to|with|in\s+touch\s+with)\s+(?P<to>.+)",
    re.I,
)
_INTRO_DONE = re.compile(
    rf"(?:introduced|intro{_A}?d|introd|connected)\s+(?:me|us)\s+(?:to|with)\s+"
    r"|\bput\s+(?:me|us)\s+in\s+touch\s+with\s+",
    re.I,
)
_NAME_OR_PRONOUN = rf"(?:him|her|them|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
_I_INTRODUCED = re.compile(
    rf"\bi\s+(?:introduced|intro{_A}?d|connected)\s+(?P<x>{_NAME_OR_PRONOUN})\s+(?:to|with)\s+",
    re.I,
)
_INTRODUCED_TO_ME = re.compile(
    rf"(?:introduced|intro{_A}?d|connected)\s+(?P<x>{_NAME_OR_PRONOUN})\s+(?:to|with)\s+(?:me|us)\b",
    re.I,
)
_ASKED_TO_INTRO = re.compile(
    rf"\basked\s+(?P<x>{_NAME_OR_PRONOUN})\s+to\s+(?:introduce|intro|connect)\s+(?:me|us)"
    r"\s+(?:to|with)\s+",
    re.I,
)
_BARE_INTRO = re.compile(r"(?:an?\s+)?intro(?:duction)?\s+to\s+", re.I)
_SHE_SAID = re.compile(
    rf"(?P<x>{_SUBJ_PRONOUN}\b|{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s+said\s*$", re.I
)
_INTRODUCING_ME = re.compile(
    r"for\s+(?:(?:introducing|connecting)\s+(?:me|us)\s+(?:to|with)"
    r"|the\s+intro(?:duction)?\s+to)\s+",
    re.I,
)
_WHO_X_INTRODUCED = re.compile(
    r"(?P<y>(?-i:[A-Z])[\w'\-]*(?:\s+(?-i:[A-Z])[\w'\-]*)?),?\s+whom?\s+"
    r"(?P<x>(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?)"
    r"\s+(?:introduced|connected|intro'?d)\s+(?:me|us)\s+(?:to|with)\b",
    re.I,
)
_VIA = re.compile(r"\s+(?:via|through|thanks\s+to)\s+", re.I)
_PASSIVE_INTRO = re.compile(r"(?:was|got|were)\s+introduced\s+to\s+", re.I)
_SUBJECT_ACTS = re.compile(
    rf"\s*(?:{_A}s\s+gonna|\s+(?:and\s+i|reminded\s+me|introduced|intro{_A}?d|(?:still\s+)?owes"
    r"|promised|offered|agreed|volunteered|said|will|would|wants?|asked|is|was|runs|works"
    r"|mentioned|told|came|joined|invited|hosted|shared|needs|thinks|just|also|had)\b|\s+&\s+i\b)",
    re.I,
)
_PRESENT_VERB = re.compile(  # said of someone at the meeting: they were there
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:joined(?!\s+(?-i:[A-Z]))|came\s+(?:along|too|by)|dropped\s+by"
    r"|turned\s+up|showed\s+up|stopped\s+by|popped\s+(?:in|by)|asked\s+(?:me|if|whether)"
    r"|told\s+me|reminded\s+me|wants\s+me|would\s+like\s+me|invited\s+me|and\s+i\b|&\s+i\b"
    r"|(?:was|were)\s+(?:there|here|with\s+(?:her|him|them|me|us)\b)"
    r"|(?:walked|sat|worked|talked|ate|stayed|came)\s+with\s+(?:me|us)\b)",
    re.I,
)
_WORK_AT = re.compile(
    rf"\b(?:works?|working|worked|started|job|is|{_A}s|was|runs\s+[\w-]+|leads\s+[\w-]+|now"
    rf"|{_ROLES})\s+(?:at|for|with)\s+",
    re.I,
)
_ORG_AFTER_NAME_LOOSE = re.compile(
    r"(?:,|\s+[-\u2013\u2014])\s+(?:now\s+)?(?:an?\s+)?(?:(?:[a-z][\w-]*|[A-Z]{2,5})\s+){1,3}"
    r"(?:at|@)\s+(?P<role>[A-Z][^,;.\n()]*)"
)
_ORG_AFTER_NAME = re.compile(
    r"\s+[-\u2013\u2014]\s+(?P<dash>(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3})\s+[-\u2013\u2014]\s"
    rf"|\s*(?:\((?P<paren>[^()\n]{{1,60}})\)|,?\s+(?:(?:all|both)\s+)?(?:from|of)\s+(?:the\s+)?(?P<from>[^,;.\n()]+)"
    rf"|,\s+(?:an?\s+)?(?:{_ROLES}|[\w-]+\s+{_ROLES})\s+(?:at|of)\s+(?:the\s+)?(?P<role>[^,;.\n()]+))",
    re.I,
)
_EMPLOYER_LEAD = (
    rf"(?i:\b(?P<subj>{_SUBJ_PRONOUN}\b|{_NAME_WORD}(?:\s+{_NAME_WORD})?)(?:,?\s+who)?\s*"
    rf"(?:{_A}?s|\s+is|\s+just|\s+now|\s+has|\s+was)?\s*(?:a\s+|an\s+|now\s+|just\s+)*"
    rf"(?:(?:works?|working|worked|started|joined|runs\s+[\w-]+|leads\s+[\w-]+"
    rf"|heading\s+up\s+[\w-]+|(?:[\w-]+\s+){{0,2}}?{_ROLES})?"
    r"\s*(?:at|for|@)|joined|(?:moved|switched)\s+(?:over\s+)?to)\s+)"
)
_EMPLOYER_RE = re.compile(_EMPLOYER_LEAD + r"(?P<org>[A-Z][^,;.\n]*)")
_EMPLOYER_LOWER_RE = re.compile(  # typed in lower case: "he's at canva now"
    _EMPLOYER_LEAD + r"(?:the\s+)?(?P<org>[a-z][\w&'-]*(?:\s+(?!now\b)[a-z][\w&'-]*)?)"
    r"(?=\s*(?:now\b|[,;.\n]|$|\s+and\b|\s+(?:she|he|they|i|we)\b))"
)
_EMPLOYER_VERB = re.compile(
    rf"^(?:{_A}?s\s|\s+is\s)|\b(?:works?|working|joined|started|heading|{_ROLES})\b", re.I
)
_ROLE_AT_RE = re.compile(  # "— now a solicitor at Burness Paull": the one just named
    rf"(?:now\s+)?(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{_ROLES})\s+(?:at|@)\s+(?P<org>[A-Z][^,;.\n]*)"
)
_TEAM_AT_RE = re.compile(
    r"\b(?P<subj>her|his|their)\s+(?:team|company|startup|firm|lab|group|office)\s+(?:at|is\s+at)\s+"
    r"(?P<org>(?-i:[A-Z])[^,;.\n]*)",
    re.I,
)
_ALL_AT_RE = re.compile(r"\b(?:both|all)\s+(?:at|from|with|of)\s+(?P<org>[^\W\d_][^,;.\n]*)", re.I)
_AT_FOR_RE = re.compile(r"\s(?:at|for|joined|@|(?:moved|switched)\s+(?:over\s+)?to)\s+[A-Z]")
_AT_FOR_LOWER_RE = re.compile(r"\s(?:at|for|joined|@)\s+[a-z]")
_LATE_FROM_RE = re.compile(r"[^,;.\n]{0,30}?\bfrom\s+(?:the\s+)?(?P<org>[A-Z][^,;.\n()]*)")
_NAME_WORD_RE = re.compile(_NAME_WORD)
_NAME_WORD_B_RE = re.compile(rf"\b{_NAME_WORD}")
_POSSESSIVE_END_RE = re.compile(rf"{_A}s$")
_THEM_MODAL_S_RE = re.compile(_THEM_MODAL + r"\s+", re.I)
_THEM_DEBT_LEAD_RE = re.compile(r"\s*" + _THEM_DEBT.pattern, re.I)
_MEAL_RE = re.compile(
    r"\b(?:lunch|coffee|dinner|drinks|breakfast|brunch|beers?|tea|call|meeting|walk|met|meet|fika|cuppa)\b",
    re.I,
)
_PAREN_ROLE_AT = re.compile(r".*?(?:\s@\s*|\s+at\s+|@)(?P<org>\S.*)$", re.I)
_APPOSITIVE_RE = re.compile(  # "their CTO, Maja", "Youssef's cofounder, Rim", "the curator, jonas"
    rf"(?:(?i:her|his|their|our|my|the)|[A-Z][\w-]*{_A}s)\s+[\w\s-]{{1,30}}?,\s+"
    r"(?P<name>[^\W\d_][\w'-]+(?:\s+[^\W\d_][\w'-]+)?)\s*(?:[.,;!?]|$)"
)
_GROUP_THEN_NAMES = re.compile(
    r"(?:the|our|their|a|my)\s+[\w\s'-]{1,30}?(?:\s+[-\u2013\u2014]\s*|\s*:\s*|\s*\(\s*|,\s+)"
    r"(?:(?:mostly|mainly|especially|including|incl\.?|esp\.?)\s+)?(?=[A-Z])"
)
_AND_HIS = re.compile(  # ", his mentor Patricia": the name before it is a he
    r"[ \t]*(?:,|\band|&|\bwith)[ \t]+(?P<pos>his|her)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}"
    r"[a-z][\w-]*[ \t,]+(?=[A-Z])"
)
_NAME_AT_END = re.compile(rf"(?P<who>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)\Z")
_DESCRIBED_THEN_NAME = re.compile(  # "our firmware lead, Ilse"
    r"(?:the|our|my|his|her|their)\s[^,;()]{1,60},\s+"
    r"(?P<name>(?-i:[A-Z])[\w'\-]*(?:\s+(?-i:[A-Z])[\w'\-]*){0,2})"
    r"(?=\s*(?:,|$|\s+(?:by|soon|sometime|next|this|tomorrow|later|asap)\b))",
    re.I,
)
_DO_IT = re.compile(r"(?:do|finish|get|have)\s+(?:it|that|this)(?:\s+done)?", re.I)
_TITLE_BEFORE = re.compile(
    r"\b(?P<t>imam|rabbi|father|pastor|reverend|ambassador|minister|mayor|senator|governor|chief"
    r"|judge|professor|prof|doctor|coach|captain|sheikh|bishop|councillor|cllr)\.?[ \t]+"
    r"(?:\Z|(?=\S))",
    re.I,
)
_ORG_HEADS = frozenset(
    _words(
        "club mission society association council group foundation institute university "
        "school hospital bank trust union league network collective lab studio agency "
        "ministry consulate embassy federation committee chamber academy college"
    )
)
_JOINT_SUBJECT = re.compile(
    rf"(?:^|[.;:!?\n]\s*)(?P<who>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]+(?:and|&)[ \t]*\Z"
)
_NOT_A_PERSON = re.compile(
    r"\b(?:team|teams|department|dept|group|people|folks|crew|network)\s*\Z", re.I
)
_NOT_AN_ACTION = re.compile(  # what follows "will"/"should" but promises nothing
    r"(?:probably|maybe|perhaps|possibly|never|love|like|enjoy|hate|miss|forget|admit|feel"
    r"|hope|wish|seem|wonder|guess|think(?:\s+about)?|know"
    r"|be(?!\s+(?:in\s+touch|there|back|available|at|on|ready|his|her|their|your)\b)"
    r"|have\s+\w+ed|see|say)(?:\b(?=\s*$)|\s+(?!(?:him|her|them|hi|hello|if|whether)\b))",
    re.I,
)
_DEPARTMENTS = frozenset(
    _words(
        "legal hr product design engineering finance marketing sales ops operations it "
        "procurement compliance accounts accounting support recruiting recruitment security "
        "management leadership"
    )
)
_ORG_SUFFIXES = frozenset(_words("corp corporation inc ltd llc gmbh plc labs bank co"))
_PET_BEFORE = re.compile(r"\b(?:dog|puppy|cat|kitten|pet|horse)[ \t]+\Z", re.I)
_LOWER_KIN = re.compile(  # "his gf sarah", "my co-supervisor dr. fenna bakker"
    r"(?:(?:his|her|their|my|our)[ \t]+)?(?:new[ \t]+|old[ \t]+|ex-?)?(?:gf|bf|girlfriend|boyfriend"
    r"|partner|wife|husband|sister|brother|cousin|friend|mate|colleague|boss|cofounder"
    r"|co-founder|son|daughter|mum|mom|dad|supervisor|co-supervisor|cosupervisor|advisor"
    r"|adviser|mentor|manager|neighbour|neighbor|landlord|landlady|tutor|coach)[ \t]+"
    r"(?:(?:dr|prof|mr|mrs|ms)\.?[ \t]+)?"
)
_ABSENT = re.compile(  # said of someone named: they were NOT met
    rf"\b(?:wasn{_A}t|weren{_A}t|was\s+not|were\s+not|couldn{_A}t\s+(?:make|come|join)"
    rf"|could\s+not\s+(?:make|come|join)|didn{_A}t\s+(?:come|show|make|turn)"
    r"|not\s+there|was\s+absent|sent\s+(?:her|his|their)?\s*apologies|missed\s+(?:it|the))",
    re.I,
)
_WORK_WORD_RE = re.compile(
    rf"\b(?:job|works?|working|worked|started|joined|runs|leads|{_ROLES})\b", re.I
)
_INTRO_HINT = re.compile(r"intro|connect|\bput\b", re.I)
_BY_RE = re.compile(r"\s+by\s+")
_TIME_RE = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|noon|midnight|lunchtime|night|the\s+moment", re.I
)
_AFTER_VERB = frozenset(_words("the a an my our his her their through over into around up out off"))
_MEAL_WORDS = frozenset(
    _words("lunch dinner breakfast brunch coffee drinks call meeting fika cuppa")
)
_PLACE_LEAD = re.compile(r"(?<![\w/])(?:at|in|during)\s+", re.I)
_PLACE_STOP = frozenset(
    _words(
        "and or where who which that to for about because yesterday today tonight tomorrow "
        "this last next on during after before while with w w/ wiht wth from in at by but so then "
        "when "
        "i she he they we you it met re of was were is are has had"
    )
)
_SUBORDINATE_TAIL = re.compile(  # "send him the offer once she does": the promise ends
    r",?\s+(?:once|when|so\s+that|so)\s+(?=(?:i|i[\u2019']m|she|he|they)\b)"
    r"|,\s+who\s+|\s+(?:before|after)\s+(?:then|that)\s*$",
    re.I,
)
_VAGUE_TAIL = re.compile(
    r"(?:\s+(?:sometime|some\s+time|soon|asap|at\s+some\s+point|later|eventually|again"
    r"|when\s+i\s+can|if\s+i\s+can|too|lol|haha|:\)|!+))+\s*$",
    re.I,
)


# ---------------------------------------------------------------- names


@functools.lru_cache(maxsize=1024)
def tidy_name(raw: str) -> str:
    """A name as it would be saved: no title, no quoted nickname, capitalised when typed
    in lower case ("prof. chidi okeke" -> "Chidi Okeke"); particles stay as written."""
    from nameparser import HumanName  # lazy: not needed before the first paint

    clean = _clean_name(re.sub(r"[\"\u201c\u201d][^\"\u201c\u201d]*[\"\u201c\u201d]", " ", raw))
    clean = _clean_name(re.sub(r"(?<!\w)['\u2018][^'\u2018\u2019\s]+['\u2019](?!\w)", " ", clean))
    name = HumanName(clean)
    lowered = clean == clean.lower()
    if lowered:
        name.capitalize(force=True)
    words = [w for w in (name.first, name.middle, name.last) if w]
    out = " ".join(" ".join(words).split()) or clean
    if not lowered:  # keep the writer's own spelling of each word
        kept = {w.casefold(): w for w in clean.split()}
        out = " ".join(kept.get(w.casefold(), w) for w in out.split())
    return out


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
    """Whether the writer skips capitals up to ``e`` (an "I" aside), so that lower-case
    words after a bare "with" may be names ("caught the train w/ siobhan")."""
    body = re.sub(r"(?<![\w'])I(?![\w'])", "i", text[s:e])
    return not any(ch.isupper() for ch in body)


_KIN = frozenset(_words("wife husband kids family boss mum mom dad parents folks team board new"))
_DETERMINERS = frozenset(_words("the a an my our his her their your old new"))
_DESCRIPTOR_WORD = re.compile(r"([a-z][\w'\-]*|(?i:the|an?|my|our|his|her|their))[ \t]+")


def _skip_descriptor(text: str, pos: int, hi: int) -> tuple[int, bool]:
    """Past a description before a name: "old uni mate Callum Fraser", "my new report
    Tomasz", "foreman Gary Doyle", or an apposition "the owner, eleanor vance" (then
    True: the name after the comma may be typed in lower case). ``pos`` itself when
    nothing describes: "the Acme team" is not a person called Acme."""
    i = pos
    words: list[str] = []
    while len(words) < 4:
        m = _DESCRIPTOR_WORD.match(text, i, hi)
        comma = re.compile(r"([a-z][\w'\-]*),[ \t]*").match(text, i, hi)
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
            word in _PLACE_STOP
            or word in ("and", "or", "&")
            or (word in _NOT_NAME and word not in _DETERMINERS and word not in _KIN)
        ):
            break
        if word in _DETERMINERS and words and word not in ("old", "new"):
            break
        words.append(word)
        i = m.end()
        if text[i : i + 1].isupper() and not (len(words) == 1 and words[0] in _DETERMINERS):
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


_TOKEN_RE = re.compile(
    rf"{_NAME_WORD}\.?|[\"\u201c][^\"\u201c\u201d\n]{{1,20}}[\"\u201d]"
    r"|(?<=\s)['\u2018][^'\u2018\u2019\s]{1,20}['\u2019](?=\s)"  # Olusegun 'Segun' Bakare
)


# common words that are also surnames, taken when capitalised after a first name
_SURNAME_WORDS = frozenset(["said", "will", "long", "young", "white", "may", "king", "an"])
_CONTRACTION_RE = re.compile(rf"{_A}(?:s|ll|d|re|ve|m)$")
_APOS_RE = re.compile(_A)
_HSPACE_RE = re.compile(r"[ \t]+")


def _scan_name(text: str, pos: int, hi: int, *, lower_ok: bool) -> tuple[int, int] | None:
    """A name starting at ``pos`` (titles skipped): capitalised words with particles and a
    quoted nickname inside; with ``lower_ok`` (right after a meeting phrase) up to three
    lower-case words that are not function words."""
    m = _TITLES.match(text, pos, hi)
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
        if word[0] in "\"\u201c'\u2018":
            if start < 0:
                break
            i = m.end()
        else:
            base = word.rstrip(".")
            if _CONTRACTION_RE.search(word):
                base = _APOS_RE.split(base, maxsplit=1)[0]
            folded = base.casefold()
            closes = base != word.rstrip(".")
            will_name = (  # "Will Smith will send ...": Will is a name before a surname
                start < 0
                and folded == "will"
                and base[0].isupper()
                and re.match(r"[ \t]+[A-Z][a-z]", text[m.end() : m.end() + 3]) is not None
            )
            surname = start >= 0 and base[0].isupper() and folded in _SURNAME_WORDS  # "Omar Said"
            if (_is_cap(base) or will_name or surname) and not (len(base) > 3 and base.isupper()):
                if lower_run:
                    if words > 2 or not _is_cap(base):
                        break
                    start, words, lower_run = -1, 0, False  # "old friend Theo Blake"
                start = m.start() if start < 0 else start
                end = m.start() + len(base)
                if len(base) == 1 and word.endswith("."):
                    end += 1
                words += 1
            elif start >= 0 and folded in _PARTICLES and not closes:
                pass
            elif (
                lower_ok
                and base.islower()
                and folded not in _NOT_NAME
                and folded not in _PLACE_STOP
                and (len(base) > 1 or (lower_run and words == 1))  # "ana r": an initial
                and (start < 0 or lower_run)
                and words < 3
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


# ---------------------------------------------------------------- the reading


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
    subject_raw: str = ""
    subject_at: int = 0
    explicit_raw: str = ""
    explicit_at: int = 0
    named: frozenset[str] = frozenset()


@dataclass
class Reading:
    """What :func:`read_note` found; the parser turns it into a ``CaptureParse``."""

    people: list[str] = field(default_factory=list)
    organizations: dict[str, str] = field(default_factory=dict)
    place: str = ""
    commitments: list[ParsedCommitment] = field(default_factory=list)
    introductions: list[ParsedIntroduction] = field(default_factory=list)


class _Reader:
    def __init__(self, text: str, now: datetime, known: list[str], rules: LanguageRules) -> None:
        self.text = text
        self.now = now
        self.rules = rules
        self.known = known
        self.people: list[str] = []
        self.orgs: dict[str, str] = {}
        self.mentions: list[tuple[int, str, int]] = []  # (position, person, sentence)
        self.place = ""
        self.intros: list[ParsedIntroduction] = []
        self.budget = [4]
        self.pending_intros: list[tuple[_Clause, int, str]] = []
        self.known_index = _index(tuple(known))
        self.gender: dict[str, str] = {}  # person -> "f" / "m", as the note itself says
        self.aliases: dict[str, str] = {}  # a quoted nickname -> the person
        self.titled: dict[str, list[str]] = {}  # "imam" -> people met introduced so
        self._memo: dict[tuple[str, int], str | None] = {}

    # -- names and people ------------------------------------------------------

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
        key = " ".join(raw.casefold().split())
        if not key:
            return None
        if key in self.aliases:
            return self.aliases[key]
        if len(self.titled.get(key, ())) == 1:
            return self.titled[key][0]
        for name in self.people:
            if name.casefold() == key:
                return name
        by_full, by_first = self.known_index
        if key in by_full:
            return by_full[key]
        if " " in key:  # "Fatima Zahra" for Fatima Zahra Benali
            longer = [n for n in self.people if n.casefold().startswith(key + " ")]
            if len(longer) == 1:
                return longer[0]
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
        return None

    def resolve(self, raw: str) -> str:
        return self.lookup(raw) or self.lookup(tidy_name(raw)) or tidy_name(raw)

    def add_person(self, raw: str, pos: int, sentence: int, at: int | None = None) -> str:
        """Record a person met; ``pos`` is the mention's place (a list's start), ``at``
        where this very name is written, when that differs."""
        name = self.resolve(raw)
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

    def pronoun(self, word: str, pos: int, exclude: frozenset[str] = frozenset()) -> str | None:
        """Who "she/he/her/him/they/them" at ``pos`` is, by recency and agreement: the
        note itself tells who is "he" or "she" ("Omar is raising for his startup", an
        earlier "she" that meant Leila, "Mr"/"Ms"); names are never guessed from."""
        folded = word.casefold()
        gender = {"she": "f", "her": "f", "he": "m", "him": "m"}.get(folded)
        who = self.recent(pos, plural=folded in ("they", "them"), exclude=exclude, gender=gender)
        if who and gender:
            self.gender.setdefault(who, gender)
        return who

    def learn_gender(self, clauses: list[_Clause]) -> None:
        """ "Omar is raising for his agritech startup": a clause led by one person met and
        holding only one kind of third-person pronoun tells that person's."""
        t = self.text
        for m in _AND_HIS.finditer(t):  # "Daniel Okafor and his mentor Patricia Lim"
            named = _NAME_AT_END.search(t, max(0, m.start() - 40), m.start())
            who = self.lookup(named.group("who")) if named else None
            if who is not None:
                self.gender.setdefault(who, "m" if m.group("pos").casefold() == "his" else "f")
        for i, c in enumerate(clauses):
            span = _scan_name(t, c.start, c.end, lower_ok=False)
            if span is None:
                continue
            who = self.lookup(t[span[0] : span[1]])
            if who is None or who in self.gender:
                continue
            rest = t[span[1] : c.end]
            if self._named_in(span[1], c.end):
                continue  # "Ana told Ben his ...": whose is unclear
            nxt = clauses[i + 1] if i + 1 < len(clauses) else None
            same = nxt is not None and nxt.sentence == c.sentence
            if nxt is not None and same and not self._named_in(nxt.start, nxt.end):
                # "Kojo is a PM at Flutterwave; he's hiring": the next clause's subject
                lead = re.match(r"(he|she)\b", t[nxt.start : nxt.end], re.I)
                rest += " " + lead.group(1) if lead else ""
            male = re.search(r"\b(?:he|him|his)\b", rest, re.I)
            female = re.search(r"\b(?:she|her|hers)\b", rest, re.I)
            if bool(male) != bool(female):
                self.gender[who] = "m" if male else "f"

    def recent(
        self,
        pos: int,
        *,
        plural: bool = False,
        exclude: frozenset[str] = frozenset(),
        gender: str | None = None,
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
            and (gender is None or self.gender.get(name, gender) == gender)
        ]
        if not before:
            left = [p for p in self.people if p.casefold() not in exclude]
            return left[0] if len(left) == 1 else None
        if plural:
            last_sentence = max(before)[3]
            group = [m for m in before if m[3] == last_sentence]
            return min(group, key=lambda m: (m[0], -m[1]))[2]
        best = max(before)
        if gender and best[2] not in self.gender:  # a known "he" beats an unknown one
            agreeing = [m for m in before if self.gender.get(m[2]) == gender]
            if agreeing:
                best = max(agreeing)
        group = [m for m in before if m[0] == best[0]]
        return max(group)[2]

    # -- the passes -----------------------------------------------------------

    def clauses(self, sentences: list[tuple[int, int]]) -> list[_Clause]:
        """Cut each sentence at hard breaks, then at commas/"and" that start a clause."""
        out: list[_Clause] = []
        for index, (s, e) in enumerate(sentences):
            hard: list[tuple[int, int]] = []
            pos = s
            for m in _SPLIT_RE.finditer(self.text, s, e):
                if ":" in m.group() and _LABEL_BEFORE.search(self.text, s, m.start()):
                    continue  # "TODO: send ..." stays one clause: the label says who
                word = re.search(r"(?<!\w)([^\W\d_]+)\.\Z", self.text[s : m.start()])
                if word and word.group(1).casefold() in self.rules.sentence_abbreviations:
                    continue  # "Prof. Alasdair Grant", "Sr. Data Eng": no break
                if m.start() > pos:
                    hard.append((pos, m.start()))
                pos = max(pos, m.end())
            hard.append((pos, e))
            for lo, hi in hard:
                pos = lo
                for m in _SOFT_SPLIT_RE.finditer(self.text, lo, hi):
                    if m.start() <= pos:
                        continue
                    if _LEAD.fullmatch(self.text, pos, m.start() + 1):
                        continue  # "Tomorrow I'll call her": the date leads the clause
                    if self.starts_clause(m.end(), hi):
                        out.append(_Clause(pos, m.start(), index))
                        pos = m.end()
                    elif (
                        _ACTION_VERB.match(self.text, m.end(), hi)
                        or _CARRY_MODAL.match(self.text, m.end(), hi)
                    ) and "and" in m.group():
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
        while c.start < c.end and (t[c.start].isspace() or t[c.start] in "-*\u2022\u00b7>,;:"):
            c.start += 1
        while c.end > c.start and (t[c.end - 1].isspace() or t[c.end - 1] in ".,;:!?-\u2014\u2013"):
            c.end -= 1
        return c

    def starts_clause(self, pos: int, hi: int) -> bool:
        """Whether a new clause (a subject and a verb, or a left-out subject) starts here."""
        rest = self.text[pos:hi]
        rest = _LEAD.sub("", rest, count=1) if _LEAD.match(rest) else rest
        if re.match(rf"(?:i|{_SUBJ_PRONOUN}|we)(?:\s|{_A})", rest, re.I):
            return True
        if any(p.match(rest) for p, kind in _ME_PATTERNS if kind != "gerund"):
            return not re.match(
                r"(?:have|has|will|want|plan|going|need|needs)\s+(?!to\b)", rest, re.I
            )
        if _ASKED_ME.match(rest) or _WAITING.match(rest) or _SAID_THEY.match(rest):
            return True  # "... and said he'd send me the docs"
        m = re.match(rf"((?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})", rest)
        if m and m.group()[:1].isupper():
            words = list(_NAME_WORD_RE.finditer(rest, 0, m.end()))
            for word in words:  # "Ana will ...", "Ana Ruiz will ...": the name may be short
                after = rest[word.end() :]
                if _THEM_MODAL_S_RE.match(after) or _THEM_DEBT.match(after.lstrip()):
                    return True
        return False

    def find_people(self, sentences: list[tuple[int, int]], clauses: list[_Clause]) -> None:
        """People met: after meeting phrases, subjects who act, in-person introducers."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            for m in _MEET_RE.finditer(t, s, e):
                word = m.group().split()[0].casefold()
                bare_with = word in ("with", "w/", "w", "wiht", "wth")
                if bare_with and not self._with_is_meeting(s, m.start()):
                    continue
                if re.search(
                    rf"\b(?:i{_A}ll|will|need\s+to|to|gonna|should|must|plan\s+to|{_A}d|would)"
                    r"\s+(?:\w+\s+){0,4}$",
                    t[s : m.start()],
                    re.I,
                ) and not re.search(r"\b(?:meant|supposed)\s+to\s+be\b", t[s : m.start()], re.I):
                    continue  # "I'll set up a meeting with Carl": a plan, not a meeting
                if (
                    word == "saw"
                    and not re.search(r"\bagain\b", t[m.end() : e], re.I)
                    and not _TITLES.match(t, m.end(), e)
                    and not re.compile(r"[A-Z]\w+ [A-Z]\w+").match(t, m.end(), e)
                ):
                    continue  # "saw a film", but "Saw Dr Hassan", "saw Ana Ruiz again"
                lower_ok = not bare_with or _typed_lower(t, s, m.start())
                if not self.name_list(m.end(), e, index, lower_ok=lower_ok):
                    group = _GROUP_THEN_NAMES.match(t, m.end(), e)
                    if group:  # "w/ the design team - Zara, Omar and Kenji"
                        self.name_list(group.end(), e, index, lower_ok=False)
            self._sentence_subjects(s, e, index)
        for c in clauses:  # "At the meetup: Ana Ruiz (Watershed), Ben Ode (Patch)"
            if c.start not in {s for s, _e in sentences} and self._after_break(c.start):
                self._sentence_subjects(c.start, c.end, c.sentence)

    def find_actor_people(self, clauses: list[_Clause]) -> None:
        """ "Ola promised to ...", "Kai offered to ...": whoever acts was there."""
        t = self.text
        for c in clauses:  # "Ola promised to ...", "Kai offered to ...": the actor was there
            m = re.match(rf"((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})", t[c.start : c.end])
            if m and _is_cap(m.group().split()[0]):
                span = _scan_name(t, c.start, c.end, lower_ok=False)
                if span and re.match(
                    _THEM_MODAL + r"\s|\s*(?:still\s+)?owes\s+(?:me|us)\b", t[span[1] : c.end], re.I
                ):
                    raw = t[span[0] : span[1]]
                    first = re.escape(raw.split()[0])
                    if self.lookup(raw) is None and re.search(
                        rf"\b(?:to|about|of|for|by|mentioned|recommended|knows|named|called)"
                        rf"\s+(?:[A-Z]\w*\.?\s+)?{first}\b",
                        t[: span[0]],
                    ):
                        continue  # "She reports to Hakan Berg. Hakan will decide": mentioned
                    if " " in raw.strip() or self.lookup(raw) is None:
                        self.add_person(raw, span[0], c.sentence)

    def _with_is_meeting(self, s: int, pos: int) -> bool:
        """A bare "with" is a meeting ("Spent the afternoon with Aroha", "Ran the 10k
        with Fatima") unless its clause is a plan or a promise ("follow up with Keiko",
        "I'll set up a call with Carl") or about someone else ("she moved with Ben")."""
        before = self.text[s:pos]
        cut = max(before.rfind(ch) for ch in ",;\u2014\u2013(")
        before = before[cut + 1 :]
        lead = before.lstrip()
        span = _scan_name(lead, 0, len(lead), lower_ok=False)
        if (
            span
            and self.lookup(lead[: span[1]])
            and not re.search(r"\b(?:and|&)\s+(?:i|me)\b|\bcame|\barrived|\bjoined", lead, re.I)
        ):
            return False  # "Olivia works with Pedro": the subject is someone already met
        return not re.search(
            rf"\b(?:i|we{_A}ll|will|{_A}ll|need|needs|to|up|promised|should|must|gonna|going"
            r"|want|wants|plan|book|schedule|arrange|set|follow|touch|check|me|she|he|they"
            r"|his|her|their|speak|talk|chat|meet)\b",
            before,
            re.I,
        )

    def name_list(self, pos: int, hi: int, sentence: int, *, lower_ok: bool) -> list[str]:
        """Names separated by commas/"and"/"&" from ``pos``; an organization after a name
        ("(Nokia)", "from Adyen", ", VP at Klarna") goes to it, or to the whole list."""
        t = self.text
        found: list[str] = []
        group_start = 0
        list_at = pos
        typed_lower = False
        while True:
            m = re.compile(r"[ \t]*(?:a\s+(?:guy|woman|man|lady)\s+(?:called|named)\s+)?").match(
                t, pos, hi
            )
            pos = m.end() if m else pos
            pos, apposed = _skip_descriptor(t, pos, hi)
            low = (lower_ok or apposed) and (not found or typed_lower)
            kin = _LOWER_KIN.match(t, pos, hi) if low else None
            span = _scan_name(t, pos, hi, lower_ok=low) if kin is None else None
            if kin:  # typed in lower case, "tom and his gf sarah": the name after the kin
                span = _scan_name(t, kin.end(), hi, lower_ok=True)
            if span is None:
                break
            if not found:
                typed_lower = t[span[0] : span[1]].islower()
            raw = t[span[0] : span[1]]
            if raw.casefold() in _WEEKDAY_OR_MONTH or re.fullmatch(r"(?:the|a|an)\b.*", raw, re.I):
                break
            if (
                raw.casefold() in _DEPARTMENTS
                or raw.split()[-1].casefold() in _ORG_SUFFIXES
                or re.match(r"[ \t]+(?:folks|team|people|guys|crew|lot)\b", t[span[1] : hi], re.I)
            ):
                break  # "Call with Legal", "Acme Corp", "Google folks": no person
            if _PET_BEFORE.search(t, max(0, span[0] - 12), span[0]):
                break  # "Naomi Levi and her dog Biscuit"
            if (
                found
                and raw.islower()
                and "," in t[pos - 3 : span[0]]
                and not re.match(r"[ \t]*(?:,|and\b|&|\(|from\b|-|[.;!?\n]|\Z)", t[span[1] : hi])
            ):
                break  # "dele ogunleye, mixing his EP": words, not another name
            owner = re.compile(rf"{_A}s\s+[a-z][a-z\s-]{{0,40}}?,?\s*(?=[A-Z])").match(
                t, span[1], hi
            )
            if owner:  # "Ken's business partner, Ines Duarte": Ken is only mentioned
                pos = owner.end()
                continue
            house = re.compile(rf"{_A}s\s+(?=(?-i:[A-Z])\w+\s+(?-i:[A-Z]))").match(t, span[1], hi)
            if house and self.lookup(raw) is None:  # "Acme's Carla Diaz": Carla, at Acme
                after = _scan_name(t, house.end(), hi, lower_ok=False)
                if after:
                    name = self.add_person(t[after[0] : after[1]], after[0], sentence)
                    self.orgs.setdefault(name, self.org_phrase(raw))
                    found.append(name)
                    pos = after[1]
                    sep = _LIST_SEP.match(t, pos, hi)
                    if sep is None:
                        break
                    pos = sep.end()
                    continue
            name = self.add_person(raw, list_at if found else span[0], sentence, at=span[0])
            title = re.search(r"\b(mr|mrs|ms|miss)\.?\s*\Z", t[max(0, span[0] - 6) : span[0]], re.I)
            if title:  # "Mrs Okafor" is a "she"
                self.gender.setdefault(name, "m" if title.group(1).casefold() == "mr" else "f")
            if not found:
                list_at = span[0]
            found.append(name)
            pos = span[1]
            org = _ORG_AFTER_NAME.match(t, pos, hi) or _ORG_AFTER_NAME_LOOSE.match(t, pos, hi)
            g = org.groupdict() if org else {}
            if org:
                value = g.get("paren") or g.get("from") or g.get("role") or g.get("dash") or ""
                together = bool(g.get("from"))
                if g.get("paren") and "," in value and not _PAREN_ROLE_AT.match(value):
                    # "(CTO, Patchwork)"
                    parts = [p.strip() for p in value.split(",")]
                    kept = [p for p in parts if p and not re.match(rf"(?i:{_ROLES})\b", p)]
                    named = [p for p in kept if p[0].isupper()]  # "(fiddle, Lúnasa)"
                    value = (named or kept or [""])[0]
                both = re.match(r"(?:all|both)\s+(?:(?:from|at|of)\s+)?", value, re.I)
                if g.get("paren") and both:  # "(both Nubank)": the whole list
                    value, together = value[both.end() :], True
                employer = _PAREN_ROLE_AT.match(value) if g.get("paren") else None
                if employer:  # "(product lead @ Canva)"
                    value = employer.group("org")
                elif g.get("paren") and re.match(rf"(?i:{_ROLES})\b", value):
                    value = ""  # "(CTO)": a role, no organization
                value = self.org_phrase(value, as_typed=bool(g.get("paren")) or typed_lower)
                if value:
                    if together:
                        for person in found[group_start:]:
                            self.orgs.setdefault(person, value)
                    else:
                        self.orgs.setdefault(name, value)
                if g.get("paren") or g.get("role") or g.get("dash"):
                    pos = org.end()
                    if g.get("role") and t[pos : pos + 1] == ",":
                        pos += 1
                else:
                    break
            if org is None:
                pos = self._apposition(name, raw, pos, hi, typed_lower)
            if org is None and not re.match(r"[ \t]*(?:,|and\b|&)", t[pos:hi]):
                late = _LATE_FROM_RE.match(t, pos, hi)  # "ana r from Globex", "Ana (CTO) from X"
                if late:
                    value = self.org_phrase(late.group("org"))
                    for person in found[group_start:]:
                        if value:
                            self.orgs.setdefault(person, value)
            sep = re.compile(
                r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&|\+)[ \t]+|&)[ \t]*", re.I
            ).match(t, pos, hi)
            if sep is None or re.match(r"i\b", t[sep.end() : sep.end() + 2], re.I):
                break
            pos = sep.end()
        return found

    def _apposition(self, name: str, raw: str, pos: int, hi: int, typed_lower: bool) -> int:
        """After a name: skip a role in apposition ("Anil Deshpande, Joint Secretary,",
        "tom hughes, retired pilot,") and take an organization so placed ("Gabriel Silva,
        Petrobras, at ...", "dana kim, figma."). Returns where the list goes on."""
        t = self.text
        while True:
            m = _APPOSITION_ITEM.match(t, pos, hi)
            if m is None:
                return pos
            words = m.group("ph").split()
            if words[-1].casefold() in _ROLE_WORDS:
                pos = m.end()  # a role, not another person
                continue
            after = t[m.end() : m.end() + 6]
            single = (
                len(words) == 1
                and " " in raw.strip()
                and self.lookup(words[0]) is None
                and re.split(_A, words[0])[0].casefold() not in _NOT_NAME
                and (words[0].islower() == typed_lower)
                and re.match(r"\s*(?:,\s*at\b|\s+at\b|[.;\n]|$)", after) is not None
            )
            institution = words[0][:1].isupper() and "of" in words and m.group("ph")[:1].isupper()
            if single or institution:
                org = " ".join(words) if institution else self.org_phrase(words[0])
                if org:
                    self.orgs.setdefault(name, org)
                return m.end()
            return pos

    def org_phrase(self, raw: str, *, as_typed: bool = False) -> str:
        """An organization as written: up to five words, stopping at function words;
        ``as_typed`` keeps a lower-case one whole ("(guy's hospital)", "lagos biennial")."""
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

    def _sentence_subjects(self, s: int, e: int, index: int) -> None:
        """ "X and I ...", "X reminded me ...", a list of full names opening a sentence."""
        t = self.text
        start = s
        m = re.compile(r"[ \t]*(?:[-*\u2022\u00b7>]+[ \t]*)?").match(t, s, e)
        if m:
            start = m.end()
        if not self.people and s == 0:  # "lina haas from adyen at ...": a lower-case opener
            low = re.match(r"([a-z][\w'\-]+\s+[a-z][\w'\-]+)(?=\s+(?:from|-)\s|\s*\()", t[s:e])
            if low and not any(w in _NOT_NAME for w in low.group(1).split()):
                self.name_list(s, e, index, lower_ok=True)
                return
        described, _apposed = _skip_descriptor(t, start, e)
        if described != start and t[start:described].split()[0].casefold() in _DETERMINERS:
            start = described  # "Her colleague Sipho Dlamini joined ..."
        span = _scan_name(t, start, e, lower_ok=False)
        if span is None:
            return
        if _MEET_RE.match(t, span[0]):  # "Interviewed Dev Patel (senior backend)": a verb
            return
        rest = t[span[1] : e]
        raw = t[span[0] : span[1]]
        if _ABSENT.search(re.split(r"[;\u2014]", rest)[0]):
            return  # "Chief Kamau from the county office wasn't there"
        if _PRESENT_VERB.match(rest):  # "Ms. Adeyemi (Year 4) asked if I could ..."
            self.name_list(span[0], e, index, lower_ok=False)
            return
        many = re.match(r"\s*,|\s+(?:and\b|&\s)", rest) is not None
        acts = _SUBJECT_ACTS.match(rest) is not None
        org_follows = _ORG_AFTER_NAME.match(rest) is not None
        if (
            " " in raw
            and (
                many
                or org_follows
                or re.match(r"\s+(?:and\s+i|&\s+i|reminded\s+me|introduced|intro)", rest, re.I)
            )
        ) or (
            (acts and re.match(r"\s+(?:and\s+i|&\s+i|reminded\s+me)\b", rest, re.I))
            or (not self.people and index == 0 and re.match(r"[ \t]*(?:\(|from\b|-)", rest, re.I))
        ):
            self.name_list(span[0], e, index, lower_ok=False)

    def find_intros(self, sentences: list[tuple[int, int]]) -> None:
        """Introductions that happened: "X introduced me to Y", "met Y via X", "was
        introduced to Y by X", "thanked X for introducing me to Y"."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            for m in _INTRO_DONE.finditer(t, s, e):
                before = t[s : m.start()].rstrip()
                if re.search(
                    rf"(?:will|{_A}ll|gonna|going\s+to|to|can|could|offered|promised)\s*$",
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
                elif re.search(rf"\b{_SUBJ_PRONOUN}\s*$", before, re.I):
                    intro_by = self.recent(m.start())
                targets = self.name_list(m.end(), e, index, lower_ok=False)
                more = re.compile(r",?\s+and\s+(?:also\s+)?to\s+").search(t, m.end(), e)
                if targets and more:  # "introduced me to Tobias, who ..., and to Chioma Eze"
                    targets += self.name_list(more.end(), e, index, lower_ok=False)
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
                if person and target:
                    to = self.resolve(t[target[0] : target[1]])
                    self.intros.append(ParsedIntroduction(None, person, to, True, (s, e)))
            for m in _INTRODUCED_TO_ME.finditer(t, s, e):
                if m.group("x").casefold() in ("me", "us"):
                    continue
                before = t[s : m.start()].rstrip()
                by = None
                for cand in _NAME_WORD_B_RE.finditer(before):
                    sub = _scan_name(t, s + cand.start(), s + len(before), lower_ok=False)
                    if sub and sub[1] == s + len(before):
                        by = self.add_person(t[sub[0] : sub[1]], sub[0], index)
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
                    via = self.lookup(y) or self.resolve(y)
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

    def _who(self, raw: str, pos: int, sentence: int, exclude: str | None = None) -> str | None:
        """A name or an object pronoun, as a person of the note."""
        if raw.casefold() in ("him", "her", "them"):
            return self.pronoun(
                raw, pos, exclude=frozenset([exclude.casefold()]) if exclude else frozenset()
            )
        return self.lookup(raw) or tidy_name(raw)

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
                if not place or self._is_org_text(place) or _TIME_RE.fullmatch(place):
                    continue
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
            if folded in _PLACE_STOP:
                break
            capital = w[:1].isupper() or w[:1].isdigit()
            if capital:
                if lower_seen and words and words[-1].casefold() not in ("of", "&"):
                    break
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
        while words and words[-1].casefold() in ("of", "&", "the", "all"):
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
                if subj.casefold() in ("she", "he", "they", "who"):
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

    def find_actors(self, clauses: list[_Clause]) -> None:
        """Decide each clause's actor and where its promise's words start."""
        t = self.text
        for i, c in enumerate(clauses):
            lead = _LEAD.match(t, c.start, c.end)
            pos = lead.end() if lead else c.start
            body = t[pos : c.end]
            if re.search(r"\bso(?:\s+that)?\s*\Z", t[max(0, c.start - 12) : c.start], re.I) and (
                re.match(r"(?:\w+\s+){1,3}?(?:can|could)\b", body, re.I)
            ):
                continue  # "... so she can cite it": a purpose, not a promise
            joint = _JOINT_SUBJECT.search(t, max(0, c.start - 40), c.start)
            if joint and self.lookup(joint.group("who")) and re.match(r"i\b", body, re.I):
                continue  # "Naledi and I will co-write a brief": a plan of both, no one's promise
            # "asked if I could review the deck, I said yes" / "..., I said no"
            ask = _ASKED_ME.search(t, pos, c.end)
            if ask is not None:
                c.kind, c.asked = "me", True
                c.desc = (ask.end(), c.end)
                asker = self._name_before(pos, ask.start())
                c.subject_raw, c.subject_at = asker, ask.start()
                if asker:  # "Ana asked me to send Ben the deck": owed to Ana, who asked
                    c.explicit_raw, c.explicit_at = asker, ask.start()
                nxt = clauses[i + 1] if i + 1 < len(clauses) else None
                if nxt and nxt.sentence == c.sentence and _SAID_NO.match(t, nxt.start, nxt.end):
                    c.kind = ""
                elif nxt and nxt.sentence == c.sentence and _SAID_YES.match(t, nxt.start, nxt.end):
                    c.yes_at = (nxt.start, nxt.end)
                continue
            if re.match(r"i\s+said\s+(?:yes|sure|ok)\b", body, re.I):
                continue
            label = re.compile(r"(?:them|they)\s*:\s*", re.I).match(t, pos, c.end)
            if label is not None:
                c.kind, c.desc = "them", (label.end(), c.end)
                c.subject_raw, c.subject_at = "", label.start()
                continue
            said = _SAID_THEY.match(t, pos, c.end)
            if said is not None:  # "Said he'd look over my lease"
                c.kind, c.desc = "them", (said.end(), c.end)
                c.subject_raw, c.subject_at = said.group("pro"), said.start("pro")
                continue
            label = _NAME_LABEL.match(t, pos, c.end)
            if label is not None and self.lookup(label.group("who")):  # "ahmed -> send UAT"
                c.kind, c.desc = "them", (label.end(), c.end)
                c.subject_raw, c.subject_at = label.group("who"), label.start()
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
            named = (
                _scan_name(t, pos, c.end, lower_ok=False) if t[pos : pos + 1].isupper() else None
            )
            if named and _THEM_MODAL_S_RE.match(t, named[1], c.end):
                patterns: list[tuple[re.Pattern[str], str]] = []  # "Will Smith will ..."
            else:
                patterns = _ME_PATTERNS
            for pattern, kind in patterns:
                m = pattern.match(t, pos, c.end)
                if m is None:
                    continue
                if (
                    pattern is _SUBJECTLESS
                    and re.match(
                        r"(?:have|has|will|want|plan|going|gonna|need|needs|agreed|offered"
                        r"|undertook|committed|pledged|volunteered)\s+(?!to\b)",
                        m.group(),
                        re.I,
                    )
                    and not re.match(r"(?:will|gonna)\s", m.group(), re.I)
                ):
                    continue
                if kind == "promise" and re.match(r"(?:want|plan)\b", m.group(), re.I):
                    continue
                if pattern is _SUBJECTLESS and i > 0 and self._carries_subject(clauses[i - 1], c):
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
                if kind == "debt":
                    who = re.compile(
                        r"(him|her|them|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+(?=\S)"
                    ).match(t, m.end(), c.end)
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
            if (
                not c.continues
                and _ACTION_VERB.match(t, pos, c.end)
                and (self._line_start(c.start) or (i > 0 and self._after_break(c.start)))
                and not re.match(r"\w+\s+(?:with|w/|w|to)\b", body, re.I)
                and not re.match(r"\w+(?:ed|ing)\b", body)
            ):  # "- send deck by thurs": a to-do for the writer
                c.kind, c.desc = "me", (pos, c.end)
                continue
            carry = _CARRY_MODAL.match(t, pos, c.end) if c.continues else None
            if carry:
                pos = carry.end()
            if (
                c.continues
                and i > 0
                and clauses[i - 1].kind
                and (carry or _ACTION_VERB.match(t, pos, c.end))
            ):
                prev = clauses[i - 1]
                c.kind, c.desc = prev.kind, (pos, c.end)
                c.subject_raw, c.subject_at = prev.subject_raw, prev.subject_at
                continue
            appos = _APPOSED_SUBJECT.match(t, pos, c.end)
            if appos:  # "His chief of staff, Layla, will propose dates"
                pos, body = appos.end(), t[appos.end() : c.end]
            the_title = re.match(r"the\s+(\w+)\s", body, re.I)
            if the_title and the_title.group(1).casefold() in self.titled:
                pos += the_title.start(1)  # "The Ambassador will ...": the one so titled
                body = t[pos : c.end]
            subj = re.match(
                rf"({_SUBJ_PRONOUN}\b|(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})", body, re.I
            )
            if subj is None:
                continue
            raw = subj.group(1)
            if raw.casefold() not in ("she", "he", "they"):
                span = _scan_name(t, pos, c.end, lower_ok=False)
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
            m = _THEM_MODAL_S_RE.match(t, rest_at, c.end)
            debt = None
            if m is None and self.lookup(raw):
                m = _NAME_TO.match(t, rest_at, c.end)  # minutes: "Raj to set up the env"
            if m is None:
                debt = _THEM_DEBT_LEAD_RE.match(t, rest_at, c.end)
                gerund = re.compile(
                    rf"\s*(?:{_A}s|\s+is)\s+(?=(?:sending|bringing|sharing|hosting|writing|introducing)\b)",
                    re.I,
                ).match(t, rest_at, c.end)
                m = debt or gerund
            if m is None:
                continue
            c.kind, c.debt = "them", debt is not None
            c.desc = (m.end(), c.end)
            c.subject_raw, c.subject_at = raw, pos
            c.negated = _NEGATED.match(t, m.end(), c.end) is not None or bool(
                re.search(rf"n{_A}t|\bnot\b", m.group(), re.I)
            )

    def _name_before(self, lo: int, hi: int) -> str:
        """The name or pronoun that ends just before ``hi`` ("Ana Ruiz| asked me to")."""
        t = self.text
        end = hi
        while end > lo and t[end - 1].isspace():
            end -= 1
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
        if prev.sentence != c.sentence or not re.fullmatch(
            r"\s*,?\s*(?:and|but)\s*", t[prev.end : c.start], re.I
        ):
            return False
        lead = _LEAD.match(t, prev.start, prev.end)
        at = lead.end() if lead else prev.start
        if re.match(r"they\b", t[at : prev.end], re.I):
            return True
        if not re.match(r"(?:needs|has|wants|is)\b", t[c.start : c.end], re.I):
            return False  # "Ana was great and need to send her ...": my own, "I" left out
        if re.match(r"(?:she|he)\b", t[at : prev.end], re.I):
            return True
        span = _scan_name(t, at, prev.end, lower_ok=False)
        return span is not None and self.lookup(t[span[0] : span[1]]) is not None

    def _after_break(self, pos: int) -> bool:
        """Whether a sentence end, semicolon, colon or dash comes right before ``pos``
        ("met dana kim. send deck thursday", "mtg w/ jorge - send api keys fri")."""
        before = self.text[:pos].rstrip()
        return bool(before) and before[-1] in ".!?;:+-\u2013\u2014\n"

    def _line_start(self, pos: int) -> bool:
        """Whether only a bullet or spaces stand between ``pos`` and the start of its line
        (not the note's first line: "Call Ana" opening a note is a title, not a to-do)."""
        line = self.text.rfind("\n", 0, pos)
        if line < 0:
            return False
        return not self.text[line + 1 : pos].strip(" \t-*\u2022\u00b7>")

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
        name = self.lookup(raw) or tidy_name(raw)
        self.mention(name, pos, sentence)
        return name

    def assign_people(self, clauses: list[_Clause]) -> None:
        """Who each promise is with, walking the note in order so recency is right."""
        t = self.text
        for c in clauses:
            c.named = self._named_in(c.desc[0], c.end) if c.kind else frozenset()
            if c.subject_raw or c.kind == "them":
                c.subject = self._subject_of(c.subject_raw, c.subject_at, c.sentence, c.named)
            if c.explicit_raw:
                c.explicit_person = self._subject_of(c.explicit_raw, c.explicit_at, c.sentence)
            if c.kind == "them":
                c.person = c.subject
            elif c.kind == "me" and c.asked:
                c.person = (
                    c.explicit_person
                    or self._subject_of(c.subject_raw, c.subject_at, c.sentence)
                    or self._first_reference(c)
                )
            elif c.kind == "me":
                c.person = c.explicit_person or self._first_reference(c) or c.subject
                if c.person is None:
                    c.person = self.recent(c.desc[0])
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

    def _named_in(self, lo: int, hi: int) -> frozenset[str]:
        """People of the note named between ``lo`` and ``hi`` (case-folded)."""
        named = set()
        for m in _NAME_WORD_B_RE.finditer(self.text[lo:hi]):
            base = re.split(_A, m.group())[0]
            if _is_cap(base):
                name = self.lookup(base)
                if name:
                    named.add(name.casefold())
        return frozenset(named)

    def _first_reference(self, c: _Clause) -> str | None:
        """The first person a promise of mine names or points at ("send Omar the link",
        "send her the deck"); possessives ("Karl's CV") name nobody to promise to."""
        t = self.text
        lo, hi = c.desc
        owner_of: str | None = None  # "return Jonas's drill": Jonas, if nobody else
        for m in _NAME_WORD_RE.finditer(t[lo:hi]):
            word = m.group()
            folded = word.casefold()
            at = lo + m.start()
            if folded in ("her", "him", "them"):
                if folded == "her" and self._her_is_possessive(at + 3, hi):
                    continue
                return self.pronoun(folded, at, exclude=c.named)
            if _POSSESSIVE_END_RE.search(word) and _is_cap(word):
                owner_of = owner_of or self.lookup(re.split(_A, word)[0])
                continue
            if word.islower() and len(word) > 2 and folded not in _NOT_NAME:
                typed = self.lookup(word)  # "send training plan to sana"
                if typed and typed.casefold() in {p.casefold() for p in self.people}:
                    return typed
            if not _is_cap(word) or folded in _WEEKDAY_OR_MONTH:
                continue
            prev = t[max(lo, at - 6) : at].casefold()
            if re.search(r"\b(?:at|from|of|in|on)\s+$", prev):
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
            if re.match(r"\s*\d", t[span[1] : span[1] + 3]):
                continue  # "Year 10"
            return self.lookup(raw) or tidy_name(raw)
        return owner_of

    def _her_is_possessive(self, pos: int, hi: int) -> bool:
        """ "review her CV" (her owns the CV) vs "send her the deck" (her receives it)."""
        rest = self.text[pos:hi].strip().split()
        if not rest:
            return False
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
        out: list[ParsedCommitment] = []
        today = self.now.date()
        for c in clauses:
            if not c.kind or c.negated:
                continue
            lo, hi = c.desc
            due = find_due(self.text, c.start, c.end, today, self.rules)
            if due is None and c.yes_at:
                due = find_due(self.text, *c.yes_at, today, self.rules)
            if due is None:
                due = fallback_due(self.text, lo, hi, self.now, self.rules, self.budget)
            desc = self.describe(lo, hi, due)
            if not desc or re.match(r"remember\b(?!\s+to\b)", desc, re.I):
                continue  # "Must remember her husband Derek has been poorly": a note
            if _NOT_AN_ACTION.match(desc) or (c.kind == "them" and desc[:1].isupper()):
                continue  # "She'll be in London", "He will love it", "going to Japan"
            prev = out[-1] if out else None
            if (
                prev is not None
                and _DO_IT.fullmatch(desc)
                and prev.owner == c.kind
                and prev.due is None
                and due is not None
            ):  # "..., I said yes. I'll do it by Tuesday": the date of that promise
                out[-1] = ParsedCommitment(
                    prev.owner,
                    prev.description,
                    prev.person_name,
                    due[2],
                    self.text[due[0] : due[1]],
                    prev.span,
                )
                continue
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

    def span(self, c: _Clause) -> tuple[int, int]:
        """The clause's characters, with the sentence's closing punctuation."""
        end = c.end
        while end < len(self.text) and self.text[end] in ".!?\u2026":
            end += 1
        return c.start, end

    def describe(self, lo: int, hi: int, due: tuple[int, int, date] | None) -> str:
        t = self.text
        if due is not None and lo <= due[1] and due[0] <= hi:
            a, b = max(lo, due[0]), min(hi, due[1])
            before = re.sub(
                r"\s+(?:later|latest|at\s+the\s+latest|first\s+thing|for|on|at)$",
                "",
                t[lo:a].rstrip(),
                flags=re.I,
            )
            raw = before + " " + t[b:hi]
        else:
            raw = t[lo:hi]
        raw = re.sub(r"#[\w-]+", " ", raw)
        raw = " ".join(raw.split())
        raw = _VAGUE_TAIL.sub("", raw)
        raw = re.sub(r"^(?:also|just|then|definitely|still|quickly|really)\s+", "", raw, flags=re.I)
        raw = re.split(r"\s+(?:since|because|as\s+she|as\s+he|as\s+they)\s+", raw, maxsplit=1)[0]
        raw = _SUBORDINATE_TAIL.split(raw, maxsplit=1)[0]
        raw = re.sub(r"\s+([,;:.!?])", r"\1", raw)
        raw = raw.strip(" \t.,;:!?\u2014\u2013-\"'()[]")
        if raw.count("(") > raw.count(")"):
            raw += ")"  # "intro me to Pedro Alves (Nubank)": keep the closing bracket
        return raw

    def intro_from_promise(self, c: _Clause, desc: str, span: tuple[int, int]) -> None:
        if not _INTRO_HINT.search(desc):
            return
        bare = _BARE_INTRO.match(desc)
        if bare is not None and c.kind == "me" and c.person:  # "owe her an intro to Felix"
            target = self.intro_target(desc[bare.end() :])
            if target and target != c.person:
                self.intros.append(ParsedIntroduction(None, c.person, target, False, span))
            return
        if bare is not None and c.kind == "them" and c.person:
            target = self.intro_target(desc[bare.end() :])
            if target:
                self.intros.append(ParsedIntroduction(c.person, target, None, False, span))
            return
        m = _INTRO_DESC.match(desc)
        if m is None:
            return
        who, target = m.group("who"), self.intro_target(m.group("to"))
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

    def intro_target(self, raw: str) -> str:
        """ "her co-founder Mert" -> "Mert"; "Vik at Sequoia" -> "Vik"; "our CTO" kept;
        "their CTO, Maja" -> "Maja"."""
        named = _APPOSITIVE_RE.match(raw.strip()) or _DESCRIBED_THEN_NAME.match(raw.strip())
        if named and named.group("name").split()[0].casefold() not in _NOT_NAME:
            return self.resolve(named.group("name"))
        raw = re.split(
            r"\s+(?:at|from|about|for|who|because|so|since|re|in|by|via|over|-)\s+|[,;(]",
            raw.strip(),
            maxsplit=1,
        )[0]
        raw = raw.strip(" .!?")
        words = raw.split()
        if not words:
            return ""
        determiner = words[0].casefold() in ("her", "his", "their", "my", "our", "the")
        if determiner and _is_cap(words[-1]):
            for i in range(1, len(words)):
                if (
                    _is_cap(words[i])
                    and not words[i].isupper()
                    and all(_is_cap(w) or w.casefold() in _PARTICLES for w in words[i:])
                ):
                    return self.resolve(" ".join(words[i:]))
        span = _scan_name(raw, 0, len(raw), lower_ok=False)
        if span and span == (0, len(raw)):
            return self.lookup(raw) or tidy_name(raw)
        return raw


def read_note(
    text: str,
    now: datetime,
    known: list[str],
    sentences: list[tuple[int, int]],
    rules: LanguageRules,
) -> Reading:
    """Read ``text`` (already cut into ``sentences``) clause by clause."""
    reader = _Reader(text, now, known, rules)
    clauses = reader.clauses(sentences)
    reader.find_people(sentences, clauses)
    reader.find_intros(sentences)
    reader.find_actor_people(clauses)
    reader.merge_first_names()
    reader.find_actors(clauses)
    reader.find_place(sentences, clauses)
    reader.learn_gender(clauses)
    reader.assign_people(clauses)
    reader.bare_intros()
    commitments = reader.commitments(clauses)
    reader.find_orgs(clauses)
    intros: list[ParsedIntroduction] = []
    for intro in reader.intros:
        if any(_NOT_A_PERSON.search(n or "") for n in (intro.person, intro.to)):
            continue  # "an intro to our logistics team": a team is no one to introduce
        if all(
            (i.introducer, i.person, i.to, i.done)
            != (intro.introducer, intro.person, intro.to, intro.done)
            for i in intros
        ):
            intros.append(intro)
    return Reading(reader.people, reader.orgs, reader.place, commitments, intros)


__all__ = ["Reading", "read_note", "tidy_name"]
