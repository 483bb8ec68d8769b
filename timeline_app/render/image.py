"""Pictures of a timeline — PNG, SVG, PDF — of all of it or a date range, light or dark.

Used headless (`timeline-app export`) and by the window (File › Export…, Ctrl+C), all
through one renderer (`devices.py` → `painter.py`), so every kind of picture shows the same
title line, legend, lanes, marks, labels and date axis. Importing this module loads no Qt;
making a picture does (an offscreen application is created when none runs).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from timeline_app.model import Era, Timeline
from timeline_app.plan.columns import EventStore

from ..plan.palette import theme
from ..plan.scene import SceneSpec

__all__ = [
    "FORMATS",
    "ImageOptions",
    "Subject",
    "export_image",
    "export_pdf",
    "export_png",
    "export_svg",
    "image_format",
    "scene_spec",
]

FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH = 1600


@dataclass(frozen=True, slots=True)
class ImageOptions:
    """How to draw. `width`/`height` are the picture's pixels (PNG: of the image, at `dpi`;
    SVG: its size in CSS pixels); PDF pages take their size from `page` and `orientation`.
    `start`/`end` (inclusive days) or `x_range` (the view's units) limit the dates drawn.
    `fit` is "one-page" or "split" (`pages` pages, or as many as the events need)."""

    width: int | None = None
    height: int | None = None
    dpi: float | None = None
    start: date | None = None
    end: date | None = None
    x_range: tuple[float, float] | None = None
    theme: str = "light"
    page: str = "A4"
    orientation: str = "landscape"
    fit: str = "one-page"
    pages: int | None = None


@dataclass(slots=True)
class Subject:
    """What to draw: events as store columns, which of them (`shown`), lanes, a title and
    the eras to draw behind the events."""

    store: EventStore
    shown: np.ndarray
    title: str = ""
    lane_mode: str = "none"
    note: str = field(default="")  # e.g. "filtered", added to the subtitle
    eras: list[Era] = field(default_factory=list)

    @classmethod
    def of(cls, timeline: Timeline, *, lane_mode: str = "none") -> Subject:
        """Every event the user has not hidden."""
        store = EventStore.from_timeline(timeline)
        hidden = np.array([e.hidden for e in timeline.events], bool)
        return cls(
            store,
            np.flatnonzero(~hidden),
            timeline.name or "Timeline",
            lane_mode,
            eras=list(timeline.eras),
        )


def image_format(path: Path | str) -> str:
    """ "png", "svg" or "pdf" from the file name; ValueError for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{Path(path).name}: give a .png, .svg or .pdf file name")
    return suffix


def export_image(
    subject: Timeline | Subject, out: Path | str, options: ImageOptions | None = None
) -> Path:
    """Draw `subject` into `out`, whose suffix says the format; returns `out`.

    Raises ValueError for bad options (tiny sizes, unknown page or theme, an empty date
    range) and OSError when the file cannot be written.
    """
    out = Path(out)
    fmt = image_format(out)
    options = options or ImageOptions()
    if not isinstance(subject, Subject):
        subject = Subject.of(subject)
    _check(options)
    from . import devices  # Qt from here on

    devices.ensure_app()
    pal = theme(options.theme)
    if fmt == "png":
        dpi = options.dpi or devices.CSS_DPI
        scale = dpi / devices.CSS_DPI
        width = (options.width or DEFAULT_WIDTH * scale) / scale
        height = options.height / scale if options.height else None
        devices.write_png(scene_spec(subject, options, width, height), pal, out, dpi=dpi)
    elif fmt == "svg":
        spec = scene_spec(subject, options, options.width or DEFAULT_WIDTH, options.height)
        _write(out, devices.write_svg, spec, pal)
    else:
        w, h = devices.pdf_canvas(options.page, options.orientation)
        specs = pdf_specs(subject, options, w, h)
        _write(
            out,
            lambda s, p, o: devices.write_pdf(
                s, p, o, page=options.page, orientation=options.orientation, title=subject.title
            ),
            specs,
            pal,
        )
    return out


def export_png(
    timeline: Timeline,
    out: Path | str,
    *,
    width: int = DEFAULT_WIDTH,
    height: int | None = None,
    **options,
) -> Path:
    """The timeline as a PNG exactly `width` pixels wide (as tall as its rows need, unless
    `height`); other keywords are `ImageOptions` fields (dpi, start, end, theme)."""
    return export_image(
        timeline, _suffixed(out, ".png"), ImageOptions(width=width, height=height, **options)
    )


def export_svg(timeline: Timeline, out: Path | str, **options) -> Path:
    return export_image(timeline, _suffixed(out, ".svg"), ImageOptions(**options))


def export_pdf(timeline: Timeline, out: Path | str, **options) -> Path:
    return export_image(timeline, _suffixed(out, ".pdf"), ImageOptions(**options))


def scene_spec(
    subject: Subject, options: ImageOptions, width: float, height: float | None
) -> SceneSpec:
    """The scene of `subject` limited to the options' dates, `width` scene pixels wide."""
    s = subject.store
    x_range = _x_range(s, options)
    shown = subject.shown
    if x_range is not None:
        lo, hi = x_range
        shown = shown[(s.x1[shown] > lo) & (s.x0[shown] < hi)]
    return SceneSpec(
        s,
        shown,
        width,
        height,
        x_range,
        subject.lane_mode,
        subject.title,
        _subtitle(subject, shown, x_range),
        eras=subject.eras,
    )


def pdf_specs(
    subject: Subject, options: ImageOptions, width: float, height: float
) -> list[SceneSpec]:
    """One scene per page, each as large as the page (`width` x `height` scene px): the
    whole range on one page, or split into date ranges."""
    base = scene_spec(subject, options, width, height)
    base.fill = True
    if options.fit == "one-page":
        return [base]
    from ..plan.pages import auto_pages, split_ranges

    g = base.geometry
    rows = int((height - g.margin * 2 - g.title_h - g.legend_h - g.axis_h) // g.row_px)
    n = options.pages or auto_pages(len(base.shown), width - 2 * g.margin, rows)
    ranges = split_ranges(base.store, base.shown, n, base.x_range)
    specs = []
    for k, (lo, hi) in enumerate(ranges):
        spec = scene_spec(
            subject, replace(options, start=None, end=None, x_range=(lo, hi)), width, height
        )
        spec.fill = True
        if len(ranges) > 1:
            spec.subtitle += f"  ·  page {k + 1} of {len(ranges)}"
        specs.append(spec)
    return specs


def _check(options: ImageOptions) -> None:
    if options.width is not None and options.width < 200:
        raise ValueError(f"image too small: {options.width} px wide; need at least 200")
    if options.height is not None and options.height < 120:
        raise ValueError(f"image too small: {options.height} px high; need at least 120")
    if options.dpi is not None and not 24 <= options.dpi <= 2400:
        raise ValueError("dpi must be between 24 and 2400")
    if options.fit not in ("one-page", "split"):
        raise ValueError(f"fit must be one-page or split, not {options.fit!r}")
    if options.start and options.end and options.end < options.start:
        raise ValueError(f"the date range ends ({options.end}) before it starts ({options.start})")
    theme(options.theme)


def _x_range(s: EventStore, options: ImageOptions) -> tuple[float, float] | None:
    if options.x_range is not None:
        return options.x_range
    if options.start is None and options.end is None:
        return None
    lo = s.to_x(options.start) if options.start else None
    hi = s.to_x(options.end) + 1 if options.end else None
    if len(s):
        first, last = float(s.x0.min()), float(s.x1.max())
        pad = 0.03 * max((hi if hi is not None else last) - (lo if lo is not None else first), 1.0)
        lo = lo if lo is not None else min(first, hi - 1) - pad
        hi = hi if hi is not None else max(last, lo + 1) + pad
    return (lo if lo is not None else hi - 365.0, hi if hi is not None else lo + 365.0)


def _subtitle(subject: Subject, shown: np.ndarray, x_range: tuple[float, float] | None) -> str:
    s = subject.store
    n, total = len(shown), len(subject.shown)
    count = f"{n:,} event{'s' if n != 1 else ''}"
    if n != total:
        count = f"{n:,} of {total:,} events"
    parts = [count]
    if x_range is not None:
        a, b = s.ref + timedelta(days=int(np.ceil(x_range[0]))), s.to_date(x_range[1] - 1e-9)
        parts.append(f"{_day(a)} – {_day(b)}")
    elif n:
        parts.append(
            f"{_day(s.to_date(float(s.x0[shown].min())))} – "
            f"{_day(s.to_date(float(s.x1[shown].max()) - 1))}"
        )
    if subject.note:
        parts.append(subject.note)
    return "  ·  ".join(parts)


def _day(d: date) -> str:
    return f"{d.day} {d:%b} {d.year}"


def _suffixed(out: Path | str, suffix: str) -> Path:
    out = Path(out)
    return out if out.suffix.lower() == suffix else out.with_name(out.name + suffix)


def _write(out: Path, write, spec, pal) -> None:
    try:
        write(spec, pal, out)
    except OSError as exc:
        raise OSError(f"could not write {out}: {exc.strerror or exc}") from exc
