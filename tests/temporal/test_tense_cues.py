"""`future_near` (what the roles of time expressions ask) is `tense_near(...) == FUTURE`,
though it looks for past cues only where a future cue was found."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.temporal.lexicon import FUTURE_MARKERS
from timeline_app.temporal.tense import (
    _FUTURE,
    FUTURE,
    PAST,
    UNKNOWN,
    _may_hold_future,
    future_near,
    tense_near,
)

_WORDS = [
    "will", "meet", "met", "had", "been", "scheduled", "to", "is", "meeting", "the", "planned",
    "said", "United", "needed", "reported", "not", "until", "by", "since", "be", "held",
    "Friday", "on", ",", ".", "\n", "expected", "was", "a", "still", "unspecified", "WAS",
]  # fmt: skip
sentences = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(sentences, st.data())
def test_future_near_is_tense_near_future(words, data):
    text = " ".join(words)
    k = data.draw(st.integers(0, len(words) - 1))
    start = len(" ".join(words[:k])) + (1 if k else 0)
    end = start + len(words[k])
    assert future_near(text, start, end) is (tense_near(text, start, end) == FUTURE)


# (text, expression, expected, why)
CASES = [
    ("The leaders will meet on Friday.", "Friday", FUTURE, "a future cue before it"),
    ("The leaders met on Friday.", "Friday", PAST, "a past form"),
    ("The meeting had been scheduled to open Friday.", "Friday", PAST, "a plan seen from the past"),
    ("The still unspecified date is Friday.", "Friday", UNKNOWN, "an adjective, not a past"),
    ("It will be held Friday.", "Friday", FUTURE, "a participle after 'be'"),
    ("Shares of United jump Friday.", "Friday", UNKNOWN, "'United' is no past form"),
    (
        "The envoy, after a long overnight flight from the capital, is scheduled to spend only "
        "three hours in the old port city of Varna on the coast, her first stop Friday morning.",
        "Friday",
        FUTURE,
        "a window that starts inside 'scheduled' reads the whole word, not a past '-heduled'",
    ),
    (
        "The appeals court ruled in Smith vs. Jones on Friday.",
        "Friday",
        PAST,
        "a clause does not end at the dot of 'vs.'",
    ),
    (
        "In March, three weeks after the start of the long rainy season in the northern "
        "provinces of the country, the rebels attacked the capital.",
        "March",
        PAST,
        "an expression opening its sentence takes the main clause's verb, however far on",
    ),
    (
        "In March the rebels will have crossed the river, and the long rainy season in the "
        "north will have begun, officials fear; none of them attacked.",
        "March",
        FUTURE,
        "not fronted before a comma: the nearest cue still wins",
    ),
]


@pytest.mark.parametrize(("text", "expression", "expected", "why"), CASES)
def test_tense_near(text, expression, expected, why):
    start = text.index(expression)
    assert tense_near(text, start, start + len(expression)) == expected, why


_CUE_PARTS = [
    *["will", "won't", "'ll", "we'll", "is", "to", "set", "for", "kicks", "off", "takes"],
    *["effect", "am", "meeting", "Meet", "meets", "did", "not", "as", "soon", "due", "in"],
    *["RESUMES", "expected", "plan", "planning", "willing", "this", "ſet", "Will"],
    *[" ", " ", "  ", "\n", ",", "'", "-", ".", "x"],
]  # fmt: skip


_SCHEDULED_CUES = [
    "resume", "Reopens", "reconvene", "convenes", "begins", "expires", "opens", "starts",
    "closes", "ends", "meets", "the leaders meet", "arrives", "returns", "departs", "concludes",
    "kicks  off", "takes effect", "takes office", "goes into effect", "is meeting",
    "are travelling", "am leaving", "is resuming",
]  # fmt: skip


@pytest.mark.parametrize("cue", [*FUTURE_MARKERS, *_SCHEDULED_CUES])
def test_every_future_cue_is_looked_for(cue):
    text = f"Officials {cue} Friday."
    assert _FUTURE.search(text), "a cue of the pattern"
    assert _may_hold_future(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PARTS), max_size=20), st.data())
def test_a_window_without_a_cue_word_holds_no_future_cue(parts, data):
    """The look at a window's words never misses a cue the pattern finds there."""
    text = "".join(parts)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    if _FUTURE.search(text, lo, hi):
        assert _may_hold_future(text[lo:hi])
