"""Which files of a corpus folder are articles; every one that cannot be is named, not lost.

Symbolic links to files are followed; links to folders are not (no loops); broken links and
link loops are reported. Files larger than MAX_BYTES are refused before they are read.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Problem

__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "CorpusFiles", "find_files"]

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
MAX_BYTES = 25 * 1024 * 1024  # a news article is kilobytes; 25 MB is a dump, not an article
_IGNORED = {"manifest.json"}


@dataclass(slots=True)
class CorpusFiles:
    folder: Path
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()


def find_files(path: Path) -> CorpusFiles:
    """The article files under `path` (a folder, or one file), sorted, with problems."""
    if path.is_file() or path.is_symlink():
        found = CorpusFiles(path.parent)
        _consider(found, path)
        return found
    found = CorpusFiles(path)

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else path
        found.problems.append(Problem(_rel(path, where) or ".", _reason(exc)))

    for root, dirs, names in os.walk(path, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and not (Path(root) == path and name in _IGNORED):
                _consider(found, Path(root) / name)
    return found


def _consider(found: CorpusFiles, file: Path) -> None:
    rel = _rel(found.folder, file)
    if file.is_symlink():
        try:
            file.resolve(strict=True)
        except RuntimeError:
            found.problems.append(Problem(rel, "symbolic link loop"))
            return
        except OSError as exc:
            reason = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
            found.problems.append(Problem(rel, reason))
            return
    if file.suffix.lower() not in ARTICLE_SUFFIXES:
        kind = file.suffix.lower() or "without an extension"
        found.problems.append(Problem(rel, f"not an article format ({kind}); skipped"))
        return
    try:
        size = file.stat().st_size
    except OSError as exc:
        found.problems.append(Problem(rel, _reason(exc)))
        return
    if size > MAX_BYTES:
        found.problems.append(
            Problem(
                rel,
                f"too large to be an article ({size / 2**20:.0f} MB; "
                f"the limit is {MAX_BYTES // 2**20} MB); not read",
            )
        )
        return
    found.files.append(file)


def _rel(folder: Path, file: Path) -> str:
    try:
        return file.relative_to(folder).as_posix()
    except ValueError:
        return str(file)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    return f"cannot be read ({exc.strerror or exc})"
