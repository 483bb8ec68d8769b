"""Rendering the whole timeline to an image without a window (used by the PNG export)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from timeline_app.model import Timeline

from . import style
from .display import use_offscreen_if_headless
from .state import TimelineState
from .timeline_view import TimelineView

__all__ = ["ensure_app", "render_timeline"]

_MIN_ROWS = 4


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QApplication.instance()
    if app is None:
        use_offscreen_if_headless()
        _drop_qt_noise()
        app = QApplication(sys.argv[:1] or ["timeline-app"])
    return app  # type: ignore[return-value]


def _drop_qt_noise() -> None:
    """Silence the offscreen plugin's harmless propagateSizeHints warning on the CLI."""
    previous = None

    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def render_timeline(timeline: Timeline, width: int, height: int | None = None) -> QImage:
    """Draw every event with the window's own `TimelineView`, fitted to all events.

    With no `height`, the image is as tall as the rows the labels need at this width.
    The image is exactly `width` × height pixels whatever the screen's pixel ratio.
    """
    app = ensure_app()
    state = TimelineState(timeline)
    view = TimelineView(state, note=caption(timeline))
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    try:
        view.resize(width, height or 600)
        view.show()
        _settle(app, view)
        if height is None:
            chrome = view.height() - view.view_box.height()
            rows = max(view.rows_needed(), _MIN_ROWS)
            view.resize(width, int(chrome + rows * style.ROW_PX + style.ROW_PX // 2))
            _settle(app, view)
        image = QImage(view.width(), view.height(), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(1.0)  # exactly `width` pixels, whatever the screen
        image.fill(style.BACKGROUND)
        view.render(image)
        return image
    finally:
        view.close()
        view.deleteLater()
        state.deleteLater()


def caption(timeline: Timeline) -> str:
    """What the exported picture shows: corpus name, event count and date range."""
    events = timeline.events
    parts = [timeline.name] if timeline.name else []
    parts.append(f"{len(events)} event{'s' if len(events) != 1 else ''}")
    if events:
        first = min(e.date.start for e in events)
        last = max(e.date.end for e in events)
        parts.append(f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}")
    return "  ·  ".join(parts)


def _settle(app: QApplication, view: TimelineView) -> None:
    """Let Qt lay out the widget, then fit the range (which needs the real plot size)."""
    app.processEvents()
    view.zoom_to_fit()
    app.processEvents()
