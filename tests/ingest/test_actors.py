"""Actors: people merged across spelling variants, organisations by acronym (shipped corpus)."""

from __future__ import annotations

import pytest

from timeline_app.ingest.actors import gather_actors


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
