"""A damaged project store never keeps the timeline from opening (issue 10, point 6).

A store is made the real way (the shipped corpus opened, three edits made through `Project`),
then damaged as disks and crashes damage files; the folder is opened again through the CLI in
a subprocess, then through `Project` (what the window uses). The 8 seed events are there, one
line says what happened, the damaged file is kept aside, and every acknowledged edit is either
there or named as lost. Also: a name that is not UTF-8 (point 4)."""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.project import Project
from timeline_app.store import SCHEMA_VERSION, STORE_PROBLEM, store_path_for

from .seed import TIMEOUT, run_cli

SEED_EVENTS = 8
MARKS = ("Edit one", "Edit two", "Edit three")  # the titles the three edits give

MAKER = textwrap.dedent("""
    import os, sys
    from timeline_app.project import Project
    project = Project(sys.argv[1])
    # the cache rows written (on the store's own thread) and the log emptied: the edits are
    # the log's last frames, which the crash leaves there
    project.store.settle()
    project.store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    events = project.timeline.events
    for index, title in ((0, "Edit one"), (3, "Edit two"), (6, "Edit three")):
        project.edit("event.title", events[index].id, {"title": title})
        print("ack", title, flush=True)
    if sys.argv[2] == "crash":
        os._exit(0)  # the log is left as it is, not checkpointed
    project.close()
""")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("TIMELINE_APP_HOME", str(home))
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    return folder


def make_store(corpus, how="close"):
    out = subprocess.run(
        [sys.executable, "-c", MAKER, str(corpus), how],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=os.environ,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"ack {m}" for m in MARKS]
    return store_path_for(corpus)


def events_cli(corpus):
    """`timeline-app events CORPUS` in a subprocess, with this test's store folder."""
    return run_cli("events", corpus)


def run_events(corpus):
    out = events_cli(corpus)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    events = json.loads(out.stdout)
    assert len(events) == SEED_EVENTS, [e["title"] for e in events]
    store_lines = [line for line in out.stderr.splitlines() if STORE_PROBLEM in line]
    assert len(store_lines) <= 1, store_lines
    notice = store_lines[0].split(f"{STORE_PROBLEM}: ", 1)[1] if store_lines else ""
    return {e["title"] for e in events}, notice


def check_edits(shown, notice):
    """Every acknowledged edit is shown, or the line says edits were lost."""
    kept = [m for m in MARKS if m in shown]
    if len(kept) < len(MARKS):
        assert re.search(r"\blost\b", notice), (kept, notice)
    counted = re.search(r"(\d+) edits? (?:recovered|kept)", notice)
    if counted:
        assert int(counted[1]) == len(kept), (kept, notice)
    return kept


def overwrite_middle(path):
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(b"\xff" * 4096)


def overwrite_header(path):
    with path.open("r+b") as f:
        f.write(b"\xff" * 100)


def truncate_to_zero(path):
    os.truncate(path, 0)


def damage_second_edit(path):
    data = path.read_bytes()
    with path.open("r+b") as f:
        f.seek(data.index(b'"title":"Edit two"') + 9)
        f.write(b"\xff" * 8)


def tear_log(path):
    wal = Path(f"{path}-wal")
    os.truncate(wal, wal.stat().st_size - 100)


DAMAGED = [  # (damage, store left by, the line begins, edits kept, why)
    (overwrite_middle, "close", "damaged (", None, "bytes overwritten in the middle"),
    (
        overwrite_header,
        "close",
        "damaged (file is not a database): kept as ",
        0,
        "the header overwritten",
    ),
    (truncate_to_zero, "close", "damaged (empty: 0 bytes): kept as ", 0, "truncated to 0 bytes"),
    (damage_second_edit, "close", "damaged (", 2, "one edit's bytes overwritten"),
    (
        tear_log,
        "crash",
        "the end of its write-ahead log was cut off or damaged (",
        2,
        "a crash, then the log's end torn",
    ),
]


@pytest.mark.parametrize(("damage", "left", "begins", "kept", "why"), DAMAGED)
def test_a_damaged_store_opens_the_timeline_and_says_what_was_lost(
    corpus, damage, left, begins, kept, why
):
    path = make_store(corpus, left)
    damage(path)
    shown, notice = run_events(corpus)
    assert notice.startswith(begins), (why, notice)
    found = check_edits(shown, notice)
    if kept is not None:
        assert len(found) == kept, (why, found, notice)
    where = re.search(r"kept as (\S+?)[,;)]", notice)
    assert where and Path(where[1]).exists(), ("the damaged file is kept aside", notice)
    if left == "close":  # the damaged file was moved away whole, its log with it
        assert Path(where[1]).name.startswith(path.name + ".damaged-")
    again = Project(corpus)  # what the window opens: sound now, the same edits, nothing to say
    assert len(again.timeline.events) == SEED_EVENTS
    assert [m for m in MARKS if m in {e.title for e in again.timeline.events}] == found
    assert not [p for p in again.timeline.problems if p.path == STORE_PROBLEM]
    again.close()


def test_a_store_from_a_newer_version_is_left_alone_and_the_timeline_opens(corpus):
    path = make_store(corpus)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    shown, notice = run_events(corpus)
    assert notice == (
        f"{path} is from a newer version of timeline_app (store schema {SCHEMA_VERSION + 1}, "
        f"this version reads {SCHEMA_VERSION}); it is left untouched and its edits are not "
        "shown; edits last this session"
    )
    assert not set(MARKS) & shown, "a newer app's edits are not ours to read"
    project = Project(corpus)
    assert len(project.timeline.events) == SEED_EVENTS
    assert [p.reason for p in project.timeline.problems if p.path == STORE_PROBLEM] == [notice]
    project.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, "never overwritten"
    assert not list(path.parent.glob("*.damaged-*"))


def test_damage_found_by_the_window_is_one_problem_of_the_timeline(corpus):
    path = make_store(corpus)
    overwrite_header(path)
    progress = []
    project = Project(corpus, progress=lambda *a: progress.append(a) or True)
    assert len(project.timeline.events) == SEED_EVENTS and progress
    (problem,) = [p for p in project.timeline.problems if p.path == STORE_PROBLEM]
    assert problem.reason.startswith("damaged (file is not a database): kept as ")
    first = project.timeline.events[0]
    project.edit("event.title", first.id, {"title": "After the damage"})
    assert [p.reason for p in project.timeline.problems if p.path == STORE_PROBLEM] == [
        problem.reason
    ], "the line stays, once"
    project.close()
    again = Project(corpus)
    assert again.timeline.events[0].title == "After the damage", "edits are saved again"
    again.close()


def _small_full_disk():
    """A tmpfs of 1 MB (root only); None where none can be mounted here."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return None
    where = Path(tempfile.mkdtemp(prefix="full-disk-"))
    out = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        where.rmdir()
        return None
    return where


def test_a_full_disk_while_caching_opens_the_timeline_from_memory(corpus, monkeypatch):
    disk = _small_full_disk()
    if disk is None:
        pytest.skip(
            "needs root and a tmpfs mount to make a small full disk "
            "(tests/store/test_damage.py fills a store with SQLite's max_page_count)"
        )
    try:
        monkeypatch.setenv("TIMELINE_APP_HOME", str(disk))
        make_store(corpus)
        (corpus / "extra.txt").write_text(  # not cached yet: the next open must write
            "Ministers meet\nPosted: 27.11.2023\n\nThe ministers met in Minsk on Friday.\n"
        )
        with (disk / "filler").open("wb", buffering=0) as f:  # fill the disk, leave a little
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        os.truncate(disk / "filler", max(0, (disk / "filler").stat().st_size - 40 * 1024))
        out = events_cli(corpus)
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
        titles = {e["title"] for e in json.loads(out.stdout)}
        assert set(MARKS) <= titles, "the edits are read from the store"
        assert len(titles) >= SEED_EVENTS
        assert (
            "project store: the cache could not be written (database or disk is full): the "
            "timeline is read from the articles and will be read from them again next time"
        ) in out.stderr
    finally:
        subprocess.run(["umount", str(disk)], check=False)
        disk.rmdir()


NOT_UTF8 = os.fsdecode(b"caf\xe9\xff.txt")


def test_a_name_that_is_not_utf8_does_not_keep_the_folder_from_opening(corpus):
    (corpus / NOT_UTF8).write_text(
        "Ministers meet\nPosted: 27.11.2023\n\nThe ministers met in Minsk on Friday.\n"
    )
    project = Project(corpus)  # it raised UnicodeEncodeError in the store
    assert len(project.timeline.events) >= SEED_EVENTS
    project.close()
    out = events_cli(corpus)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr


def test_a_name_that_is_not_utf8_is_loaded_and_its_edits_kept(corpus):
    (corpus / NOT_UTF8).write_text(
        "Ministers meet\nPosted: 27.11.2023\n\nThe ministers met in Minsk on Friday.\n"
    )
    project = Project(corpus)
    assert NOT_UTF8 in project.timeline.documents, "loaded as an article"
    project.edit("document.published", NOT_UTF8, {"date": "2023-12-03", "part": None})
    project.close()
    again = Project(corpus)
    assert str(again.timeline.documents[NOT_UTF8].published) == "3 December 2023"
    again.close()
