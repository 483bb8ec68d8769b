"""Saved views: what the window shows — filters, search, lanes, key events, dates in view —
as a JSON dict kept in the project store under a name, and put back in one step.

Dates are kept as calendar dates (days since 1 January of year 1, fractional), not as the
view's x, which counts from the first event's year and moves when an added event comes
earlier. A view saved by a newer app with keys this one does not know restores what it
does know; a lane mode or filter it no longer has is left as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .state import LANE_MODES, WORKBENCH_FILTERS, TimelineState

__all__ = ["VIEW_VERSION", "capture_view", "restore_view", "view_summary"]

VIEW_VERSION = 1
_NAMED = ("outlet", "actor", *WORKBENCH_FILTERS)


def capture_view(state: TimelineState) -> dict[str, Any]:
    """The state's view as plain JSON values."""
    filters: dict[str, Any] = {k: state.filters[k] for k in _NAMED}
    dates = state.filters["dates"]
    if dates is not None:
        lo, hi = dates  # type: ignore[misc]
        filters["dates"] = [d.isoformat() if isinstance(d, date) else None for d in (lo, hi)]
    else:
        filters["dates"] = None
    view: dict[str, Any] = {
        "version": VIEW_VERSION,
        "filters": filters,
        "search": state.search_text,
        "lanes": state.lane_mode,
        "key_only": state.key_only,
        "show_hidden": state.show_hidden,
        "range": None,
    }
    if state.view_range is not None and not state.view_range_fitted:
        ref = state.store.ref.toordinal()
        view["range"] = [ref + x for x in state.view_range]
    return view


def restore_view(state: TimelineState, view: dict[str, Any]) -> None:
    """Show `view` (from `capture_view`); what it lacks is left as it is."""
    filters = view.get("filters") or {}
    for kind in _NAMED:
        if kind in filters:
            value = filters[kind]
            state.set_filter(kind, (value or None) if kind in WORKBENCH_FILTERS else value)
    if "dates" in filters:
        dates = filters["dates"]
        state.set_filter("dates", None if not dates else tuple(_day(d) for d in dates))
    if isinstance(view.get("search"), str):
        state.set_search(view["search"])
    if view.get("lanes") in LANE_MODES:
        state.set_lane_mode(view["lanes"])
    state.set_key_only(bool(view.get("key_only", False)))
    state.set_show_hidden(bool(view.get("show_hidden", False)))
    window = view.get("range")
    if window:
        ref = state.store.ref.toordinal()
        state.set_view_range(float(window[0]) - ref, float(window[1]) - ref)


def view_summary(view: dict[str, Any]) -> str:
    """What a saved view shows, in a few words (a menu item's tooltip)."""
    filters = view.get("filters") or {}
    said = [f"{k}: {v}" for k, v in filters.items() if v and k != "dates" and v is not True]
    said += [k for k, v in filters.items() if v is True]
    if filters.get("dates"):
        lo, hi = filters["dates"]
        said.append(f"dates {lo or '…'} – {hi or '…'}")
    if view.get("search"):
        said.append(f"search “{view['search']}”")
    if view.get("lanes") and view["lanes"] != "none":
        said.append(f"lanes by {view['lanes']}")
    if view.get("key_only"):
        said.append("key events only")
    return ", ".join(said) or "all events"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
