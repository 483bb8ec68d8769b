"""The per-folder manifest (manifest.json): metadata that article files don't carry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..model import DateError, FuzzyDate

__all__ = ["MANIFEST_NAME", "DocMeta", "Manifest", "ManifestError", "read_manifest"]

MANIFEST_NAME = "manifest.json"


class ManifestError(ValueError):
    """The manifest exists but cannot be used (bad JSON, wrong shape, bad date)."""


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
    refused: tuple[str, ...] = ()  # entries ignored, with why (e.g. outside the folder)

    def meta(self, file_name: str) -> DocMeta:
        return (self.documents or {}).get(file_name, DocMeta())


def read_manifest(folder: Path) -> Manifest:
    """Read folder/manifest.json; an absent manifest is an empty one."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestError(f"cannot read {MANIFEST_NAME}: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("documents", {}), dict):
        raise ManifestError(f"{MANIFEST_NAME} must be an object with a 'documents' object")
    docs, refused = {}, []
    for name, entry in raw.get("documents", {}).items():
        if not _inside(folder, name):
            refused.append(f"entry {name!r} points outside the corpus folder; refused")
            continue
        docs[Path(name).as_posix()] = _doc_meta(name, entry)
    return Manifest(str(raw.get("name") or ""), docs, tuple(refused))


def _inside(folder: Path, name: str) -> bool:
    """A manifest may only describe files of its own folder (no '..', no absolute paths)."""
    root = folder.resolve()
    target = (folder / name).resolve()
    return not Path(name).is_absolute() and (target == root or root in target.parents)


def _doc_meta(name: str, entry: object) -> DocMeta:
    if not isinstance(entry, dict):
        raise ManifestError(f"{MANIFEST_NAME}: entry for {name!r} is not an object")
    return DocMeta(
        title=entry.get("title"),
        outlet=entry.get("outlet"),
        language=entry.get("language"),
        published=_published(name, entry.get("published")),
        published_note=(entry.get("published") or {}).get("note", "")
        if isinstance(entry.get("published"), dict)
        else "",
    )


def _published(name: str, value: object) -> FuzzyDate | None:
    """Accept "2023-11" or {"date": "2023-11", "precision": "month", "inferred": true}."""
    if value is None:
        return None
    if isinstance(value, str):
        value = {"date": value}
    if not isinstance(value, dict) or not isinstance(value.get("date"), str):
        raise ManifestError(f"{MANIFEST_NAME}: 'published' of {name!r} needs a 'date' string")
    try:
        date = FuzzyDate.from_iso(value["date"], inferred=bool(value.get("inferred", False)))
    except DateError as exc:
        raise ManifestError(f"{MANIFEST_NAME}: 'published' of {name!r}: {exc}") from exc
    precision = value.get("precision")
    if precision is not None and precision != date.precision.value:
        raise ManifestError(
            f"{MANIFEST_NAME}: 'published' of {name!r} is {date.iso()}, "
            f"which is not of {precision} precision"
        )
    return date
