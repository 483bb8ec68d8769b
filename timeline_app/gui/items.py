"""Plot items that draw all visible events in one pass each (one item per layer).

Both items keep their data in plot coordinates (x in days, y in rows) as numpy arrays and
paint in device pixels, so markers keep a fixed size and text stays crisp at any zoom.
The view hands them only what is visible, so painting costs what the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from ..plan import sizes
from ..plan.rows import LABEL_GAP, MIN_BAR, MIN_LABEL
from ..render import style

__all__ = ["Label", "LabelsItem", "MarksItem"]


@dataclass(frozen=True, slots=True)
class Label:
    """A label `dx` px right of `anchor_x`, at most `width` px wide; `inside` a bar ending
    at `bar_end` (then it slides right while the bar's start is scrolled out of view)."""

    index: int
    anchor_x: float
    row: int
    dx: float
    width: float
    text: str
    inside: bool = False
    bar_end: float = 0.0


class HoverTips:
    """Shared tooltip handling for the plot's items: the view box shows the tip of the
    thing under the mouse, and clears it on leaving only if this item set it."""

    tip: Callable[[int], str] = staticmethod(lambda i: "")
    _tip_shown = False

    def show_tip(self, text: str | None) -> None:
        """Show `text` (a tooltip, already made: `plain.tooltip`), or None: nothing here."""
        vb = self.getViewBox()  # type: ignore[attr-defined]
        if vb is None:
            return
        if text is not None:
            vb.setToolTip(text)
            self._tip_shown = True
        elif self._tip_shown:
            vb.setToolTip("")
            self._tip_shown = False

    def _hover(self, ev, index: int | None) -> None:
        self.show_tip(None if index is None else self.tip(index))


class MarksItem(HoverTips, pg.GraphicsObject):
    """Day events as dots, month/year events as hatched bars over their interval.

    Inferred dates get a hollow dot or a dashed bar; planned events (a plan or forecast,
    not a fact) a violet diamond, or a violet bar with a diamond at its start; the selected
    event a ring (or an orange bar) and search matches a yellow halo; events the user hid
    (drawn only when hidden events are shown) are faded.

    Signals:
        clicked(int): the store index of the event whose marker was clicked.
    """

    clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.index = np.zeros(0, np.int64)
        self._x0 = self._x1 = self._y = np.zeros(0)
        self._point = self._inferred = self._planned = np.zeros(0, bool)
        self._match = self._faded = np.zeros(0, bool)
        self._selected: int | None = None
        self._bounds = QRectF()

    def set_marks(
        self,
        index: np.ndarray,
        x0: np.ndarray,
        x1: np.ndarray,
        y: np.ndarray,
        point: np.ndarray,
        inferred: np.ndarray,
        bounds: QRectF,
        *,
        faded: np.ndarray | None = None,
        planned: np.ndarray | None = None,
    ) -> None:
        self.prepareGeometryChange()
        self.index, self._x0, self._x1, self._y = index, x0, x1, y
        self._point, self._inferred = point, inferred
        none = np.zeros(len(index), bool)
        self._faded = faded if faded is not None else none
        self._planned = planned if planned is not None else none
        self._match = np.zeros(len(index), bool)
        self._bounds = bounds
        self.update()

    def set_highlights(self, selected: int | None, matches: np.ndarray) -> None:
        self._selected = selected
        self._match = (
            np.isin(self.index, matches) if len(matches) else np.zeros(len(self.index), bool)
        )
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def device_rects(self, tr) -> np.ndarray:
        """(left, top, right, bottom) in device px of each mark under transform `tr`."""
        sx, dx, sy, dy = tr.m11(), tr.m31(), tr.m22(), tr.m32()
        r = sizes.POINT_PX / 2
        mid = (self._x0 + self._x1) / 2 * sx + dx
        left = np.where(self._point, mid - r, self._x0 * sx + dx)
        right = np.where(self._point, mid + r, np.maximum(self._x1 * sx + dx, left + MIN_BAR))
        cy = self._y * sy + dy
        half = np.where(self._point, r, sizes.BAR_PX / 2)
        return np.stack([left, cy - half, right, cy + half], axis=1)

    def paint(self, p: QPainter, *args) -> None:
        vb = self.getViewBox()
        if vb is None or not len(self.index):
            return
        tr = p.transform()
        view = tr.mapRect(vb.viewRect())
        p.resetTransform()
        rects = self.device_rects(tr)
        lo, hi = view.left() - 10, view.right() + 10
        rects[:, 0] = np.maximum(rects[:, 0], lo)
        rects[:, 2] = np.minimum(rects[:, 2], hi)
        hatch = {False: style.hatch_brush(), True: style.planned_hatch_brush()}
        fill = {False: style.APPROX_FILL, True: style.PLANNED_FILL}
        pens = {b: style.point_pen(b) for b in (False, True)}
        brushes = {b: style.point_brush(b) for b in (False, True)}
        halo = QColor(255, 214, 0, 170)
        for k in np.flatnonzero(self._match):
            x0, y0, x1, y1 = rects[k]
            p.fillRect(QRectF(x0 - 4, y0 - 4, x1 - x0 + 8, y1 - y0 + 8), halo)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # pixel-aligned rects
        for k in np.flatnonzero(~self._point):  # bars first: dots stay on top
            x0, y0, x1, y1 = rects[k]
            rect = QRectF(round(x0) + 0.5, round(y0) + 0.5, round(x1 - x0), sizes.BAR_PX)
            selected = self.index[k] == self._selected
            planned, inferred = bool(self._planned[k]), bool(self._inferred[k])
            p.setOpacity(sizes.FADED_OPACITY if self._faded[k] else 1.0)
            p.fillRect(rect, style.SELECTED_BG if selected else fill[planned])
            p.fillRect(rect, hatch[planned])
            p.setPen(
                style.planned_pen(inferred, dashed=True)
                if planned and not selected
                else style.bar_pen(inferred, selected)
            )
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for k in np.flatnonzero(~self._point & self._planned):  # a diamond where bars start
            p.setOpacity(sizes.FADED_OPACITY if self._faded[k] else 1.0)
            c = QPointF(max(rects[k, 0], view.left()), (rects[k, 1] + rects[k, 3]) / 2)
            style.draw_planned(p, c, bool(self._inferred[k]))
        r = sizes.POINT_PX / 2
        for k in np.flatnonzero(self._point):
            inferred = bool(self._inferred[k])
            p.setOpacity(sizes.FADED_OPACITY if self._faded[k] else 1.0)
            c = QPointF((rects[k, 0] + rects[k, 2]) / 2, (rects[k, 1] + rects[k, 3]) / 2)
            if self._planned[k]:
                style.draw_planned(p, c, inferred)
            else:
                p.setPen(pens[inferred])
                p.setBrush(brushes[inferred])
                p.drawEllipse(c, r, r)
            if self.index[k] == self._selected:
                p.setPen(style.selection_pen())
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(c, r + 4, r + 4)
        p.setOpacity(1.0)

    def index_at(self, pos: QPointF) -> int | None:
        """The store index of the mark under `pos` (item coordinates), nearest first."""
        if not len(self.index):
            return None
        tr = self.deviceTransform_()
        if tr is None:
            return None
        rects = self.device_rects(tr)
        d = tr.map(pos)
        hit = (
            (rects[:, 0] - 2 <= d.x())
            & (d.x() <= rects[:, 2] + 2)
            & (rects[:, 1] - 2 <= d.y())
            & (d.y() <= rects[:, 3] + 2)
        )
        if not hit.any():
            return None
        ks = np.flatnonzero(hit)
        centre = (rects[ks, 0] + rects[ks, 2]) / 2
        # dots win over bars, then the closest centre
        k = ks[np.lexsort((np.abs(centre - d.x()), ~self._point[ks]))[0]]
        return int(self.index[k])

    def mouseClickEvent(self, ev) -> None:  # pyqtgraph override
        index = self.index_at(ev.pos()) if ev.button() == Qt.MouseButton.LeftButton else None
        if index is None:
            ev.ignore()
            return
        ev.accept()
        self.clicked.emit(index)

    def hoverEvent(self, ev) -> None:  # pyqtgraph override
        self._hover(ev, None if ev.isExit() else self.index_at(ev.pos()))


class LabelsItem(HoverTips, pg.GraphicsObject):
    """The titles the label placement allowed, elided to the room each was given."""

    def __init__(self) -> None:
        super().__init__()
        self._labels: list[Label] = []
        self._faded: frozenset[int] = frozenset()
        self._selected: int | None = None
        self._bounds = QRectF()
        self._font = style.label_font()
        self._metrics = QFontMetricsF(self._font)
        self._widths: dict[str, float] = {}
        self._drawn: list[tuple[Label, str, QRectF]] = []
        self.id_of: Callable[[int], str] = str

    def set_labels(
        self, labels: list[Label], bounds: QRectF, *, faded: frozenset[int] = frozenset()
    ) -> None:
        """`faded`: store indices of hidden events, whose titles are drawn muted."""
        self.prepareGeometryChange()
        self._labels = labels
        self._faded = faded
        if len(self._widths) > 20000:
            self._widths.clear()
        self._bounds = bounds
        self.update()

    def set_selected(self, index: int | None) -> None:
        self._selected = index
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def visible_labels(self) -> list[tuple[str, str, QRectF]]:
        """(event id, text as drawn, scene rectangle) of each label now shown."""
        vb = self.getViewBox()
        if vb is None:
            return []
        view = self.mapRectToScene(vb.viewRect())
        return [
            (self.id_of(lb.index), text, rect)
            for lb, text, rect in self._place(self.sceneTransform(), view)
        ]

    def _place(self, tr, view: QRectF) -> list[tuple[Label, str, QRectF]]:
        """Each drawable label with its elided text and rectangle, in `tr`'s coordinates."""
        out = []
        height = self._metrics.height()
        for lb in self._labels:
            if lb.width <= 0:
                continue
            anchor = tr.map(QPointF(lb.anchor_x, lb.row))
            start, end = anchor.x() + lb.dx, anchor.x() + lb.dx + lb.width
            if lb.inside and start < view.left() + LABEL_GAP:
                bar_end = tr.map(QPointF(lb.bar_end, lb.row)).x() - LABEL_GAP
                start = view.left() + LABEL_GAP
                end = max(end, min(start + lb.width, bar_end))
            end = min(end, view.right() - 2)
            if end <= view.left() or start >= view.right():
                continue
            full = self._text_width(lb.text)
            if end - start < min(MIN_LABEL, full):
                continue
            if full <= end - start + 1:  # elidedText cuts text that fits to the last pixel
                text, width = lb.text, full
            else:
                text = self._metrics.elidedText(lb.text, Qt.TextElideMode.ElideRight, end - start)
                width = self._metrics.horizontalAdvance(text)
            out.append((lb, text, QRectF(start, anchor.y() - height / 2, width, height)))
        return out

    def _text_width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def paint(self, p: QPainter, *args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        tr = p.transform()
        view = tr.mapRect(vb.viewRect())
        p.resetTransform()
        p.setFont(self._font)
        halo = style.HALO
        self._drawn = self._place(tr, view)
        for lb, text, rect in self._drawn:
            if lb.index == self._selected:
                p.fillRect(rect.adjusted(-3, -1, 3, 1), style.SELECTED_BG)
            elif lb.inside:
                p.fillRect(rect.adjusted(-2, 0, 2, 0), halo)
            p.setPen(style.MUTED if lb.index in self._faded else style.TEXT)
            p.drawText(
                rect,
                Qt.AlignmentFlag.AlignVCenter
                | Qt.AlignmentFlag.AlignLeft
                | Qt.TextFlag.TextDontClip,
                text,
            )

    def label_at(self, pos: QPointF) -> int | None:
        """The store index of the label under `pos` (item coordinates)."""
        tr = self.deviceTransform_()
        vb = self.getViewBox()
        if tr is None or vb is None:
            return None
        d = tr.map(pos)
        for lb, _, rect in self._place(tr, tr.mapRect(vb.viewRect())):
            if rect.contains(d):
                return lb.index
        return None

    def hoverEvent(self, ev) -> None:  # pyqtgraph override: full title of elided labels
        self._hover(ev, None if ev.isExit() else self.label_at(ev.pos()))
