"""Actors: people merged across spelling variants, organisations by acronym (shipped corpus)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.ingest import actors as actors_module
from timeline_app.ingest.actors import Actors, gather_actors
from timeline_app.ingest.phrases import PhraseIndex


@pytest.fixture(scope="module")
def actors(corpus):
    return gather_actors(d.text for d in corpus.documents.values())


@pytest.mark.parametrize(
    "text, expected, why",
    [
        (
            "Belarusian President Aleksandr Lukashenko met him.",
            ["Aleksandr Lukashenko"],
            "full name",
        ),
        ("the statements of Alexander Lukashenko", ["Aleksandr Lukashenko"], "spelling variant"),
        ("Lukashenko's fiery response", ["Aleksandr Lukashenko"], "surname alone"),
        ("the Collective Security Treaty Organisation met", ["CSTO"], "long form, -isation"),
        ("said Tokayev at the CSTO meeting", ["Kassym-Jomart Tokayev", "CSTO"], "order of mention"),
        ("Riots started in Kazakhstan", [], "no actor"),
    ],
)
def test_names_found_and_merged(actors, text, expected, why):
    assert actors.named_in(text) == expected, why


def test_events_carry_their_actors(corpus):
    by_date = {e.date.iso(): e for e in corpus.events}
    assert by_date["2023-02-13"].actors[:1] == ["Aleksandr Lukashenko"]
    assert "CSTO" in by_date["2023-02-13"].actors
    assert "Imangali Tasmagambetov" in by_date["2023-01-10"].actors
    assert by_date["2023-11-23"].actors == ["Kassym-Jomart Tokayev", "CSTO"]
    names = {a for e in corpus.events for a in e.actors}
    assert "Alexander Lukashenko" not in names and "Lukashenko" not in names  # merged


_WORDS = ["Acme", "Motors", "acme", "Élan", "éclair", "O'Neil", "Jean-Luc", "Picard", "2023"]
_GAPS = [" ", "  ", "-", "\n", ", ", "'", "_", "(", ""]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), max_size=30),
    gaps=st.lists(st.sampled_from(_GAPS), min_size=30, max_size=30),
    phrases=st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), max_size=6
    ),
)
def test_actors_phrase_index_finds_what_word_bounded_patterns_find(words, gaps, phrases):
    """Actors find names with `PhraseIndex`, which skips most word runs (with many names, the
    runs that cannot start with a capital when every name starts with one): it must find
    exactly what `\\bphrase\\b` finds, in text order, with few names and with many, whether
    or not every phrase starts with a capital."""
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    expected = sorted(
        (m.start(), len(p), p)
        for p in set(phrases)
        for m in re.finditer(rf"\b{re.escape(p)}\b", text)
    )
    for padding in (0, 60):  # names the texts never hold: the many-names way
        index: PhraseIndex[str] = PhraseIndex()
        for p in [*phrases, *(f"Qz{k}" for k in range(padding))]:
            index.add(p, p)
        assert list(index.find(text)) == [(at, p) for at, _, p in expected], padding


def test_named_in_sees_phrases_added_after_a_scan():
    actors = Actors()
    actors.phrases.add("Acme", "Acme")
    assert actors.named_in("Acme and Zenith") == ["Acme"]
    actors.phrases.add("Zenith", "Zenith")
    assert actors.named_in("Acme and Zenith") == ["Acme", "Zenith"]


def _named_in_joined(actors: Actors, text: str) -> list[str]:
    """What `named_in` gave before parts were scanned one by one: the whole text scanned."""
    first: dict[str, int] = {}
    for at, phrase in actors.phrases.find(text):
        name = actors.phrases.values[phrase]
        first[name] = min(at, first.get(name, len(text) + 1))
    for pattern, name in actors.patterns:
        m = pattern.search(text)
        if m and m.start() < first.get(name, len(text) + 1):
            first[name] = m.start()
    return [name for name, _ in sorted(first.items(), key=lambda kv: kv[1])]


_PARTS = [
    "Tokayev thanked the CSTO.",
    "The Collective Security",  # a long form that the next part may finish
    "Treaty Organization met in Minsk, said Lukashenko.",
    "Alexander Lukashenko met Imangali Tasmagambetov.",
    "Riots started in Kazakhstan",
    "",
]


@settings(max_examples=200, deadline=None)
@given(picks=st.lists(st.sampled_from(range(len(_PARTS))), min_size=1, max_size=8))
def test_parts_scanned_once_name_what_the_joined_text_names(actors, picks):
    """An event's title and sentences, copies of one sentence among them, name the actors
    the text joined by line breaks names, in the same order (a long form across a line
    break included)."""
    parts = [_PARTS[k] for k in picks]
    assert actors.named_in_parts(parts) == _named_in_joined(actors, "\n".join(parts))


_TOKENS = st.text(alphabet="ABCDEFGHab1_é -.\n(", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_TOKENS)
def test_acronym_tokens_are_those_the_plain_pattern_finds(text):
    """Acronym-like tokens (counted per text for the actors) as `\\b[A-Z]{2,6}\\b` finds them."""
    plain = re.findall(r"\b[A-Z]{2,6}\b", text)
    assert actors_module._ACRONYM_TOKEN.findall(text) == plain
