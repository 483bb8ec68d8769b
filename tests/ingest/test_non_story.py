"""Captions, credits and boilerplate are marked so that they never date a story."""

from timeline_app.ingest.non_story import find_non_story

TEXT = """Tension rises

President of Kazakhstan, Kassym-Jomart Tokayev
Images source: © Getty Images | 2019 Anadolu Agency
ed. TWA

The President said things on Thursday.
Lukashenko speaks in Minsk, Belarus, May 28, 2021 (Reuters)
Imangali Tasmagambetov  ·  Belta
Related content
Add a comment
"""


def kinds(text):
    return {text[s.start : s.end]: s.kind for s in find_non_story(text)}


def test_marks_each_kind_and_keeps_the_story():
    found = kinds(TEXT)
    assert found == {
        "Tension rises": "headline",
        "President of Kazakhstan, Kassym-Jomart Tokayev": "caption",
        "Images source: © Getty Images | 2019 Anadolu Agency": "credit",
        "ed. TWA": "credit",
        "Lukashenko speaks in Minsk, Belarus, May 28, 2021 (Reuters)": "caption",
        "Imangali Tasmagambetov  ·  Belta": "caption",
        "Related content": "boilerplate",
        "Add a comment": "boilerplate",
    }
    assert "The President said things on Thursday." not in found
