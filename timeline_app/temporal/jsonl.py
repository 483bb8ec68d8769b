"""JSONL in, JSONL out: the batch interface behind `timeline-app tag --jsonl IN.jsonl`.

Input lines are `{"doc", "dct", "text"}`; output lines are `{"doc", "timexes": [...]}` with
TempEval-style records `{"start", "end", "text", "type", "value"}` (plus "mod" when set).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .tagger import tag
from .timex import Timex

__all__ = ["tag_jsonl", "tag_jsonl_file", "timex_record"]


def timex_record(t: Timex) -> dict[str, object]:
    """The scorer's record for one expression (no `inferred`, "mod" only when set)."""
    rec: dict[str, object] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                              "value": t.value}
    if t.mod:
        rec["mod"] = t.mod
    return rec


def tag_jsonl(in_lines: Iterable[str]) -> Iterator[str]:
    """Tag each document line; blank lines are skipped, output keeps the input order."""
    for line in in_lines:
        if not line.strip():
            continue
        doc = json.loads(line)
        timexes = tag(doc.get("text") or "", dct=doc.get("dct"))
        yield json.dumps({"doc": doc.get("doc"), "timexes": [timex_record(t) for t in timexes]},
                         ensure_ascii=False)


def tag_jsonl_file(in_path: str | Path, out_stream: TextIO) -> int:
    """Tag a JSONL file into `out_stream` (one line per document); returns the count."""
    n = 0
    with open(in_path, encoding="utf-8") as fh:
        for out in tag_jsonl(fh):
            out_stream.write(out + "\n")
            n += 1
    return n
