"""The role of a date, remembered by its sentence (`roles.sentence_role`), is the role its
whole text gives it: a sentence is remembered only where its role reads nothing beyond it.

Texts are sentences written for these tests, joined in other orders and with other marks
between them: the surroundings that copies of a story give one sentence.
"""

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.ingest import roles
from timeline_app.ingest.roles import bounded_sentence, role_of, sentence_role
from timeline_app.ingest.sentences import sentence_spans
from timeline_app.temporal import Timex, tag

SENTENCES = [
    "The index posted its steepest drop since 1998.",
    "Exports fell 12% compared with April 2019.",
    "Orders were up 5% from last year.",
    "The ban stays in force until Tuesday.",
    "Prices are fixed as of Monday.",
    "The company must repay the loan by 2027.",
    "The Nov. 1 deadline passed quietly.",
    "Today's youth read less.",
    "Last year's results were restated.",
    "The meeting starts at 10 a.m. on Thursday.",
    "The leaders will meet on Friday.",
    "They met on Friday.",
    "Talks had been scheduled to resume Monday.",
    "Mr. Smith said on Tuesday the vote would go ahead.",
    "It was not until Tuesday that the minister resigned.",
    "Trading resumes Monday after the holiday.",
    "Sen. Ryan Zinke met the delegation on May 3.",
    "The U.S. embassy reopened on 4 May 2023.",
    "Friday's meeting was cancelled.",
    "On Monday, a week after the anniversary of the ruling, a bombing killed four.",
    "The election due this September was postponed to 2024.",
    "Between 1994 and 1998 the plant was closed.",
    "Is the summit on Wednesday?",
    "The talks ended on Sunday!",
    # no tense of their own: what a clause around them says decides
    "Talks on Monday.",
    "A vote in June 2024.",
    "Elections on 3 March, then a count.",
    "Talks on Monday with Acme Corp.",
]
# what may stand between two sentences: some end a clause before the next, some do not
JOINS = [" ", "  ", "\n", "\n\n", ".\n", " ... ", "; ", "” ", "\n“", " (", ") "]


def _expressions(text: str) -> list[tuple[tuple[int, int], Timex]]:
    """Each date or time the tagger finds in `text`, with the sentence it opens in."""
    spans = sentence_spans(text)
    out = []
    for t in tag(text, dct="2023-05-06"):
        if t.type in ("DATE", "TIME"):
            sentence = next(((s, e) for s, e in spans if s <= t.start < e), None)
            if sentence is not None:
                out.append((sentence, t))
    return out


def _alone(text: str, sentence: tuple[int, int], t: Timex) -> roles.Role:
    """The role the sentence gives the expression with nothing around it."""
    s, e = sentence
    moved = replace(t, start=t.start - s, end=t.end - s)
    return role_of(text[s:e], 0, moved)


def _bounded_roles_checked(text: str) -> int:
    """Assert that each expression of a bounded sentence of `text` has the role there that
    the sentence gives it alone; how many were checked."""
    checked = 0
    for sentence, t in _expressions(text):
        s, e = sentence
        if s <= t.start and t.end < e and bounded_sentence(text, s, e):
            assert role_of(text, s, t) == _alone(text, sentence, t), (text, t.text)
            checked += 1
    return checked


# texts of two to four of the sentences, each followed by a join
TEXTS = st.lists(
    st.tuples(st.sampled_from(SENTENCES), st.sampled_from(JOINS)), min_size=2, max_size=4
).map(lambda parts: "".join(sentence + join for sentence, join in parts).strip())


# surroundings whose words would change a role if it read them: future and past tense
# cues, a comparison word left hanging, an abbreviation, a quote
AROUND = [
    "They will go.",
    "They said they will go",
    "He said they would go on strike",
    "Sales rose 5% from",
    "They will buy Acme Corp.",
    "The talks, which were held",
    "He said: “we will go.”",
    "It was not until",
]


@pytest.mark.parametrize("around", AROUND)
def test_a_bounded_sentence_gives_the_role_it_gives_alone_whatever_surrounds_it(around):
    checked = 0
    for sentence in SENTENCES:
        for join in JOINS:
            for text in (around + join + sentence, sentence + join + around):
                checked += _bounded_roles_checked(text)
    assert checked > 100


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_a_bounded_sentence_gives_the_role_it_gives_alone(text):
    _bounded_roles_checked(text)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_a_remembered_role_is_the_role_of_its_text(text):
    for sentence, t in _expressions(text):
        assert sentence_role(text, sentence, t) == role_of(text, sentence[0], t), (text, t.text)


@pytest.mark.parametrize(
    ("text", "bounded", "why"),
    [
        ("One went. The leaders met on Friday. Two came.", True, "marks and blanks both sides"),
        ("The leaders met on Friday.", True, "the whole text"),
        ('He said "we will go." The leaders met on Friday. Two came.', False, "a closing quote"),
        ("A heading\nThe leaders met on Friday. Two came.", False, "a line without a mark"),
        ("One went.  The leaders met on Friday. Two came.", False, "two blanks: not checked"),
        ("Shares of Acme Corp.\nThe leaders met on Friday.", False, "an abbreviation's dot"),
        ("One went. The leaders met on Friday", False, "no mark at its end"),
        ("One went. The leaders met on Friday.” Two came.", False, "a quote after its mark"),
    ],
)
def test_which_sentences_are_bounded(text, bounded, why):
    start = text.index("The leaders")
    end = text.index("Friday") + len("Friday")
    end += text[end] == "." if end < len(text) else 0
    assert bounded_sentence(text, start, end) is bounded, why


def test_one_sentence_in_two_surroundings_is_looked_at_once(monkeypatch):
    calls = []

    def counted(text, start, timex):
        calls.append(text)
        return role_of(text, start, timex)

    monkeypatch.setattr(roles, "role_of", counted)
    monkeypatch.setattr(roles, "_roles", {})
    sentence = "The leaders will meet on Friday."
    for text in (f"Talks went well. {sentence} Two came.", f"Nothing else. {sentence}"):
        (found,) = [(s, t) for s, t in _expressions(text) if t.text == "Friday"]
        assert sentence_role(text, *found) is roles.Role.PLANNED
    assert len(calls) == 1


def test_the_shipped_corpus_gives_each_bounded_sentence_its_own_role():
    root = Path(__file__).resolve().parents[2] / "data"
    texts = [path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.txt"))]
    assert sum(_bounded_roles_checked(text) for text in texts) > 10
