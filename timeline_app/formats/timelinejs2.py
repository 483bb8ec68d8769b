"""TimelineJS 2 files, read as the TimelineJS3 document they stand for.

TimelineJS 2 (before 2015) kept a timeline in `{"timeline": {"headline", "text",
"startDate", "asset", "date": [...], "era": [...]}}`: each entry of `date` a slide with
`startDate`/`endDate` as comma-separated numbers ("2012,1,26", "1932", "2012,1,26,10,30"),
`headline`, `text`, `asset` (`media`, `credit`, `caption`, `thumbnail`) and `tag` (its
row, TimelineJS3's `group`). ISO ("2012-01-26") and US ("1/26/2012") dates, which its
spreadsheets produced, are read too; hours and minutes are dropped, as everywhere. Some
files wrap TimelineJS3 slides the same way, `{"timeline": {"slides": [...]}}`: those slides
are read as they are.

A slide whose startDate is no date is left out and named; an endDate that is no date is
set aside and named, the slide kept at its start. Eras (`era`) are read as slides are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..checked import described

__all__ = ["is_timelinejs2", "timelinejs3_from_v2"]

_COMMAS = re.compile(r"-?\d+(?:,\d*)*")  # year[,month[,day[,hour[,minute…]]]]
_ISO = re.compile(r"(-?\d{1,4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ].*)?")
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{1,4})(?: .*)?")


def is_timelinejs2(data: Any) -> bool:
    """Whether parsed JSON is `{"timeline": {...}}` holding TimelineJS 2's `date` list or
    wrapped TimelineJS3 `slides`/`events`."""
    inner = data.get("timeline") if isinstance(data, Mapping) else None
    return isinstance(inner, Mapping) and any(
        isinstance(inner.get(k), list) for k in ("date", "slides", "events")
    )


def timelinejs3_from_v2(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The TimelineJS3 document of a TimelineJS 2 (or wrapped TimelineJS3) file, and notes
    (where, what) on what was left out or set aside."""
    inner = data["timeline"]
    slides = inner.get("slides") if isinstance(inner.get("slides"), list) else inner.get("events")
    if isinstance(slides, list) and not isinstance(inner.get("date"), list):
        doc = {k: v for k, v in inner.items() if k not in ("slides", "events")}
        return {**doc, "events": slides}, []
    notes: list[tuple[str, str]] = []
    doc: dict[str, Any] = {"title": _slide(inner, "title", notes, title=True), "events": []}
    for k, entry in enumerate(inner.get("date") or [], start=1):
        where = f"slide {k}"
        if not isinstance(entry, Mapping):
            notes.append((where, f"left out: not a slide object ({described(entry)})"))
            continue
        slide = _slide(entry, where, notes)
        if slide is not None:
            doc["events"].append(slide)
    eras = inner.get("era")
    if isinstance(eras, list) and eras:  # dated as slides are; one without a date is named
        doc["eras"] = [
            era
            for k, entry in enumerate(eras, start=1)
            if (era := _era(entry, f"era {k}", notes)) is not None
        ]
    return doc, notes


def _era(entry: Any, where: str, notes: list[tuple[str, str]]) -> dict[str, Any] | None:
    if not isinstance(entry, Mapping):
        notes.append((where, f"left out: not an era object ({described(entry)})"))
        return None
    return _slide(entry, where, notes)


def _slide(
    entry: Mapping[str, Any], where: str, notes: list[tuple[str, str]], *, title: bool = False
) -> dict[str, Any] | None:
    slide: dict[str, Any] = {"_where": where}
    start, why = _date(entry.get("startDate"))
    if start is not None:
        slide["start_date"] = start
    elif not title:
        notes.append((where, f"left out: startDate {why}"))
        return None
    if entry.get("endDate") not in (None, ""):
        end, why = _date(entry.get("endDate"))
        if end is not None:
            slide["end_date"] = end
        elif not title:
            notes.append((where, f"endDate {why}; set aside, the slide kept at its start"))
    slide["text"] = {"headline": entry.get("headline"), "text": entry.get("text")}
    asset = entry.get("asset")
    if isinstance(asset, Mapping):
        slide["media"] = {
            "url": asset.get("media"),
            "credit": asset.get("credit"),
            "caption": asset.get("caption"),
            "thumbnail": asset.get("thumbnail"),
        }
    elif asset is not None:
        slide["media"] = asset  # not an object: named when the slide is read
    if entry.get("tag") not in (None, ""):
        slide["group"] = entry.get("tag")
    return slide


def _date(value: Any) -> tuple[dict[str, str] | None, str]:
    """TimelineJS3 date fields of a TimelineJS 2 date, or None and why not."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value)) if float(value).is_integer() else str(value)
    if not isinstance(value, str) or not value.strip():
        return None, "missing" if value in (None, "") else f"is not a date ({described(value)})"
    text = value.strip()
    if _COMMAS.fullmatch(text.replace(" ", "")):
        year, month, day, *_ = [*text.replace(" ", "").split(","), "", ""]
    elif hit := _ISO.fullmatch(text):
        year, month, day = hit.group(1), hit.group(2), hit.group(3) or ""
    elif hit := _US.fullmatch(text):
        month, day, year = hit.groups()
    else:
        return None, f"is not a date of the form 2012,1,26 ({described(value)})"
    fields = {"year": year}
    if month:
        fields["month"] = month
        if day:
            fields["day"] = day
    return fields, ""
