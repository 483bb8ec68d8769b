"""`timeline-app tag`: one article, or TempEval JSONL in and out."""

import json
import subprocess
import sys

from timeline_app.paths import SHIPPED_CORPUS


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", "tag", *args], capture_output=True, text=True
    )


def test_tag_one_article_against_its_dct():
    out = run(
        str(SHIPPED_CORPUS / "2023-11-26_tokayev-lukashenko-tension.txt"), "--dct", "2023-11-26"
    )
    assert out.returncode == 0, out.stderr
    found = {r["text"]: r["value"] for r in map(json.loads, out.stdout.splitlines())}
    assert found["Thursday"] == "2023-11-23"


def test_tag_jsonl_writes_one_line_per_document(tmp_path):
    src = tmp_path / "in.jsonl"
    docs = [
        {"doc": "a", "dct": "2023-02-13", "text": "They met on 13 February."},
        {"doc": "b", "dct": "1998-01-08", "text": "Nothing here."},
    ]
    src.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    out = run("--jsonl", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [x["doc"] for x in lines] == ["a", "b"]
    assert lines[0]["timexes"] == [
        {"start": 12, "end": 23, "text": "13 February", "type": "DATE", "value": "2023-02-13"}
    ]
    assert lines[1]["timexes"] == []


def test_tag_names_a_missing_file_in_one_line(tmp_path):
    out = run(str(tmp_path / "missing.txt"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
