"""The window's side: File › Export… with its preview, Export data…, Ctrl+C, data files."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from timeline_app.formats import read_data_file
from timeline_app.gui.export_dialog import ExportDialog, render_preview, subject_of_state
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState

DATA = Path(__file__).parents[1] / "formats" / "data"


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def shown_window(qtbot, timeline) -> MainWindow:
    win = MainWindow(load=None, state=TimelineState(timeline))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle()
    win.timeline_view.zoom_to_fit()
    settle()
    return win


def test_dialog_previews_and_exports_each_format(qtbot, corpus, tmp_path):
    state = TimelineState(corpus)
    dialog = ExportDialog(state, corpus.name, tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.preview.pixmap().isNull()
    for k, fmt in enumerate(("png", "svg", "pdf")):
        dialog.format.setCurrentIndex(k)
        assert dialog.fmt == fmt
        dialog.update_preview()
        assert dialog.export_button.isEnabled()
        assert dialog.export_to(tmp_path / "out")
        assert dialog.written == tmp_path / f"out.{fmt}" and dialog.written.stat().st_size > 500
    assert dialog.page.isEnabled() and not dialog.dpi.isEnabled()  # PDF options for a PDF


def test_dialog_date_range_and_bad_dates(qtbot, corpus, tmp_path):
    dialog = ExportDialog(TimelineState(corpus), corpus.name, tmp_path)
    qtbot.addWidget(dialog)
    dialog.date_from.setText("2023")
    dialog.date_to.setText("2023-02")
    assert dialog.dates.isChecked()
    options = dialog.options()
    assert (options.start.isoformat(), options.end.isoformat()) == ("2023-01-01", "2023-02-28")
    dialog.date_to.setText("February")
    dialog.update_preview()
    assert "not a date" in dialog.problem.text() and not dialog.export_button.isEnabled()


def test_preview_follows_the_theme(qtbot, corpus):
    subject = subject_of_state(TimelineState(corpus), corpus.name)
    from timeline_app.render import ImageOptions

    light = render_preview(subject, ImageOptions(), "png", 400)
    dark = render_preview(subject, ImageOptions(theme="dark"), "png", 400)
    assert light.width() == dark.width() == 400
    assert light.pixelColor(1, 1).lightness() > dark.pixelColor(1, 1).lightness() + 150


def test_visible_range_exports_what_is_on_screen(qtbot, corpus, tmp_path):
    win = shown_window(qtbot, corpus)
    view = win.timeline_view
    view.zoom_to(
        view.state.store.to_x(corpus.events[0].date.start) - 5,
        view.state.store.to_x(corpus.events[1].date.end) + 40,
    )
    settle()
    dialog = ExportDialog(win.state, corpus.name, tmp_path)
    qtbot.addWidget(dialog)
    dialog.visible.setChecked(True)
    dialog.format.setCurrentIndex(1)  # SVG
    assert dialog.options().x_range == win.state.view_range
    assert dialog.export_to(tmp_path / "visible.svg")
    svg = (tmp_path / "visible.svg").read_text()
    assert "Riots started in Kazakhstan" in svg and "Tokayev made" not in svg


def test_ctrl_c_in_the_timeline_copies_the_view_as_an_image(qtbot, corpus):
    win = shown_window(qtbot, corpus)
    QApplication.clipboard().clear()
    win.timeline_view.plot.setFocus()
    qtbot.keyClick(win.timeline_view.plot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    image = QApplication.clipboard().image()
    assert not image.isNull()
    ratio = win.timeline_view.devicePixelRatioF()
    assert abs(image.width() - win.timeline_view.width() * ratio) <= 2


def test_window_exports_data(qtbot, corpus, tmp_path):
    win = shown_window(qtbot, corpus)
    assert win.export_data_action.isEnabled()
    assert win.export_data(tmp_path / "t.json", "timelinejs")
    doc = json.loads((tmp_path / "t.json").read_text())
    assert len(doc["events"]) == len(corpus.events)
    assert win.export_data(tmp_path / "t.ics", "ics")
    assert (tmp_path / "t.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_window_opens_a_timelinejs_file_and_shows_a_slide(qtbot, tmp_path):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.state.timeline_changed, timeout=10_000):
        assert win.open_file(DATA / "with-times.json")
    qtbot.waitUntil(lambda: not win.folder_loader.busy, timeout=10_000)
    assert win.state.timeline.name == "The Minsk summit, hour by hour"
    assert len(win.state.store) == 3
    win.state.select("press")
    settle()
    text = win.detail_pane.plain_text()
    assert "Press conference" in text and "We are prepared for this." in text


def test_detail_pane_copes_with_events_without_sources(qtbot, tmp_path):
    records = [
        {
            "id": "a",
            "title": "No source at all",
            "date": "2023-05",
            "precision": "month",
            "part": None,
            "inferred": False,
            "edited": [],
            "actors": [],
            "sources": [],
        }
    ]
    path = tmp_path / "bare.json"
    path.write_text(json.dumps(records))
    timeline = read_data_file(path)
    assert timeline.events[0].sources == []
    win = shown_window(qtbot, timeline)
    win.state.select_index(0)
    settle()
    assert "No source at all" in win.detail_pane.plain_text()
    svg = tmp_path / "bare.svg"
    from timeline_app.render import export_image

    assert "No source at all" in export_image(timeline, svg).read_text()
