"""The per-folder manifest (manifest.json): metadata that article files don't carry.

Every value is checked: an entry's title, outlet and language must be strings (the language
one we know), its `published` a date string or {"date", "precision", "inferred", "note"}.
A field that is not is ignored and named — one problem per entry, "entry 'a.txt': outlet is
not a string (an object); ignored" — while the entry's other fields and the other entries
apply. Only a manifest that cannot be read at all (not JSON, nested too deeply, not an
object) is refused as a whole.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checked import FieldError, described, flag, loads, needed_text, text
from ..model import DateError, FuzzyDate
from .files import MANIFEST_NAME, FileRefused, read_regular
from .language import normalise

__all__ = ["MANIFEST_NAME", "DocMeta", "Manifest", "ManifestError", "read_manifest"]


class ManifestError(ValueError):
    """The manifest exists but cannot be used (bad JSON, wrong shape)."""


@dataclass(frozen=True, slots=True)
class DocMeta:
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: FuzzyDate | None = None
    published_note: str = ""


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str = ""
    documents: dict[str, DocMeta] | None = None
    refused: tuple[str, ...] = ()  # entries and fields ignored, with why

    def meta(self, file_name: str) -> DocMeta:
        return (self.documents or {}).get(file_name, DocMeta())


def read_manifest(folder: Path, subfolders: Sequence[Path] = ()) -> Manifest:
    """Read folder/manifest.json and the manifests of `subfolders` (those `find_files` saw
    holding one; each describes the files of its own folder: opening a parent folder keeps
    its children's metadata); an absent manifest is an empty one. Only the top one's
    failure raises ManifestError; a subfolder's is one refused line."""
    top = _read_one(folder, folder)
    docs, refused, names = dict(top.documents or {}), list(top.refused), []
    for sub in subfolders:
        rel = sub.relative_to(folder).as_posix()
        try:
            nested = _read_one(sub, folder)
        except ManifestError as exc:
            refused.append(f"{rel}/{MANIFEST_NAME}: {exc}; ignored")
            continue
        refused.extend(f"{rel}/{MANIFEST_NAME}: {why}" for why in nested.refused)
        for key, meta in (nested.documents or {}).items():
            docs.setdefault(f"{rel}/{key}", meta)  # the top manifest's own word wins
        if nested.name:
            names.append(nested.name)
    name = top.name or (names[0] if len(names) == 1 else "")
    return Manifest(name, docs if top.documents is not None or docs else None, tuple(refused))


def _read_one(folder: Path, corpus: Path) -> Manifest:
    """folder/manifest.json alone, read as a file inside `corpus`."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:  # a regular file inside the corpus, of article size, as every file the app reads
        data = read_regular(path, within=Path(os.path.realpath(corpus)))
        raw = loads(data.decode("utf-8-sig"))
    except (OSError, ValueError, FileRefused) as exc:  # ValueError: malformed, too deep, UTF-8
        raise ManifestError(f"cannot read {MANIFEST_NAME}: {exc}") from exc
    documents = raw.get("documents") if isinstance(raw, dict) else None
    if not isinstance(raw, dict) or not isinstance(documents or {}, dict):
        raise ManifestError(f"{MANIFEST_NAME} must be an object with a 'documents' object")
    refused: list[str] = []
    try:
        name = text(raw, "name") or ""
    except FieldError as exc:
        name = ""
        refused.append(f"{exc}; ignored")
    docs = {}
    for key, entry in (documents or {}).items():
        outside = _outside(folder, key)
        if outside:
            refused.append(f"entry {key!r} {outside}; refused")
            continue
        if not isinstance(entry, dict):
            refused.append(f"entry {key!r} is not an object ({described(entry)}); ignored")
            continue
        meta, bad = _doc_meta(entry)
        if bad:
            refused.append(f"entry {key!r}: {'; '.join(bad)}; ignored")
        docs[Path(key).as_posix()] = meta
    return Manifest(name, docs, tuple(refused))


def _outside(folder: Path, name: str) -> str:
    """Why an entry describes no file of the folder, or "": a manifest may only describe
    files of its own folder (no '..', no absolute paths)."""
    root = folder.resolve()
    try:
        target = (folder / name).resolve()
    except (OSError, ValueError):  # a NUL, a lone surrogate: no file has such a name
        return "is not a file name"
    inside = not Path(name).is_absolute() and (target == root or root in target.parents)
    return "" if inside else "points outside the corpus folder"


def _doc_meta(entry: dict[str, Any]) -> tuple[DocMeta, list[str]]:
    """The entry's metadata from its good fields, and what is wrong with the others."""
    bad: list[str] = []
    fields: dict[str, Any] = {}
    for key in ("title", "outlet", "language"):
        try:
            fields[key] = text(entry, key)
        except FieldError as exc:
            bad.append(str(exc))
    language = fields.get("language")
    if language is not None and normalise(language) is None:
        bad.append(f"language {described(language)} is not a language code")
        fields["language"] = None
    try:
        fields["published"], fields["published_note"] = _published(entry.get("published"))
    except ValueError as exc:  # FieldError, DateError
        bad.append(f"published: {exc}")
    return DocMeta(**fields), bad


def _published(value: object) -> tuple[FuzzyDate | None, str]:
    """Accept "2023-11" or {"date": "2023-11", "precision": "month", "inferred": true,
    "note": "..."}: the date and its note."""
    if value is None:
        return None, ""
    if isinstance(value, str):
        value = {"date": value}
    if not isinstance(value, dict):
        raise FieldError(f"not a date string or object ({described(value)})")
    iso = needed_text(value, "date")
    note = text(value, "note") or ""
    precision = text(value, "precision")
    try:
        date = FuzzyDate.from_iso(iso, inferred=flag(value, "inferred"))
    except DateError as exc:
        raise FieldError(str(exc)) from None
    if precision is not None and precision != date.precision.value:
        raise FieldError(f"{date.iso()} is not of {precision} precision")
    return date, note
