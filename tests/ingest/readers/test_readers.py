"""Readers: encodings, HTML main text, JSON and JSON Lines exports."""

import codecs
import json
from pathlib import Path

import pytest

from timeline_app.ingest import load_corpus
from timeline_app.ingest.readers import read_articles
from timeline_app.ingest.readers.encoding import NotTextError, decode

DATA = Path(__file__).parent / "data"
RU = "Лукашенко встретился с Тасмагамбетовым 21 ноября 2023 года в Минске."
FR = "Le sommet s'est tenu à Minsk le 23 novembre 2023 ; l'été dernier déjà…"

ENCODINGS = [
    # (bytes, expected text, encoding name or prefix, warns, why)
    (RU.encode("utf-8"), RU, "utf-8", False, "plain UTF-8"),
    (codecs.BOM_UTF8 + RU.encode("utf-8"), RU, "utf-8-sig", False, "UTF-8 with BOM"),
    (RU.encode("utf-16"), RU, "utf-16", False, "UTF-16 with BOM"),
    (RU.encode("utf-16-le"), RU, "utf-16-le", True, "UTF-16 without BOM"),
    ((RU + " ").encode("cp1251") * 5, (RU + " ") * 5, "cp1251", True, "Windows-1251 Russian"),
    ((FR + " ").encode("cp1252") * 5, (FR + " ") * 5, "cp1252", True, "Windows-1252 French"),
]


@pytest.mark.parametrize(("data", "text", "encoding", "warns", "why"), ENCODINGS)
def test_decode(data, text, encoding, warns, why):
    decoded = decode(data)
    assert decoded.text.lstrip("\ufeff") == text, why
    assert decoded.encoding == encoding, why
    assert bool(decoded.warning) == warns, why


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, bytes(range(32)) * 50])
def test_binary_is_refused(data):
    with pytest.raises(NotTextError):
        decode(data)


def test_html_main_text_metadata_and_boilerplate():
    [article] = read_articles(DATA / "belta-page.html", "belta-page.html")
    assert article.title == "Lukashenko meets CSTO Secretary General"
    assert article.outlet == "BelTA" and article.published.iso() == "2023-11-21"
    assert "alert(" not in article.text and "p{}" not in article.text, "scripts/styles dropped"
    marked = {article.text[s.start : s.end] for s in article.non_story}
    assert "Related content" in marked and "Add a comment" in marked
    assert "Lukashenko in Minsk, May 28, 2021 (Reuters)" in marked, "caption is not story"
    assert "Share: Facebook Twitter Telegram" in marked
    assert "Belarus will preside over the CSTO in 2023." in article.text
    assert "Belarus will preside over the CSTO in 2023." not in marked


def test_html_page_dates_only_its_story(tmp_path):
    (tmp_path / "page.html").write_bytes((DATA / "belta-page.html").read_bytes())
    timeline = load_corpus(tmp_path)
    dates = {e.date.iso() for e in timeline.events}
    assert {"2023-11-16", "2023-01-10", "2022-11", "2023"} <= dates
    assert not any(d.startswith(("2019", "2021")) for d in dates), "caption/related not dated"


def test_json_article_and_jsonl_with_one_bad_line(tmp_path):
    (tmp_path / "one.json").write_text(
        json.dumps(
            {
                "title": "Summit in Minsk",
                "published": "2023-11-26T06:06:00-05:00",
                "url": "https://example.org/a",
                "text": "Tokayev spoke at the summit on Thursday.",
            }
        )
    )
    lines = [
        json.dumps(
            {
                "title": f"Story {i}",
                "date": "2023-02-13",
                "text": f"Lukashenko met Tasmagambetov on 13 February, item {i}.",
            }
        )
        for i in range(3)
    ]
    lines.insert(1, "{broken")
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    timeline = load_corpus(tmp_path)
    assert set(timeline.documents) == {"one.json", "many.jsonl#1", "many.jsonl#3", "many.jsonl#4"}
    one = timeline.documents["one.json"]
    assert one.title == "Summit in Minsk" and one.published.iso() == "2023-11-26"
    assert [e.date.iso() for e in timeline.events if e.sources[0].doc_id == "one.json"] == [
        "2023-11-23"
    ]
    assert {p.path: p.reason for p in timeline.problems}["many.jsonl"].startswith(
        "line 2: malformed JSON"
    )


@pytest.mark.parametrize(
    ("html", "lines", "why"),
    [
        (
            "<p>The port reopened in 2002, when\n        the strike ended.</p><p>Next.</p>",
            ["The port reopened in 2002, when the strike ended.", "Next."],
            "a paragraph wrapped in the page's source is one line",
        ),
        ("<div>One<br>Two</div>", ["One", "Two"], "a <br> breaks the line"),
        (
            "<p>A <a href='#'>linked\nword</a> stays.</p>",
            ["A linked word stays."],
            "inline elements do not break",
        ),
    ],
)
def test_page_lines_break_at_blocks_only(html, lines, why):
    from timeline_app.ingest.readers.html_reader import page_lines

    assert page_lines(f"<html><body>{html}</body></html>") == lines, why


@pytest.mark.parametrize(
    ("text", "refused", "why"),
    [
        ("a" * 96 + "\x01" * 4, False, "4 controls in 100 characters: under 5%"),
        ("a" * 94 + "\x01" * 6, True, "6 in 100: over 5%"),
        ("\x1b[0m" * 30, True, "terminal escapes"),
        ("\n\t\r\f\v" * 40 + "a", False, "line breaks, tabs and form feeds are text"),
        ("a" * 80 + "\x00\x7f" * 3, False, "DEL is no control here, NUL rare enough"),
    ],
)
def test_text_with_control_characters(text, refused, why):
    data = text.encode("utf-16") if "\x00" in text else text.encode("utf-8")
    if refused:
        with pytest.raises(NotTextError):
            decode(data)
    else:
        assert decode(data).text.lstrip("\ufeff") == text, why
