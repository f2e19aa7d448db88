"""The ninth round's phrasing families (issue #12): the classes the eighth round's final
blind sets (heldout6 and heldout7, now dev25 and dev26) still showed once scored.

Fresh notes, none of them in the corpus: each family is written here in other words than
the note that showed it, so a rule that only fits that note fails by name.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.capture.parser import _split_sentences, read_by_rules
from desktop.domain.capture.rules import EnglishRules, rules_for
from tests.capture_notes import FRI, MON, THU, promises, read


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (  # "rang" is a call, typed in lower case too
            "rang olu bakare about the van. he'll drop the keys off fri",
            ["Olu Bakare"],
        ),
        (  # "met THE …": a star struck writer's capitals are no part of the name
            "omg met THE Priya Raman at the launch, she'll look at my reel",
            ["Priya Raman"],
        ),
        (  # someone described as "a guy called …" after the activity
            "Spotted for a woman named Keiko at the bouldering wall, great technique.",
            ["Keiko"],
        ),
        (  # a couple named once, the family name after the second first name
            "Drinks next door — Tom and Clara Whitfield, just moved in from Leeds.",
            ["Tom Whitfield", "Clara Whitfield"],
        ),
        (  # … but not in a longer list where the first has their own surname
            "Dinner with Ola Berg, Tim and Eva Lund.",
            ["Ola Berg", "Tim", "Eva Lund"],
        ),
        (  # a first name after a relation who was nice to me was there
            "Took Dad to the eye clinic. The receptionist Moira was so kind, found us a "
            "wheelchair.",
            ["Moira"],
        ),
        (  # … and "Marco's." ends a sentence (the "s" is no initial)
            "Supper at Pavel's. His wife Irena cooked pierogi.",
            ["Irena"],
        ),
        (  # whoever hosted, named again later, was there
            "Quiz night at Siobhan's. Siobhan said she'd text me the answers.",
            ["Siobhan"],
        ),
        (  # … but a shop's name is no one, nor someone whose ankle is looked at
            "Lunch at Nando's with Ana Ruiz. She offered to look at Mia's ankle, "
            "I said I'd bring Mia by.",
            ["Ana Ruiz"],
        ),
        (  # "Told X I'd …": told face to face, a three-word name with an accent
            "Choir rehearsal. Told José Ángel Ruiz I'd print the scores.",
            ["José Ángel Ruiz"],
        ),
        (  # a call heading with the employer before the colon, "+" between the names
            "Zoom, Vattenfall: Ingrid Sjöberg + Nils Ekdahl.",
            ["Ingrid Sjöberg", "Nils Ekdahl"],
        ),
        (  # the employer between "w/" and the colon is no one
            "Kick-off w/ Siemens: Lukas Brandt, Mei Chen. Lukas signed off the plan.",
            ["Lukas Brandt", "Mei Chen"],
        ),
        (  # one line per person with the employer after a comma, and a first name "from"
            "Stand visits:\n- Ruth Adler, Philips - wants a quote\n"
            "- Goran Petrovic (ABB) - no need\n- Mateo from Bosch, just swapped cards",
            ["Ruth Adler", "Goran Petrovic", "Mateo"],
        ),
        (  # typed in lower case: a role before the name, "n" for "and"
            "catch up w/ lawyer maeve o'connor, then mtg w/ ravi n priya frm tcs",
            ["Maeve O'Connor", "Ravi", "Priya"],
        ),
        (  # the head of a sentence, then "she'll …" to me in the next one
            "Gallery opening. New curator Hana Novak runs the print room! She'll send me "
            "the catalogue.",
            ["Hana Novak"],
        ),
        (  # a sentence typed in lower case that opens with a verb names no one
            "bought bread from the new baker, nice chat.",
            [],
        ),
        (  # … but a name that ends like one still opens it
            "fred olsen from maersk - wants the rates",
            ["Fred Olsen"],
        ),
        (  # "I promised X (…) I'd …": promised face to face
            "Street party. I promised Kojo (the landlord's son) I'd fix his bike.",
            ["Kojo"],
        ),
        (  # a relation's first name, then "and she asked me"
            "His sister Ilse runs the bakery and she asked me to bring jars.",
            ["Ilse"],
        ),
        (  # a first name from somewhere who came by; a name the table knows as either
            "Oh and Sam from the allotment committee came by with eggs.",
            ["Sam"],
        ),
        (  # a line opening with a dash, a nickname who fixed something of mine
            "office party\n— Paddy fixed my printer, I owe him one",
            ["Paddy"],
        ),
        (  # someone's relation with an accent in it, named after a comma
            "Met Ana's fiancé, Tomás Ibarra, at last.",
            ["Tomás Ibarra"],
        ),
        (  # a relation whose name the table does not know, who gave us something
            "Met Núria Vidal, the booker. Her assistant Jordi gave us wristbands.",
            ["Núria Vidal", "Jordi"],
        ),
        (  # … but not a place after "He's relocating to"
            "Lunch with Ken Ito. He's relocating to Lisbon and asked me to send tips.",
            ["Ken Ito"],
        ),
        (  # nor an employer after "Her colleague from"
            "Met Ana Ruiz. Her colleague from Wipro, Ravi Nair, joined us later.",
            ["Ana Ruiz", "Ravi Nair"],
        ),
        (  # a list goes on past a description of the first
            "Met with Wanjiru Kamau, treasurer of the co-op, and Mr. Peter Otieno.",
            ["Wanjiru Kamau", "Peter Otieno"],
        ),
        (  # … and past "the ROLE," before a titled name
            "Review with Ms. Ada Obi (Year 5 lead) and the SENCO, Mr. Huw Price.",
            ["Ada Obi", "Huw Price"],
        ),
        (  # a round of meetings, the organization, a dash, then who was met from it
            "Partnering day, three meetings:\nNovartis — Dr. Lea Brun and Tom Hale.\n"
            "Lonza — Ines Graf. She'll send the CDA.\nBayer (pharma) — Omar Haddad.",
            ["Lea Brun", "Tom Hale", "Ines Graf", "Omar Haddad"],
        ),
        (  # "he came with …": whoever he came with was there too
            "Finally met Ravi Shah at the party — he came with Lena Vogt, his producer.",
            ["Ravi Shah", "Lena Vogt"],
        ),
        (  # a couple the name table knows neither of, after "in-laws"
            "Sat with my in-laws, Tama and Rawiri Ngata, all evening.",
            ["Tama Ngata", "Rawiri Ngata"],
        ),
        (  # a visit "to the clinic with …" is no plan
            "Site visit to the depot with Abdi Warsame and Lul Hassan from WFP.",
            ["Abdi Warsame", "Lul Hassan"],
        ),
        (  # lines typed in lower case, a name, a bracket or a nickname, a dash
            "meetup notes\n- ewa lis (grafana) — will send her slides\n"
            '- tomasz "tom" nowak — wants to pair, i\'ll ping him',
            ["Ewa Lis", "Tomasz Nowak"],
        ),
        (  # a numbered line with a role before the name
            "Ward round:\n1) Dr Ann Roe – fine\n2) Charge nurse Kate Mill – asked for leaflets",
            ["Ann Roe", "Kate Mill"],
        ),
        (  # first names the table knows, "there": typed in lower case or not
            "leaving drinks. mia & leo there, sam couldnt come. mia will send pics",
            ["Mia", "Leo"],
        ),
        (
            "Pub quiz. Priya and Tom were there too.",
            ["Priya", "Tom"],
        ),
        (  # … but not someone who was not
            "Pub quiz with Ana Ruiz. Olusegun wasn't there.",
            ["Ana Ruiz"],
        ),
        (  # a group typed in lower case, a dash, a title, "+" between the names
            "coffee w the siemens ppl - dr. eva lind + ole berg.",
            ["Eva Lind", "Ole Berg"],
        ),
        (  # a Latin American degree before the name is a title, and no sentence end
            "almuerzo with Ing. María Fernanda Ruiz (Bimbo). she will send the specs",
            ["María Fernanda Ruiz"],
        ),
        (  # someone's relation "who works for X": X is an employer, not a person
            "Sat beside Lea Brandt, Tom's old flatmate who works for Novo Nordisk.",
            ["Lea Brandt"],
        ),
        (  # someone marked "(not in meeting)" was not met
            "Met Mr. Li Wei from Haier. His assistant Zhou Min (not in meeting) will book "
            "the visit.",
            ["Li Wei"],
        ),
        (  # "Guy from …" is a guy
            "Guy from the brewery came round – Piet de Boer from Heineken.",
            ["Piet de Boer"],
        ),
        (  # "presented me his cousin …": introduced, in a learner's words
            "Churrasco with Bruno Lima. He presented me his sister Carla Lima, she is dentist.",
            ["Bruno Lima", "Carla Lima"],
        ),
        (  # "was also in the meeting"
            "Meeting with Ahmet Kaya. His assistant Elif was also in the meeting.",
            ["Ahmet Kaya", "Elif"],
        ),
        (  # both hosts
            "Diwali dinner hosted by Vikram Rao and his wife Meena.",
            ["Vikram Rao", "Meena"],
        ),
        (  # a relation's first name, a description, then ", she will … me"; the host of a
            # braai was there (so the corpus's writers read 29 of 30 such hosts, round 19)
            "Braai at Pieter's. His wife Annelie is a vet, she will send me a kennel list.",
            ["Pieter", "Annelie"],
        ),
        (  # "many clients" is no one
            "Today at the fair I was meeting with many clients. Later Ms. Rosa Vega, she "
            "asked me for samples.",
            ["Rosa Vega"],
        ),
        (  # a heading, then a name alone on each line
            "Alumni drinks at LBS:\nChiara Bassi\nTomasz Nowak\n- Dr. Aylin Kaya\nNo follow-ups.",
            ["Chiara Bassi", "Tomasz Nowak", "Aylin Kaya"],
        ),
        (  # … a first name alone among them when the table knows it
            "Market stall shift, met:\nIngrid\nMoana Te Rangi\nOlu Bankole",
            ["Ingrid", "Moana Te Rangi", "Olu Bankole"],
        ),
        (  # "Pitched X" opening the note
            "Pitched Lena Vogt (Point Nine) at the demo day.",
            ["Lena Vogt"],
        ),
        (  # a club's evening, a colon, who came
            "Book club tonight: Ingrid, Thabo Mokoena, and the new guy Luca.",
            ["Ingrid", "Thabo Mokoena", "Luca"],
        ),
        (  # typed in lower case: someone's relation after a possessive, then a kin word
            "at the wedding!! sat with the bride's aunt meera shah and her husband vik, "
            "lovely ppl.",
            ["Meera Shah", "Vik"],
        ),
        (  # "another mum, Name": no one called Another
            "parents evening. chatted w/ mr tom hale and another mum, Ines Roca.",
            ["Tom Hale", "Ines Roca"],
        ),
        (  # an introduction typed in lower case, past "his coworker"
            "met joost bakker, he intro'd me to his coworker fleur de wit. she'll dm me.",
            ["Joost Bakker", "Fleur de Wit"],
        ),
        (  # "abt" and "wasnt" are no part of a name
            "talked to coach gary reid abt the club. their chair dr. lowe wasnt there",
            ["Gary Reid"],
        ),
        (  # a list goes on past an org to a titled name
            "Spoke with Ebony Hall from Leeds and Dr. Mohan Rao who's on the committee.",
            ["Ebony Hall", "Mohan Rao"],
        ),
        (  # … and past a description holding "and" to "a woman called …"
            "Seated next to Declan Byrne, a retired priest and a total hoot, and a woman "
            "called Ruth Cole who bakes.",
            ["Declan Byrne", "Ruth Cole"],
        ),
        (  # two full names typed in lower case after a heading
            "hannover messe. booth 14: anja kraus + felix bauer from siemens, want a pilot.",
            ["Anja Kraus", "Felix Bauer"],
        ),
        (  # a relation typed in lower case who gave me something
            "met Nkechi Obi after her set. also her flatmate jonas richter, works at "
            "SoundCloud, gave me his number",
            ["Nkechi Obi", "Jonas Richter"],
        ),
        (  # a relation opening a later clause who joined us
            "Tango night. Danced with Lucía Paz all night, then her brother Tomás joined us.",
            ["Lucía Paz", "Tomás"],
        ),
        (  # business cards exchanged; "says he'll" is his own promise
            "Exchanged business cards with Mr. Ken Ito of NEC and Ms. Aya Mori of Fujitsu.",
            ["Ken Ito", "Aya Mori"],
        ),
        (  # someone who beat me was there
            "Chess club. New guy, Ivan Petrov, crushed me twice. Hal Finch says he'll bring "
            "his clocks on Friday.",
            ["Ivan Petrov", "Hal Finch"],
        ),
        (  # typed in lower case, "+" after an org, a three-word name in brackets after
            "at fitur. met sara gil from Visit Peru + juan pablo ortiz (latam). sara will "
            "send dates",
            ["Sara Gil", "Juan Pablo Ortiz"],
        ),
        (  # a relative clause naming a business: the business is no one
            "Chatted with Rohan Shah, who runs a design studio, Studio Tilt.",
            ["Rohan Shah"],
        ),
        (  # typed in lower case, a bracket after the name, then what they will do
            "at mwc: nina berg (ericsson) will send the paper fri",
            ["Nina Berg"],
        ),
        (  # "a dad I hadn't met, X"; "I was on the tombola with …" is a meeting
            "I was on the tombola with Jo Pike and a dad I hadn't met, Kofi Boateng.",
            ["Jo Pike", "Kofi Boateng"],
        ),
        (  # items numbered on one line, each opening with a full name
            "Poster session → 1) Elif Demir (Bogazici) liked it. 2) Jakub Novak wants the "
            "code. 3) Rafa Souza, no affiliation.",
            ["Elif Demir", "Jakub Novak", "Rafa Souza"],
        ),
        (  # "re:" is what the meeting was about, no one
            "Residents' meeting re: Harbour Road works.\nSpoke with: Cllr. Ann Mwangi.",
            ["Ann Mwangi"],
        ),
        (  # lower-case honorifics heading a clause
            "fridge volunteers mtg. brother yusuf ali runs it. sister amina osman gonna send "
            "me the rota tonight.",
            ["Yusuf Ali", "Amina Osman"],
        ),
        (  # a lower-case list goes on past "+"
            "dinner crew: zofia nagy, mateus lima, grace kim + aditya rao (both vercel).",
            ["Zofia Nagy", "Mateus Lima", "Grace Kim", "Aditya Rao"],
        ),
        (  # I introduced two people met to each other
            "Summit. Introduced Tamara Kovač (my old colleague) to Julian Ash from Notion.",
            ["Tamara Kovač", "Julian Ash"],
        ),
        (  # "… and her husband X told stories", "a retired judge called Y sat next to me"
            "Dinner at the Okafors'. Ngozi Okafor cooked jollof and her husband Emeka Okafor "
            "told stories. Their neighbour, a retired judge called Ruth Hale, sat next to me.",
            ["Ngozi Okafor", "Emeka Okafor", "Ruth Hale"],
        ),
        (  # "X, who I came with"
            "Meetup. I introduced her to Johan Berg, who I came with.",
            ["Johan Berg"],
        ),
        (  # a rank before the name; "said hello to"
            "Spoke with Deputy Head of Mission Anne Roy. Also said hello to Sir Ed Hale.",
            ["Anne Roy", "Ed Hale"],
        ),
        (  # a list separated by semicolons after a heading
            "At our table: Ana Ruiz, a fiddler; her partner Declan; and Tom Keane.",
            ["Ana Ruiz", "Declan", "Tom Keane"],
        ),
        (  # … but a semicolon followed by a clause ends it
            "coffee w/ tomas novak (skoda); wants to meet our cto marek",
            ["Tomas Novak"],
        ),
        (  # a seller met: "bought cheese from …"
            "farmers market. bought cheese from pieter de boer. nice chat.",
            ["Pieter de Boer"],
        ),
        (  # a learner's "Meet X and Y" and "X introduce me to her friend Z"
            "Beauty expo. Meet Park Ji-hoon and Kim Soo-yeon from Amore. Soo-yeon introduce "
            "me to her friend Lee Min-jung.",
            ["Park Ji-hoon", "Kim Soo-yeon", "Lee Min-jung"],
        ),
        (  # both hosts, a couple named once; "Other guests:"
            "Dinner in Lyon, hosted by Claire and Matthieu Dubois. Other guests: Matthieu's "
            "boss, Sophie Lambert, and Claire's old flatmate Nadia Belkacem.",
            ["Sophie Lambert", "Nadia Belkacem", "Claire Dubois", "Matthieu Dubois"],
        ),
        (  # "X from Org dropped by"
            "MWC. Met Johan Berg; later Carlos Gil from Telefónica dropped by with his intern, "
            "Lucía Moreno.",
            ["Johan Berg", "Lucía Moreno", "Carlos Gil"],
        ),
        (  # "next to me:" and ", +" between names typed in lower case
            "speaker dinner - next to me: raj iyer (google), dana whitfield, + olek nowak.",
            ["Raj Iyer", "Dana Whitfield", "Olek Nowak"],
        ),
        (  # honorifics of other languages before a name; a Korean given name with "-ji"
            "Met Dott. Marco Ferri, dr hab. Anna Nowak, Mzee Joseph Okello and Choi Eun-ji 대표님.",
            ["Marco Ferri", "Anna Nowak", "Joseph Okello", "Choi Eun-ji"],
        ),
        (  # a meeting written half in the writer's language, "et son collègue"
            "Dîner d'affaires avec Marie Roy (Desjardins) et son collègue Jean Côté.",
            ["Marie Roy", "Jean Côté"],
        ),
        (  # … but "con clientes" is no one
            "Cena con clientes — dinner with the team from Bimbo: Luis Treviño and Paola Ríos.",
            ["Luis Treviño", "Paola Ríos"],
        ),
        (  # a short name, then the full one in brackets, then where she works
            "At the fair, Ola (Aleksandra Wójcik) from Comarch introduced me to her boss Paweł "
            "Mazur.",
            ["Aleksandra Wójcik", "Paweł Mazur"],
        ),
        (  # "her and with two neighbours I hadn't met before, X and his wife Y"; a talk given
            "Watch meeting. PC Laura Sims gave a talk; afterwards I chatted with her and with "
            "two neighbours I hadn't met before, Gordon Hay and his wife Aileen.",
            ["Gordon Hay", "Aileen", "Laura Sims"],
        ),
        (  # "X himself, his wife Y"
            "Retirement party. Chatted with Gerhard Baum himself, his wife Ulrike.",
            ["Gerhard Baum", "Ulrike"],
        ),
        (  # kin words are no names; "Professor Emeritus" is a title
            "Alumni dinner. I sat between Professor Emeritus Alan Whit and Gran.",
            ["Alan Whit"],
        ),
        (  # degrees in capitals inside a description
            "Sat with his widow, Birgit Hall, and his two former PhD students, Erik Lind and "
            "Dr. Amara Nwosu.",
            ["Birgit Hall", "Erik Lind", "Amara Nwosu"],
        ),
        (  # "crewed for"; "she worked with X" is no meeting of mine
            "Sailing day. Crewed for Niamh Fitz. Turns out she worked with Dan Mwangi once.",
            ["Niamh Fitz"],
        ),
        (  # "Dad's old friend X and his daughter Y"
            "Visited Dad. Also bumped into Dad's old friend Pat Keane and his daughter Siobhán.",
            ["Pat Keane", "Siobhán"],
        ),
        (  # a list goes on after "from …" with a relation's first name, then a newcomer
            "Garden day. Worked alongside Mr. Taro Sato from number 8, his granddaughter Hana, "
            "and a newcomer, Bea Costa.",
            ["Taro Sato", "Hana", "Bea Costa"],
        ),
        (  # honorifics after names in a list ("ji", "madam")
            "Met Mr. Rajesh Sharma ji and Priya Iyer madam from Infosys.",
            ["Rajesh Sharma", "Priya Iyer"],
        ),
        (  # a name in its own script in brackets, then "from …", then a relation
            "Today meet Mr. Wang Jun (王军) from Huawei and his assistant Ms. Li Na in Shenzhen.",
            ["Wang Jun", "Li Na"],
        ),
        (  # "chez L'Oréal" is where she works; "discussed long time with"
            "I discussed long time with Mme Hélène Roy, directrice chez L'Oréal, and with a "
            "young entrepreneur, Karim Benali.",
            ["Hélène Roy", "Karim Benali"],
        ),
        (  # a Moroccan "Si" before the name
            "Rendez-vous with Si Hassan Idrissi (OCP) and Mlle Salma Bennani.",
            ["Hassan Idrissi", "Salma Bennani"],
        ),
    ],
)
def test_who_was_there(text: str, people: list[str]) -> None:
    assert list(read(text).people) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (  # someone's wife who cooked at the dinner was there
            "Supper at Pavel's. Pavel's wife Irena cooked pierogi.",
            ["Irena"],
        ),
        (  # an interjection is no one
            "Call with Ana Ruiz. Oh and I owe Ben a coffee.",
            ["Ana Ruiz"],
        ),
        (  # one line of "place — name" alone is a heading, not a meeting
            "Lunch with Ana Ruiz.\nMarseille — Marie Laurent.",
            ["Ana Ruiz"],
        ),
        (  # someone described as "a guy called …" but only talked about
            "Lunch with Ana Ruiz. Her old boss, a guy called Piet Smit, might invest.",
            ["Ana Ruiz"],
        ),
        (  # an employer after "is a … with", an app in capitals: no one met (a round-8 case)
            "Reunion at the club. Cara Doyle organised it. Rory Quinn is a pilot with Aer "
            "Lingus now. She's making a class WhatsApp and I said I'd send her the old photos.",
            ["Cara Doyle"],
        ),
    ],
)
def test_who_the_rules_read_as_met(text: str, people: list[str]) -> None:
    """What the phrase rules read. The learned scorer (``who_scorer``) may add one more
    here: the host of the supper (annotators count hosts as met), the person of a debt,
    a name on a line of its own (lists of people met look so), "a guy called …" (most
    notes that say so met him), a classmate talked about at a reunion (likely there);
    each a judgement the corpus is split on, shown in the preview, where ✕ removes it."""
    reading = read_by_rules(text, datetime(2026, 12, 7, 18), [], EnglishRules())
    assert reading.people == people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the employer after the name on a labelled line; "will" is theirs
            "Expo chats:\n- Ruth Adler, Philips: will share the spec sheet fri\n"
            "- Goran Petrovic (ABB): I'll send him our deck tomorrow",
            [
                ("them", "Ruth Adler", "share the spec sheet", FRI),
                ("me", "Goran Petrovic", "send him our deck", THU),
            ],
        ),
        (  # "hav to": typed without the "e"
            "met maeve o'connor. i hav to send her the lease by fri",
            [("me", "Maeve O'Connor", "send her the lease", FRI)],
        ),
        (  # "said in my email I'd …" names no one
            "Meeting with Dara Flynn. I'd said in my email I'd move the date, we kept it. "
            "I'll call Dara on Monday.",
            [("me", "Dara Flynn", "call Dara", MON)],
        ),
    ],
)
def test_who_owes_what(text: str, expected: list[tuple[object, ...]]) -> None:
    assert promises(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a second infinitive after a dated first action is a second promise
            "Met Ana Ruiz. I promised to return the drill by Friday and to fix her gate next time.",
            [
                ("me", "Ana Ruiz", "return the drill", FRI),
                ("me", "Ana Ruiz", "fix her gate next time", None),
            ],
        ),
        (  # … theirs too
            "Met Ana Ruiz. She agreed to send the budget by Thursday and to check the venue.",
            [
                ("them", "Ana Ruiz", "send the budget", THU),
                ("them", "Ana Ruiz", "check the venue", None),
            ],
        ),
        (  # … but "and to the shop" is a place, not an action
            "Met Ana Ruiz. I need to go to the bank and to the post office.",
            [("me", "Ana Ruiz", "go to the bank and to the post office", None)],
        ),
        (  # "sat" and "sun" after the object, ending the clause, are days
            "met ana ruiz. i'll drop off the tent sat, n send her the photos sun",
            [
                ("me", "Ana Ruiz", "drop off the tent", date(2026, 3, 14)),
                ("me", "Ana Ruiz", "send her the photos", date(2026, 3, 15)),
            ],
        ),
        (  # "on weekend" without "the"; "within the 20th"
            "Met Ana Ruiz. I will send her my portfolio on weekend. She will reply within "
            "the 20th.",
            [
                ("me", "Ana Ruiz", "send her my portfolio", date(2026, 3, 14)),
                ("them", "Ana Ruiz", "reply", date(2026, 3, 20)),
            ],
        ),
        (  # "promised to him to …": the words start at the verb
            "Met Dr. Jan Brandl. I promised to him to send an offer by Friday.",
            [("me", "Jan Brandl", "send an offer", FRI)],
        ),
        (  # a role that names someone met in three words
            "Met Deputy Minister Aigerim Nurlanovna Bekova. The Deputy Minister asked me "
            "to send a note by Friday.",
            [("me", "Aigerim Nurlanovna Bekova", "send a note", FRI)],
        ),
    ],
)
def test_what_and_when(text: str, expected: list[tuple[object, ...]]) -> None:
    assert promises(read(text)) == expected


def test_initials_of_a_hyphenated_first_name_are_that_person() -> None:
    result = read("Call with Jean-Pierre Roux and Ana Lima. J-P will send the deck by Friday.")
    assert promises(result) == [("them", "Jean-Pierre Roux", "send the deck", FRI)]


def test_a_promise_of_mine_answers_whoever_asked_just_before() -> None:
    result = read(
        "Lunch with Marco Conti and Eva Lind. Marco starts Monday; Eva joins finance. "
        "He asked for a desk by the window, I'll sort it by Friday."
    )
    assert promises(result) == [("me", "Marco Conti", "sort it", FRI)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a condition "when …" stays in the words
            "Call with Ibrahim Diallo. He'll ping me when he's in Lisbon.",
            [("them", "Ibrahim Diallo", "ping me when he's in Lisbon", None)],
        ),
        (  # … and so does "once she does" (round 15)
            "Met Dan Okafor. I'll send him the offer once she does.",
            [("me", "Dan Okafor", "send him the offer once she does", None)],
        ),
        (  # a short form of a first name met is that person
            "Lunch with Sipho Dlamini and Nomvula Khumalo. I'll pay Nomvu back next time.",
            [("me", "Nomvula Khumalo", "pay Nomvu back next time", None)],
        ),
        (  # a role of two words typed in lower case before the name
            "viewing w/ letting agent tariq aziz. he'll confirm the deposit by fri",
            [("them", "Tariq Aziz", "confirm the deposit", FRI)],
        ),
        (  # a learner's "is promising to", "ask me for send", "I say ok"
            "Today I have meet Mr. Kenji Sato. He is promising to send the catalog until "
            "Friday. He ask me for send the quotation before the 20th, I say ok.",
            [
                ("them", "Kenji Sato", "send the catalog", FRI),
                ("me", "Kenji Sato", "send the quotation", date(2026, 3, 20)),
            ],
        ),
        (  # a request turned down
            "Call with Mateus Lima. He asked me to judge their hackathon — had to say no.",
            [],
        ),
        (  # someone described, then named, who offered in the next clause
            "School concert. Another dad, Hiro Sato, offered to lend me his drill.",
            [("them", "Hiro Sato", "lend me his drill", None)],
        ),
        (  # "Sunday's long run" and "from tonight" are no deadlines
            "Met Tom Wise. I told Tom I'd send him the route for Sunday's long run. He'll "
            "send me the pics from tonight.",
            [
                ("me", "Tom Wise", "send him the route for Sunday's long run", None),
                ("them", "Tom Wise", "send me the pics from tonight", None),
            ],
        ),
        (  # "For X I must …": the to-do is for X
            "Met Ana Ruiz and Jean Roux. For Jean I must send our term sheet before Friday.",
            [("me", "Jean Roux", "send our term sheet", FRI)],
        ),
        (  # a nickname with a full name in brackets: a later nickname is that person
            "Supporters club. Big Davie (David McAllister) and Fraser Lennox. Davie will get "
            "us tickets.",
            [("them", "David McAllister", "get us tickets", None)],
        ),
        (  # … but a family firm in brackets is an employer
            "site mtg w/ Dale Kowal (Kowal Roofing). i owe him the check",
            [("me", "Dale Kowal", "the check", None)],
        ),
        (  # a role taken on is a promise; "be a bit late" or "be a great fit" is not
            "Met Josh Amankwah. I agreed to be one of his mentors. He will be a great fit. "
            "I'll be a bit late though. I said I'd be a judge at his demo day.",
            [
                ("me", "Josh Amankwah", "be one of his mentors", None),
                ("me", "Josh Amankwah", "be a judge at his demo day", None),
            ],
        ),
        (  # "Also X, an apposition, asked me …": X was there and asked
            "Picnic with Ana Cruz. Also Bong Reyes, our old batchmate, asked me to be ninang "
            "for his baby's christening.",
            [("me", "Bong Reyes", "be ninang for his baby's christening", None)],
        ),
        (  # arrows on labelled lines: "-> I send …", "-> owes me …, chased twice"
            "dinner w/ partners\n- Leonor Vaz, also Farfetch -> I send her the draft tmrw\n"
            "- Henrik Dahl (Northvolt) -> owes me the battery specs, chased twice",
            [
                ("me", "Leonor Vaz", "send her the draft", THU),
                ("them", "Henrik Dahl", "the battery specs", None),
            ],
        ),
        (  # typed in lower case: someone's relation named, then promising me
            "farmers market. bought cheese from pieter de boer, his daughter lotte runs the "
            "insta. lotte will dm me the prices monday.",
            [("them", "Lotte", "dm me the prices", MON)],
        ),
        (  # "me -> X: …" labels my to-do for X
            "Design review\n- Ola Berg: will share the plan Monday\n- me -> Ola: send the "
            "scripts today",
            [
                ("them", "Ola Berg", "share the plan", MON),
                ("me", "Ola Berg", "send the scripts", date(2026, 3, 11)),
            ],
        ),
        (  # a learner's "I speaked with …", "I promised to X send …"
            "I speaked with Lucía Paz at the meetup. I promised to Lucía send my CV tomorrow.",
            [("me", "Lucía Paz", "send my CV", THU)],
        ),
        (  # "promised to X that I'd …"
            "Met Ana Ruiz. I promised to Ana that I'd call her on Friday.",
            [("me", "Ana Ruiz", "call her", FRI)],
        ),
        (  # learners' promise words: "compromise to", "stays to", "stayed pending to"
            "Met Sr. Javier Mora. I compromise to send him the proposal next Friday. Javier "
            "stays to send me the draft by the 15th.",
            [
                ("me", "Javier Mora", "send him the proposal", date(2026, 3, 20)),
                ("them", "Javier Mora", "send me the draft", date(2026, 3, 15)),
            ],
        ),
        (  # "Insha'Allah I send …", "X want me to …", West African "I go call …"
            "Met Eng. Khalid Aziz. Insha'Allah I send him the profile tomorrow. Khalid want me "
            "to give him a call Sunday. I go call his assistant Friday.",
            [
                ("me", "Khalid Aziz", "send him the profile", THU),
                ("me", "Khalid Aziz", "give him a call", date(2026, 3, 15)),
                ("me", "Khalid Aziz", "call his assistant", FRI),
            ],
        ),
        (  # "inşallah" is no part of the words; "wishes that I …" is a request
            "Lunch with Mehmet Kaya. Mehmet will send me the RFP next week inşallah. Mehmet "
            "wishes that I present our product to his team on Friday.",
            [
                ("them", "Mehmet Kaya", "send me the RFP", MON),
                ("me", "Mehmet Kaya", "present our product to his team", FRI),
            ],
        ),
        (  # kin words and "Don" before a name are no part of it
            "Funeral in Graz. Spoke with Cousin Maria Berger. I'll ring Maria on Sunday. Don "
            "Ernesto Villa will sell us mangoes.",
            [
                ("me", "Maria Berger", "ring Maria", date(2026, 3, 15)),
                ("them", "Ernesto Villa", "sell us mangoes", None),
            ],
        ),
        (  # typed in lower case, "w/" and a possessive without its apostrophe: "her" is rosie
            "drinks at the anchor w/ jess, her bf callum and callums sister rosie. rosie said "
            "she can fit me in, i'll text her on mon.",
            [("me", "Rosie", "text her", MON)],
        ),
        (  # a learner's "I owe to X a dinner, absolutely!", "X I promised to …", "I promise give"
            "Cena con Giulia Rossi e suo marito Marco. I owe to Giulia a dinner for the help, "
            "absolutely! Marco I promised to send the photos tomorrow. I promise give Giulia "
            "the book on Friday.",
            [
                ("me", "Giulia Rossi", "a dinner for the help", None),
                ("me", "Marco", "send the photos", THU),
                ("me", "Giulia Rossi", "give Giulia the book", FRI),
            ],
        ),
        (  # the one met is whom I promised; someone I'll check "with" is asked on the way
            "1:1 with Sanna Berg. She wants to lead the migration. I'll raise it with Tom on "
            "Tuesday.",
            [("me", "Sanna Berg", "raise it with Tom", date(2026, 3, 17))],
        ),
        (  # … but "set up a call with Ken" is for Ken
            "Coffee with Zara Qureshi. I'll set up a call with Ken on Friday.",
            [("me", "Ken", "set up a call with Ken", FRI)],
        ),
        (  # a call already booked is no to-do
            "Call with Ana Ruiz.\nFollow-up call booked for Friday.",
            [],
        ),
    ],
)
def test_what_the_words_are(text: str, expected: list[tuple[object, ...]]) -> None:
    assert promises(read(text)) == expected


def test_the_employer_heading_a_list_goes_to_every_name() -> None:
    result = read("Steering group w/ Unilever: Margot Lefèvre, Anil Kapoor.")
    assert result.organizations == {"Margot Lefèvre": "Unilever", "Anil Kapoor": "Unilever"}


def test_an_apostrophe_s_then_a_full_stop_ends_the_sentence() -> None:
    text = "Dinner at Marco's. Then home."
    spans = _split_sentences(text, rules_for("en"))
    assert [text[a:b] for a, b in spans] == ["Dinner at Marco's.", "Then home."]


def test_a_single_letter_initial_still_does_not() -> None:
    text = "Met J. Ruiz today."
    spans = _split_sentences(text, rules_for("en"))
    assert [text[a:b] for a, b in spans] == [text]


def test_a_date_is_kept_for_the_shared_surname_couple() -> None:
    result = read("Raj and Sunita Kapoor came round; Sunita will send the plans by Friday.")
    assert list(result.people) == ["Raj Kapoor", "Sunita Kapoor"]
    assert promises(result) == [("them", "Sunita Kapoor", "send the plans", date(2026, 3, 13))]
