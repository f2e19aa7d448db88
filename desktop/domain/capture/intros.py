"""Introductions, done ("Ana introduced me to Ben") or promised ("She'll intro me to Ben")."""

from __future__ import annotations

from typing import NamedTuple

from desktop.domain.capture.names import _name_ending_at, _Roster, _scan_name, _split_contraction
from desktop.domain.capture.promises import _Clause
from desktop.domain.capture.results import ParsedIntroduction
from desktop.domain.capture.rules import LanguageRules
from desktop.domain.capture.text import _WORD_RE, _skip_hspace


class _Who(NamedTuple):
    """A party to an introduction as written: a name, a pronoun, "me", or unknown."""

    kind: str  # "me" | "person" | "pronoun" | "unknown"
    name: str | None
    modal: bool  # "will"/"can"/"offered to" seen: a plan, not a done introduction


def _parse_target(
    text: str, pos: int, hi: int, rules: LanguageRules
) -> tuple[str, str, int] | None:
    """("name"|"pronoun", words, end) for "Ben Ode", "her colleague Ben" or "him"."""
    i = _skip_hspace(text, pos, hi)
    span = _scan_name(text, i, hi, rules)
    if span is not None:
        return "name", text[span[0] : span[1]], span[1]
    determiner = rules.target_determiner.match(text, i, hi)
    if determiner is not None:
        j = determiner.end()
        for _ in range(3):
            span = _scan_name(text, j, hi, rules)
            if span is not None:
                return "name", text[span[0] : span[1]], span[1]
            word = rules.lowercase_word.match(text, j, hi)
            if word is None or word.group().strip().casefold() in rules.phrase_stop_words:
                break
            j = word.end()
    pronoun = rules.object_pronoun.match(text, i, hi)
    if pronoun is not None:
        return "pronoun", pronoun.group(), pronoun.end()
    return None


def _containing(clauses: list[_Clause], pos: int) -> _Clause | None:
    """The promise whose text holds ``pos``."""
    for clause in clauses:
        if clause.opener.start <= pos < clause.body_end:
            return clause
    return None


def _intro_subject(
    text: str, s: int, verb: int, clause: _Clause | None, roster: _Roster, rules: LanguageRules
) -> _Who:
    """Who does the introducing: "asked Ana to", the promise's owner, or the subject."""
    lo = max(s, verb - 80)
    ask = rules.intro_ask.search(text, lo, verb)
    if ask is not None:
        words = ask.group("x").strip()
        if words.casefold() in rules.subject_pronouns or rules.object_pronoun.fullmatch(words):
            return _Who("pronoun", None, True)
        span = _scan_name(text, ask.start("x"), ask.end("x"), rules)
        if span is not None:
            return _Who("person", roster.resolve(text[span[0] : span[1]]), True)
    if clause is not None:
        if clause.opener.owner == "me":
            return _Who("me", None, True)
        if clause.person:
            return _Who("person", clause.person, True)
        return _Who("pronoun", None, True)
    modal = False
    follow = verb
    for tok in reversed(list(_WORD_RE.finditer(text, lo, verb))):
        if _skip_hspace(text, tok.end(), follow) != follow:
            break
        base, closes = _split_contraction(tok.group(), rules)
        folded = base.casefold()
        suffix = tok.group()[len(base) + 1 :].casefold()
        modal = modal or (closes and suffix in rules.modal_words)
        if folded in rules.first_person:
            return _Who("me", None, modal)
        if folded in rules.subject_pronouns:
            return _Who("pronoun", None, modal)
        if not closes and folded in rules.subject_skip_words:
            modal = modal or folded in rules.modal_words
            follow = tok.start()
            continue
        span = _name_ending_at(text, lo, tok.start() + len(base), rules)
        if span is not None:
            return _Who("person", roster.resolve(text[span[0] : span[1]]), modal)
        break
    return _Who("unknown", None, modal)


def _is_done(verb: str, who: _Who, clause: _Clause | None, rules: LanguageRules) -> bool:
    """ "introduced me to" is done; "will introduce", "can put me in touch" are plans."""
    folded = verb.casefold()
    if who.modal or folded not in rules.past_intro_verbs:
        return False
    return folded != "put" or clause is None


def _find_intros(
    text: str,
    sentences: list[tuple[int, int]],
    clauses: list[_Clause],
    roster: _Roster,
    rules: LanguageRules,
) -> list[ParsedIntroduction]:
    """Every introduction in the note, done or promised, deduplicated."""
    found: dict[tuple[str | None, str, str | None, bool], ParsedIntroduction] = {}

    def add(
        introducer: str | None,
        person: str | None,
        to: str | None,
        done: bool,
        pos: int,
        sentence: tuple[int, int],
    ) -> None:
        if not person or person in (introducer, to) or introducer == to:
            return  # introducer None and to None would be "me to me"
        clause = _containing(clauses, pos)
        span = clause.span if clause is not None else sentence
        found.setdefault(
            (introducer, person, to, done), ParsedIntroduction(introducer, person, to, done, span)
        )

    def named(target: tuple[str, str, int] | None) -> str | None:
        return roster.resolve(target[1]) if target and target[0] == "name" else None

    for s, e in sentences:
        sentence = (s, e)
        for m in rules.intro_me.finditer(text, s, e):  # "Ana introduced me to Ben"
            target = _parse_target(text, m.end(), e, rules)
            clause = _containing(clauses, m.start())
            who = _intro_subject(text, s, m.start(), clause, roster, rules)
            if target is None or who.kind == "me":
                continue
            person = named(target)
            introducer = who.name if who.kind == "person" else roster.pronoun([person])
            if target[0] == "pronoun":
                person = roster.pronoun([introducer])
            add(
                introducer,
                person,
                None,
                _is_done(m.group("verb"), who, clause, rules),
                m.start(),
                sentence,
            )
        for m in rules.intro_other.finditer(text, s, e):  # "I'll introduce her to Carl"
            subject = _parse_target(text, m.end(), e, rules)
            joiner = rules.intro_joiner.match(text, subject[2], e) if subject else None
            if subject is None or joiner is None:
                continue
            if m.group("verb").casefold().startswith("put") and "touch" not in joiner.group():
                continue
            target = _parse_target(text, joiner.end(), e, rules)
            to_me = target is None and rules.me_word.match(text, joiner.end(), e) is not None
            if target is None and not to_me:
                continue
            clause = _containing(clauses, m.start())
            who = _intro_subject(text, s, m.start(), clause, roster, rules)
            person, to = named(subject), named(target)
            introducer = who.name if who.kind == "person" else None
            if who.kind == "pronoun":
                introducer = roster.pronoun([person, to])
                if introducer is None:
                    continue
            if to_me and introducer is None:
                continue  # "introduced her to me" needs someone else as the introducer
            if subject[0] == "pronoun":
                person = roster.pronoun([to, introducer])
            if target is not None and target[0] == "pronoun":
                to = roster.pronoun([person, introducer])
                if to is None:
                    continue  # an unknown "him" must not turn into "to me"
            add(
                introducer,
                person,
                to,
                _is_done(m.group("verb"), who, clause, rules),
                m.start(),
                sentence,
            )
        for m in rules.intro_passive.finditer(text, s, e):  # "was introduced to Ben by Ana"
            target = _parse_target(text, m.end(), e, rules)
            if target is None:
                continue
            by = rules.intro_by.match(text, target[2], e)
            giver = _parse_target(text, by.end(), e, rules) if by else None
            person = named(target)
            introducer = named(giver) or roster.pronoun([person])
            if target[0] == "pronoun":
                person = roster.pronoun([introducer])
            done = m.group("aux").casefold() not in ("get", "getting", "being")
            add(introducer, person, None, done, m.start(), sentence)
        for m in rules.intro_bare.finditer(text, s, e):  # "intro to Ben Ode"
            target = _parse_target(text, m.end(), e, rules)
            if target is None or target[0] != "name":
                continue
            person = named(target)
            clause = _containing(clauses, m.start())
            if clause is not None and clause.opener.owner == "me":
                add(None, clause.person, person, False, m.start(), sentence)
            elif clause is not None:
                add(clause.person, person, None, False, m.start(), sentence)
            else:
                add(roster.pronoun([person]), person, None, False, m.start(), sentence)
    return list(found.values())
