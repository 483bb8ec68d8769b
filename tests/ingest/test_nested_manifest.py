"""A subfolder's manifest.json describes the files of that subfolder, also when its parent
folder is opened: it is read as metadata, never as an article, and a broken one is named
while every article loads."""

import json
from pathlib import Path

import pytest

from timeline_app.ingest import load_corpus

# An article whose only anchor is its manifest entry: "on Tuesday" needs a publication date.
ARTICLE = "Port reopens\n\nThe harbour of Varna reopened on Tuesday after a week of storms.\n"


def _folder(tmp_path: Path, manifest: object | str) -> Path:
    sub = tmp_path / "corpus" / "bulgaria"
    sub.mkdir(parents=True)
    (sub / "port.txt").write_text(ARTICLE, encoding="utf-8")
    raw = manifest if isinstance(manifest, str) else json.dumps(manifest)
    (sub / "manifest.json").write_text(raw, encoding="utf-8")
    return tmp_path / "corpus"


GOOD = {
    "name": "Black Sea ports",
    "documents": {"port.txt": {"outlet": "Port Gazette", "published": {"date": "2024-03-08"}}},
}

# (manifest of the subfolder, expected event dates, a problem naming..., why)
CASES = [
    (GOOD, ["2024-03-05"], None, "the nested entry dates the article; Tuesday before 8 March"),
    ("{not json", [], "bulgaria/manifest.json", "a broken nested manifest is named"),
    (
        {"documents": {"../elsewhere.txt": {"outlet": "X"}}},
        [],
        "bulgaria/manifest.json",
        "an entry outside its own folder is refused",
    ),
]


@pytest.mark.parametrize(("manifest", "dates", "problem", "why"), CASES)
def test_nested_manifest(tmp_path, manifest, dates, problem, why):
    timeline = load_corpus(_folder(tmp_path, manifest))
    assert [e.date.iso() for e in timeline.events] == dates, why
    assert "bulgaria/port.txt" in timeline.documents, "the article always loads"
    reasons = " ".join(str(p) for p in timeline.problems)
    assert "no article text" not in reasons, "a manifest is never read as an article"
    if problem:
        assert problem in reasons, why


def test_nested_manifest_gives_outlet_and_name(tmp_path):
    timeline = load_corpus(_folder(tmp_path, GOOD))
    assert timeline.documents["bulgaria/port.txt"].outlet == "Port Gazette"
    assert timeline.name == "Black Sea ports"
