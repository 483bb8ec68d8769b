"""The cheap tests before end-anchored patterns give what the patterns give: searched from
where the last words start, skipped when a needed word is absent, or replaced by a scan of
the last characters (date_cut's clause and opening tests)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.ingest import date_cut, roles
from timeline_app.ingest.tails import lacks, last_words

# words and marks the end-anchored patterns care about, and some they must not be fooled by
_PIECES = [
    "on", "the", "very", "early", "end", "of", "first", "half", "as", "soon", "between",
    "from", "and", "to", "since", "until", "not", "due", "for", "scheduled", "its", "Acme's",
    "compared", "with", "beginning", "at", "Friday", "announced", "said", "(", ",", ";", ":",
    "“", "-", "ſince", "FROM", "Until", "\n", "  ", "\t", "é", "_", "x", "than", "vs.", "up",
    "rose", "5%", "dating", "back", "by", "postponed", "deadline", "against", "pegged", "going",
    "traced", "more", "a", "year",
]  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=14).map(
    lambda words: "".join(w if w in "(,;:“-\n\t" or w.isspace() else f"{w} " for w in words)
)

# (pattern, the most words a match spans)
_BOUNDED = [
    (date_cut._BEFORE, date_cut._BEFORE_WORDS),
    (date_cut._DETERMINER, 1),
    (date_cut._PARTICIPLE_BEFORE, 2),
    (roles._DET_BEFORE, 1),
]


@settings(max_examples=60, deadline=None)
@given(texts)
@pytest.mark.parametrize(("pattern", "words"), _BOUNDED)
def test_searched_from_the_last_words(pattern, words, text):
    full, tail = pattern.search(text), pattern.search(text, last_words(text, words))
    assert (full and full.span()) == (tail and tail.span())


# (pattern, the words it needs)
_NEEDING = [
    (date_cut._RANGE_HEAD, ("between", "from")),
    (date_cut._RANGE_START, ("between", "from")),
    (roles._NOT_UNTIL, ("until",)),
    (roles._EVENT_DUE, ("due",)),
    (roles._SCHEDULED_FOR, ("for",)),
    (roles._BEFORE_RE[roles.Role.COMPARISON], roles._NEEDED[roles.Role.COMPARISON]),
    (roles._BEFORE_RE[roles.Role.DEADLINE], roles._NEEDED[roles.Role.DEADLINE]),
    (roles._COMPARED_AMOUNT, roles._COMPARED_NEEDS),
]


@settings(max_examples=60, deadline=None)
@given(texts)
@pytest.mark.parametrize(("pattern", "needs"), _NEEDING)
def test_skipped_only_when_it_cannot_match(pattern, needs, text):
    if lacks(text, *needs):
        assert pattern.search(text) is None


@pytest.mark.parametrize(
    ("text", "needs", "expected", "why"),
    [
        ("rose from 5%", ("from",), False, "the word is there"),
        ("rose FROM 5%", ("from",), False, "in any case"),
        ("rose ſince 2001", ("since",), False, "a letter that may stand for an ASCII one"),
        ("rose “sharply” ", ("from",), True, "quotation marks fold to nothing"),
        ("", ("from",), True, "an empty text"),
    ],
)
def test_lacks(text, needs, expected, why):
    assert lacks(text, *needs) is expected, why


@settings(max_examples=60, deadline=None)
@given(texts)
def test_clause_start_as_its_pattern(text):
    assert date_cut._after_clause_start(text) is bool(re.search(r"(?:^|[,;:])\W*$", text))


@settings(max_examples=60, deadline=None)
@given(texts)
def test_opening_as_its_pattern(text):
    assert date_cut._after_opening(text) is bool(re.search(r"(?:^|[,;:(“\"`'‘])\s*$", text))


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [("a b c", 1, 3), ("a b c", 2, 1), ("a b c", 3, 0), ("  a\n\tb ", 1, 3), ("", 1, 0)],
)
def test_last_words(text, n, expected):
    assert last_words(text, n) == expected
