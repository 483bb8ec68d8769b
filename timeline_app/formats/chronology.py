"""A written chronology: chosen events as a document an analyst can hand in.

Per event, in date order: its date (in words, as the detail pane says it; "inferred from
context" when the text did not state it all), its title, the analyst's note, and each
source's quoted sentence with its citation: outlet, article title, publication date and
file (a source the user gave an event added by hand is cited by the reference they gave).
Which events: the starred ones, those with a tag, the ids given, or all shown; hidden
events never.

Written as Markdown (`chronology_markdown`: document text escaped so that a title with "*"
or "<b>" stays text) or HTML (`chronology_html`: every text escaped, a page that prints
well). The PDF is the HTML laid out by Qt's text document, in `render.chronology_pdf`.
No Qt here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass

from ..model import Event, Timeline
from .analyst import date_counts, date_counts_words, is_disputed

__all__ = [
    "ChronologyEntry",
    "Quote",
    "chronology_entries",
    "chronology_html",
    "chronology_markdown",
    "chronology_text",
]


@dataclass(frozen=True, slots=True)
class Quote:
    """A source's sentence and where it comes from, in words: "Daily A, “Summit opens”,
    published 3 May 2023, a.txt"."""

    sentence: str
    citation: str


@dataclass(frozen=True, slots=True)
class ChronologyEntry:
    """One event as the chronology writes it."""

    date: str
    title: str
    note: str
    quotes: tuple[Quote, ...]
    tags: tuple[str, ...] = ()
    starred: bool = False
    added: bool = False
    disputed: str = ""  # each date with its outlets, when the sources disagree


def chronology_entries(
    timeline: Timeline,
    *,
    starred: bool = False,
    tag: str | None = None,
    ids: Collection[str] | None = None,
) -> list[ChronologyEntry]:
    """The chosen events (all of them not hidden, narrowed by each choice given), in date
    order; `tag` matches without case, as tags do."""
    chosen = []
    for e in timeline.events:
        if e.hidden or (starred and not e.starred) or (ids is not None and e.id not in ids):
            continue
        if tag is not None and tag.casefold() not in {t.casefold() for t in e.tags}:
            continue
        chosen.append(_entry(e, timeline))
    return chosen


def _entry(e: Event, timeline: Timeline) -> ChronologyEntry:
    date = e.date.label() + (" (inferred from context)" if e.date.inferred else "")
    disputed = date_counts_words(date_counts(e, timeline)) if is_disputed(e) else ""
    quotes = tuple(_quote(e, k, timeline) for k in range(len(e.sources)))
    return ChronologyEntry(
        date, e.title, e.note, quotes, tuple(e.tags), e.starred, e.added, disputed
    )


def _quote(e: Event, k: int, timeline: Timeline) -> Quote:
    s = e.sources[k]
    doc = timeline.documents.get(s.doc_id)
    if doc is None:
        return Quote("", s.doc_id)
    sentence = " ".join(doc.text[s.start : s.end].split())
    if _given_by_user(doc.id):  # the reference the user gave is the citation
        return Quote(sentence, doc.title if doc.title != doc.id else "given by the analyst")
    parts = [doc.outlet or "", f"“{doc.title}”" if doc.title and doc.title != doc.id else ""]
    parts.append(f"published {doc.published.label()}" if doc.published else "")
    parts.append(doc.id)
    return Quote(sentence, ", ".join(p for p in parts if p))


def _given_by_user(doc_id: str) -> bool:
    """A source the user gave for an event added by hand ("user-…#source", as the store
    names it; so it is read back from our event JSON too), not an article."""
    return doc_id.startswith("user-") and doc_id.endswith("#source")


def chronology_text(entries: list[ChronologyEntry]) -> str:
    """Every word the chronology shows, one line each: what any of its forms must hold."""
    lines = []
    for n in entries:
        lines += [n.date, n.title, n.note, *(q.sentence for q in n.quotes)]
        lines += [q.citation for q in n.quotes]
    return "\n".join(line for line in lines if line)


# -- Markdown ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def _md(text: str) -> str:
    """Text as Markdown shows it verbatim: its special characters escaped, one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def chronology_markdown(entries: list[ChronologyEntry], *, title: str) -> str:
    out = [f"# {_md(title)}", "", _count(entries), ""]
    for n in entries:
        star = "★ " if n.starred else ""
        out += [f"## {star}{_md(n.date)} — {_md(n.title)}", ""]
        meta = _meta(n)
        if meta:
            out += [f"*{_md(meta)}*", ""]
        for line in n.note.splitlines():
            out.append(_md(line) + "  " if line.strip() else "")
        if n.note:
            out.append("")
        for q in n.quotes:
            if q.sentence:
                out.append(f"> “{_md(q.sentence)}”  ")
                out += [f"> — {_md(q.citation)}", ""]
            else:
                out += [f"Source: {_md(q.citation)}", ""]
    return "\n".join(out).rstrip() + "\n"


def _count(entries: list[ChronologyEntry]) -> str:
    return f"{len(entries)} event{'s' if len(entries) != 1 else ''}."


def _meta(n: ChronologyEntry) -> str:
    meta = []
    if n.tags:
        meta.append("Tags: " + ", ".join(n.tags))
    if n.added:
        meta.append("added by the analyst")
    if n.disputed:
        meta.append("disputed: " + n.disputed)
    return " · ".join(meta)


# -- HTML -------------------------------------------------------------------------------

_STYLE = (
    "body{font-family:serif;max-width:42em;margin:2em auto;line-height:1.4}"
    "h1{font-size:18pt}h2{font-size:13pt;margin-top:1.6em}"  # pt: Qt's text document reads no em
    ".meta{color:#555;font-style:italic}"
    "blockquote{margin:0.4em 0 0.4em 1.2em;padding-left:0.8em;border-left:3px solid #bbb}"
    ".cite{color:#444;font-size:0.9em}"
)


def chronology_html(entries: list[ChronologyEntry], *, title: str) -> str:
    """A page of its own; every text from the documents or the analyst is escaped."""
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f"<p>{esc(_count(entries))}</p>",
    ]
    for n in entries:
        star = "★ " if n.starred else ""
        out.append(f"<h2>{star}{esc(n.date)} — {esc(n.title)}</h2>")
        meta = _meta(n)
        if meta:
            out.append(f'<p class="meta">{esc(meta)}</p>')
        if n.note:
            out.append("<p>" + "<br>".join(esc(line) for line in n.note.splitlines()) + "</p>")
        for q in n.quotes:
            cite = f'<span class="cite">— {esc(q.citation)}</span>'
            if q.sentence:
                out.append(f"<blockquote>“{esc(q.sentence)}”<br>{cite}</blockquote>")
            else:
                out.append(f"<p>Source: {cite}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
