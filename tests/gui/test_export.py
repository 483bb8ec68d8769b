"""PNG export: exact width, all events drawn, labels and axis visible, no window needed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from timeline_app.export import export_png
from timeline_app.gui.state import TimelineState
from timeline_app.gui.timeline_view import TimelineView

from .conftest import settle
from .factories import make_timeline


def non_background(image: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    bg = image.pixel(0, image.height() // 2)
    return sum(image.pixel(x, y) != bg for x in range(x0, x1, 2) for y in range(y0, y1, 2))


def test_export_png_is_exactly_as_wide_as_asked_and_not_blank(qtbot, tmp_path):
    out = export_png(make_timeline(), tmp_path / "t.png", width=1600)
    assert out == tmp_path / "t.png"
    image = QImage(str(out))
    assert image.width() == 1600
    assert image.height() > 200
    colours = {image.pixel(x, y) for x in range(0, 1600, 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 20
    assert non_background(image, 0, 0, 1600, image.height()) > 2000


def test_export_draws_labels_and_axis_where_the_view_puts_them(qtbot, tmp_path):
    timeline = make_timeline()
    image = QImage(str(export_png(timeline, tmp_path / "t.png", width=1600, height=500)))
    assert (image.width(), image.height()) == (1600, 500)
    # A view of the same size lays labels out exactly as the export did.
    view = TimelineView(TimelineState(timeline))
    qtbot.addWidget(view)
    view.resize(1600, 500)
    view.show()
    settle()
    view.zoom_to_fit()
    settle()
    offset = view.plot.mapTo(view, view.plot.rect().topLeft())
    labels = view.labels.visible_labels()
    assert len(labels) == len(timeline.events)
    for _, _, rect in labels:
        r = view.plot.mapFromScene(rect).boundingRect().translated(offset)
        assert non_background(image, r.left(), r.top(), r.right(), r.bottom()) > 10
    axis = view.axis.mapRectToScene(view.axis.boundingRect())
    top = int(axis.top()) + offset.y()
    assert non_background(image, 0, top + 8, 1600, top + 30) > 50  # tick labels


def test_export_rejects_a_tiny_image(tmp_path):
    with pytest.raises(ValueError):
        export_png(make_timeline(), tmp_path / "t.png", width=50)


def test_export_reports_an_unwritable_path(qtbot, tmp_path):
    with pytest.raises(OSError):
        export_png(make_timeline(), tmp_path / "missing" / "t.png")
