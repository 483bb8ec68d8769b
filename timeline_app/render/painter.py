"""Drawing a laid-out `Scene` with a QPainter, on any paint device (QImage, SVG, PDF).

One function draws every kind of picture, so PNG, SVG and PDF look alike. Text is always
`drawText` (never a path or a bitmap), so SVG and PDF keep the titles as searchable text;
shapes are plain rectangles, ellipses and lines, which every device writes as vectors.
Marks and labels follow the window's items (gui/items.py): points for days, hatched bars
for months and years, hollow or dashed for inferred dates, violet diamonds (and violet bars
starting at one) for planned events; eras are tinted bands behind them all, each named in
the strip above the rows (gui/era_bands.py).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from ..plan import sizes
from ..plan.eras import label_room
from ..plan.palette import Theme
from ..plan.scene import LEGEND_GAP, LEGEND_SAMPLE, STRIP_WORDS, Scene, legend_keys
from . import style

__all__ = ["Fonts", "paint_scene"]

_SAMPLE_W = LEGEND_SAMPLE
_BUBBLE_H = 16.0


def _font(px: int, *, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(px)  # pixels, not points: the same size on a PNG, an SVG and a PDF
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # device-free widths
    for tag in ("liga", "clig"):  # no "ﬃ" glyphs: searching a PDF for "office" must find it
        font.setFeature(QFont.Tag(tag), 0)
    return font


class Fonts:
    """The picture's fonts and their metrics (the layout measures labels with `label`)."""

    def __init__(self) -> None:
        self.title, self.label = _font(17, bold=True), _font(12)
        self.small, self.lane = _font(11), _font(12, bold=True)
        self.era = _font(11, bold=True)
        self.metrics = {
            k: QFontMetricsF(getattr(self, k)) for k in ("title", "label", "small", "lane", "era")
        }

    def measure(self, texts: list[str]) -> np.ndarray:
        m = self.metrics["label"]
        return np.array([m.horizontalAdvance(t) for t in texts], np.float64)

    def measure_tick(self, text: str) -> float:
        """An axis label's width in the font `_axis` draws it with."""
        return float(self.metrics["small"].horizontalAdvance(text))


def paint_scene(p: QPainter, scene: Scene, theme: Theme, fonts: Fonts) -> None:
    """Draw `scene` with its top-left corner at the painter's origin."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.fillRect(QRectF(0, 0, scene.width, scene.height), QColor(theme.background))
    _title(p, scene, theme, fonts)
    _legend(p, scene, theme, fonts)
    _lanes(p, scene, theme, fonts)
    _eras(p, scene, theme, fonts)
    _grid(p, scene, theme)
    _strips(p, scene, theme, fonts)
    _marks(p, scene, theme)
    _labels(p, scene, theme, fonts)
    _axis(p, scene, theme, fonts)


def _text(p: QPainter, x: float, baseline: float, text: str, color: str, font: QFont) -> None:
    p.setFont(font)
    p.setPen(QColor(color))
    p.drawText(QPointF(x, baseline), text)


def _title(p: QPainter, s: Scene, t: Theme, f: Fonts) -> None:
    g = s.geometry
    base = g.margin + f.metrics["title"].ascent()
    sub_w = f.metrics["small"].horizontalAdvance(s.subtitle)
    room = s.width - 2 * g.margin - sub_w - 24
    title = f.metrics["title"].elidedText(s.title, Qt.TextElideMode.ElideRight, max(room, 40))
    _text(p, g.margin, base, title, t.text, f.title)
    _text(p, s.width - g.margin - sub_w, base, s.subtitle, t.muted, f.small)


def _legend(p: QPainter, s: Scene, t: Theme, f: Fonts) -> None:
    g = s.geometry
    cy = g.margin + g.title_h + g.legend_h / 2 - 2
    samples = {
        "exact day": _key_day,
        "month / year (approximate)": _key_bar,
        "date inferred from context": _key_inferred,
        sizes.PLANNED_WORDS: _key_planned,
        STRIP_WORDS: _key_strip,
    }
    x = g.margin
    m = f.metrics["small"]
    for text in legend_keys(s):
        samples[text](p, x, cy, t)
        x += _SAMPLE_W + 6
        _text(p, x, cy + m.ascent() / 2 - 1, text, t.muted, f.small)
        x += m.horizontalAdvance(text) + LEGEND_GAP


def _pen(color: str, width: float, dashed: bool = False) -> QPen:
    pen = QPen(QColor(color), width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _dot(p: QPainter, c: QPointF, t: Theme, inferred: bool) -> None:
    p.setPen(_pen(t.event, 2.0 if inferred else 1.0))
    p.setBrush(QColor(t.background) if inferred else QColor(t.event))
    r = sizes.POINT_PX / 2
    p.drawEllipse(c, r, r)


def _bar(p: QPainter, rect: QRectF, t: Theme, inferred: bool, planned: bool = False) -> None:
    p.fillRect(rect, QColor(t.planned_fill if planned else t.approx_fill))
    p.fillRect(
        rect, QBrush(QColor(t.planned_hatch if planned else t.hatch), Qt.BrushStyle.BDiagPattern)
    )
    p.setPen(_pen(t.planned if planned else t.event, 1.2, inferred))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect)


def _diamond(p: QPainter, c: QPointF, t: Theme, inferred: bool) -> None:
    """The planned mark, as the window draws it (style.py `draw_planned`)."""
    p.setPen(_pen(t.planned, 2.0 if inferred else 1.2))
    p.setBrush(QColor(t.background) if inferred else QColor(t.planned))
    p.drawPolygon(style.diamond(c, sizes.DIAMOND_R))


def _key_day(p: QPainter, x: float, cy: float, t: Theme) -> None:
    _dot(p, QPointF(x + _SAMPLE_W / 2, cy), t, False)


def _key_bar(p: QPainter, x: float, cy: float, t: Theme) -> None:
    _bar(p, QRectF(x, cy - sizes.BAR_PX / 2, _SAMPLE_W, sizes.BAR_PX), t, False)


def _key_inferred(p: QPainter, x: float, cy: float, t: Theme) -> None:
    r = sizes.POINT_PX / 2
    _dot(p, QPointF(x + r + 1, cy), t, True)
    p.setPen(_pen(t.event, 1.2, True))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(x + 2 * r + 5, cy - sizes.BAR_PX / 2, _SAMPLE_W - 2 * r - 5, sizes.BAR_PX))


def _key_planned(p: QPainter, x: float, cy: float, t: Theme) -> None:
    r = sizes.DIAMOND_R
    _bar(p, QRectF(x + r, cy - sizes.BAR_PX / 2, _SAMPLE_W - r, sizes.BAR_PX), t, False, True)
    _diamond(p, QPointF(x + r, cy), t, False)


def _key_strip(p: QPainter, x: float, cy: float, t: Theme) -> None:
    for k in range(6):
        color = QColor(t.event)
        color.setAlphaF(0.2 + 0.14 * k)
        p.fillRect(
            QRectF(x + k * _SAMPLE_W / 6, cy - sizes.BAR_PX / 2, _SAMPLE_W / 6, sizes.BAR_PX), color
        )


def _lanes(p: QPainter, s: Scene, t: Theme, f: Fonts) -> None:
    if len(s.lanes) <= 1:
        return
    g = s.geometry
    left, top, right, _ = s.plot
    m = f.metrics["lane"]
    for k, (name, first, rows) in enumerate(s.lanes):
        y0 = top + g.pad + first * g.row_px if k else top
        y1 = top + g.pad + (first + rows) * g.row_px
        if k == len(s.lanes) - 1:
            y1 += g.pad
        if k % 2:
            p.fillRect(QRectF(g.margin, y0, right - g.margin, y1 - y0), QColor(t.band))
        if k:
            p.setPen(_pen(t.rule, 1.0))
            p.drawLine(QPointF(g.margin, y0), QPointF(right, y0))
        text = m.elidedText(name, Qt.TextElideMode.ElideRight, g.lane_header_w - 14)
        _text(p, g.margin + 4, (y0 + y1) / 2 + m.ascent() / 2 - 1, text, t.text, f.lane)


def _eras(p: QPainter, s: Scene, t: Theme, f: Fonts) -> None:
    """Each era's tint from its names' strip down to the axis, then its name in the strip,
    cut at its end or the next era's start."""
    if not s.eras:
        return
    bottom = s.plot[3]
    left, _, right, _ = s.plot
    tint = QColor(t.era)
    for _, x0, x1, shade, _, milestone in s.eras:
        if milestone:
            p.setPen(_pen(t.era_text, 1.5, dashed=True))
            p.drawLine(QPointF(x0, s.era_top), QPointF(x0, bottom))
        else:
            rect = QRectF(x0, s.era_top, x1 - x0, bottom - s.era_top)
            p.fillRect(rect, style.era_tint(tint, shade))
    m = f.metrics["era"]
    baseline = s.era_top + (s.geometry.era_h + m.ascent() - m.descent()) / 2
    for name, x0, _, _, label_end, _ in s.eras:
        start, end = label_room(x0, label_end, left, right)
        if end <= start or not name:
            continue
        text = m.elidedText(name, Qt.TextElideMode.ElideRight, end - start)
        if text and text != "…":
            _text(p, start, baseline, text, t.era_text, f.era)


def _grid(p: QPainter, s: Scene, t: Theme) -> None:
    _, top, _, bottom = s.plot
    for ticks, color in ((s.ticks.fine, t.grid), (s.ticks.coarse, t.grid_strong)):
        p.setPen(_pen(color, 1.0))
        for x, _ in ticks:
            px = s.x_px(x)
            p.drawLine(QPointF(px, top), QPointF(px, bottom))


def _strips(p: QPainter, s: Scene, t: Theme, f: Fonts) -> None:
    left, _, right, _ = s.plot
    top_count = max((int(c.max()) for _, _, _, c, _ in s.strips if len(c)), default=1)
    scale = np.log1p(max(top_count, 1))
    base = QColor(t.event)
    for row, x0, bin_px, counts, bubbles in s.strips:
        cy = s.row_y(row)
        # alpha in 16 steps, equal neighbours merged: a few hundred rects, even in SVG
        level = np.where(counts > 0, 1 + np.round(15 * np.log1p(counts) / scale), 0).astype(int)
        cuts = np.flatnonzero(np.diff(level)) + 1
        for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(level)], strict=True):
            if level[a] == 0:
                continue
            xa, xb = max(x0 + a * bin_px, left), min(x0 + b * bin_px, right)
            if xb > xa:
                color = QColor(base)
                color.setAlphaF(0.15 + 0.85 * level[a] / 16)
                p.fillRect(QRectF(xa, cy - sizes.BAR_PX / 2, xb - xa, sizes.BAR_PX), color)
        for x, n in bubbles:
            _bubble(p, x, cy, n, s, t, f)


def _bubble(p: QPainter, x: float, cy: float, n: int, s: Scene, t: Theme, f: Fonts) -> None:
    text = f"{n:,}" if n < 100_000 else f"{n / 1000:.0f}k"
    w = f.metrics["small"].horizontalAdvance(text) + 10
    if x - w / 2 < s.plot[0] or x + w / 2 > s.plot[2]:
        return
    rect = QRectF(x - w / 2, cy - _BUBBLE_H / 2, w, _BUBBLE_H)
    p.setPen(_pen(t.event, 1.0))
    p.setBrush(QColor(t.background))
    p.drawRoundedRect(rect, _BUBBLE_H / 2, _BUBBLE_H / 2)
    p.setFont(f.small)
    p.setPen(QColor(t.text))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _marks(p: QPainter, s: Scene, t: Theme) -> None:
    left, _, right, _ = s.plot
    for _, x0, x1, row, point, inferred, planned in s.marks:  # bars first: dots on top
        if not point:
            a, b = max(x0, left - 2), min(max(x1, x0 + 5), right + 2)
            if b > a:
                _bar(
                    p,
                    QRectF(a, s.row_y(row) - sizes.BAR_PX / 2, b - a, sizes.BAR_PX),
                    t,
                    inferred,
                    planned,
                )
                if planned:  # its diamond where the bar (or the page) starts
                    _diamond(p, QPointF(max(x0, left), s.row_y(row)), t, inferred)
    for _, x0, x1, row, point, inferred, planned in s.marks:
        if point:
            c = QPointF((x0 + x1) / 2, s.row_y(row))
            if planned:
                _diamond(p, c, t, inferred)
            else:
                _dot(p, c, t, inferred)


def _labels(p: QPainter, s: Scene, t: Theme, f: Fonts) -> None:
    left, _, right, _ = s.plot
    m = f.metrics["label"]
    titles = s.titles
    p.setFont(f.label)
    for i, x, row, width, inside, bar_end in s.labels:
        start, end = x, x + width
        if inside and start < left + 5:  # the bar starts off the page: its label slides in
            start = left + 5
            end = max(end, min(start + width, bar_end - 5))
        end = min(end, right - 2)
        text = titles[i]
        full = m.horizontalAdvance(text)
        if end - start < min(45.0, full):
            continue
        if full > end - start + 1:
            text = m.elidedText(text, Qt.TextElideMode.ElideRight, end - start)
        y = s.row_y(row)
        if inside:
            p.fillRect(
                QRectF(start - 2, y - m.height() / 2, m.horizontalAdvance(text) + 4, m.height()),
                QColor(t.halo),
            )
        p.setPen(QColor(t.text))
        p.drawText(QPointF(start, y + (m.ascent() - m.descent()) / 2), text)


def _axis(p: QPainter, s: Scene, t: Theme, f: Fonts) -> None:
    left, _, right, bottom = s.plot
    m = f.metrics["small"]
    p.setPen(_pen(t.rule, 1.0))
    p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    last_end = -1e9
    for x, text in s.ticks.fine:
        px = s.x_px(x)
        p.setPen(_pen(t.muted, 1.0))
        p.drawLine(QPointF(px, bottom), QPointF(px, bottom + 5))
        w = m.horizontalAdvance(text)
        a = px - w / 2
        if a > last_end + 4 and a >= left - w / 2 and a + w <= s.width - 2:
            _text(p, a, bottom + 8 + m.ascent(), text, t.text, f.small)
            last_end = a + w
    last_end = -1e9
    for x, text in s.ticks.coarse:
        a = s.x_px(x) + 3
        w = m.horizontalAdvance(text)
        if a > last_end + 8 and a + w <= s.width - 2:
            _text(p, a, bottom + 10 + m.height() + m.ascent(), text, t.muted, f.small)
            last_end = a + w
