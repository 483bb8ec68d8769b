"""Search finds an event by its title, its sources' sentences or the whole article behind
it, and names the best part that matched. Texts written for these tests."""

from pathlib import Path

import pytest

from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline
from timeline_app.model.search import Part, SearchIndex, find_spans, fold

ARTICLE_A = (
    "Talks resume in Zürich\n\nDelegates met in Zürich on Monday.\n"
    "The  harbour of Gdańsk was closed.\nOfficials said the Minsk\nagreement still holds."
)
ARTICLE_B = "Floods in the valley\n\nRivers rose on Tuesday. No one mentioned the capital."


def _source(doc: Document, sentence: str) -> Source:
    start = doc.text.index(sentence)
    date = FuzzyDate.from_iso("2024-03-04")
    return Source(doc.id, start, start + len(sentence), start, start + 6, "Monday", date)


def _timeline() -> Timeline:
    a = Document("a.txt", Path("a.txt"), ARTICLE_A, "Talks resume in Zürich")
    b = Document("b.txt", Path("b.txt"), ARTICLE_B, "Floods in the valley")
    date = FuzzyDate.from_iso("2024-03-04")
    events = [
        Event(
            "e1",
            "Delegates met in Zürich",
            date,
            [_source(a, "Delegates met in Zürich on Monday.")],
        ),
        Event(
            "e2",
            "Rivers rose",
            date,
            [_source(b, "Rivers rose on Tuesday.")],
            tags=["Flood watch", "Gdańsk port"],
            note="Check the harbour gauge; the Genève office confirms.",
        ),
        Event("e3", "Harbour closed", date, [_source(a, "The  harbour of Gdańsk was closed.")]),
    ]
    return Timeline({"a.txt": a, "b.txt": b}, events)


# (query, {event id: part}, why)
CASES = [
    ("zurich", {"e1": Part.TITLE, "e3": Part.ARTICLE}, "accents and case do not matter"),
    ("MINSK", {"e1": Part.ARTICLE, "e3": Part.ARTICLE}, "a word only in the article text"),
    ("minsk agreement", {"e1": Part.ARTICLE, "e3": Part.ARTICLE}, "a phrase across a line break"),
    (
        "harbour of gdansk",
        {"e3": Part.SENTENCE, "e1": Part.ARTICLE},
        "double spaces in the sentence",
    ),
    ("on tuesday", {"e2": Part.SENTENCE}, "the sentence, not the title"),
    ("capital", {"e2": Part.ARTICLE}, "another article's text"),
    ("tuesday minsk", {}, "words in two places are not a phrase"),
    ("flood watch", {"e2": Part.TAGS}, "a tag"),
    ("gdansk", {"e2": Part.TAGS, "e3": Part.SENTENCE, "e1": Part.ARTICLE}, "tags rank above"),
    ("harbour gauge", {"e2": Part.NOTE}, "the note"),
    ("GENEVE OFFICE", {"e2": Part.NOTE}, "the note without case or accents"),
    ("   ", {}, "a blank query finds nothing"),
]


@pytest.mark.parametrize(("query", "expected", "why"), CASES)
def test_find(query, expected, why):
    timeline = _timeline()
    found = SearchIndex.of(timeline).find(query)
    ids = {timeline.events[i].id: part for i, part in found.items()}
    assert ids == expected, why


@pytest.mark.parametrize(
    ("text", "query", "spans"),
    [
        ("The Minsk\nagreement; the MINSK  agreement.", "minsk agreement", [(4, 19), (25, 41)]),
        ("Straße in Köln", "koln", [(10, 14)]),
        ("nothing here", "minsk", []),
    ],
)
def test_spans_are_offsets_into_the_original(text, query, spans):
    assert find_spans(text, query) == spans
    for start, end in spans:
        assert fold(text[start:end]).split() == fold(query).split()


def test_fold_keeps_one_character_for_one():
    text = "İstanbul, Straße, Œuvre, ﬁn, Ελλάδα, Łódź"
    assert len(fold(text)) == len(text)
    assert fold("Łódź Gdańsk ÉLAN") == "łodz gdansk elan"


def test_an_index_built_from_the_last_one_folds_only_changed_articles():
    timeline = _timeline()
    first = SearchIndex.of(timeline)
    changed = Document("b.txt", Path("b.txt"), ARTICLE_B + " Minsk too.", "Floods in the valley")
    timeline.documents["b.txt"] = changed
    again = SearchIndex.of(timeline, reuse=first)
    assert again.articles["a.txt"] is first.articles["a.txt"]  # the same text: not refolded
    assert again.articles["b.txt"] is not first.articles["b.txt"]
    ids = {timeline.events[i].id for i in again.find("minsk")}
    assert ids == {"e1", "e2", "e3"}  # the changed article is searched as it is now
