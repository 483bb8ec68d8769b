"""Load a folder (or one file) of articles into a Timeline, naming every file that fails."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document, FuzzyDate, Problem, Timeline
from .extract import Candidate, context_year, extract_candidates
from .header import find_header_date
from .manifest import MANIFEST_NAME, Manifest, ManifestError, read_manifest
from .merge import merge_candidates
from .names import gather_names
from .non_story import find_non_story
from .titles import TitleContext

__all__ = ["ARTICLE_SUFFIXES", "CorpusError", "load_corpus", "load_document"]

ARTICLE_SUFFIXES = (".txt", ".md", ".text")


class CorpusError(ValueError):
    """Nothing could be loaded from the path (it is missing or holds no readable article)."""


def load_corpus(path: Path | str) -> Timeline:
    """Read every article under `path`; bad files become `Timeline.problems`, not exceptions."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    folder = path if path.is_dir() else path.parent
    files = _article_files(path)
    problems: list[Problem] = []
    try:
        manifest = read_manifest(folder)
    except ManifestError as exc:
        manifest = Manifest()
        problems.append(Problem(MANIFEST_NAME, str(exc)))
    documents: dict[str, Document] = {}
    for file in files:
        doc_id = file.relative_to(folder).as_posix()
        try:
            documents[doc_id] = load_document(file, doc_id, manifest)
        except (OSError, ValueError) as exc:
            problems.append(Problem(doc_id, _reason(exc)))
    if not documents:
        detail = "; ".join(str(p) for p in problems) or "no .txt or .md articles found"
        raise CorpusError(f"{path}: nothing could be loaded ({detail})")
    ctx = TitleContext(gather_names(d.text for d in documents.values()))
    candidates: list[Candidate] = []
    for doc in documents.values():
        candidates.extend(extract_candidates(doc, ctx))
    name = manifest.name or folder.name
    return Timeline(documents, merge_candidates(candidates), problems, name)


def load_document(file: Path, doc_id: str, manifest: Manifest) -> Document:
    text = _read_text(file)
    meta = manifest.meta(doc_id)
    header = find_header_date(text, day_first=_day_first(text))
    published, note = meta.published, meta.published_note
    if published is None and header is not None:
        published, note = _header_published(header, text), f"header: {header.line}"
    doc = Document(
        id=doc_id,
        path=file,
        text=text,
        language=meta.language or "en",
        title=meta.title or _first_line(text),
        outlet=meta.outlet,
        published=published,
        published_note=note,
        published_span=header.span if header else None,
        day_first=_day_first(text),
    )
    doc.non_story = find_non_story(text, header_spans=[header.span] if header else [])
    return doc


def _article_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def _read_text(file: Path) -> str:
    data = file.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:4096]:
        raise ValueError("not a text file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from exc


def _header_published(header, text: str) -> FuzzyDate | None:
    if header.date is not None:
        return header.date
    year = context_year(text)  # a dateline without a year: the year the text is about
    if year is None or header.month is None:
        return None
    return FuzzyDate(year, header.month, header.day, inferred=True)


def _day_first(text: str) -> bool:
    """Numeric dates read day first unless the text proves month first (a 2nd field > 12)."""
    for a, b in re.findall(r"\b(\d{1,2})[./](\d{1,2})[./]\d{2,4}\b", text):
        if int(a) > 12:
            return True
        if int(b) > 12:
            return False
    return True


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


def _reason(exc: Exception) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    if isinstance(exc, OSError):
        return f"cannot be read ({exc.strerror or exc})"
    return str(exc)
