"""One happening in several articles is one event, however worded or dated; different
happenings of one day stay apart. Articles written for these tests, loaded for real."""

from pathlib import Path

import pytest

from timeline_app.ingest.corpus import load_corpus

# (articles as (published header, body), how many events date 3 May (None: see the test),
#  why)
CASES = [
    (
        [
            (
                "Friday, 5 May 2023",
                "Halvorsen Motors filed for bankruptcy protection in Delaware "
                "on Wednesday, its lawyers said.",
            ),
            (
                "Thursday, 4 May 2023",
                "Halvorsen Motors, the Norwegian carmaker, sought protection "
                "from creditors in a Delaware court on 3 May.",
            ),
        ],
        1,
        "worded differently, dated 'Wednesday' and '3 May': two names and two words shared",
    ),
    (
        [
            ("Friday, 5 May 2023", "Halvorsen Motors opened a battery plant in Ohio on Wednesday."),
            (
                "Thursday, 4 May 2023",
                "Halvorsen Motors filed for bankruptcy protection in Delaware on 3 May.",
            ),
        ],
        2,
        "one company, one day, two happenings",
    ),
    (
        [
            (
                "Friday, 5 May 2023",
                "In Oslo Stock Exchange trading on Wednesday, Brattli shares "
                "closed at 41 crowns, down 2 crowns.",
            ),
            (
                "Friday, 5 May 2023",
                "In Oslo Stock Exchange trading on Wednesday, Nordvik shares "
                "closed at 12 crowns, up 1 crown.",
            ),
            (
                "Friday, 5 May 2023",
                "Its stock closed unchanged on Wednesday in trading on the Oslo Stock Exchange.",
            ),
        ],
        None,
        "alike words, other companies: a statement naming none must not chain them",
    ),
]


@pytest.mark.parametrize(("articles", "expected", "why"), CASES)
def test_merging(tmp_path: Path, articles, expected, why):
    for k, (published, body) in enumerate(articles):
        text = f"A headline for article {k}\n\n{published}\n\n{body}\n"
        (tmp_path / f"a{k}.txt").write_text(text, encoding="utf-8")
    events = [e for e in load_corpus(tmp_path).events if e.date.iso() == "2023-05-03"]
    assert sum(len(e.sources) for e in events) == len(articles), "every article dates 3 May"
    if expected is None:  # Brattli's and Nordvik's closes never share an event
        assert all({"a0.txt", "a1.txt"} - set(e.doc_ids) for e in events), why
    else:
        assert len(events) == expected, why
