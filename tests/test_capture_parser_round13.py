"""Thirteenth round: what last round's blind sets (now development sets) and this round's
arrivals showed, each written here in other words than the note that showed it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.capture.first_names import hinted_gender
from desktop.domain.capture.names import tidy_name
from tests.capture_notes import FRI, MON, SAT, THU, TUE, Promise, promises, read

WED_NEXT = date(2026, 3, 18)  # "Wednesday" said on Wednesday 11 March: the next one


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        (  # joined initials are one name word, and the same initials later are them
            "Call w/ T.J. Okoye (Brightline)\n- T.J. to confirm volumes by Friday",
            ["T.J. Okoye"],
            [("them", "T.J. Okoye", "confirm volumes", FRI)],
        ),
        (  # an initial before a family name after "w/" and "&"
            "Budget review w/ A.K. Menon & R. Das\n- R. Das → sign off the forecast, Monday",
            ["A.K. Menon", "R. Das"],
            [("them", "R. Das", "sign off the forecast", MON)],
        ),
        (  # "M." before one family name is an initial, kept
            "Steering call with M. Duarte and L. Ferraz. I'll send L. Ferraz the minutes tomorrow.",
            ["M. Duarte", "L. Ferraz"],
            [("me", "L. Ferraz", "send L. Ferraz the minutes", THU)],
        ),
    ],
)
def test_names_written_with_initials(text: str, people: list[str], expected: list[Promise]) -> None:
    result = read(text)
    assert sorted(result.people) == sorted(people)
    assert promises(result) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an initial and the family name of someone met in full: them
            "Met Rohan Desai at the plant. Sent the drawings to R. Desai. "
            "He will call me tomorrow.",
            [("them", "Rohan Desai", "call me", THU)],
        ),
        (  # French "M." before the family name of a man met
            "Met M. Étienne Roux from Veolia. I must send the quote to M. Roux before Friday. "
            "He also promised to introduce me to his boss.",
            [
                ("me", "Étienne Roux", "send the quote to M. Roux", FRI),
                ("them", "Étienne Roux", "introduce me to his boss", None),
            ],
        ),
        (  # "proposer à quelqu'un de …": my offer to him
            "Met Hugo Marchal at the residents' meeting. I proposed to M. Marchal to carry his "
            "boxes on Saturday.",
            [("me", "Hugo Marchal", "carry his boxes", SAT)],
        ),
    ],
)
def test_an_initial_or_monsieur_and_a_family_name_is_the_one_met(
    text: str, expected: list[Promise]
) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a checkbox after the bullet: the labels still say whose item it is
            "Kickoff w/ Mirela Pop (Bitdefender)\n- [ ] me: send the SOW draft Friday\n"
            "- [ ] Mirela: share the brand book Monday",
            [
                ("me", "Mirela Pop", "send the SOW draft", FRI),
                ("them", "Mirela Pop", "share the brand book", MON),
            ],
        ),
        (  # "[ ] Name - action": a checklist item of theirs
            "Board prep w/ Ilse Brandt & Tomas Weber\n"
            "[ ] Tomas Weber - circulate the pack by Friday\n"
            "[ ] me - send Ilse the agenda by Monday",
            [
                ("them", "Tomas Weber", "circulate the pack", FRI),
                ("me", "Ilse Brandt", "send Ilse the agenda", MON),
            ],
        ),
        (  # an empty box opening a to-do line, its date after a dash
            "Call w/ Nadia Rahman\n\u2610 send Nadia the rate card - thurs",
            [("me", "Nadia Rahman", "send Nadia the rate card", THU)],
        ),
        (  # every item under "Me:" is mine, dated or not
            "Sync w/ Kofi Mensah (Paystack)\nMe:\n- loop in legal\n- send the pilot plan by fri\n"
            "Them:\n- Kofi to share test keys tmrw",
            [
                ("me", "Kofi Mensah", "loop in legal", None),
                ("me", "Kofi Mensah", "send the pilot plan", FRI),
                ("them", "Kofi Mensah", "share test keys", THU),
            ],
        ),
        (  # numbered items written on one line
            "Sponsor call with Ruth Obi and Femke Smit. Action items: 1. Femke to send the signed "
            "contract — this Friday 2. I send Ruth the invoice — by Monday",
            [
                ("them", "Femke Smit", "send the signed contract", FRI),
                ("me", "Ruth Obi", "send Ruth the invoice", MON),
            ],
        ),
    ],
)
def test_checklists_headings_and_numbered_items(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a correction that only names a new date moves the promise, keeps it
            "Call with Dr. Sara Lind. I'll send her the consent form by Friday — correction, "
            "by Monday, she's away Friday.",
            [("me", "Sara Lind", "send her the consent form", MON)],
        ),
        (  # "…, so Tuesday instead"
            "Met Jonas Weber. Promised to send him the case study on Friday, then he said he's "
            "off, so Tuesday instead.",
            [("me", "Jonas Weber", "send him the case study", TUE)],
        ),
        (  # "X doesn't work, Y then"
            "Coffee with Mila Novak. She'll send the translation on Friday. Wait, she just "
            "texted: Friday doesn't work, Monday then.",
            [("them", "Mila Novak", "send the translation", MON)],
        ),
        (  # "then texted that it'll be … instead"
            "Met Bas Smit. He said he'd send the term sheet by Thursday, then emailed an hour "
            "later that it'll be Friday instead.",
            [("them", "Bas Smit", "send the term sheet", FRI)],
        ),
        (  # "was supposed to …; now pushed that to …"
            "Drinks with Ana Lima. Ana was supposed to send me the media plan on Thursday; "
            "she's now pushed that to Monday.",
            [("them", "Ana Lima", "send me the media plan", MON)],
        ),
    ],
)
def test_a_date_moved_later_in_the_note(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # asked of someone for me, and agreed: theirs
            "Dinner with Lena Kraus and her brother Max. Lena asked Max to fix my bike "
            "on Saturday and he said fine.",
            [("them", "Max", "fix my bike", SAT)],
        ),
        (  # "…, which she'll do by Monday": what she was asked
            "Lab visit w/ Prof. Ian Doyle and his student Ruth Kim. Ian asked Ruth to send me "
            "the raw data, which she'll do by Monday.",
            [("them", "Ruth Kim", "send me the raw data", MON)],
        ),
    ],
)
def test_what_one_asks_another_to_do_for_me(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


def test_what_one_asks_another_to_do_for_themselves_is_no_promise_of_mine() -> None:
    assert (
        promises(
            read("Met Lena Kraus and Max Kraus. Lena asked Max to fix the sink and he agreed.")
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Met Pia Sorensen. I told her I owe her a coffee.",
            [("me", "Pia Sorensen", "a coffee", None)],
        ),
        (  # a learner's "wants that I …", yes said as "I promised it"
            "Met Frau Ute Lang. She wants that I send her the chapter until Friday, I promised it.",
            [("me", "Ute Lang", "send her the chapter", FRI)],
        ),
        (
            "Met Rui Alves. I tell him I will share the scripts tomorrow.",
            [("me", "Rui Alves", "share the scripts", THU)],
        ),
        (  # after a when-clause with no comma
            "Met Zoe Park. When she said it's her birthday I said I'd come to her drinks "
            "on Saturday.",
            [("me", "Zoe Park", "come to her drinks", SAT)],
        ),
        (
            "Met Sam Otieno - he runs a choir and somehow I've agreed to sing on Saturday.",
            [("me", "Sam Otieno", "sing", SAT)],
        ),
        (  # "I have promised to X to …"
            "In my group was Mr. Ravi Patel. I have promised to Ravi to share our model.",
            [("me", "Ravi Patel", "share our model", None)],
        ),
        (  # "Ms. X request our team to …, I already agree"
            "Met Ms. Wang Fei from Haier. Ms. Wang request our team to send the test report "
            "before Friday, I already agree.",
            [("me", "Wang Fei", "send the test report", FRI)],
        ),
        (  # Singlish "ask me whether can …, I said can"
            "Met Jun Tan from OCBC. Jun ask me whether can do a demo on Friday, I said can.",
            [("me", "Jun Tan", "do a demo", FRI)],
        ),
    ],
)
def test_my_promises_said_other_ways(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # where the subject stands before the verb
            "Car boot sale. Yusuf Ali from the next stall said he'll lend us his table tomorrow.",
            [("them", "Yusuf Ali", "lend us his table", THU)],
        ),
        (
            "Met Ivo Petrov. He in turn will email me his notes.",
            [("them", "Ivo Petrov", "email me his notes", None)],
        ),
        (  # "hes gonna" typed on a phone, after a comma
            "met w/ arjun at the chai place, hes gonna send me the flat contact tmrw",
            [("them", "Arjun", "send me the flat contact", THU)],
        ),
        (  # "… was there too and still owes me …"
            "Family lunch. My cousin Darragh was there too and still owes me €50 for the tickets.",
            [("them", "Darragh", "€50 for the tickets", None)],
        ),
        (  # a learner's "still owe me"
            "Met Mrs. Lan Pham. Mrs. Lan still owe me the second payment.",
            [("them", "Lan Pham", "the second payment", None)],
        ),
        (
            "Board games with Ida Holm. Ida still owes me Catan.",
            [("them", "Ida Holm", "Catan", None)],
        ),
        (  # an app as the verb
            "Met Meera Shah who is a nurse. She's going to WhatsApp me the clinic's number.",
            [("them", "Meera Shah", "WhatsApp me the clinic's number", None)],
        ),
        (  # "said shell send me": she'll
            "mtg w/ Olga Petrova. Olga said shell send me the redlines by fri.",
            [("them", "Olga Petrova", "send me the redlines", FRI)],
        ),
        (  # the title before the name, set off by commas
            "Met Tom Reed. The bursar, Mrs. Hale, will pull the costs together by Friday.",
            [("them", "Hale", "pull the costs together", FRI)],
        ),
        (  # "Name (Org): she'll …"
            "Call notes\nNia Adeyemi (Zenith): she'll send the KYC docs fri",
            [("them", "Nia Adeyemi", "send the KYC docs", FRI)],
        ),
        (  # minutes typed in lower case, the second after a comma
            "standup w/ raj + mei. raj will share the draft by fri, "
            "mei to check w/ legal re: the nda",
            [
                ("them", "Raj", "share the draft", FRI),
                ("them", "Mei", "check w/ legal re: the nda", None),
            ],
        ),
    ],
)
def test_their_promises_said_other_ways(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an honorific after the short name, the full name in brackets
            "Visited Gupta ji (Anil Gupta, Tata Power). He will share the vendor form by Friday.",
            [("them", "Anil Gupta", "share the vendor form", FRI)],
        ),
        (
            "Met Priya madam (Dr. Priya Nair, IISc). Madam has asked me to send the draft "
            "by Friday.",
            [("me", "Priya Nair", "send the draft", FRI)],
        ),
        (  # "Anh" at a sentence's start is still the title
            "Coffee with anh Trần Văn Hùng in Hanoi. Anh Hùng said will send me the CVs tomorrow.",
            [("them", "Trần Văn Hùng", "send me the CVs", THU)],
        ),
        (  # a role typed before the comma is no person
            "Lunch with client, Ms. Clara Voss. She asked me to prepare the comparison by Friday, "
            "I said yes.",
            [("me", "Clara Voss", "prepare the comparison", FRI)],
        ),
    ],
)
def test_who_a_promise_is_with(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Wedding in Porto, sat next to Inês Carvalho e Silva, lovely.", ["Inês Carvalho e Silva"]),
        ("Meeting with counsel, Ms. Joanna Pryce KC, at the Rolls Building.", ["Joanna Pryce"]),
        ("Dinner with Luka Babić, Croatian, works at Infobip.", ["Luka Babić"]),
        ("Met the site GM, Shane Walsh, top bloke.", ["Shane Walsh"]),
        ("The head of year, Mrs. Ruth Ames, phoned mid-afternoon to check in.", ["Ruth Ames"]),
        ("roof survey for des ellis. 3 slipped slates + flashing gone.", ["Des Ellis"]),
    ],
)
def test_who_was_met(text: str, people: list[str]) -> None:
    assert sorted(read(text).people) == sorted(people)


@pytest.mark.parametrize(
    ("name", "saved"),
    [
        ("Harriet Lyle KC", "Harriet Lyle"),
        ("Ben Okri QC", "Ben Okri"),
        ("Jo Swinson MP", "Jo Swinson"),
    ],
)
def test_letters_after_a_name_are_not_saved(name: str, saved: str) -> None:
    assert tidy_name(name) == saved


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Simon Okafor", "m"),
        ("Farah Khan", "f"),
        ("Marie-Ève Roy", "f"),
        ("Klaus-Peter Bauer", "m"),
    ],
)
def test_more_first_names_hint_she_or_he(name: str, gender: str) -> None:
    assert hinted_gender(name) == gender


def test_a_hinted_name_alone_is_not_taken_for_someone_met() -> None:
    """The extra names only say "she" or "he": a child talked about stays talked about."""
    result = read(
        "Parents' evening with Ms. Ada Obi, Maya's teacher. Maya is doing great in reading."
    )
    assert result.people == ("Ada Obi",)


def test_a_first_name_typed_without_capitals_that_promises_me_was_there() -> None:
    result = read("at the pool: marco will save me a lane thurs 7am")
    assert promises(result) == [("them", "Marco", "save me a lane", THU)]


def test_wed_next_is_the_coming_wednesday() -> None:
    assert promises(read("Met Ana Ruiz. I'll send her the deck Wednesday.")) == [
        ("me", "Ana Ruiz", "send her the deck", WED_NEXT)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a comment after the promise is no part of it
            "Met Liam Walsh. I owe Liam a pint, obviously.",
            [("me", "Liam Walsh", "a pint", None)],
        ),
        (
            "Met Aoife Byrne. Aoife asked me to mentor two of her founders in two weeks, "
            "and sure I will.",
            [("me", "Aoife Byrne", "mentor two of her founders", date(2026, 3, 25))],
        ),
        (  # "Before I left I agreed to …" with no comma
            "Met Ola Berg. Before I left I agreed to host Ola's supper club on Saturday.",
            [("me", "Ola Berg", "host Ola's supper club", SAT)],
        ),
        (  # "before month end", a learner's "before the day 25"
            "Met Ada Eze. I'll introduce her to Kelechi before month end.",
            [("me", "Ada Eze", "introduce her to Kelechi", date(2026, 3, 31))],
        ),
        (
            "Met Sra. Lucía Gómez. I must send her my CV before the day 25.",
            [("me", "Lucía Gómez", "send her my CV", date(2026, 3, 25))],
        ),
    ],
)
def test_words_and_dates_of_a_promise(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a condition after the action stays in it (the corpus convention since round
            # 16, as for "once", "before" and "when"), the date still the due …
            "Met Jan Kowal, the builder. He'll start on Monday if we're happy with the quote.",
            [("them", "Jan Kowal", "start if we're happy with the quote", MON)],
        ),
        (  # … but after ", and if" another thought begins
            "Met Jan Kowal. He'll send me the quote on Monday, and if it's fine we start.",
            [("them", "Jan Kowal", "send me the quote", MON)],
        ),
        (  # … but a question the action asks is
            "Met Noor Aziz. I'll ask my sister if she's free and let Noor know by Friday.",
            [("me", "Noor Aziz", "ask my sister if she's free and let Noor know", FRI)],
        ),
        (  # asides after the promise
            "Met Gerald Pike next door. He'll lend us his ladder which is great "
            "because ours broke.",
            [("them", "Gerald Pike", "lend us his ladder", None)],
        ),
        (
            "Met Bea Kahn. She'll send me a short brief by Friday, ahead of a lunch "
            "we're planning.",
            [("them", "Bea Kahn", "send me a short brief", FRI)],
        ),
        (
            "Met Markus Weber. Markus will send the cheque on Monday and wants a shout-out.",
            [("them", "Markus Weber", "send the cheque", MON)],
        ),
        (
            "Met Dr. Min-seo Choi. She promised to lend me her old books, very kind.",
            [("them", "Min-seo Choi", "lend me her old books", None)],
        ),
    ],
)
def test_what_is_no_part_of_the_action(text: str, expected: list[Promise]) -> None:
    assert promises(read(text)) == expected


def test_she_after_a_new_encounter_is_the_one_just_met() -> None:
    """A known "she" met earlier does not beat the one of unknown gender met just now."""
    text = (
        "Lunch with the inspector, Ms. Rachel Goldberg, very strict. After lunch I met the "
        "young chef, Thi Lan Nguyen, from Hanoi. Very impressive. She will send me her "
        "references tomorrow."
    )
    assert promises(read(text)) == [("them", "Thi Lan Nguyen", "send me her references", THU)]


def test_she_after_her_colleague_is_still_her() -> None:
    text = "Met Anna Berg. Her colleague Sam Ode was there too. She'll send me the deck."
    assert promises(read(text)) == [("them", "Anna Berg", "send me the deck", None)]


def test_an_initial_alone_is_the_one_met_with_it() -> None:
    text = (
        "mtg w/ K. Osei re budget - K. to send numbers by Friday - me: send K. the plan by nxt Tue"
    )
    assert promises(read(text)) == [
        ("them", "K. Osei", "send numbers", FRI),
        ("me", "K. Osei", "send K. the plan", TUE),
    ]


def test_who_a_lower_case_relative_is_is_no_part_of_the_introduction() -> None:
    text = "met kwame asante at the expo. he will intro me to his brother kofi who does solar"
    assert promises(read(text)) == [("them", "Kwame Asante", "intro me to his brother kofi", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Met Tom Hale. Tom offered to get me tickets to the final but then remembered they're "
        "sold out, so that's not happening.",
        "Met Ivo Lang. He offered to send me the catalogue but I told him not to bother.",
        "Call with Sara Ali. I'd offered to draft the contract by Thursday but she said legal "
        "will do it, so I'm off the hook.",
        "Call with Omar Said. He also offered to host our team in Dubai, declined for now.",
    ],
)
def test_a_promise_called_off_in_its_sentence(text: str) -> None:
    assert promises(read(text)) == []


def test_a_date_moved_by_telling_them_to_expect_it_later() -> None:
    text = (
        "Call with Samir Haddad. I'd said I'd send the guide by Friday, but we're rewriting "
        "it, so I told him to expect it on the 20th instead."
    )
    assert promises(read(text)) == [("me", "Samir Haddad", "send the guide", date(2026, 3, 20))]
