"""Copies of one wire story: sentences are compared by their words alone (case, punctuation,
spacing and the sentence break aside), whatever the script, and articles that share an
event are one family when most of the shorter one's sentences come in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline_app.ingest.wire import wire_families
from timeline_app.model import Document

STORY = (
    "The ministers signed the border agreement in Bishkek on Friday morning. "
    "Both sides agreed to open two new crossings before the end of the year. "
    "Customs officers will be trained jointly under the new arrangement. "
)


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, Path(doc_id), text)


def _words(sentence: str) -> list[str]:
    """The definition the hashes stand for: the sentence's runs of letters and digits."""
    return re.findall(r"[^\W_]+", sentence.lower())


# (first text, second text, copies?, why)
CASES = [
    (STORY, STORY.upper().replace(" ", "  "), True, "case and spacing do not count"),
    (
        STORY,
        STORY.replace(". ", "!\n").replace("the", "the_"),
        True,
        "the sentence break's mark and an underscore are no words",
    ),
    (
        "Президент подписал соглашение о границе в Бишкеке утром в пятницу. "
        "Стороны договорились открыть два новых пункта пропуска до конца года.",
        "ПРЕЗИДЕНТ подписал соглашение о границе в Бишкеке — утром в пятницу! "
        "Стороны договорились открыть два новых пункта пропуска до конца года.",
        True,
        "Cyrillic: its letters are words, a dash is not",
    ),
    (STORY, STORY.replace("Bishkek on", "Bishkek\0on"), True, "a NUL is no word either"),
    (STORY, STORY.replace(" the ", " the"), False, "words run together are other words"),
    (
        STORY,
        " ".join(reversed(STORY.split(". "))),
        False,
        "the same sentences in another order: stock sentences, not a copy",
    ),
    (STORY, STORY.replace(". ", ", "), False, "one long sentence is another sentence"),
]


@pytest.mark.parametrize(("first", "second", "copies", "why"), CASES)
def test_copies(first, second, copies, why):
    documents = {"a": _doc("a", first), "b": _doc("b", second)}
    families = wire_families(documents, [("a", "b")])
    assert (families == {"a": "a", "b": "a"}) == copies, why


@pytest.mark.parametrize(("first", "second", "copies", "why"), CASES)
def test_a_text_and_its_words_rewritten_are_copies(first, second, copies, why):
    """Each text against itself written as its words alone, one sentence a line: the
    normalisation keeps exactly the words and the sentences."""
    for text in (first, second):
        sentences = re.split(r"(?<=[.!?])[\"'”’)\]]*\s+|\n", text)
        plain = "\n".join(" ".join(_words(s)) for s in sentences)
        documents = {"a": _doc("a", text), "b": _doc("b", plain)}
        assert wire_families(documents, [("a", "b")]) == {"a": "a", "b": "a"}, why
