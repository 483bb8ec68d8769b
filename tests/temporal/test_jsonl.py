"""The JSONL batch interface used by `timeline-app tag --jsonl`."""

from __future__ import annotations

import io
import json
from pathlib import Path

from timeline_app.temporal.jsonl import tag_jsonl, tag_jsonl_file


def test_tag_jsonl_records() -> None:
    lines = [
        json.dumps({"doc": "a", "dct": "2022-01", "text": "in early January, said Saturday"}),
        "",
        json.dumps({"doc": "b", "dct": None, "text": "nothing here"}),
    ]
    out = [json.loads(line) for line in tag_jsonl(lines)]
    assert [o["doc"] for o in out] == ["a", "b"]
    assert out[0]["timexes"] == [
        {
            "start": 3,
            "end": 16,
            "text": "early January",
            "type": "DATE",
            "value": "2022-01",
            "mod": "START",
        },
        {"start": 23, "end": 31, "text": "Saturday", "type": "DATE", "value": "XXXX-WXX-6"},
    ]
    assert out[1]["timexes"] == []


def test_tag_jsonl_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"doc": "d", "dct": "2023-11-26", "text": "on Thursday"}) + "\n",
        encoding="utf-8",
    )
    buf = io.StringIO()
    assert tag_jsonl_file(src, buf) == 1
    assert json.loads(buf.getvalue())["timexes"][0]["value"] == "2023-11-23"
