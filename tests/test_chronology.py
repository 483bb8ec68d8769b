"""`timeline-app chronology`: the starred (or tagged) events of a folder, starred through
the Project API, written as PDF, Markdown and HTML; each form read back holds every chosen
title, note and citation and nothing else, document text stays text, bad paths get one
clear line."""

from __future__ import annotations

import json
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from timeline_app.cli import main
from timeline_app.model import FuzzyDate
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.project import Project
from timeline_app.store.edits import date_value

NOTE = "Key <b>report</b> & first sign of the operation"
ADDED_NOTE = "Told by a delegate on the phone"
REFERENCE = "Phone call with the delegation, 7 January 2022"


@pytest.fixture
def marked(tmp_path):
    """A copy of the shipped corpus with two events starred (one with a note that looks
    like HTML), one tagged but not starred, and a starred event added by hand; returns the
    folder and what the chronology of the starred events must hold."""
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    project = Project(folder)
    events = [e for e in project.timeline.events if e.sources]
    first, second, tagged = events[0], events[3], events[5]
    project.edit("event.star", first.id, {"starred": True})
    project.edit("event.note", first.id, {"note": NOTE})
    project.edit("event.star", second.id, {"starred": True})
    project.edit("event.tag_add", tagged.id, {"tag": "Minsk"})
    project.edit(
        "event.add",
        "user-00000000cafe",
        {
            "title": "Delegation reports by phone",
            **date_value(FuzzyDate(2022, 1, 7)),
            "note": ADDED_NOTE,
            "source": {"text": "The delegation called.", "reference": REFERENCE},
        },
    )
    project.edit("event.star", "user-00000000cafe", {"starred": True})
    timeline = project.timeline
    project.close()
    want, docs = [], timeline.documents
    for e in (first, second):
        cited = [docs[d] for d in e.doc_ids]
        want += [e.title] + [d.id for d in cited] + [d.outlet for d in cited if d.outlet]
        want += [d.title for d in cited if d.title]
        want += [f"published {d.published.label()}" for d in cited if d.published]
    want += [NOTE, "Delegation reports by phone", ADDED_NOTE, REFERENCE, "The delegation called."]
    return folder, want, tagged.title


def flat(text: str) -> str:
    """Text compared without layout: ligatures undone (a PDF's "ﬀ"), blanks as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def html_text(page: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(page)
    return flat(" ".join(parser.parts)), parser.tags


def read_back(path) -> str:
    if path.suffix == ".pdf":
        return flat(" ".join(p.extract_text() for p in PdfReader(path).pages))
    page = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        page = MarkdownIt().render(page)
    text, tags = html_text(page)
    assert "b" not in tags, "a note's <b> is text, not markup"
    return text


@pytest.mark.parametrize("suffix", [".pdf", ".md", ".html"])
def test_the_starred_events_with_notes_and_citations(marked, tmp_path, capsys, suffix):
    folder, want, tagged_title = marked
    out = tmp_path / f"c{suffix}"
    assert main(["chronology", str(folder), "--starred", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out} (3 events)"
    text = read_back(out)
    missing = [w for w in want if flat(w) not in text]
    assert missing == []
    assert flat(tagged_title) not in text, "an event not starred is left out"


def test_a_tag_chooses_the_events(marked, tmp_path):
    folder, want, tagged_title = marked
    out = tmp_path / "minsk.md"
    assert main(["chronology", str(folder), "--tag", "MINSK", "-o", str(out)]) == 0
    text = read_back(out)
    assert flat(tagged_title) in text and "1 event." in text
    assert flat(NOTE) not in text


@pytest.mark.parametrize(
    ("out", "code", "says"),
    [
        ("c.txt", 2, "c.txt: a chronology is written as .html, .md, .pdf"),
        ("missing/dir/c.pdf", 1, "cannot write"),
        ("missing/dir/c.md", 1, "cannot write"),
    ],
)
def test_bad_output_paths_get_one_line_and_no_traceback(marked, tmp_path, capsys, out, code, says):
    folder, *_ = marked
    assert main(["chronology", str(folder), "--starred", "-o", str(tmp_path / out)]) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / out).exists()


def test_a_path_that_is_not_there(tmp_path, capsys):
    assert main(["chronology", str(tmp_path / "nowhere"), "-o", str(tmp_path / "c.md")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere" in err[0]


def test_no_event_chosen_is_said(marked, tmp_path, capsys):
    folder, *_ = marked
    out = tmp_path / "none.html"
    assert main(["chronology", str(folder), "--tag", "nowhere", "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert (
        said.err.strip()
        == "timeline-app chronology: no event is tagged 'nowhere': the chronology lists none"
    )
    assert "0 events." in read_back(out)


def test_a_disputed_event_says_each_date_with_its_independent_outlets(tmp_path, capsys):
    """The disputes test corpus: three outlets give 3 May (two of them one wire story),
    one gives 4 May; the chronology and the event JSON say so."""
    folder = tmp_path / "disputes"
    shutil.copytree(Path(__file__).parent / "data" / "disputes", folder)
    out = tmp_path / "c.md"
    assert main(["chronology", str(folder), "-o", str(out)]) == 0
    text = read_back(out)
    assert "disputed: 3 May 2024: 2 outlets; 4 May 2024: 1 outlet" in text
    events = tmp_path / "events.json"
    assert main(["events", str(folder), "-o", str(events)]) == 0
    records = json.loads(events.read_text())
    border = next(r for r in records if "border agreement" in r["title"])
    assert border["disputed"] is True
    assert [(d["label"], d["outlets"]) for d in border["date_support"]] == [
        ("3 May 2024", 2),
        ("4 May 2024", 1),
    ]
