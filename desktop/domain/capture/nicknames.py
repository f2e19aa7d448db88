"""Everyday short forms of given names ("Kasia" for Katarzyna, "Kostas" for Konstantinos,
"Memo" for Guillermo): a note that met "Katarzyna Wójcik" and later says "Kasia will buy
me dinner" means her.

Hand-written for Rapport (no package keeps such a table across the languages our users
write in); only forms that share no first letters with their full name are listed, since
the reader already takes a unique prefix ("Tom" for Tomasz) or ending ("Segun" for
Olusegun) of a name met as that person.
"""

from __future__ import annotations

_TABLE = """
kasia katarzyna | gosia małgorzata malgorzata | basia barbara | ola aleksandra | asia joanna
kuba jakub | jurek jerzy | staszek stanisław stanislaw | zosia zofia | wojtek wojciech
kostas konstantinos | giorgos georgios | yannis giannis ioannis | nikos nikolaos
takis panagiotis | dimitris dimitrios | sasha aleksandr alexander aleksandra alexandra
misha mikhail | dima dmitri dmitry | kolya nikolai | vova vladimir | volodya vladimir
seryozha sergei sergey | tanya tatiana tatyana | katya ekaterina yekaterina
nastya anastasia | zhenya evgeny yevgeny evgenia | pepe josé jose | paco francisco
pancho francisco | nacho ignacio | lupe guadalupe | chema josé jose | memo guillermo
beto roberto alberto humberto | lalo eduardo | toño antonio | chucho jesús jesus
bill william | billy william | bob robert | bobby robert | dick richard | rick richard
peggy margaret | meg margaret | maggie margaret | betty elizabeth | liz elizabeth
beth elizabeth | jack john | johnny john | ted edward | ned edward | hank henry
harry henry harold | chuck charles | sue susan | becky rebecca | drew andrew
nell eleanor helen | tony anthony antonio | sandy alexander alexandra | dele adedeji
chip charles | gabi gabriela gabriella | rj raj
"""


def _parse(table: str) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for entry in table.replace("\n", " | ").split("|"):
        words = entry.split()
        if len(words) >= 2:
            out[words[0]] = out.get(words[0], frozenset()) | frozenset(words[1:])
    return out


_FORMAL = _parse(_TABLE)


def formal_names(short: str) -> frozenset[str]:
    """The given names ``short`` is an everyday form of (case-folded), or nothing."""
    return _FORMAL.get(short.casefold(), frozenset())
