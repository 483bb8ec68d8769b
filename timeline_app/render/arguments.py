"""The `export` command's options, parsed into what the picture exporter takes.

Kept out of cli.py so that the command line and the export dialog agree on names, limits
and date parsing. No Qt.
"""

from __future__ import annotations

import argparse
from datetime import date

from ..model import DateError, FuzzyDate
from .image import ImageOptions

__all__ = ["add_export_arguments", "date_bound", "image_options"]

LANE_MODES = ("none", "outlet", "actor", "document", "tag", "starred")


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, help="the picture to write: .png, .svg or .pdf"
    )
    parser.add_argument(
        "--width",
        type=int,
        help="PNG: image width in pixels (default 1600 at 96 dpi); SVG: width in CSS pixels",
    )
    parser.add_argument("--height", type=int, help="fixed height (default: as the rows need)")
    parser.add_argument(
        "--dpi",
        type=float,
        help="PNG: print resolution; the picture is laid out for "
        "WIDTH/DPI inches and says DPI in the file",
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help="first date drawn: 2022, 2022-11 or 2022-11-05"
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help="last date drawn (its whole year or month when not a day)",
    )
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    parser.add_argument(
        "--lanes",
        choices=LANE_MODES,
        default="none",
        help="lay events out in lanes by outlet, actor or document, by tag (an event with "
        "two tags in both lanes) or starred / not starred",
    )
    parser.add_argument(
        "--page", choices=["A4", "Letter", "A3"], default="A4", help="PDF page size"
    )
    parser.add_argument(
        "--orientation",
        choices=["landscape", "portrait"],
        default="landscape",
        help="PDF page orientation",
    )
    parser.add_argument(
        "--fit",
        choices=["one-page", "split"],
        default="one-page",
        help="PDF: the whole range on one page, or consecutive date ranges over several pages",
    )
    parser.add_argument(
        "--pages",
        type=int,
        help="PDF with --fit split: number of pages (default: as many as the events need)",
    )


def date_bound(text: str, *, end: bool = False) -> date:
    """The first (or with `end`, the last) day of an ISO date of any precision."""
    try:
        d = FuzzyDate.from_iso(text)
    except DateError as exc:
        raise ValueError(f"{text!r} is not a date like 2022, 2022-11 or 2022-11-05") from exc
    return d.end if end else d.start


def image_options(ns: argparse.Namespace) -> ImageOptions:
    """The options of a parsed `export` command line; ValueError with a reason to show."""
    if ns.width is not None and not 200 <= ns.width <= 20000:
        raise ValueError("--width must be between 200 and 20000 pixels")
    if ns.height is not None and not 120 <= ns.height <= 20000:
        raise ValueError("--height must be between 120 and 20000 pixels")
    if ns.dpi is not None and not 24 <= ns.dpi <= 2400:
        raise ValueError("--dpi must be between 24 and 2400")
    if ns.pages is not None and not 1 <= ns.pages <= 100:
        raise ValueError("--pages must be between 1 and 100")
    start = date_bound(ns.start) if ns.start else None
    stop = date_bound(ns.end, end=True) if ns.end else None
    if start and stop and stop < start:
        raise ValueError(f"--to {ns.end} is before --from {ns.start}")
    return ImageOptions(
        width=ns.width,
        height=ns.height,
        dpi=ns.dpi,
        start=start,
        end=stop,
        theme=ns.theme,
        page=ns.page,
        orientation=ns.orientation,
        fit=ns.fit,
        pages=ns.pages,
    )
