"""Who was met: names after meeting phrases ("lunch with", "ran into", "X and I"), lists of
names with their roles and organizations, subjects who act in the note, and the one a
pronoun or a name stands for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.domain.capture.first_names import hinted_gender, is_first_name
from desktop.domain.capture.lexicon import (
    _A,
    _ABSENT,
    _APPOSITION_ITEM,
    _DEPARTMENTS,
    _GROUP_ORG,
    _GROUP_THEN_NAMES,
    _KIN_OF,
    _LATE_FROM_RE,
    _LIST_SEP,
    _LONG_AGO,
    _LOWER_KIN,
    _MEET_RE,
    _MORE_AFTER_ORG,
    _NAME_NEXT,
    _NAME_SHAPE,
    _NAME_THEN_SHE,
    _NAME_WORD,
    _NOT_NAME,
    _ORG_AFTER_NAME,
    _ORG_AFTER_NAME_LOOSE,
    _ORG_POSSESSIVE,
    _ORG_SUFFIXES,
    _ORG_TITLES,
    _OWNER_LEAD,
    _PAREN_ROLE_AT,
    _PARTICLES,
    _PET_BEFORE,
    _POSSESSOR_ROLE_NAME,
    _POSSESSOR_THEN_NAME,
    _PRESENT_VERB,
    _ROLE_WORDS,
    _ROLES,
    _SUBJECT_ACTS,
    _SUBJECT_ASIDE,
    _THEM_MODAL,
    _TITLES,
    _WEEKDAY_OR_MONTH,
    _words,
)
from desktop.domain.capture.lower_lists import (
    LOWER_NICK_THEN_FULL,
    RELATIONS,
    lower_case_list,
    lower_lists,
    name_at,
)
from desktop.domain.capture.names import (
    _DETERMINERS,
    _VERB_WORD,
    _is_cap,
    _scan_name,
    _skip_descriptor,
    _typed_lower,
    tidy_name,
)
from desktop.domain.capture.reader_base import _Clause, _ReaderBase

_SEQUENCE_LEAD = re.compile(  # a narrative walking through the people met, one by one
    r"(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|later|last(?:ly)?|finally"
    r"|afterwards|after\s+that)\b,?|after,)[ \t]+",
    re.I,
)
_LINE_HEAD = re.compile(  # a line opening with a name and a dash: "- Femke de Vries – ..."
    r"^[ \t]*(?:[-*\u2022][ \t]+|\d+[.)][ \t]+)?(?P<who>[^\W\d_][^\n\u2013\u2014:(),]*?)"
    r"(?:[ \t]*\([^()\n]*\))?"
    # "- Sophie Lambert, Cargill - …", "- Björn from DeLaval, no business really"
    r"(?:[ \t]*,[ \t]*(?P<org>(?-i:[A-Z])[\w&.'\-]*(?:[ \t]+(?-i:[A-Z])[\w&.'\-]*){0,2})"
    r"(?=[ \t]*(?:[\u2013\u2014:]|[ \t]-[ \t]))"
    r"|[ \t]+(?:from|at|@)[ \t]+"
    r"(?P<from>(?-i:[A-Z])[\w&.'\-]*(?:[ \t]+(?-i:[A-Z])[\w&.'\-]*){0,2})(?=[ \t]*,))?"
    r"[ \t]*(?:[\u2013\u2014]|[ \t]-[ \t]|:[ \t]|,[ \t])",
    re.M,
)


_NAMES_GO_ON = re.compile(r"(?-i:[A-Z])[\w'\-]+\s+(?-i:[A-Z])[\w'\-]+\s+(?:and|&|\+)\s+(?-i:[A-Z])")
_COUPLE_AFTER = re.compile(  # " and Sunita Kapoor," / " & Ana Berg." the list's end
    r"[ \t]+(?:and|&)[ \t]+(?P<first>(?-i:[A-Z])[\w\-]+)[ \t]+"
    r"(?P<last>(?-i:[A-Z])[\w\-']+)(?![\w\-'])"
    r"(?![ \t]+(?-i:[A-Z]))(?![ \t]*(?:,[ \t]*(?-i:[A-Z])|\band\b))"
)
_RELATION_LEAD = re.compile(  # "His nurse ", "Marco's wife ", "our waiter ": whose, then a role
    r"(?:(?i:his|her|their|our|my|the)"
    r"|(?!(?i:he|she|it|that|there|what|who|let|here|where)['\u2019])(?-i:[A-Z])[\w\-]+['\u2019]s)"
    r"[ \t]+(?:(?!(?:from|at|of|in|with|to|for|by|on)\b)[a-z][\w\-]*[ \t]+){1,2}(?=(?-i:[A-Z]))"
    # a kin title: "Uncle Desmond cornered me", "tío Felipe asked me"
    r"|(?i:uncle|aunt|auntie|aunty|cousin|grandma|grandpa|granny|nan|t\u00edo|t\u00eda)[ \t]+"
    r"(?=(?-i:[A-Z]))"
)
_FIRST_NAME_ALONE = re.compile(
    r"(?P<name>(?-i:[A-Z])[a-z][\w\-]*)(?![\w\-'\u2019])(?![ \t]+(?-i:[A-Z]))"
)
_KIND_TO_ME = re.compile(  # "was very nice", "was lovely": how someone there came across
    r"[ \t]*,?[ \t]+(?:was|were)[ \t]+(?:(?:very|so|really|super|incredibly|extremely|such)[ \t]+)?"
    r"(?:nice|lovely|kind|friendly|helpful|sweet|charming|warm|welcoming|funny|reassuring"
    r"|patient|generous|gracious|attentive|chatty|a\s+sweetheart|a\s+delight)\b",
    re.I,
)
_ORG_HEADS_LIST = re.compile(  # "w/ Unilever: Margot Lefèvre", "with Northwind — Kateryna …"
    r"[ \t]*(?::|[\u2013\u2014]|[ \t]-)[ \t]*(?=(?-i:[A-Z])[\w\-']+[ \t]+(?-i:[A-Z]))"
)
_LOWER_ROLE_LEAD = re.compile(r"[ \t]*([a-z][a-z\-]+)[ \t]+(?=[a-z][\w'\-]+[ \t]+[a-z])")
_TEXTED_AND = re.compile(r"[ \t]+n[ \t]+(?=[a-z])")
_GATHERING_ENDS = re.compile(  # "Book club at Harriet's." / "… at Harriet's last night"
    r"[ \t]*(?:[.,;:!\n\u2013\u2014(]|-[ \t]|\Z|(?:for|on|with|in|last|tonight|yesterday|today"
    r"|this|after|before|again)\b)",
    re.I,
)
_SHE_PROMISES = re.compile(
    r"(she|he)(?:['\u2019]ll|\s+will|\s+(?:offered|promised|agreed|volunteered)\s+to"
    r"|\s+said\s+(?:she|he)(?:['\u2019]d|\s+would)|\s+asked\s+me|\s+wants\s+me)\b",
    re.I,
)
_FROM_SOMEWHERE = re.compile(r"[ \t]+from[ \t]+(?:the[ \t]+)?[\w&'\-]+(?:[ \t]+[\w&'\-]+){0,2}")
_ORG_DASH_NAMES = re.compile(  # "Genmab — Mette Kjær." at a line's start
    r"^[ \t]*(?:[-*\u2022][ \t]+)?"
    r"(?P<org>(?-i:[A-Z])[\w&.'\-]*(?:[ \t]+(?-i:[A-Z])[\w&.'\-]*){0,3})"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[\u2013\u2014][ \t]*"
    r"(?P<names>(?:(?i:dr|mr|mrs|ms|prof)\.?[ \t]+)?"
    r"(?-i:[A-Z])[\w'\-]+[ \t]+(?-i:[A-Z])[\w'\-]+"
    r"(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)(?:(?i:dr|mr|mrs|ms|prof)\.?[ \t]+)?"
    r"(?-i:[A-Z])[\w'\-]+[ \t]+(?-i:[A-Z])[\w'\-]+)*)[ \t]*(?:[.;:]|$)",
    re.M,
)
_NAME_ALONE_LINE = re.compile(  # a line that is only a name: "- Tomasz Wiśniewski", "Ingrid"
    r"^[ \t]*(?:[-*\u2022][ \t]+|\d+[.)][ \t]+)?"
    r"(?P<who>(?-i:[A-Z])[^\W\d_][^\n():,;.!?]{0,40}?(?:\.[^\n():,;!?]{1,40}?)?)"
    r"(?:[ \t]*\((?P<org>[^()\n]{1,40})\))?[ \t]*$",
    re.M,
)
_PEOPLE_HEADING = re.compile(  # "…, met:", "Attendees", "Mixer at INSEAD:"
    r"\b(?:met|attendees|present|participants|people|guests|mixer|drinks|meetup|session|shift"
    r"|meeting|party|dinner|lunch|reception|table|panel|visit)\b",
    re.I,
)
_LOWER_FULL_PAIR = re.compile(  # two full names typed in lower case opening a clause
    r"(?-i:([a-z][\w'\-]+)[ \t]+[a-z][\w'\-]+[ \t]*(?:\+|&|and|,)[ \t]*([a-z][\w'\-]+)"
    r"[ \t]+[a-z][\w'\-]+)(?=[ \t]*(?:[,(:;.\-\u2013\u2014]|from\b|\Z))"
)
_THERE_ACTS = re.compile(  # what someone there does, anywhere later in the sentence
    r"(?:^|[,;]|\s)\s*(?:gave\s+(?:me|us)|showed\s+(?:me|us)|told\s+me|asked\s+(?:me|if)"
    r"|offered\s+to|said\s+(?:she|he)(?:['\u2019]d|\s+would|['\u2019]ll|\s+will)|came\s+over"
    r"|joined\s+us|introduced\s+me|was\s+there|swapped\s+numbers)\b",
    re.I,
)
_CLAUSE_THEN_RELATION = re.compile(
    r"(?:[,;]|\bthen|\band)[ \t]+(?:then[ \t]+|and[ \t]+)?(?=(?i:his|her|their|our|my)[ \t])"
)
_NAMED_BUSINESS = re.compile(
    r"\b(?:studio|company|startup|start-up|firm|shop|bakery|restaurant|agency|caf[e\u00e9]|bar"
    r"|practice|clinic|band|label|charity|brand|business|consultancy|podcast|gallery|school"
    r"|nonprofit|ngo|fund|app)[ \t]*,[ \t]*\Z",
    re.I,
)
_I_INTRODUCED_TO = re.compile(  # the writer introduced two people met to each other
    r"(?:(?<![\s\S])|(?<=\n)|(?<=[.!]\s))(?:i\s+)?introduced\s+(?-i:[A-Z])[^.;\n]{1,80}?\s+to\s+"
    r"(?=(?-i:[A-Z])\w+\s+(?-i:[A-Z]))",
    re.I,
)
_LOWER_TITLED_HEAD = re.compile(
    r"(?-i:(?:brother|sister|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?|coach|uncle|auntie|aunty|pastor"
    r"|father|imam)[ \t]+(?P<name>(?P<first>[a-z][\w'\-]+)[ \t]+[a-z][\w'\-]+))"
    r"(?=[ \t]*(?:,|\(|[a-z]+s\b|will|gonna|is|was|said|says|asked|wants|offered|promised"
    r"|['\u2019]s|['\u2019]ll))"
)
# a sentence typed in lower case that opens with what someone is and their first name, who
# then tells or promises: "agent rhys reckons …", "landlord omar says he'll …"
_LOWER_TRADE_HEAD = re.compile(
    r"(?-i:(?:(?:estate\s+)?agent|landlord|landlady|plumber|builder|electrician|mechanic"
    r"|roofer|joiner|painter|gardener|cleaner|tutor|coach|vet|dentist|physio|nurse|broker"
    r"|accountant|lawyer|solicitor|recruiter|neighbour|neighbor)[ \t]+(?P<name>[a-z][\w'\-]+))"
    r"(?=[ \t]+(?:reckons|says|said|thinks|will|wil|gonna|is\s+going\s+to|asked|wants|offered"
    r"|promised|came|told|called|rang)\b|['\u2019]ll\b)"
)
# a list item that is someone's relation: "…, his daughter Emi", "…, her son Mateo"
_RELATION_ITEM_BEFORE = re.compile(
    r",[ \t]*(?:his|her|their)[ \t]+[a-z\-]+(?:[ \t]+[a-z\-]+)?[ \t]+\Z"
)
# ... then a verb that starts a clause about them, not a list's next name or a promise
_CLAUSE_VERB_AFTER = re.compile(
    r"[ \t]+(?:is|was|plays|goes|attends|studies|lives|has|does|works)\b"
    r"(?![ \t]+(?:also[ \t]+)?(?:here|there)\b)"
)
_LOWER_NAME_BRACKET = re.compile(
    r"(?-i:([a-z][\w'\-]+)(?:[ \t]+[a-z][\w'\-]+){1,2})[ \t]*\([^()\n]{1,40}\)[ \t]*"
    r"(?:will|would|said|says|is|was|wants|asked|offered|promised|owes|['\u2019]s|['\u2019]ll|,)"
)
_PRONOUN_THEN_LIST = re.compile(
    r"[ \t]*(?i:her|him|them)[ \t]+(?i:and|&)[ \t]+(?=(?i:with[ \t]+)?\S)"
)
_KIN_POSSESSIVE = re.compile(
    r"[ \t]*(?i:dad|mum|mom|mother|father|gran|grandma|grandpa|nan|my[ \t]+\w+)['\u2019]s[ \t]+"
    r"(?:[a-z]+[ \t]+){1,3}(?=(?-i:[A-Z]))"
)
_NOT_MET_BEFORE = re.compile(
    r"[ \t]*(?:(?i:with)[ \t]+)?(?i:a|an|another|two|three|four|\d+)[ \t]+"
    r"(?:[a-z][\w\-]*[ \t]+){1,2}"
    r"(?:(?i:i|we)[ \t]+)?"
    r"(?:hadn['\u2019]?t|had[ \t]+never|didn['\u2019]?t|never|had[ \t]+not)[ \t]+"
    r"(?:met|seen|know|known)"
    r"(?:[ \t]+before)?[ \t]*,[ \t]*(?=[^\W\d_])"
)
_NUMBERED_ITEM = re.compile(  # "→ 1) Elif Demir (Bogazici) liked …  2) Jakub Dvořák …"
    r"(?:(?<![\s\S])|(?<=\s))\(?\d{1,2}[.)][ \t]+(?P<who>(?:(?i:dr|mr|mrs|ms|prof)\.?[ \t]+)?"
    r"(?-i:[A-Z])[\w'\-]+(?:[ \t]+(?:(?-i:[a-z]{1,3})[ \t]+)?(?-i:[A-Z])[\w'\-]+){1,3})"
)
_NICKNAME_LEADS = frozenset(
    ("big", "little", "wee", "young", "old", "great", "aunt", "auntie", "aunty", "uncle",
     "grandma", "grandpa", "nana", "granny", "cousin")
)  # fmt: skip
_DESCRIBED_CALLED = re.compile(r"\b(?:a|an)\s+(?:[a-z][\w\-]*\s+){1,3}(?:called|named)\s+\Z")
_CAME_WITH_AFTER = re.compile(
    r",?\s+who\s+(?:i|we)\s+(?:came|went|arrived|travel(?:l)?ed)\s+with\b"
    r"|,?\s+who\s+(?:came|went|arrived)\s+with\s+(?:me|us)\b",
    re.I,
)
_CAP_ROLE_CHAIN = re.compile(
    r"[ \t]*(?:(?-i:[A-Z])[a-z]+[ \t]+){1,3}(?:of[ \t]+(?:the[ \t]+)?(?-i:[A-Z])[a-z]+[ \t]+)?"
    r"(?=(?-i:[A-Z])[\w'\-]+[ \t]+(?-i:[A-Z]))"
)
_RANK_WORDS = frozenset(
    ("deputy", "head", "mission", "chief", "vice", "senior", "executive", "managing", "general",
     "programme", "program", "trade", "permanent", "state", "foreign", "cabinet", "under",
     "assistant", "associate", "principal", "lead", "staff", "chair", "board", "acting")
)  # fmt: skip
_LOWER_FIRST_ACTS = re.compile(
    r"(?-i:[a-z][\w'\-]+)\s+(?:will|['\u2019]ll|is\s+gonna|gonna|said\s+(?:she|he)['\u2019]?d"
    r"|offered\s+to|promised\s+to)\s+(?:\w+\s+){0,2}?(?:me|us)\b",
    re.I,
)
_ORG_BEFORE_VERB = re.compile(
    r"[ \t]+(?:from|of|at)[ \t]+(?-i:[A-Z])[\w&.'\-]*(?:[ \t]+(?-i:[A-Z])[\w&.'\-]*){0,2}"
    r"(?=[ \t]+[a-z])"
)
_PAST_VERB = re.compile(  # what opens a sentence typed in lower case, and is no first name
    r"[a-z]+ed|bought|got|went|had|saw|took|made|sent|gave|told|said|caught|brought|found"
    r"|left|ran|sat|spoke|wrote|met|picked|sold|paid|ate|drank|did|came"
)
_LINE_ITEM_END = re.compile(r"[ \t]*(?::|[\u2013\u2014]|-[ \t]|\n|\Z)")
_COUPLE_BEFORE = re.compile(
    r"\b(?:in-laws|parents|couple|neighbou?rs|grandparents|hosts|twins|owners)"
    r"[ \t]*[,:\-\u2014]?[ \t]*\Z",
    re.I,
)
_LINE_ROLE = re.compile(  # a role before the name on a line: "Nurse manager ", "Head chef "
    r"((?-i:[A-Z])[a-z]+)[ \t]+([a-z]+[ \t]+)?(?=(?-i:[A-Z])[\w'\-]+[ \t]+(?-i:[A-Z]))"
)
_RELATIVE_WORDS = re.compile(r"\b(?:who|which|that|works?|worked|at|for|from|with|in)\b")
_ALSO_A_WORD = frozenset(("guy", "will", "bill", "mark", "sky", "river", "sage", "drew", "pat"))
_THEN_SHE_PROMISES = re.compile(  # "His wife Juliana is a pediatrician, she will send me …"
    r"[^.;!?\n]{0,60}?,[ \t]*(?:she|he)(?:['\u2019]ll|[ \t]+will|[ \t]+offered|[ \t]+promised)\b",
    re.I,
)
_COMMON_NOUNS = frozenset(
    _words("work life home family school uni college gym things stuff nothing everything")
)
_LOWER_AND_I = re.compile(  # a sentence typed in lower case opening "jonas and i …"
    r"([a-z][\w'\-]{2,})\s+(?:and|&)\s+i\s+(?:finally\s+|just\s+|also\s+)?"
    r"(?:[a-z]+ed|had|met|did|went|got|grabbed|caught|sat|ran|spoke|ate|took|drank|made"
    r"|will|(?:are|were)\s+(?:going|gonna|meeting))\b"
)
_DESCRIBED_FROM = re.compile(  # "one fresher from Infosys, Arjun": described, then named
    r"(?:one|a|an|the|our|their|his|her)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,3}?(?:from|at)[ \t]+"
    r"(?P<org>[^\W\d_][\w&.'\-]*(?:[ \t]+(?-i:[A-Z])[\w&.'\-]*){0,3}),[ \t]+(?=[^\W\d_])",
    re.I,
)
_GROUP_AFTER = re.compile(
    r"[ \t]+(?:working[ \t]+group|group|committee|board|council|department|dept|unit|squad"
    r"|forum|programme|program|project|initiative|taskforce|task[ \t]+force)\b",
    re.I,
)
_ROLE_ABBREVIATIONS = frozenset(_words("eng mgr dir ops hr qa pm sde swe sre ux ui"))
_LOWER_CAME = re.compile(
    r"\b([a-z][\w'\-]{2,})\s+(?:joined(?:\s+(?:us|late|later|at\s+the\s+end))?|came\s+along"
    r"|showed\s+up|dropped\s+by|stopped\s+by|turned\s+up|popped\s+by)\b"
)
_LOWER_PAIR_THERE = re.compile(  # "tom & raj there", "mia, leo and sam were there too"
    r"(?:(?<![\s\S])|(?<=[.!;:\n])[ \t]*|(?<=[.!;:]\s))"
    r"(?P<names>[^\W\d_][\w'\-]+"
    r"(?:(?:[ \t]*(?:,|&)[ \t]*|[ \t]+(?:and|n)[ \t]+)[^\W\d_][\w'\-]+)+)"
    r"[ \t]+(?:(?:were|was)[ \t]+)?(?:(?:also|both|all)[ \t]+)?there\b",
    re.I,
)
_GENDERED_TITLE = re.compile(
    r"\b(mr|mrs|ms|miss|dame|lady|madam|mme|frau|sra|smt|sir|herr|shri|sr|lord)\.?\s*\Z", re.I
)
_MALE_TITLES = frozenset(("mr", "sir", "herr", "shri", "sr", "lord"))
_NEXT_GROUP = re.compile(
    r"[ \t]*;[ \t]*(?:and[ \t]+)?(?:from|at)[ \t]+(?:the[ \t]+)?"
    r"(?P<org>(?-i:[A-Z])[\w&.'\-]*(?:[ \t]+(?-i:[A-Z])[\w&.'\-]*){0,3}),[ \t]*(?=(?-i:[A-Z]))"
)
_PRONOUN_ASIDE = re.compile(r"(?:she|he|they)(?:['\u2019]s|\s+is|\s+was)\b", re.I)
_HEADING_LIST = re.compile(r":|[-\u2013\u2014]\s*\Z|\b(?:had|was|were|included)\b", re.I)
_BULLET_NAME_ORG = re.compile(
    r"^[ \t]*[-*\u2022][ \t]+(?P<who>[a-z][\w'\-]+(?:[ \t]+\"[^\"\n]{1,15}\")?"
    r"(?:[ \t]+[a-z][\w'\-]+){1,3})"
    # "- niamh o'connor (cloudflare) — will send …", "- bartosz "bart" nowak — freelance"
    r"[ \t]*(?:\((?P<org>[^()\n]{1,40})\)[ \t]*(?:$|(?=[\u2013\u2014]|-[ \t]))|(?=[\u2013\u2014]))",
    re.M,
)
_COLON_ME = re.compile(  # "pub after work: me, nina and leo", "dinner at nobu — me, jess …",
    # "table 6 = me, piotr nowak …", "team was me, nkechi eze, …"
    r"(?::|=|[ \t][\u2014\u2013-]|[ \t](?:was|were))[ \t]*(?:me|myself)[ \t]*,[ \t]*",
    re.I,
)
_MYSELF_FIRST = re.compile(r"[ \t]*(?:me|myself)[ \t]*(?:,|\band\b|&|\+)[ \t]*", re.I)
_RELATIVE_IN_LIST = re.compile(  # a relative clause between two names of a list
    r"[ \t]*,?[ \t]*who(?:['\u2019]s\b|se\b|\s+[a-z]+\b)[^,;.\n]*"
    r"(?:\([^()\n]*\))?[ \t]*,[ \t]*(?:and[ \t]+)?(?:(?:to|with)[ \t]+)?"
    # "…, who makes games, and a Swedish developer, Astrid Lindqvist"
    r"(?:(?:a|an|the|his|her|their|our)[ \t]+[^,;.\n]{1,40}?,[ \t]*)?"
    # "…, who runs the farm over at Cwm Du, and his daughter Carys"
    r"(?:(?:his|her|their)[ \t]+[a-z][\w\-]*[ \t]+)?(?=(?-i:[A-Z]))",
    re.I,
)
# In a list typed in lower case the next name is lower case too: "morag fraser from Diageo
# (brand ambassador, knows everyone), callum macleod who's setting up a distillery, and
# ishbel grant, who writes …". Two name-shaped words, then what follows a listed name.
_LOWER_NEXT_NAME = (
    r"(?=(?-i:[a-z])[\w'\-]+(?:[ \t]+(?-i:[a-z])[\w'\-]+){1,2}[ \t]*"
    r"(?:who\b|,|\(|from\b|and\b|[.;\n]|\Z))"
)
_LOWER_RELATIVE_IN_LIST = re.compile(
    r"[ \t]*,?[ \t]*who(?:['\u2019]s\b|se\b|\s+[a-z]+\b)[^,;.\n]*"
    r"(?:\([^()\n]*\))?[ \t]*,[ \t]*(?:and[ \t]+)?" + _LOWER_NEXT_NAME,
    re.I,
)
_LOWER_MORE_AFTER_ORG = re.compile(  # "… from Diageo (brand ambassador), callum macleod …"
    r"[ \t]*(?:\([^()\n]*\))?[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*[+&][ \t]*)"
    + _LOWER_NEXT_NAME,
    re.I,
)


_WHERE_LEAD = re.compile(  # a scene before the subject: "At the school gate this morning"
    r"(?:(?i:at|outside|after|during|in)\s+(?i:the|a|our|my)\s+(?:[a-z][\w'\-]*\s+){0,3}"
    r"(?:[a-z][\w'\-]*)|(?i:today|tonight|yesterday|this\s+morning|this\s+evening))"
    r"(?:\s+(?i:today|tonight|yesterday|this\s+morning|this\s+evening))?,?\s+(?=[A-Z])"
    # "At the Maple Ave open house, Linda …": a named scene, closed by its comma
    r"|(?i:at|after|during)\s+(?i:the|a|our|my)\s+[\w'\- ]{1,40}?,\s+(?=[A-Z])"
)
_APPOSED_AFTER = re.compile(r",\s*(?:a|an|the|my|our|his|her)\s[^,;.\n]{1,40},")
_AT_SOMEONES = re.compile(
    r"\b(?i:at)\s+(?P<who>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)['\u2019]s\b"
    r"(?:\s+(?P<home>(?i:place|house|flat|home|apartment|cottage|farm|garden)\b))?"
)
_AT_LOWER_HOME = re.compile(
    r"\bat\s+(?P<who>[a-z][\w\-]+)['\u2019]s\s+(?:place|house|flat|home|apartment|cottage|farm)\b"
)
_HOST_WAS = re.compile(
    r"\b(?i:(?:our|the|table|my|a)\s+host(?:ess)?\s+(?:was|is)"
    r"|(?:hosted|chaired|led|run|organi[sz]ed|facilitated|moderated)\s+by)\s+"
    r"(?:(?i:dr|prof|mr|mrs|ms)\.?\s+)?(?=[A-Z])"
)
_RELATIVE_FROM_ORG = re.compile(  # "Her colleague from Wipro, Vivek Menon, joined us"
    r"(?P<pos>(?i:his|her|their))\s+(?i:colleague|boss|manager|partner|cofounder|co-founder"
    r"|friend|assistant|teammate)\s+(?i:from|at)\s+[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*)?,\s+"
    r"(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)"
)
_THEN_LEAD = re.compile(r"(?i:later|then|afterwards|finally|also|and\s+then)\s*,?\s+")
_LOWER_THEN_PLACE = re.compile(  # "a wedding photographer", "an architect from Turin"
    r"[a-z][\w'\-]*(?:\s+[a-z][\w'\-]*)*"
    r"(?:\s+(?:from|in|at|chez|bei)\s+[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)?)?"
)
_BARE_ROLE = re.compile(  # " the PTA chairman" right after a name, before "and" or a stop
    r"[ \t]+the[ \t]+(?:[\w\-]+[ \t]+){0,2}(?P<role>[a-z][\w\-]*)(?=[ \t]+and[ \t]|[ \t]*[,.;\n]|$)"
)
_ORG_AFTER_LAST = re.compile(  # ", Siemens Healthineers, in …" after the last name
    r"[ \t]*,[ \t]*(?P<org>(?-i:[A-Z])[\w&'\-]+(?:[ \t]+(?-i:[A-Z])[\w&'\-]+){0,3})"
    r"(?=[ \t]*(?:,|\.|;|\n|\Z|[ \t]+(?:in|at)\b))"
)
_AND_NEXT_NAME = re.compile(  # ", and Yuki Sato", ", and his wife Giulia Bianchi"
    r"[ \t]*[,;][ \t]*(?i:and)[ \t]+(?:(?i:his|her|their|the)[ \t]+[a-z][\w\-]*[ \t]+"
    r"|(?i:a|an)[ \t]+(?:guy|girl|woman|man|lady|bloke|chap)[ \t]+(?:called|named)[ \t]+)?[A-Z]"
)
_ROLE_LEAD = re.compile(  # "Ward sister ", "Our NUM ", "The new registrar ": a role, no name
    r"(?:(?i:our|the|my)\s+)?(?:(?i:new|senior|junior|head|charge|ward)\s+)?"
    r"(?:[a-z][a-z\-]+|[A-Z]{2,5}|[A-Z][a-z][A-Z]{1,2})\s+"  # "NUM", "DoN"
    r"(?:(?:[a-z][a-z\-]+|[A-Z]{2,5}|[A-Z][a-z][A-Z]{1,2})\s+)?(?=[A-Z])"
)
# "Three meetings back to back with Claudia Weber, …": no plan in its "to"
_BACK_TO_BACK = re.compile(r"\bback[\s-]+to[\s-]+back\b", re.I)
_NICK_THEN_FULL = re.compile(  # "Dani (Daniela Ferreira-Lopes)", "Mai (Đỗ Thị Mai, Grab)"
    # an honorific after the short name, a title inside: "Lakshmi madam (Dr. Lakshmi Iyer, IIT
    # Madras)", "Sharma ji (Rakesh Sharma, Tata Steel)"
    r"(?:[ \t]+(?i:ji|madam|ma['\u2019]am|sir|san|bhai|didi|sahib))?"
    r"[ \t]*\((?:(?i:dr|mr|mrs|ms|prof)\.?[ \t]+)?(?P<full>(?-i:[A-Z\u0110\u00c0-\u00de])[\w'\-]+"
    r"(?:[ \t]+(?:(?-i:[a-z]{1,3})[ \t]+)?(?-i:[A-Z\u0110\u00c0-\u00de])[\w'\-]+){1,3})"
    r"(?:,[^()\n]{1,30})?\)"
)
_TYPED_FULL_NAME = re.compile(
    r"\b(?P<first>(?-i:[a-z])[a-z'\-]{1,20})[ \t]+(?:\"[^\"\n]{1,15}\"[ \t]+)?"
    r"(?P<last>(?-i:[a-z])[a-z'\-]{2,25})\b"
)
_TYPED_NAME_LEAD = re.compile(
    r"(?:\A\s*|\b(?:quoted|name['\u2019]s|named|called|is|meet|met|saw)\s+)\Z", re.I
)
_HOSTED_EVENT = re.compile(
    r"\s+(?:farewell|leaving\s+do|birthday|\d+(?:st|nd|rd|th)|wedding|party|retirement"
    r"|(?:book\s+)?launch|housewarming|talk|keynote|viva|defen[cs]e|christening)\b",
    re.I,
)
_DESCRIBED_GROUP = re.compile(  # "his old colleagues from Aer Lingus, ", "two new rowers, "
    r"(?:(?:my|our|his|her|their|two|three|four|both|some|the)\s+(?:of\s+(?:my|our|his|her|their)\s+)?)"
    r"(?:[^\W\d_][\w\-]*\s+){0,3}(?:[a-z][\w\-]*[a-rt-z]s|children|staff|people|folk|family"
    r"|couple|pair|duo)"
    r"(?:\s+(?:from|at)\s+[^,;:\n]{1,40})?\s*(?:,|:|\u2014|\u2013|\s-)\s*"
)
_RELATION_COMMA = re.compile(  # "her new boss, ": "Naomi and her new boss, Callum Reid";
    # "her counterpart from Orange, Jean-Baptiste Morel", "Marcus's intern, Chloé Dubois",
    # "Claire's friend Harpreet Sandhu"
    r"(?:(?:his|her|their|my|our)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*"
    r"(?:\s+from\s+[^,;.\n]{1,30})?\s*,\s*"
    r"|(?-i:[A-Z])[\w\-]+['\u2019]s\s+(?:[a-z][\w\-]*\s+){0,1}[a-z][\w\-]*(?:\s*,)?\s+"
    r"(?=(?-i:[A-Z])))"
)
_FIRST_THEN_SHARED = re.compile(  # "Kwame and Abena Mensah": a couple named once
    r"(?-i:[A-Z])[\w'\-]+[ \t]+(?:and|&)[ \t]+(?-i:[A-Z])[\w'\-]+[ \t]+(?-i:[A-Z])[\w'\-]+"
)
_POSSESSIVE_LEAD = re.compile(r"(?:his|her|their|my|our)\b")
_EMOJI_BREAK = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF][\ufe0f\u200d]*[ \t]+")
_FROM_BEFORE_VERB = re.compile(r"[ \t]+from[ \t]+[^,;.\n]{1,30},?")
_LOWER_THERE = re.compile(
    r"[ \t]+(?:(?:also|was|is)[ \t]+)?"
    r"(?:volunteering|helping(?:[ \t]+out)?|there|working[ \t]+the)\b"
)
_GOES_ON_PROMISING = re.compile(  # the same subject goes on with a promise of theirs
    r",[ \t]*(?:will|gonna)[ \t]+(?:drop|bring|send|lend|give|bake|make|pay|call|text)\b"
)
_EQUALS_NAME = re.compile(
    r"(?:(?<=\s)|(?<=^))(?:[a-z]+[ \t]+)?(?P<label>[a-z]+)[ \t]*=[ \t]*(?!me\b)"
)
_MET_PRONOUN_AND = re.compile(  # "talked w/ her + vikram shah", "sat with him and Ana"
    r"\b(?:talked|chatted|spoke|sat|met)[ \t]+(?:w/|with|to)[ \t]+(her|him)[ \t]*(?:\+|&|and\b)",
    re.I,
)
_LOWER_FULL_NAME = re.compile(r"\b(?=([a-z][\w'\-]+)[ \t]+([a-z][\w'\-]+)\b)")  # overlapping
_ONE_CALLED = re.compile(r"(?:a|an)\s+(?:[a-z][\w\-]*\s+){1,3}(?:called|named)\s+")
_ROLE_IS_NAME = re.compile(  # "…, the father is Mr. Khaled Haddad" in a sentence of meeting
    r",\s+(?:the|her|his|their)\s+(?:[a-z]+\s+){0,2}[a-z]+\s+(?:is|was)\s+", re.I
)
_PLAN_BEFORE = re.compile(
    rf"\b(?:i{_A}ll|will|need\s+to|going\s+to|gonna|should|must|have\s+to|plan\s+to|want\s+to"
    r"|hope\s+to|would\s+like\s+to|to\s+(?:meet|call|see|email|contact|reach))\b",
    re.I,
)
_CAPITAL_WORD = re.compile(r"(?-i:[A-Z])[\w'\-]")
_MENTION_BEFORE = re.compile(  # a name after these is talked about, not someone there
    r"\b(?:to|about|of|for|by|via|from|introduce\s+(?:me|us)\s+to|ask|email|call|text|tell"
    r"|cc|like|than|mentioned|recommended|named|called|knows?|at|in|on|the"
    r"|owns|runs|founded|co-?founded|manages|leads|heads|works|joined|left"
    r"|in\s+touch\s+with|connect(?:\s+(?:me|us))?\s+with|introduce\s+(?:me|us)\s+to)\s+\Z"
    r"|['\u2019]s\s+\Z",
    re.I,
)
_NARRATED_THERE = re.compile(  # what a narrative says of someone there, beyond _PRESENT_VERB
    r"\s*,?\s+(?:(?:also|personally|kindly|even|himself|herself)\s+)?(?:"
    r"dropped\s+in\b|popped\s+over\b|"
    # "Uncle Desmond cornered me about crypto", "Dr. Otieno Odhiambo explained the triage"
    r"(?:cornered|buttonholed|collared|grilled|quizzed)\s+(?:me|us)\b"
    # "… asked again about the board seat", "… asked for a meeting", "… volunteered to build"
    r"|asked\s+(?:again\s+)?(?:about|for|after)\b|(?:volunteered|offered)\s+to\b"
    r"|(?:liked|loved)\s+(?:our|my)\s+(?:idea|pitch|demo|talk|product|project|poster|stand)\b"
    r"|explained\s+(?:the|how|what|why"
    r"|to\s+(?:me|us)|(?:his|her|their)\s+\w+)\b|walked\s+(?:me|us)\s+through\b|"
    r"(?:guided|showed|walked|drove|welcomed|greeted|fed|took|toured|led)\s+(?:me|us)\b"
    r"|gave\s+(?:me|us)\b|fixed\s+(?:my|our)\b|poured\b|cooked\b"
    r"|(?:beat|crushed|thrashed|hugged|taught|helped|drove|served|interviewed|coached)\s+(?:me|us)\b"
    r"|told\s+(?:(?:great|funny|terrible|endless)\s+)?(?:stories|jokes)\b"
    r"|paired\s+(?:me|us)\b|partnered\s+(?:me|us)\b"
    r"|gave\s+(?:a|the|her|his|their)\s+(?:short\s+|great\s+)?(?:talk|presentation|speech|demo"
    r"|tour|toast|keynote)\b"
    r"|organi[sz]ed\s+(?:it|the|everything|this|tonight)\b|came\s+with\b|came\s+up\b"
    r"|(?:was|were)\s+(?:also\s+)?(?:seated|sitting|at\s+(?:our|my|the)\s+table)\b)",
    re.I,
)
_DESCRIPTION_LEAD = re.compile(r"(?:a|an|this|some|my|our)\s|(?!(?:him|her)\b)[a-z]", re.I)
_DESCRIBED_TITLED = re.compile(  # "my 2nd supervisor Dr ", "opposing counsel — Ms. "
    r"(?:(?:a|an|my|our|the|this)\s+)?(?:[a-z0-9][\w\-]*\s+){0,3}[a-z][\w\-]*"
    r"(?:\s*[\u2014\u2013,:]\s*|\s+-\s+|\s+)"
    r"(?=(?i:dr|mr|mrs|ms|prof|professor|sir|dame)\.?\s)"
    r"(?i:dr|mr|mrs|ms|prof|professor|sir|dame)\.?\s+"
)
_SENTENCE_HEAD = re.compile(
    r"[\s\-*\u2022\u00b7>\u2013\u2014]*(?:(?i:oh\s+and|also|and|plus|then|later|afterwards),?\s+)?"
)
_IN_PERSON = re.compile(  # what someone there does ("asked if I could", "said he'd", …)
    # the verb right after the name, or after "and" that goes on with the same subject
    # ("works at Genentech and asked if …"; not "… and Siobhan offered to …")
    r"^(?:,[^,]{1,60},)?,?\s+(?:(?:[^\s,.;]+\s+){0,10}?and\s+(?:also\s+)?(?:she\s+|he\s+)?)?"
    r"(?:asked\s+(?:me|us|if|whether)|(?:said|says)\s+(?:he|she)(?:['\u2019]d|['\u2019]ll|\s+would|\s+will)"
    r"|offered\s+to|(?:was|were)\s+(?:also\s+)?(?:there|present)|joined\s+us|came\s+(?:over|along|by)"
    r"|told\s+me|introduced\s+(?:me|himself|herself)|promised\s+(?:me\s+)?to)\b",
    re.I,
)


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    """The index of the sentence that holds ``pos`` (the first one when none does)."""
    return next((i for i, (a, b) in enumerate(sentences) if a <= pos < b), 0)


class _PeopleFinder(_ReaderBase):
    """Finds the people met and what the note says of them."""

    def find_people(self, sentences: list[tuple[int, int]], clauses: list[_Clause]) -> None:
        """People met: after meeting phrases, subjects who act, in-person introducers."""
        t = self.text
        for m in _EQUALS_NAME.finditer(t):  # "crew lead = tomás "tomi" aguilar", "sam =
            found = name_at(t, m.end(), len(t))  # samantha reyes": the one so labelled
            label = m.group("label").casefold()
            if found is None or not is_first_name(found[0].name.split()[0].casefold()):
                continue
            listed = found[0]
            first = listed.name.split()[0].casefold()
            if label in RELATIONS or label in _ROLE_WORDS or first.startswith(label[:3]):
                index = _sentence_of(sentences, m.start())
                person = self.add_person(
                    self.lookup(listed.name) or listed.name, listed.start, index
                )
                for alias in (listed.nick, label if first.startswith(label[:3]) else ""):
                    if alias:
                        self.aliases.setdefault(alias.casefold(), person)
        for lead in _NAME_THEN_SHE.finditer(t):  # "..., Jess Whitfield, she introduced me"
            who = lead.group("who")
            if self.lookup(who) is None and not _TITLES.fullmatch(who + " "):
                index = _sentence_of(sentences, lead.start())
                self.add_person(who, lead.start("who"), index)
        self._one_line_each(sentences)
        self._org_then_names(sentences)
        self._numbered_names(sentences)
        for index, (s, e) in enumerate(sentences):  # "First, Ramesh Iyengar, he is ..."
            seq = _SEQUENCE_LEAD.match(t, s, e)
            if seq is None:
                continue
            at = seq.end()
            title = _TITLES.match(t, at, e)  # "Later, Prof. Elena Vasquez (my old advisor!)"
            at = title.end() if title else at
            span = _scan_name(t, at, e, lower_ok=False)
            if span is None or span[0] != at:
                continue
            raw = t[span[0] : span[1]]
            words = raw.split()
            if (
                len(words) >= 2
                and _is_cap(words[0])
                and _is_cap(words[-1])
                and not any(w.casefold() in _NOT_NAME for w in words)
            ):
                self.add_person(raw, span[0], index)
        for index, (s, e) in enumerate(sentences):
            for m in _MEET_RE.finditer(t, s, e):
                word = m.group().split()[0].casefold()
                bare_with = word in ("with", "w/", "w", "wiht", "wth")
                if bare_with and not self._with_is_meeting(s, m.start()):
                    continue
                if re.search(
                    rf"\b(?:i{_A}ll|will|need\s+to|(?<!visit\s)(?<!honor\s)(?<!honour\s)(?<!pleasure\s)"
                    rf"(?<!chance\s)(?<!got\s)to(?!\s+(?-i:[A-Z]))|gonna|should|must|plan\s+to|{_A}d|would)"
                    r"\s+(?:\w+\s+){0,4}$",
                    _BACK_TO_BACK.sub(" ", t[s : m.start()]),
                    re.I,
                ) and not re.search(r"\b(?:meant|supposed)\s+to\s+be\b", t[s : m.start()], re.I):
                    continue  # "I'll set up a meeting with Carl": a plan, not a meeting
                if (
                    word == "saw"
                    and not re.search(r"\bagain\b", t[m.end() : e], re.I)
                    and not _TITLES.match(t, m.end(), e)
                    and not re.compile(
                        r"(?:(?:my|our|his|her)\s+(?:[a-z]+\s+){1,2})?[A-Z]\w+ [A-Z]\w+"
                        r"|[A-Z]\w+\s+\([A-Z]\w+\s+[A-Z]"  # "Saw Dani (Daniela Ferreira-Lopes)"
                    ).match(t, m.end(), e)  # "Saw my cousin Karim Haddad after years"
                ):
                    continue  # "saw a film", but "Saw Dr Hassan", "saw Ana Ruiz again"
                foreign = re.search(r"\b(?:mit|avec|con|com)\s*\Z", m.group(), re.I)
                lower_ok = not (bare_with or foreign) or _typed_lower(
                    t, s, e if foreign else m.start()
                )
                if _HEADING_LIST.search(m.group()):  # "At our table: lovely food" names no
                    # one; "the good ones: morag fraser" (a heading typed in lower case) does
                    lower_ok = _typed_lower(t, s, m.end())
                if not self.name_list(m.end(), e, index, lower_ok=lower_ok):
                    group = _GROUP_THEN_NAMES.match(t, m.end(), e)
                    if group:  # "w/ the design team - Zara, Omar and Kenji"
                        typed = _typed_lower(t, s, e)  # "the shopify ppl: dana lee, omar haddad"
                        named = self.name_list(group.end(), e, index, lower_ok=typed)
                        org = self._group_org(t[group.start() : group.end()])
                        for person in named if org else []:  # "the Shopify folks": all there
                            self.orgs.setdefault(person, org)
                    elif (relation := _RELATION_COMMA.match(t, m.end(), e)) and self._full_name_at(
                        relation.end(), e
                    ):  # "brought along her counterpart from Orange, Jean-Baptiste Morel"
                        self.name_list(relation.end(), e, index, lower_ok=False)
                    elif _DESCRIPTION_LEAD.match(t, m.end(), e) or _DESCRIBED_GROUP.match(
                        t, m.end(), e
                    ):
                        self._described_then_named(m.end(), e, index)
                    elif (
                        re.compile(r"(?:him|her)\b", re.I).match(t, m.end(), e)
                        and not bare_with
                        and not self.people
                        and word != "thanked"
                    ):  # "Prof. Chidi Okeke's workshop … Chatted with him after": him, the
                        # only one the note has named so far
                        earlier = self._last_full_name_before(m.start(), frozenset())
                        if earlier:
                            self.add_person(earlier, m.end(), index)
            self._sentence_subjects(s, e, index)
        self._relative_in_person(sentences)
        self._role_then_name_acts(sentences)
        self._named_then_present(sentences)
        self._first_name_then_present(sentences)
        self._subject_then_she_promises(sentences)
        self._lower_subject_acts(sentences)
        self._hosts(sentences)
        for m in _I_INTRODUCED_TO.finditer(t):  # "Introduced Tamara (…) to Julian Ashworth"
            index = _sentence_of(sentences, m.start())
            self.name_list(
                m.end(), sentences[index][1] if sentences else len(t), index, lower_ok=False
            )
        for m in _LOWER_PAIR_THERE.finditer(t):  # "tom & raj there, katie couldnt make it"
            names = re.split(r"\s*(?:,|&|\band\b|\bn\b)\s*", m.group("names"))
            if all(is_first_name(n) and n.casefold() not in _NOT_NAME for n in names):
                index = _sentence_of(sentences, m.start())
                for n in names:
                    at = t.find(n, m.start("names"))
                    self.add_person(self.lookup(n) or n, at, index)
        for m in _LOWER_CAME.finditer(t):  # "…, ben joined late": a contact typed lower
            name = self.lookup(m.group(1))
            if name and m.group(1) not in _NOT_NAME:
                index = _sentence_of(sentences, m.start())
                self.add_person(name, m.start(1), index)
        for listed, index in lower_lists(t, sentences):  # "met his daughters ngozi + adaeze"
            name = self.add_person(self.lookup(listed.name) or listed.name, listed.start, index)
            if listed.nick:  # "fenella "fen" blackwood … fen said she'd bring the wine"
                self.aliases.setdefault(listed.nick.casefold(), name)
        for index, (s, e) in enumerate(sentences):  # "I meet one family, the father is
            if _MEET_RE.search(t, s, e) is None and not re.compile(  # Mr. Khaled Haddad"
                r"\b(?:i|we)\s+(?:meet|met)\b", re.I
            ).search(t, s, e):
                continue
            for m in _ROLE_IS_NAME.finditer(t, s, e):
                span = self._full_name_at(m.end(), e)
                if span is not None:
                    self.add_person(t[span[0] : span[1]], span[0], index)
        for m in _MET_PRONOUN_AND.finditer(t):  # "talked w/ her + vikram shah": her too
            earlier = self._named_before(m.start(1), m.group(1).casefold())
            if earlier:
                self.add_person(earlier, m.start(1), _sentence_of(sentences, m.start()))
        for index, (s, e) in enumerate(sentences):  # "pub after work: me, nina and leo"
            myself = _COLON_ME.search(t, s, e)
            if myself is None:
                continue
            mates = lower_case_list(t, myself.end(), e) if _typed_lower(t, s, e) else []
            for one in mates:  # "table 6 = me, kasia's cousin piotr nowak + his wife ola, …"
                self.add_person(self.lookup(one.name) or one.name, one.start, index)
            if not mates:
                self.name_list(myself.end(), e, index, lower_ok=True)
        for c in clauses:  # "At the meetup: Ana Ruiz (Watershed), Ben Ode (Patch)"
            if c.start not in {s for s, _e in sentences} and self._after_break(c.start):
                emoji = t[: c.start].rstrip()[-1:] >= "\U0001f300"
                # "The wedding was unreal 🍷 Sarah O'Connell and I ended up …": to the end
                end = sentences[c.sentence][1] if emoji else c.end
                self._sentence_subjects(c.start, end, c.sentence)

    def _named_before(self, pos: int, pronoun: str) -> str | None:
        """The last full name written before ``pos`` that ``pronoun`` ("her", "him") can
        be, typed in lower case too ("new chair is bernadette o'connell")."""
        want = "f" if pronoun == "her" else "m"
        found: list[tuple[int, str]] = list(self._full_names_before(pos))
        for m in _LOWER_FULL_NAME.finditer(self.text, 0, pos):
            if is_first_name(m.group(1)) and m.group(2).casefold() not in _NOT_NAME:
                found.append((m.start(), tidy_name(f"{m.group(1)} {m.group(2)}")))
        for _at, name in sorted(found, reverse=True):
            hint = hinted_gender(name.split()[0].casefold())
            if hint is None or hint == want:
                return name
        return None

    def find_actor_people(self, clauses: list[_Clause]) -> None:
        """ "Ola promised to ...", "Kai offered to ...": whoever acts was there."""
        t = self.text
        ends: dict[int, int] = {}  # each sentence's end, as its last clause gives it
        for c in clauses:
            ends[c.sentence] = max(ends.get(c.sentence, 0), c.end)
        for c in clauses:  # "Ola promised to ...", "Kai offered to ...": the actor was there
            m = re.match(rf"((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})", t[c.start : c.end])
            # "Mrs Dlamini will send the form": the name after a title
            title = _TITLES.match(t, c.start, c.end)
            head = (t[title.end() : c.end] if title else m.group() if m else "").split()[:1]
            if m and head and _is_cap(head[0]):
                span = _scan_name(t, c.start, c.end, lower_ok=False)
                after = t[span[1] : c.end] if span else ""
                aside = span and _SUBJECT_ASIDE.match(t, span[1], ends[c.sentence])
                if aside and aside.group().lstrip()[:1] in ",(":
                    # "Mr. Huang (maths) says", "Ms Dlamini-Reyes, his form tutor, asked us
                    # to …", where the clause ends with the aside and the verb is the next's
                    after = t[aside.end() : c.end if aside.end() < c.end else ends[c.sentence]]
                if (
                    span
                    and re.match(
                        _THEM_MODAL + r"\s|\s*(?:still\s+)?owes\s+(?:me|us)\b"
                        # "…, and Elena asked me to send her …": who asks me was there
                        r"|\s+(?:also\s+)?asked\s+(?:me|us)\s+(?:to|if|whether)\b"
                        # "Mr. Huang (maths) says Leo is coasting": who tells me was there
                        r"|\s+(?:says|said|told\s+(?:me|us))\b",
                        after,
                        re.I,
                    )
                    and not re.match(r"\s+would\s+be\b", t[span[1] : c.end], re.I)
                ):  # but "Bernie Walsh would be thrilled": someone talked about
                    raw = t[span[0] : span[1]]
                    first = re.escape(raw.split()[0])
                    if self.lookup(raw) is None and re.search(
                        rf"\b(?:to|about|of|for|by|mentioned|recommended|knows|named|called)"
                        rf"\s+(?:[A-Z]\w*\.?\s+)?{first}\b",
                        t[: span[0]],
                    ):
                        if not re.match(r"\s+(?:says|said|told)\b", after):
                            self.rejected.append(raw)  # (but "talked to Fatou Diallo …
                            # Fatou said": who was talked to and said so may well be met)
                        continue  # "She reports to Hakan Berg. Hakan will decide": mentioned
                    if title and any(
                        p.endswith(" " + raw) or p.startswith(raw + " ") for p in self.people
                    ):
                        continue  # "Mr. Adewale Ogunleye and his wife Funmilayo Ogunleye …
                        # Mrs Ogunleye also asked me": one of them, already met
                    if " " in raw.strip() or self.lookup(raw) is None:
                        self.add_person(raw, span[0], c.sentence)
            elif m and _LOWER_FIRST_ACTS.match(t, c.start, c.end):
                # typed in lower case: "lotte will dm me the prices", after "his daughter
                # lotte runs the insta": a first name the note already gave, promising me
                word = m.group().split()[0]
                if (
                    is_first_name(word)
                    and word not in _NOT_NAME
                    and self.lookup(word) is None
                    and (
                        re.search(rf"\b(?:his|her|their|my|our)\s+[a-z]+\s+{word}\b", t[: c.start])
                        # typed without capitals: "at the gym: marco will save me a bike"
                        or (_typed_lower(t, 0, len(t)) and len(t.split()) >= 5)
                    )
                ):
                    self.add_person(word, c.start, c.sentence)

    def _relative_in_person(self, sentences: list[tuple[int, int]]) -> None:
        """ "Her husband, Marcus Lee, works at Genentech and asked if I could …", "Her
        neighbour Sanjay Gill said he'd give the boys a lift", "Her husband Srinivas was also
        there": someone named after a possessive, at the head of a sentence, who then does
        something only a person present does, was met (not "His cofounder Lea is in Berlin")."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            head = _SENTENCE_HEAD.match(t, s, e)
            at = head.end() if head else s
            m = (
                _POSSESSOR_THEN_NAME.match(t, at, e)
                or _RELATIVE_FROM_ORG.match(t, at, e)
                or _POSSESSOR_ROLE_NAME.match(t, at, e)
            )
            if m is None or m.group("name").split()[0].casefold() in _NOT_NAME:
                continue
            end = re.search(r"[;.!?](?:\s|\Z)", t[m.end() : e])
            rest = t[m.end() : m.end() + end.start() if end else e]
            if _IN_PERSON.search(rest):
                self.add_person(m.group("name"), m.start("name"), index)

    def _name_starts(self, s: int, e: int) -> Iterator[int]:
        """Where a name may start in the sentence ``s``–``e``: a capital after a space or a
        bracket, not inside a run of capitals ("the Bristol Food Co-op") unless the word
        before is a title ("Mr Harjit Kaur")."""
        t = self.text
        for m in _CAPITAL_WORD.finditer(t, s, e):
            if m.start() > s and t[m.start() - 1] not in " \t\n(\"'":
                continue
            before = t[max(s, m.start() - 30) : m.start()]
            if (
                re.search(r"(?-i:[A-Z])[\w'\-.]*\s+\Z", before)
                and not _TITLES.fullmatch(before.split()[-1] + " ")
                and before.split()[-1].casefold().strip(",") not in _NOT_NAME  # "Also Bong Reyes"
            ):
                continue
            yield m.start()

    def _full_name_at(self, pos: int, hi: int) -> tuple[int, int] | None:
        """The full name written at ``pos``, a title before it skipped ("Kwame Mensah", "Dr.
        Ana de la Cruz"): two words or more, the first and last capitalised, each shaped like
        a name and none a weekday or a function word. Several passes ask about the same
        places, so each answer is kept."""
        if (pos, hi) not in self.full_names_at:
            self.full_names_at[(pos, hi)] = self._full_name_uncached(pos, hi)
        return self.full_names_at[(pos, hi)]

    def _full_name_uncached(self, pos: int, hi: int) -> tuple[int, int] | None:
        t = self.text
        title = _TITLES.match(t, pos, hi)
        at = title.end() if title else pos
        span = _scan_name(t, at, hi, lower_ok=False)
        if span is None or span[0] != at:
            return None
        words = t[span[0] : span[1]].split()
        if len(words) < 2 or not (_is_cap(words[0]) and _is_cap(words[-1])):
            return None
        if any(
            w.casefold() in _NOT_NAME
            or w.casefold() in _WEEKDAY_OR_MONTH
            or (_is_cap(w) and not _NAME_SHAPE.fullmatch(w))
            for w in words
        ):
            return None
        return span

    def _role_then_name_acts(self, sentences: list[tuple[int, int]]) -> None:
        """ "Ward sister Claire Whitfield asked me to bring …", "Our NUM Karen Walsh said she
        will approve …": a role, then a full name at the head of a sentence, who then does
        what only someone there does, was met."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            head = _SENTENCE_HEAD.match(t, s, e)
            lead = _ROLE_LEAD.match(t, head.end() if head else s, e)
            if lead is None:
                continue
            span = self._full_name_at(lead.end(), e)
            if span is None:
                continue
            rest = t[span[1] : e]
            if _IN_PERSON.search(rest):  # not "His CTO Eleni Georgiou will join next time"
                self.add_person(t[span[0] : span[1]], span[0], index)

    def _named_then_present(self, sentences: list[tuple[int, int]]) -> None:
        """ "Afterwards Margaret's deputy, Kwame Mensah, joined us", "The owner Maria Teresa
        Mascarello guided us personally", "he came with Inès Morel, our client": a full name
        anywhere in a sentence, then (past an apposition) what only someone there does."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            came_with = _CAME_WITH_AFTER.search(t, s, e) is not None
            for start in self._name_starts(s, e):
                before = t[max(s, start - 40) : start]
                described = _DESCRIBED_CALLED.search(before)  # "a retired judge called X"
                mention = _MENTION_BEFORE.search(before[-24:]) and not described
                if mention and not came_with:
                    continue  # "introduce me to Ana Ruiz, who showed …": a mention
                span = self._full_name_at(start, e)
                if span is None:
                    continue
                if came_with and _CAME_WITH_AFTER.match(t, span[1], e):
                    self.add_person(t[span[0] : span[1]], span[0], index)  # "…, who I came with"
                    continue
                if mention:
                    continue
                after = _APPOSED_AFTER.match(t, span[1], e) or re.compile(
                    r"\s*\([^()\n]{1,40}\)|,\s*(?:[a-z][\w\-]*\s+){0,4}[a-z][\w\-]*,"
                ).match(t, span[1], e)
                rest_at = after.end() if after else span[1]
                if re.compile(r"\s*,\s*(?:and|&)\s+i\b", re.I).match(t, rest_at, e):
                    continue  # "… with our SRE lead, Dara Okafor, and I said sure": not "X and I"
                origin = _ORG_BEFORE_VERB.match(t, rest_at, e)  # "… from Telefónica dropped by"
                if any(
                    _PRESENT_VERB.match(t, at, e)
                    or _NARRATED_THERE.match(t, at, e)
                    or _KIND_TO_ME.match(t, at, e)
                    for at in ([rest_at, origin.end()] if origin else [rest_at])
                ):
                    self.add_person(t[span[0] : span[1]], span[0], index)

    def _lower_subject_acts(self, sentences: list[tuple[int, int]]) -> None:
        """ "coordinator luis fonseca asked me to cover a shift", "club sec arjun bhatt
        reminded me …", "new guy ahmed siddiqui (deloitte) asked if i could …": typed in
        lower case, someone (a role before them allowed) heads a sentence and does what only
        someone there does."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            head = _SENTENCE_HEAD.match(t, s, e)
            heads = [head.end() if head else s]
            heads += [m.end() for m in _EMOJI_BREAK.finditer(t, s, e)]  # "… 🍻 jess brought …"
            for at in heads:
                self._lower_subject_at(at, e, index)

    def _lower_subject_at(self, at: int, e: int, index: int) -> None:
        """The person of :meth:`_lower_subject_acts` heading the words at ``at``."""
        t = self.text
        found = name_at(t, at, e)
        if found is None:
            return
        listed, after = found
        first = listed.name.split()[0].casefold()
        if not (is_first_name(first) or is_first_name(first.split("-")[0])):
            return
        origin = _FROM_BEFORE_VERB.match(t, after, e)  # "kenji watanabe from Parks & Rec,"
        verb_at = origin.end() if origin else after
        if (
            _PRESENT_VERB.match(t, verb_at, e)
            or _NARRATED_THERE.match(t, verb_at, e)
            or _LOWER_THERE.match(t, verb_at, e)  # "deb's grandson marcus also volunteering"
            or _IN_PERSON.match(t[verb_at:e])
            or (  # "her neighbour william chen has the PA, will drop it off fri eve"
                " " in listed.name and _GOES_ON_PROMISING.search(t, verb_at, e)
            )
            or (  # "also her flatmate jonas richter, works at SoundCloud, gave me his number"
                _POSSESSIVE_LEAD.match(t, at, e) and _THERE_ACTS.search(t, after, e)
            )
        ):
            name = self.add_person(self.lookup(listed.name) or listed.name, listed.start, index)
            if listed.nick:
                self.aliases.setdefault(listed.nick.casefold(), name)

    def _subject_then_she_promises(self, sentences: list[tuple[int, int]]) -> None:
        """ "New member Esperanza Villanueva-Cruz teaches Spanish lit at Columbia! She'll
        lend me her copy": a full name heading a sentence, the only one in it, and the next
        sentence opens with that "she" or "he" promising or asking something of the writer
        (a role may come before the name)."""
        t = self.text
        for index, (s, e) in enumerate(sentences[:-1]):
            head = _SENTENCE_HEAD.match(t, s, e)
            at = head.end() if head else s
            if _MEET_RE.match(t, at, e):
                continue  # "Interviewed Councillor Moana Tupou": the meeting rules' case
            lead = _ROLE_LEAD.match(t, at, e)
            span = self._full_name_at(lead.end() if lead else at, e)
            if span is None or not re.match(r"[ \t]+(?-i:[a-z])", t[span[1] : e]):
                continue
            if any(self._full_name_at(p, e) for p in self._name_starts(span[1], e)):
                continue  # "Ana Ruiz met Ben Ode …": whose "she" is unclear
            nxt = _SHE_PROMISES.match(t, *sentences[index + 1])
            if nxt is None:
                continue
            raw = t[span[0] : span[1]]
            hint = hinted_gender(raw.split()[0].casefold())
            if hint and hint != ("f" if nxt.group(1).casefold() == "she" else "m"):
                continue
            self.add_person(raw, span[0], index)

    def _first_name_then_present(self, sentences: list[tuple[int, int]]) -> None:
        """ "His nurse Reem was very nice", "Marco's wife Giulia cooked", "Debbie was
        lovely, gave me her direct line": a first name alone heading a sentence (a role or
        someone's relation may come before it), then what only someone there does or is."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            head = _SENTENCE_HEAD.match(t, s, e)
            starts = [head.end() if head else s]
            # "…, then her brother Andrés joined us": a relation opening a later clause
            starts += [m.end() for m in _CLAUSE_THEN_RELATION.finditer(t, s, e)]
            for n, at in enumerate(starts):
                self._first_name_at(at, e, index, mid_sentence=n > 0)

    def _first_name_at(self, at: int, e: int, index: int, *, mid_sentence: bool) -> None:
        """The first name of :meth:`_first_name_then_present` at ``at``, if it is one."""
        t = self.text
        lead = _RELATION_LEAD.match(t, at, e)
        if lead is None and mid_sentence:
            return
        at = lead.end() if lead else at
        full = self._full_name_at(at, e) if mid_sentence else None
        if full and (
            _PRESENT_VERB.match(t, full[1], e)
            or _NARRATED_THERE.match(t, full[1], e)
            or _KIND_TO_ME.match(t, full[1], e)
        ):  # "… and her husband Emeka Okafor told stories about Port Harcourt"
            self.add_person(t[full[0] : full[1]], full[0], index)
            return
        word = _FIRST_NAME_ALONE.match(t, at, e)
        if word is None:
            return
        name = word.group("name")
        if name.casefold() in _NOT_NAME or name.casefold() in _WEEKDAY_OR_MONTH:
            return
        if name.casefold() in _ALSO_A_WORD:
            return  # "Guy from the wholesaler came round": a guy
        if lead is None and not is_first_name(name):
            return  # "Her assistant Pau gave us …", but "Paris was lovely"
        origin = _FROM_SOMEWHERE.match(t, word.end(), e)
        ends = [word.end()]
        if origin:  # "Jari from the club board came by": past where he is from
            ends += [m.end() for m in re.finditer(r"[ \t]+\S+", t[: origin.end()])][-3:]
        if any(
            _PRESENT_VERB.match(t, end, e)
            or _NARRATED_THERE.match(t, end, e)
            or _KIND_TO_ME.match(t, end, e)
            or (lead and _IN_PERSON.search(t[end : self.sentence_end(end)]))
            or (lead and _THEN_SHE_PROMISES.match(t, end, self.sentence_end(end)))
            for end in ends
            if end >= word.end()
        ):
            self.add_person(self.lookup(name) or name, word.start("name"), index)

    def only_name_written(self, sentences: list[tuple[int, int]]) -> None:
        """When no rule found anyone met, the first full name the note writes that nothing
        marks as someone talked about ("Tadesse Bekele, who owns Abyssinia Roasters, showed
        me round", "Bronwyn O'Hare brought her Golf in", "finally meet Rahul Venkataraman
        at the meetup"): a note is written about a meeting, and the preview shows the
        guess, which the user corrects in one click."""
        if any(p not in self.seeded for p in self.people):
            return
        # a name the scorer added counts only from where it is written: "had the electrician
        # round, Gareth Pryce-Jones, … His apprentice Dylan made me tea" is still Gareth's
        seeded_at = min(
            (p for p, n, _s in self.mentions if n in self.seeded), default=len(self.text)
        )
        t = self.text
        for index, (s, e) in enumerate(sentences):
            for start in self._name_starts(s, e):
                if start >= seeded_at:
                    return
                if _MENTION_BEFORE.search(t[max(s, start - 24) : start]):
                    continue
                if _PLAN_BEFORE.search(t, s, start):
                    continue  # "I'll set up a call with Carl Berg": someone to meet later
                span = self._full_name_at(start, e)
                if span is None or t[span[0] : span[1]].split()[-1].casefold() in _ORG_SUFFIXES:
                    continue
                opening = t[span[0] : span[1]].split()[0]
                if (
                    span[0] == s
                    and (
                        _VERB_WORD.fullmatch(opening.lower())
                        or re.fullmatch(r"[A-Z][a-z]{2,}ed", opening)
                    )
                    and not is_first_name(opening)  # (Alfred, Mohammed)
                ):  # "Took Biscuit to the vet", "Dropped Mia at school": a verb, capitalised
                    continue
                if re.match(r"['\u2019]s\b", t[span[1] : span[1] + 2]) and not _HOSTED_EVENT.match(
                    t, span[1] + 2, e
                ):
                    continue  # "Ken Obi's partner": someone's, not someone met (but "Karin
                    # Andersson's farewell": hers, so she was there)
                if _ABSENT.search(t, span[1], e):
                    continue
                self.add_person(t[span[0] : span[1]], span[0], index)
                return
        self._typed_name_written(sentences)

    def _typed_name_written(self, sentences: list[tuple[int, int]]) -> None:
        """The same for a note typed in lower case ("quoted grace okafor for the bathroom
        refit", "raj patel next door said he'll …", "name's deborah "debs" ashworth"): a
        first name that is one (``first_names``) and a second word, at the note's start or
        after "quoted", "name's", "called" or "named"."""
        t = self.text
        for word in re.finditer(r"\b(?-i:[a-z])", t):
            m = _TYPED_FULL_NAME.match(t, word.start())
            if m is None:
                continue
            first, last = m.group("first"), m.group("last")
            titled = re.search(
                r"\b(?:dr|mr|mrs|ms|prof)\.?\s+\Z", t[max(0, m.start() - 6) : m.start()]
            )
            if titled and first not in _NOT_NAME and last not in _NOT_NAME:
                index = _sentence_of(sentences, m.start())
                self.add_person(f"{first} {last}", m.start("first"), index)  # "dr. harpreet kaur"
                return
            if hinted_gender(first) is None or last in _NOT_NAME or last in _COMMON_NOUNS:
                continue
            if m.start("first") > 0 and not _TYPED_NAME_LEAD.search(t, 0, m.start("first")):
                continue
            index = _sentence_of(sentences, m.start())
            self.add_person(f"{first} {last}", m.start("first"), index)
            return

    def _hosts(self, sentences: list[tuple[int, int]]) -> None:
        """ "Dinner at Elin Johansson's place", "Dinner party at Hiroshi's - Hiroshi Tanaka
        cooked", "Our host was Piotr Zielinski": whoever the gathering was at was there (a
        first name alone only when the note writes it in full, so "at Nando's" or "at St
        James's" is no one)."""
        t = self.text
        for index, (s, e) in enumerate(sentences):
            for m in _AT_SOMEONES.finditer(t, s, e):
                raw = m.group("who")
                words = raw.split()
                if any(w.casefold() in _NOT_NAME or _TITLES.fullmatch(w + " ") for w in words):
                    continue
                if len(words) == 1:
                    fuller = self._written_in_full(raw)
                    if len(fuller) == 1:
                        raw = fuller.pop()
                    elif (
                        fuller
                        or not (m.group("home") or _GATHERING_ENDS.match(t, m.end(), e))
                        or not self._named_again(raw, m.end())
                    ):  # not "look at Mia's ankle"
                        continue  # "Book club at Harriet's. … I promised Harriet …": her
                elif not m.group("home"):
                    continue
                self.add_person(raw, m.start("who"), index)
            for m in _AT_LOWER_HOME.finditer(t, s, e):  # "dinner at marta's place": a
                who = m.group("who")  # contact typed in lower case, or a first name the
                known = self.lookup(who)  # note names again ("… nadia lent me the book")
                again = re.search(rf"\b{re.escape(who)}\b(?!['\u2019]s)", t[m.end() :])
                if who in _NOT_NAME:
                    continue
                if known or (is_first_name(who) and again):
                    self.add_person(known or tidy_name(who), m.start("who"), index)
            for m in _HOST_WAS.finditer(t, s, e):  # "Our host was Piotr Zielinski"
                span = _scan_name(t, m.end(), e, lower_ok=False)
                couple = span and self._shared_surname(t[span[0] : span[1]], span[1], e)
                if span and (" " in t[span[0] : span[1]] or " " in (couple or "")):
                    raw = t[span[0] : span[1]]
                    if not any(w.casefold() in _NOT_NAME for w in raw.split()):
                        # "hosted by Arjun Mehta and his wife Deepa": both hosts
                        self.name_list(span[0], e, index, lower_ok=False)

    def _named_again(self, first: str, after: int) -> bool:
        """Whether a first name (one the name table knows) comes back later in the note as
        someone, not as a shop's name ("at Nando's" is not followed by "Nando said")."""
        if not is_first_name(first):
            return False
        again = re.compile(rf"\b{re.escape(first)}\b(?!['\u2019]s)")
        return again.search(self.text, after) is not None

    def _group_org(self, group: str) -> str:
        """The organization a group is named after: "the Shopify folks", "the sales team
        from hubspot"; not "the design team" (a department)."""
        m = _GROUP_ORG.match(group)
        if m is None:
            return ""
        raw = m.group("from") or m.group("org")
        if raw.split()[0].casefold() in _DEPARTMENTS | _NOT_NAME:
            return ""
        return self.org_phrase(raw)

    def _one_line_each(self, sentences: list[tuple[int, int]]) -> None:
        """Notes of a fair or a round of calls, one line per person:
        "Femke de Vries – ML masters, wants Amsterdam" / "Joost van den Berg – PhD". Two
        such lines at least, each opening with a full name, so a heading is not a person."""
        found: list[tuple[str, int, str]] = []
        firsts: list[tuple[str, int, str]] = []  # "- Björn from DeLaval, …": a first name
        for m in _LINE_HEAD.finditer(self.text):
            title = _TITLES.match(self.text, m.start("who"), m.end("who"))
            at = title.end() if title else m.start("who")  # "• Dr. Elif Şahin – Hacettepe"
            role = _LINE_ROLE.match(self.text, at, m.end("who"))
            if role and (role.group(2) or role.group(1).casefold() in _ROLE_WORDS):
                at = role.end()  # "3) Nurse manager Gráinne Doyle – asked me …"
            span = _scan_name(self.text, at, m.end("who"), lower_ok=False)
            raw = self.text[at : m.end("who")].strip()
            words = raw.split()
            org = m.group("org") or m.group("from") or ""
            if (
                span == (at, at + len(raw))
                and len(words) >= 2
                and all(_is_cap(w) or w.casefold() in _PARTICLES for w in words)
                and _is_cap(words[0])
                and _is_cap(words[-1])
                and not any(w.casefold() in _NOT_NAME for w in words)
            ):
                found.append((raw, at, org))
            elif (
                len(words) == 1
                and m.group("from")
                and m.group("who") == raw
                and _is_cap(raw)
                and is_first_name(raw)
            ):
                firsts.append((raw, at, org))
        bulleted = [  # "- stefan de vries (ing)" / "- wei zhang (alibaba cloud)": typed lower
            m
            for m in _BULLET_NAME_ORG.finditer(self.text)
            if not any(w.casefold() in _NOT_NAME for w in m.group("who").split())
        ]
        if len(bulleted) >= 2:
            for m in bulleted:
                index = _sentence_of(sentences, m.start())
                name = self.add_person(m.group("who"), m.start("who"), index)
                if m.group("org"):
                    self.orgs.setdefault(name, self.org_phrase(m.group("org"), as_typed=True))
        self._name_lines(sentences)
        if len(found) < 2:
            return
        for raw, at, org in found + firsts:
            index = _sentence_of(sentences, at)
            name = self.add_person(raw, at, index)
            if org and self.org_phrase(org):
                self.orgs.setdefault(name, self.org_phrase(org))

    def _name_lines(self, sentences: list[tuple[int, int]]) -> None:
        """ "Alumni mixer at INSEAD:" then a name alone on each line ("Camille Rousseau" /
        "- Dr. Annegret Vogel-Schmidt" / "Ingrid"): two such lines at least, one a full
        name; a first name alone only when the name table knows it."""
        t = self.text
        lines: list[tuple[str, int, str]] = []
        for m in _NAME_ALONE_LINE.finditer(t):
            title = _TITLES.match(t, m.start("who"), m.end("who"))
            at = title.end() if title else m.start("who")
            span = _scan_name(t, at, m.end("who"), lower_ok=False)
            raw = t[at : m.end("who")].strip()
            if span is None or span[0] != at or span[1] < at + len(raw):
                continue
            words = [w for w in raw.split() if not w.startswith(('"', "\u201c"))]
            if any(w.casefold() in _NOT_NAME or w.casefold() in _WEEKDAY_OR_MONTH for w in words):
                continue
            if len(words) == 1 and not is_first_name(words[0]):
                continue
            lines.append((raw, at, m.group("org") or ""))
        known = sum(is_first_name(raw) for raw, _at, _org in lines)
        if len(lines) < 2 or not any(" " in raw for raw, _at, _org in lines):
            return
        heading = t[: lines[0][1]].rstrip().rpartition("\n")[2]
        if (known < 2 or known * 2 < len(lines)) and not _PEOPLE_HEADING.search(heading):
            return  # "Olive Oil" / "Fresh Basil": a shopping list, not people
        for raw, at, org in lines:
            index = _sentence_of(sentences, at)
            name = self.add_person(raw, at, index)
            if org and self.org_phrase(org):
                self.orgs.setdefault(name, self.org_phrase(org))

    def _numbered_names(self, sentences: list[tuple[int, int]]) -> None:
        """ "1) Elif Demir (Bogazici) liked our ablation … 2) Jakub Dvořák (DeepMind) offered
        … 3) Rafael Souza …": items numbered in a row, each opening with a full name, are
        the people met; two such items at least."""
        t = self.text
        items = []
        for m in _NUMBERED_ITEM.finditer(t):
            span = self._full_name_at(m.start("who"), m.end("who"))
            if span is not None:
                items.append(span)
        if len(items) < 2:
            return
        for a, b in items:
            index = _sentence_of(sentences, a)
            self.add_person(t[a:b], a, index)

    def _org_then_names(self, sentences: list[tuple[int, int]]) -> None:
        """A round of meetings, a line each: "Genmab — Mette Kjær." / "Redwood Bio Partners
        (small VC) — Daniel Okafor." The organization, a dash, then who was met from it;
        two such lines at least, so a heading "Paris — Marie Curie" alone is no one."""
        lines = [
            m
            for m in _ORG_DASH_NAMES.finditer(self.text)
            if self.lookup(m.group("org")) is None and not is_first_name(m.group("org"))
        ]
        if len(lines) < 2:
            return
        for m in lines:
            index = _sentence_of(sentences, m.start("names"))
            end = sentences[index][1] if sentences else m.end("names")
            named = self.name_list(
                m.start("names"), min(end, m.end("names")), index, lower_ok=False
            )
            org = self.org_phrase(m.group("org"))
            for person in named if org else []:
                self.orgs.setdefault(person, org)

    def _described_then_named(self, pos: int, hi: int, sentence: int) -> None:
        """ "Sat next to a lovely woman on the train — Margaret Ellis, retired head": the
        one met is described first and named after a dash (in full, so no guess)."""
        titled = _DESCRIBED_TITLED.match(self.text, pos, hi)
        if titled is not None:  # "chatted w/ my 2nd supervisor Dr Ifeoma Nwosu", "Mtg w/
            # opposing counsel — Ms. Adaeze Okonkwo-Bell": a role, then a titled full name
            span = _scan_name(self.text, titled.end(), hi, lower_ok=False)
            raw = self.text[span[0] : span[1]] if span and span[0] == titled.end() else ""
            if len(raw.split()) >= 2 and all(_is_cap(w) for w in raw.split()):
                # "with chef Nguyễn Văn Minh and his manager Trần Thị Lan": the list goes on
                self.name_list(span[0], hi, sentence, lower_ok=False)  # type: ignore[index]
            return
        group = _DESCRIBED_GROUP.match(self.text, pos, hi)
        if group is not None and (  # "the new couple from no. 14, Kwame and Abena Mensah"
            self._full_name_at(group.end(), hi)
            or _FIRST_THEN_SHARED.match(self.text, group.end(), hi)
        ):
            # "Spoke with his old colleagues from Aer Lingus, Maura Doyle and Seamus Quinn"
            self.name_list(group.end(), hi, sentence, lower_ok=False)
            return
        if not re.match(r"(?:a|an|this|some)\s", self.text[pos:hi], re.I):
            return
        dash = re.compile(r"\s*[\u2014\u2013]\s*|:\s+|\s+-\s+").search(self.text, pos, hi)
        if dash is None:
            return
        span = _scan_name(self.text, dash.end(), hi, lower_ok=False)
        if span is None or span[0] != dash.end():
            return
        raw = self.text[span[0] : span[1]]
        words = raw.split()
        if len(words) >= 2 and all(_is_cap(w) for w in (words[0], words[-1])):
            self.add_person(raw, span[0], sentence)

    def _with_is_meeting(self, s: int, pos: int) -> bool:
        """A bare "with" is a meeting ("Spent the afternoon with Aroha", "Ran the 10k
        with Fatima") unless its clause is a plan or a promise ("follow up with Keiko",
        "I'll set up a call with Carl") or about someone else ("she moved with Ben")."""
        before = self.text[s:pos]
        cut = max(before.rfind(ch) for ch in ",;\u2014\u2013(")
        before = before[cut + 1 :]
        if re.search(
            r"\b(?:chat|talk|conversation|meeting|call|lunch|coffee|dinner|session)\s+(?:was|were)"
            r"\s*\Z",
            before,
            re.I,
        ):  # "First proper chat was with Priya": a meeting told in the past
            return True
        before = re.sub(r"\bended\s+up\b", " ", before, flags=re.I)  # "Ended up at a table with"
        before = _BACK_TO_BACK.sub(" ", before)
        if re.search(
            rf"\b(?:who|she|he|they)\s*(?:is|{_A}s|was|are|were)\s+(?:now\s+)?\Z", before, re.I
        ):
            return False  # "Halima Yusuf, who is with Davis & Shirtliff": an employer
        if re.search(
            rf"\b(?:is|{_A}s|was|works\s+as|worked\s+as|working\s+as)\s+(?:(?:now|also|still)\s+)?"
            r"(?:an?|the)\s+[a-z][\w\- ]{0,40}\Z",
            before,
            re.I,
        ):
            return False  # "Declan is a pilot with Aer Lingus now": an employer
        lead = before.lstrip()
        span = _scan_name(lead, 0, len(lead), lower_ok=False)
        if (
            span
            and self.lookup(lead[: span[1]])
            and not re.search(r"\b(?:and|&)\s+(?:i|me)\b|\bcame|\barrived|\bjoined", lead, re.I)
        ):
            return False  # "Olivia works with Pedro": the subject is someone already met
        return not re.search(
            rf"\b(?:i(?!\s+(?:was|were|sat|spent|worked|played|danced|stood|ran|walked|visit"
            r"|visited|toured|went|had|helped|cooked)\b)"
            rf"|we{_A}ll|will|{_A}ll|need|needs|to(?!\s+(?:the|a|an|our|my)\s)|up|promised|should|must|gonna|going"
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
        owner_org = ""  # "Acme's CTO, Dana White": the next name works there
        list_org = ""  # "w/ Unilever: Margot …, Pieter …": every name works there
        joined_by_and = False  # the last separator was "and": the list's last name came
        myself = _MYSELF_FIRST.match(t, pos, hi)
        if myself:  # "…: me, gemma holt (head of maths), raj bhatt": the writer lists self
            pos = myself.end()
        pronoun_first = _PRONOUN_THEN_LIST.match(t, pos, hi)
        if pronoun_first:  # "chatted with her and with two neighbours …, Gordon McLeish"
            pos = pronoun_first.end()
        while True:
            m = re.compile(  # "a guy called …", "this guy zhang hao"
                r"[ \t]*(?:(?:a|this|some)\s+(?:guy|girl|woman|man|lady|dude|chap|bloke|fella)\s+"
                r"(?:(?:called|named)\s+)?)?"
            ).match(t, pos, hi)
            pos = m.end() if m else pos
            from_org = _DESCRIBED_FROM.match(t, pos, hi)
            if from_org and found:  # "…, Sneha Kulkarni and one fresher from Infosys, Arjun"
                pos, owner_org = from_org.end(), self.org_phrase(from_org.group("org"))
            unmet = _NOT_MET_BEFORE.match(t, pos, hi) or _KIN_POSSESSIVE.match(t, pos, hi)
            if unmet:  # "and a dad I hadn't met, Kwame Boateng", "Dad's old friend Pat Keane"
                pos = unmet.end()
            kin_first = (lower_ok and (not found or typed_lower)) and _LOWER_KIN.match(t, pos, hi)
            if kin_first:  # "dev patel & his boss rachel kim, both at monzo": kin, then a name
                apposed = False
            else:
                pos, apposed = _skip_descriptor(t, pos, hi)
            low = (lower_ok or apposed) and (not found or typed_lower)
            chain = _CAP_ROLE_CHAIN.match(t, pos, hi)
            if chain and all(
                w.casefold() in _ROLE_WORDS or w.casefold() in _RANK_WORDS
                for w in chain.group().split()
                if w.casefold() not in ("of", "the")
            ):  # "Deputy Head of Mission Geneviève Tremblay": a rank, then the name
                pos = chain.end()
            role = _LOWER_ROLE_LEAD.match(t, pos, hi) if low else None
            if role and role.group(1) in _ROLE_WORDS:  # "w/ accountant siobhan ní bhriain"
                pos = role.end()
            elif role:  # "w/ estate agent kwame asante": a role of two words
                second = _LOWER_ROLE_LEAD.match(t, role.end(), hi)
                if second and second.group(1) in _ROLE_WORDS:
                    pos = second.end()
            kin = _LOWER_KIN.match(t, pos, hi) if low else None
            span = _scan_name(t, pos, hi, lower_ok=low) if kin is None else None
            if kin:  # typed in lower case, "tom and his gf sarah": the name after the kin
                span = _scan_name(t, kin.end(), hi, lower_ok=True)
            if span is None:
                break
            if not found:
                typed_lower = t[span[0] : span[1]].islower()
            raw = t[span[0] : span[1]]
            if raw.islower() and any(w in RELATIONS for w in raw.split()[1:]):
                break  # "callums sister rosie": a relation inside, read by lower_lists
            lower_nick = LOWER_NICK_THEN_FULL.match(t, span[0], hi) if raw.islower() else None
            if lower_nick and is_first_name(lower_nick.group("full")):
                # "big mike (michael o'brien)": the name in brackets is the full one, and a
                # later "mike" is him
                for word in t[span[0] : lower_nick.start("full")].split():
                    word = word.strip("(")
                    if len(word) >= 3 and word not in _NOT_NAME and word not in _NICKNAME_LEADS:
                        self.aliases.setdefault(word, tidy_name(lower_nick.group("full")))
                raw = lower_nick.group("full")
                span = (lower_nick.start("full"), lower_nick.end("full"))
            texted_and = _TEXTED_AND.search(raw) if raw.islower() else None
            if texted_and:  # "mtg w/ ravi n shreya": "n" typed for "and"
                span = (span[0], span[0] + texted_and.start())
                raw = t[span[0] : span[1]]
            if raw.casefold() in _WEEKDAY_OR_MONTH or re.fullmatch(
                r"(?:the|a|an)(?![\w.]).*", raw, re.I
            ):
                break
            if (
                raw.casefold() in _DEPARTMENTS
                or raw.split()[-1].casefold() in _ORG_SUFFIXES
                or re.match(r"[ \t]+(?:folks|team|people|guys|crew|lot)\b", t[span[1] : hi], re.I)
                or _GROUP_AFTER.match(t, span[1], hi)
                or raw.split()[-1].casefold() in _ROLE_ABBREVIATIONS
            ):  # "Call with Legal", "Acme Corp", "Google folks", "Meeting: Digital ID working
                break  # group", "Sr. Data Eng", "Staff ML Eng": no person
            if _PET_BEFORE.search(t, max(0, span[0] - 12), span[0]):
                break  # "Naomi Levi and her dog Biscuit"
            first = raw.split()[0]
            if first.isupper() and first.casefold() in _ROLE_WORDS:
                break  # "Rachel Goldberg, VP Procurement at Unilever": a role
            if raw.isupper() and len(raw) <= 4 and found:  # "and the new NQT, chloe": a role
                comma_name = re.compile(  # "+ TA partner Jonas Weber": a role, then the name
                    r"[ \t]*,[ \t]*(?=[^\W\d_])|[ \t]+(?:[a-z][\w\-]*[ \t]+){1,2}(?=(?-i:[A-Z]))"
                ).match(t, span[1], hi)
                if comma_name is None:
                    break
                pos = comma_name.end()
                continue
            kin_of = _KIN_OF.match(t, span[0])
            if kin_of:  # "Chiamaka Okafor, Tobi's mum": Tobi is only talked about
                kin_next = _NAME_NEXT.match(t, kin_of.end(), hi)
                if kin_next is None:
                    break
                pos = kin_next.end()  # "grandma's neighbour, Mrs. Joan Whitaker": her
                continue
            if (
                found
                and raw.islower()
                and "," in t[pos - 3 : span[0]]
                and not re.match(
                    r"[ \t]*(?:,|and\b|&|\+|\(|from\b|who\b|-|[.;!?\n]|\Z)", t[span[1] : hi]
                )
            ):
                break  # "dele ogunleye, mixing his EP": words, not another name

            owner = re.compile(
                rf"{_A}s\s+(?:[a-z][a-z\u00e0-\u00ff\s-]{{0,40}}?|(?:[a-z]+\s+)?[A-Z]{{2,4}}(?:\s+of\s+[a-z]+)?)"
                r",?\s*\(?(?=[A-Z])"  # "Jo's dad (Ravi)": the name in brackets
            ).match(t, span[1], hi)
            if owner and _RELATIVE_WORDS.search(t, span[1], owner.end()):
                break  # "Tom's old flatmate who works for Siemens": an employer, no one
            if owner:  # "Ken's business partner, Ines Duarte": Ken is only mentioned
                pos = owner.end()
                if self.lookup(raw) is None and self._org_title(t[span[1] : owner.end()]):
                    owner_org = self.org_phrase(raw)  # "Acme's CTO, Dana White": at Acme
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
            full = _NICK_THEN_FULL.match(t, span[1], hi)
            nickname = " " not in raw.strip() or (
                re.split(r"[\s\-]+", raw.strip())[0].casefold() in _NICKNAME_LEADS
            )  # "Big Davie (David McAllister)", "Great-Aunt Maude (Maude Ellery)"
            if (
                full
                and nickname
                and (
                    any(
                        w.casefold()[:3] == full.group("full").casefold()[:3]
                        for w in re.split(r"[\s\-]+", raw.strip())
                        if len(w) >= 3
                    )
                    # "Ola (Aleksandra Wójcik)", "Kasia (Katarzyna Lewandowska)": a short name,
                    # then the full one, its first word a first name the table knows
                    or (" " not in raw.strip() and is_first_name(full.group("full")))
                    # "Mai (Đỗ Thị Mai, Grab)": the given name last, as written
                    or raw.strip() in full.group("full").split()[1:]
                )
            ):  # "Dani (Daniela Ferreira-Lopes)": the name in brackets is the full one
                for word in raw.split():  # a later "Davie" is David McAllister
                    if len(word) >= 3 and word.casefold() not in _NOT_NAME:
                        self.aliases.setdefault(word.casefold(), tidy_name(full.group("full")))
                raw, span = full.group("full"), (full.start("full"), full.end())
            heading = _ORG_HEADS_LIST.match(t, span[1], hi) if not found else None
            if (
                heading and not is_first_name(raw) and self.lookup(raw) is None
            ):  # "Steering committee w/ Unilever: Margot Lefèvre, …": the names' employer
                list_org, pos = self.org_phrase(raw), heading.end()
                continue
            if (
                found
                and (" " not in raw or self._bulleted_line(span[0]))
                and t[: span[0]].rstrip(" \t").endswith(",")
                and _LINE_ITEM_END.match(t, span[1])
                and not any(is_first_name(w) for w in raw.split())
                and self.lookup(raw) is None
            ):  # "- Rahul Mehta, Datadog: will share …", "- Ben Oduya, MIT Media Lab": where
                # he works, not another person
                self.orgs.setdefault(found[-1], self.org_phrase(raw))
                break
            raw = raw if found else self._shared_surname(raw, span[1], hi)
            if " " not in raw.strip() and self.lookup(raw) is None:
                fuller = self._written_in_full(raw)  # "Gerhard Baumann's party. … Gerhard"
                if len(fuller) == 1:
                    raw = fuller.pop()
            if (
                found
                and _RELATION_ITEM_BEFORE.search(t, max(0, span[0] - 40), span[0])
                and _CLAUSE_VERB_AFTER.match(t, span[1], hi)
            ):  # "I met Haruto, his daughter Emi is in Lily's class": a new clause about
                break  # someone's relation, not another name of the list
            name = self.add_person(raw, list_at if found else span[0], sentence, at=span[0])
            if owner_org:
                self.orgs.setdefault(name, owner_org)
                owner_org = ""
            if list_org:
                self.orgs.setdefault(name, list_org)
            title = _GENDERED_TITLE.search(t, max(0, span[0] - 8), span[0])
            if title:  # "Mrs Okafor", "Dame Fiona Carruthers", "Frau Becker" are a "she"
                male = title.group(1).casefold() in _MALE_TITLES
                self.gender.setdefault(name, "m" if male else "f")
            if not found:
                list_at = span[0]
            found.append(name)
            pos = span[1]
            itself = re.compile(  # "… himself", "Rajesh Kumar Sharma ji", "Priya Iyer madam"
                r"[ \t]+(?:himself|herself|ji|madam|ma['\u2019]am|sir|sahib|saheb|bey|han[ıi]m"
                r"|efendi|san|sama)\b"
            ).match(t, pos, hi)
            if itself:  # "Chatted with Gerhard himself, his wife Ulrike, …"
                pos = itself.end()
            relative = _RELATIVE_IN_LIST.match(t, pos, hi) or (
                _LOWER_RELATIVE_IN_LIST.match(t, pos, hi) if typed_lower else None
            )
            if relative and _NAMED_BUSINESS.search(t, pos, relative.end()):
                break  # "Rohan Shah, who runs a design studio, Studio Tilt": the studio's name
            if relative:  # "Ama Owusu-Ansah, who's now a partner at Atomico, Kwesi Mensah, …"
                pos = relative.end()
                continue
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
                elif g.get("paren") and (
                    re.match(rf"(?i:{_ROLES})\b", value)
                    # "(account lead)", "(ops director)", "(creative)": a role in lower case
                    or (value.islower() and re.search(rf"\b(?i:{_ROLES}|creative)\Z", value))
                ):
                    value = ""  # "(CTO)": a role, no organization
                if g.get("paren") and _KIN_OF.match(value):
                    value = ""  # "(Tobi's mum)": whose relation, not where she works
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
                    then_from = _ORG_AFTER_NAME.match(t, pos, hi) if g.get("paren") else None
                    if then_from and then_from.group("from"):  # "Wang Jianguo (王建国) from Huawei"
                        self.orgs.setdefault(name, self.org_phrase(then_from.group("from")))
                        more = _MORE_AFTER_ORG.search(
                            t, then_from.start("from"), then_from.end() + 1
                        ) or _MORE_AFTER_ORG.match(t, then_from.end(), hi)
                        if more is None:
                            break
                        pos, group_start = more.end(), len(found)
                        continue
                else:
                    at = org.start("from") if g.get("from") else org.end()
                    more = _MORE_AFTER_ORG.search(t, at, org.end() + 1) or _MORE_AFTER_ORG.match(
                        t, org.end(), hi
                    )  # "Marc-André Gagnon from Treasury Board, and Olivia Chen"
                    if more is None and typed_lower:
                        more = _LOWER_MORE_AFTER_ORG.match(t, org.end(), hi)
                    if more is None:
                        break
                    # "Joanna Pike from Ofcom and Esther Mensah from DCMS": a new group
                    pos, group_start = more.end(), len(found)
                    continue
            if org is None:
                pos = self._apposition(name, raw, pos, hi, typed_lower)
            if org is None and not re.match(r"[ \t]*(?:,|and\b|&)", t[pos:hi]):
                late = _LATE_FROM_RE.match(t, pos, hi)  # "ana r from Globex", "Ana (CTO) from X"
                if late:
                    value = self.org_phrase(late.group("org"))
                    for person in found[group_start:]:
                        if value:
                            self.orgs.setdefault(person, value)
            group = _NEXT_GROUP.match(t, pos, hi)
            if group:  # "Gareth Pryce and Nadia Hussain; from Stagecoach, Ms Olwen Jeffreys"
                owner_org, group_start = self.org_phrase(group.group("org")), len(found)
                pos = group.end()
                continue
            sep = re.compile(  # "…, and to Lerato Dlamini": a list of people talked to
                r"[ \t]*(?:[,;][ \t]*(?:(?:and|plus)[ \t]+|\+[ \t]*)?"
                r"|[ \t]+(?:and|&|\+|plus)[ \t]+|&"
                # the writer's own "and": "… (Desjardins) et son collègue Jean-François Côté"
                r"|[ \t]+(?-i:et|e|y|und|i)[ \t]+(?:(?-i:son|sa|suo|sua|su|sein|seine|seinem"
                r"|jego|jej)[ \t]+[\w\u00c0-\u017f\-]+[ \t]+)?(?=(?-i:[A-Z]))"
                + (r"|[ \t]+n[ \t]+" if typed_lower else "")
                + r")[ \t]*"
                r"(?:(?:to|with)[ \t]+(?=(?-i:[A-Z])))?",
                re.I,
            ).match(t, pos, hi)
            if sep is None or re.match(r"i\b", t[sep.end() : sep.end() + 2], re.I):
                break
            after_and = _ORG_AFTER_LAST.match(t, pos, hi) if joined_by_and else None
            if (
                after_and is not None
                and self.lookup(after_and.group("org")) is None
                and not any(is_first_name(w) for w in after_and.group("org").split())
            ):
                # "Mr. Jürgen Bauer-Lang and Mrs. Petra Vogt, Siemens Healthineers, in
                # Erlangen": after a list's last name ("and …"), where they all work
                firm = self.org_phrase(after_and.group("org"))
                for name in found[group_start:]:
                    if firm:
                        self.orgs.setdefault(name, firm)
                break
            joined_by_and = bool(re.search(r"\band\b|&|\+", sep.group(), re.I))
            word_after = re.match(r"[a-z][\w'\-]*", t[sep.end() : sep.end() + 30])
            if (
                ";" in sep.group()
                and word_after
                and word_after.group() not in _DETERMINERS
                and (not is_first_name(word_after.group()) or self.lookup(word_after.group()))
            ):  # "coffee w/ tomas novak (skoda); wants to meet …", "…; jamal wants …": a clause
                break
            if _PRONOUN_ASIDE.match(t, sep.end()):
                # "Sofia Marques, she's Unbabel's head of policy, and her colleague Rafael"
                aside = re.compile(r"[^,;.\n]*,[ \t]*(?:and[ \t]+)?").match(t, sep.end(), hi)
                if aside is None:
                    break
                pos = aside.end()
                continue
            pos = sep.end()
            described = (
                _DESCRIBED_GROUP.match(t, pos, hi)
                or _RELATION_COMMA.match(t, pos, hi)
                or _ONE_CALLED.match(t, pos, hi)  # "… and a guy called Bart Jansen"
            )
            if described is not None and (
                self._full_name_at(described.end(), hi)
                or (typed_lower and _LOWER_FULL_PAIR.match(t, described.end(), hi))
            ):  # "jonas weber (coach) + two new rowers, ella king and sam o'neill"
                pos = described.end()
        return found

    def _shared_surname(self, raw: str, end: int, hi: int) -> str:
        """ "Raj and Sunita Kapoor", "Tom & Ana Berg": a couple named once, the family name
        written after the second first name only; a known contact keeps their own name."""
        if " " in raw or not _is_cap(raw) or self.lookup(raw) is not None:
            return raw
        pair = _COUPLE_AFTER.match(self.text, end, hi)
        couple = _COUPLE_BEFORE.search(self.text, max(0, end - len(raw) - 40), end - len(raw))
        # "her in-laws, Hemi and Mere Walker": a couple, though the table knows neither
        if pair is None or not (couple or is_first_name(raw)):
            return raw
        if _TITLES.fullmatch(pair.group("first") + " "):
            return raw  # "Auntie Pauline and Uncle Delroy": a title, then a first name
        last = re.sub(r"['\u2019]s\Z", "", pair.group("last"))  # "Ravi & Deepa Sharma's party"
        return f"{raw} {last}"

    @staticmethod
    def _org_title(phrase: str) -> bool:
        """Whether a role phrase is a title a company gives ("CTO", "head of design"),
        which makes its possessor a company, not a person ("Ken's business partner")."""
        return any(w.casefold() in _ORG_TITLES for w in re.findall(r"[\w-]+", phrase))

    def _apposition(self, name: str, raw: str, pos: int, hi: int, typed_lower: bool) -> int:
        """After a name: skip a role in apposition ("Anil Deshpande, Joint Secretary,",
        "tom hughes, retired pilot,") and take an organization so placed ("Gabriel Silva,
        Petrobras, at ...", "dana kim, figma."). Returns where the list goes on."""
        t = self.text
        while True:
            bare = _BARE_ROLE.match(t, pos, hi)
            if bare is not None and bare.group("role").casefold() in _ROLE_WORDS:
                # "Mr. Kwabena Asante the PTA chairman and Madam Efua Mensah the bursar"
                pos = bare.end()
                continue
            m = _APPOSITION_ITEM.match(t, pos, hi)
            if m is None:
                return pos
            words = m.group("ph").split()
            owned = _ORG_POSSESSIVE.fullmatch(m.group("ph"))
            if (
                owned
                and self.lookup(owned.group("org")) is None
                and self._org_title(owned.group("title"))
            ):  # "Lars Eriksen, Klarna's head of design"
                self.orgs.setdefault(name, self.org_phrase(owned.group("org")))
                pos = m.end()
                continue
            described = (words[0].casefold() in ("a", "an") or words[0].islower()) and (
                _LOWER_THEN_PLACE.fullmatch(m.group("ph")) is not None
            )  # "Grace Achieng, chairlady of the women's group, and Mr. Otieno Odhiambo"
            if (
                words[0].casefold() == "the"
                and re.fullmatch(
                    rf"the\s+(?:[a-z][\w\-]*(?:{_A}s)?\s+){{0,3}}[a-z][\w\-]*", m.group("ph")
                )
                and _APPOSITION_ITEM.match(t, m.end(), hi)
            ):  # "Beatriz Costa-Pereira, the bride's aunt, an architect in Porto, and her
                # husband João": one description after another
                pos = m.end()
                continue
            if described and (
                _AND_NEXT_NAME.match(t, m.end(), hi) or re.match(r"[ \t]*;", t[m.end() : hi])
            ):  # "Olusegun Bakare, a wedding photographer, and Yuki Sato", "Luca Romano, an
                # architect from Turin, and his wife Giulia Bianchi": a description
                pos = m.end()
                continue
            if words[-1].casefold() in _ROLE_WORDS and not _NAMES_GO_ON.match(m.group("ph")):
                pos = m.end()  # a role, not another person (but "Tim Vos and Eva Lund
                continue  # about the pilot" goes on with the list: "pilot" is no role there)
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

    def _sentence_subjects(self, s: int, e: int, index: int) -> None:
        """ "X and I ...", "X reminded me ...", a list of full names opening a sentence."""
        t = self.text
        start = s
        m = re.compile(r"[ \t]*(?:[-*\u2022\u00b7>]+[ \t]*)?").match(t, s, e)
        if m:
            start = m.end()
        pair = _LOWER_AND_I.match(t, start, e)
        if (
            pair
            and pair.group(1) not in _NOT_NAME
            and pair.group(1) not in _COMMON_NOUNS
            and t[s:e].islower()
        ):
            self.add_person(pair.group(1), pair.start(1), index)  # "jonas and i did a long run"
            return
        if not self.people and s == 0:  # "lina haas from adyen at ...": a lower-case opener
            low = re.match(  # "ana de los santos (rappi) — wants …": particles inside
                r"([a-z][\w'\-]+(?:\s+(?:de|la|los|las|del|da|das|do|dos|van|von|der|den|di|du"
                r"|le|ter|ten|bin|binti|al|el))*\s+[a-z][\w'\-]+)(?=\s+(?:from|-)\s|\s*\()",
                t[s:e],
            )
            span = _scan_name(t, s, e, lower_ok=True)
            role = _LOWER_ROLE_LEAD.match(t, s, e)
            if span and role and role.group(1) in RELATIONS | _ROLE_WORDS:
                span = (role.end(), span[1])  # "coordinator luis fonseca asked me": Luis
            while low is None and span and " " in t[span[0] : span[1]]:
                if _PRESENT_VERB.match(t, span[1], e):  # "marisol de los santos came by"
                    self.add_person(t[span[0] : span[1]], span[0], index)
                    return
                span = (span[0], t.rindex(" ", span[0], span[1]))
            if (
                low
                and not any(w in _NOT_NAME for w in low.group().split())
                and not (
                    _PAST_VERB.fullmatch(low.group().split()[0])
                    and not is_first_name(low.group())  # "ahmed ali from …"
                )
            ):  # not "bought cheese from pieter …"
                self.name_list(s, e, index, lower_ok=True)
                return
        titled = _LOWER_TITLED_HEAD.match(t, start, e)
        if titled and is_first_name(titled.group("first")):
            # "brother yusuf ali runs it", "sister khadija osman gonna send me …"
            self.add_person(titled.group("name"), titled.start("name"), index)
            return
        trade = _LOWER_TRADE_HEAD.match(t, start, e)
        if trade and is_first_name(trade.group("name")) and trade.group("name") not in _NOT_NAME:
            # "agent rhys reckons the vendors might take 410", "landlord omar says …"
            self.add_person(tidy_name(trade.group("name")), trade.start("name"), index)
            return
        bracketed = _LOWER_NAME_BRACKET.match(t, start, e)
        if bracketed and is_first_name(bracketed.group(1)):
            # "sinead o'hara (ericsson) will send …", "kostas papadopoulos (groom's brother)
            # is a yacht broker, he'll send me …": typed in lower case, then a bracket
            self.name_list(start, e, index, lower_ok=True)
            return
        pair = _LOWER_FULL_PAIR.match(t, start, e)
        if pair and is_first_name(pair.group(1)) and is_first_name(pair.group(2)):
            self.name_list(start, e, index, lower_ok=True)  # "anja kraus + felix bauer from …"
            return
        where = _WHERE_LEAD.match(t, start, e)
        if where is not None:  # "At the school gate today Mrs. Lakshmi Rao told me …"
            span = _scan_name(t, where.end(), e, lower_ok=False)
            title = t[where.end() : span[0]] if span else ""
            appos = _APPOSED_AFTER.match(t, span[1], e) if span else None
            if (
                span
                and (not title.strip() or _TITLES.fullmatch(title))
                and _PRESENT_VERB.match(t, appos.end() if appos else span[1], e)
            ):
                self.name_list(span[0], e, index, lower_ok=False)
                return
        then = _THEN_LEAD.match(t, start, e)  # "Later a young chef, Omar Ali, came over"
        if then is not None and _skip_descriptor(t, then.end(), e)[0] != then.end():
            start = then.end()
        elif then is not None:  # "Also Rekha aunty reminded me about …"
            span = _scan_name(t, then.end(), e, lower_ok=False)
            if span and span[0] == then.end() and _PRESENT_VERB.match(t, span[1], e):
                self.name_list(span[0], e, index, lower_ok=False)
                return
        described, _apposed = _skip_descriptor(t, start, e)
        if described != start and t[start:described].split()[0].casefold() in _DETERMINERS:
            start = described  # "Her colleague Sipho Dlamini joined ..."
        owned = _OWNER_LEAD.match(t, start, e)
        if owned:  # "Ken's business partner, Ines Duarte, sat next to me" (but not "Priya's
            span = _scan_name(t, owned.end(), e, lower_ok=False)  # boss, Martin, plays golf")
            if span and _PRESENT_VERB.match(t, span[1], e):
                start = owned.end()
        span = _scan_name(t, start, e, lower_ok=False)
        if span is None:
            return
        if _MEET_RE.match(t, span[0]):  # "Interviewed Dev Patel (senior backend)": a verb
            return
        rest = t[span[1] : e]
        raw = t[span[0] : span[1]]
        if raw.casefold() in _ALSO_A_WORD:
            return  # "Guy from the wholesaler came round"
        if _ABSENT.search(re.split(r"[;\u2014]", rest)[0]):
            but = re.compile(r",?\s+but\s+").search(t, span[1], e)
            if but is not None:  # "Ken (the gallerist) didn't come, but Ken's business
                self._sentence_subjects(but.end(), e, index)  # partner, Ines, spent …"
            return  # "Chief Kamau from the county office wasn't there"
        if _PRESENT_VERB.match(rest):  # "Ms. Adeyemi (Year 4) asked if I could ..."
            self.name_list(span[0], e, index, lower_ok=False)
            return
        # a list goes on with another name ("Ola Berg, Tim Vos and ..."), not a verb ("Her
        # manager, Declan Fitzpatrick, wants to meet me": mentioned, not met)
        many = (
            re.match(
                r"\s*,(?!\s*(?-i:[a-z]+ed\b|[a-z]+s\s|would|will|is|was|had)\b)"
                r"(?!\s*(?-i:day|week|part|session|round)\s+\d)",  # "Mobile World Congress, day 3"
                rest,
            )
            or re.match(r"\s+(?:and\b|&\s)", rest)
        ) is not None
        acts = _SUBJECT_ACTS.match(rest) is not None
        org_follows = _ORG_AFTER_NAME.match(rest) is not None
        if (
            (" " in raw or self._shared_surname(raw, span[1], e) != raw)
            and (
                many
                or org_follows
                or (
                    re.match(r"\s+(?:and\s+i|&\s+i|reminded\s+me|introduced|intro)", rest, re.I)
                    and not _LONG_AGO.search(rest)  # "Yumi Sato introduced him to me last
                )  # month": an introduction of another day, not someone met today
            )
        ) or (
            (acts and re.match(r"\s+(?:and\s+i|&\s+i|reminded\s+me)\b", rest, re.I))
            or (not self.people and index == 0 and re.match(r"[ \t]*(?:\(|from\b|-)", rest, re.I))
        ):
            self.name_list(span[0], e, index, lower_ok=False)

    def _who(self, raw: str, pos: int, sentence: int, exclude: str | None = None) -> str | None:
        """A name or an object pronoun, as a person of the note."""
        if raw.casefold() in ("him", "her", "them"):
            return self.pronoun(
                raw, pos, exclude=frozenset([exclude.casefold()]) if exclude else frozenset()
            )
        return self.lookup(raw) or tidy_name(raw)
