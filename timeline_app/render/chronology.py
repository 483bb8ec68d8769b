"""The written chronology to a file: Markdown, HTML or PDF by the file's suffix.

One call for the window's File › Export chronology… and for `timeline-app chronology`:
`write_chronology`. Markdown and HTML are written by `formats.chronology`; the PDF is that
HTML laid out on A4 pages by Qt's QTextDocument and printed through QPdfWriter (text stays
text: it can be searched and copied). Qt is loaded only for a PDF.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ..formats.chronology import (
    ChronologyEntry,
    chronology_entries,
    chronology_html,
    chronology_markdown,
)
from ..model import Timeline

__all__ = ["CHRONOLOGY_SUFFIXES", "chronology_format", "write_chronology"]

CHRONOLOGY_SUFFIXES = {".md": "Markdown", ".html": "HTML", ".htm": "HTML", ".pdf": "PDF"}
_MARGIN_MM = 20.0


def chronology_format(out: Path | str) -> str:
    """The form a file name asks for; ValueError naming the suffixes known if none."""
    suffix = Path(out).suffix.lower()
    if suffix not in CHRONOLOGY_SUFFIXES:
        known = ", ".join(sorted(set(CHRONOLOGY_SUFFIXES) - {".htm"}))
        raise ValueError(f"{Path(out).name}: a chronology is written as {known}")
    return CHRONOLOGY_SUFFIXES[suffix]


def write_chronology(
    timeline: Timeline,
    out: Path | str,
    *,
    starred: bool = False,
    tag: str | None = None,
    ids: Collection[str] | None = None,
    title: str | None = None,
) -> list[ChronologyEntry]:
    """Write the chosen events (see `formats.chronology.chronology_entries`) to `out` in the
    form its suffix names; return them (the caller says how many). ValueError for a suffix
    that names no form, OSError when the file cannot be written."""
    out = Path(out)
    form = chronology_format(out)
    entries = chronology_entries(timeline, starred=starred, tag=tag, ids=ids)
    name = title or f"Chronology: {timeline.name or out.stem}"
    if form == "Markdown":
        out.write_text(chronology_markdown(entries, title=name), encoding="utf-8")
    elif form == "HTML":
        out.write_text(chronology_html(entries, title=name), encoding="utf-8")
    else:
        out.write_bytes(_pdf(chronology_html(entries, title=name), name))
    return entries


def _pdf(page: str, title: str) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from .devices import ensure_app

    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("timeline-app")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margins = QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    doc = QTextDocument()
    doc.setHtml(page)
    doc.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
