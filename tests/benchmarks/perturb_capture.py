"""Does a promise still parse the same when written a little differently? (issue #12)

    python tests/benchmarks/perturb_capture.py [--failures]

The corpus measures the parser on the notes its writers happened to write; rules tuned
on them can fit those phrasings and nothing near them. This harness takes one short
note for each promise family the issue lists and rewrites it the ways any writer
varies a note: a prefix ("Note to self:", "PS", "TODO:", a bullet, "1."), an adverb
("also", "still", "really", "definitely"), the date fronted ("By Friday I'll ...") or
said in a following clause ("... — should be done by Friday", "... Agreed: by Friday."),
lower case, the person called by a short form or initials used earlier in the note, a
list of names before a colon; and (sixth round, from the long narrative notes) the
pronoun after a list of two people, another person mentioned between the one met and
the promise, the date corrected later ("— actually Saturday", "Actually, make that
Saturday.") and the yes to a request in the next sentence; (seventh round, from the
blind sets dev10/dev11) a host, a table or a scene opening the note, a "She …" sentence
that tells who is a "she" past someone named later, someone of the writer's own named in
the pronoun's sentence ("Our ED, Ada Park, wasn't there, so I …"), and a comment after
the promise (", fair play to her", ", legend", ", will do"). Each variant is scored with
the corpus's own scoring (``bench_capture_quality.score_note``): every expected promise
must come out, and nothing else.

``tests/test_capture_perturbations.py`` runs every variant as a test, so a rule that
only fits one wording shows up as the variants it misses. Prints a table; asserts
nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_capture_quality import ROOT, _proposals, score_note

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = "2026-03-11"  # a Wednesday
NOW = datetime(2026, 3, 11, 18, 0)


@dataclass(frozen=True)
class Seed:
    """One promise family: ``head`` + ``desc`` + " " + ``due``; ``{s}``/``{o}`` are the
    other person as subject/object (a pronoun, or a name in the name variants)."""

    family: str
    head: str  # "I'll ", "promised to ", "{s}'ll " — what comes before the verb
    desc: str  # the promise's words: "send {o} the deck"
    due: str  # "by Friday" (may be "")
    date: str | None
    owner: str  # "me" | "them"
    full: str = "Ada Park"
    she: str = "she"
    her: str = "her"
    tail: str = ""  # after the due phrase: ", I said yes"
    fronts: bool = True  # "By Friday I'll ...": a subject to front the date before
    moves: bool = True  # the date may go to a following clause (not for a dated present)
    person: str | None = None  # the promise's person when not the one met


SEEDS: tuple[Seed, ...] = (
    Seed("i'll", "I'll ", "send {o} the deck", "by Friday", "2026-03-13", "me"),
    Seed(
        "promised to",
        "promised to ",
        "send {o} the deck",
        "by Friday",
        "2026-03-13",
        "me",
        fronts=False,
    ),
    Seed("owe", "owe {o} ", "a coffee", "", None, "me", fronts=False),
    Seed(
        "need to",
        "need to ",
        "send Omar the link",
        "tomorrow",
        "2026-03-12",
        "me",
        fronts=False,
        person="Omar",
    ),
    Seed("should", "should ", "send {o} the budget", "next week", "2026-03-16", "me", fronts=False),
    Seed(
        "told him I'd",
        "told {o} I'd ",
        "review his CV",
        "by Monday",
        "2026-03-16",
        "me",
        full="Ben Ode",
        she="he",
        her="him",
    ),
    Seed("said I'd", "said I'd ", "call {o} back", "tomorrow", "2026-03-12", "me", fronts=False),
    Seed(
        "we agreed I'd", "we agreed I'd ", "draft the contract", "by the 20th", "2026-03-20", "me"
    ),
    Seed(
        "asked me to",
        "{s} asked me to ",
        "look over {o} pitch",
        "next week",
        "2026-03-16",
        "me",
        her="her",
    ),
    Seed(
        "asked if I could",
        "{s} asked if I could ",
        "review the deck",
        "by Friday",
        "2026-03-13",
        "me",
        tail=", I said yes",
    ),
    Seed(
        "gonna",
        "gonna ",
        "send {o} the photos",
        "tonight",
        "2026-03-11",
        "me",
        full="Ben Ode",
        she="he",
        her="him",
        fronts=False,
    ),
    Seed(
        "i'm sending",
        "I'm ",
        "sending {o} the invoice",
        "on Monday",
        "2026-03-16",
        "me",
        full="Ben Ode",
        she="he",
        her="him",
    ),
    Seed("she'll", "{s}'ll ", "send me the report", "by Friday", "2026-03-13", "them"),
    Seed(
        "he will",
        "{s} will ",
        "share the slides",
        "tomorrow",
        "2026-03-12",
        "them",
        full="Ben Ode",
        she="he",
        her="him",
    ),
    Seed("offered to", "{s} offered to ", "proofread my essay", "by Sunday", "2026-03-15", "them"),
    Seed(
        "he said he'd",
        "{s} said he'd ",
        "check the numbers",
        "by Thursday",
        "2026-03-12",
        "them",
        full="Ben Ode",
        she="he",
        her="him",
    ),
    Seed("still owes me", "{s} still owes me ", "the slides", "", None, "them"),
    Seed(
        "he's gonna",
        "{s}'s gonna ",
        "send the contract",
        "next week",
        "2026-03-16",
        "them",
        full="Ben Ode",
        she="he",
        her="him",
    ),
    Seed(
        "promised him to",
        "I promised {o} to ",
        "send the offer",
        "by Friday",
        "2026-03-13",
        "me",
        full="Ben Ode",
        she="he",
        her="him",
    ),
    Seed("present plan", "I ", "send {o} the deck", "tomorrow", "2026-03-12", "me", moves=False),
    Seed("introduce me to", "{s}'ll ", "introduce me to Marc", "next week", "2026-03-16", "them"),
)

PREFIXES = ("Note to self: ", "PS ", "Also, ", "FYI ", "TODO: ", "- ", "* ", "1. ")
MEETINGS = (  # other ways the note opens
    "Coffee w/ {full} (Adyen).",
    "{full} and I had lunch today.",
    "zoom with {full} re the pilot -",
    "Ran into {full} at the station, we chatted for ages.",
    "Dinner at Nobu with {full} and her husband.",
    "Long day. Sat next to {full} on the train;",
    # the seventh round's (dev11): a host, a table, a scene before the subject
    "Dinner at {full}'s place, lovely evening.",
    "Opposite me: {full}, a retired printmaker.",
    "At the school gate today {full} told me about the fair.",
)
ADVERBS = ("also", "still", "really", "definitely")


@dataclass(frozen=True)
class Variant:
    """One rewritten note and the promise it must still give."""

    family: str
    kind: str
    text: str
    expected: dict[str, str | None]
    more: tuple[dict[str, str | None], ...] = ()  # a second promise in the same note


def _initials(full: str) -> str:
    return "".join(w[0] for w in full.split()).upper()


def _sentence(seed: Seed, s: str, o: str, adverb: str = "", due: bool = True) -> str:
    """The promise sentence (no final stop), the other person written as ``s``/``o``."""
    head = seed.head.format(s=s, o=o)
    if adverb:  # before the verb: "I'll also send", "promised to really send" reads odd,
        # so the adverb goes before the head's last word when the head ends in "to"
        words = head.split()
        if words[-1] == "to" or words[-1].endswith("'d") or words[-1] == "could":
            head = " ".join([*words[:-1], words[-1], adverb]) + " "
        else:
            head = f"{head}{adverb} "
    body = head + seed.desc.format(o=o)
    if due and seed.due:
        body += " " + seed.due
    body += seed.tail
    return body[:1].upper() + body[1:]


def _expected(seed: Seed, o: str) -> dict[str, str | None]:
    return {
        "owner": seed.owner,
        "person": seed.person or seed.full,
        "description": seed.desc.format(o=o),
        "due": seed.date,
    }


def variants(seed: Seed) -> Iterator[Variant]:
    """The base note and each generic rewrite of it."""
    she, her = seed.she, seed.her
    first = seed.full.split()[0]
    met = f"Met {seed.full} at the fintech meetup."
    base = _sentence(seed, she.capitalize(), her)
    want = _expected(seed, her)

    def v(kind: str, text: str, expected: dict[str, str | None] = want) -> Variant:
        return Variant(seed.family, kind, text, expected)

    yield v("base", f"{met} {base}.")
    for prefix in PREFIXES:
        lowered = base  # "Also, she'll ...": after a comma the sentence goes on in lower case
        if prefix == "Also, " and not base.startswith("I"):
            lowered = base[:1].lower() + base[1:]
        yield v(f"prefix {prefix.strip()}", f"{met}\n{prefix}{lowered}")
    for adverb in ADVERBS:
        yield v(f"adverb {adverb}", f"{met} {_sentence(seed, she.capitalize(), her, adverb)}.")
    if seed.due:
        plain = _sentence(seed, she.capitalize(), her, due=False)
        if seed.fronts and not seed.tail:
            lead = seed.due[:1].upper() + seed.due[1:]
            fronted = plain if plain.startswith("I") else plain[:1].lower() + plain[1:]
            yield v("fronted date", f"{met} {lead} {fronted}.")
        if not seed.tail and seed.moves:
            yield v("date after dash", f"{met} {plain} \u2014 should be done {seed.due}.")
            yield v("date in next sentence", f"{met} {plain}. Agreed: {seed.due}.")
            yield v("date in brackets", f"{met} {plain} ({seed.due}).")
            if "asked" in seed.family:  # the yes and the date after the request
                yield v("date after yes", f"{met} {plain} \u2014 said yes, {seed.due}.")
    yield v("exclamation", f"{met} {base}!!")
    short = {
        "by Friday": "by fri",
        "tomorrow": "tmrw",
        "next week": "nxt week",
        "by Monday": "by mon",
        "tonight": "tonite",
        "on Monday": "mon",
    }
    if seed.due in short:
        yield v("abbreviated date", f"{met} {base.replace(seed.due, short[seed.due])}.")
    call = {
        "owner": "them",
        "person": seed.full,
        "description": "call me back",
        "due": "2026-03-16",
    }
    yield Variant(
        seed.family,
        "then another promise",
        f"{met} {base}, and {she} will call me back on Monday.",
        want,
        (call,),
    )
    yield Variant(
        seed.family,
        "after another promise",
        f"{met} {she.capitalize()} will call me back on Monday; {base}.",
        want,
        (call,),
    )
    yield v("lower case", f"{met} {base}.".lower(), want)
    yield v("sentence case", f"{met} {base[:1].lower() + base[1:]}.")
    named = _sentence(seed, first, first)
    yield v("short name", f"{met} {named}.", _expected(seed, first))
    initials = _initials(seed.full)
    yield v(
        "initials",
        f"Attendees: {seed.full} ({initials}), Jo Lind ({_initials('Jo Lind')}).\n"
        f"{_sentence(seed, initials, initials)}.",
        _expected(seed, initials),
    )
    yield v(
        "narrative",
        f"Long day. {met} We talked for ages about the conference and the kids, it was "
        f"lovely, honestly. {base}. Afterwards I walked home in the rain and called Mum.",
    )
    opening = met[:1].lower() + met[1:-1]
    running = base if base.startswith("I") else base[:1].lower() + base[1:]
    yield v(
        "run-on",
        f"so {opening} and we chatted about the market and {running} and then I went home",
    )
    for lead in MEETINGS:
        yield v(f"meeting {lead.split()[0]}", f"{lead.format(full=seed.full)} {base}.")
    yield v("names before colon", f"{seed.full}, Jo Lind: {named}.", _expected(seed, first))
    # the sixth round's families: long narrative notes (dev6) put other people, other
    # sentences and later second thoughts between the person met and the promise
    other, his = ("Tom Lind", "his") if she == "she" else ("Eva Lund", "her")
    if "{" in seed.head + seed.desc:  # a pronoun to resolve ("We agreed I'd draft the
        yield v(  # contract" after two people names nobody: it stays a guess)
            "pronoun after a list",
            f"Met {seed.full} and {other} at the fintech meetup. {other.split()[0]} told me "
            f"about {his} new job. {base}.",
        )
    yield v(
        "mentioned between",
        f"{met} {she.capitalize()} said {'her' if she == 'she' else 'his'} old boss "
        f"{other} is retiring. {base}.",
    )
    if seed.due and not seed.tail and seed.moves:
        later = {**want, "due": "2026-03-14"}  # the Saturday after Wednesday 11 March
        yield v("corrected later", f"{met} {base} \u2014 actually Saturday.", later)
        yield v("corrected in next sentence", f"{met} {base}. Actually, make that Saturday.", later)
        plain = _sentence(seed, she.capitalize(), her, due=False)
        told = re.sub(r"^(?:by|on)\s+", "", seed.due)
        yield v(
            "corrected, not the old date",
            f"{met} {base}. Oh, correction: I actually said Saturday, not {told}.",
            later,
        )
        yield v(
            "corrected after I said",
            f"{met} {plain}; I said {seed.due} but realistically Saturday.",
            later,
        )
    if seed.owner == "me" and re.match(r"(?:need|should|owe|gonna|promised)\b", seed.head):
        for adverb in ("also", "still", "really"):  # "I also need to …", "I still owe her …"
            yield v(f"adverb after I {adverb}", f"{met} I {adverb} {base[:1].lower()}{base[1:]}.")
    if "{s} " in seed.head:  # "Ada Park from Adyen asked me to …": the organisation between
        yield v(
            "organisation after the name",
            f"{met} {_sentence(seed, seed.full + ' from Adyen', first)}.",
            _expected(seed, first),
        )
    if "asked" in seed.family and seed.due:
        plain = _sentence(seed, she.capitalize(), her, due=False)
        yield v("yes in next sentence", f"{met} {plain}. I said yes, {seed.due}.")
    # the seventh round's families (dev10/dev11): who "her/him" is when others are named
    # around the one met, and comments after the promise
    pronoun = "{o}" in seed.desc or "{s}" in seed.head
    if pronoun:  # "He hinted at a grant" tells who "he" is, past a man/woman named later
        yield v(
            "gender told by the next sentence",
            f"Met {seed.full}, retired from Adyen. {she.capitalize()} hinted at a grant. "
            f"{other} joined us later and talked about football. {base}.",
        )
    if seed.owner == "me" and "{o}" in seed.desc and "{" not in seed.head:
        mine = _sentence(seed, she.capitalize(), her)  # "Our ED, Ada Park, wasn't there,
        yield v(  # so I have to send her …": someone of mine, named in the sentence
            "someone of mine named in the sentence",
            f"Met {other} at the fintech meetup. Our ED, {seed.full}, wasn't there, so "
            f"{mine[:1].lower() + mine[1:] if not mine.startswith('I') else mine}.",
        )
    if not seed.tail:
        for name, comment in (
            ("fair play", ", fair play to {o}"),
            ("legend", ", legend"),
            ("will do", ", will do"),
        ):
            if name == "will do" and seed.owner != "me":
                continue
            yield v(f"comment {name}", f"{met} {base}{comment.format(o=her)}.")


def all_variants() -> list[Variant]:
    return [v for seed in SEEDS for v in variants(seed)]


def check(variant: Variant) -> list[str]:
    """The misses of one variant ([] when its promise, and only it, comes out)."""
    from desktop.domain.capture.parser import parse_capture

    note = {
        "id": f"{variant.family}/{variant.kind}",
        "today": TODAY,
        "text": variant.text,
        "people": [],
        "organizations": {},
        "place": "",
        "promises": [variant.expected, *variant.more],
        "introductions": [],
    }
    got = _proposals(parse_capture(variant.text, now=NOW))
    score = score_note(note, got)
    tally = score.tallies["promises"]
    if tally.right == tally.proposed == 1 + len(variant.more):
        return []
    return [f for f in score.failures if "promise" in f]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="print each miss")
    args = parser.parse_args(argv)
    kinds: dict[str, list[int]] = {}
    families: dict[str, list[int]] = {}
    misses: list[tuple[Variant, list[str]]] = []
    for variant in all_variants():
        failed = check(variant)
        for table, key in ((kinds, variant.kind.split()[0]), (families, variant.family)):
            table.setdefault(key, [0, 0])
            table[key][0] += not failed
            table[key][1] += 1
        if failed:
            misses.append((variant, failed))
    total = sum(v[1] for v in kinds.values())
    print(f"perturbations: {total - len(misses)}/{total} parse as the base note")
    for title, table in (("by variation", kinds), ("by family", families)):
        print(f"\n{title}:")
        for key, (ok, n) in table.items():
            print(f"  {key:24} {ok:3}/{n}")
    if args.failures:
        for variant, failed in misses:
            print(f"\n[{variant.family} / {variant.kind}] {variant.text!r}")
            for line in failed:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
