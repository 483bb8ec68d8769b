"""PhraseIndex finds known names between word boundaries, overlapping ones included, as a
regular expression `\\bphrase\\b` per name would."""

import random
import re

import pytest

from timeline_app.ingest.phrases import PhraseIndex

NAMES = ["Anna Berg", "Berg", "NATO", "Kassym-Jomart Tokayev", "O'Neill"]

# (text, why)
CASES = [
    ("Minister Anna Berg met NATO envoys.", "a full name and its surname overlap"),
    ("Bergman and NATOs are other words.", "no match inside a longer word"),
    ("Kassym-Jomart Tokayev spoke; Tokayev left.", "a hyphenated name"),
    ("Anna\nBerg met O'Neill.", "a line break is not the name's space"),
    ("", "an empty text"),
]


@pytest.mark.parametrize(("text", "why"), CASES)
def test_find_as_word_bounded_patterns(text, why):
    index: PhraseIndex[int] = PhraseIndex()
    for k, name in enumerate(NAMES):
        index.add(name, k)
    expected = sorted(
        (m.start(), name) for name in NAMES for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )
    assert sorted(index.find(text)) == expected, why


def test_a_phrase_keeps_its_first_value():
    index: PhraseIndex[str] = PhraseIndex()
    assert index.add("Berg", "first") == "first"
    assert index.add("Berg", "second") == "first"
    assert index.values == {"Berg": "first"}


def test_lower_case_phrases_are_found_too():
    index: PhraseIndex[int] = PhraseIndex()
    index.add("NATO", 1)
    index.add("al-Assad", 2)
    assert sorted(index.find("NATO and al-Assad")) == [(0, "NATO"), (9, "al-Assad")]


@pytest.mark.parametrize(
    "names",
    [NAMES, [*NAMES, "al-Assad", "élan vital"], [*NAMES, *(f"Ann{k} Berg" for k in range(60))]],
)
def test_random_texts_give_what_the_patterns_give(names):
    """Texts made of the names' pieces, glued by blanks, punctuation, digits, underscores and
    letters: every occurrence a `\\bname\\b` pattern finds, and no other, in text order
    (with few names and with many: their first words are found two ways)."""
    rng = random.Random(13)
    pieces = [w for n in names for w in re.split(r"(\W)", n)] + ["x", "9", "_", "Ä", "é"]
    glue = [" ", "  ", "\n", ", ", "-", "'", "", "("]
    index: PhraseIndex[int] = PhraseIndex()
    for k, name in enumerate(names):
        index.add(name, k)
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(0, 30)))
        expected = sorted(
            (m.start(), len(n), n) for n in names for m in re.finditer(rf"\b{re.escape(n)}\b", text)
        )
        assert list(index.find(text)) == [(at, n) for at, _, n in expected], text
