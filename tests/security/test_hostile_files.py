"""Hostile files beside the seed articles (issue 10, points 2 and 3): each is named with its
reason and its name escaped, nothing of it is read, the seed events stay, nothing hangs."""

import json
import os
import shutil
import socket
import stat
import sys
from pathlib import Path

import pytest

from timeline_app.ingest import files, load_corpus
from timeline_app.ingest.files import MAX_BYTES, FileRefused, read_regular
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.terminal import shown

from .seed import run_cli, seed_copy

SEED_EVENTS = 8  # what the shipped corpus gives
RAW = ("\x1b", "\x07", "\x9b", "\u202e")  # must never reach the terminal


def seed_events(out) -> list:
    events = json.loads(out.stdout)
    assert len(events) == SEED_EVENTS, [e["title"] for e in events]
    return events


def assert_clean(out):
    """Exit 0, no traceback, no raw control character, every line of stderr one of ours."""
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    for raw in RAW:
        assert raw not in out.stdout and raw not in out.stderr, repr(raw)
    for line in out.stderr.splitlines():
        assert line.startswith("timeline-app: "), f"a line that is not ours: {line!r}"
        assert not line.startswith("timeline-app: skipped fake.txt"), "a forged line"


def _make_fifo(d: Path) -> None:
    os.mkfifo(d / "pipe.txt")


def _make_socket(d: Path) -> None:
    here = os.getcwd()
    os.chdir(d)  # a socket's path is limited to about 100 bytes: bind it by its short name
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind("sock.txt")
    finally:
        os.chdir(here)


def _make_outside_links(d: Path) -> None:
    (d.parent / "outside.txt").write_text(
        (d / "2022-01_csto-operation-in-kazakhstan.txt").read_text()
    )
    (d / "escape.txt").symlink_to("../outside.txt")
    hostile = d.parent / "\x1b]0;owned\x07.txt"
    hostile.write_text("Talks took place on 3 May 2021.\n")
    (d / "evil.txt").symlink_to(hostile)


def _make_bad_name(d: Path) -> None:
    text = (d / "2023-11-21_lukashenko-meets-tasmagambetov.txt").read_bytes()
    with open(os.path.join(bytes(d), b"\xff\x1b[31m.txt"), "wb") as fh:
        fh.write(text)


def _make_sparse(d: Path) -> None:
    with open(d / "huge.txt", "wb") as fh:  # large on paper, nothing written
        fh.truncate(MAX_BYTES + 1)


HOSTILE = [  # (what, make it in the folder, the line naming it; {outside}: the folder's parent)
    (
        "ANSI codes in a name",
        lambda d: (d / "\x1b[2J\x1b]0;owned\x07.txt").write_bytes(b""),
        "skipped \\x1b[2J\\x1b]0;owned\\x07.txt: empty file",
    ),
    (
        "a newline forging a line",
        lambda d: (d / "a\ntimeline-app: skipped fake.txt: forged.txt").write_bytes(b""),
        "skipped a\\ntimeline-app: skipped fake.txt: forged.txt: empty file",
    ),
    (
        "a bidi override",
        lambda d: (d / "x\u202etxt.exe.txt").write_bytes(b""),
        "skipped x\\u202etxt.exe.txt: empty file",
    ),
    (
        "letters stay readable",
        lambda d: (d / "café.txt").write_bytes(b""),
        "skipped café.txt: empty file",
    ),
    ("a FIFO", _make_fifo, "skipped pipe.txt: not a regular file (FIFO); not read"),
    ("a socket", _make_socket, "skipped sock.txt: not a regular file (socket); not read"),
    (
        "a link to /dev/zero",
        lambda d: (d / "zero.txt").symlink_to("/dev/zero"),
        "skipped zero.txt: link leads outside the folder: /dev/zero",
    ),
    (
        "a link to /dev/urandom",
        lambda d: (d / "random.txt").symlink_to("/dev/urandom"),
        "skipped random.txt: link leads outside the folder: /dev/urandom",
    ),
    (
        "a link to /etc/passwd",
        lambda d: (d / "passwd.txt").symlink_to("/etc/passwd"),
        "skipped passwd.txt: link leads outside the folder: /etc/passwd",
    ),
    (
        "a relative link out of the folder",
        _make_outside_links,
        "skipped escape.txt: link leads outside the folder: {outside}/outside.txt",
    ),
    (
        "a link out to a hostile name",
        lambda d: None,  # made with the one above
        "skipped evil.txt: link leads outside the folder: {outside}/\\x1b]0;owned\\x07.txt",
    ),
    (
        "over the size limit",
        _make_sparse,
        "skipped huge.txt: too large to be an article (25 MB; the limit is 25 MB); not read",
    ),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The seed copy with every hostile file of HOSTILE, and `events` run on it once."""
    folder = seed_copy(tmp_path_factory.mktemp("hostile") / "corpus")
    for _, make, _ in HOSTILE:
        make(folder)
    return folder, run_cli("events", folder)


def test_the_load_is_clean_and_the_seed_events_stay(hostile):
    folder, out = hostile
    assert_clean(out)
    events = seed_events(out)
    sources = {s["file"] for e in events for s in e["sources"]}
    assert sources == {p.name for p in SHIPPED_CORPUS.glob("*.txt")}
    assert "root:" not in out.stdout, "nothing of /etc/passwd"
    assert len(out.stderr.splitlines()) == len(HOSTILE), out.stderr


@pytest.mark.parametrize(("what", "make", "line"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_each_hostile_file_is_named_escaped(hostile, what, make, line):
    folder, out = hostile
    outside = shown(os.path.realpath(folder.parent))
    assert f"timeline-app: {line.format(outside=outside)}" in out.stderr.splitlines(), (
        what,
        out.stderr,
    )


def test_export_draws_the_seed_events_beside_hostile_files(hostile, tmp_path):
    folder, _ = hostile
    out = run_cli("export", folder, "-o", tmp_path / "t.png")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert not any(raw in out.stderr + out.stdout for raw in RAW)
    assert f"({SEED_EVENTS} events)" in out.stdout and (tmp_path / "t.png").stat().st_size


SINGLE = [  # (what, make the file, words of the one line)
    ("a FIFO", lambda p: os.mkfifo(p), "not a regular file (FIFO)"),
    (
        "a link to /dev/zero",
        lambda p: p.symlink_to("/dev/zero"),
        "not a regular file (character device)",
    ),
]


@pytest.mark.parametrize(("what", "make", "words"), SINGLE, ids=[s[0] for s in SINGLE])
def test_a_special_file_named_alone_fails_in_one_line(tmp_path, what, make, words):
    make(tmp_path / "named.txt")
    out = run_cli("events", tmp_path / "named.txt")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert len(out.stderr.splitlines()) == 1 and words in out.stderr, (what, out.stderr)


def test_a_name_that_is_not_utf8_loads_and_is_shown_escaped(tmp_path):
    folder = seed_copy(tmp_path / "corpus")
    _make_bad_name(folder)  # a copy of a seed article under b"\xff\x1b[31m.txt"
    out = run_cli("events", folder)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert not out.stderr and not any(raw in out.stdout for raw in RAW)
    events = json.loads(out.stdout)
    files_ = {s["file"] for e in events for s in e["sources"]}
    assert "\udcff\x1b[31m.txt" in files_, "the name read back from JSON, byte for byte"
    seed = {p.name for p in SHIPPED_CORPUS.glob("*.txt")}
    assert seed <= files_, "every seed article still dates its events"


def test_links_inside_the_folder_are_followed(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "real.txt").write_text(
        "Posted: 21.11.2023\n\nThe ministers met in Riga on 20 November 2023.\n"
    )
    (folder / "link.txt").symlink_to("sub/real.txt")
    (tmp_path / "via").symlink_to(folder)  # the folder opened through a link of its own
    timeline = load_corpus(tmp_path / "via")
    assert sorted(timeline.documents) == ["link.txt", "sub/real.txt"], timeline.problems
    assert not timeline.problems


def test_a_hostile_name_that_loads_stays_escaped_on_a_terminal(tmp_path, monkeypatch, capsys):
    from timeline_app import cli

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(
        SHIPPED_CORPUS / "2023-11-21_lukashenko-meets-tasmagambetov.txt",
        folder / "\x1b]0;owned\x07 riga.txt",
    )
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert cli.main(["events", str(folder), "--format", "csv"]) == 0
    printed = capsys.readouterr()
    assert "\\x1b]0;owned\\x07 riga.txt" in printed.out
    assert not any(raw in printed.out + printed.err for raw in RAW)
    piped = run_cli("events", folder, "--format", "csv")  # not a terminal: the data unchanged
    assert "\x1b]0;owned\x07 riga.txt" in piped.stdout


# -- reading: only regular files, never more than the limit ------------------------------


def _grow_while_read(monkeypatch, file: Path, step: int) -> list[int]:
    """Make `file` grow by `step` bytes before each read of it; returns the bytes each read
    gave."""
    ino, real_read, reads = file.stat().st_ino, os.read, []

    def read(fd, n):
        if os.fstat(fd).st_ino != ino:
            return real_read(fd, n)
        with open(file, "ab") as fh:
            fh.write(b"x" * step)
        reads.append(len(chunk := real_read(fd, n)))
        return chunk

    monkeypatch.setattr(os, "read", read)
    return reads


def test_a_file_growing_while_read_is_cut_at_the_limit(tmp_path, monkeypatch):
    file = tmp_path / "growing.txt"
    file.write_bytes(b"x" * 100)  # below the limit when opened
    reads = _grow_while_read(monkeypatch, file, 700)
    with pytest.raises(FileRefused, match=r"over 1,000 bytes when read: it grew"):
        read_regular(file, limit=1000)
    assert sum(reads) == 1001, "the limit and one byte are read, no more"


def test_a_growing_file_is_named_and_the_seeds_stay(tmp_path, monkeypatch):
    folder = seed_copy(tmp_path / "corpus")
    (folder / "growing.txt").write_bytes(b"x" * 100)
    monkeypatch.setattr(files, "MAX_BYTES", 64 * 1024)  # the articles are smaller
    _grow_while_read(monkeypatch, folder / "growing.txt", 16 * 1024)
    timeline = load_corpus(folder, workers=1)
    reasons = {p.path: p.reason for p in timeline.problems}
    assert reasons == {
        "growing.txt": "too large to be an article (over 65,536 bytes when read: "
        "it grew while being read); not read"
    }
    assert len(timeline.events) == SEED_EVENTS


READS = [  # (what, make the file, the refusal; None: read)
    ("a regular file", lambda p: p.write_bytes(b"abc"), None),
    ("exactly the limit", lambda p: p.write_bytes(b"x" * 1000), None),
    (
        "over the limit when opened",
        lambda p: p.write_bytes(b"x" * 1001),
        "too large to be an article (1,001 bytes; the limit is 1,000 bytes); not read",
    ),
    ("a FIFO", lambda p: os.mkfifo(p), "not a regular file (FIFO); not read"),
    (
        "a link to /dev/zero",
        lambda p: p.symlink_to("/dev/zero"),
        "link leads outside the folder: /dev/zero",
    ),
    ("a folder", lambda p: p.mkdir(), "not a regular file (folder); not read"),
]


@pytest.mark.parametrize(("what", "make", "refusal"), READS, ids=[r[0] for r in READS])
def test_read_regular(tmp_path, what, make, refusal):
    file = tmp_path / "f.txt"
    make(file)
    if refusal is None:
        assert len(read_regular(file, within=tmp_path.resolve(), limit=1000)) <= 1000
    else:
        with pytest.raises(FileRefused) as caught:
            read_regular(file, within=tmp_path.resolve(), limit=1000)
        assert str(caught.value) == refusal, what


def test_a_file_swapped_for_a_fifo_after_listing_is_refused_when_read(tmp_path):
    folder = seed_copy(tmp_path / "corpus")
    (folder / "swapped.txt").write_text("Talks took place on 3 May 2021.\n")
    found = files.find_files(folder)
    (folder / "swapped.txt").unlink()
    os.mkfifo(folder / "swapped.txt")
    assert stat.S_ISFIFO(os.lstat(folder / "swapped.txt").st_mode)
    with pytest.raises(FileRefused, match=r"not a regular file \(FIFO\)"):
        found.read(folder / "swapped.txt")


def test_tag_refuses_a_fifo_named_on_its_own(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    out = run_cli("tag", tmp_path / "pipe.txt", timeout=60)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "not a regular file (FIFO)" in out.stderr
