"""PNG export: exact width, all events drawn, labels and axis visible, no window needed.

More on pictures and data formats in tests/render/ and tests/formats/, on the export dialog
in test_export_dialog.py."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from timeline_app.plan.scene import layout_scene
from timeline_app.render import ImageOptions, Subject, export_png
from timeline_app.render.image import scene_spec
from timeline_app.render.painter import Fonts

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


def test_export_draws_every_label_and_the_axis_where_its_scene_puts_them(qtbot, tmp_path):
    timeline = make_timeline()
    image = QImage(str(export_png(timeline, tmp_path / "t.png", width=1600, height=500)))
    assert (image.width(), image.height()) == (1600, 500)
    # The scene the export laid out says where each label and the axis are.
    fonts = Fonts()
    spec = scene_spec(Subject.of(timeline), ImageOptions(), 1600, 500)
    scene = layout_scene(spec, fonts.measure)
    assert len(scene.labels) == len(timeline.events)
    h = fonts.metrics["label"].height()
    for _, x, row, width, _, _ in scene.labels:
        y = scene.row_y(row)
        assert non_background(image, int(x), int(y - h / 2), int(x + width), int(y + h / 2)) > 10
    bottom = int(scene.plot[3])
    assert non_background(image, 0, bottom + 8, 1600, bottom + 30) > 50  # tick labels


def test_export_rejects_a_tiny_image(tmp_path):
    with pytest.raises(ValueError):
        export_png(make_timeline(), tmp_path / "t.png", width=50)


def test_export_reports_an_unwritable_path(qtbot, tmp_path):
    with pytest.raises(OSError):
        export_png(make_timeline(), tmp_path / "missing" / "t.png")
