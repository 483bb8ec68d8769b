"""The surname a title's "He" stands for is the last one named in the 2,000 characters before
the sentence, however far back in them (the text is read backwards a piece at a time)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.ingest.extract import _last_person
from timeline_app.ingest.names import Names
from timeline_app.ingest.titles import TitleContext

_CTX = TitleContext(Names(persons={"Anna Berg": "Berg", "Olaf Scholz": "Scholz"}))
_WORDS = ["Berg", "Scholz", "McBerg", "Berg-Olsen", "word", "x" * 40, " ", "\n", ".", "-"]
texts = st.lists(st.sampled_from(_WORDS), max_size=400).map(" ".join)


def _reference(text: str, end: int) -> str | None:
    found = [w for w in re.findall(r"[A-Z][\w-]+", text[:end][-2000:]) if w in {"Berg", "Scholz"}]
    return found[-1] if found else None


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 10_000))
def test_the_last_surname_before_the_sentence(text, end):
    end = min(end, len(text))
    assert _last_person(text, end, _CTX) == _reference(text, end)


def test_a_surname_far_back_and_none_beyond_the_window():
    text = "Scholz spoke. " + "More words follow here. " * 60 + "Berg left. " + "x " * 600
    assert _last_person(text, len(text), _CTX) == "Berg"  # more than a piece back
    assert _last_person(text, 15, _CTX) == "Scholz"
    far = "x " * 1200 + "Berg " + "y " * 1100
    assert _last_person(far, len(far), _CTX) is None  # more than 2,000 characters back
