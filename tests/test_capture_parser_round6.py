"""The sixth round's phrasing families (issue #12): long narrative notes, phone shorthand,
non-native and regional English, structured action items.

Fresh notes, none of them in the corpus: each family was found as a class of misses in
a blind set (dev6-dev9) and is written here in other words, so a rule that only fits the
corpus note fails by name. The perturbation harness (``tests/test_capture_perturbations.py``)
varies the promise families the same ways (a date corrected later, a pronoun after a list,
an organisation between a name and its verb).
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.capture.parser import CaptureParse, parse_capture
from tests.capture_notes import FRI, MON, SAT, THU, TUE, WED, promises, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # two actions under one modal are one to-do, dated by the date after them
            "Met Nina Holt. I'll tidy the figures and send them to her by Friday.",
            [("me", "Nina Holt", "tidy the figures and send them to her", FRI)],
        ),
        (  # ... for whom the last action is done
            "Call with Leo Varga. Need to ask Ulrike for a name and pass it to him by Monday.",
            [("me", "Leo Varga", "ask Ulrike for a name and pass it to him", MON)],
        ),
        (  # a date of its own on the first action keeps them apart
            "lunch w/ nina holt - i send the deck tmrw and send the contract fri",
            [
                ("me", "Nina Holt", "send the deck", THU),
                ("me", "Nina Holt", "send the contract", FRI),
            ],
        ),
        (  # a date corrected later wins, in the same sentence or the next
            "Met Nina Holt. I'll send her the deck by Friday \u2014 actually Saturday.",
            [("me", "Nina Holt", "send her the deck", SAT)],
        ),
        (
            "Met Nina Holt. Promised to call her back tomorrow. Sorry, make that Monday.",
            [("me", "Nina Holt", "call her back", MON)],
        ),
        (  # corrected in other words
            "Met Nina Holt. I must send her the brochure; I said Friday but realistically Tuesday.",
            [("me", "Nina Holt", "send her the brochure", TUE)],
        ),
        (  # the old date named after the new one, sentences later
            "Met Nina Holt. I'll send her the deck by Friday. She liked the venue. Oh, "
            "correction: I actually told her Saturday, not Friday.",
            [("me", "Nina Holt", "send her the deck", SAT)],
        ),
        (  # a date the two sides landed on
            "Met Nina Holt. She asked me to send the contract by Friday \u2014 I said Tuesday, "
            "and we settled on Monday.",
            [("me", "Nina Holt", "send the contract", MON)],
        ),
        (  # the request's own verb again, with the date
            "Met Leo Varga. He asked me to send him the PDF, I will send tomorrow morning.",
            [("me", "Leo Varga", "send him the PDF", THU)],
        ),
        (  # "actually" with news is no correction
            "Met Nina Holt. I'll send her the deck by Friday. Actually she'll call me Monday.",
            [
                ("me", "Nina Holt", "send her the deck", FRI),
                ("them", "Nina Holt", "call me", MON),
            ],
        ),
    ],
)
def test_one_modal_and_later_corrections(
    text: str, expected: list[tuple[str, str | None, str, date | None]]
) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "At our table: Nina Holt, Leo Varga and Priya Shah.",
            ["Nina Holt", "Leo Varga", "Priya Shah"],
        ),
        ("dinner. the good ones: nina holt, leo varga.", ["Nina Holt", "Leo Varga"]),
        (
            "Our team had Nina Holt, Leo Varga and one intern from Bosch, Jan.",
            ["Nina Holt", "Leo Varga", "Jan"],
        ),
        ("pub after work: me, nina holt and leo varga.", ["Nina Holt", "Leo Varga"]),
        ("Pub after the INSET day: me, nina holt and the new NQT, leo.", ["Nina Holt", "Leo"]),
        (  # a relative clause inside the list
            "Two people to remember: Nina Holt, who now runs Acme's lab, and Leo Varga.",
            ["Nina Holt", "Leo Varga"],
        ),
        (  # "pilot" is a role word, but the list goes on
            "Call with Ola Berg, Tim Vos and Eva Lund about the pilot.",
            ["Ola Berg", "Tim Vos", "Eva Lund"],
        ),
        (
            "I got talking to Nina Holt, who builds boats, and to Leo Varga from Arup.",
            ["Nina Holt", "Leo Varga"],
        ),
        ("Met Nina Holt from Arup, and Leo Varga, her deputy.", ["Nina Holt", "Leo Varga"]),
        ("Met Tanaka Yumi-san and Ate Joy Reyes at the expo.", ["Tanaka Yumi", "Joy Reyes"]),
        ("leo and i finally went climbing", ["Leo"]),
        ("work and i are fine, long week", []),
        ("Prof. Nina Holt's lecture was great. Chatted with her after.", ["Nina Holt"]),
        ("Met Leo Varga. He said he'd put me in touch with Ana Ruiz.", ["Leo Varga"]),
        (
            "Intake call: Dr. Nina Holt + TA partner Leo Varga (both Arup)",
            ["Nina Holt", "Leo Varga"],
        ),
        (
            "Present from the council: Nina Holt and Leo Varga; from Arup, Ms Priya Shah.",
            ["Nina Holt", "Leo Varga", "Priya Shah"],
        ),
        (
            "Dinner with two people from Arup, Nina Holt and Leo Varga, plus our host Priya Shah.",
            ["Nina Holt", "Leo Varga", "Priya Shah"],
        ),
        (
            "I met Nina Holt who runs the lab, and a Dutch engineer, Leo Varga, who builds drones.",
            ["Nina Holt", "Leo Varga"],
        ),
        ("talked for ages with nina holt at the opening", ["Nina Holt"]),
        (
            "prep call\n- nina holt (arup)\n- leo varga (ing)\nnina: will send the plan",
            ["Nina Holt", "Leo Varga"],
        ),
        ("shopping list\n- oat milk (2)", []),
        (
            "lunch - nina holt (arup) + her manager leo varga (also arup)",
            ["Nina Holt", "Leo Varga"],
        ),
        (
            "Easter lunch in Modena, and there was the new boyfriend of my aunt, Leo Varga.",
            ["Leo Varga"],
        ),
        ("zoom w/ nina holt & the new guy from hubspot, leo varga", ["Nina Holt", "Leo Varga"]),
        ("Met Leo Varga at the Rotary lunch - retired banker, now mentoring vets.", ["Leo Varga"]),
        (
            "First I talk with Nina Holt. After, Leo Varga, a photographer, showed me his work.",
            ["Nina Holt", "Leo Varga"],
        ),
        (
            "chatting with Nina Holt, she's Arup's head of design, and her colleague, um, Leo",
            ["Nina Holt", "Leo"],
        ),
        ("Met Nina Holt. She suggested he talk to my colleague Leo Varga.", ["Nina Holt"]),
        ("Meeting: Digital ID working group\nPresent: Leo Varga, Sr. Data Eng", ["Leo Varga"]),
        (
            "met the Arup lot, so that's Dame Nina Holt, Mr Leo Varga and um Priya Shah",
            ["Nina Holt", "Leo Varga", "Priya Shah"],
        ),
    ],
)
def test_who_was_there(text: str, people: list[str]) -> None:
    assert sorted(read(text).people) == sorted(people)  # who, not in which order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an honorific suffix is no part of the name a promise is with
            "Met Sato Kenji at the expo. I'll send Sato-san the estimate by Friday.",
            [("me", "Sato Kenji", "send Sato-san the estimate", FRI)],
        ),
        (  # an organisation between the asker and 'asked'
            "Dinner w/ Nina Holt and Leo Varga. Nina Holt from Arup asked me to review "
            "her paper by Monday.",
            [("me", "Nina Holt", "review her paper", MON)],
        ),
        (  # non-native phrasings of their promise
            "Met Leo Varga. He promised me to send the drawings. He told he will call me "
            "on Monday.",
            [
                ("them", "Leo Varga", "send the drawings", None),
                ("them", "Leo Varga", "call me", MON),
            ],
        ),
        (
            "Met Nina Holt. She proposed to send me her dataset in the weekend.",
            [("them", "Nina Holt", "send me her dataset", SAT)],
        ),
        (  # an adverb after "I"
            "Met Nina Holt. I also need to send Nina the link. I still owe her a lunch.",
            [("me", "Nina Holt", "send Nina the link", None), ("me", "Nina Holt", "a lunch", None)],
        ),
        (  # someone only mentioned, described before the name, promises
            "Met Leo Varga. His colleague, Ana Ruiz, will send me the plan tomorrow. His deputy "
            "Dr Omar Haddad will call me on Monday.",
            [
                ("them", "Ana Ruiz", "send me the plan", THU),
                ("them", "Omar Haddad", "call me", MON),
            ],
        ),
        (  # an adverb before their verb; a planned introduction is no meeting
            "Met Leo Varga. He kindly promised me to send the slides. He also said he'd put me "
            "in touch with Ana Ruiz.",
            [
                ("them", "Leo Varga", "send the slides", None),
                ("them", "Leo Varga", "put me in touch with Ana Ruiz", None),
            ],
        ),
        (  # a question becomes a promise once the writer says yes, even a sentence later
            "Met Leo Varga. He asked if I'd mentor his intern. Said yes.",
            [("me", "Leo Varga", "mentor his intern", None)],
        ),
        ("Met Leo Varga. He asked if I'd take his intern on. I said I'd think about it.", []),
        (
            "drinks w/ nina holt. nina asked whether we could host her team, said yes of course",
            [("me", "Nina Holt", "host her team", None)],
        ),
        (  # phone shorthand: an arrow leading on to my promise; "pls …" is their request
            "demo w/ nina holt. nina wants case studies -> gonna send her the retail ones tmrw",
            [("me", "Nina Holt", "send her the retail ones", THU)],
        ),
        (
            "call w/ Leo Varga (Hubtel). pls send the invoice by end of month he said",
            [("me", "Leo Varga", "send the invoice", date(2026, 3, 31))],
        ),
        (  # "we" told: my side's promise
            "call w/ Nina Holt. told her we'd send our shortlist by Friday",
            [("me", "Nina Holt", "send our shortlist", FRI)],
        ),
        ("Met Nina Holt at the expo. Long day, need to sleep.", []),
        (
            "Met Leo Varga. I promise him to send tomorrow the CV of my cousin.",
            [("me", "Leo Varga", "send the CV of my cousin", THU)],
        ),
        (  # "on my side" opens my clause; hedges end a description
            "Met Nina Holt. She will send me the brief, and on my side I must draft the plan "
            "by Friday, inshallah.",
            [
                ("them", "Nina Holt", "send me the brief", None),
                ("me", "Nina Holt", "draft the plan", FRI),
            ],
        ),
        ("Writing this on the train after meeting Nina Holt.", []),
        (  # "him" as an object tells nothing of the subject's gender
            "Met Omar Said via Nina Holt \u2014 Nina brought him over, she's at Arup. He said he'd "
            "send me the plans on Monday.",
            [("them", "Omar Said", "send me the plans", MON)],
        ),
        (  # a question answered with another promise is no promise itself
            "Met Leo Varga. He asked if we'd supply the casks \u2014 told him I'd check with Ana "
            "by Friday.",
            [("me", "Leo Varga", "check with Ana", FRI)],
        ),
        (
            "Met Nina Holt. She asked me to draft a brief \u2014 she needs it before March 20, "
            "so that's on me. She'll connect me with Leo once results are out.",
            [
                ("me", "Nina Holt", "draft a brief", date(2026, 3, 20)),
                ("them", "Nina Holt", "connect me with Leo once results are out", None),
            ],
        ),
        (
            "Met Leo Varga. He'l push a fix asap. He will send me the samples, very sweet of him.",
            [
                ("them", "Leo Varga", "push a fix", None),
                ("them", "Leo Varga", "send me the samples", None),
            ],
        ),
        (  # a capitalised word after "the" is a thing, not a person
            "Call with Leo Varga\nMe: share the JD for the Pune role by Friday",
            [("me", "Leo Varga", "share the JD for the Pune role", FRI)],
        ),
        (
            "Met Leo Varga. I owe Priya (my buddy on nights) a shift swap.",
            [("me", "Priya", "a shift swap", None)],
        ),
        (
            "Met Nina Holt. She'll share the flow by EOD tomorrow.",
            [("them", "Nina Holt", "share the flow", THU)],
        ),
        (  # a title tells who is "her"
            "Lunch with Dame Nina Holt and Sir Leo Varga. Nina wants the deck, I'll send it to "
            "her by Friday.",
            [("me", "Nina Holt", "send it to her", FRI)],
        ),
        (  # a confirmation is no second promise
            "Met Nina Holt. She asked me to read her draft, happy to do it.",
            [("me", "Nina Holt", "read her draft", None)],
        ),
        (  # a state in the progressive is no plan
            "Met Nina Holt. I am travelling that week, so I'll call her on the 20th.",
            [("me", "Nina Holt", "call her", date(2026, 3, 20))],
        ),
        (  # the description ends where someone else acts
            "Met Leo Varga. He will send the keys in 3 days, their security team has to "
            "approve first.",
            [("them", "Leo Varga", "send the keys", date(2026, 3, 14))],
        ),
        (  # phone shorthand
            "coffee w/ nina holt + noor. gotta send nina the deck b4 fri, noor's gonna share "
            "the list",
            [
                ("me", "Nina Holt", "send nina the deck", FRI),
                ("them", "Noor", "share the list", None),
            ],
        ),
        (
            "Met Nina Holt. I owe Dr. Holt a copy of the paper.",
            [("me", "Nina Holt", "a copy of the paper", None)],
        ),
    ],
)
def test_names_and_phrasings(
    text: str, expected: list[tuple[str, str | None, str, date | None]]
) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "Name: <verb> …" is that person's item
            "Call with Nina Holt and Leo Varga\n- Leo: finalise the rota by Friday\n"
            "- Me: send Nina the minutes by the 20th\nThanks all",
            [
                ("them", "Leo Varga", "finalise the rota", FRI),
                ("me", "Nina Holt", "send Nina the minutes", date(2026, 3, 20)),
            ],
        ),
        (  # a description after a name is no item
            "Dinner with Nina Holt and Leo Varga\n- Leo: loves sailing\n- Nina: the new CFO",
            [],
        ),
        (  # arrows and brackets name the recipient
            "Sync w/ Nina Holt + Leo Varga\n"
            "Me: send deck \u2192 Leo; send pricing \u2192 Nina by Weds",
            [
                ("me", "Leo Varga", "send deck", None),
                ("me", "Nina Holt", "send pricing", date(2026, 3, 18)),
            ],
        ),
        (
            "Call w/ Nina Holt\n1. [Me] send the specs to Nina \u2014 tomorrow\n"
            "2. [Nina] share the floor plan \u2014 next week",
            [
                ("me", "Nina Holt", "send the specs to Nina", THU),
                ("them", "Nina Holt", "share the floor plan", MON),
            ],
        ),
        (
            "Call with Nina Holt and Leo Varga\nAction items:\n"
            "- Draft the budget. Owner: Leo. Due: March 20\n- Book the room. Owner: me.",
            [
                ("them", "Leo Varga", "Draft the budget", date(2026, 3, 20)),
                ("me", "Leo Varga", "Book the room", None),
            ],
        ),
        (  # an arrow bullet, "Him:", "no actions", a US date that cannot be a month
            "Zoom w/ Leo Varga + Nina Holt, Leo showed his demo\nNext steps:\n\u2192 me: send "
            "Nina the profiles by Friday\n\u2192 Nina: no actions\nHim: gonna send the extract "
            "due 3/20",
            [
                ("me", "Nina Holt", "send Nina the profiles", FRI),
                ("them", "Leo Varga", "send the extract", date(2026, 3, 20)),
            ],
        ),
        (  # " + a …" inside an item is no list of people
            "Call with Leo Varga\n- Leo: send the CV + 2 references [next wk]",
            [("them", "Leo Varga", "send the CV + 2 references", MON)],
        ),
        (  # checkboxes; a ticked past action is no promise
            "Drinks w/ Nina Holt, Leo Varga\n[ ] send Nina the rubric tomorrow\n"
            "[x] paid Leo back for the tickets",
            [("me", "Nina Holt", "send Nina the rubric", THU)],
        ),
        (
            "Review with Nina Holt and Leo Varga\n| Item | Owner | Due |\n|---|---|---|\n"
            "| send Nina the letter | me | Friday |\n| check the invoice | Leo | \u2014 |",
            [
                ("me", "Nina Holt", "send Nina the letter", FRI),
                ("them", "Leo Varga", "check the invoice", None),
            ],
        ),
    ],
)
def test_structured_items(
    text: str, expected: list[tuple[str, str | None, str, date | None]]
) -> None:
    assert promises(read(text)) == expected


def test_a_contact_typed_in_lower_case_who_joined_was_there() -> None:
    note = "lunch w/ Nina Holt from Zalando, leo joined late. leo's gonna email me the photos"
    result = parse_capture(note, now=WED, known_names=["Leo Varga"])
    assert list(result.people) == ["Nina Holt", "Leo Varga"]
    assert promises(result) == [("them", "Leo Varga", "email me the photos", None)]


@pytest.mark.parametrize(
    "text",
    [  # the sixth round's rules must not invent anyone or anything (precision)
        "Dinner with Ana Ruiz. At our table: lovely food, great wine.",
        "Met Ana Ruiz. The good ones: the croissants and the coffee.",
        "Met Ana Ruiz. Our team had a great quarter, and Ana agreed.",
        "Met Ana Ruiz. People to remember: none really.",
        "met ana ruiz. work and i had a rough week.",
        "Met Ana Ruiz. Actually, Monday was fun. Sorry, Tuesday too.",
        "Met Ana Ruiz. She is travelling next week, not working.",
        "Met Ana Ruiz. Her boss Tom Lind will retire next year.",
        "Met Ana Ruiz. I am thinking about the pitch.",
        "Met Ana Ruiz. [x] paid for lunch.",
        "Met Ana Ruiz. Item | Owner | Due",
        "Met Ana Ruiz from the Digital Team working group.",
        "Met Ana Ruiz. Pls note: the venue moved. Please note she moved to Berlin.",
        "Met Ana Ruiz and Ben Ode. Ben: loves sailing. Ana: very keen on AI.",
        "Met Ana Ruiz. Them: nothing.",
        "Met Ana Ruiz. I also think she is great. I still remember her talk.",
    ],
)
def test_small_talk_stays_small_talk(text: str) -> None:
    result = read(text)
    assert promises(result) == []
    assert [p for p in result.people if p not in ("Ana Ruiz", "Ben Ode")] == []


def intros(result: CaptureParse) -> list[tuple[str | None, str, str | None, bool]]:
    return [(i.introducer, i.person, i.to, i.done) for i in result.introductions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the apposed name, an organisation after it
            "Met Leo Varga. He'll introduce me to his co-investor, Nina Holt at Arup, next week.",
            [("Leo Varga", "Nina Holt", None, False)],
        ),
        (  # typed in lower case: the name after the role
            "coffee w/ leo varga. he'll intro me to their cto nina holt",
            [("Leo Varga", "Nina Holt", None, False)],
        ),
        (
            "drinks w/ leo varga. i'll introduce him to my old boss mark o'connor",
            [(None, "Leo Varga", "Mark O'Connor", False)],
        ),
        (  # "Carter" of "Jake Carter" is not William Carter: the promise is still William's
            'Met William "Bill" Carter. He said he\'d put me in touch with his nephew Jake Carter.',
            [("William Carter", "Jake Carter", None, False)],
        ),
    ],
)
def test_introductions_to_someone_described(
    text: str, expected: list[tuple[str | None, str, str | None, bool]]
) -> None:
    assert intros(read(text)) == expected
