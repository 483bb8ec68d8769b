"""Text from documents and file names is shown literally in every widget, and loads nothing.

Qt renders a tooltip, a label or a message box as HTML when its text looks like HTML; an
`<img src=...>` in it is then read from disk (a title quoting `<img src="/dev/zero">` ate
all memory). The hostile timeline carries `<img src=PROBE> <a href="x">link</a> <b>bold</b>
&amp;` in every piece of text; each step below uses one part of the real window like a user
(tooltips are asked for with the event a hovering mouse sends) and then checks:

* the kernel saw no open of PROBE (inotify: Qt opens files in C++, where Python's `open`
  and audit hooks see nothing), and
* each place shows the text literally: read back as Qt shows it (rich text through
  QTextDocument, where a picture reads as U+FFFC and a link as its words), it contains the
  raw string — "<b>bold</b>" with its tags, "&amp;" as five characters.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMessageBox

from timeline_app.gui.export_dialog import ExportDialog
from timeline_app.gui.main_window import MainWindow, show_error
from timeline_app.gui.marks import marked_title
from timeline_app.gui.state import TimelineState
from timeline_app.model import Timeline

from .factories import make_hostile_timeline, markup
from .file_opens import FileOpens, can_watch
from .helpers import marker_viewport_pos, settle, show_window
from .readback import embedded, label_shows, show_tip, shown, without_mnemonics

Pairs = list[tuple[str, str]]  # (what a place shows, the raw text it must contain)


# -- a window on the hostile timeline ------------------------------------------------------
class _ViewOnlyProject:
    """What the Edit menu reads of a Project: the dialogs open; nothing is ever saved."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline, self.skipped, self.store = timeline, [], self

    def can_redo(self) -> bool:
        return False

    def edits(self) -> list:
        return []

    def close(self) -> None:
        pass


@pytest.fixture
def probe(tmp_path):
    """A real picture: if Qt took any text for HTML, it would open this file."""
    path = tmp_path / "probe.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(path))
    return path


@pytest.fixture
def opens(probe):
    if not can_watch():
        pytest.skip("watching file opens needs Linux inotify")
    watch = FileOpens(probe)
    yield watch
    watch.close()


@pytest.fixture
def hostile(qtbot, probe, opens, monkeypatch):
    timeline = make_hostile_timeline(probe)
    window = MainWindow(load=None, state=TimelineState(timeline))
    window.state.set_project(_ViewOnlyProject(timeline))
    show_window(qtbot, window)
    window.grab()  # paint everything once
    return SimpleNamespace(
        qtbot=qtbot, window=window, timeline=timeline, m=markup(probe), monkeypatch=monkeypatch
    )


def _doc_of(ctx, source):
    return ctx.timeline.documents[source.doc_id]


# -- the places, one step each -------------------------------------------------------------
def _event_list(ctx) -> Pairs:
    view, model = ctx.window.event_list, ctx.window.event_list.table_model
    pairs = []
    for row in range(model.rowCount()):
        event = ctx.window.state.store.event(int(model.order[row]))
        cell = model.index(row, 1)
        pairs += [
            (shown(show_tip(view.viewport(), view.visualRect(cell).center())), event.title),
            (shown(model.data(cell, Qt.ItemDataRole.ToolTipRole)), event.title),
            (model.data(cell, Qt.ItemDataRole.DisplayRole), event.title),
            (model.data(cell, Qt.ItemDataRole.AccessibleTextRole), event.title),
        ]
    return pairs


def _timeline_tooltips_and_labels(ctx) -> Pairs:
    view, pairs = ctx.window.timeline_view, []
    for event in ctx.timeline.events:
        pos = marker_viewport_pos(view, event.id)
        ctx.qtbot.wait(50)  # pyqtgraph drops mouse moves closer than a screen refresh
        ctx.qtbot.mouseMove(view.plot.viewport(), pos)
        settle()
        tip = shown(show_tip(view.plot.viewport(), pos))
        pairs += [(tip, event.title), *((tip, actor) for actor in event.actors)]
    titles = {e.id: marked_title(e) for e in ctx.timeline.events}  # ⚠ a disputed one
    drawn = view.labels.visible_labels()
    assert drawn
    # drawn with drawText (plain): what is drawn is the title itself, perhaps elided
    pairs += [(titles[event_id], text.removesuffix("…")) for event_id, text, _ in drawn]
    return pairs


def _lanes(ctx) -> Pairs:
    view, pairs = ctx.window.timeline_view, []
    for mode in ("outlet", "actor", "document"):
        ctx.window.state.set_lane_mode(mode)
        settle()
        ctx.window.grab()
        ticks = view.lane_axis._tickLevels[0]  # pyqtgraph keeps the ticks we set here
        names = [lane.name for lane in view.frame.lanes]
        assert len(ticks) == len(names) > 1
        pairs += [
            (name, text.removesuffix("…")) for name, (_, text) in zip(names, ticks, strict=True)
        ]
    assert any(ctx.m in name for name, _ in pairs)
    return pairs


def _detail_pane(ctx) -> Pairs:
    pane, pairs = ctx.window.detail_pane, []
    for event in ctx.timeline.events:
        ctx.window.state.select(event.id)
        settle()
        pane.grab()
        pairs.append((label_shows(pane.header), event.title))
        text = pane.plain_text()
        for i, source in enumerate(event.sources):
            doc = _doc_of(ctx, source)
            view = pane.tabs.widget(i)
            view.grab()
            assert not embedded(view.document())
            pairs += [
                (text, doc.text[source.start : source.end]),
                (text, source.date_text),
                (text, doc.title),
                (text, doc.outlet),
                (text, doc.id),
                *((text, note.text) for note in source.context),
                *((text, note.role) for note in source.context),
            ]
            tab = without_mnemonics(pane.tabs.tabText(i))
            assert tab.startswith(f"{i + 1}. ")
            pairs.append((doc.outlet, tab[3:].removesuffix("…")))
            bar = pane.tabs.tabBar()
            pairs.append((shown(show_tip(bar, bar.tabRect(i).center())), doc.title))
    return pairs


def _problems_panel(ctx) -> Pairs:
    panel, pairs = ctx.window.problems_panel, []
    panel.reveal()
    settle()
    ctx.window.grab()
    table, model = panel.table, panel.model
    for row, problem in enumerate(ctx.timeline.problems):
        for col, raw in enumerate((problem.path, problem.reason)):
            cell = model.index(row, col)
            pairs += [
                (shown(show_tip(table.viewport(), table.visualRect(cell).center())), raw),
                (model.data(cell, Qt.ItemDataRole.DisplayRole), raw),
            ]
    return pairs


def _open_dialog(ctx, action_name: str, event_id: str):
    ctx.window.state.select(event_id)
    settle()
    actions = ctx.window.edit_actions
    getattr(actions, action_name).trigger()
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    settle()
    dialog.grab()
    return dialog


def _labels_of(dialog) -> list[str]:
    return [label_shows(label) for label in dialog.findChildren(QLabel)]


def _rename_dialog(ctx) -> Pairs:
    event = ctx.timeline.event("h-met")
    dialog = _open_dialog(ctx, "rename_action", event.id)
    pairs = [(dialog.line_edit.text(), event.title)]  # a line edit: plain by nature
    dialog.reject()
    return pairs


def _date_dialog(ctx) -> Pairs:
    event = ctx.timeline.event("h-met")
    dialog = _open_dialog(ctx, "date_action", event.id)
    labels = "\n".join(_labels_of(dialog))
    dialog.reject()
    return [(labels, f"“{s.date_text}”") for s in event.sources]


def _merge_dialog(ctx) -> Pairs:
    event = ctx.timeline.event("h-met")
    dialog = _open_dialog(ctx, "merge_action", event.id)
    pairs = [("\n".join(_labels_of(dialog)), f"Merge into “{event.title}”")]
    tree = dialog.list
    for k in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(k)
        title = ctx.timeline.event(item.data(0, Qt.ItemDataRole.UserRole)).title
        rect = tree.visualItemRect(item)
        pos = QPoint(tree.columnViewportPosition(1) + 20, rect.center().y())
        pairs += [(item.text(1), title), (shown(show_tip(tree.viewport(), pos)), title)]
    dialog.reject()
    return pairs


def _publication_dialog(ctx) -> Pairs:
    event = ctx.timeline.event("h-met")
    dialog = _open_dialog(ctx, "published_action", event.id)
    labels = "\n".join(_labels_of(dialog))
    dialog.reject()
    return [(labels, f"“{_doc_of(ctx, event.sources[0]).title}”")]


def _find_bar(ctx) -> Pairs:
    bar, store = ctx.window.find_bar, ctx.window.state.store
    pairs = []
    for combo, names in ((bar.outlet, store.outlets.names), (bar.actor, store.actors.names)):
        items = "\n".join(combo.itemText(k) for k in range(combo.count()))
        pairs += [(items, name) for name in names]
    bar.search.setText("<b>bold</b>")
    bar.search.returnPressed.emit()
    settle()
    ctx.window.grab()
    pairs.append((label_shows(bar.match_label), "1 of 4 matches"))
    return pairs


def _status_bar(ctx) -> Pairs:
    status = ctx.window.folder_loader.status
    folder, current = f"{ctx.m} folder", f"news/{ctx.m}.html"
    status.begin(f"Opening {folder}…")
    settle()
    ctx.window.grab()
    pairs = [(label_shows(status.label), f"Opening {folder}…")]
    status.set_progress(1, 2, current)
    settle()
    ctx.window.grab()
    label = status.file_label
    pairs += [
        (label_shows(label), label.text()),  # the name, elided in the middle
        (shown(show_tip(label, label.rect().center())), current),
    ]
    ctx.window.statusBar().showMessage(f"Could not read {folder} again", 8000)  # painted
    pairs.append((ctx.window.statusBar().currentMessage(), folder))
    status.end()
    return pairs


def _window_title(ctx) -> Pairs:
    return [(ctx.window.windowHandle().title(), f"{ctx.timeline.name} — Timeline")]


def _error_box(ctx) -> Pairs:
    boxes = []

    def exec_(box):  # shown, painted, closed: exec() would wait for a click
        box.show()
        settle()
        box.grab()
        boxes.append(box)
        box.close()

    ctx.monkeypatch.setattr(QMessageBox, "exec", exec_)
    text = f"Could not read the articles in\n{ctx.m}"
    show_error(ctx.window, "Could not open folder", text)
    (box,) = boxes
    return [(shown(box.text(), box.textFormat()), text)]


def _export_dialog(ctx) -> Pairs:
    dialog = ExportDialog(ctx.window.state, ctx.timeline.name, None, ctx.window)
    ctx.qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_from.setText(ctx.m)  # typed: the problem quotes it
    dialog.update_preview()
    settle()
    dialog.grab()
    pairs = [(label_shows(dialog.problem), ctx.m)]
    dialog.close()
    return pairs


STEPS: list[Callable[[SimpleNamespace], Pairs]] = [
    _event_list,
    _timeline_tooltips_and_labels,
    _lanes,
    _detail_pane,
    _problems_panel,
    _rename_dialog,
    _date_dialog,
    _merge_dialog,
    _publication_dialog,
    _find_bar,
    _status_bar,
    _window_title,
    _error_box,
    _export_dialog,
]


@pytest.mark.parametrize("step", STEPS, ids=lambda f: f.__name__.strip("_"))
def test_document_text_is_shown_literally_and_loads_nothing(hostile, opens, step):
    pairs = step(hostile)
    settle()
    assert opens.take() == 0, "Qt opened the <img> file: some text was rendered as HTML"
    assert pairs
    for shows, raw in pairs:
        assert raw in shows, f"{raw!r} is not shown literally; shown: {shows!r}"
