"""Each bad input of issue 5, beside the seed articles: named by file and reason, nothing lost."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from timeline_app.ingest import CorpusError, load_corpus
from timeline_app.ingest.files import MAX_BYTES
from timeline_app.paths import SHIPPED_CORPUS

SEED_EVENTS = {  # (date, a word of the title) that must survive any bad neighbour
    ("2022-01", "Kazakhstan"),
    ("2023-02-13", "unity"),
    ("2023-11-21", "Tasmagambetov"),
    ("2023-11-23", "summit"),
    ("2023-01-10", "assumed"),
    ("2022-11", "session"),
    ("2023", "preside"),
}


def make_bad_files(folder):
    """(file name, words expected in its reason) for every bad input, created in `folder`."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "invalid-utf8.txt").write_bytes(b"Talks on 3 May 2021 \xff\xfe\xfd ended.\n")
    (folder / "nul-bytes.txt").write_bytes(b"Some text\x00\x00 with NUL bytes on 3 May 2021\n")
    (folder / "feb30.txt").write_text("Ministers met on 30 February 2023 in Minsk.\n")
    (folder / "bad-article.json").write_text('{"title": "x", "text": ')
    (folder / "no-text.json").write_text('{"title": "only a title"}')
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    (folder / "broken-link.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    with open(folder / "huge.txt", "wb") as fh:  # sparse: large on paper, nothing written
        fh.truncate(MAX_BYTES + 1)
    locked = folder / "locked.txt"
    locked.write_text("Secret talks on 4 May 2021.\n")
    locked.chmod(0)
    return {
        "empty.txt": "empty",
        "binary.txt": "not a text file",
        "invalid-utf8.txt": "not valid UTF-8",
        "nul-bytes.txt": "NUL",
        "bad-article.json": "malformed JSON",
        "no-text.json": "no article text",
        "photo.jpg": "not an article format",
        "broken-link.txt": "broken symbolic link",
        "loop-a.txt": "symbolic link loop",
        "loop-b.txt": "symbolic link loop",
        "huge.txt": "too large",
        "locked.txt": "permission denied",
    }


@pytest.fixture
def corpus(tmp_path):
    for p in SHIPPED_CORPUS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    manifest = json.loads((SHIPPED_CORPUS / "manifest.json").read_text())
    manifest["documents"]["../outside.txt"] = {"title": "escape"}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    return tmp_path


def seed_events_present(timeline):
    found = {
        (e.date.iso(), w)
        for e in timeline.events
        for (d, w) in SEED_EVENTS
        if e.date.iso() == d
        and w.lower()
        in (
            e.title
            + " ".join(timeline.documents[s.doc_id].text[s.start : s.end] for s in e.sources)
        ).lower()
    }
    return found == SEED_EVENTS


def test_every_bad_file_is_named_and_the_seeds_survive(corpus):
    expected = make_bad_files(corpus)
    timeline = load_corpus(corpus)
    reasons = {p.path: p.reason for p in timeline.problems}
    for name, words in expected.items():
        if name == "locked.txt" and os.geteuid() == 0:
            continue  # root reads anything; the permission case is checked below
        assert name in reasons, f"{name} not reported"
        assert words.lower() in reasons[name].lower(), (name, reasons[name])
    assert "outside the corpus folder" in reasons["manifest.json"]
    assert "feb30.txt" in timeline.documents, "an impossible date is no reason to refuse a file"
    assert not [e for e in timeline.events if any(s.doc_id == "feb30.txt" for s in e.sources)]
    assert seed_events_present(timeline)


def test_unreadable_file_is_named(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(
        "Posted: 21.11.2023\n\nThe ministers met on 20 November 2023.\n"
    )
    (tmp_path / "locked.txt").write_text("x")
    real_open = os.open

    def open_(path, flags, *args, **kwargs):  # root reads anything: refuse as if locked
        if os.path.basename(path) == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    timeline = load_corpus(tmp_path)
    assert {p.path: p.reason for p in timeline.problems}[
        "locked.txt"
    ] == "cannot be read (permission denied)"
    assert list(timeline.documents) == ["ok.txt"]


def test_headless_command_names_each_problem_and_exits_zero(corpus):
    expected = make_bad_files(corpus)
    out = subprocess.run(
        [sys.executable, "-m", "timeline_app", "events", str(corpus)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    for name in expected:
        if name != "locked.txt" or os.geteuid() != 0:
            assert any(line.startswith(f"timeline-app: skipped {name}: ") for line in lines), name
    assert "Traceback" not in out.stderr and json.loads(out.stdout)


def test_nothing_loadable_exits_non_zero_in_one_line(tmp_path):
    make_bad_files(tmp_path)
    with pytest.raises(CorpusError, match="nothing could be loaded"):
        load_corpus(tmp_path / "empty.txt")
    for loadable in ("feb30.txt", "invalid-utf8.txt", "locked.txt"):  # root reads locked.txt
        (tmp_path / loadable).unlink()
    out = subprocess.run(
        [sys.executable, "-m", "timeline_app", "events", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
    assert "nothing could be loaded" in out.stderr
