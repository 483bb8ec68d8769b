"""`future_near` (what the roles of time expressions ask) is `tense_near(...) == FUTURE`,
though it looks for past cues only where a future cue was found."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.temporal.tense import FUTURE, PAST, UNKNOWN, future_near, tense_near

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
]


@pytest.mark.parametrize(("text", "expression", "expected", "why"), CASES)
def test_tense_near(text, expression, expected, why):
    start = text.index(expression)
    assert tense_near(text, start, start + len(expression)) == expected, why
