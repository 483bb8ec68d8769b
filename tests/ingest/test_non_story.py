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


# (line below a headline, its kind or None): each rule's own words in other cases and
# places, and story lines that hold the characters a rule looks for first
LINES = [
    ("COPYRIGHT 2021 The Minsk Herald. All rights reserved.", "credit"),
    ("All material Copyright Belta, 2019", "credit"),
    ("(C) 2019 Belta", "credit"),
    ("Text © TASS", "credit"),
    ("The copyrighted film was shown on Monday to the press in Minsk.", None),
    ("Talks (crucial ones) resumed on Monday in Geneva and went on for days.", None),
    ("Aliyev | Trend", "caption"),
    ("Sadyr Japarov • Kabar", "caption"),
    ("Results: 12 | 14 | 15 were announced.", None),
    ("Photo by: Jo Bloggs", "credit"),
    ("Lukashenko in Minsk (AFP)", "caption"),
    ("Tags: CSTO, Minsk", "boilerplate"),
    ("The ministers met in Minsk on Tuesday.", None),
]


def test_each_line_kind_wherever_its_words_are():
    text = "Headline\n\n" + "\n\n".join(line for line, _ in LINES) + "\n"
    found = kinds(text)
    assert {line: found.get(line) for line, _ in LINES} == dict(LINES)
