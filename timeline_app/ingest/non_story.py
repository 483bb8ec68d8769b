"""Lines of an article that are not its story: headline, captions, credits, boilerplate.

They stay in the text (the source view shows them) but never yield events: a photo caption's
"May 28, 2021" or a credit line's "2019" is not when the story happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Span

__all__ = ["find_non_story", "line_spans"]

# (kind, needles, pattern) tested against each stripped line, in order. A pattern is tried
# only on a line that holds one of its needles (lower-cased; None: every line): the lines are
# mostly story sentences that hold none, and searching each for them took half this module's time.
_LINE_RULES: list[tuple[str, tuple[str, ...] | None, re.Pattern[str]]] = [
    (
        "credit",
        None,
        re.compile(r"^(?:images?|photos?|pictures?|video)\s*(?:source|credits?|by)?\s*:", re.I),
    ),
    ("credit", ("©", "(c)", "opyr"), re.compile(r"©|\(c\)\s|\bcopyright\b", re.I)),
    ("credit", None, re.compile(r"^(?:ed\.|edited by|by)\s+\S+(?:\s+\S+){0,3}$", re.I)),
    ("credit", None, re.compile(r"^based on materials of\b", re.I)),
    (
        "caption",
        None,
        re.compile(
            r"\((?:reuters|ap|afp|getty(?: images)?|epa|tass|ria novosti|belta|"
            r"sputnik|anadolu(?: agency)?|xinhua|file|photo)\)\s*$",
            re.I,
        ),
    ),
    (  # "Name · Belta"
        "caption",
        ("·", "•", "|"),
        re.compile(r"^[^.!?]{2,80}\s[·•|]\s+[A-Z][\w .-]{1,30}$"),
    ),
    (
        "boilerplate",
        None,
        re.compile(
            r"^(?:related (?:content|articles?|news|stories)|add a comment|"
            r"read more|share( this)?( article)?|comments?|advertisement|"
            r"subscribe\b.*|follow us\b.*|tags?:.*|[•·\-–—\s\d]*)$",
            re.I,
        ),
    ),
]


def line_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped line) for every non-empty line, offsets of the stripped text."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + body.index(stripped)
            yield start, start + len(stripped), stripped
        pos += len(raw)


def find_non_story(
    text: str, *, header_spans: list[Span] | None = None, title: str | None = None
) -> list[Span]:
    """Spans of the headline, header lines, captions, credits and boilerplate in `text`.

    With a `title` known from the file's metadata (HTML, JSON) only a line repeating it is the
    headline; otherwise the first line that is not a publication line is.
    """
    lines = list(line_spans(text))
    spans = [_header_span(text, hs, lines) for hs in header_spans or []]
    in_header = {s.start for s in spans}
    if title:
        wanted = " ".join(title.split())
        headline = next((ln for ln in lines if " ".join(ln[2].split()) == wanted), None)
    else:
        headline = next((ln for ln in lines if ln[0] not in in_header), None)
    for start, end, line in lines:
        kind = "headline" if headline and start == headline[0] else _line_kind(line)
        if kind and start not in in_header:
            spans.append(Span(start, end, kind))
    spans.extend(_caption_runs(lines, spans))
    return sorted(set(spans), key=lambda s: (s.start, s.end))  # one kind per line by now


def _header_span(text: str, date: Span, lines: list[tuple[int, int, str]]) -> Span:
    """A publication line is header as a whole; a dateline only up to where the story starts."""
    start, end = next(((s, e) for s, e, _ in lines if s <= date.start < e), (date.start, date.end))
    if date.kind == "dateline":
        m = re.compile(r"[.:]\s|\s[-–—]\s").search(text, date.end, end)
        end = m.start() + 1 if m else end
    return Span(start, end, "header")


def _line_kind(line: str) -> str | None:
    lower = line.lower()
    for kind, needles, pattern in _LINE_RULES:
        if (needles is None or any(n in lower for n in needles)) and pattern.search(line):
            return kind
    return None


def _caption_runs(lines: list[tuple[int, int, str]], marked: list[Span]) -> list[Span]:
    """Short unpunctuated lines just above a credit line are the photo's caption."""
    kinds = {s.start: s.kind for s in marked}
    found: list[Span] = []
    for i, (start, _, _) in enumerate(lines):
        if kinds.get(start) != "credit":
            continue
        j = i - 1
        while j > 0 and lines[j][0] not in kinds and _looks_like_caption(lines[j][2]):
            found.append(Span(lines[j][0], lines[j][1], "caption"))
            j -= 1
    return found


def _looks_like_caption(line: str) -> bool:
    return len(line) <= 120 and not re.search(r"[.!?\"”]$", line)
