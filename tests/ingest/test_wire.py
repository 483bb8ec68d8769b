"""Copies of one wire story: sentences are compared by their words alone (case, punctuation,
spacing and the sentence break aside), whatever the script, and articles that share an
event are one family when most of the shorter one's sentences come in the same order."""

from __future__ import annotations

import random
import re
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.ingest.wire import (
    _copies,
    copy_pairs,
    families_of,
    sentence_hashes,
    wire_families,
)
from timeline_app.model import Document, Event, FuzzyDate, Source

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


def _event(k: int, doc_ids: list[str]) -> Event:
    day = FuzzyDate(2024, 5, 3)
    return Event(f"ev{k}", "signed", day, [Source(d, 0, 10, 0, 5, "3 May", day) for d in doc_ids])


def _texts(rng: random.Random, count: int) -> dict[str, Document]:
    """Copies of two stories (some cut short, some with a paragraph of their own) and
    articles of their own that share a stock sentence or two with them."""
    stories = [STORY, STORY.replace("border", "water").replace("crossings", "canals")]
    own = [
        f"Article {k} reports on the harvest of region number {k} this season." for k in range(50)
    ]
    documents = {}
    for k in range(count):
        kind = rng.random()
        if kind < 0.5:
            text = rng.choice(stories)
            if rng.random() < 0.3:
                text = text[: len(text) * 2 // 3]
            text += rng.choice(own) if rng.random() < 0.5 else ""
        else:
            text = " ".join(rng.sample(own, 3)) + " " + STORY.split(". ")[rng.randrange(3)] + "."
        documents[f"d{k:02}"] = _doc(f"d{k:02}", text)
    return documents


@pytest.mark.parametrize("seed", range(5))
def test_families_of_events_are_those_of_every_pair_reported_together(seed):
    """`families_of` never lists the pairs of an event: its families are still those of
    all of them (events of one to twelve articles, some articles in none, some copies in
    no event together)."""
    rng = random.Random(seed)
    documents = _texts(rng, 60)
    ids = sorted(documents)[:55]
    events = [_event(k, rng.sample(ids, rng.choice([1, 2, 2, 3, 12]))) for k in range(20)]
    pairs = {p for e in events for p in combinations(sorted(set(e.doc_ids)), 2)}
    expected = wire_families(documents, sorted(pairs))
    assert expected, "the articles hold copies"
    assert families_of(events, documents) == expected


@pytest.mark.parametrize("order", range(4))
def test_families_do_not_depend_on_the_order_of_the_pairs(order):
    """Families are the documents connected by copies, each named by its least id: pairs
    in any order give the same (`families_of` does not sort them)."""
    rng = random.Random(7)
    documents = _texts(rng, 40)
    pairs = list(combinations(sorted(documents), 2))
    expected = wire_families(documents, pairs)
    assert expected, "the articles hold copies"
    random.Random(order).shuffle(pairs)
    assert wire_families(documents, pairs) == expected


def test_sentence_hashes_are_the_same_in_every_process():
    """The store keeps them: Python's salted `hash()` would differ from run to run."""
    import os
    import subprocess
    import sys

    from timeline_app.ingest.wire import sentence_hashes

    here = sentence_hashes(_doc("a", STORY))
    code = (
        "from pathlib import Path; from timeline_app.model import Document; "
        "from timeline_app.ingest.wire import sentence_hashes; "
        f"print(sentence_hashes(Document('a', Path('a'), {STORY!r})))"
    )
    root = str(Path(__file__).resolve().parents[2])
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == str(here), seed
    assert len(here) == 3 and all(0 <= h < 2**64 for h in here)


@pytest.mark.parametrize("seed", range(5))
def test_families_from_the_copies_of_every_document_are_those_of_events(seed):
    """A load from scratch finds the copies among all its documents before merging
    (`copy_pairs`), then keeps those that share an event: the same families, and the same
    documents' hashes asked for (a store keeps those it gives)."""
    rng = random.Random(seed)
    documents = _texts(rng, 60)
    ids = sorted(documents)[:55]
    events = [_event(k, rng.sample(ids, rng.choice([1, 2, 2, 3, 12]))) for k in range(20)]
    found = {d: sentence_hashes(doc) for d, doc in documents.items()}
    asked: list[list[str]] = [[], []]

    def hashes(k: int):
        return lambda doc_ids: asked[k].extend(doc_ids) or {d: found[d] for d in doc_ids}

    expected = families_of(events, documents, hashes=hashes(0))
    assert expected, "the articles hold copies"
    copies = copy_pairs(found)
    assert copies and all(a < b for a, b in copies)
    assert families_of(events, documents, hashes=hashes(1), copies=copies) == expected
    assert asked[1] == asked[0]


def test_finding_copies_stops_when_asked():
    documents = _texts(random.Random(1), 600)
    found = {d: sentence_hashes(doc) for d, doc in documents.items()}
    assert copy_pairs(found, lambda: True) is None


# each document's sentence hashes, each once, drawn from a few: many documents as long as
# others, many sharing sentences, some copies
_HASHES = st.lists(st.integers(0, 9), max_size=9).map(lambda hs: list(dict.fromkeys(hs)))


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([f"d{k}" for k in range(14)]), _HASHES, max_size=14))
def test_copies_found_by_their_first_sentences_are_every_pair_of_copies(found):
    """Prefix filtering (each document against the longer ones, or as long with a greater
    id, that hold one of its first sentences) finds the pairs that testing every pair finds."""
    sentences = {d: (h, frozenset(h)) for d, h in found.items()}
    every = {
        (a, b) for a, b in combinations(sorted(found), 2) if _copies(sentences[a], sentences[b])
    }
    assert copy_pairs(found) == every
