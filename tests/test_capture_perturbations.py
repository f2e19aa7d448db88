"""Every promise family of issue #12 parses the same under the variations any writer makes.

The variants come from ``tests/benchmarks/perturb_capture.py`` (run it for the table): a
prefix ("Note to self:", "TODO:", "FYI", a bullet, "1."), an adverb, a fronted date, the
date said in a following clause, lower case, a short form or initials of the name, a
list of names before a colon. A rule that fits one wording only fails here by name.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from perturb_capture import Variant, all_variants, check

VARIANTS = all_variants()


def test_every_family_has_every_kind_of_variant() -> None:
    kinds = {v.kind.split()[0] for v in VARIANTS}
    assert {"base", "prefix", "adverb", "fronted", "date", "lower", "short", "initials"} <= kinds
    assert {"pronoun", "mentioned", "corrected", "yes"} <= kinds  # the sixth round's
    assert {"gender", "someone", "comment"} <= kinds  # the seventh round's
    assert len({v.family for v in VARIANTS}) >= 19


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"{v.family}/{v.kind}")
def test_promise_survives_the_variation(variant: Variant) -> None:
    assert check(variant) == [], variant.text


def test_a_wrong_reading_is_caught() -> None:
    base = VARIANTS[0]
    wrong = Variant(base.family, base.kind, base.text, {**base.expected, "due": None})
    assert check(wrong) != []
