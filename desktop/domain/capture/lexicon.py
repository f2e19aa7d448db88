"""The English word lists and patterns the clause reader is built from (one place to
extend a phrasing family, or to add a language later)."""

from __future__ import annotations

import re

from desktop.domain.capture.text import _MARKS


def _words(spaced: str) -> list[str]:
    """A word list written as one spaced string, which keeps long lists readable."""
    return spaced.split()


_A = "['\u2019]"  # an apostrophe as typed
_NOT_NAME = frozenset(
    _words(
        "i me my we us our you your he him his she her they them their it its the a an this none "
        "that these those there here some any all both each every everyone someone something "
        "nobody nothing no yes one who what which when where why how today tomorrow tonight "
        "yesterday monday tuesday wednesday thursday friday saturday sunday next last also "
        "mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends weekdays "
        "then maybe hopefully great good nice thanks thank ok okay met lunch coffee dinner "
        "breakfast brunch drinks call meeting note notes ps re fyi todo action follow would "
        "should could can must need please and but so or if after before during while later "
        "soon again still just very really promised told said asked owe owes will gonna "
        "sending via from frm at in on with w to for of about by quick long phone video zoom chat "
        "team board new xmas christmas attendees got had ran bumped sat saw caught chatted "
        "talked spoke walk tea beers bbq finally finaly mr mrs ms dr prof sir mum mom dad "
        "wife husband kids family boss folks guys parents friends colleagues people shes hes "
        "theyre im ive dont cant wont apparently actually basically honestly luckily "
        "unfortunately fortunately obviously clearly probably surprisingly interestingly "
        "sadly thankfully weirdly oddly eventually originally personally meanwhile anyway "
        "btw turns whose whom two three four five six seven eight nine ten several few "
        "couple bunch lots loads dozen group crowd back present first second third lastly "
        "many most more other others various follow-up followup another abt "
        "wasnt werent didnt couldnt isnt doesnt havent hasnt ppl peeps lovely "
        "gran granny nan nonna nonno grandma grandpa grandad granddad himself herself "
        "between among around across behind near outside inside "
        "afterwards afterward earlier pt super cool quiet shy madam maam dipl d\u00f1a "
        # times of day ("phoned mid-afternoon")
        "morning afternoon evening mid-morning mid-afternoon midday noon "
        # languages and nationalities ("prepare the Japanese version for Nakamura-san")
        "japanese chinese german french spanish italian portuguese arabic turkish korean "
        "vietnamese hindi russian polish swedish norwegian danish finnish greek "
        "croatian serbian slovenian bosnian czech slovak hungarian romanian bulgarian ukrainian "
        "dutch belgian swiss austrian scottish british american canadian mexican brazilian "
        "argentinian chilean colombian peruvian nigerian ghanaian kenyan ethiopian egyptian "
        "moroccan indian pakistani thai indonesian filipino malaysian singaporean australian "
        "icelandic estonian latvian lithuanian israeli iranian lebanese emirati kiwi aussie "
        # a role in capitals after "the site": "Met the site GM, Shane O'Loughlin"
        "gm "
        # interjections that open a sentence typed in a hurry ("Ah and I owe Andrés …")
        "ah oh uh um hmm ooh aha wow yay argh ugh omg lol "
        # apps and products written in capitals mid-sentence ("a class WhatsApp and I …")
        "whatsapp pycharm youtube linkedin github gitlab paypal iphone ipad macbook "
        "javascript typescript tiktok chatgpt hubspot wechat facetime powerpoint sharepoint "
        "onedrive mailchimp quickbooks playstation "
        # honorifics before a name (HONORIFICS_BEFORE) that are never one themselves
        "encik puan datuk dato datin hajia hajiya hajjah ustaz ustadh manong manang"
    )
)
# words of speech and linking that never describe who a name after them is, nor let a
# clause end before it ("told Gerhard he'll …", "ask sarah if …"): shared by the reader
# of a description before a name (actors) and the cutter of run-on sentences (clauses)
_LINKING_WORDS = frozenset(
    _words(
        "and as ask asked at because but by call called email emailed for from him if me met "
        "of remind reminded said saw says so tell text texted thank thanked that them to "
        "told us w when with"
    )
)
_PARTICLES = frozenset(
    _words(
        "de da di do dos das del della dela delos der den du la le los las van von ten ter "
        "bin binti binte bint ibn al el y e zu ap"
    )
)
# honorifics said before a name in the places the notes come from, none of them the start
# of a name: Nigerian "Oga Emeka", Malay "Encik Faizal", "Puan Siti", "Datuk Lee", "Tan Sri
# Ahmad", Hausa "Hajia Amina", Arabic "Sheikh Khalid", Italian "Sig.ra Paola", Spanish
# "Señora Lucía", Ilocano "Manong Ben"
HONORIFICS_BEFORE = (
    r"oga|encik|cik|puan(?:\s+sri)?|datuk|dato['\u2019]?|datin|tan\s+sri|toh\s+puan"
    r"|hajia|hajiya|hajjah|hajah|sheikh|shaykh|shaikh|sayyid|ustaz|ustadh|ustadha|ustazah"
    r"|sig(?=\.)|sig\.ra|sig\.na|signor|signora|signorina|se[ñn]or|se[ñn]ora|se[ñn]orita"
    r"|manong|manang|mallam|malam"
    r"|deaconess|evangelist|prophetess"  # church titles: "Deaconess Funmilayo Adeyemi"
)
# honorifics said after a given name: "Ravi bhai", "Meena didi", "Ji-hoon ssi", "Ayşe
# hanım", "Rao garu", "Rekha aunty"
HONORIFICS_AFTER = (
    r"sir|ma['\u2019]am|madam|ji|san|sahib|saheb|sahab|saab|bhai|bhaiya|didi|garu|ssi|nim"
    r"|bey|han[ıi]m|efendi|hoca|abla|sensei|uncle|aunty|auntie"
)
# Vietnamese titles before a given name ("anh Minh", "chị Lan"); "Anh" is a given name too
VIETNAMESE_TITLES = ("anh", "ch\u1ecb", "c\u00f4", "ch\u00fa", "b\u00e1c")
_TITLES = re.compile(  # one or more: "Herr Dr. Klaus Riedel", "A/Prof Daniel Whitehorse"
    r"(?:(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame|rev|revd|reverend|shri|sri|smt|herr|frau|mme"
    r"|fr|sra|dra|cllr|coach|capt|captain|sgt|hon|judge|senator|rabbi|imam|pastor|father|sister"
    r"|brother|engr|eng|arch|atty|adv|councilmember|councilwoman|councilman|alderman|mayor"
    # Filipino kin honorifics ("Ate Joy Santos"), "Chief Emeka …", police ranks ("PC Owen …")
    r"|ate|kuya|tita|tito|chief|pc|insp|inspector|constable|ot|m(?=\.)|ma[iî]tre|me(?=\.)"
    r"|uncle|aunt|auntie|aunty|t\u00edo|t\u00eda|onkel|oncle"  # "Uncle Bill", "tío Felipe"
    # Vietnamese "anh Minh", "chị Lan" (in lower case only: "Anh" is a given name too)
    rf"|(?-i:{'|'.join(VIETNAMESE_TITLES)})(?=\s+(?-i:[A-Z\u00c0-\u1ef9]))"
    # … and capitalised, those no given name is spelt like: "Chị Lan will send …"
    r"|(?-i:Ch\u1ecb|Ch\u00fa|B\u00e1c|\u00d4ng|B\u00e0)(?=\s+(?-i:[A-Z\u00c0-\u1ef9]))"
    # Thai "Khun Somchai", Filipino "Ma'am Rowena", Indian "Smt. Kavita Rao"
    r"|khun|ma['\u2019]am|maam|madam|smt"
    r"|doctora|doutora|doutor|(?-i:Bro|Sis)(?=\s+(?-i:[A-Z]))"  # "Doctora Valentina", "Bro Tunde"
    # degrees: Latin American "Lic. José Luis", "Ing. Ana"; German "Herr Dipl.-Ing. Matthias"
    r"|dipl\.?-ing(?=\.)|lic(?=\.)|ing(?=\.)|arq(?=\.)"
    # Italian, Polish, Austrian and Swahili ones: "Dott. Marco", "dr hab. Anna", "Mag. Eva"
    r"|dott(?=\.)|dott\.ssa|hab(?=\.)|mag(?=\.)|mzee|bi(?=\.)|bw(?=\.)|bwana|alhaja|alhaji"
    r"|hr(?=\.)|avv(?=\.)"  # German "Hr. Jörg Hoffmann", Italian "avv. Giulia Ferraro"
    r"|emeritus"  # "Professor Emeritus Alan Whitcombe"
    # offices and a firm's officers written before the name, as minutes do: "Ambassador
    # Kenji Watanabe and First Secretary Mai Nguyen", "CEO Amelia Hart, CFO Gordon Blake"
    r"|ambassador|consul|minister|councillor|governor|commissioner"
    rf"|{HONORIFICS_BEFORE}"
    r"|(?:first|second|third|permanent)\s+secretary"
    r"|(?-i:CEO|CFO|CTO|COO|CMO|CPO|CISO|GC|VP|SVP|EVP)(?=\s+(?-i:[A-Z])\S*\s+(?-i:[A-Z]))"
    r"|a/prof|(?:assoc|asst|associate|assistant)\.?\s+prof(?:essor)?)\.?\s+)+",
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
        "april may june july august september october november december "
        "mon tue tues wed weds thu thur thurs fri feb apr jul aug sep "
        "sept oct nov dec eow eod eom cob"
    )
)

# (Scots "wi Callum", without its apostrophe, only before a capital: "wi" is no word)
_WITH = r"(?:with|w/|w|wi[\u2019']|wi(?=\s+(?-i:[A-Z]))|wiht|wth)"
_SENTENCE_START = r"(?:(?<![\s\S])|(?<=\n)|(?<=\.\s))"  # the note's, a line's or a sentence's
_MEET = (
    rf"(?:met(?:\s+up)?(?:\s+{_WITH})?(?:\s+(?-i:THE)(?=\s+(?-i:[A-Z])[a-z]))?|{_SENTENCE_START}meet\s+with"
    # "mtd Sanjay Gupta" typed in a hurry; "I had the honor to meet Professor Yamamoto"
    # "… brought along her counterpart from Orange, Jean-Baptiste Morel"
    r"|brought(?:\s+along)?(?=\s+(?:her|his|their)\s)"
    r"|mtd|(?:(?<=honor\sto\s)|(?<=honour\sto\s)|(?<=pleasure\sto\s)|(?<=chance\sto\s)"
    r"|(?<=got\sto\s))meet"
    # a learner's "Meet Park Ji-hoon and Kim Soo-yeon from Amorepacific" opening a sentence
    r"|(?:(?<![\s\S])|(?<=\n)|(?<=\.\s)|(?<=(?-i:T)oday\s)|(?<=(?-i:T)oday\sI\s))"
    r"(?-i:Meet|meet|Meeting|meeting)"  # "Meeting chị Nguyễn Thị Lan from Vinamilk"
    r"(?=\s+(?:(?-i:Mr|Ms|Mrs|Dr)\.?\s+|(?-i:anh|ch\u1ecb|c\u00f4|ch\u00fa|b\u00e1c)\s+)?"
    r"(?-i:[A-Z\u00c0-\u1ef9])\w+(?:-\w+)?\s+(?-i:[A-Z\u00c0-\u1ef9]))"
    # a French, Spanish or Italian writer's "met" opening the note: "Rencontré Jean-Baptiste …"
    rf"|{_SENTENCE_START}(?:rencontr[\u00e9e]e?s?|conoc[\u00edi]|incontrat[oa])"
    r"(?=\s+(?-i:[A-Z\u00c0-\u00de]))"
    rf"|ran\s+into|bumped\s+into|caught\s+up\s+{_WITH}|caught(?=\s+(?-i:[A-Z])\w+\s+(?-i:[A-Z]))"
    # "Checked in on Harold Finch next door", "popped in on Mrs. Achterberg"
    r"|(?:checked|popped|dropped|looked)\s+in\s+(?:on|with)"
    r"|(?:sat|stood|roomed|seated|ended\s+up)\s+(?:next\s+to|beside|opposite|with|w/)"
    r"|next\s+to(?!\s+me\s*:)|beside(?!\s+me\s*:)|alongside"
    rf"|(?:chatted|chatting|talked|talking|(?<=\bi\s)talk|spoke|speaking|speaked|hung\s+out|hanging\s+out"
    r"|discussed"
    rf"|natter|yarn|catch[\s-]?up|debrief|1:1|one[\s-]on[\s-]one|got\s+talking)"
    rf"\s+(?:(?:first|briefly|again|mostly|later|also|only|longest|long\s+time|long|at\s+length"
    r"|for\s+ages|for\s+hours|for\s+a\s+while|for\s+a\s+bit|a\s+lot)\s+)?"
    rf"(?:{_WITH}|to)"
    # "Told Miguel Ángel Torres I'd book the slot": someone told something face to face
    # "I promised Kwesi (Dad's old friend) I'd bring …"
    rf"|(?:(?<![\s\S])|(?<=\n)|(?<=[.!;]\s))(?:i\s+)?(?:told|promised|assured)"
    r"(?=\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z\u00c0-\u00de])\w+){0,3}(?:\s*\([^()\n]{1,40}\))?"
    rf"\s+i(?:{_A}d|\s+would)\s)"
    r"|(?:(?<=\bhe\s)|(?<=\bshe\s)|(?<=\bthey\s))came\s+(?:along\s+)?with"  # "he came with Inès"
    r"|present(?:ed|s)?\s+me(?:\s+to)?"  # "He present me his cousin …": introduced
    r"|(?:exchanged|swapped)\s+(?:business\s+)?(?:cards|numbers|details)\s+with"
    r"|said\s+(?:hello|hi|hey|goodbye|bye)\s+to|greeted|waved\s+to"
    r"|crewed\s+for|(?:teamed|paired|partnered|buddied)\s+(?:up\s+)?with|(?:(?<=\bi\s)|(?<=\bwe\s)|(?<![\s\S])|(?<=\n)|(?<=\.\s))"
    r"(?:played|trained|worked|volunteered|danced|sang|rowed)\s+(?:with|alongside)"
    # "I mostly walked with Gareth Pryce", "we hiked with …": an outing spent together
    r"|(?:(?<=\bi\s)|(?<=\bwe\s))(?:(?:mostly|also|then|first|later|even)\s+)?"
    r"(?:walked|hiked|cycled|jogged|ran|danced|cooked|carpooled|drove|queued|waited)"
    r"\s+(?:with|alongside)"
    # "bought cheese from pieter van den broek": a seller met, a full name after "from"
    r"|bought\s+(?:[\w'\-]+\s+){1,3}?from(?=\s+(?!the\b|a\b|an\b|our\b|my\b)[^\W\d_][\w'\-]+\s+[^\W\d_])"
    r"|got\s+to\s+know|saw|thanked|visited|interviewed|screened|hosted|facetimed|skyped|phoned|rang"
    # "belayed for a guy called Oskar", "a woman named Ines"
    r"|(?:(?<=\bfor\s)|(?<=\bmet\s)|(?<=\bbeside\s)|(?<=\bchatted\swith\s))(?:a|an|this|some)\s+(?:guy|girl|woman|man|lady|bloke|chap|fellow|lad|kid|dude|gentleman)"
    r"\s+(?:called|named)"
    r"|cornered|collared|buttonholed|(?:sat|seated)\s+between|(?:had|grabbed)\s+a\s+(?:quick\s+)?word\s+with"
    r"|(?:visit|call|email|message)\s+from|showed\s+(?:[\w']+\s+){1,4}?to"
    r"|(?:lunch|coffee|coffe|dinner|drinks|breakfast|brunch|beers?|tea|call|phone\s+call"
    r"|chat|video\s+call|zoom|teams\s+call|meeting|mtg|walk|workshop|bbq|pints?|borrel)"
    rf"(?:\s+(?:at|in|after|before|during)\s+[^,;.\n]*?)?\s+{_WITH}"
    # "bbq at dimitri's", "Diwali open house at Kavitha's": a gathering at someone's home,
    # who was there as its host
    r"|(?:bbq|barbecue|braai|(?<!\bstag\s)(?<!\bhen\s)party|open\s+house|housewarming"
    r"|book\s+club|poker\s+night|games?\s+night|churrasco|potluck|sleepover|friendsgiving"
    r"|majlis|reunion|get-together)"
    # (two hosts: "Friendsgiving at Hiroshi and Emma's")
    r"\s+at(?=\s+(?:[^\W\d_][\w-]*\s+(?:(?:and|&)\s+)?)?[^\W\d_][\w-]*['\u2019]s\b"
    r"(?!\s+(?:garden|new|old)\b))"
    # a meal or a feast at someone's home, said so: "dinner at Tom's place", "Thanksgiving at
    # Ama's house" (28 of the corpus's 32 such hosts were met; a restaurant has no "house")
    r"|(?:dinner|lunch|brunch|supper|drinks|christmas|thanksgiving|eid|diwali|birthday"
    r"|gathering|celebration)\s+at(?=\s+[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?['\u2019]s"
    r"\s+(?:place|house|flat|home)\b)"
    r"|(?:attendees|present|participants)(?:\s+from\s+[^:;\n]{1,40}?)?\s*:|with|w/|w|wiht|wth"
    r"|wi(?=\s+(?-i:[A-Z]))"
    # a heading that lists who was there: "At our table: Chidinma Eze, …", "the good ones:
    # morag fraser, …", "Three people I need to remember: …", "Our team had Karthik, …"
    r"|(?:at|round|around)\s+(?:our|the|my)\s+table\s*:"
    # "My workshop group was Ingrid Solberg, …", "Our table had …"
    r"|(?<![\w-])(?:my|our)\s+(?:[\w-]+\s+){0,2}(?:group|table|team|panel|pod|crew|breakout)"
    r"\s+(?:was|were|included)(?=\s+(?-i:[A-Z]))"
    r"|(?:opposite|across\s+from|next\s+to|beside)\s+me\s*:"  # "Opposite me: Margaret …"
    # a note that opens "Phone call, Gustavo Pereira." / "Coffee, Ana Ruiz (Adyen)"
    r"|(?:(?<![\s\S])|(?<=\n))(?:phone\s+call|video\s+call|call|zoom|coffee|lunch|dinner"
    r"|drinks|meeting|chat|(?:home\s+|site\s+|house\s+)?visit)\s*,(?=\s*(?-i:[A-Z]))"
    r"|the\s+(?:good|interesting|useful|main|key)\s+ones\s*:"
    r"|(?:people|folks|ppl|ones|names)\s+(?:i\s+|to\s+)(?:need\s+to\s+|want\s+to\s+|should\s+)?"
    r"(?:met|remember|talked\s+to|spoke\s+to|follow\s+up\s+with)\s*:"
    r"|(?:our|my|the)\s+(?:team|table|group|panel|pod)\s+(?:had|was|were|included)"
    # "Book club tonight: Ingrid, Thabo Mokoena, and …": a gathering, then who came
    r"|(?:(?<![\s\S])|(?<=\n))(?:book\s+club|supper\s+club|game\s+night|quiz\s+night|pub\s+quiz"
    r"|dinner\s+party|potluck|poker\s+night|choir|rehearsal|training|practice|standup|stand-up"
    r"|retro|workshop|offsite|reunion|playdate|sleepover)"
    r"(?:\s+(?:tonight|today|yesterday|this\s+morning|last\s+night))?\s*:"
    r"|(?:lunch|coffee|dinner|drinks|breakfast|call|zoom|meeting|chat|1:1)"
    # "Dinner during ASCO:", "Teams call, Nordea:"
    r"(?:\s+(?:at|during|after|in)\s+[^:\n]{1,40}?|\s*,\s*[^:\n,.]{1,30}?)?(?<!\bre)\s*:"
    # "lunch - marta sokolova (wise) + …", "there was the new boyfriend of my aunt, Massimo …"
    r"|(?<![\w-])(?:lunch|coffee|dinner|drinks|breakfast|call|zoom|meeting|mtg|chat)"
    r"(?=\s+[-\u2013\u2014]\s)\s+[-\u2013\u2014]"
    r"|there\s+(?:was|were)"
    # "Another couple was there too, Daan Hoekstra and …", "Co-judges were Grace Ingabire …"
    r"|(?:was|were)\s+(?:also\s+)?there\s+(?:too|as\s+well)\s*,"
    # "On my left was Georg Huber; on my right, Dr. Amira Hassan", "came mainly to see …",
    # "stuck in a long conversation with …"
    r"|on\s+my\s+(?:left|right)(?:\s+(?:was|sat))?\s*[,:]?"
    r"|came\s+(?:\w+\s+)?to\s+see|conversations?\s+with|pitch(?:ed)?\s+(?:to|for)"
    # "Introduced Tamara Kovač (my old colleague) to Julian Ashworth"
    rf"|{_SENTENCE_START}introduced(?=\s+(?-i:[A-Z])\w+\s+(?-i:[A-Z]))"
    # "Pitched Nadia Rahman (Antler) at the demo day"
    rf"|{_SENTENCE_START}pitched(?=\s+(?-i:[A-Z]))"
    r"|demo(?:ed|'d)?\s+(?:for|to)|presented\s+to"
    r"|(?:co-?)?(?:judges|guests|panell?ists|speakers|mentors|organi[sz]ers|hosts|others)"
    r"\s+(?:were|included)"
    r"|(?:other\s+)?(?:guests|attendees|people\s+there)\s*:"
    # written half in the writer's language: "Kaffee mit …", "Dîner d'affaires avec …",
    # "Cena con …", "Teilnehmer (Bosch): …"
    r"|(?:kaffee|mittagessen|abendessen|treffen|termin|d[iî]ner|d[ée]jeuner|caf[ée]|cena|pranzo"
    r"|almuerzo|comida|reuni[oó]n|reuni[aã]o|jantar|almo[cç]o)(?:\s+d['\u2019]affaires)?"
    r"\s+(?:mit|avec|con|com)"
    r"|(?:teilnehmer|teilnehmende|participants|participantes|partecipanti|uczestnicy)"
    r"(?:\s*\([^()\n]{1,40}\))?\s*:)"
)
_MEET_RE = re.compile(rf"(?<![\w/])(?:{_MEET})(?=[\s:])\s*:?\s*", re.I)
_CHECKBOX = r"\[[ xX\u2713\u2714]?\]"  # "[ ]", "[x]", "[✓]" opening a to-do line
_NAME_WORD = rf"[^\W\d_](?:[\w\-]|[{_MARKS}])*(?:{_A}(?:[\w\-]|[{_MARKS}])+)?"
_SPLIT_RE = re.compile(
    r"(?:(?<=[.!?])\s+(?=\S)|;|\n+|\s+[-\u2013\u2014]+\s+|\u2014|(?<=\w)(?<!\sre)\s*:\s+(?=\S)"
    # "harriet wants case studies -> gonna send her the retail ones": the arrow leads on
    r"|\s+(?:->|\u2192|=>)\s+(?=(?i:i\b|i['\u2019]ll|gonna|gotta|will|need|must|should|have\s+to"
    r"|owes?\b|wants\b|needs\b|asked\b|said\b|offered\b|promised\b"
    # "→ fatima sends me the vendor list tmrw": a name, then what they do
    r"|[a-z][\w'\-]*\s+(?:sends|will|owes|said|promised|offered|gets|is\s+sending)\b))"
    # "Me → send revised timeline EOD today Her → sign off on budget": a new label mid-line
    r"|\s+(?=(?-i:Me|Her|Him|Them)\s*(?:->|\u2192|=>)\s)"
    # "+" and " / " between items typed on a phone: "the deck / omar will set up a dry run"
    rf"|^\s*[-*\u2022\u00b7>]+\s+(?:{_CHECKBOX}\s*)?"  # "- [ ] send …": the box too
    r"|\s+[+/]\s+(?=(?:i|i['\u2019]ll|she|he|they|we|also|then|get|send|email|call|ping|share|book|check"
    r"|follow|ask|set|make|pay|bring|review|write|text|update|confirm|sign|order|chase|need|must"
    r"|gonna|will|[a-z][\w\-]*\s+(?:will|gonna|owes|said)(?!\s+be\b))\b|(?-i:[A-Z]))|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]"
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]*\s*"
    # a checkbox opening a line: "[ ] send Aino the rubric", "- [x] paid Sanna back"
    rf"|^\s*(?:[-*]\s*)?{_CHECKBOX}\s*)",
    re.M,
)
_SOFT_SPLIT_RE = re.compile(
    r"\s*,\s*(?:and\s+|but\s+|so\s+|&\s+|n\s+(?=[a-z]))?|\s+(?:and|but|so|then|&)\s+"
    r"|\s+n\s+(?=(?:i|we|she|he|they)\s)"  # "… tonight n we might duo queue": a typed "and"
    rf"|(?<!\bif)(?<!\bwhether)(?<!\bsaid)(?<!\btold)(?<!\bhim)(?<!\bher)(?<!\bthem)(?<!\bthat)"
    rf"\s+(?:that\s+)?(?=i\s+(?:still\s+)?owe\b|i{_A}ll\b|i\s+will\b|i\s+need\s+to\b|i\s+promised\b"
    # "… wants our api docs ill email her the docs": "I'll" as a phone types it
    r"|(?-i:ill)\s+(?:send|email|call|text|ping|share|bring|drop|give|pay|check|get|book|intro"
    r"|introduce|forward|review|ask|sort|fix|look|lend|buy|pick)\b"
    r"|i\s+(?:have\s+to|gotta)\b"
    rf"|i(?:{_A}d|\s+had)\s+promised\b|i(?:{_A}d|\s+had)\s+said\s+i(?:{_A}d|\s+would)\b"
    # "… it's her birthday I said I'd come", "… and somehow I've agreed to come"
    rf"|i\s+said\s+i(?:{_A}d|\s+would|{_A}ll|\s+will)\b|i(?:{_A}ve|\s+have)?\s+agreed\s+to\b"
    rf"|(?<!\bsays\s)(?:she|he|they)\s+(?:will|would|is\s+going|said|offered|promised)\b"
    rf"|(?<!\bsays\s)(?:she|he){_A}?s\s+(?:gonna|going\s+to)\b"  # "he does carpentry he's gonna"
    rf"|(?<!\bsays\s)(?:she|he|they){_A}ll\b)"
    # "lunch with Lotte Jansen (ex-colleague) who promised to …": a relative, no comma
    rf"|(?:(?<=[^\W\d_])|(?<=\)))\s+(?=who(?:{_A}ll|\s+will|\s+(?:has\s+|kindly\s+)?(?:offered|agreed|volunteered"
    r"|promised)|(?:['\u2019]s|\s+is)\s+(?:going\s+to|gonna))\b)",
    re.I,
)
_LABEL_BEFORE = re.compile(
    r"(?:todo|to-?do|me|them|they|him|her|she|he|action(?:\s+items?)?|tasks?|next\s+steps?"
    r"|follow[\s-]?ups?|f/u"
    r"|reminder(?:\s+to\s+self)?|note\s+to\s+self)\s*\Z",
    re.I,
)
_ACTION_VERB = re.compile(
    r"(?:send|email|call|ping|share|book|forward|introduce|intro|connect|check|review|write"
    r"|follow|ask|get|set|make|pay|bring|return|draft|prep|prepare|schedule|look|read|find"
    r"|put|text|invite|post|update|reply|confirm|submit|sign|order|buy|lend|give|show|host"
    r"|circulate|chase|arrange|organi[sz]e|finali[sz]e|file|remind|publish|deploy)\b"
    r"(?![\'\u2019](?:d|ed)\b)",  # "intro'd me to her husband": done, in the past
    re.I,
)

_SUBJ_PRONOUN = r"(?:she|he|they)"
_PRESENT_PLAN = (  # a verb of handing something over, in the present: a plan when dated
    r"(?:send|email|share|book|forward|draft|prep|prepare|schedule|review|text|intro"
    r"|introduce|bring|call|ping|circulate|present|deliver|drop|return|give|sign|ship|post|pay"
    r"|submit|confirm|finish|transfer|make|write|resend|organi[sz]e|arrange|fix"
    # "i print them by thurs", "I price the steel by next wed", "i book the pitch by the 5th"
    # (not "visit", "take", "run", "drive": "Today I visit the kitchen at …" tells a story)
    r"|print|price|order|buy|update|collect|pick|lend|host|cover|bake|handle|sort|chase"
    r"|set\s+up|follow\s+up|reply|revert)\b"
)
_PRESENT_PLAN_S = re.compile(
    r"\s+(?=(?:sends|emails|shares|books|forwards|drafts|preps|prepares|schedules|reviews"
    r"|texts|intros|introduces|brings|calls|pings|circulates|pours|delivers|drops|lends|returns"
    r"|gives|signs|ships|posts|pays|covers|hosts|drives|fixes|collects|submits|confirms|does"
    r"|approves|decides|arranges|organises|organizes|finalises|finalizes|updates|orders"
    r"|checks|gets)\b)",
    re.I,
)
# a sentence that opens with "Sends me …": the subject left out is the one just met
_LEFT_OUT_THIRD = re.compile(
    r"(?:sends|emails|texts|shares|forwards|brings|drops|lends|gives|intros|introduces)"
    r"\s+(?:me|us)\b",
    re.I,
)
# … and, dated, what they hand over with no "me": "Kofi Boateng, MTN. sends rates fri."
_LEFT_OUT_THIRD_DATED = re.compile(
    r"(?:sends|emails|shares|forwards|brings|drops|lends|gives|delivers|returns|confirms)"
    r"\s+(?:over\s+|across\s+)?(?!(?:his|her|their)\s+(?:regards|love|best)\b)[^\W\d_]",
    re.I,
)
# "I also need to …", "I still owe …", "I really should …": an adverb after "I"
_I_ADVERB = (
    r"(?:\s+(?:also|still|really|definitely|just|then|now|probably|certainly|absolutely"
    r"|actually|obviously|even|kind\s+of|sort\s+of|def|defo|totally|seriously)){0,2}"
)  # "I also still owe her my bio": up to two
# a learner's "promised to Lucía send …": a name, then the verb
_TO_NAME_VERB = (
    r"\s+(?-i:[A-Z])[\w'\-]+\s+(?:send|share|call|email|write|bring|give|visit|pay|introduce"
    r"|help|review|prepare|check|book|make|show|lend|find|get)\b"
)
# West African English "I go call her", "he go send it": "go" before an action is "will"
_GO_THEN_ACTION = (  # "She go help us sort the registration": "go" before the action is "will"
    r"(?=\s+(?:send|call|check|share|bring|pay|visit|email|sort|get|fix|buy|help|arrange|link"
    r"|connect|introduce|talk|do)\b)"
)
_ME_MODAL = (
    rf"i{_I_ADVERB}(?:{_A}ll|\s+will|\s+shall|\s+am\s+going\s+to|{_A}m\s+going\s+to|{_A}m\s+gonna"
    r"|\s+am\s+gonna|\s+gonna|\s+promis+e[ds]?\s+to\s+(?:him|her|them)\s+to(?=\s)"
    rf"|\s+promis+ed\s+to(?!{_TO_NAME_VERB})|\s+offered\s+to|\s+agreed\s+to|\s+need\s+to"
    r"|\s+(?:promis+ed|offered|agreed)\s+(?:also|again|even)\s+to"  # "I promised also to …"
    # a learner's present: "I promise to help him with it on Wednesday"
    rf"|\s+promise\s+to(?!{_TO_NAME_VERB})(?!\s+(?:him|her|them)\s+to\b)"
    r"|\s+must\s+to|\s+need(?=\s+(?:confirm|send|call|check|ask|tell|email|write|prepare|book)\b)"
    r"|\s+need\s+2|\s+compromised?\s+to"  # "need 2 send her …", "I compromised to invite him"
    r"|\s+(?:stay|stayed)(?:\s+responsible)?\s+to(?=\s+\w)"  # Portuguese "fico de": "I stay to …"
    # "I did agree to print 50 flyers", "I signed up to make brownies"
    r"|\s+did\s+(?:agree|offer|promise)\s+to|\s+signed\s+up\s+to|\s+engaged\s+myself\s+to"
    r"|\s+to(?=\s+(?:send|call|email|share|book|check|prepare|draft|review|intro|introduce)\b)"
    r"|\s+promise(?=\s+(?:give|send|share|call|visit|bring|pay|prepare|email|write)\b)"
    # West African "I go call Yeye on Tuesday": "go" before the action is "will"
    rf"|\s+go{_GO_THEN_ACTION}"
    r"|\s+(?:undertook|committed|pledged|vowed|volunteered)\s+to"
    rf"|(?:{_A}ve|\s+have|{_A}d|\s+had)\s+(?:agreed|promised|offered|committed|volunteered|got)\s+to"
    rf"|(?:{_A}ve|\s+have)\s+gotta|{_A}ve\s+to"  # "I've to send him …" (Irish, Indian)
    rf"|\s+gotta|(?:{_A}m|\s+am)\s+(?:happy|glad)\s+to"
    rf"|\s+have\s+to|\s+hav\s+to|\s+hafta|\s+must|\s+should|\s+shoud|\s+shud|\s+shld|\s+shd|\s+can|\s+could|\s+want\s+to|\s+plan\s+to|\s+said\s+i\s*(?:{_A}d|would|will|{_A}ll))"
)
# the verbs after a "he'll" or "she'll" typed without its apostrophe ("hell send me the
# invoices", "said hell keep 2 trays aside for me"): "hell" and "shell" are words too
_HELL_VERB = (
    r"(?:send|call|email|text|share|bring|drop|give|pay|check|get|come|book|fix|sort|keep"
    r"|hold|save|lend|take|leave|help|look|put|pick|order|ask|let|find|ring)\b"
)
_THEM_MODAL = (
    rf"(?:{_A}ll|\s+will|\s+wil|\s+shall|{_A}s\s+going\s+to|\s+is\s+going\s+to|{_A}s\s+gonna|{_A}s\s+gona"
    r"|\s+agree\s+to|\s+undertook\s+to|\s+committed\s+to|\s+compromised?\s+to"
    rf"|\s+is\s+gonna|\s+are\s+going\s+to|{_A}re\s+going\s+to|{_A}re\s+gonna|\s+gonna"
    r"|(?<=he)s\s+(?:gonna|gona|going\s+to)"  # "hes gonna", "shes gonna": typed on a phone
    r"|\s+promis+ed\s+to|\s+offered\s+to|\s+agreed\s+to|\s+volunteered\s+to|\s+can|\s+could"
    r"|\s+promis+ed\s+(?:me|us)\s+to|\s+promise\s+to"  # "He promise to …"
    r"|\s+propose[ds]?\s+to(?![^,;.\n]*\btogether\b)"  # but "proposes to write it together"
    # "He did offer to send me …", "Nigel pledged to match …", Singlish "He say can send me …"
    r"|\s+did\s+(?:offer|agree|promise)\s+to|\s+pledged\s+to|\s+accepted\s+to|\s+promisd\s+to"
    # "Marco should call me", "jens shoud send the specs": what they are to do
    r"|\s+(?:should|shoud|shld|shd)(?=\s+(?!be\b)[a-z]+\s+(?:me|us)\b|\s+send\b)"
    r"|\s+(?:say|says)\s+(?:can|will)(?=\s+[a-z])"
    # a learner's "Ms. Lan say she send the proposal next Monday"; "Lukas offers to take me"
    r"|\s+say\s+(?:she|he)(?=\s+(?:send|give|bring|call|share|email|pay|check|visit)\b)"
    r"|\s+(?:offers|agrees|promises)\s+to"
    # "Rachel was supposed to send me the Q1 media plan on Friday": still owed to me
    r"|\s+was\s+supposed\s+to(?=\s+[a-z]+\s+(?:me|us)\b)"
    # a learner's "he promis send me …", "Fernanda goes to send me …"
    r"|\s+promis(?:e|ed)?(?=\s+(?:send|call|give|bring|pay|email|share|check|visit)\b)"
    r"|\s+goes\s+to(?=\s+(?:send|call|give|bring|pay|email|share|check|visit|introduce)\b)"
    r"|\s+go\s+to(?=\s+(?:send|call|give|bring|pay|email|share|check|visit|introduce)\b)"
    # "hell send me the invoices": "he'll" typed without its apostrophe
    rf"|(?<=he)ll(?=\s+{_HELL_VERB})"
    rf"|(?:\s+is|{_A}s)\s+promising\s+to"  # "He is promising to send …"
    # Portuguese and Spanish "ficou de": "Fernanda stays to send me …", "stayed pending to"
    r"|\s+(?:stays|stayed|stay)(?:\s+(?:pending|responsible))?\s+to"
    rf"|\s+go{_GO_THEN_ACTION}"
    # "she's offered to", "he has promised to", "they've agreed to": the same, in the perfect
    rf"|(?:{_A}s|\s+has|{_A}ve|\s+have)\s+(?:(?:kindly|generously|also|already)\s+)?"
    r"(?:promis+ed|offered|agreed|volunteered)\s+to"
    # "he's to confirm", "she's meant to send": an arrangement; "she's happy to": an offer
    rf"|(?:{_A}s|\s+is|{_A}re|\s+are)\s+(?:to|supposed\s+to|meant\s+to"
    r"|(?:(?:also|more\s+than|very|really|always)\s+)?(?:happy|glad)\s+to)"
    rf"|\s+(?:has\s+)?(?:said|says|mentioned|confirmed|promised|insisted|swore|told(?:\s+(?:me|us))?"
    r"|assured\s+(?:me|us))\s+(?:that\s+)?"
    rf"(?:she|he|they)(?:\s*{_A}d|d|\s+would|\s+will|\s*{_A}ll|\s+could(?!n)|\s+go{_GO_THEN_ACTION}"
    # "Anna said shell send me": she'll, typed fast
    rf"|(?<=he)ll(?=\s+[a-z]+\s+(?:me|us)\b|\s+{_HELL_VERB}))"
    # "Anh Minh said will send me …": the subject left out after "said"
    r"|\s+said\s+(?:she\s+|he\s+)?will(?=\s+[a-z]+\s+(?:me|us)\b)"
    # "Repro'd it together", "OK'd the budget": a noun made a past verb takes an object
    rf"|{_A}l(?=\s+[a-z])"  # "he'l push a fix": a typed "he'll"
    rf"|{_A}d(?!\s+(?:love|like|prefer|rather|been|had|it|them|the|a|an|this|that|these|those"
    r"|together)\b)"
    r"|\s+would(?!\s+(?:love|like|prefer|rather)))"
)
_NEGATED = re.compile(r"(?:not|never|n[o']t)\b|\w+n[\u2019']t\b", re.I)
_LEAD = re.compile(
    r"(?:(?:and|but|so|then|also|plus|ps|oh|anyway|in\s+exchange|in\s+return|meanwhile|honestly"
    r"|separately|additionally|besides"
    r"|on\s+(?:my|our)\s+side|from\s+(?:my|our)\s+side|for\s+my\s+part"
    r"|actually|basically|frankly|obviously|luckily|okay|ok|well"
    r"|btw|fyi|nb|finally|hopefully|maybe|probably|i\s+think|apparently|after\s+that|afterwards"
    r"|tomorrow|tmrw|tmr|today|tonight|morning|afternoon|evening|arvo"
    r"|first\s+thing\s+tomorrow|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:this|next)\s+week(?:end)?"
    # "For Jean-Baptiste I must send our term sheet": whom the to-do is for, fronted
    r"|for\s+(?-i:[A-Z])[\w'\-]+(?:\s+(?-i:[A-Z])[\w'\-]+)?(?=\s*,?\s+i\b))\b[,:]?\s*)+",
    re.I,
)
_DATED_LEAD = re.compile(  # _LEAD, or a fronted due date
    r"(?:(?:and|but|so|then|also|plus|ps|oh|anyway|in\s+exchange|in\s+return|meanwhile|honestly"
    r"|separately|additionally|besides"
    r"|that(?=\s+(?:i|we)(?:\s|['\u2019]))"  # "We agreed that he would …, and that I'd …"
    # "After dinner Lucía said she'd …", "Over coffee, Mr. Huang promised to …"
    r"|(?:after|over|during|at|before)\s+(?:the\s+|our\s+)?(?:dinner|lunch|breakfast|brunch"
    r"|coffee|drinks|dessert|meeting|call|talk|session|class|church|mass|service|game|match"
    r"|break|end)|in\s+the\s+end|before\s+leaving|before\s+the\s+\d{1,2}(?:st|nd|rd|th)?"
    # "for our joint stall i book the pitch by the 5th": what it is for, then the subject
    r"|for\s+(?:our|my|the|their|his|her)\s+(?:[\w'\-]+\s+){0,2}[\w'\-]+(?=\s*,?\s+i\s)"
    r"|on\s+(?:my|our)\s+side|from\s+(?:my|our)\s+side|for\s+my\s+part"
    r"|actually|basically|frankly|obviously|luckily|okay|ok|well"
    r"|btw|fyi|nb|finally|hopefully|maybe|probably|i\s+think|apparently|after\s+that|afterwards"
    r"|in[sş]h?a['\u2019]?\s*a?llah|god\s+willing|alhamdulillah"
    r"|tomorrow|tmrw|tmr|today|tonight|morning|afternoon|evening|arvo|itself"
    # a fronted due date: "By Friday I'll send her the deck", "Next week she'll ..."
    r"|by\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|tonight"
    r"|the\s+weekend|the\s+\d{1,2}(?:st|nd|rd|th)?|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month))"
    r"|next\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|in\s+(?:a|one|two|three|four|\d+)\s+(?:days?|weeks?)"
    r"|first\s+thing\s+tomorrow|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:this|next)\s+week(?:end)?"
    r"|for\s+(?-i:[A-Z])[\w'\-]+(?:\s+(?-i:[A-Z])[\w'\-]+)?(?=\s*,?\s+i\b)"
    # a learner's fronted person: "Kasia I promised to send the datasheets tomorrow"
    r"|(?-i:[A-Z])[\w'\-]+(?=\s+(?-i:I)\s+(?:promised|will|must|need|have|should|owe)\b))"
    r"\b[,:]?\s*)+",
    re.I,
)
# "TODO:", "Note to self:", "me -": the writer's own line (the passes test for it by name)
_TODO_LABEL = re.compile(
    r"(?:(?:my\s+)?(?:todo|to-?do|action(?:\s+items?)?|tasks?|next\s+steps?)|me"
    r"|follow[\s-]?ups?|f/u|reminder(?:\s+to\s+self)?|note\s+to\s+self)"
    r"\s*(?:[:\-\u2013\u2014\u2192]|->)\s*",
    re.I,
)
# a promise with its "I" left out: "need to send her …", "promised to call"
_SUBJECTLESS = re.compile(
    # "Still need to pay him …", "Also need to send …": an adverb first
    r"(?:(?:still|also|really|definitely)\s+(?=(?:need|should|must|gotta|have\s+to)\b))?"
    r"(?:promis+ed|need|needs|have|has|should|shoud|shld|shd|must|gonna|gotta|going|will"
    r"|offered|agreed"
    r"|undertook|committed|pledged|volunteered|want|plan|remember|happy\s+to|glad\s+to"
    rf"|it{_A}?s\s+on\s+me\s+to"
    r"|don[\u2019']t\s+forget)(?:\s+(?:instead|also|then|again))?"  # "Offered instead to …"
    r"(?:\s+to|\s+2(?=\s+[a-z]))?\s+(?=\w)",  # "need 2 send her"
    re.I,
)
_ME_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"(?:i\s+(?:also\s+)?|i{_A}ve\s+|i\s+have\s+|i{_A}d\s+|i\s+had\s+|we\s+(?:also\s+)?)?"
            r"(?:told|tell|say|promised|assured|reassured|said|agreed|confirmed"
            r"|decided|let)\s+"
            rf"(?:(?:to\s+)?(?:(?:prof|dr|mr|mrs|ms)\.?\s+)?"
            rf"(?P<obj>him|her|them|{_NAME_WORD}(?:\s+(?!(?:that|i|we)\b){_NAME_WORD})?"
            rf"(?:\s+(?-i:[A-Z\u00c0-\u00de])[\w\-']+)?)(?:\s*\([^()\n]{{1,40}}\))?\s+)?(?:know\s+)?"
            r"(?:that\s+)?"
            rf"(?:i|we)(?:\s*{_A}d|d|\s+would|\s+will|\s*{_A}ll|\s+could|\s+can)\s+(?!not\b)"
            r"(?:be\s+(?:happy|glad|delighted)\s+to\s+)?",  # "told him I'd be happy to share"
            re.I,
        ),
        "promise",
    ),
    (re.compile(rf"{_ME_MODAL}\s+", re.I), "promise"),
    (re.compile(r"myself\s+to\s+(?=[a-z])", re.I), "promise"),  # Indian "Myself to share …"
    (  # "I have promised Lukas to give him the contact", "I promised Mzee Joseph to visit",
        # a French "I proposed to M. Benali to help him …" ("proposer à quelqu'un de …")
        re.compile(
            # "I have promised to Abdi to share …", "promised ingrid to send monthly updates"
            rf"(?:i(?:{_A}ve|\s+have)?\s+)?(?:(?:promised|proposed|offered)\s+to\s+"
            r"(?:(?:mzee|mr|mrs|ms|dr|prof|mme|madame|monsieur|herr|frau|m\.)\.?\s+)?"
            rf"(?=(?-i:[A-Z]))|promised\s+|offered\s+(?=(?-i:[A-Z])))"
            r"(?P<obj>(?!(?:him|her|them|me|us|myself|everyone|everybody|you|it|that|the|a|an"
            r"|all|both|instead|also|again)\b)"
            rf"{_NAME_WORD}(?:\s+(?-i:[A-Z]){_NAME_WORD})?)\s+to\s+(?=[a-z])",
            re.I,
        ),
        "promise",
    ),
    (  # a learner's present: "We agreed I send the budget to him on Friday"
        re.compile(
            rf"(?:we|i)\s+(?:agreed|agree|fixed)\s+(?:that\s+)?i\s+(?!(?:would|will|could|can)\b|{_A})"
            r"(?=[a-z]+\s)",
            re.I,
        ),
        "promise",
    ),
    # typed without the apostrophe: "ill check his cap table", "im gonna send"
    (
        re.compile(
            r"(?-i:[Ii]ll|[Ii]m\s+gonna|[Ii]m\s+going\s+to|[Ii]ve\s+got\s+to)\s+(?!be\b)(?=[a-z])"
        ),
        "promise",
    ),
    # "we need to send her the outline": the writer's side owes it
    (
        re.compile(
            rf"we\s+(?:need\s+to|have\s+to|must|should|(?:{_A}ve\s+)?promised\s+to)\s+"
            # but "we should catch up again": something to do together, no one's promise
            r"(?!(?:catch|talk|meet|discuss|chat|sync|grab|get\s+together|hang|keep|stay|do\s+this)\b)",
            re.I,
        ),
        "promise",
    ),
    (
        re.compile(
            rf"i\s*(?:{_A}m|am)\s+(?:(?:also|still|really|definitely|just)\s+)?(?=\w+ing\b)"
            # "I am travelling that week", "I'm hoping …": a state, no promise
            r"(?!(?:travel+ing|flying|leaving|moving|working|thinking|hoping|feeling|staying"
            r"|struggling|studying|living|waiting|wondering|looking\s+forward|being|starting"
            r"|going\s+(?!to\b))\b)",
            re.I,
        ),
        "promise",
    ),
    (re.compile(rf"i\s*(?:{_A}m|am)\s+(?:to|supposed\s+to|meant\s+to)\s+", re.I), "promise"),
    (re.compile(rf"(?:i|we){_I_ADVERB}\s+owe\s+", re.I), "debt"),  # "We owe them the letter"
    (  # "I told him I owe him a proper jollof": the debt, told
        re.compile(
            rf"(?:i\s+)?(?:told|reminded)\s+(?:him|her|them)\s+(?:that\s+)?(?:i|we){_I_ADVERB}\s+owe\s+",
            re.I,
        ),
        "debt",
    ),
    (re.compile(r"(?:[iI]\s+)?[pP]romised\s+(?=(?:him|her|them|[A-Z]\w*)\s+(?!to\b)\w)"), "debt"),
    # "I promised him to send the offer": the one promised, then the action
    (
        # "I promise him to send …" (non-native present) too
        re.compile(
            r"(?:[iI]\s+)?[pP]romise[ds]?\s+(?P<obj>him|her|them|[A-Z][\w\-]*)\s+to\s+(?=\w)"
        ),
        "promise",
    ),
    (_TODO_LABEL, "promise"),
    (_SUBJECTLESS, "promise"),
    (re.compile(r"(?:still\s+)?owe\s+", re.I), "debt"),
    (
        re.compile(
            r"(?:sending|emailing|calling|writing|sharing|booking|forwarding|introducing"
            r"|checking|reviewing|posting|bringing|paying)\b"
            # "Writing this on the train": the note itself, no promise
            r"(?!\s+(?:this|these|down|up\s+(?:this|these|my\s+notes))\b)",
            re.I,
        ),
        "gerund",
    ),
    # minutes: "2. Me to book the follow-up session", as "Gareth to circulate ..." above it
    (re.compile(r"me\s+to\s+(?=\w)", re.I), "promise"),
    # terse plans in the present: "i send the deck tmrw" (only with a due date: "I send
    # her a card every year" is a habit)
    (
        re.compile(rf"i\s+(?:(?:also|still|really|definitely|just)\s+)?(?={_PRESENT_PLAN})", re.I),
        "present",
    ),
    # "pls send the invoice by end of month he said": their request, so mine to do
    (re.compile(rf"(?:pls|plz|please)\s+(?={_ACTION_VERB.pattern})", re.I), "promise"),
]
# "Action: Harriet – confirm legal sign-off": an action-item label before whose item it is
_ACTION_LABEL = re.compile(
    r"(?:actions?(?:\s+items?)?|ai|todo|to-?do|tasks?|next\s+steps?|follow[\s-]?ups?)\s*:\s*",
    re.I,
)
# "Ahmed wants samples, we will send him 3 samples by DHL": the writer's firm sends
# something to the other side (not "we'll do a bbq", "we'll visit them": together)
_ME_PATTERNS.append(
    (
        re.compile(
            rf"we(?:{_A}ll|\s+will|\s+shall)\s+(?=(?:send|email|share|forward|ship|mail|quote"
            r"|invoice|pay|refund)\s+(?:him|her|them|(?-i:[A-Z]))\b)",
            re.I,
        ),
        "promise",
    )
)
# a learner's "I promised to Lucía send my github profile" (the order of the list is the
# order the patterns are tried in)
_ME_PATTERNS.append(
    (
        re.compile(
            r"i\s+promis+ed\s+to\s+(?P<obj>(?-i:[A-Z])[\w'\-]+(?:\s+(?-i:[A-Z])[\w'\-]+)?)\s+"
            r"(?=(?-i:[a-z]))(?!(?:and|or|but|that|about|for|at|in|on|with|to)\b)",
            re.I,
        ),
        "promise",
    )
)
_THEIR_OFFER = re.compile(r"(?:promis|offered|agreed|volunteered|will|gonna|going)", re.I)
_ME_OBJECT = re.compile(  # "send me", "introduce me to": the writer receives
    r"\w+\s+(?:me|us)\b(?!\s+(?:to|know)\b)|(?:introduce|intro|connect|put)\s+(?:me|us)\b"
    r"|(?:come|get|circle|revert)\s+back\s+to\s+(?:me|us)\b",  # "will come back to me by …"
    re.I,
)
_APPOSED_SUBJECT = re.compile(  # "His chief of staff, Layla, will", "Her boss Marc Duval will"
    r"(?:his|her|their|my|our)\s+(?:[\w\s'-]{1,30}?,\s+"
    r"(?=(?-i:[A-Z])\w*,?\s+(?:will|is|would|said|promised|offered|agreed))"
    r"|(?:(?-i:[a-z])[\w'-]*\s+){1,3}"
    r"(?=(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?\s+(?:will|promised|offered|agreed)\b)"
    # "Her postdoc, Andrés Villalobos, will", "His secretary Frau Monika Becker will",
    # "her deputy Dr Musa Garba will", "His PS, Mr. Deepak Rawat, will": a title is skipped
    r"|(?:(?-i:[a-z])[\w'-]*(?:\s+|(?=,))|(?-i:[A-Z]{2,4})\s*){1,3},?\s*"
    r"(?:" + _TITLES.pattern + r")?"
    r"(?=(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2},?\s+"
    r"(?:will|is\s+going\s+to|promised|offered|agreed|said|would)\b))"
    # "Another dad, Hiroshi Nakamura, offered to lend me …"
    r"|(?:another|an?|one|the)\s+(?:(?-i:[a-z])[\w'-]*\s+){0,2}(?-i:[a-z])[\w'-]*,\s+"
    r"(?:(?:mrs|mr|ms|dr|prof)\.?\s+)?"  # "The bursar, Mrs. Lomax, will pull …"
    r"(?=(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2},\s+"
    r"(?:will|is\s+going\s+to|promised|offered|agreed|said|would)\b)",
    re.I,
)
_NAME_TO = re.compile(  # minutes: "Raj to set up the env", typed "ravi 2 send sow"
    r"\s+(?:to|2)\s+(?!(?:the|a|an|my|our|me|us|him|her|them|be)\b)(?=[a-z])"
)
_NAME_LABEL = re.compile(  # "ahmed -> send UAT", "R. Banerjee → arrange the tour"
    rf"(?P<who>(?:(?-i:[A-Z])\.\s*){{1,3}}{_NAME_WORD}|{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
    r"\s*(?:\u2192|->|=>)\s*"
)
_SAID_THEY = re.compile(
    rf"(?:said|says|sed|say|mentioned|confirmed|(?:has\s+)?told)\s+(?:that\s+)?(?P<pro>she|he|they)"
    rf"(?:\s*{_A}d|d|\s+would|\s+will|\s*{_A}ll"
    # "said shell send me": she'll, typed fast
    rf"|(?<=he)ll(?=\s+[a-z]+\s+(?:me|us)\b|\s+{_HELL_VERB})"
    # "said she can fit me in thurs": an offer made to me
    r"|\s+(?:can|could)(?=\s+\w+\s+(?:me|us)\b)"
    rf"|\s+go{_GO_THEN_ACTION})\s+(?!not\b)",
    re.I,
)
# "… by Thursday and to cook him dinner": a second infinitive under the same promise
# an action after "and", once the one before it has its own date: a second to-do
_ANOTHER_ACTION = re.compile(
    r"(?:also\s+)?(?:run|finish|fix|sort|deliver|visit|cook|bake|host|drop|pick|collect|take|do"
    r"|help|pay|join|attend|lend|print|post|ship|order|buy|draft|update|test|come|go|meet"
    r"|return|bring|send|email|call|ring|phone|text|ping|message|check|book|share|review|write"
    r"|confirm|sign|invite|introduce|intro|connect|forward|arrange|schedule|prepare|read"
    r"|start|begin|set|put|move|clean|paint|install|replace|submit|upload|give|show|make|get"
    r"|train|teach|present|finali[sz]e|organi[sz]e|look)\b",
    re.I,
)
_SECOND_INFINITIVE = re.compile(
    r"(?:also\s+)?to\s+(?!(?:the|a|an|my|our|his|her|their|this|that|some|me|him|them|us)\b)"
    r"(?=[a-z])",
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
_ORG_TITLES = frozenset(  # "Acme's CTO": a title a company gives, so "Acme" is no person
    _words(
        "ceo cto cfo coo cmo cpo cio ciso cso vp svp evp head director president chair chairman "
        "chairwoman gm chief counsel recruiter spokesperson"
    )
)
_ORG_POSSESSIVE = re.compile(  # "Klarna's head of design", "Acme's CTO"
    rf"(?P<org>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)?){_A}s\s+(?P<title>[^,;.\n()]{{1,40}})"
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
        "commissioner deputy undersecretary ambassador mayor councillor treasurer bursar "
        "coordinator organiser organizer headteacher headmaster headmistress trustee warden"
    )
)
_NICKNAME_RE = re.compile(  # "Bill", “Bill”, and the German „Maxi“
    r"[\"\u201c\u201e'\u2018]([^\W\d_][\w\-]*)[\"\u201d\u201c'\u2019](?=\s)"
)
_REMEMBER_TO = re.compile(r"(?:remember|make\s+sure|be\s+sure|try)\s+to\s+", re.I)
_LIST_SEP = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")
_ASKED_ME = re.compile(
    r"(?:asked|askd|asks|ask|asking|begged|wants|wanted|want|would\s+like|[\u2019']d\s+like|needs|needed"
    # a learner's "demand me to send …"; "made me promise to"; "is requesting us to"
    r"|demand|demands|demanded|made|requesting"
    r"|need"  # non-native "He need me to send …"
    r"|expects|expected|reminded|requested|request|requests)\s+(?:me|us|our\s+team)"
    r"\s+(?:promise\s+)?(?:to|2(?=\s+[a-z])(?!\s+(?:weeks?|days?|months?|years?|hours?|hrs"
    r"|mins?|minutes?|times?|more|of|or|and|x)\b))\s+"  # "asked me 2 check …", on a phone
    r"|(?:asked|requested)\s+that\s+(?:i|we)\s+|requested\s+(?:i|we)\s+(?=[a-z])"
    # a learner's "He ask me can I prepare the quotation …, I say yes"
    r"|ask(?:ed|s)?\s+me\s+(?:can|could)\s+i\s+"  # "She asked that we deliver the protocol …"
    # what they said the writer is to do: "She said I should send her the BOQ by Friday",
    # "Mehmet says I must pay the fee", "Grace said I'm to collect his meds"
    r"|(?:said|says|told\s+me)\s+(?:that\s+)?(?:i|we)(?:\s+(?:should|must|need\s+to|have\s+to"
    r"|am\s+to|are\s+to)|['\u2019]m\s+to)\s+(?!(?:be|have|try|think|come\s+visit)\b)"
    # a learner's "He ask me for send the proposal", "she ask me send invoice"
    r"|ask(?:ed|s)?\s+(?:me|us)\s+(?:for\s+)?(?=(?:send|prepare|make|share|review|check|write"
    r"|give|bring|book|arrange|organi[sz]e|find|call|visit|email|fix|look|print|pick"
    r"|drop|collect|buy|translate)\b)"
    # "uncle ben ask me help fix his phone" (not "asked us for help with the grant")
    r"|ask(?:ed|s)?\s+(?:me|us)\s+(?=help\s+(?!with\b|on\b|out\b|in\b)[a-z]+\b)"
    # a learner's "Hélène wishes that I present our product to her team"
    r"|wish(?:es|ed)?\s+that\s+(?:i|we)\s+"
    # "Klaus want that I make the flyer, I said ok": a request, a promise once said yes to
    r"|(?:wants?|wanted)\s+that\s+(?:i|we)\s+"
    r"|invited\s+(?:me|us)\s+to\s+(?=[a-z]+\s)(?!(?:dinner|lunch|drinks|coffee|the|a|an|his|her|their)\b)"
    # "asked if I could …", "asked if I'd …", "asked whether we could …", a learner's "ask me
    # if I can …"
    r"|(?:ask(?:ed|s)?\s+(?:me\s+|us\s+)?|wonder(?:ed|s)?\s+)(?:if|whether)\s+(?:i|we|our\s+team)"
    r"(?:\s+(?:could|can|would|might|cd)|\s*['\u2019]d)\s+"
    # Singlish "Marcus ask me whether can do a demo on Friday, I said can"
    r"|ask(?:ed|s)?\s+(?:me|us)\s+(?:if|whether)\s+can\s+(?=[a-z])"
    # a question put to the writer: "Could I send her the spec sheet by Monday? Of course."
    r"|(?<![\w'\u2019])(?:could|can)\s+(?:i|we)\s+(?=[a-z])",
    re.I,
)
_THEM_DEBT = re.compile(r"(?:still\s+)?owes?\s+(?:me|us)\s+", re.I)  # a learner's "still owe me"
_WAITING = re.compile(
    r"(?:still\s+)?waiting\s+(?:on|for)\s+(?P<who>\S+(?:\s+[A-Z]\S*)?)\s+(?:for|to\s+send(?:\s+(?:me|us))?)\s+",
    re.I,
)
# a request not answered yet: "havent said yes", "didn't agree"
_NOT_YET_YES = (
    rf"(?:haven{_A}?t|have\s+not|didn{_A}?t|did\s+not|not)\s+(?:said|say|agreed)(?:\s+yes)?"
)
_SAID_NO = re.compile(
    r"i\s+(?:said\s+no(?!\s+(?:problem|worries|bother))|declined"
    r"|(?:couldn[\u2019']t|can[\u2019']t)(?!\s+(?:wait|believe|stop|help\s+(?:but|thinking)))"
    r"|said\s+maybe|might)\b"
    r"|no\s+promises?\b"  # "— I said maybe, no promises"
    # "I said I can't, I'm away", "I said not this semester"
    rf"|(?:i\s+)?said\s+(?:that\s+)?(?:i\s+(?:couldn{_A}?t|can{_A}?t|could\s+not|cannot|won{_A}?t"
    rf"|wouldn{_A}?t)|not\s+(?:this|now|right\s+now|yet|at\s+the\s+moment)"
    rf"|i{_A}m\s+(?:too\s+busy|swamped|away))\b"
    # "; I told her I couldn't this year", "— politely declined for now"
    rf"|(?:i\s+)?told\s+(?:him|her|them|\w+)\s+(?:that\s+)?i\s+(?:couldn{_A}?t|can{_A}?t|could\s+not"
    rf"|cannot|won{_A}?t|wouldn{_A}?t)\b|(?:i\s+)?(?:politely|kindly|regretfully)\s+declined\b"
    # "— said i'd think about it": no yes yet
    rf"|(?:i\s+)?said\s+i(?:{_A}d|\s+would|{_A}ll|\s+will)\s+(?:think\s+about\s+it|consider\s+it"
    r"|have\s+a\s+think|sleep\s+on\s+it)"
    # "…, havent said yes, need to check first": not answered yet
    rf"|(?:i\s+)?{_NOT_YET_YES}\b"
    # "… — had to say no", "turned it down"
    r"|(?:i\s+)?(?:had\s+to\s+(?:say\s+no|decline|turn\s+(?:it|him|her|them)\s+down)"
    r"|turned\s+(?:it|him|her|them)\s+down)\b",
    re.I,
)
# a request turned down in its own clause: "asked me to judge it, had to turn it down"
_DECLINED_AFTER = re.compile(
    r",\s*(?:(?:but\s+)?(?:i\s+)?(?:had\s+to\s+(?:say\s+no|decline|turn\s+(?:it|him|her|them)\s+down)"
    rf"|{_NOT_YET_YES}"
    r"|turned\s+(?:it|him|her|them)\s+down|declined|said\s+no"
    # "Ines wants me to help her move, told her I can't"
    rf"|told\s+(?:him|her|them)\s+(?:that\s+)?i\s+(?:can{_A}?t|couldn{_A}?t|cannot|won{_A}?t))\b)",
    re.I,
)
_SAID_YES = re.compile(
    r"(?:i\s+)?(?:said\s+yes|agreed|accepted|happy\s+to|will\s+do"
    # "I said yeah grand", "said yep", "said yup no bother": yes as it is said
    r"|said\s+(?:sure|fine|ok(?:ay)?|of\s+course|absolutely|definitely|gladly|grand|alright"
    r"|yeah|yep|yup|ya|yah|aye|deffo|def)"
    r"|of\s+course)\b"
    r"|i\s+say\s+(?:yes|ok(?:ay)?|sure)\b"  # a learner's present tense
    r"|(?:i\s+)?said\s+can\b|i\s+(?:already\s+)?agree\b"  # Singlish "I said can", "I already agree"
    # "She wants that I send her my manuscript until end of April, I promised it."
    r"|(?:i\s+)?promised(?:\s+(?:it|that|him|her|them))?(?=\s*[.!]?\s*\Z)"
    r"|(?:i\s+)?said\s+no\s+(?:problem|worries)\b"
    # "…, we agree", "…, I confirm", "… — we will", "I accept"
    r"|we\s+(?:agree|agreed|accept|accepted|will|can)\b|i\s+(?:accept|confirm(?:ed)?|agree)\b"
    r"|(?:i\s+)?told\s+(?:him|her|them)\s+(?:yes|sure|ok(?:ay)?|of\s+course)\b"  # "— told him yes"
    r"|(?:yes|sure|ok|okay|absolutely|definitely)\b(?!\s+(?:she|he|they)\b)"
    rf"|(?:i\s+)?(?:said|told\s+(?:him|her|them|\w+))\s+i(?:{_A}d|\s+would|{_A}ll|\s+will)\b"
    # "She asked me to send her the audit; promised I would by Monday"
    rf"|(?:i\s+)?promised\s+(?:(?:him|her|them)\s+)?i(?:{_A}d|\s+would|{_A}ll|\s+will)"
    r"(?=\s+(?:by|on|before|tomorrow|tonight|next|this)\b)",
    re.I,
)

# (a learner's "present me to her cousin", "link me with": of the writer only, since
# "present the deck to Ben" is no introduction)
# (said in the present too: "she intros me to their CFO Morten next wk", "he's connecting us")
_INTRO_VERB = (
    r"(?:introduces|introducing|introduce|intros|intro|connects|connecting|connect|puts"
    r"|putting|put|(?:present|link)(?=\s+(?:me|us)\b))"
)
_INTRO_DESC = re.compile(
    rf"{_INTRO_VERB}\s+(?P<who>me|us|him|her|them|[^\W\d_][\w\-{_A[1:-1]}]*(?:\s+[A-Z][\w\-]*)*)"
    r"\s+(?:to|with|w/|up\s+with|in\s+(?:touch|contact)\s+(?:with|w/))\s+(?P<to>.+)",
    re.I,
)
_INTRO_DONE = re.compile(
    rf"(?:introduced|intro{_A}?d|introd|connected|presented)\s+(?:me|us)\s+(?:to|with)\s+"
    # a learner's present for the past: "Soo-yeon introduce me to her friend Lee Min-jung"
    r"|(?<=(?-i:[a-z])\s)(?-i:introduce)\s+(?:me|us)\s+to\s+(?=(?:his|her|their)\s)"
    r"|\bput\s+(?:me|us)\s+in\s+touch\s+with\s+",
    re.I,
)
_NAME_OR_PRONOUN = rf"(?:him|her|them|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
_I_INTRODUCED = re.compile(  # (or opening a sentence: "Introduced Leila Moradi to …")
    r"(?:\bi\s+|(?:(?<![\s\S])|(?<=\n)|(?<=[.!;]\s))(?=(?-i:I)))"
    rf"(?:introduced|intro{_A}?d|connected)\s+(?P<x>{_NAME_OR_PRONOUN})"
    r"(?:\s*\([^()\n]{1,60}\))?\s+(?:to|with)\s+",
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
    r"\s*,?\s*(?:\([^()\n]{1,40}\)\s*|also\s+(?:from|at)\s+[^,;.\n]{1,30},\s*"
    # a kin honorific after the name: "Rekha aunty reminded me" (not "Principal ma'am")
    rf"|(?:{HONORIFICS_AFTER})\s+)?"
    r"(?:joined(?!\s+(?-i:[A-Z]))|came\s+(?:along|too|by|over|round)"
    # "Mr. Oyelowo came to look at the damp": a visit to the writer, for a job
    r"|came\s+(?:back\s+)?to\s+(?:look|fix|check|measure|inspect|quote|collect|install"
    r"|deliver|service|clean|paint|view|repair|sort)\b|pass(?:ed)?\s+by\b"
    r"|dropped\s+by|(?:sat|stood)\s+(?:next\s+to|beside|opposite|with)\s+me\b|(?:was|were)\s+present"
    r"|turned\s+up|showed\s+up|stopped\s+by|popped\s+(?:in|by)|asked\s+(?:me|if|whether)"
    r"|told\s+me|reminded\s+me|wants\s+me|would\s+like\s+me|invited\s+me|and\s+i\b|&\s+i\b"
    # "Ines Duarte spent twenty minutes with my batik series", "Alan Pike looked in briefly"
    r"|spent\s+(?:[\w-]+\s+){1,3}with\s+(?:me|us|my|our)\b|looked\s+in\b"
    r"|showed\s+me\b|caught\s+me\b|grabbed\s+me\b|came\s+up\s+to\s+me\b|stopped\s+to\s+chat\b"
    r"|introduced\s+me\s+to\b"
    r"|(?:was|were)\s+(?:also\s+|both\s+|all\s+)?(?:there|here|with\s+(?:her|him|them|me|us)\b)"
    r"|(?:was|were)\s+(?:also\s+)?(?:in|at)\s+the\s+(?:meeting|call|room|dinner|table)\b"
    r"|(?:walked|sat|worked|talked|ate|stayed|came)\s+with\s+(?:me|us)\b"
    r"|brought\s+(?:along\s+)?(?:her|his|their)\s)",  # "Jess brought her husband Rob"
    re.I,
)
_WORK_AT = re.compile(
    rf"\b(?:works?|working|worked|started|job|is|{_A}s|was|runs\s+[\w-]+|leads\s+[\w-]+|now"
    rf"|{_ROLES})\s+(?:at|for|with)\s+",
    re.I,
)
_ORG_AFTER_NAME_LOOSE = re.compile(
    r"(?:,|\s+[-\u2013\u2014])\s+(?:now\s+)?(?:an?\s+)?(?:(?:[a-z][\w-]*|[A-Z]{2,5})\s+){1,3}"
    r"(?:at|@|chez|bei|presso)\s+(?P<role>[A-Z][^,;.\n()]*)"
)
_ORG_AFTER_NAME = re.compile(
    r"\s+[-\u2013\u2014]\s+(?P<dash>(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3})\s+[-\u2013\u2014]\s"
    rf"|\s*(?:\((?P<paren>[^()\n]{{1,60}})\)|,?\s+(?:(?:all|both)\s+)?(?:from|frm|of)\s+(?:the\s+)?"
    r"(?P<from>(?:[^,;.\n()+]|\+(?![ \t]*(?-i:[a-z]))"
    r"|\.(?=(?:com|io|ai|co|org|net)\b)|(?<=\s(?i:dr|mr|ms))\.|(?<=\s(?i:mrs))\.)+)"
    rf"|,\s+(?:an?\s+)?(?:{_ROLES}|[\w-]+\s+{_ROLES})\s+(?:at|of)\s+(?:the\s+)?(?P<role>[^,;.\n()]+))",
    re.I,
)
_EMPLOYER_LEAD = (
    rf"(?i:\b(?P<subj>{_SUBJ_PRONOUN}\b|{_NAME_WORD}(?:\s+{_NAME_WORD})?)(?:,?\s+who)?\s*"
    rf"(?:{_A}?s|\s+is|\s+just|\s+now|\s+has|\s+was)?\s*"
    r"(?:a\s+|an\s+|now\s+|just\s+|recently\s+|currently\s+|also\s+)*"
    rf"(?:(?:works?|working|worked|started|joined|runs\s+[\w-]+|leads\s+[\w-]+"
    r"|(?:heads|manages|oversees|handles|teaches|lectures|consults|interns|volunteers)"
    r"(?:\s+[\w-]+){0,2}?"
    rf"|heading\s+up\s+[\w-]+|(?:[\w-]+\s+){{0,2}}?{_ROLES})?"
    r"\s*(?:at|for|@)|joined|(?:moved|switched)\s+(?:over\s+)?to)\s+)"
)
_EMPLOYER_RE = re.compile(  # "works for the Red Cross", but "at the Tokyo meetup" is a place
    _EMPLOYER_LEAD
    + r"(?:(?:(?<=works\sfor\s)|(?<=worked\sfor\s)|(?<=working\sfor\s))the\s+)?"
    + r"(?P<org>[A-Z][^,;.\n]*)"
)
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
_AT_FOR_RE = re.compile(
    r"\s(?:at|for|joined|@|(?:moved|switched)\s+(?:over\s+)?to)\s+[A-Z]|\sfor\s+the\s+[A-Z]"
)
_AT_FOR_LOWER_RE = re.compile(r"\s(?:at|for|joined|@)\s+[a-z]")
_LATE_FROM_RE = re.compile(  # "ana r from Globex"; not "just joined from Linklaters" (before)
    r"(?![^,;.\n]{0,30}?\b(?:joined|moved|came|switched|poached|hired|transferred|returned"
    r"|relocated|flew|back)\s+(?:\w+\s+)?from\b)"
    r"[^,;.\n]{0,30}?\bfrom\s+(?:the\s+)?(?P<org>[A-Z][^,;.\n()]*)"
)
_NAME_WORD_RE = re.compile(_NAME_WORD)
_NAME_WORD_B_RE = re.compile(rf"\b{_NAME_WORD}")
_POSSESSIVE_END_RE = re.compile(rf"{_A}s$")
# "Mr Anh Tran, the new ESL teacher, who offered to run a reading group": a relative clause
# that promises (not "who can help", a description)
_WHO_PROMISES = re.compile(
    rf"who(?:{_A}ll|\s+will)\s+"
    r"|who\s+(?:has\s+|kindly\s+)?(?:offered|agreed|volunteered|promised(?:\s+(?:me|us))?)"
    r"(?:\s+(?:again|also)|\s*\([^()\n]{1,20}\))?\s+to\s+"  # "who promised (again) to …"
    rf"|who(?:{_A}s|\s+is)\s+(?:going\s+to|gonna)\s+"
    # "an angel, Mr. Rajesh Kapoor, who says he'll introduce Aleksi to …"
    rf"|who\s+(?:says|said)\s+(?:that\s+)?(?:she|he|they)(?:{_A}ll|{_A}d|\s+will|\s+would)\s+"
    r"|who\s+(?:still\s+)?owes\s+(?:me|us)\s+",  # "…, an old friend, who still owes me a dinner"
    re.I,
)
_THEM_MODAL_S_RE = re.compile(_THEM_MODAL + r"\s+", re.I)
_THEM_DEBT_LEAD_RE = re.compile(r"\s*" + _THEM_DEBT.pattern, re.I)
_MEAL_RE = re.compile(
    r"\b(?:lunch|coffee|dinner|drinks|breakfast|brunch|beers?|tea|call|meeting|walk|met|meet|fika|cuppa)\b",
    re.I,
)
_PAREN_ROLE_AT = re.compile(r".*?(?:\s@\s*|\s+at\s+|@)(?P<org>\S.*)$", re.I)
_APPOSITIVE_RE = re.compile(  # "their CTO, Maja", "Youssef's cofounder, Rim", "the curator, jonas"
    rf"(?:(?i:her|his|their|our|my|the|a|an)|[A-Z][\w-]*{_A}s)\s+[\w\s-]{{1,45}}?,\s+"
    # "her manager, Mr. Kobayashi", "their head of partnerships, one Mr. Otieno"
    r"(?:one\s+)?(?:(?-i:Mr|Mrs|Ms|Mx|Dr|Prof|Mallam|Alhaji|Chief)\.?\s+)?"
    r"(?P<name>[^\W\d_][\w'-]+(?:\s+(?:(?-i:de|van|von|der|den|da|dos|del|di|bin|al)\s+){0,2}"
    r"[^\W\d_][\w'-]+)?)"  # "their head of digital, Freek de Boer, next week"
    r"\s*(?:[.,;!?]|$|(?=\s+(?:at|from|of|in)\s+(?-i:[A-Z])))"  # "…, Sofia Lindgren at Creandum"
)
_GROUP_THEN_NAMES = re.compile(
    r"(?:the|teh|our|their|a|my|two|three|four|five|six|some|several)\s+[\w\s'-]{1,30}?"
    r"(?:\s+[-\u2013\u2014]\s*|\s*:\s*|\s*\(\s*|,\s+)"
    r"(?:(?:mostly|mainly|especially|including|incl\.?|esp\.?)\s+)?"
    # "the Cabinet Office lot, so that's Dame Fiona Carruthers, Mr Ajay Bhatt and …"
    r"(?:(?:so\s+)?(?:that(?:['\u2019]s|\s+is|\s+was)|namely|i\.e\.?|i\s+mean)\s+)?"
    r"(?:(?:dr|mr|mrs|ms|prof|dame|sir|lady|herr|frau)\.?\s+)?"
    # typed in lower case, the names make a list: "the shopify ppl: dana lee, omar haddad"
    r"(?=[A-Z]|[a-z][\w'-]*(?:[ \t]+[a-z][\w'-]*)?[ \t]*(?:,|&|\+|and\b))"
)
_AND_HIS = re.compile(  # ", his mentor Patricia": the name before it is a he
    r"[ \t]*(?:,|\band|&|\bwith)[ \t]+(?P<pos>his|her)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}"
    r"[a-z][\w-]*[ \t,]+(?=[A-Z])"
)
_POSSESSOR_THEN_NAME = re.compile(  # "His cofounder Lea Brandt", "her old boss, Peter Hahn"
    r"\b(?P<pos>(?i:his|her|their))[ \t]+(?:(?i:old|new|former|ex|late|current|younger"
    r"|older|big|little|kid|best)[ \t-]+)?(?P<rel>(?i:co-?founder|founder|boss|manager|wife"
    r"|husband|partner|colleague|friend|mentor|student|sister|brother|son|daughter|mom|mum"
    r"|dad|mother|father|assistant|ceo|cto|cfo|coo|vp|head|lead|director|intern|postdoc"
    r"|supervisor|advisor|adviser|teammate|cousin|uncle|aunt|neighbou?r|gf|bf|girlfriend"
    r"|boyfriend|fianc[\u00e9e]e?|deputy|chief|editor|agent|lawyer|accountant|landlord"
    r"|landlady|tutor|coach|investor|recruiter|report|niece|nephew|grandson|granddaughter"
    r"|co-?author|collaborator|co-?worker|classmate|mentee|client|contact|gallerist|publisher"
    r"|editor|agent|producer|doctor|gp|dentist|therapist)(?i:-in-law)?)"
    r",?[ \t]+(?:(?i:dr|prof|mr|mrs|ms)\.?[ \t]+)?"
    r"(?P<name>[A-Z][\w'\-]+(?:[ \t]+[A-Z][\w'\-]+)?)"
)
# any role after a possessive ("her registrar Dr. Femi Cole", "his PhD student Amélie
# Dubois"): for who acts in person, where the role list above is too short
_POSSESSOR_ROLE_NAME = re.compile(
    r"(?P<pos>(?i:his|her|their))[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}[a-z][\w\-]*,?[ \t]+"
    r"(?:(?i:dr|prof|mr|mrs|ms)\.?[ \t]+)?(?P<name>[A-Z][\w'\-]+(?:[ \t]+[A-Z][\w'\-]+)?)"
)
_NAME_THEN_VERB = re.compile(  # what follows a name that is a clause's subject
    # "..., and Anya also mentioned her old tutor": an adverb may come between
    r"\s+(?:(?:also|then|just|still|really|already|actually|later)\s+)?"
    rf"(?:(?:was|is|has|had|did|does|didn{_A}t|doesn{_A}t|isn{_A}t|wasn{_A}t|reckons|says"
    r"|wants|needs|thinks|owes|runs|works|seems|looks|loves|knows|keeps|asks|said|told"
    r"|thought|got|went|came|gave|sent|took|made|put|felt|kept|knew|brought|found)\b"
    r"|(?-i:[a-z]+ed)\b)",
    re.I,
)
_SUBJECT_ASIDE = re.compile(  # between a subject and its verb: an honorific, a bracket, a role
    rf"\s+(?:{HONORIFICS_AFTER})\b|\s*\([^()\n]{{1,60}}\)"
    # "He kindly promised me to …", "He also said he'd …": an adverb before the verb
    r"|\s+(?:kindly|also|even|already|then|just|really|finally|generously|graciously|in\s+turn)(?=\s)"
    r"|,\s+(?:the|our|my|his|her|their|a|an)\s[^,;.\n]{1,50},"
    r"|,\s+who\s[^,;.\n]{1,60},"  # "Piet, who was visiting, will collect …"
    # "Gwen, for her part, is going to …", "Ben, in turn, will …", "Ana, too, will …"
    r"|,\s+(?:for\s+(?:her|his|their)\s+part|in\s+turn|too|meanwhile|in\s+return),"
    # "Ben Ode from Adyen will …": where the subject works (capitalised, one to four words)
    r"|\s+(?:from|at)\s+(?:the\s+)?(?-i:[A-Z])[\w&.'\-]*(?:\s+(?-i:[A-Z])[\w&.'\-]*){0,3}(?=\s)"
    # "Abdi Warsame from the next stall said he'll …", "Karim from the 3rd floor will …"
    r"|\s+from\s+(?:the\s+)?(?:next|other|same|nearby|opposite)\s+[a-z][\w\-]*(?=\s)"
    r"|\s+from\s+(?:next\s+door|upstairs|downstairs|across\s+the\s+(?:road|street|hall))(?=\s)"
    r"|\s+from\s+(?:the\s+)?\d+(?:st|nd|rd|th)\s+floor(?=\s)"
    r"|\s*:(?=\s)",  # "Oskar Lindqvist (Spotify): will review the PR"
    re.I,
)
_LABEL_MODAL = re.compile(  # what a line opens with after "Name –" when that name acts
    # "Ngozi Adeyemi (Access Bank): she'll send KYC docs fri": the pronoun repeats the name
    rf"(?:(?:she|he|they)(?:{_A}ll|\s+will)"
    rf"|will|wil|{_A}ll|to|is\s+going\s+to|gonna|(?:has\s+)?(?:offered|promised|agreed)\s+to"
    r"|can|could)\s+(?=\w)",
    re.I,
)
_OWNER_LEAD = re.compile(  # "Ken's business partner, " before the name of the one met
    rf"[A-Z][\w\-]*{_A}s\s+(?:[a-z][\w\-]*\s+){{0,3}}?[a-z][\w\-]*,?\s+(?=[A-Z])"
)
_GROUP_ORG = re.compile(  # "the Shopify folks", "teh sales team from hubspot"
    r"(?:the|teh|their)\s+(?P<org>[\w&.'-]+(?:\s+[\w&.'-]+)?)\s+(?:folks|ppl|people|team|crew"
    r"|lot|guys|gang|squad)\b(?:\s+(?:from|at)\s+(?P<from>[\w&.'-]+))?",
    re.I,
)
_TAKEN_BACK = re.compile(  # right after a clause: the writer corrects what they just said
    r",?\s*\b(?:no\s*,?\s*wait|scratch\s+that|correction|no\s*,?\s*sorry)\b"
    # "… asked me to send him the sheet, which I did on the spot": done already, no promise
    r"|,\s*which\s+i\s+(?:already\s+)?(?:did|sent|have\s+done|had\s+done)\b",
    re.I,
)
_MORE_AFTER_ORG = re.compile(  # "... from Ofcom and (also) Esther Mensah": the list goes on
    r"(?:[ \t]*,?[ \t]+(?:and|plus)|[ \t]*,?[ \t]*[&+]"
    # "… from number 8, his granddaughter Hana, …": a relation of the one before
    r"|[ \t]*,(?=[ \t]+(?:his|her|their)[ \t]+[a-z]+[ \t]+(?-i:[A-Z])))[ \t]+(?:also[ \t]+)?"
    r"(?=(?:his|her|their)[ \t]+[a-z]+,?[ \t]+(?-i:[A-Z])|(?:(?i:dr|mr|mrs|ms|prof)\.?[ \t]+)?"
    r"(?-i:[A-Z])[\w'\-]+[ \t]+(?-i:[A-Z]))"
)
_KIN_OF = re.compile(  # "(Tobi's mum)": a relation, not an organization ("(guy's hospital)")
    # (typed on a phone without its apostrophe: "(ellas dad)")
    rf"[\w\-]+(?:{_A}s|(?-i:(?<=[a-z])s))\s+(?:mum|mom|dad|mother|father|wife|husband|son|daughter|sister|brother"
    r"|friend|partner|boss|gf|bf|cousin|aunt|uncle|neighbou?r|colleague|flatmate|roommate|mentor"
    r"|student|assistant|mate|teacher|coach)\b",
    re.I,
)
_NAME_NEXT = re.compile(  # "Tobi's mum, Mrs. Joan …", "Jo's dad (Ravi)"
    r"[ \t]*,?[ \t]*\(?(?=(?:(?:dr|mr|mrs|ms|prof)\.?[ \t]+)?[A-Z])", re.I
)
_NAME_THEN_SHE = re.compile(  # "at Jess's party, Jess Whitfield, she introduced me to ..."
    r"(?P<who>(?-i:[A-Z])[\w'\-]+(?:[ \t]+(?-i:[A-Z])[\w'\-]+)+),[ \t]*(?:she|he)[ \t]+"
    r"(?=(?:introduced|asked|told|reminded|invited|offered|promised)\s+me\b)",
    re.I,
)
_NAME_AT_END = re.compile(rf"(?P<who>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)\Z")
_DESCRIBED_THEN_NAME = re.compile(  # "our firmware lead, Ilse"
    r"(?:the|our|my|his|her|their)\s[^,;()]{1,60},\s+"
    r"(?P<name>(?-i:[A-Z])[\w'\-]*(?:\s+(?-i:[A-Z])[\w'\-]*){0,2})"
    r"(?=\s*(?:,|$|\s+(?:by|soon|sometime|next|this|tomorrow|later|asap)\b))",
    re.I,
)
_DO_IT = re.compile(  # "..., which I'll do tomorrow": the date of the promise before
    r"(?:do|finish|get|have)(?:\s+(?:it|that|this|so))?(?:\s+done)?", re.I
)
# a Japanese (or Hindi) honorific after a name: "Tanaka-san", "Sato Hiroshi-san", "Sharma-ji"
# "-ji" only after a longer word: "Sharma-ji" is an honorific, "Eun-ji" a Korean given name
HONORIFIC_SUFFIX_RE = re.compile(r"(?<=\w)-(?:san|sama|kun|chan|sensei)\b|(?<=\w{4})-ji\b", re.I)
_TITLE_BEFORE = re.compile(
    r"\b(?P<t>imam|rabbi|father|pastor|reverend|ambassador|minister|mayor|senator|governor|chief"
    r"|judge|professor|prof|doctor|coach|captain|sheikh|bishop|councillor|cllr"
    # "Deaconess Funmilayo Adeyemi … Deaconess will collect the pledges": church titles
    r"|deaconess|deacon|evangelist|apostle|prophetess|elder|madam|sister|brother)\.?[ \t]+"
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
    r"|rather|prefer"  # "she said she'd rather we didn't …": a preference
    r"|(?:stay|keep)\s+in\s+touch"  # "must stay in touch": a wish, no to-do
    # (but "think about it and reply by Monday" is a to-do with an answer due)
    r"|hope|wish|seem|wonder|guess"
    # (nor "think who can fit and send him 2-3 profiles")
    r"|think(?!\s+(?:who|which|what)\b[^.;\n]*\band\s+(?:send|share|email|introduce|intro|suggest))"
    r"(?!\s+(?:about\s+|abt\s+)?(?:it|this|that)(?:\s+over)?\s+and\s+(?:reply|get\s+back|let"
    r"|come\s+back"
    r"|revert|confirm|tell|answer|text|call|email|ring|message|ping|write|decide))"
    r"|know|want|appreciate|understand"
    # (but "be a facilitator", "be one of his mentors", "be ninang for …" are roles taken on)
    r"|be(?!\s+(?:in\s+touch|there|back|available|at|on|ready|his|her|their|your|one\s+of"
    r"|(?:a|an|the)\s+(?:(?:guest|keynote|main|co-?)\s*)?(?:facilitator|mentor|speaker|judge|host"
    r"|sponsor|volunteer|referee|reference|witness|chaperone|guest|panell?ist|moderator|trustee"
    r"|vice-?captain|captain|treasurer|secretary|chair|chairperson|pi|co-?pi|lead|examiner"
    r"|arbiter|umpire|coordinator|organi[sz]er"
    r"|governor|coach|tutor|godparent|guarantor|driver|photographer|best\s+man|bridesmaid|mc)"
    r"|ninang|ninong|godmother|godfather|vice-?captain|treasurer|pi|co-?pi|an?\s+arbiter"
    r"|(?:her|his|my|their)\s+(?:host|supervisor|mentor|examiner|referee))\b)"
    r"|have\s+\w+ed|see|say|be\s+on\s+(?:holiday|leave|vacation|break|sabbatical)"
    # "need to sleep", "must go home": the writer's own evening, nobody's promise
    r"|sleep|rest|relax|eat|shower|bed|go\s+(?:home|to\s+bed)|get\s+(?:home|some\s+sleep)"
    r"|correct(?:\s+myself)?(?=\s*$)"  # "no, I must correct: …" corrects the note
    # "Her boss will retire next year", "Mrs. Weber will join the next call": news, no promise
    r"|retire|resign|relocate|move\s+(?:to|back)\b|join\s+(?:the\s+|our\s+)?next\s+(?:call|meeting))"
    r"(?:\b(?=\s*$)|\s+(?!(?:him|her|them|hi|hello|if|whether)\b))",
    re.I,
)
_DEPARTMENTS = frozenset(
    _words(
        "legal hr product design engineering finance marketing sales ops operations it "
        "procurement compliance accounts accounting support recruiting recruitment security "
        "management leadership ministry"
    )
)
_ORG_SUFFIXES = frozenset(
    _words(
        "corp corporation inc ltd llc gmbh plc labs bank co university college institute "
        "logistics hospital foundation ventures capital partners holdings solutions "
        "technologies consulting agency "
        # a trade's firm, as people write it after the tradesperson's name ("Wojciech
        # Nowak, Nowak Instalacje", "Gareth from Valleys Electrical")
        "electrical electric plumbing roofing builders construction services motors foods "
        "freight instalacje bau gruppe group industries enterprises trading systems "
        "software pharma pharmaceuticals studios associates assoc association "
        # more trades and goods ("Sharma Textiles", "Henderson Timber", "Shenzhen Brightway
        # Electronics", "Dawson & Sons Joinery")
        "textiles timber electronics joinery joiners carpentry landscaping interiors "
        "catering bakery motors garage exports imports supplies"
    )
)
_PET_BEFORE = re.compile(r"\b(?:dog|puppy|cat|kitten|pet|horse)[ \t]+\Z", re.I)
_LOWER_KIN = re.compile(  # "his gf sarah", "my co-supervisor dr. fenna bakker"
    # "the groom's uncle raj mehta", "another mum, bea lindqvist"
    r"(?:(?:his|her|their|my|our|another|the[ \t]+[a-z]+['\u2019]s|[a-z]+['\u2019]s)[ \t]+)?"
    r"(?:(?:new|old|college|uni|school|work|best|childhood|former)[ \t]+|ex-?)?"
    r"(?:gf|bf|girlfriend|boyfriend|uncle|aunt|auntie|aunty|grandma"
    r"|grandpa|nephew|niece|fianc[\u00e9e]e?|coworker|co-worker|teammate|classmate|mother|father"
    r"|in-law|stepdad|stepmum|stepmom|godmother|godfather"
    r"|partner|wife|husband|sister|brother|cousin|friend|mate|colleague|boss|cofounder"
    r"|co-founder|son|daughter|mum|mom|dad|supervisor|co-supervisor|cosupervisor|advisor"
    r"|adviser|mentor|manager|neighbour|neighbor|landlord|landlady|tutor|coach|coll[e\u00e8]gue"
    r"|assistant|flatmate|roommate|housemate|student|intern|buddy|pal)[ \t]*,?[ \t]+"
    r"(?:(?:dr|prof|mr|mrs|ms)\.?[ \t]+)?"
)
_ABSENT = re.compile(  # said of someone named: they were NOT met
    rf"\b(?:wasn{_A}?t|weren{_A}?t|was\s+not|were\s+not|couldn{_A}?t\s+(?:make|come|join)"
    rf"|could\s+not\s+(?:make|come|join)|didn{_A}t\s+(?:come|show|make|turn)"
    r"|not\s+there|was\s+absent|sent\s+(?:her|his|their)?\s*apologies|missed\s+(?:it|the)"
    # "Gareth was off sick so I'll fill him in", "Tom was away"
    r"|was\s+(?:off\s+sick|off\s+ill|away|ill|sick|off\s+today|on\s+holiday|on\s+leave)"
    # "Maeve herself I didn't get to talk to"
    rf"|(?:(?:her|him)self\s+)?i\s+(?:didn{_A}?t|did\s+not|never)\s+(?:get\s+to\s+|manage\s+to\s+)?"
    r"(?:talk|speak|chat|see|meet)"
    r"|(?<=\()not\s+(?:in|at)\s+(?:the\s+)?(?:meeting|call|room|dinner|event)|(?<=\()absent\b)",
    re.I,
)
_WORK_WORD_RE = re.compile(
    rf"\b(?:job|works?|working|worked|started|joined|runs|leads|{_ROLES})\b", re.I
)
_INTRO_HINT = re.compile(r"intro|connect|\bput\b|\bpresent\b|\blink\b", re.I)
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
# "send him the offer once she does", "…, so I can pitch": the promise ends (but "when
# he's in Berlin" stays in its words: writers keep it, and it says when the to-do is due)
_SUBORDINATE_TAIL = re.compile(
    r",?\s+(?:so\s+that|so)\s+(?=(?:i|i[\u2019']m|she|he|they)\b)"
    r"|,\s+who\s+|\s+(?:before|after)\s+(?:then|that)\s*$"
    # "clean up the cap table before anything goes out": a condition, not the action
    r"|\s+before\s+(?:anything|anyone|everything|everyone)\s+\w+"
    # "..., which is a lifesaver", "..., though her VP needs to sign": a comment, not the action
    r"|,\s+(?:and\s+)?(?:which|though|although|even\s+though|since|because|when|whereas)\b"
    # a run-on note going on to something else: "visit her club also mentioned her colleague
    # …", "write it up, then remembered the board meeting", "babysit lol said yes"
    r"|(?<!\bbut)(?<!\bbut,),?\s+(?:also|then)\s+(?=(?:mentioned|said|told|asked|met|chatted|talked|bumped|saw"
    r"|remembered|found|heard|learned|realised|realized|noticed)\b)"
    # "send him my CV, that they are hiring": a reason, not the action
    r"|,\s+that\s+(?=(?:they|he|she|it|we)\s+(?:are|is|was|were|have|has|had)\b)"
    rf"|,\s+who{_A}s\s+|,?\s+otherwise\b"  # "…, Gerald Finch, who's looking for …"
    # a date after the action's words is its due phrase ("… before the 15th", "… after the
    # holidays"); an event the action waits for ("send me the draft before it runs",
    # "ring him once I've read them", "after the demo") stays in them, as writers keep it
    r"|\s+(?:after|before)\s+(?=the\s+(?:\d|holidays|weekend|end\b|new\s+year))"
    # "share the doc and Ananya wants a demo", "…, and Marites's daughter Angel is applying",
    # "… and also her cousin Bilal runs logistics": news of someone else, no part of it
    r"|,?\s+(?:and|but)\s+(?:also\s+)?(?=(?:(?:his|her|their|my|our|(?-i:[A-Z])[\w'\-]+['\u2019]s)"
    r"\s+(?:[a-z]+\s+)?)?(?-i:[A-Z])[\w'\-]+(?:\s+(?-i:[A-Z])[\w'\-]+)?\s+"
    r"(?:is|are|was|were|has|had|wants|needs|runs|works"
    r"|said|says|thinks|asked|mentioned|told|wanted|needed)\b)"
    # "she'll fund two trainers and requested a concept note": what she did, told after
    r"|\s+and\s+(?=(?:requested|asked|mentioned|said|told|wanted|suggested)\b)"
    # "fund two fellows but needs a budget first": what follows "but" is no part of it
    r"|,?\s+but\s+(?=(?:needs?|wants?|first|only|not|i|we|he|she|they|it)\b)"
    r"|,\s+so\s+(?=doing\b)"  # "email her a summary, so doing that after dinner"
    # "introduce me to Mme Claire Dubois, his colleague responsible of …": who she is
    r"|(?<=\w),\s+(?:his|her|their)\s+(?:colleague|boss|manager|friend|partner|assistant|cousin"
    r"|brother|sister|wife|husband|counterpart|deputy)\b"
    r"|\s+(?:in[sş]h?a['\u2019]?\s*a?llah|god\s+willing)\b"  # "… next week inşallah"
    # "owes me the battery specs, chased twice": a comment on it, no part of it
    r"|,\s+(?:already\s+)?(?:chased|pinged|nudged|reminded|asked)\s+(?:him|her|them|twice|again"
    r"|once|already)\b"
    # "I asked her to loop in her compliance lead, she agreed": the answer is no part of it
    r"|,?\s+(?:and\s+)?(?:she|he|they)\s+(?:agreed|agree|accepted|said\s+(?:ok|okay|yes|sure|fine))\b"
    # "lend us his hedge trimmer which is great bc ours died", "…, ahead of a lunch we're
    # planning", "…, haha, will do when …", "… cheque and wants a shout-out": asides
    r"|\s+which\s+(?:is|was|would\s+be)\s+(?:great|good|nice|handy|brilliant|amazing|lovely|kind)\b"
    r"|,\s+ahead\s+of\b|,\s+(?:haha|lol|hehe)\b"
    r"|\s+and\s+(?:wants|needs|asked|said|mentioned|thinks|hopes)\b"
    r"|,\s+(?:very|so|how)\s+(?:kind|nice|sweet|generous|lovely)\b"
    r"|,\s+(?:yeah|yep|yup|ya)\s*,",  # "… intro us next week, yeah, good morning overall"
    re.I,
)
_VAGUE_TAIL = re.compile(
    r"(?:,?\s+(?:sometime|some\s+time|soon|asap|at\s+some\s+point|later|eventually|absolutely"
    r"|actually|though|anyway|honestly|now|itself|yeah|so"
    r"|when\s+i\s+can|if\s+i\s+can|too|lol|haha|ha|hehe|:\)|!+"
    r"|shame\s+on\s+me|my\s+bad|oops|ugh|sigh|done\s+deal|fingers\s+crossed|god\s+willing"
    r"|insha['\u2019]?allah|inshallah|hopefully|at\s+the\s+latest|instead"
    # "send me the catalogue in the next days": soon, no date
    r"|(?:in|over|within)\s+(?:the\s+)?(?:next|coming|following)\s+(?:days|weeks|months)"
    r"|(?:before|by)\s+then"  # "buy the tap before then": a date told in the sentence before
    # the writer's doubt about it ("he'll fix the boiler tuesday supposedly")
    r"|supp?osedly|apparr?ently|allegedly|reportedly|i\s+think|i\s+guess|i\s+believe"
    r"|by\s+god['\u2019]?s\s+grace|date\s+to\s+be\s+(?:defined|confirmed|fixed)|tbd|tbc"
    r"|(?<=,\s)pole\s+pole(?:\s+but\s+sure)?"
    r"|(?<=,\s)(?:happy\s+to|glad\s+to|no\s+bother)"
    r"|(?<=,\s)(?:no\s+problem|no\s+worries|no\s+more\s+excuses)"
    # "…, maybe earlier", "…, told her yes", "… but no guarantee", "…, in shaa Allah"
    r"|(?<=,\s)(?:maybe\s+(?:earlier|sooner|before)|told\s+(?:her|him|them)\s+(?:yes|sure|ok))"
    r"|but\s+no\s+guarantees?|in\s+sh?aa?\s*allah"
    # "…, obviously will do", "…, will do the needful", "…, fair play to him", "…, legend"
    # (after a comma only: "send her a gold star" keeps its star)
    r"|(?<=,\s)(?:(?:obviously\s+|of\s+course\s+|definitely\s+|sure\s+)?will\s+do"
    r"(?:\s+the\s+needful)?|fair\s+play\s+to\s+(?:her|him|them)|bless\s+(?:her|him|them)"
    r"|(?:what\s+an?\s+|absolute\s+)?(?:legend|star|gem|hero|champ|sweetheart))"
    r"|(?:very\s+|so\s+|really\s+)?(?:sweet|kind|nice|generous|good)\s+of\s+(?:her|him|them)))+\s*$",
    re.I,
)
# "introduced him to me last month": on another day, so the introducer was not met today
_LONG_AGO = re.compile(
    r"\b(?:last\s+(?:week|month|year|spring|summer|autumn|fall|winter)|(?:a|two|three|four"
    r"|few|several|\d+)\s+(?:weeks?|months?|years?)\s+ago|a\s+while\s+(?:ago|back)|back\s+in"
    r"|years\s+ago)\b",
    re.I,
)
