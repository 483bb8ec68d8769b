"""Which files of a corpus folder are articles, and reading them; every one that cannot be is
named, not lost.

Only regular files are read: a FIFO would hang the load and a device (a link to /dev/zero)
would fill the memory. The kind is checked when the folder is listed and again on the opened
descriptor, which is opened without blocking and without following a last link, so a file
swapped in between is still refused. Symbolic links to files inside the opened folder are
followed; a link that leads outside it is not (a corpus must not pull /etc/passwd into a
timeline and its exports), nor are links to folders (no loops); broken links and link loops
are reported. A file named on its own is read where its links lead: the user chose it. Files
larger than MAX_BYTES are refused before they are read, and reading stops there too, for a
file that grows meanwhile.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

from ..model import Problem

__all__ = [
    "ARTICLE_SUFFIXES",
    "MANIFEST_NAME",
    "MAX_BYTES",
    "CorpusFiles",
    "FileRefused",
    "find_files",
    "input_clash",
    "read_regular",
]

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
MAX_BYTES = 25 * 1024 * 1024  # a news article is kilobytes; 25 MB is a dump, not an article
MANIFEST_NAME = "manifest.json"  # the folder's metadata (manifest.py reads it)
_IGNORED = {MANIFEST_NAME}
_CHUNK = 1 << 20  # bytes per read call
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = (
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)


class FileRefused(ValueError):
    """A file that is not read: its reason is the message, in words for a user."""


class Paths(Sequence[Path]):
    """File paths kept as strings, each made a `Path` when read: a folder of 10,000 articles
    is listed on every open, and making a `Path` per file cost a tenth of a cached open."""

    def __init__(self) -> None:
        self._paths: list[str] = []

    def append(self, path: str | os.PathLike[str]) -> None:
        self._paths.append(path if type(path) is str else os.fspath(path))

    @overload
    def __getitem__(self, i: int) -> Path: ...
    @overload
    def __getitem__(self, i: slice) -> list[Path]: ...
    def __getitem__(self, i: int | slice) -> Path | list[Path]:
        if isinstance(i, slice):
            return [Path(p) for p in self._paths[i]]
        return Path(self._paths[i])

    def __len__(self) -> int:
        return len(self._paths)


@dataclass(slots=True)
class CorpusFiles:
    folder: Path
    files: Paths = field(default_factory=Paths)
    problems: list[Problem] = field(default_factory=list)
    # the opened folder, resolved: links may not lead out of it (None: one file, named)
    root: Path | None = None
    # subfolders holding their own manifest.json, seen on the same walk (manifest.py reads them)
    manifest_folders: list[Path] = field(default_factory=list)
    # the id of each of `files` (its path in the folder, with "/") and what `os.stat` said
    # of it, on the walk (`file_stats.py` compares that with what it saw last time)
    rels: list[str] = field(default_factory=list)
    stats: list[os.stat_result] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()

    def read(self, file: Path) -> bytes:
        """The bytes of one of `files`; FileRefused or OSError when it cannot be read."""
        return read_regular(file, within=self.root)


def find_files(path: Path) -> CorpusFiles:
    """The article files under `path` (a folder, or one file), sorted, with problems."""
    if not path.is_dir():  # a file, a link to one, or something else named on its own
        found = CorpusFiles(path.parent)
        _consider(found, str(path), _rel(path.parent, path))
        return found
    found = CorpusFiles(path, root=path.resolve())

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else path
        found.problems.append(Problem(_rel(path, where) or ".", _reason(exc)))

    top = str(path)
    for root, dirs, entries in _walk(top, unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # paths and ids by string (a Path per file and `relative_to` cost more than the walk)
        prefix = "" if root == top else os.path.relpath(root, top).replace(os.sep, "/") + "/"
        if prefix and any(e.name == MANIFEST_NAME for e in entries):
            found.manifest_folders.append(Path(root))
        files, rels, stats = found.files, found.rels, found.stats
        for entry in sorted(entries, key=_name):
            name = entry.name
            if not name.startswith(".") and name not in _IGNORED:  # a manifest in any folder
                st = _plain_article(entry)
                if st is not None:  # most files: what `_consider` would find, told sooner
                    files.append(entry.path)
                    rels.append(prefix + name)
                    stats.append(st)
                else:
                    _consider(found, entry.path, prefix + name)
    return found


def _walk(
    top: str, onerror: Callable[[OSError], None]
) -> Iterator[tuple[str, list[str], list[os.DirEntry[str]]]]:
    """`os.walk(top, onerror=onerror)` (top down, links to folders not followed) giving the
    entries of the other files, not their names: an entry knows whether it is a plain file
    or a link without a system call, and a folder of 10,000 articles is listed on every
    open."""
    try:
        listing = os.scandir(top)
    except OSError as exc:
        onerror(exc)
        return
    dirs: list[str] = []
    others: list[os.DirEntry[str]] = []
    with listing:
        while True:
            try:
                entry = next(listing)
            except StopIteration:
                break
            except OSError as exc:
                onerror(exc)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                others.append(entry)
    yield top, dirs, others
    for name in dirs:
        below = os.path.join(top, name)
        if not os.path.islink(below):
            yield from _walk(below, onerror)


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _plain_article(entry: os.DirEntry[str]) -> os.stat_result | None:
    """What `os.lstat` says of the file of `entry` if it is a regular file (no link) with an
    article's extension and not too large to read; None for any other (`_refusal` says why,
    or that a link is to be followed)."""
    name = entry.name
    dot = name.rfind(".")
    if dot <= 0 or name[dot:].lower() not in _SUFFIXES:  # ("." alone is no suffix)
        return None
    try:
        if entry.is_symlink():
            return None
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return None
    return st if _ISREG(st.st_mode) and st.st_size <= MAX_BYTES else None


_SUFFIXES = frozenset(ARTICLE_SUFFIXES)
_ISREG = stat.S_ISREG


def read_regular(file: Path, *, within: Path | None = None, limit: int | None = None) -> bytes:
    """The bytes of `file` if it is a regular file (inside `within`, a resolved folder, when
    given) of at most `limit` bytes (default MAX_BYTES); FileRefused or OSError if not."""
    limit = MAX_BYTES if limit is None else limit
    real = Path(os.path.realpath(file))
    if within is not None and not _inside(within, real):
        raise FileRefused(f"link leads outside the folder: {real}")
    fd = os.open(real, _OPEN_FLAGS)  # a FIFO opens at once; a link swapped in: ELOOP
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(_not_regular(st.st_mode))
        if st.st_size > limit:
            raise FileRefused(_too_large(st.st_size, limit))
        data = bytearray()
        while len(data) <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - len(data)))
            if not chunk:
                return bytes(data)
            data += chunk
    finally:
        os.close(fd)
    raise FileRefused(
        f"too large to be an article (over {_amount(limit)} when read: it grew "
        "while being read); not read"
    )


def input_clash(path: Path, output: Path) -> str:
    """Why writing `output` would change what loading `path` reads ("" if it would not).

    `output` is an input when it is (or links to) the file named, its folder's manifest or an
    article of the folder; a file not there yet is refused where a later load would take it
    for an article, so that a command never feeds its output back into its corpus.
    """
    folder = path if path.is_dir() else path.parent
    inputs = [folder / MANIFEST_NAME] + (list(find_files(path).files) if path.is_dir() else [path])
    if _same_file(output, inputs):
        return f"an input file of {path}"
    root, real = folder.resolve(), Path(os.path.realpath(output))
    if path.is_dir() and _inside(root, real) and real != root:
        parts = real.relative_to(root).parts
        hidden = any(part.startswith(".") for part in parts)
        if not hidden and (real.suffix.lower() in ARTICLE_SUFFIXES or parts == (MANIFEST_NAME,)):
            return f"inside {path} with an article's extension, where the next load would read it"
    return ""


def _same_file(file: Path, others: list[Path]) -> bool:
    try:
        st = os.stat(file)
    except OSError:
        return False  # not there: it overwrites nothing
    for other in others:
        try:
            o = os.stat(other)
        except OSError:
            continue
        if (o.st_dev, o.st_ino) == (st.st_dev, st.st_ino):
            return True
    return False


def _consider(found: CorpusFiles, where: str, rel: str) -> None:
    # a name that is not UTF-8 loads (the store keeps its bytes)
    refused, st = _refusal(found, where)
    if refused:
        found.problems.append(Problem(rel, refused))
    else:
        found.files.append(where)
        found.rels.append(rel)
        found.stats.append(st)


def _refusal(found: CorpusFiles, where: str) -> tuple[str, os.stat_result | None]:
    """Why the file at `where` is not one of the corpus's articles ("" if it is), and what
    `os.stat` says of it."""
    reason, st = _kind_refusal(found, where)
    if reason or st is None:
        return reason, None
    name = os.path.basename(where)
    dot = name.rfind(".")
    suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""  # Path.suffix's rule
    if suffix not in ARTICLE_SUFFIXES:
        kind = suffix or "without an extension"
        return f"not an article format ({kind}); skipped", None
    if st.st_size > MAX_BYTES:
        return _too_large(st.st_size, MAX_BYTES), None
    return "", st


def _kind_refusal(found: CorpusFiles, where: str) -> tuple[str, os.stat_result | None]:
    try:
        st = os.lstat(where)
        if stat.S_ISLNK(st.st_mode):
            try:
                target = Path(where).resolve(strict=True)
            except RuntimeError:
                return "symbolic link loop", None
            except OSError as exc:
                loop = exc.errno == errno.ELOOP
                return "symbolic link loop" if loop else "broken symbolic link", None
            if found.root is not None and not _inside(found.root, target):
                return f"link leads outside the folder: {target}", None
            st = os.stat(target)
    except OSError as exc:
        return _reason(exc), None
    if not stat.S_ISREG(st.st_mode):
        return _not_regular(st.st_mode), None
    return "", st


def _inside(root: Path, target: Path) -> bool:
    return target == root or root in target.parents


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return f"not a regular file ({kind}); not read"


def _too_large(size: int, limit: int) -> str:
    return f"too large to be an article ({_amount(size)}; the limit is {_amount(limit)}); not read"


def _amount(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size:,} bytes"


def _rel(folder: Path, file: Path) -> str:
    try:
        return file.relative_to(folder).as_posix()
    except ValueError:
        return str(file)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    return f"cannot be read ({exc.strerror or exc})"
