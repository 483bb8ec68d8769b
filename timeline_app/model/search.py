"""Find events by any words of their title, their sources' sentences or the articles behind
them, and say which of those matched.

The analyst searching for "Minsk" wants every event whose article mentions Minsk, not only
those whose title does. Texts are folded once per timeline (lower case, accents off, each
character to one, so offsets into the folded text are offsets into the original): a query
then costs one C-speed substring scan per document, a few milliseconds for 10,000
articles. The analyst's own words are searched too: an event's tags and its note. Parts
are ranked title > tags > note > sentence > article: the result names the best one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from .lazy_documents import read_all
from .timeline import Timeline

__all__ = ["Part", "SearchIndex", "fold", "find_spans"]


class Part(Enum):
    """Where a query was found, best first."""

    TITLE = "title"
    TAGS = "tags"
    NOTE = "note"
    SENTENCE = "sentence"
    ARTICLE = "article text"


_FOLDED: dict[str, str] = {}  # non-ASCII character -> its one-character folded form


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """`text` in lower case without accents, one character for one ("Öl" → "ol")."""
    low = text.lower() if text.isascii() else None
    if low is not None:
        return low
    table = {}
    for c in set(text):
        if c.isascii():
            table[ord(c)] = c.lower()
        else:
            f = _FOLDED.get(c)
            if f is None:
                f = _FOLDED[c] = _fold_char(c)
            table[ord(c)] = f
    return text.translate(table)


def _needle(query: str) -> str:
    return " ".join(fold(query).split())


_MARKS = re.compile(r"[\u0300-\u036f]+")  # combining accents, once NFKD has split them off


_STRIPPED: dict[str, str] = {}  # non-ASCII character -> it without accents (NFKD)


def _strip_marks(c: str) -> str:
    f = _STRIPPED.get(c)
    if f is None:
        f = _STRIPPED[c] = _MARKS.sub("", unicodedata.normalize("NFKD", c))
    return f


def _flat(text: str) -> str:
    """Lower case without accents, each run of blanks one space: what queries are matched
    against. Offsets do not survive (NFKD may split a character in two); `find_spans`
    finds them again in the one text being shown."""
    low = text.lower()
    if not low.isascii():  # an article has few distinct characters: replace each once
        for c in set(low):  # (NFKD and a regex over the whole text cost twice as much)
            if not c.isascii():
                f = _strip_marks(c)
                if f != c:
                    low = low.replace(c, f)
    return " ".join(low.split())


def find_spans(text: str, query: str, limit: int = 1000) -> list[tuple[int, int]]:
    """Where `query` occurs in `text` (any case, any accents): offsets into `text`, for
    highlighting the match in the article."""
    words = _needle(query).split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    spans = []
    for m in pattern.finditer(fold(text)):
        spans.append(m.span())
        if len(spans) >= limit:
            break
    return spans


@dataclass(slots=True)
class SearchIndex:
    """The folded texts of a timeline, built once; `find` answers each query."""

    titles: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # an event's source sentences, joined
    tags: list[str] = field(default_factory=list)  # an event's tags, joined
    notes: list[str] = field(default_factory=list)  # an event's note
    articles: dict[str, str] = field(default_factory=dict)  # document id -> folded text
    doc_events: dict[str, list[int]] = field(default_factory=dict)  # document -> event indices

    raw: dict[str, str] = field(default_factory=dict)  # document id -> the text folded

    @classmethod
    def of(cls, timeline: Timeline, *, reuse: SearchIndex | None = None) -> SearchIndex:
        """The index of `timeline`; articles whose text is the very string `reuse` folded
        are not folded again (a partial load or an edit keeps most documents as they were:
        folding 10,000 articles takes about a second)."""
        index = cls()
        read_all(timeline.documents)  # every article is folded below
        for i, event in enumerate(timeline.events):
            index.titles.append(_flat(event.title))
            index.tags.append(" | ".join(_flat(t) for t in event.tags))
            index.notes.append(_flat(event.note))
            docs = timeline.documents
            parts = []
            for s in event.sources:
                doc = docs.get(s.doc_id)
                if doc is not None:
                    parts.append(doc.text[s.start : s.end])
                    index.doc_events.setdefault(s.doc_id, []).append(i)
            index.sentences.append(" | ".join(_flat(p) for p in parts))
        old_raw = reuse.raw if reuse is not None else {}
        for doc_id in index.doc_events:
            text = timeline.documents[doc_id].text
            before = old_raw.get(doc_id)
            folded = reuse.articles.get(doc_id) if reuse is not None and before is text else None
            index.articles[doc_id] = _flat(text) if folded is None else folded
            index.raw[doc_id] = text
        return index

    def find(self, query: str) -> dict[int, Part]:
        """The events matching `query`, each with the best part that holds it."""
        needle = _flat(query)
        if not needle:
            return {}
        found: dict[int, Part] = {}
        for doc_id, text in self.articles.items():
            if needle in text:
                for i in self.doc_events[doc_id]:
                    found[i] = Part.ARTICLE
        for i in _containing(self.sentences, needle):
            found[i] = Part.SENTENCE
        for i in _containing(self.notes, needle):
            found[i] = Part.NOTE
        for i in _containing(self.tags, needle):
            found[i] = Part.TAGS
        for i in _containing(self.titles, needle):
            found[i] = Part.TITLE
        return found


def _containing(texts: list[str], needle: str) -> Iterator[int]:
    return (i for i, t in enumerate(texts) if needle in t)
