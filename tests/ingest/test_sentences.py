import pytest

from timeline_app.ingest.sentences import quote_spans, sentence_spans

CASES = [
    ("One. Two!  Three?", ["One.", "Two!", "Three?"], "plain ends"),
    (
        "Mr. Smith met Dr. Jones. Then they left.",
        ["Mr. Smith met Dr. Jones.", "Then they left."],
        "abbreviations do not end sentences",
    ),
    (
        "Headline without stop\nBody sentence. Next one.",
        ["Headline without stop", "Body sentence.", "Next one."],
        "line breaks end sentences",
    ),
    (
        "“It is hard,” he said. “We are ready.”",
        ["“It is hard,” he said.", "“We are ready.”"],
        "quotes stay with their sentence",
    ),
    (
        "In 1991, President George H.W. Bush spoke. It ended.",
        ["In 1991, President George H.W. Bush spoke.", "It ended."],
        "initials do not end sentences",
    ),
    (
        "The mayor offered Rep. Ana Ruiz the job. Sen. Olsen objected.",
        ["The mayor offered Rep. Ana Ruiz the job.", "Sen. Olsen objected."],
        "titles before names do not end sentences",
    ),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES)
def test_sentences(text, expected, why):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected, why


def test_quotes_pair_up_and_close_at_paragraph_end():
    text = "He said “tomorrow it ends” and “then\nmore"
    assert [text[s:e] for s, e in quote_spans(text)] == ["“tomorrow it ends”", "“then\n"]
