"""The capture corpus is well formed, and the parser does not fall below its floor on it.

The figures come from the same scoring code as ``tests/benchmarks/bench_capture_quality.py``
(run that script for the full table and ``--failures``). The floor is a regression guard,
set a little under what the parser reaches today; it is not a timing test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from bench_capture_quality import CORPUS, check_note, load, score_notes

TRAIN = CORPUS / "train.json"
# the notes the parser is developed on (never the held-out set, which stays a blind test)
DEVELOPMENT = [
    CORPUS / f"{name}.json" for name in ("train", "train2", "train3", "train4", "dev", "dev2")
]
FLOORS = {  # category -> (precision, recall) on each development file
    "participants": (0.95, 0.95),
    "promises": (0.9, 0.9),
    "introductions": (0.85, 0.85),
    "place": (0.9, 0.9),
    "organization": (0.85, 0.85),
}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.json")), ids=lambda p: p.name)
def test_every_corpus_file_is_well_formed(path: Path) -> None:
    notes = load(path)
    problems = [problem for note in notes for problem in check_note(note)]
    assert problems == []
    ids = [note["id"] for note in notes]
    assert len(ids) == len(set(ids)), "note ids must be unique"


def test_the_training_set_is_big_enough_to_mean_something() -> None:
    assert len(load(TRAIN)) >= 110


@pytest.mark.parametrize("path", DEVELOPMENT, ids=lambda p: p.name)
def test_the_parser_stays_above_its_floor_on_the_development_notes(path: Path) -> None:
    score = score_notes(load(path))
    for category, (precision, recall) in FLOORS.items():
        tally = score.tallies[category]
        assert tally.precision >= precision and tally.recall >= recall, (
            f"{category}: {tally.precision:.3f}/{tally.recall:.3f} under {precision}/{recall}"
        )


# the fourth round's blind sets, added after they were scored blind; the parser was then
# improved by general rules, but they are harder than the rest (many people per note,
# phone-typed and dictated), so each keeps its own floor, a little under today's figures
BLIND_FLOORS = {
    "dev3.json": {
        "participants": (0.93, 0.92),
        "promises": (0.92, 0.92),
        "introductions": (0.85, 0.55),
        "place": (0.88, 0.83),
        "organization": (0.85, 0.70),
    },
    "dev4.json": {
        "participants": (0.94, 0.87),
        "promises": (0.9, 0.87),
        "introductions": (0.65, 0.3),
        "place": (0.8, 0.75),
        "organization": (0.82, 0.5),
    },
    # the fifth round's blind set of structured notes (bullets, minutes, action items)
    "dev5.json": {
        "participants": (0.95, 0.92),
        "promises": (0.93, 0.9),
        "introductions": (0.8, 0.6),
        "place": (0.95, 0.83),
        "organization": (0.85, 0.8),
    },
    # the fifth round's blind set of long narrative journal notes, the hardest still
    "dev6.json": {
        "participants": (0.94, 0.88),
        "promises": (0.86, 0.81),
        "introductions": (0.85, 0.62),
        "place": (0.92, 0.9),
        "organization": (0.72, 0.42),
    },
    # the sixth round's blind sets: phone-typed (dev7), non-native and regional English
    # (dev8), structured minutes and action items (dev9)
    "dev7.json": {
        "participants": (0.97, 0.92),
        "promises": (0.94, 0.92),
        "introductions": (0.9, 0.64),
        "place": (0.9, 0.6),
        "organization": (0.84, 0.86),
    },
    "dev8.json": {
        "participants": (0.97, 0.96),
        "promises": (0.95, 0.93),
        "introductions": (0.9, 0.68),
        "place": (0.95, 0.85),
        "organization": (0.88, 0.66),
    },
    "dev9.json": {
        "participants": (0.94, 0.91),
        "promises": (0.94, 0.93),
        "introductions": (0.82, 0.72),
        "place": (0.93, 0.82),
        "organization": (0.76, 0.79),
    },
    # the seventh round's blind sets: a user base's mix (dev10), events with several
    # people, introductions and promises between others (dev11)
    "dev10.json": {
        "participants": (0.97, 0.94),
        "promises": (0.96, 0.94),
        "introductions": (0.95, 0.6),
        "place": (0.95, 0.95),
        "organization": (0.8, 0.62),
    },
    "dev11.json": {
        "participants": (0.94, 0.87),
        "promises": (0.9, 0.88),
        "introductions": (0.88, 0.74),
        "place": (0.9, 0.85),
        "organization": (0.78, 0.6),
    },
    # the eighth round's blind sets: long notes with several people (dev12), a user base's
    # mix (dev13, dev14, dev17), who owes what (dev15), when (dev16), phone-typed (dev18),
    # and the round's first two blind tests once scored (dev19, dev20)
    "dev12.json": {
        "participants": (0.96, 0.81),
        "promises": (0.85, 0.8),
        "introductions": (0.75, 0.64),
        "place": (0.87, 0.85),
        "organization": (0.77, 0.51),
    },
    "dev13.json": {
        "participants": (0.96, 0.94),
        "promises": (0.96, 0.95),
        "introductions": (0.85, 0.75),
        "place": (0.87, 0.87),
        "organization": (0.84, 0.84),
    },
    "dev14.json": {
        "participants": (0.95, 0.91),
        "promises": (0.91, 0.87),
        "introductions": (0.98, 0.98),
        "place": (0.98, 0.91),
        "organization": (0.68, 0.52),
    },
    "dev15.json": {
        "participants": (0.98, 0.95),
        "promises": (0.94, 0.94),
        "introductions": (0.98, 0.98),
        "place": (0.93, 0.91),
        "organization": (0.9, 0.72),
    },
    "dev16.json": {
        "participants": (0.95, 0.93),
        "promises": (0.93, 0.9),
        "introductions": (0.78, 0.55),
        "place": (0.95, 0.92),
        "organization": (0.95, 0.87),
    },
    "dev17.json": {
        "participants": (0.94, 0.81),
        "promises": (0.92, 0.88),
        "introductions": (0.86, 0.64),
        "place": (0.91, 0.89),
        "organization": (0.8, 0.71),
    },
    "dev18.json": {
        "participants": (0.95, 0.93),
        "promises": (0.89, 0.86),
        "introductions": (0.98, 0.73),
        "place": (0.9, 0.86),
        "organization": (0.86, 0.6),
    },
    "dev19.json": {
        "participants": (0.98, 0.91),
        "promises": (0.88, 0.88),
        "introductions": (0.81, 0.64),
        "place": (0.88, 0.86),
        "organization": (0.9, 0.67),
    },
    "dev20.json": {
        "participants": (0.95, 0.83),
        "promises": (0.91, 0.88),
        "introductions": (0.98, 0.98),
        "place": (0.91, 0.84),
        "organization": (0.66, 0.57),
    },
    # the eighth round's later sets: a user base's mix (dev21), non-native writers (dev22),
    # and its final blind tests once scored (dev23, dev24)
    "dev21.json": {
        "participants": (0.95, 0.92),
        "promises": (0.93, 0.89),
        "introductions": (0.98, 0.69),
        "place": (0.93, 0.9),
        "organization": (0.89, 0.86),
    },
    "dev22.json": {
        "participants": (0.93, 0.86),
        "promises": (0.93, 0.87),
        "introductions": (0.73, 0.31),
        "place": (0.75, 0.72),
        "organization": (0.84, 0.57),
    },
    "dev23.json": {
        "participants": (0.92, 0.93),
        "promises": (0.92, 0.88),
        "introductions": (0.85, 0.75),
        "place": (0.89, 0.87),
        "organization": (0.81, 0.81),
    },
    "dev24.json": {
        "participants": (0.98, 0.95),
        "promises": (0.96, 0.96),
        "introductions": (0.98, 0.64),
        "place": (0.95, 0.95),
        "organization": (0.83, 0.68),
    },
    # the eighth round's last blind tests once scored (heldout6, heldout7)
    "dev25.json": {
        "participants": (0.98, 0.96),
        "promises": (0.97, 0.97),
        "introductions": (0.98, 0.78),
        "place": (0.93, 0.93),
        "organization": (0.83, 0.66),
    },
    "dev26.json": {
        "participants": (0.97, 0.94),
        "promises": (0.95, 0.92),
        "introductions": (0.98, 0.75),
        "place": (0.88, 0.86),
        "organization": (0.68, 0.68),
    },
    # the ninth round's sets: busy events (dev27), a user base's mix (dev28), gatherings of
    # three to five people half typed on a phone (dev29), writers of other first languages
    # (dev30)
    "dev27.json": {
        "participants": (0.98, 0.93),
        "promises": (0.95, 0.93),
        "introductions": (0.87, 0.7),
        "place": (0.92, 0.73),
        "organization": (0.8, 0.72),
    },
    "dev28.json": {
        "participants": (0.98, 0.98),
        "promises": (0.97, 0.97),
        "introductions": (0.98, 0.7),
        "place": (0.84, 0.8),
        "organization": (0.94, 0.83),
    },
    "dev29.json": {
        "participants": (0.95, 0.89),
        "promises": (0.93, 0.87),
        "introductions": (0.9, 0.9),
        "place": (0.93, 0.72),
        "organization": (0.57, 0.55),
    },
    "dev30.json": {
        "participants": (0.96, 0.9),
        "promises": (0.88, 0.8),
        "introductions": (0.48, 0.4),
        "place": (0.9, 0.88),
        "organization": (0.84, 0.66),
    },
    # the ninth round's blind tests, developed against in the tenth (heldout8, heldout9 and
    # heldout10 became dev31, dev32 and dev33), and the tenth round's own sets: busy gatherings
    # (dev34) and writers typing on a phone or in a language not their first (dev35)
    "dev31.json": {
        "participants": (0.96, 0.96),
        "promises": (0.98, 0.97),
        "introductions": (0.98, 0.7),
        "place": (0.98, 0.87),
        "organization": (0.88, 0.8),
    },
    "dev32.json": {
        "participants": (0.95, 0.96),
        "promises": (0.93, 0.94),
        "introductions": (0.9, 0.74),
        "place": (0.96, 0.82),
        "organization": (0.74, 0.67),
    },
    "dev33.json": {
        "participants": (0.98, 0.97),
        "promises": (0.98, 0.98),
        "introductions": (0.98, 0.78),
        "place": (0.88, 0.86),
        "organization": (0.9, 0.67),
    },
    "dev34.json": {
        "participants": (0.97, 0.89),
        "promises": (0.9, 0.83),
        "introductions": (0.98, 0.43),
        "place": (0.96, 0.72),
        "organization": (0.77, 0.5),
    },
    "dev35.json": {
        "participants": (0.96, 0.95),
        "promises": (0.95, 0.91),
        "introductions": (0.48, 0.31),
        "place": (0.89, 0.78),
        "organization": (0.9, 0.74),
    },
    # the eleventh round: the tenth round's blind sets (heldout11-13), the validation sets
    # of the learned scorer of who was there and then developed against; its own blind
    # sets (heldout14-16, scored and never viewed); its development sets on busy phone
    # notes (dev36), people described through one another (dev37), dense promises (dev38)
    # and other first languages and dictation (dev39); and four more development sets of
    # everyday notes (dev40), events with many new people (dev41), terse phone notes
    # (dev42) and other first languages and Englishes (dev43), scored on arrival
    "heldout11.json": {
        "participants": (0.93, 0.97),
        "promises": (0.9, 0.9),
        "introductions": (0.97, 0.85),
        "place": (0.97, 0.92),
        "organization": (0.82, 0.73),
    },
    "heldout12.json": {
        "participants": (0.95, 0.97),
        "promises": (0.9, 0.9),
        "introductions": (0.73, 0.63),
        "place": (0.94, 0.86),
        "organization": (0.69, 0.82),
    },
    "heldout13.json": {
        "participants": (0.97, 0.97),
        "promises": (0.9, 0.85),
        "introductions": (0.87, 0.68),
        "place": (0.92, 0.85),
        "organization": (0.91, 0.77),
    },
    "heldout14.json": {
        "participants": (0.89, 0.93),
        "promises": (0.88, 0.87),
        "introductions": (0.97, 0.63),
        "place": (0.86, 0.84),
        "organization": (0.89, 0.85),
    },
    "heldout15.json": {
        "participants": (0.93, 0.93),
        "promises": (0.88, 0.85),
        "introductions": (0.97, 0.89),
        "place": (0.94, 0.82),
        "organization": (0.77, 0.75),
    },
    "heldout16.json": {
        "participants": (0.91, 0.88),
        "promises": (0.89, 0.8),
        "introductions": (0.8, 0.47),
        "place": (0.77, 0.68),
        "organization": (0.93, 0.65),
    },
    "dev36.json": {
        "participants": (0.91, 0.93),
        "promises": (0.75, 0.63),
        "introductions": (0.97, 0.85),
        "place": (0.84, 0.64),
        "organization": (0.37, 0.22),
    },
    "dev37.json": {
        "participants": (0.92, 0.93),
        "promises": (0.88, 0.82),
        "introductions": (0.85, 0.58),
        "place": (0.86, 0.86),
        "organization": (0.56, 0.34),
    },
    "dev38.json": {
        "participants": (0.88, 0.95),
        "promises": (0.73, 0.69),
        "introductions": (0.97, 0.56),
        "place": (0.84, 0.78),
        "organization": (0.77, 0.59),
    },
    "dev39.json": {
        "participants": (0.86, 0.92),
        "promises": (0.67, 0.59),
        "introductions": (0.68, 0.42),
        "place": (0.71, 0.69),
        "organization": (0.8, 0.59),
    },
    "dev40.json": {
        "participants": (0.95, 0.96),
        "promises": (0.92, 0.91),
        "introductions": (0.97, 0.87),
        "place": (0.93, 0.93),
        "organization": (0.87, 0.75),
    },
    "dev41.json": {
        "participants": (0.95, 0.95),
        "promises": (0.93, 0.92),
        "introductions": (0.87, 0.59),
        "place": (0.9, 0.67),
        "organization": (0.65, 0.44),
    },
    "dev42.json": {
        "participants": (0.87, 0.93),
        "promises": (0.87, 0.82),
        "introductions": (0.97, 0.47),
        "place": (0.82, 0.67),
        "organization": (0.92, 0.7),
    },
    "dev43.json": {
        "participants": (0.89, 0.9),
        "promises": (0.9, 0.87),
        "introductions": (0.97, 0.63),
        "place": (0.97, 0.91),
        "organization": (0.77, 0.5),
    },
    # the twelfth round: its blind sets (heldout17-19, scored and never viewed) and its
    # development sets on work notes (dev44), promises stated indirectly (dev45), private
    # and social life (dev46) and group events (dev47), scored on arrival
    "heldout17.json": {
        "participants": (0.92, 0.96),
        "promises": (0.95, 0.92),
        "introductions": (0.85, 0.69),
        "place": (0.81, 0.81),
        "organization": (0.75, 0.6),
    },
    "heldout18.json": {
        "participants": (0.93, 0.97),
        "promises": (0.89, 0.85),
        "introductions": (0.89, 0.78),
        "place": (0.97, 0.91),
        "organization": (0.83, 0.77),
    },
    "heldout19.json": {
        "participants": (0.9, 0.94),
        "promises": (0.91, 0.86),
        "introductions": (0.72, 0.51),
        "place": (0.9, 0.74),
        "organization": (0.87, 0.68),
    },
    "dev44.json": {
        "participants": (0.96, 0.97),
        "promises": (0.96, 0.95),
        "introductions": (0.97, 0.97),
        "place": (0.89, 0.93),
        "organization": (0.8, 0.59),
    },
    "dev45.json": {
        "participants": (0.92, 0.92),
        "promises": (0.89, 0.88),
        "introductions": (0.97, 0.68),
        "place": (0.95, 0.95),
        "organization": (0.97, 0.82),
    },
    "dev46.json": {
        "participants": (0.93, 0.97),
        "promises": (0.9, 0.88),
        "introductions": (0.63, 0.63),
        "place": (0.88, 0.88),
        "organization": (0.5, 0.58),
    },
    "dev47.json": {
        "participants": (0.96, 0.96),
        "promises": (0.94, 0.93),
        "introductions": (0.7, 0.47),
        "place": (0.87, 0.74),
        "organization": (0.62, 0.55),
    },
    "dev48.json": {
        "participants": (0.94, 0.97),
        "promises": (0.91, 0.88),
        "introductions": (0.82, 0.97),
        "place": (0.88, 0.78),
        "organization": (0.75, 0.61),
    },
    "dev49.json": {
        "participants": (0.95, 0.97),
        "promises": (0.89, 0.89),
        "introductions": (0.97, 0.68),
        "place": (0.89, 0.87),
        "organization": (0.88, 0.83),
    },
    "dev50.json": {
        "participants": (0.95, 0.96),
        "promises": (0.91, 0.91),
        "introductions": (0.84, 0.7),
        "place": (0.74, 0.62),
        "organization": (0.81, 0.48),
    },
    "dev51.json": {
        "participants": (0.95, 0.97),
        "promises": (0.9, 0.91),
        "introductions": (0.8, 0.68),
        "place": (0.97, 0.82),
        "organization": (0.77, 0.73),
    },
    "heldout20.json": {
        "participants": (0.88, 0.91),
        "promises": (0.89, 0.9),
        "introductions": (0.97, 0.6),
        "place": (0.81, 0.78),
        "organization": (0.66, 0.51),
    },
    "heldout21.json": {
        "participants": (0.94, 0.96),
        "promises": (0.86, 0.85),
        "introductions": (0.77, 0.67),
        "place": (0.95, 0.89),
        "organization": (0.74, 0.53),
    },
    "heldout22.json": {
        "participants": (0.95, 0.94),
        "promises": (0.9, 0.77),
        "introductions": (0.97, 0.72),
        "place": (0.9, 0.83),
        "organization": (0.89, 0.72),
    },
    "dev52.json": {
        "participants": (0.94, 0.94),
        "promises": (0.95, 0.95),
        "introductions": (0.97, 0.97),
        "place": (0.84, 0.87),
        "organization": (0.7, 0.75),
    },
    "dev53.json": {
        "participants": (0.94, 0.96),
        "promises": (0.94, 0.93),
        "introductions": (0.85, 0.63),
        "place": (0.92, 0.92),
        "organization": (0.77, 0.62),
    },
    "heldout23.json": {
        "participants": (0.95, 0.95),
        "promises": (0.91, 0.93),
        "introductions": (0.87, 0.63),
        "place": (0.9, 0.81),
        "organization": (0.81, 0.71),
    },
    "heldout24.json": {
        "participants": (0.95, 0.94),
        "promises": (0.85, 0.86),
        "introductions": (0.97, 0.78),
        "place": (0.82, 0.77),
        "organization": (0.9, 0.84),
    },
    "heldout25.json": {
        "participants": (0.92, 0.92),
        "promises": (0.88, 0.83),
        "introductions": (0.97, 0.89),
        "place": (0.87, 0.81),
        "organization": (0.86, 0.65),
    },
    "dev54.json": {
        "participants": (0.96, 0.97),
        "promises": (0.94, 0.94),
        "introductions": (0.88, 0.88),
        "place": (0.97, 0.94),
        "organization": (0.75, 0.85),
    },
    "dev55.json": {
        "participants": (0.93, 0.93),
        "promises": (0.89, 0.87),
        "introductions": (0.84, 0.84),
        "place": (0.9, 0.83),
        "organization": (0.86, 0.79),
    },
    "heldout26.json": {
        "participants": (0.88, 0.94),
        "promises": (0.87, 0.89),
        "introductions": (0.97, 0.97),
        "place": (0.91, 0.93),
        "organization": (0.77, 0.77),
    },
    "heldout27.json": {
        "participants": (0.97, 0.96),
        "promises": (0.91, 0.89),
        "introductions": (0.97, 0.6),
        "place": (0.92, 0.9),
        "organization": (0.72, 0.72),
    },
    "heldout28.json": {
        "participants": (0.91, 0.87),
        "promises": (0.86, 0.84),
        "introductions": (0.8, 0.42),
        "place": (0.92, 0.83),
        "organization": (0.83, 0.66),
    },
    "dev56.json": {
        "participants": (0.94, 0.96),
        "promises": (0.96, 0.94),
        "introductions": (0.97, 0.58),
        "place": (0.9, 0.9),
        "organization": (0.82, 0.77),
    },
    "dev57.json": {
        "participants": (0.94, 0.97),
        "promises": (0.93, 0.93),
        "introductions": (0.97, 0.66),
        "place": (0.94, 0.85),
        "organization": (0.78, 0.66),
    },
    "dev58.json": {
        "participants": (0.94, 0.96),
        "promises": (0.87, 0.83),
        "introductions": (0.97, 0.85),
        "place": (0.91, 0.81),
        "organization": (0.85, 0.68),
    },
    "dev59.json": {
        "participants": (0.96, 0.97),
        "promises": (0.96, 0.97),
        "introductions": (0.77, 0.47),
        "place": (0.84, 0.87),
        "organization": (0.77, 0.58),
    },
    "dev60.json": {
        "participants": (0.96, 0.97),
        "promises": (0.93, 0.92),
        "introductions": (0.97, 0.72),
        "place": (0.93, 0.93),
        "organization": (0.77, 0.75),
    },
    "dev61.json": {
        "participants": (0.93, 0.97),
        "promises": (0.93, 0.88),
        "introductions": (0.97, 0.88),
        "place": (0.83, 0.76),
        "organization": (0.88, 0.7),
    },
    "dev62.json": {
        "participants": (0.97, 0.97),
        "promises": (0.89, 0.9),
        "introductions": (0.83, 0.83),
        "place": (0.95, 0.93),
        "organization": (0.78, 0.86),
    },
    "heldout29.json": {
        "participants": (0.91, 0.95),
        "promises": (0.92, 0.93),
        "introductions": (0.97, 0.77),
        "place": (0.85, 0.85),
        "organization": (0.79, 0.64),
    },
    "heldout30.json": {
        "participants": (0.92, 0.94),
        "promises": (0.89, 0.9),
        "introductions": (0.87, 0.87),
        "place": (0.83, 0.79),
        "organization": (0.73, 0.63),
    },
    "heldout31.json": {
        "participants": (0.91, 0.94),
        "promises": (0.89, 0.84),
        "introductions": (0.87, 0.72),
        "place": (0.85, 0.79),
        "organization": (0.88, 0.78),
    },
    "dev63.json": {
        "participants": (0.93, 0.93),
        "promises": (0.92, 0.9),
        "introductions": (0.97, 0.84),
        "place": (0.82, 0.82),
        "organization": (0.45, 0.55),
    },
    "dev64.json": {
        "participants": (0.97, 0.93),
        "promises": (0.91, 0.88),
        "introductions": (0.8, 0.68),
        "place": (0.91, 0.88),
        "organization": (0.61, 0.63),
    },
    "dev65.json": {
        "participants": (0.91, 0.91),
        "promises": (0.88, 0.85),
        "introductions": (0.97, 0.3),
        "place": (0.74, 0.57),
        "organization": (0.67, 0.55),
    },
    "dev66.json": {
        "participants": (0.89, 0.89),
        "promises": (0.88, 0.86),
        "introductions": (0.97, 0.47),
        "place": (0.88, 0.68),
        "organization": (0.87, 0.59),
    },
    "dev67.json": {
        "participants": (0.93, 0.97),
        "promises": (0.91, 0.9),
        "introductions": (0.82, 0.72),
        "place": (0.87, 0.84),
        "organization": (0.91, 0.74),
    },
    "heldout32.json": {
        "participants": (0.93, 0.91),
        "promises": (0.89, 0.88),
        "introductions": (0.97, 0.47),
        "place": (0.85, 0.73),
        "organization": (0.65, 0.63),
    },
    "heldout33.json": {
        "participants": (0.91, 0.89),
        "promises": (0.81, 0.78),
        "introductions": (0.97, 0.84),
        "place": (0.83, 0.77),
        "organization": (0.8, 0.73),
    },
    "heldout34.json": {
        "participants": (0.87, 0.87),
        "promises": (0.83, 0.8),
        "introductions": (0.41, 0.3),
        "place": (0.86, 0.59),
        "organization": (0.82, 0.63),
    },
    # round 18: the validation sets of the resolver of whom a promise is with, no rule tuned
    # on them (their floors: the figures with the resolver, less .03)
    "heldout35.json": {
        "participants": (0.86, 0.87),
        "promises": (0.8, 0.79),
        "introductions": (0.82, 0.52),  # round 19: 6 right of 7 (was 5 of 5)
        "place": (0.79, 0.79),
        "organization": (0.69, 0.67),
    },
    "heldout36.json": {
        "participants": (0.91, 0.94),
        "promises": (0.9, 0.87),
        "introductions": (0.68, 0.47),
        "place": (0.88, 0.85),
        "organization": (0.74, 0.65),
    },
    "heldout37.json": {
        "participants": (0.88, 0.88),
        "promises": (0.89, 0.82),
        "introductions": (0.8, 0.52),  # round 19: 5 right of 6 (was 5 of 5)
        "place": (0.84, 0.73),
        "organization": (0.89, 0.5),
    },
    # round 19's blind sets, scored at the end of the round and never viewed (their floors:
    # the figures, less .03)
    "heldout38.json": {
        "participants": (0.92, 0.87),
        "promises": (0.85, 0.86),
        "introductions": (0.8, 0.68),
        "place": (0.85, 0.91),
        "organization": (0.71, 0.77),
    },
    "heldout39.json": {
        "participants": (0.91, 0.93),
        "promises": (0.88, 0.82),
        "introductions": (0.97, 0.97),
        "place": (0.97, 0.91),
        "organization": (0.74, 0.74),
    },
    "heldout40.json": {
        "participants": (0.86, 0.92),
        "promises": (0.85, 0.83),
        "introductions": (0.97, 0.54),
        "place": (0.87, 0.72),
        "organization": (0.73, 0.56),
    },
}


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_the_parser_stays_above_its_floor_on_the_blind_sets(name: str) -> None:
    score = score_notes(load(CORPUS / name))
    for category, (precision, recall) in BLIND_FLOORS[name].items():
        tally = score.tallies[category]
        assert tally.precision >= precision and tally.recall >= recall, (
            f"{category}: {tally.precision:.3f}/{tally.recall:.3f} under {precision}/{recall}"
        )


def test_the_arrival_readings_cover_every_development_set() -> None:
    """The resolver of whom a promise is with trains on how each development set was read
    when it arrived (``tests/benchmarks/arrival_readings.py``): a set added without them
    teaches it nothing, so rerun that script when sets land."""
    import gzip
    import json

    from train_promise_finder import BLIND, NEVER, PERSON_VALIDATION

    readings = json.loads(gzip.decompress((CORPUS / "arrival" / "readings.json.gz").read_bytes()))
    left_out = {NEVER, *BLIND, *PERSON_VALIDATION}
    for path in sorted(CORPUS.glob("*.json")):
        if path.name in left_out:
            continue
        ids = {f"{path.name}:{note['id']}" for note in load(path)}
        assert ids <= readings.keys(), f"{path.name} has no arrival readings"
    assert not any(key.split(":")[0] in left_out for key in readings)


def test_a_wrong_proposal_scores_as_wrong() -> None:
    from bench_capture_quality import score_note

    note = load(TRAIN)[0]
    empty = {"people": [], "organizations": {}, "place": "", "promises": [], "introductions": []}
    score = score_note(note, empty)
    assert score.tallies["promises"].recall == 0.0
    perfect = {key: note[key] for key in empty}
    assert score_note(note, perfect).tallies["promises"].recall == 1.0
