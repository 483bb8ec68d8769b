"""Names gathered for titles: acronyms found only before an "(ABBR)" mark are every one the
pattern finds in the whole text."""

import random

import pytest

from timeline_app.ingest import names
from timeline_app.ingest.names import gather_names

_PIECES = ["Collective", "Security", "Treaty", "Organization", "(CSTO)", "(ST)", "(Ab)", "(A)"]
_PIECES += ["of", "the", "Élan", "X", "(ABCDEFGHI)", "(", ")", "CSTO", "Minsk"]
_GLUE = [" ", "  ", "\n", "\t", "\u00a0", ", ", "-", "", "(", ")", "—"]


@pytest.mark.parametrize("seed", range(5))
def test_acronyms_before_their_marks_are_all_the_pattern_finds(seed):
    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(rng.choice(_PIECES) + rng.choice(_GLUE) for _ in range(rng.randint(0, 25)))
        expected = [m.span() for m in names._ACRONYM.finditer(text)]
        assert [m.span() for m in names._acronyms_in(text)] == expected, text


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("The Collective Security Treaty Organization (CSTO) met.", {"CSTO"}, "a long form"),
        ("Foo Bar (FB)Baz Qux (BQ) and Big Cat (BC).", {"FB", "BQ", "BC"}, "marks side by side"),
        ("Minsk, Security Treaty (ST) and (CSTO)", {"ST"}, "a mark with no long form"),
        ("Gross Domestic Product (GDP)", {"GDP"}, "at the start of the text"),
        ("Gross Domestic\nProduct (GDP)", {"GDP"}, "across a line break, as the pattern does"),
    ],
)
def test_acronyms(text, expected, why):
    assert set(gather_names([text]).acronyms.values()) == expected, why
