"""TimelineJS spreadsheets saved as CSV, read as the TimelineJS JSON they stand for.

The columns are those of TimelineJS's Google Sheets template: Year, Month, Day, Time,
End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit,
Media Caption, Media Thumbnail, Type, Group, Background. A row of Type "title" is the
title slide, "era" an era; the rest are events. Headers are matched without regard to
case or surrounding spaces, and missing columns count as empty. A field may be as long as
the file; a row with one over MAX_FIELD characters is left out and named.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

__all__ = ["MAX_FIELD", "REQUIRED", "is_timelinejs_header", "timelinejs_from_csv"]

REQUIRED = ("year", "headline")
MAX_FIELD = 4 * 2**20  # characters: a slide's text is paragraphs, not megabytes
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.I)


def is_timelinejs_header(first_line: str) -> bool:
    """Whether a CSV header row has the columns a TimelineJS sheet cannot do without."""
    try:
        header = next(csv.reader([first_line]))
    except (csv.Error, StopIteration):
        return False
    names = {h.strip().lower() for h in header}
    return all(r in names for r in REQUIRED)


def timelinejs_from_csv(text: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The TimelineJS JSON document of a sheet's CSV text, and the rows left out as
    (where, why): those with a field over MAX_FIELD characters."""
    # the csv module refuses a field over 128 KB with an error after which it cannot find
    # the next row; read any field the text can hold and refuse the long ones ourselves
    old_limit = csv.field_size_limit(max(len(text), csv.field_size_limit()))
    try:
        return _sheet(text)
    finally:
        csv.field_size_limit(old_limit)


def _sheet(text: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    rows = csv.DictReader(io.StringIO(text))
    doc: dict[str, Any] = {"events": []}
    refused: list[tuple[str, str]] = []
    for raw in rows:
        where = f"row {rows.line_num}"  # a sheet has rows, not slides
        row = {
            (k or "").strip().lower(): (v or "").strip()
            for k, v in raw.items()
            if isinstance(v, str)
        }
        long = next((k for k, v in row.items() if len(v) > MAX_FIELD), None)
        if long is not None:
            refused.append(
                (
                    where,
                    f"{long or 'a column without a name'!r} holds "
                    f"{len(row[long]):,} characters, over "
                    f"{MAX_FIELD // 2**20} MB",
                )
            )
            continue
        if not any(row.values()):
            continue
        slide = _slide(row)
        slide["_where"] = where  # for problems
        kind = row.get("type", "").lower()
        if kind == "title":
            doc["title"] = slide
        elif kind == "era":
            doc.setdefault("eras", []).append(slide)
        else:
            doc["events"].append(slide)
    return doc, refused


def _slide(row: dict[str, str]) -> dict[str, Any]:
    slide: dict[str, Any] = {}
    start = _date(row, "")
    if start:
        slide["start_date"] = start
    elif row.get("type", "").lower() not in ("title", "era"):
        slide["start_date"] = {}  # reported as undatable when read
    end = _date(row, "end ")
    if end:
        slide["end_date"] = end
    if row.get("display date"):
        slide["display_date"] = row["display date"]
    slide["text"] = {"headline": row.get("headline", ""), "text": row.get("text", "")}
    if row.get("media"):
        slide["media"] = {
            k: row.get(f"media {k}" if k != "url" else "media", "")
            for k in ("url", "credit", "caption", "thumbnail")
        }
    if row.get("group"):
        slide["group"] = row["group"]
    if row.get("background"):
        key = "url" if "/" in row["background"] else "color"
        slide["background"] = {key: row["background"]}
    return slide


def _date(row: dict[str, str], prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("year", "month", "day"):
        if row.get(prefix + key):
            out[key] = row[prefix + key]
    m = _TIME.match(row.get(prefix + "time", ""))
    if out and m:
        hour = int(m.group(1)) % 12 + (12 if (m.group(4) or "").lower().startswith("p") else 0)
        out["hour"] = hour if m.group(4) else int(m.group(1))
        out["minute"] = int(m.group(2) or 0)
    return out
