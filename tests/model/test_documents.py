"""Documents and their spans go to the workers and back pickled: every field comes back."""

import copy
import pickle
from pathlib import Path

import pytest

from timeline_app.model import Document, FuzzyDate, Span

_FULL = Document(
    id="2023/minsk.html",
    path=Path("/corpus/2023/minsk.html"),
    text="MINSK, 23 Nov (BelTA) - The leaders met.\nPhoto: BelTA",
    title="Leaders meet in Minsk",
    outlet="BelTA",
    language="ru",
    published=FuzzyDate(2023, 11, 23, inferred=True),
    published_note="header line",
    published_span=Span(7, 13, "dateline"),
    day_first=False,
    non_story=[Span(0, 21, "dateline"), Span(41, 53, "caption")],
)


@pytest.mark.parametrize(
    "doc",
    [_FULL, Document("a.txt", Path("a.txt"), "")],
    ids=["every field set", "defaults"],
)
def test_a_document_comes_back_from_a_pickle_whole(doc):
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(doc, protocol))
        assert back == doc
        assert back.non_story is not doc.non_story  # its own list
        assert [type(s) for s in back.non_story] == [Span] * len(doc.non_story)


def test_a_copy_shares_nothing_it_should_not():
    shallow, deep = copy.copy(_FULL), copy.deepcopy(_FULL)
    assert shallow == deep == _FULL
    assert shallow is not _FULL and deep.non_story is not _FULL.non_story
