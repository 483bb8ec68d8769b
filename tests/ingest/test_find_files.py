"""The folder walk (`files.find_files`) tells plain articles apart from everything else without
a system call more than one `lstat` each, and finds exactly what the full checks of every file
(`files._consider`) find: the same files, ids, stats and refusals, in the same order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline_app.ingest import files
from timeline_app.ingest.files import MANIFEST_NAME, MAX_BYTES, CorpusFiles, find_files


def _sparse(p: Path) -> None:
    with open(p, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)


KINDS = [  # (path in the folder, make it there, found / refused / unseen, why)
    ("a.txt", lambda p: p.write_text("Talks on 3 May 2021."), "found", "a plain article"),
    ("B.TXT", lambda p: p.write_text("x"), "found", "an extension in capitals"),
    ("sub/c.md", lambda p: p.write_text("x"), "found", "an article in a subfolder"),
    ("sub/deeper/d.html", lambda p: p.write_text("x"), "found", "two folders down"),
    ("sub/" + MANIFEST_NAME, lambda p: p.write_text("{}"), "unseen", "a subfolder's manifest"),
    (".hidden.txt", lambda p: p.write_text("x"), "unseen", "a hidden file"),
    (".dir/e.txt", lambda p: p.write_text("x"), "unseen", "a file in a hidden folder"),
    ("notes", lambda p: p.write_text("x"), "refused", "no extension"),
    ("image.png", lambda p: p.write_bytes(b"x"), "refused", "not an article format"),
    ("trailing.", lambda p: p.write_text("x"), "refused", "a name ending in a dot"),
    ("huge.txt", _sparse, "refused", "over the size limit"),
    ("pipe.txt", lambda p: os.mkfifo(p), "refused", "a FIFO"),
    ("inside.txt", lambda p: p.symlink_to("a.txt"), "found", "a link to an article inside"),
    ("broken.txt", lambda p: p.symlink_to("missing.txt"), "refused", "a broken link"),
    ("loop.txt", lambda p: p.symlink_to("loop.txt"), "refused", "a link to itself"),
    ("out.txt", lambda p: p.symlink_to("/etc/hostname"), "refused", "a link out of the folder"),
    ("folder-link", lambda p: p.symlink_to("sub"), "unseen", "a link to a folder: not followed"),
    ("dir.txt/f.txt", lambda p: p.write_text("x"), "found", "in a folder named like an article"),
]


def _full_checks(folder: Path) -> CorpusFiles:
    """What `find_files` found before it told plain files apart: every file through the
    full checks, over `os.walk`."""
    found = CorpusFiles(folder, root=folder.resolve())
    top = str(folder)
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        prefix = "" if root == top else os.path.relpath(root, top).replace(os.sep, "/") + "/"
        if prefix and MANIFEST_NAME in names:
            found.manifest_folders.append(Path(root))
        for name in sorted(names):
            if not name.startswith(".") and name != MANIFEST_NAME:
                files._consider(found, os.path.join(root, name), prefix + name)
    return found


def _facts(found: CorpusFiles) -> tuple:
    stats = [(s.st_ino, s.st_size, s.st_mtime_ns, s.st_mode) for s in found.stats]
    return (
        [str(f) for f in found.files],
        found.rels,
        stats,
        [(p.path, p.reason) for p in found.problems],
        found.manifest_folders,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("kinds") / "corpus"
    for rel, make, _, _ in KINDS:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        make(path)
    return root


@pytest.mark.parametrize(("rel", "make", "outcome", "why"), KINDS, ids=[k[3] for k in KINDS])
def test_each_kind_of_file_is_found_or_refused_as_the_full_checks_say(
    folder, rel, make, outcome, why
):
    walked, checked = find_files(folder), _full_checks(folder)
    assert _facts(walked) == _facts(checked), why
    refused = any(p.path == rel for p in walked.problems)
    seen = "found" if rel in walked.rels else "refused" if refused else "unseen"
    assert seen == outcome, why
