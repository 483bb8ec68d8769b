"""`events -o FILE` never writes over what it reads (issue 10, point 7): one line, exit 2,
nothing written; writing over an earlier output stays allowed."""

import os
import shutil
from pathlib import Path

import pytest

from timeline_app.ingest.files import input_clash
from timeline_app.paths import SHIPPED_CORPUS

from .seed import run_cli

ARTICLE = "2022-01_csto-operation-in-kazakhstan.txt"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, folder)
    (tmp_path / "out").mkdir()
    return folder


def _hard_link(corpus: Path) -> Path:
    os.link(corpus / ARTICLE, corpus.parent / "out" / "hard.json")
    return corpus.parent / "out" / "hard.json"


def _soft_link(corpus: Path) -> Path:
    (corpus.parent / "out" / "soft.json").symlink_to(corpus / ARTICLE)
    return corpus.parent / "out" / "soft.json"


REFUSED = [  # (what, the output given the corpus folder, words of the line)
    ("an article", lambda c: c / ARTICLE, "an input file of"),
    ("the manifest", lambda c: c / "manifest.json", "an input file of"),
    ("a hard link to an article", _hard_link, "an input file of"),
    ("a symbolic link to an article", _soft_link, "an input file of"),
    (
        "a new article-to-be in the folder",
        lambda c: c / "events.json",
        "with an article's extension, where the next load would read it",
    ),
    (
        "a new article-to-be in a subfolder",
        lambda c: c / "notes" / "events.md",
        "with an article's extension, where the next load would read it",
    ),
]


@pytest.mark.parametrize(("what", "output", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_events_refuses_to_write_over_its_input(corpus, what, output, words):
    (corpus / "notes").mkdir()
    out_file = output(corpus)
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    out = run_cli("events", corpus, "-o", out_file)
    assert out.returncode == 2, (what, out.stderr)
    assert out.stderr.count("\n") == 1 and words in out.stderr, (what, out.stderr)
    assert out.stderr.startswith(f"timeline-app events: will not write {out_file}: it is ")
    assert out.stdout == "" and "Traceback" not in out.stderr
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before, what


ALLOWED = [  # (what, the output given the corpus folder)
    ("a file outside the corpus", lambda c: c.parent / "out" / "events.json"),
    ("a CSV in the folder (no article format)", lambda c: c / "events.csv"),
    ("a hidden file in the folder (never read)", lambda c: c / ".events.json"),
]


@pytest.mark.parametrize(("what", "output"), ALLOWED, ids=[a[0] for a in ALLOWED])
def test_events_writes_over_its_own_earlier_output(corpus, what, output):
    out_file = output(corpus)
    for _ in range(2):  # the second run writes over the first one's output
        out = run_cli("events", corpus, "-o", out_file, "--format", "csv")
        assert out.returncode == 0 and "Traceback" not in out.stderr, (what, out.stderr)
        assert out_file.read_bytes().startswith(b"\xef\xbb\xbfid,title,date")  # with its BOM


def test_a_data_file_is_not_its_own_output(tmp_path):
    data = tmp_path / "timeline.json"
    first = run_cli("events", SHIPPED_CORPUS, "-o", data)
    assert first.returncode == 0, first.stderr
    before = data.read_bytes()
    out = run_cli("events", data, "-o", data, "--format", "timelinejs")
    assert out.returncode == 2 and "an input file of" in out.stderr, out.stderr
    assert data.read_bytes() == before


CLASHES = [  # (what, corpus-relative output or an absolute one, clash expected)
    ("an article", ARTICLE, True),
    ("a new .txt beside the articles", "new.txt", True),
    ("a new .html beside the articles", "page.HTML", True),
    ("a PNG beside the articles", "timeline.png", False),
    ("a file in a hidden folder", ".cache/out.json", False),
    ("outside", "../elsewhere.json", False),
]


@pytest.mark.parametrize(("what", "rel", "clash"), CLASHES, ids=[c[0] for c in CLASHES])
def test_input_clash(corpus, what, rel, clash):
    assert bool(input_clash(corpus, corpus / rel)) == clash, what
