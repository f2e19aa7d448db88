"""Lists of people typed in lower case on a phone at a gathering: "met his daughters ngozi +
adaeze and his brother chief emeka okonkwo", "new ppl: sven (knows tobi from work), his gf
alex & a guy called ezra who sets routes there", "his wife kate, his physio ifeoma + dom's
business partner rav were all there".

Without capitals a name looks like any other word, so each item of such a list must be
shaped like one: a relation or role before it ("his wife kate", "beto's gf priya nair", "a
new guy, kenji"), a full name in brackets after a relation ("zara's mum (chloe bennett)"),
or a first name the name table knows ("jules", "sam"). The list ends at the first item that
is none of these, so the words after a list ("… who flew in from enugu") stay words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain.capture.first_names import is_first_name
from desktop.domain.capture.lexicon import _NOT_NAME, _PARTICLES, _ROLE_WORDS, _words
from desktop.domain.capture.names import _VERB_WORD, _VERBISH, tidy_name

# who someone is to someone else, typed in lower case ("gf", "missus", "club sec")
RELATIONS = frozenset(
    _words(
        "wife husband partner gf bf girlfriend boyfriend missus hubby fiance fiancee fiancé "
        "fiancée son sons daughter daughters brother brothers sister sisters mum mom dad "
        "mother father cousin cousins uncle aunt auntie aunty nonna nonno grandma grandpa "
        "nan gran granny niece nephew kid kids friend friends mate mates colleague "
        "colleagues coworker coworkers boss manager assistant physio nurse doctor neighbour "
        "neighbor neighbours flatmate roommate housemate lodger landlord landlady coach "
        "captain sec secretary treasurer chair organiser organizer teacher tutor vet host "
        "hosts guy girl woman man lady bloke chap fella dude in-laws inlaws twins regulars "
        "member members mums moms dads parents vicar priest imam rabbi pastor chaplain "
        "matron midwife surgeon consultant dentist student intern grandson granddaughter "
        "grandad granddad stepdad stepmum widow widower godmother godfather groom bride "
        "postdoc postdocs supervisor advisor adviser mentee hire recruit volunteer classmate "
        "sister-in-law brother-in-law mother-in-law father-in-law daughter-in-law son-in-law "
        "co-lead colead deputy teammate teammates counterpart agronomist coordinator "
        "facilitator moderator trainer instructor dir skip "
        "receptionist caretaker principal headteacher "
    )
)
_LIST_SEP = re.compile(
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+|&[ \t]*|\+[ \t]*)?|[ \t]+and[ \t]+|[ \t]*[&+][ \t]*"
    r"|(?<!\bw)/(?=[a-z\u00df-\u00ff]))"  # "ines/ravi/kemal" (not "w/ ravi")
)
_WORD = re.compile(  # a word typed in lower case, accents included ("araújo", "zieliński")
    r"[a-z\u00df-\u00ff\u0101-\u017f][a-z\u00df-\u00ff\u0101-\u017f\-]*"
    r"(?:['\u2019](?!s\b)[a-z\u00df-\u00ff]+)*(?:[ \t]+|(?=[,.;:!?()+&/\n]|\Z))"
)
_BRACKET = re.compile(r"[ \t]*\((?P<inside>[^()\n]{1,40})\)")
_CALLED = re.compile(r"(?:called|named)[ \t]+")
_TRIGGER = re.compile(
    r"(?:^|(?<=[\s(]))(?<!to )(?<!ll )(?<!will )(?<!gonna )(?<!wanna )(?<!should )"
    r"(?<!must )(?<!could )(?<!would )(?<!touch )"
    r"(?:met|saw|meet|visiting|visited|hosted[ \t]+by|ran[ \t]+into"
    r"|(?:(?<=chat\s)|(?<=coffee\s)|(?<=lunch\s)|(?<=dinner\s)|(?<=drinks\s)|(?<=mtg\s)"
    r"|(?<=meeting\s)|(?<=sesh\s)|(?<=call\s)|(?<=walk\s)|(?<=beers\s)|(?<=pints\s)"
    r"|(?<=work\s)|(?<=club\s)|(?<=breakout\s)|(?<=session\s)|(?<=workshop\s))with|w/"
    r"|(?:lead|host|organi[sz]er|coordinator|coach|captain)[ \t]+was"
    r"|bumped[ \t]+into|caught[ \t]+up[ \t]+w(?:ith|/)?"
    r"|chatted[ \t]+(?:to|w(?:ith|/)?)|talked[ \t]+to|sat[ \t]+(?:with|w/|next[ \t]+to)"
    r"|new[ \t]+(?:ppl|people|faces)[ \t]*:|regulars(?:[ \t]+today)?[ \t]*:|crew[ \t]*:"
    r"|there[ \t]*:"
    r"|brought[ \t]+(?:along[ \t]+)?(?=(?:her|his|their)[ \t])"
    r"|(?<=us)\.|(?:my|our)[ \t]+(?:[a-z]+[ \t]+)?(?:group|table|team|crew|pod|breakout)"
    r"[ \t]+(?:was|were)[ \t]*:?|introduced[ \t]+(?=[a-z]+[ \t]+to[ \t]))"
    r"[ \t]*(?:(?:finally|also|properly)[ \t]+)?",
    re.M,
)
_WHO_THEN_KIN = re.compile(  # "met gwen davies who organises it and her son rhys"
    r"[ \t]+who[ \t]+[^,.;:\n]{1,40}?[ \t]+and[ \t]+(?=(?:his|her|their)[ \t])"
)
_TITLE_CASE_WORD = re.compile(r"(?<![\w'\u2019-])(?!I\b)[A-Z][a-z\u00df-\u00ff]")
_TITLE = re.compile(
    r"(?:chief|dr|prof|mr|mrs|ms|coach|pastor|father|sister|brother|rev|revd|eng|engr)\.?[ \t]+"
    # Vietnamese "chị linh", "chú hùng" (not "anh": a given name too, "anh nguyen")
    r"|(?:ch\u1ecb|c\u00f4|ch\u00fa|b\u00e1c)[ \t]+"
)
_DESCRIBED = [
    re.compile(
        # "the groom's famous nonna", "our neighbour's brother"
        r"(?:(?:the|our|my|his|her|their)[ \t]+(?=[a-z]+['\u2019]s[ \t]))?"
        r"(?:(?:his|her|their|my|our|the|a|an|another|[a-z]+['\u2019]?s|\d+|two|three|four)[ \t]+)?"
        r"(?:[a-z]+s['\u2019][ \t]+)?"  # "the twins' mum"
        r"(?:\d+[ \t]+)?"  # "her 2 AEs"
        # "the new captain", "my lab partner", "the music teacher", "his phd student"
        rf"(?:(?!(?:and|or|from|at|with|who|to)\b)[a-z][a-z\-]*[ \t]+){{{words}}}"
        r"(?:(?P<noun>[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff\-]*)|(?P<acronym>[A-Z]{2,4}s))"
        # "their consultant from accenture, marc-antoine leroy", "their friend from uni chidi …"
        r"(?:[ \t]+from[ \t]+[a-z][\w&.\-]*(?:[ \t]+[a-z0-9][\w&.\-]*)?[ \t]*,"
        r"|[ \t]+from[ \t]+(?:uni|school|work|college|church|home|university)(?=[ \t]+[a-z]))?"
        r"[ \t]*,?[ \t]+"
    )
    for words in range(3)
]
_CHINESE_SURNAMES = frozenset(
    _words(
        "zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo "
        "zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang "
        "yu du ye cheng wei su lu ding shen"
    )
)
_ADVERB = re.compile(
    r"always|never|also|just|still|often|usually|really|then|now|too|again|sometimes|even"
)
_DEGREES = frozenset(_words("phd mba msc bsc ba ma md dphil postdoc student bio chem"))
_TRADE = re.compile(
    r"designer|developer|engineer|lawyer|accountant|architect|analyst|researcher|scientist"
    r"|photographer|writer|editor|producer|programmer|consultant|founder|investor|recruiter"
)
_TRADE_ASIDE = re.compile(r"([a-z]+)[ \t]*,[ \t]*(?:and[ \t]+)?")
_BRACKETS = re.compile(r"\([^()\n]*\)")
_DASH_IN = re.compile(r"[ \t]+[\u2014\u2013-]+[ \t]")
_LABEL_NAME = re.compile(
    r"([a-z\u00df-\u017f][\w'\-]+)[ \t]+([a-z\u00df-\u017f][\w'\-]+)"
    r"(?=[ \t]*(?:\([^()\n]*\))?[ \t]*\Z)"
)
_LABEL_TAIL = re.compile(  # what may follow the names of a label line: "(ibm)", ", organiser"
    r"[ \t]*(?:\([^()\n]*\)|,[ \t]*(?P<what>[a-z]+)(?:[ \t]+[a-z@.&]+){0,3})?[ \t]*"
)
_QUOTED_NICK = re.compile(r"[\"\u201c][^\"\u201d\n]{1,15}[\"\u201d][ \t]+")
_HEADED_LINE = re.compile(  # a line of a list under a heading: "- anya petrova — …"
    r"(?:^|\n)[ \t]*[-*\u2022][^\n]*\Z"
)
_COLON = re.compile(r":[ \t]*")
_GROUP_LABEL = re.compile(r"[a-z][\w\-]*(?:[ \t]+[a-z][\w\-]*)?[ \t]*:[ \t]*")
_GROUP_NOUN = re.compile(
    r"(?:the|my|our)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,3}?(?:girls|guys|lot|gang|crew|lads|ladies"
    r"|mums|moms|dads|folks|squad|peeps|ppl)[ \t]*:?[ \t]*"
)
_PRONOUN_FIRST = re.compile(r"(?:her|him|them)[ \t]*(?:\+|&|and\b)[ \t]*")
_OF_US = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight)[ \t]+of[ \t]+us\W*\Z")
_WERE_THERE = re.compile(r"[ \t]+(?:were|was)[ \t]+(?:all[ \t]+|also[ \t]+|both[ \t]+)?there\b")
# names a list item never is (words that can follow a list of people typed in lower case)
_STOP = frozenset(
    [
        "who",
        "which",
        "that",
        "with",
        "from",
        "at",
        "in",
        "on",
        "for",
        "to",
        "of",
        "by",
        "about",
        "after",
        "before",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "there",
        "here",
        "again",
        "too",
        "also",
        "all",
        "both",
        "just",
    ]
)


@dataclass(frozen=True)
class ListedName:
    """A name read from a lower-case list, with where it starts in the note."""

    name: str
    start: int
    nick: str = ""  # "fen" of "fenella "fen" blackwood", by which the note may name her


def lower_case_list(text: str, pos: int, end: int) -> list[ListedName]:
    """The people of a lower-case list starting at ``pos`` (before ``end``)."""
    found: list[ListedName] = []
    pronoun = _PRONOUN_FIRST.match(text, pos, end)
    if pronoun is not None:  # "talked w/ her + vikram shah": her, already named, then him
        pos = pronoun.end()
    while pos < end:
        item = (
            _item(text, pos, end)
            or _unknown_first(text, pos, end)
            or (_unknown_full(text, pos, end) if found else None)
        )
        if item is None:
            break
        name, item_end = item
        found.append(name)
        sep = _LIST_SEP.match(text, item_end, end) or _WHO_THEN_KIN.match(text, item_end, end)
        if sep is None or sep.end() == item_end:
            break
        pos = sep.end()
        aside = _TRADE_ASIDE.match(text, pos, end)
        if aside and (aside.group(1) in _ROLE_WORDS or _TRADE.fullmatch(aside.group(1))):
            pos = aside.end()  # "nkechi eze, designer, her brother chuka eze"
    return found


def lower_lists(text: str, sentences: list[tuple[int, int]]) -> list[tuple[ListedName, int]]:
    """Every lower-case list of people in the note, each name with its sentence index."""
    out: list[tuple[ListedName, int]] = []
    for index, (s, e) in enumerate(sentences):
        if _TITLE_CASE_WORD.search(_BRACKETS.sub(" ", text[s:e])):
            continue  # written with capitals: the other rules read it (not "MSc", "UX", "I",
            # nor "(AnitaB.org)" in brackets)
        head = re.compile(r"[ \t]*(?:[-*\u2022][ \t]*)?").match(text, s, e)
        labelled = _label_line(text, s, e, head.end() if head else s)
        if labelled:  # "tyler wong + his intern priscilla oduya — tyler will walk me thru …"
            out.extend((n, index) for n in labelled)
            continue
        starts = [m.end() for m in _TRIGGER.finditer(text, s, e)]
        starts += (
            [  # "met the postgres folks at fosdem on sat: magnus hagström + …"
                colon.end() for colon in _COLON.finditer(text, starts[0], e)
            ]
            if starts
            else []
        )
        starts += [  # "standup w/ design: ines, ravi, olga": a group named, then its people
            label.end() for at in starts if (label := _GROUP_LABEL.match(text, at, e))
        ]
        starts += [  # "brunch w/ the book club girls hana, rosa + ife": the group, then who
            group.end() for at in starts if (group := _GROUP_NOUN.match(text, at, e))
        ]
        if index and _OF_US.search(text, *sentences[index - 1]):
            starts.append(s)  # "supper club - 5 of us. ana, her cousin beto, …"
        if head is not None and _WERE_THERE.search(text, s, e):
            starts.append(head.end())  # "his wife kate, … rav were all there"
        for at in starts:
            names = lower_case_list(text, at, e)
            if len(names) >= 2 or (names and _WERE_THERE.search(text, s, e)):
                out.extend((n, index) for n in names)
            elif len(names) == 1 and _single_ok(text, names[0], e):
                out.append((names[0], index))
    return out


def name_at(text: str, pos: int, end: int) -> tuple[ListedName, int] | None:
    """The one person named at ``pos``, typed in lower case, a role or relation before
    the name allowed ("coordinator luis fonseca", "her neighbour william "bill" chen"), and
    where the words after the name start."""
    return _item(text, pos, end)


def _label_line(text: str, s: int, e: int, at: int) -> list[ListedName]:
    """The people of a line that only names them, before a dash that goes on with what
    they said or promised ("ana-maría lópez — send her my feedback forms", "her co-lead,
    björn sigurðsson — owes me …"); empty when the line says anything else."""
    line_start = s == 0 or text[text.rfind("\n", 0, s) + 1 : s].strip() == ""
    dash = _DASH_IN.search(text, at, e)
    above = text[: text.rfind("\n", 0, s) + 1].rstrip()
    under_heading = above.endswith(":") or bool(_HEADED_LINE.search(above))
    if not line_start or (dash is None and not under_heading):
        return []  # "talked w/ 5 ppl:" then "- her coworker felix baumann, also bosch"
    end = dash.start() if dash else e
    names = lower_case_list(text, at, end)
    if not names:
        whole = _LABEL_NAME.match(text, at, end)
        first = whole.group(1).split("-")[0] if whole else ""
        if whole and is_first_name(first) and whole.group(2) not in _NOT_NAME:
            names = [ListedName(tidy_name(whole.group()), at)]  # "ana-maría lópez — …"
    if not names or not is_first_name(names[0].name.split()[0].split("-")[0].casefold()):
        return []
    last = names[-1]
    tail = _LABEL_TAIL.fullmatch(text, last.start + len(last.name), end)
    what = tail.group("what") if tail else None
    ok = tail is not None and (
        what is None or what in ("also", "both") or what in RELATIONS or what in _ROLE_WORDS
    )
    return names if ok else []


def _unknown_first(text: str, pos: int, end: int) -> tuple[ListedName, int] | None:
    """A first name the table does not know ("bernie") when a list goes on after it with
    an item that is plainly a person ("bernie + his wife gloria")."""
    m = _WORD.match(text, pos, end)
    if m is None:
        return None
    word = m.group().strip()
    if word in _NOT_NAME or word in _STOP or word in RELATIONS or len(word) < 3:
        return None
    if word in _ROLE_WORDS or _TRADE.fullmatch(word):
        return None  # "nkechi eze, designer, her brother chuka": what she does, no one
    after = m.start() + len(word)
    tail = _BRACKET.match(text, after, end)
    if tail:
        after = tail.end()
    sep = _LIST_SEP.match(text, after, end)
    if sep is None or sep.end() == after:
        return None
    nxt = _item(text, sep.end(), end)
    if nxt is None or not _descriptor(text, sep.end(), end)[1]:
        return None
    return ListedName(tidy_name(word), m.start()), after


def _unknown_full(text: str, pos: int, end: int) -> tuple[ListedName, int] | None:
    """ "… kofi mensah and luca ferri.": a first and a family name the table does not know,
    ending the list, after other people in it."""
    m = re.compile(  # "… and wen jie tan.": up to three words
        r"(?P<name>[a-z\u00df-\u017f][\w'\-]+[ \t]+[a-z\u00df-\u017f][\w'\-]+"
        r"(?:[ \t]+[a-z\u00df-\u017f][\w'\-]+)?)"
        r"(?=[ \t]*(?:[.;!?\n]|\(|,|\Z))"
    ).match(text, pos, end)
    if m is None:
        return None
    words = m.group("name").split()
    if any(w in _NOT_NAME or w in _STOP or w in RELATIONS or _VERBISH.fullmatch(w) for w in words):
        return None
    if any(w in _ROLE_WORDS or _TRADE.fullmatch(w) or w in _DEGREES for w in words):
        return None  # "his gf nadia, marine bio phd, …": what she does, no one
    if any(re.search(r"['\u2019](?:ll|d|re|ve|t|m)\Z", w) for w in words):
        return None  # "…, she'll bake", "raj iyer wasn't": a clause, no name
    if len(words) == 3 and not (len(words[1]) <= 4 and len(words[2]) <= 5):
        return None  # three words only as "wen jie tan", not "fiona always …"
    if words[-1] in _ROLE_WORDS or words[0] in _DESCRIBING:
        return None  # "tom hughes, retired pilot, …": what he is, not another person
    after = m.end()
    tail = _BRACKET.match(text, after, end)
    return ListedName(tidy_name(m.group("name")), m.start()), tail.end() if tail else after


def _single_ok(text: str, name: ListedName, end: int) -> bool:
    """One name alone after "met"/"saw" is someone only when the table knows it or a
    relation came before it ("met the new captain tane walker")."""
    return is_first_name(name.name.split()[0].casefold()) or " " in name.name


def _item(text: str, pos: int, end: int) -> tuple[ListedName, int] | None:
    """One item of the list at ``pos``: an optional relation or role, then the name."""
    nick = LOWER_NICK_THEN_FULL.match(text, pos, end)
    if nick and is_first_name(nick.group("full")):  # "big mike (michael o'brien)"
        return ListedName(tidy_name(nick.group("full")), nick.start("full")), nick.end()
    at, described = _descriptor(text, pos, end)
    bracket = _BRACKET.match(text, at, end) if described else None
    if bracket:  # "zara's mum (chloe bennett)": the relation's name in brackets
        inside = bracket.group("inside").strip()
        parts = inside.split()
        if 1 <= len(parts) <= 3 and all(re.fullmatch(r"[a-z][a-z'\-]*", w) for w in parts):
            return ListedName(tidy_name(inside), bracket.start("inside")), bracket.end()
        return None
    words: list[tuple[int, int]] = []
    cursor = at
    nickname = ""
    while len([w for w in words if text[w[0] : w[1]] not in _PARTICLES]) < 3:
        nick = _QUOTED_NICK.match(text, cursor, end) if words else None
        if nick:  # "fenella "fen" blackwood": the nickname is no part of the name
            cursor, nickname = nick.end(), nick.group().strip(' \t"\u201c\u201d')
            continue
        m = _WORD.match(text, cursor, end)
        if m is None:
            break
        word = m.group().strip()
        if words and word in _PARTICLES:  # "ana de la cruz"
            words.append((m.start(), m.start() + len(word)))
            cursor = m.end()
            continue
        if word in _NOT_NAME or word in _STOP or word in RELATIONS:
            break
        if not words and _VERB_WORD.fullmatch(word):
            break  # "robert kowalczyk, my cousin's fiancé, works at boeing": no one
        if len(words) >= 2 and re.fullmatch(r"[a-z]{3,}ed", word) and word not in _PARTICLES:
            break  # "arjun bhatt reminded me": a third word in "-ed" is what he did
        if words and (_ADVERB.fullmatch(word) or re.search(r"['\u2019]\w{1,2}\Z", word)):
            break  # "fiona always says …", "raj iyer wasn't there": no family name
        chinese = len(words) == 1 and text[words[0][0] : words[0][1]] in _CHINESE_SURNAMES
        if words and (
            not _SURNAME.fullmatch(word) or (_VERBISH.fullmatch(word) and not chinese)
        ):  # but "zhang yiming", "li jing": a given name in "-ing" after a family name
            break  # "sam wants …", "chloe + sam want to …": a verb, no family name
        words.append((m.start(), m.start() + len(word)))
        cursor = m.end()
    while words and text[words[-1][0] : words[-1][1]] in _PARTICLES:
        words.pop()  # "… de" at the end is no part of the name
    if not words:
        return None
    first = text[words[0][0] : words[0][1]]
    if not described and not is_first_name(first):
        return None
    raw = " ".join(text[a:b] for a, b in words)
    after = words[-1][1]
    tail = _BRACKET.match(text, after, end)  # "sven (knows tobi from work)": an aside
    if tail:
        after = tail.end()
    origin = _FROM_ORG.match(text, after, end)  # "joão pereira from feedzai, his cofounder …"
    if origin:
        after = origin.end()
    return ListedName(tidy_name(raw), words[0][0], nickname), after


def _descriptor(text: str, pos: int, end: int) -> tuple[int, bool]:
    """Past "his wife ", "beto's gf ", "the new captain ", "a guy called ", "club sec ",
    "the music teacher ms. ", "her 2 AEs, ", "their consultant from accenture, ", "dr. "."""
    title = _TITLE.match(text, pos, end)
    if title and _WORD.match(text, title.end(), end):
        return title.end(), True  # "w/ dr. li wei (tsinghua)": a title alone
    for described in _DESCRIBED:  # the fewest words before the noun that make one
        m = described.match(text, pos, end)
        if m is not None and (
            m.group("acronym") or m.group("noun") in RELATIONS or m.group("noun") in _ROLE_WORDS
        ):
            break
    else:
        return pos, False
    at = m.end()
    relative = re.compile(r"who[ \t]+[^,.;\n]{1,40},[ \t]*").match(text, at, end)
    if relative:  # "the guy who runs the place, hamid"
        at = relative.end()
    called = _CALLED.match(text, at, end)
    if called:
        at = called.end()
    title = _TITLE.match(text, at, end)
    if title and _WORD.match(text, title.end(), end):
        at = title.end()
    return at, True


_FROM_ORG = re.compile(
    r"[ \t]+(?:from|at|@|of)[ \t]+[a-z0-9][\w.&'\-]*(?:[ \t]+[a-z0-9][\w.&'\-]*)?"
    r"(?=[ \t]*(?:,|\+|&|\band\b|[.;]|\Z))"
)
LOWER_NICK_THEN_FULL = re.compile(
    r"(?:(?:big|little|wee|young|old)[ \t]+)?[a-z][a-z'\-]*"
    r"(?:[ \t]+(?:ji|madam|sir|san|bhai|didi|sahib))?[ \t]*"  # "sharma ji (rakesh sharma, …)"
    # (accents too: "nacho (ignacio fernández)")
    r"\((?P<full>[a-z\u00df-\u017f][a-z\u00df-\u017f'\-]+"
    r"(?:[ \t]+[a-z\u00df-\u017f][a-z\u00df-\u017f'\-]+){1,2})(?:,[^()\n]{1,40})?\)"
)
_DESCRIBING = frozenset(_words("retired former new old young lovely great nice good super"))
_SURNAME = re.compile(r"[a-z\u00df-\u017f][a-z\u00df-\u017f'\u2019\-]{1,}")
