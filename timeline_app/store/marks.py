"""The analyst's marks on events, as edits: a star, tags, a note.

Each is one edit, so one undo step; "event.tag_add" and "event.tag_remove" act on the target
and on the `others` of the value at once (many selected events, one step). Tags compare
without case ("CSTO" is "csto"): the first spelling given is the one kept (`clean_tags`).
"""

from __future__ import annotations

from ..model import Event, clean_tags
from .project_store import Edit

__all__ = ["MARK_KINDS"]


def _star(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    starred = edit.value.get("starred", True)
    if not isinstance(starred, bool):
        return False
    by_id[edit.target].starred = starred
    return True


def _note(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    note = edit.value.get("note", "")
    if not isinstance(note, str):
        return False
    by_id[edit.target].note = note.strip()
    return True


def _tags(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    tags = edit.value.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return False
    by_id[edit.target].tags = clean_tags(tags)
    return True


def _marked(by_id: dict[str, Event], edit: Edit) -> tuple[str, list[Event]] | None:
    """The tag of a tag_add/tag_remove edit and the events it acts on (target first)."""
    tag = edit.value.get("tag", "")
    tag = " ".join(tag.split()) if isinstance(tag, str) else ""
    if not tag:
        return None
    ids = dict.fromkeys([edit.target, *edit.value.get("others", [])])
    return tag, [by_id[i] for i in ids if i in by_id]


def _tag_add(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    marked = _marked(by_id, edit)
    if marked is None:
        return False
    tag, events = marked
    for event in events:
        event.tags = clean_tags([*event.tags, tag])
    return True


def _tag_remove(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    marked = _marked(by_id, edit)
    if marked is None:
        return False
    tag, events = marked
    for event in events:
        event.tags = [t for t in event.tags if t.casefold() != tag.casefold()]
    return True


MARK_KINDS = {
    "event.star": _star,
    "event.note": _note,
    "event.tags": _tags,
    "event.tag_add": _tag_add,
    "event.tag_remove": _tag_remove,
}
