"""JSONL in, JSONL out: the batch interface behind `timeline-app tag --jsonl IN.jsonl`.

Input lines are `{"doc", "dct", "text"}`; output lines are `{"doc", "timexes": [...]}` with
TempEval-style records `{"start", "end", "text", "type", "value"}` (plus "mod" when set).
Lines are read, tagged and written one at a time: memory stays that of one document
whatever the file's size. A line that cannot be tagged — not JSON, nested too deeply, not
an object, `text` or `dct` not a string, not UTF-8 — is named with its number and why, and
the others go on; the output has a line per good input line, in order.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from .tagger import tag
from .timex import Timex

__all__ = ["Reporter", "tag_jsonl", "tag_jsonl_file", "timex_record"]

Reporter = Callable[[int, str], None]  # told (line number, why) for each line left out
_SURROGATE = re.compile("[\ud800-\udfff]")  # "\ud800" is valid JSON, but no UTF-8


def timex_record(t: Timex) -> dict[str, object]:
    """The scorer's record for one expression (no `inferred`, "mod" only when set)."""
    rec: dict[str, object] = {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
    }
    if t.mod:
        rec["mod"] = t.mod
    return rec


def tag_jsonl(in_lines: Iterable[str | bytes], *, problem: Reporter | None = None) -> Iterator[str]:
    """Tag each document line; blank lines are skipped, output keeps the input order.

    A bad line goes to `problem(line number, why)` — by default a line on stderr naming the
    input (`in_lines.name` when it is a file) — and is left out.
    """
    report = problem or _stderr_reporter(getattr(in_lines, "name", None))
    for n, line in enumerate(in_lines, 1):
        try:
            doc = _document(line)
        except ValueError as exc:
            report(n, str(exc))
            continue
        if doc is not None:
            text, dct, doc_id = doc
            timexes = tag(text, dct=dct)
            yield json.dumps(
                {"doc": doc_id, "timexes": [timex_record(t) for t in timexes]}, ensure_ascii=False
            )


def tag_jsonl_file(
    in_path: str | Path, out_stream: TextIO, *, problem: Reporter | None = None
) -> int:
    """Tag a JSONL file into `out_stream` line by line; returns the lines written.

    The file is read as bytes, so a line that is not UTF-8 is named, not the end of the run.
    """
    n = 0
    with open(in_path, "rb") as fh:
        report = problem or _stderr_reporter(str(in_path))
        for out in tag_jsonl(fh, problem=report):  # a binary file yields a line at a time
            out_stream.write(out + "\n")
            n += 1
    return n


def _document(line: str | bytes) -> tuple[str, str | None, Any] | None:
    """(text, dct, doc) of one input line; None for a blank line; ValueError saying why not."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-8 (byte {exc.start + 1})") from None
    if not line.strip():
        return None
    try:
        doc = json.loads(line)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON ({exc.msg})") from None
    except ValueError:
        raise ValueError("a JSON number too long to read (thousands of digits)") from None
    if not isinstance(doc, dict):
        raise ValueError(f"not an object ({_described(doc)})")
    text, dct, doc_id = doc.get("text"), doc.get("dct"), doc.get("doc")
    for key, value in (("text", text), ("dct", dct)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} is not a string ({_described(value)})")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int | None):
        raise ValueError(f"doc is not a string or a number ({_described(doc_id)})")
    if isinstance(doc_id, str):
        doc_id = _valid(doc_id)
    return _valid(text or ""), _valid(dct) if dct else None, doc_id


def _valid(text: str) -> str:
    """Lone surrogates (U+FFFD instead) would make the output line unwritable."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _described(value: object) -> str:
    """A value in a message: its kind for containers, else short and escaped (as
    `timeline_app.checked.described`, which the tagger does not import)."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str) and len(value) > 40:
        return repr(value[:40]) + "…"
    return repr(value)  # repr escapes control and format characters


def _stderr_reporter(name: str | None) -> Reporter:
    where = f"{name}: " if name else ""

    def report(n: int, why: str) -> None:
        print(f"timeline-app tag: {where}line {n}: {why}", file=sys.stderr)

    return report
