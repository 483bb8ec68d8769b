"""Loading folders: header dates without a manifest, bad files named, nothing else lost."""

import json
import shutil
import subprocess
import sys

import pytest

from timeline_app.ingest import CorpusError, load_corpus
from timeline_app.paths import SHIPPED_CORPUS


@pytest.fixture
def bare_corpus(tmp_path):
    """The shipped articles without their manifest: dates must come from the texts."""
    for p in SHIPPED_CORPUS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


def dated(timeline, iso):
    return [e for e in timeline.events if e.date.iso() == iso]


def test_without_manifest_dates_come_from_headers_and_context(bare_corpus):
    timeline = load_corpus(bare_corpus)
    docs = timeline.documents
    assert docs["2023-11-21_lukashenko-meets-tasmagambetov.txt"].published.iso() == "2023-11-21"
    assert docs["2023-11-26_tokayev-lukashenko-tension.txt"].published.iso() == "2023-11-26"
    artsakh = docs["2023-02-13_artsakhpress_lukashenko-calls-for-unity.txt"].published
    assert artsakh.iso() == "2023-02-13" and artsakh.inferred, "dateline year from the text"
    assert dated(timeline, "2023-11-23"), "Thursday before 26 November 2023"
    assert dated(timeline, "2023-11-21")
    assert dated(timeline, "2023-02-13")


def test_one_bad_file_never_stops_the_others(bare_corpus):
    (bare_corpus / "empty.txt").write_text("")
    (bare_corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (bare_corpus / "latin1.txt").write_bytes("Caf\xe9 opened on 3 May 2021.".encode("latin-1"))
    (bare_corpus / "manifest.json").write_text("{not json")
    timeline = load_corpus(bare_corpus)
    reasons = {p.path: p.reason for p in timeline.problems}
    assert reasons["empty.txt"] == "empty file"
    assert "NUL" in reasons["binary.txt"]
    assert "not valid UTF-8" in reasons["latin1.txt"], "a guessed encoding is named"
    assert timeline.documents["latin1.txt"].text.startswith("Café"), "and the text still loads"
    assert "manifest.json" in reasons
    assert len(timeline.documents) == 6 and dated(timeline, "2023-11-23")


def test_nothing_loadable_is_a_named_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "missing")
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(CorpusError, match="empty file"):
        load_corpus(tmp_path)


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True
    )


def test_cli_names_problems_on_stderr_and_exits_zero(bare_corpus):
    (bare_corpus / "empty.txt").write_text("")
    out = run_cli("events", str(bare_corpus))
    assert out.returncode == 0
    assert "timeline-app: skipped empty.txt: empty file" in out.stderr.splitlines()
    assert json.loads(out.stdout)


def test_cli_fails_in_one_line_when_nothing_loads(tmp_path):
    out = run_cli("events", str(tmp_path / "nowhere"))
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_one_file_is_a_corpus_too():
    path = SHIPPED_CORPUS / "2023-11-26_tokayev-lukashenko-tension.txt"
    timeline = load_corpus(path)
    assert list(timeline.documents) == [path.name]
    assert dated(timeline, "2023-11-23")
