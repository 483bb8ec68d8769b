"""Event titles from seed sentences: short, the sentence's own words, date phrase removed."""

import pytest

from timeline_app.ingest.names import gather_names
from timeline_app.ingest.titles import MAX_TITLE, TitleContext, make_title
from timeline_app.paths import SHIPPED_CORPUS

CASES = [
    # (sentence, date expression, previous person, expected title, why)
    (
        "Riots started in Kazakhstan in early January, when thousands of demonstrators took to the "
        "street to protest against the surging gas prices in the Central Asian nation.",
        "early January",
        None,
        "Riots started in Kazakhstan",
        "long: the clause holding the date",
    ),
    (
        "The Collective Security Treaty Organization (CSTO) peacekeeping operation in Kazakhstan was "
        "developed by Belarusian President Alexander Lukashenko and Russian President Vladimir Putin "
        "on short notice, the Belarusian president said Saturday.",
        "Saturday",
        None,
        "CSTO peacekeeping operation in Kazakhstan was developed by Lukashenko and Putin on short "
        "notice",
        "acronym, surnames, attribution dropped",
    ),
    (
        "Belarusian President Aleksandr Lukashenko called for greater unity in the Collective "
        "Security Treaty Organization as he met with Secretary General of the Collective Security "
        "Treaty Organization (CSTO) Imangali Tasmagambetov on 13 February, BelTA reports.",
        "13 February",
        None,
        "Lukashenko called for greater unity in the CSTO as he met with Tasmagambetov",
        "role words before names go",
    ),
    (
        "The Secretary General of the Collective Security Treaty Organization (CSTO) Imangali "
        "Tasmagambetov, who assumed office on 10 January 2023, was to submit to the Belarusian head "
        "of state an action plan.",
        "10 January 2023",
        None,
        "Tasmagambetov assumed office",
        "a relative clause takes its antecedent",
    ),
    (
        "The Secretary General Imangali Tasmagambetov was to implement the decisions of the November "
        "(2022) session of the CSTO Collective Security Council and the priority areas.",
        "November (2022)",
        None,
        "Session of the CSTO Collective Security Council",
        "a dated noun phrase is the event",
    ),
    (
        "Regarding the decisions of the Collective Security Council (November 2022 session) a report "
        "has been prepared.",
        "November 2022",
        None,
        "Collective Security Council session",
        "a parenthesised date names the noun before it",
    ),
    (
        "He said that he assumed his duties on 10 January 2023.",
        "10 January 2023",
        "Tasmagambetov",
        "Tasmagambetov assumed his duties",
        "reporting frame dropped, pronoun resolved",
    ),
    (
        "Reportedly, Tokayev made this statement among a small group of leaders during the CSTO "
        "summit in Minsk, on Thursday.",
        "Thursday",
        None,
        "Tokayev made this statement among a small group of leaders during the CSTO summit in Minsk",
        "sentence adverb dropped",
    ),
    (
        "Belarus will preside over the CSTO in 2023.",
        "2023",
        None,
        "Belarus will preside over the CSTO",
        "preposition goes with the date",
    ),
]


@pytest.fixture(scope="module")
def names():
    return gather_names(p.read_text(encoding="utf-8") for p in SHIPPED_CORPUS.glob("*.txt"))


@pytest.mark.parametrize(("sentence", "date", "person", "expected", "why"), CASES)
def test_titles(names, sentence, date, person, expected, why):
    start = sentence.index(date)
    title = make_title(
        sentence, (start, start + len(date)), TitleContext(names), previous_person=person
    )
    assert title.text == expected, why


def test_long_titles_are_elided_at_a_word():
    ctx = TitleContext()
    title = make_title(
        "The committee " + "considered the proposal again and " * 10 + "agreed.", None, ctx
    ).text
    assert len(title) <= MAX_TITLE and title.endswith("…") and " " not in title[-2:]


def test_names_merge_spelling_variants(names):
    assert names.persons["Aleksandr Lukashenko"] == names.persons["Alexander Lukashenko"]
    assert names.acronyms == {"Collective Security Treaty Organization": "CSTO"}
