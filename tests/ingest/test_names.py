"""Names gathered for titles: acronyms found only before an "(ABBR)" mark are every one the
pattern finds in the whole text; people after a role are those the plain pattern finds."""

import random
import re

import pytest

from timeline_app.ingest import names
from timeline_app.ingest.names import ROLE_WORDS, gather_names

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


# `names._AFTER_ROLE` as written before it was made faster (`names._at_word_start`)
_PLAIN_AFTER_ROLE = re.compile(
    rf"\b(?:{ROLE_WORDS})(?:\s+of\s+the\s+[A-Z]{{2,6}})?,?\s+(?P<n>{names._NAME})"
)
_ROLE_PIECES = [*ROLE_WORDS.replace("[- ]", "-").split("|"), "Secretary General", "of the"]
_ROLE_PIECES += ["CSTO", "Anna Berg", "Ola", "Imangali Tasmagambetov", "x", "_", "7", "é", "'"]


@pytest.mark.parametrize("seed", range(5))
def test_people_after_a_role_are_those_the_plain_pattern_finds(seed):
    """Roles glued to words, digits, underscores, letters beyond ASCII and line breaks:
    the faster pattern finds the same people, at the same places."""
    rng = random.Random(seed)
    for _ in range(400):
        pieces = (rng.choice(_ROLE_PIECES) + rng.choice(_GLUE) for _ in range(rng.randint(0, 20)))
        text = "".join(pieces)
        expected = [(m.span(), m["n"]) for m in _PLAIN_AFTER_ROLE.finditer(text)]
        assert [(m.span(), m["n"]) for m in names._AFTER_ROLE.finditer(text)] == expected, text


_LONG_FORMS = {"Collective Security Treaty Organization": "CSTO", "Eurasian Union": "EAEU"}
_LONG_PIECES = [*" ".join(_LONG_FORMS).split(), "Organisation", "(CSTO)", "(EAEU)", "x", "_"]
_LONG_PIECES += ["7", "é", "Anna"]


def _plain_long_form(long: str, abbr: str) -> re.Pattern[str]:
    """A long form's expression as written before it was made faster."""
    words = [re.escape(w).replace("iz", "i[sz]").replace("is", "i[sz]") for w in long.split()]
    return re.compile(r"\b" + r"\s+".join(words) + rf"(?:\s+\({abbr}\))?")


@pytest.mark.parametrize("seed", range(5))
def test_long_forms_are_found_where_the_plain_pattern_finds_them(seed):
    """Long forms glued to words, digits, underscores, letters beyond ASCII and line breaks,
    in either spelling: found where `\\b` before the plain expression finds them."""
    patterns = names.Names(acronyms=dict(_LONG_FORMS)).acronym_patterns()
    assert [a for _, a in patterns] == list(_LONG_FORMS.values())
    plain = [_plain_long_form(long, abbr) for long, abbr in _LONG_FORMS.items()]
    rng = random.Random(seed)
    found = 0
    for _ in range(400):
        pieces = (rng.choice(_LONG_PIECES) + rng.choice(_GLUE) for _ in range(rng.randint(0, 20)))
        text = "".join(pieces)
        for (fast, _), slow in zip(patterns, plain, strict=True):
            expected = [m.span() for m in slow.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == expected, text
            found += len(expected)
    assert found
