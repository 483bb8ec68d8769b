"""Eras in the window and its pictures: a TimelineJS file's eras drawn as tinted bands behind
the events, each named in a strip above the rows (never over an event's title), in light
and dark, and named as text in an exported SVG."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor

from timeline_app.formats import read_data_file
from timeline_app.gui import appearance
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.gui.timeline_view import TimelineView
from timeline_app.model import Era, Event, FuzzyDate, Timeline
from timeline_app.plan import sizes
from timeline_app.plan.eras import ERA_STRIP_PX
from timeline_app.plan.palette import DARK
from timeline_app.render import style
from timeline_app.render.image import export_svg

from .factories import make_timeline
from .helpers import settle, show_window
from .readback import show_tip, shown

ERAS = Path(__file__).parents[1] / "formats/data/timelinejs3/src/template/eras.json"
LABELS = ["Era Test 650-700", "Era Test 600-650", "Era Test 700-720"]


@pytest.fixture(autouse=True)
def light_again():
    yield
    appearance.apply_scheme("light")


@pytest.fixture
def opened(qtbot):
    """The window with eras.json opened as a user opens it: File › Open file…, through the
    project."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.state.timeline_changed, timeout=10_000):
        assert win.open_file(ERAS)
    qtbot.waitUntil(lambda: not win.folder_loader.busy, timeout=10_000)
    settle()
    win.timeline_view.zoom_to_fit()
    settle()
    return win


def viewport_point(view: TimelineView, x: float, row: float) -> tuple[int, int]:
    p = view.plot.mapFromScene(view.view_box.mapViewToScene(QPointF(x, row)))
    return p.x(), p.y()


def strip_colour(view: TimelineView, year: int) -> QColor:
    """The plot's colour in the names' strip at 1 July of `year` (clear of the names)."""
    row = -0.5 - ERA_STRIP_PX / sizes.ROW_PX / 2
    x, y = viewport_point(view, view.scale.to_x(date(year, 7, 1)), row)
    return view.plot.grab().toImage().pixelColor(x, y)


def test_the_window_draws_the_files_eras_as_named_bands(opened):
    view = opened.timeline_view
    assert [e.label for e in opened.state.timeline.eras] == LABELS
    bands = view.eras.bands
    assert sorted(b.label for b in bands) == sorted(LABELS) and len(bands) == 3
    assert [b.shade for b in bands] == [0, 1, 0]
    drawn = [text for text, _, _ in view.eras.visible_labels()]
    # fitted to the events (602-698): the third era starts at the right edge, no room
    assert drawn == ["Era Test 600-650", "Era Test 650-700"]
    assert not any("era" in str(p).lower() for p in opened.state.timeline.problems)


def test_the_names_have_a_strip_of_their_own_above_the_rows(opened):
    view = opened.timeline_view
    lo_row = view.view_box.viewRange()[1][0]
    assert lo_row == pytest.approx(-0.5 - ERA_STRIP_PX / sizes.ROW_PX)
    _, strip_bottom = viewport_point(view, 0.0, -0.5)
    _, plot_top = viewport_point(view, 0.0, lo_row)
    assert strip_bottom - plot_top >= ERA_STRIP_PX - 1
    rows = [row for _, _, row, _, width, _, _ in view.frame.labels if width > 0]
    assert rows and min(rows) >= 0, "every title in a row, below the strip"


def test_the_bands_are_tinted_alternately_in_both_schemes(opened):
    view = opened.timeline_view
    for scheme, background in (("light", style.BACKGROUND), ("dark", QColor(DARK.background))):
        opened.apply_scheme(scheme)
        settle()
        first, second = strip_colour(view, 640), strip_colour(view, 680)
        assert first != QColor(background) and second != QColor(background), scheme
        assert first != second, scheme
    assert QColor(style.ERA).rgba() == QColor(DARK.era).rgba()


def test_a_timeline_without_eras_keeps_no_strip(qtbot):
    win = show_window(qtbot, MainWindow(load=None, state=TimelineState(make_timeline())))
    view = win.timeline_view
    assert view.eras.bands == [] and view.view_box.viewRange()[1][0] == pytest.approx(-0.5)


def test_an_exported_svg_names_the_eras_as_text(opened, tmp_path):
    out = export_svg(opened.state.timeline, tmp_path / "eras.svg")
    svg = out.read_text()
    assert ">Era Test 600-650</text>" in svg and ">Era Test 650-700</text>" in svg
    assert opened.export_image(tmp_path / "eras.png")
    assert (tmp_path / "eras.png").stat().st_size > 0


def test_the_summary_lists_the_eras():
    from timeline_app.model.summary import summarize

    lines = summarize(read_data_file(ERAS)).lines()
    at = lines.index("Eras (3):")
    assert lines[at + 1 : at + 4] == [
        "  Era Test 600-650 — 600 – 650",
        "  Era Test 650-700 — 650 – 700",
        "  Era Test 700-720 — 700 – 720",
    ]


def test_hovering_the_strip_shows_the_whole_name_and_dates_literally(qtbot):
    name = "The <b>long</b> period of many names & more"
    tl = Timeline(
        events=[
            Event("a", "First", FuzzyDate(2022, 4, 1)),
            Event("b", "Last", FuzzyDate(2022, 6, 1)),
        ],
        eras=[
            Era(name, FuzzyDate(2022, 4, 1).span_to(FuzzyDate(2022, 4, 6))),
            Era("Later", FuzzyDate(2022, 4, 7).span_to(FuzzyDate(2022, 6, 1))),
        ],
    )
    win = show_window(qtbot, MainWindow(load=None, state=TimelineState(tl)))
    view = win.timeline_view
    drawn = [text for text, _, _ in view.eras.visible_labels()]
    assert drawn[0].endswith("…") and drawn[1] == "Later", "narrow: the name is elided"
    row = -0.5 - ERA_STRIP_PX / sizes.ROW_PX / 2
    x, y = viewport_point(view, view.scale.to_x(date(2022, 4, 3)), row)
    qtbot.mouseMove(view.plot.viewport(), QPoint(x, y))
    qtbot.wait(50)  # pyqtgraph drops mouse moves closer than a screen refresh
    qtbot.mouseMove(view.plot.viewport(), QPoint(x + 1, y))
    settle()
    tip = shown(show_tip(view.plot.viewport(), QPoint(x + 1, y)))
    assert tip == f"{name}\n1 April 2022 – 6 April 2022"
