"""HTML pages: the main text, title, outlet and date found by trafilatura.

The source view shows the whole page's visible text (parsed by lxml, one line per block);
what trafilatura leaves out of the main text (menus, share bars, captions, "Related content",
comments) is marked non-story so it never dates an event. Nothing in the page runs and
nothing is fetched: scripts, styles and images are dropped, links are kept as words.

An XHTML page opens with an XML declaration naming its encoding, which lxml refuses in a
string (the bytes were decoded already, by `encoding.py`): the declaration is dropped before
parsing. Should lxml still find no text, trafilatura's main text is the page's text.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import trafilatura

from ...model import DateError, FuzzyDate, Span
from ..language import page_language
from .article import Article

__all__ = ["read_html", "page_lines"]

_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "form",
    "address",
    "br",
    "hr",
    "title",
    "time",
}
_SPACES = re.compile(r"\s+")
# only at the very start, as XML allows it; "<?xml-stylesheet" is another instruction
_XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml\s[^>]*\?>")
_INVISIBLE = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "object",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
)


def read_html(html: str, file: Path, doc_id: str) -> Article:
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        extracted = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=True,
        )
    except (ValueError, TypeError) as exc:  # trafilatura's own parser gave up
        raise ValueError(f"not readable HTML ({exc})") from exc
    lines = page_lines(html)
    if not lines and (extracted is None or not extracted.text):
        raise ValueError("an HTML page without text")
    main = extracted.text if extracted and extracted.text else ""
    if not lines:  # lxml found nothing: the page is what trafilatura found
        lines = [line.strip() for line in main.split("\n") if line.strip()]
    text = "\n".join(lines)
    article = Article(
        doc_id,
        file,
        text,
        outlet=getattr(extracted, "sitename", None) or None,
        title=getattr(extracted, "title", None) or None,
        url=getattr(extracted, "url", None) or None,
        language=page_language(html),
    )
    article.non_story = _outside_main(lines, main)
    if extracted is not None and extracted.date:
        try:
            article.published = FuzzyDate.from_iso(extracted.date[:10])
            article.published_note = "page metadata (trafilatura)"
        except DateError:
            pass
    return article


def page_lines(html: str) -> list[str]:
    """The page's visible text, one line per block element, whitespace collapsed."""
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in root.xpath("|".join(f"//{t}" for t in _INVISIBLE)):
        bad.drop_tree()
    for el in root.iter():
        # a newline in the page's source is only white space (a paragraph wrapped in the
        # editor is one line of text): lines break at block elements only
        el.text = _SPACES.sub(" ", el.text) if el.text else el.text
        el.tail = _SPACES.sub(" ", el.tail) if el.tail else el.tail
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in root.text_content().split("\n"))
    return [line for line in lines if line]


def _outside_main(lines: list[str], main: str) -> list[Span]:
    """Lines that are not part of the main text (a short line must match a whole line)."""
    main_lines = {_normalise(x) for x in main.split("\n")}
    main = _normalise(main)
    spans, pos = [], 0
    for line in lines:
        in_main = line in main_lines or (len(line) >= 20 and line in main)
        if not in_main:
            spans.append(Span(pos, pos + len(line), "boilerplate"))
        pos += len(line) + 1
    return spans


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
