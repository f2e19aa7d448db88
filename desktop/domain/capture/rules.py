"""Per-language phrase tables: the parser's algorithm reads only these."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from desktop.domain.capture.due_dates import DueRule, alternation, english_due_rules
from desktop.domain.capture.text import _APOS, _LINE_BREAKS


class LanguageRules:
    """The phrasings of one language; :func:`parse_capture`'s algorithm only reads these.

    Keeping every word list and pattern here (and none in the algorithm) is what lets a
    second language arrive as one more table instead of a rewrite. Word sets hold
    case-folded words.
    """

    code: str
    dateparser_languages: tuple[str, ...]
    sentence_abbreviations: frozenset[str]
    # of those, the ones that are also words ending a sentence when typed in lower case
    # before a capitalised word: "… the parent rep. Daniela will …", "… in gen. Ana …"
    abbreviations_also_words: frozenset[str]
    # … and the ones that, typed in capitals, are an acronym ending a sentence: "… to HR. God
    # abeg" (human resources), where "Hr. Jörg Hoffmann" is Herr
    acronyms_also_words: frozenset[str]
    contraction_suffixes: frozenset[str]  # "Ben's", "She'll": the name ends before them
    particles: frozenset[str]  # "van", "de": inside a name, before a capitalised word
    titles: frozenset[str]  # "Dr": skipped before a name
    not_names: frozenset[str]  # capitalised words that are not names ("She", "Today")
    subject_pronouns: frozenset[str]
    first_person: frozenset[str]
    roles: frozenset[str]  # "CTO at Acme": the "at" names an organization
    phrase_stop_words: frozenset[str]  # end an organization or place phrase
    phrase_connectors: frozenset[str]  # "Ministry of Health", "AT & T"
    subject_skip_words: frozenset[str]  # "Ana kindly introduced me": look past "kindly"
    modal_words: frozenset[str]  # "Ana will introduce me": a plan, not done
    clause_lead_words: frozenset[str]  # "I think she'll ...": a promise may follow
    past_intro_verbs: frozenset[str]
    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    numbers: Mapping[str, int]
    me_label: re.Pattern[str]  # "Me: send slides" at the start of a sentence
    them_label: re.Pattern[str]
    me_opener: re.Pattern[str]  # "I'll", "I will" anywhere
    pronoun_opener: re.Pattern[str]  # "She'll", "They will"
    named_opener_verb: re.Pattern[str]  # "<Name> will": the part after the name
    negation: re.Pattern[str]  # "I will not ...": no promise
    clause_tail_word: re.Pattern[str]  # "and" between two promises in one sentence
    clause_boundary_before: re.Pattern[str]  # text before a clause start ends like this
    met_trigger: re.Pattern[str]
    list_separator: re.Pattern[str]
    paren_org: re.Pattern[str]
    org_lead: re.Pattern[str]  # "from Acme", "works at Acme"
    at_lead: re.Pattern[str]
    in_lead: re.Pattern[str]
    article: re.Pattern[str]
    met_region_end: re.Pattern[str]
    intro_me: re.Pattern[str]  # "introduce(d) me to"
    intro_other: re.Pattern[str]  # "introduce Ana to" (the verb part)
    intro_joiner: re.Pattern[str]  # "to" / "with" / "and" between two people
    intro_passive: re.Pattern[str]  # "was introduced to"
    intro_by: re.Pattern[str]
    intro_bare: re.Pattern[str]  # "intro to Ben"
    intro_ask: re.Pattern[str]  # "asked Ana to" right before the verb
    target_determiner: re.Pattern[str]  # "her colleague Ben"
    lowercase_word: re.Pattern[str]
    object_pronoun: re.Pattern[str]
    me_word: re.Pattern[str]  # "introduced her to me"
    due_rules: tuple[DueRule, ...]
    deadline_prefix: re.Pattern[str]  # preferred when a clause has several dates
    fallback_lead: re.Pattern[str]  # where dateparser may look
    ordinal_followers: frozenset[str]  # "by the 3rd at the latest", not "the 3rd draft"
    month_follower: re.Pattern[str]
    # whether the learned scorer of ``who_scorer`` (trained on English notes) adds the
    # people the rules passed over; another language needs a corpus of its own first
    learned_people: bool = False
    # whether the learned second opinion of ``promise_finder`` reads clauses the rules gave
    # no actor (trained on English notes too)
    learned_promises: bool = False
    # whether the learned ``tail_cutter`` cuts an aside after a promise's words ("…, said
    # fine", "…, an architect"), trained on English notes too
    learned_tails: bool = False
    # whether the learned ``promise_person`` may give a promise to another person of the
    # note than the rules chose (trained on English notes too)
    learned_person: bool = False


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string, which keeps long lists readable."""
    return frozenset(spaced.split())


def abbreviation_before(rules: LanguageRules, word: str, after: str) -> bool:
    """Whether a full stop right after ``word`` marks an abbreviation ("Dr. Ruiz", "Jan.
    5"), not a sentence's end; ``after`` is the text that follows the stop."""
    folded = word.casefold()
    if folded not in rules.sentence_abbreviations:
        return False
    if word.isupper() and len(word) > 1 and folded in rules.acronyms_also_words:
        return False  # "help push it to HR. God abeg": human resources, then a new sentence
    typed_as_word = word.islower() and folded in rules.abbreviations_also_words
    return not (typed_as_word and after.lstrip()[:1].isupper())


class EnglishRules(LanguageRules):
    """English phrasings, as typed in a hurry after a conversation."""

    code = "en"
    dateparser_languages = ("en",)
    learned_people = True
    learned_promises = True
    learned_tails = True
    learned_person = True
    sentence_abbreviations = _words(
        "dr mr mrs ms mx prof st jr sr vs etc inc ltd co corp dept mt ft approx no nr cllr "
        "capt sgt hon rt gen col lt sen rep gov engr eng atty adv rev fr dra sra srta mme lic "
        "ing arq dott hab mag bi bw hr avv ch vol pp fig smt shri sig "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
    abbreviations_also_words = _words("rep gen col sen gov adv hon rev co dept vol fig no")
    acronyms_also_words = _words("hr co ch pp st")
    contraction_suffixes = _words("s ll d re ve m t")
    particles = _words(
        "de da di do dos das del della dela delos der den du la le van von ten ter bin binti "
        "binte bint ibn al el "
        "y zu af av"
    )
    titles = _words("dr mr mrs ms mx prof professor sir dame rev fr herr frau mme")
    not_names = _words(
        "i me my we us our you your he him his she her they them their it its the a an "
        "this that these those there here some any all both each every everyone everybody "
        "everything someone somebody something nobody nothing no yes one who what which when "
        "where why how today tomorrow tonight yesterday monday tuesday wednesday thursday "
        "friday saturday sunday next last also then maybe hopefully great good nice thanks "
        "thank ok okay met lunch coffee dinner breakfast drinks call meeting note notes ps re "
        "fyi todo action follow followup follow-up would should could can must need "
        "please and but so or if after before during while later soon again still just very "
        "really"
    )
    subject_pronouns = _words("she he they")
    first_person = _words("i")
    roles = _words(
        "ceo cto cfo coo cmo cpo vp founder co-founder cofounder engineer developer designer "
        "manager director lead head researcher professor student partner investor recruiter "
        "consultant analyst scientist intern editor writer architect advisor"
    )
    phrase_stop_words = _words(
        "and or where who which that to for about because yesterday today tonight tomorrow "
        "this last next on during after before while with from in at by but so then when "
        "monday tuesday wednesday thursday friday saturday sunday i she he they we you it "
        "met"
    )
    phrase_connectors = _words("of de du des der für & for la le am im")
    subject_skip_words = _words(
        "just kindly finally also already then has had have will shall can could would might "
        "may to offered promised agreed wants want wanted going is are was were gladly "
        "happily even generously nicely personally actually eventually later should said "
        "says did"
    )
    modal_words = _words(
        "will shall can could would might may to offered promised agreed wants want wanted "
        "going should ll d"
    )
    clause_lead_words = _words(
        "and but so then also plus hopefully maybe probably think said says ps because while"
    )
    past_intro_verbs = frozenset(
        ["introduced", "intro'd", "intro\u2019d", "introd", "connected", "put"]
    )
    weekdays = {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
        "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3,
        "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
        # the misspellings people type in a hurry
        "wendesday": 2, "wensday": 2, "wednsday": 2, "wedensday": 2, "thurday": 3,
        "thrusday": 3, "tuseday": 1, "tuesay": 1, "firday": 4, "fridy": 4, "satuday": 5,
    }  # fmt: skip
    months = {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    }  # fmt: skip
    numbers = {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "a couple": 2,
        "couple of": 2, "a few": 3, "few": 3, "several": 3,
    }  # fmt: skip

    def __init__(self) -> None:
        """Compile the patterns once, on first use: ~60 ms that importing should not cost."""
        i = re.IGNORECASE
        a = _APOS
        self.me_label = re.compile(
            r"(?:[-*\u2022\u00b7>]\s*)*(?:me|todo|to-?do|to\s+do|action(?:\s+item)?|next\s+steps?)"
            r"\s*(?:[:\uff1a]|\s[-\u2013\u2014](?=\s))\s*"
            r"|(?:[-*\u2022\u00b7>]\s*)*(?:will|need\s+to|must|promised\s+to)\s+(?=(?-i:[a-z]))",
            i,
        )
        self.them_label = re.compile(r"(?:[-*\u2022\u00b7>]\s*)*(?:them|they)\s*[:\uff1a]\s*", i)
        self.me_opener = re.compile(
            rf"(?<![\w{a}\-])i(?:\s*[{a}]ll|\s+will|\s+shall|\s*[{a}]m\s+going\s+to"
            r"|\s+am\s+going\s+to|\s+(?:promised|offered|agreed|need)\s+to"
            r"|(?=\s+owe\b))(?!\w)\s*",
            i,
        )
        third = (
            rf"(?:\s*[{a}]ll|\s+will|\s+shall|\s*[{a}](?:s|re)\s+going\s+to"
            r"|\s+(?:is|are)\s+going\s+to|\s+(?:promised|offered|agreed)\s+to"
            rf"|\s+said\s+(?:she|he|they)(?:\s*[{a}]d|\s+would))(?!\w)\s*"
        )
        self.pronoun_opener = re.compile(rf"\b(?P<pro>she|he|they){third}", i)
        self.named_opener_verb = re.compile(third, i)
        self.negation = re.compile(rf"(?:not|never|n[{a}]t)\b", i)
        self.clause_tail_word = re.compile(r"\b(?:and|but|so|then|also|plus|while|whereas)\Z", i)
        self.clause_boundary_before = re.compile(
            rf"(?:[,;:\u2014\u2013(\-]|\b(?:{'|'.join(sorted(self.clause_lead_words))}))\s*\Z", i
        )
        self.met_trigger = re.compile(
            r"\b(?:met(?:\s+up)?(?:\s+with)?|ran\s+into|bumped\s+into|caught\s+up\s+with"
            r"|chatted\s+(?:with|to)|talked\s+(?:with|to)|spoke\s+(?:with|to)|got\s+to\s+know"
            r"|(?:was|got)\s+introduced\s+to"
            r"|(?:had\s+)?(?:an?\s+)?(?:lunch|coffee|dinner|drinks|breakfast|brunch|beers?|tea"
            r"|call|chat|catch[\s-]?up|video\s+call|zoom|meeting|walk)\s+with)"
            r"(?:\s*[:\uff1a]\s*|\s+)",
            i,
        )
        self.list_separator = re.compile(
            rf"(?:[^\S{_LINE_BREAKS}])*(?:,(?:[^\S{_LINE_BREAKS}])*(?:and(?:[^\S{_LINE_BREAKS}])+)?"
            rf"|(?:[^\S{_LINE_BREAKS}])+(?:and|&)(?:[^\S{_LINE_BREAKS}])+|&)",
            i,
        )
        self.paren_org = re.compile(rf"(?:[^\S{_LINE_BREAKS}])*\(\s*([^()\n]{{1,80}}?)\s*\)")
        self.org_lead = re.compile(
            r"\b(?:from|of|(?:who\s+)?(?:works?|working|worked)\s+(?:at|for))\s+", i
        )
        self.at_lead = re.compile(r"\bat\s+", i)
        self.in_lead = re.compile(r"\bin\s+", i)
        self.article = re.compile(r"(?:the|a|an)\s+", i)
        self.met_region_end = re.compile(r"[\u2014\u2013;:]|\s-\s")
        verbs = (
            rf"introduced|introducing|introduce|intro[{a}]?d|intro|connected|connecting|connect"
            r"|put|puts|putting"
        )
        self.intro_me = re.compile(
            rf"\b(?P<verb>{verbs})\s+me\s+(?:to|with|w/|in\s+touch\s+(?:with|w/))\s+", i
        )
        self.intro_other = re.compile(rf"\b(?P<verb>{verbs})\s+", i)
        self.intro_joiner = re.compile(r"\s+(?:to|with|w/|and|in\s+touch\s+(?:with|w/))\s+", i)
        self.intro_passive = re.compile(
            r"\b(?P<aux>was|were|got|been|being|get|getting)\s+introduced\s+to\s+", i
        )
        self.intro_by = re.compile(r"\s+by\s+", i)
        self.intro_bare = re.compile(r"\b(?:an?\s+)?intro\s+to\s+", i)
        self.intro_ask = re.compile(
            r"\b(?:ask(?:ed|s|ing)?|get|got|getting|have|has|had)\s+(?P<x>\S+(?:\s+\S+){0,3}?)"
            r"\s+to\s+\Z",
            i,
        )
        self.target_determiner = re.compile(r"(?:her|his|their|my|our|a|an|the)\s+", i)
        self.lowercase_word = re.compile(r"[a-z][\w\-]*\s+")
        self.object_pronoun = re.compile(r"(?:him|her|them)\b", i)
        self.me_word = re.compile(r"(?:me|us)\b", i)
        self.due_rules = english_due_rules(self.weekdays, self.months, self.numbers)
        self.deadline_prefix = re.compile(
            r"(?:by|before|until|till|til|due|no\s+later|not\s+later|on\s+or\s+before|within"
            r"|at\s+the\s+latest|latest)\b",
            i,
        )
        self.fallback_lead = re.compile(
            r"\b(?:by|before|until|till|due|no\s+later\s+than|on)\s+", i
        )
        self.ordinal_followers = _words(
            "of at and or so to if latest the for when with because as but please then "
            "she he they i we instead "
            # "confirm by the 23rd whether …", "by the 5th in the morning", "… about it"
            "whether about re once after before unless since via from in on me him her them "
            "us ok okay too also pls which who what where how though tho hopefully ideally "
            "morning afternoon evening night noon am pm eod cob"
        )
        self.month_follower = re.compile(rf"\s+(?:of\s+)?(?:{alternation(self.months)})\b", i)


LANGUAGES: Mapping[str, type[LanguageRules]] = {"en": EnglishRules}


@functools.cache
def _compiled_rules(code: str) -> LanguageRules:
    """One table instance per language, built when first asked for."""
    return LANGUAGES[code]()


def rules_for(language: str) -> LanguageRules:
    """The table for ``language`` ("en", "en-GB", "en_US" all give English).

    An unknown language falls back to English rather than failing: the capture window may
    pass the user's interface language before a table for it exists, and a preview in
    English beats no preview.
    """
    base = re.split(r"[-_]", str(language or "en").strip().casefold(), maxsplit=1)[0]
    return _compiled_rules(base if base in LANGUAGES else "en")
