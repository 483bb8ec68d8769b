"""The one-line messages the store gives when it could not simply keep what it was given.

Each is shown after "project store: " (the CLI on stderr, the window among the problems), so
a message says what happened, what was kept and what was lost, and never names a cause it
cannot know.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "STORE_PROBLEM",
    "cache_unreadable",
    "cache_unwritable",
    "damaged",
    "edits_salvaged",
    "log_tail_lost",
    "newer_store",
]

STORE_PROBLEM = "project store"  # the `path` of the problems that carry these messages


def newer_store(path: Path, version: int, ours: int) -> str:
    return (
        f"{path} is from a newer version of timeline_app (store schema {version}, this version "
        f"reads {ours}); it is left untouched and its edits are not shown"
    )


def damaged(why: str, aside: Path | None, edits: str, *, fresh: bool) -> str:
    kept = f"kept as {aside}" if aside else "it could not be moved aside and is left as it is"
    start = "a fresh store was started" if fresh else "a store in memory is used instead"
    tail = "the cache is rebuilt from the articles" + (
        "" if fresh else "; edits last this session only"
    )
    return f"damaged ({why}): {kept}, {start}; {edits}; {tail}"


def edits_salvaged(recovered: int, lost: int | None) -> str:
    """'3 edits recovered, 1 lost'; `lost` None: how many could not be read is unknown."""
    if lost is None:
        return (
            f"{_edits(recovered)} recovered, any others lost"
            if recovered
            else "its edits could not be read: any it held are lost"
        )
    if recovered == lost == 0:
        return "it held no edits"
    return f"{_edits(recovered)} recovered, {lost or 'none'} lost"


def log_tail_lost(
    unread: int, copy: Path | None, kept: int, *, committed: bool, edit_seen: bool
) -> str:
    """The end of the write-ahead log could not be read: `committed` if it had been saved
    (so it is lost), else it may have been a write that never finished."""
    where = f"{unread} bytes unreadable, " + (f"kept as {copy}" if copy else "not kept")
    edits = _edits(kept) if kept else "no edits"
    if not committed:
        return (
            f"its write-ahead log ends in an unfinished or damaged write ({where}); {edits} "
            "kept, and if that write was a saved edit (or undo), it is lost"
        )
    later = " later" if kept else ""
    lost = (
        f"{edits} kept, at least one{later} edit (or undo) is lost"
        if edit_seen
        else f"{'all ' if kept else ''}{edits} kept, only cached results were lost (rebuilt)"
    )
    return f"the end of its write-ahead log was cut off or damaged ({where}); {lost}"


def cache_unwritable(why: str) -> str:
    return (
        f"the cache could not be written ({why}): the timeline is read from the articles "
        "and will be read from them again next time"
    )


def cache_unreadable(why: str) -> str:
    return f"the cache could not be read ({why}): the articles are read instead"


def _edits(n: int) -> str:
    return f"{n} edit" if n == 1 else f"{n} edits"
