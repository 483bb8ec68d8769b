"""Only the time of a happening dates an event: comparison bases, bounds, deadlines, generic
present and lone times of day are context, planned happenings are marked as planned.

Sentences written for these tests; each runs through the real extraction (tagger, roles,
candidates) in an article published on Saturday 6 May 2023.
"""

import random
import re
from pathlib import Path

import pytest

from timeline_app.ingest import extract
from timeline_app.ingest.corpus import load_corpus
from timeline_app.ingest.roles import Role, role_of
from timeline_app.temporal import Timex, tag

DCT = "2023-05-06"

# (sentence, the expression, its role, why)
ROLES = [
    ("The index posted its steepest drop since 1998.", "1998", Role.COMPARISON, "since: a base"),
    (
        "The currency hit its weakest level since March 2004.",
        "March 2004",
        Role.COMPARISON,
        "since",
    ),
    ("Exports fell 12% compared with April 2019.", "April 2019", Role.COMPARISON, "compared with"),
    ("Profit was 4 cents higher than a year earlier.", "a year earlier", Role.COMPARISON, "than"),
    (
        "Sales rose 8% to $2 million from $1.8 million a year ago.",
        "a year ago",
        Role.COMPARISON,
        "from an amount",
    ),
    ("Orders were up 5% from last year.", "last year", Role.COMPARISON, "up ... from"),
    (
        "The index is based on the close of 1971 equaling 100.",
        "the close of 1971",
        Role.COMPARISON,
        "an index base",
    ),
    ("The new line will be in service by 2027.", "2027", Role.DEADLINE, "by: a deadline"),
    ("The bonds are due 2031.", "2031", Role.DEADLINE, "due"),
    (
        "Creditors missed the June 30 deadline.",
        "June 30",
        Role.DEADLINE,
        "a date before 'deadline'",
    ),
    ("The court extended the stay to June 12.", "June 12", Role.DEADLINE, "extended to"),
    ("The island has been independent since 1901.", "1901", Role.COMPARISON, "a state's start"),
    (
        "Police linked a string of burglaries dating back to 2011.",
        "2011",
        Role.COMPARISON,
        "an origin, not a happening",
    ),
    ("The mayor stays in office until 2026.", "2026", Role.BOUND, "until"),
    ("The ban stays in force until at least 2030.", "2030", Role.BOUND, "until + a hedge"),
    ("Prices have risen since at least 1995.", "1995", Role.COMPARISON, "since + a hedge"),
    (
        "The slump should last through at least the first two quarters of 2031.",
        "2031",
        Role.BOUND,
        "through + a hedge + a part of the year",
    ),
    (
        "Losses will go on through at least the first two quarters of 2031, when rates fall.",
        "2031",
        Role.BOUND,
        "a when-clause does not free a hedged bound",
    ),
    ("The fund bought shares from March 3 to April 9.", "March 3", Role.BOUND, "from ... to"),
    ("The fund bought shares from March 3 to April 9.", "April 9", Role.BOUND, "... to"),
    ("Prices doubled between 2015 and 2019.", "2019", Role.BOUND, "between ... and"),
    ("As of Monday, the fund held $3 billion.", "Monday", Role.BOUND, "as of"),
    ("Net income rose for the quarter ended March 31.", "March 31", Role.BOUND, "period ended"),
    ("Today's teenagers read less.", "Today", Role.GENERIC, "today's + a group"),
    ("Last year's results were weak.", "Last year", Role.ATTRIBUTE, "a measure's year"),
    ("The crowd gathered at 10 a.m.", "10 a.m.", Role.TIME_OF_DAY, "a time of day alone"),
    ("The plant will open in September.", "September", Role.PLANNED, "future tense"),
    (
        "Shares are expected to slide when trading resumes on Monday.",
        "Monday",
        Role.PLANNED,
        "expected to",
    ),
    (
        "The election due in November 2023 may be delayed.",
        "November 2023",
        Role.PLANNED,
        "a due happening",
    ),
    (
        "The ministers signed the treaty in Bishkek on 4 April 2023.",
        "4 April 2023",
        Role.ANCHOR,
        "a happening",
    ),
    (
        "He has been wanted since the January 2021 bombing.",
        "January 2021",
        Role.ANCHOR,
        "since governs the noun; the date dates the bombing",
    ),
    ("Markets recovered after Thursday's ruling.", "Thursday", Role.ANCHOR, "a dated happening"),
    (
        "Tenants have lived there since March, when the tower was sold.",
        "March",
        Role.ANCHOR,
        "a when-clause happened then",
    ),
    (
        "It was not until Tuesday that the firm confirmed the breach.",
        "Tuesday",
        Role.ANCHOR,
        "a cleft dates the happening",
    ),
    ("Today's vote was close.", "Today", Role.ANCHOR, "today's + a happening"),
    (
        "The fire broke out at 10 a.m. on Monday.",
        "10 a.m. on Monday",
        Role.ANCHOR,
        "a time with its day",
    ),
]


def _timex(sentence: str, expression: str):
    found = [t for t in tag(sentence, dct=DCT) if t.text == expression]
    assert found, f"the tagger did not find {expression!r} in {sentence!r}"
    return found[0]


@pytest.mark.parametrize(("sentence", "expression", "role", "why"), ROLES)
def test_role(sentence, expression, role, why):
    assert role_of(sentence, 0, _timex(sentence, expression)) is role, why


def _events(tmp_path: Path, body: str):
    text = f"Roles of time expressions\n\nSaturday, 6 May 2023\n\n{body}\n"
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    return load_corpus(tmp_path).events


@pytest.mark.parametrize(("sentence", "expression", "role", "why"), ROLES)
def test_extraction_follows_the_role(tmp_path, sentence, expression, role, why):
    events = _events(tmp_path, sentence)
    stated = [s for e in events for s in e.sources if s.date_text == expression]
    if role.dates_event:
        assert stated, f"{why}: no event dated by {expression!r}"
        assert all(s.planned is (role is Role.PLANNED) for s in stated), why
    elif role is Role.TIME_OF_DAY:
        assert all(s.date_text != expression or s.planned is False for s in stated)
    else:
        assert not stated, f"{why}: {expression!r} dated an event"


def test_bounds_are_kept_as_context_of_the_happening(tmp_path):
    events = _events(
        tmp_path,
        "The airline reported on 2 May 2023 its first annual loss since 1995.",
    )
    (event,) = events
    assert event.date.iso() == "2023-05-02"
    (source,) = event.sources
    assert [(n.text, n.role) for n in source.context] == [("since 1995", "comparison")]


def test_a_planned_event_is_marked_and_a_fact_is_not(tmp_path):
    events = _events(
        tmp_path,
        "The company opened its first plant on 2 May 2023. The second plant will open in "
        "September 2023.",
    )
    planned = {e.date.iso(): e.planned for e in events}
    assert planned == {"2023-05-02": False, "2023-09": True}


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("Posted on 2 May 2023, at 11:29 a.m.", "a byline stamps the page, it is no happening"),
        ("Updated 3 May 2023", "an update stamp"),
        ("Today on Channel Nine", "a label: little more than its date"),
    ],
)
def test_stamps_and_labels_date_nothing(tmp_path, body, why):
    events = _events(tmp_path, body)
    assert [
        e for e in events if any(s.date_text != "Saturday, 6 May 2023" for s in e.sources)
    ] == [], why


def test_a_stamp_word_opening_a_statement_is_no_stamp(tmp_path):
    events = _events(tmp_path, "Created in 1990, the agency now employs 400 people.")
    assert "1990" in [e.date.iso() for e in events]


@pytest.mark.parametrize(
    ("body", "expression", "iso", "why"),
    [
        (
            "In a statement on 3 May the carrier, which filed for insolvency earlier today, said "
            "flights would continue.",
            "earlier today",
            "2023-05-03",
            "'today' in words said on 3 May is 3 May",
        ),
        (
            "The minister said on 2 May 2023 that the border had closed yesterday.",
            "yesterday",
            "2023-05-01",
            "'yesterday' counts from the day it was said",
        ),
        (
            "The carrier filed for insolvency today, a week after its statement of 3 May.",
            "today",
            "2023-05-06",
            "no statement frames it: the article's day",
        ),
        # days of the story: "that day", "the next morning" count from the day it is at
        (
            "The dam burst on 2 April. Earlier that day, engineers had warned the mayor of cracks.",
            "Earlier that day",
            "2023-04-02",
            "the day the story is at, not the article's",
        ),
        (
            "The ferry sank on Thursday. The next morning, divers found the captain alive.",
            "The next morning",
            "2023-05-05",
            "the morning after the Thursday just named",
        ),
        (
            "The premier toured the flooded towns and spoke to farmers later in the day.",
            "later in the day",
            "2023-05-06",
            "no day named before: the article's own day",
        ),
    ],
)
def test_relative_days_count_from_the_day_they_are_told_of(tmp_path, body, expression, iso, why):
    events = _events(tmp_path, body)
    dated = {s.date_text: e.date.iso() for e in events for s in e.sources}
    assert dated.get(expression) == iso, f"{why}: {dated}"


def _plainly_a_statement(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    """`extract._a_statement` as written before it stopped reading at its answer."""
    s, e = sentence
    stamp = extract._STAMP.match(text, s, e)
    if stamp and timex.start - s < 40:
        s = stamp.end()
    words = re.findall(r"[^\W\d_][\w'’-]*", text[s : timex.start] + " " + text[timex.end : e])
    return len(words) >= 2 and any(w.islower() and w not in extract._FUNCTION_WORDS for w in words)


_STATEMENT_WORDS = ["Posted", "on", "the", "Parliament", "reconvenes", "met", "É", "7", "at"]
_STATEMENT_WORDS += ["WebMD", "pm", "-", "’s", "x", "updated", "Today", "de"]


@pytest.mark.parametrize("seed", range(4))
def test_a_statement_is_told_as_from_all_its_words(seed):
    """Sentences of stamp words, function words, capitals, digits and words glued to the
    date (on either side, or none), with the date anywhere: whether each states something
    is what reading all of its words tells."""
    rng = random.Random(seed)
    told = set()
    for _ in range(500):
        words = [rng.choice(_STATEMENT_WORDS) for _ in range(rng.randint(0, 7))]
        at = rng.randint(0, len(words))
        glue = [rng.choice([" ", "", ", "]) for _ in range(len(words) + 1)]
        head = "".join(w + g for w, g in zip(words[:at], glue, strict=False))
        tail = "".join(g + w for w, g in zip(words[at:], glue[at + 1 :], strict=False))
        text = f"{head}3 May{tail}"
        timex = Timex(len(head), len(head) + 5, "3 May", "DATE", "2023-05-03")
        sentence = (0, len(text))
        expected = _plainly_a_statement(text, sentence, timex)
        assert extract._a_statement(text, sentence, timex) == expected, text
        told.add(expected)
    assert told == {True, False}


_SAID_PIECES = ["said", "statement", "issued", "on", "On", "ON", "oN", "Monday", "x", "éon", "7"]
_SAID_GLUE = [" ", "", "\n", "\u00a0", "  ", ", ", "\t"]


@pytest.mark.parametrize("seed", range(4))
def test_words_said_on_a_day_are_found_as_the_expression_finds_them(seed):
    """ "said on", "in a statement issued on" before a date, in any case, after any blank
    (also a line break or a no-break space), or glued to words: `_after_on` tells what the
    expression alone tells, with the date anywhere in the text (the 40 characters before it
    cut mid-word too)."""
    rng = random.Random(seed)
    told = set()
    for _ in range(600):
        pieces = (
            rng.choice(_SAID_PIECES) + rng.choice(_SAID_GLUE) for _ in range(rng.randint(0, 12))
        )
        text = "".join(pieces) + "3 May"
        at = len(text) - 5 if rng.random() < 0.5 else rng.randint(0, len(text))  # the date's
        expected = extract._SAID_ON.search(text, max(0, at - 40), at) is not None
        assert extract._after_on(text, at) == expected, (text, at)
        told.add(expected)
    assert told == {True, False}
