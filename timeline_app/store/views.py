"""Saved views ("view.save", "view.delete"): a window's state kept under a name.

The value of "view.save" is whatever the window needs to restore its filters, search, lanes,
date range and zoom: a JSON object opaque to the store. Saving a name again replaces its
view and moves it to the end: the list reads in the order of the last save.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .project_store import Edit

__all__ = ["saved_views"]


def saved_views(edits: Iterable[Edit]) -> dict[str, dict[str, Any]]:
    """The views in force, by name, in the order saved."""
    views: dict[str, dict[str, Any]] = {}
    for edit in edits:
        if edit.kind == "view.save":
            views.pop(edit.target, None)
            views[edit.target] = dict(edit.value)
        elif edit.kind == "view.delete":
            views.pop(edit.target, None)
    return views
