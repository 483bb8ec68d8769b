"""SIGKILL while edits are being made: every acknowledged edit survives, the store opens."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from timeline_app.store import ProjectStore

WRITER = textwrap.dedent("""
    import sys
    from timeline_app.store import ProjectStore
    store = ProjectStore(sys.argv[1])
    n = 0
    while True:
        n += 1
        edit = store.add_edit("event.title", f"e{n % 7}", {"title": "t" * (n % 50) + str(n)})
        if n % 5 == 0:
            store.undo()
            print("undo", edit.seq, flush=True)
        else:
            print("ack", edit.seq, flush=True)
""")


def complete_lines(text):
    """The lines the child finished writing: SIGKILL may cut the last one anywhere ("ack 1" of
    "ack 123" would name another edit), and that one was not acknowledged to anybody."""
    return [line for line in text.splitlines(keepends=True) if line.endswith("\n")]


CUT = [  # (output, lines kept, why)
    ("ack 1\nack 2\n", ["ack 1\n", "ack 2\n"], "whole lines"),
    ("ack 1\nack 1", ["ack 1\n"], "'ack 12' cut after its first digit"),
    ("ack 1\nack", ["ack 1\n"], "cut before the number"),
    ("ack 1\nun", ["ack 1\n"], "cut in the word"),
    ("", [], "nothing written"),
]


@pytest.mark.parametrize(("output", "kept", "why"), CUT)
def test_only_complete_lines_count(output, kept, why):
    assert complete_lines(output) == kept, why


@pytest.mark.parametrize("wait_s", [0.05, 0.2, 0.5])
def test_acknowledged_edits_survive_sigkill(tmp_path, wait_s):
    path = tmp_path / "store.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    out = []
    deadline = time.monotonic() + wait_s + 10
    while len(out) < 3 and time.monotonic() < deadline:  # let it start writing
        out.append(proc.stdout.readline())
    time.sleep(wait_s)
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate()
    lines = complete_lines("".join(out) + rest)
    acked = {int(line.split()[1]) for line in lines if line.startswith("ack ")}
    undone = {int(line.split()[1]) for line in lines if line.startswith("undo ")}
    assert len(acked) >= 2
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    store = ProjectStore(path)
    in_force = {e.seq for e in store.edits()}
    store.close()
    assert acked <= in_force, "an acknowledged edit was lost"
    assert not (undone & in_force), "an acknowledged undo was lost"
