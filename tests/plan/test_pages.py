"""A PDF page is laid out for its page (issue 12, point 6): the rows grow taller down to the
axis, and a page they do not fill is drawn larger while no event or title is lost by it.
Plain plan code: text widths from a fixed-width stand-in font, no Qt."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from timeline_app.model import Event, FuzzyDate, Timeline
from timeline_app.plan.columns import EventStore
from timeline_app.plan.pages import fit_page
from timeline_app.plan.scene import Scene, SceneSpec

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import synthetic_store  # noqa: E402

A4_LANDSCAPE = (1062.0, 734.0)  # scene px of the page less its margins (render/devices.py)
A4_PORTRAIT = A4_LANDSCAPE[::-1]


def measure(texts: list[str]) -> np.ndarray:
    return np.array([7.0 * len(t) for t in texts], np.float64)


def page(store: EventStore, size: tuple[float, float], *, lanes: str = "none") -> Scene:
    spec = SceneSpec(store, np.arange(len(store)), size[0], size[1], lane_mode=lanes)
    return fit_page(spec, measure, lambda text: 6.0 * len(text))


def rows_bottom(scene: Scene) -> float:
    """The foot of the lowest drawn row, in page px (the scene is drawn `scale` larger)."""
    last = max(first + rows for _, first, rows in scene.lanes)
    return (scene.row_y(last - 1) + scene.geometry.row_px / 2) * scene.scale


def events(*titles: str, year: int = 2022) -> EventStore:
    return EventStore.from_timeline(
        Timeline(
            name="t",
            events=[
                Event(f"e{k}", t, FuzzyDate(year, 1 + k % 12, 1 + 3 * k))
                for k, t in enumerate(titles)
            ],
        )
    )


@pytest.mark.parametrize("size", [A4_LANDSCAPE, A4_PORTRAIT], ids=["landscape", "portrait"])
def test_the_shipped_corpus_fills_its_page(corpus, size):
    scene = page(EventStore.from_timeline(corpus), size)
    assert rows_bottom(scene) / size[1] >= 0.8
    assert scene.plot[3] * scene.scale / size[1] >= 0.85  # the axis at the foot
    assert scene.width * scene.scale == pytest.approx(size[0])
    assert len(scene.marks) == len(corpus.events) == len(scene.labels)


@pytest.mark.parametrize("size", [A4_LANDSCAPE, A4_PORTRAIT], ids=["landscape", "portrait"])
def test_two_hundred_events_fill_their_page_at_the_usual_size(size):
    scene = page(synthetic_store(200), size)
    assert scene.scale == 1.0  # dense: the rows fill the page as they are
    assert rows_bottom(scene) / size[1] >= 0.8
    assert len(scene.marks) == 200


def whole_titles(scene: Scene) -> int:
    """Titles drawn whole, cut neither by the layout nor by the plot's right edge."""
    right = scene.plot[2] - 2
    return sum(
        min(x + width, right) - x >= measure([scene.titles[i]])[0] - 1
        for i, x, _, width, _, _ in scene.labels
    )


def test_a_few_short_titles_are_drawn_larger_and_lose_nothing():
    store = events("Summit", "Treaty signed", "Talks resume", "Vote")
    scene = page(store, A4_LANDSCAPE)
    assert scene.scale >= 1.3
    assert len(scene.marks) == len(scene.labels) == whole_titles(scene) == 4


@pytest.mark.parametrize("size", [A4_LANDSCAPE, A4_PORTRAIT], ids=["landscape", "portrait"])
def test_larger_type_never_cuts_a_title_that_was_whole(corpus, size, monkeypatch):
    long = "A long title that runs over half the page when the page is drawn any larger"
    for store in (EventStore.from_timeline(corpus), events(long, "Short", long + " again")):
        scene = page(store, size)
        monkeypatch.setattr("timeline_app.plan.pages.PAGE_SCALES", ())
        at_one = page(store, size)
        monkeypatch.undo()
        assert at_one.scale == 1.0
        assert whole_titles(scene) >= whole_titles(at_one)
        assert len(scene.labels) >= len(at_one.labels)


def test_one_event_stretches_its_row_only_so_far():
    scene = page(events("Alone"), A4_LANDSCAPE)
    g = scene.geometry
    assert g.row_px == pytest.approx(g.max_row_stretch * 26.0)  # no further
    assert scene.plot[3] * scene.scale / A4_LANDSCAPE[1] >= 0.85  # the axis still at the foot


def test_lanes_share_the_page():
    scene = page(synthetic_store(60), A4_LANDSCAPE, lanes="outlet")
    assert len(scene.lanes) > 1
    assert rows_bottom(scene) / A4_LANDSCAPE[1] >= 0.8


def test_a_page_needs_a_height():
    spec = SceneSpec(events("x"), np.arange(1), 800.0, None)
    with pytest.raises(ValueError, match="height"):
        fit_page(spec, measure)


def test_an_empty_page_still_lays_out():
    store = EventStore.from_timeline(Timeline(name="empty", events=[]))
    scene = page(store, A4_LANDSCAPE)
    assert not scene.marks and scene.height * scene.scale == pytest.approx(A4_LANDSCAPE[1])
