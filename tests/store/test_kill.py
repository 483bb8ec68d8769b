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


@pytest.mark.parametrize("wait_s", [0.05, 0.2, 0.5])
def test_acknowledged_edits_survive_sigkill(tmp_path, wait_s):
    path = tmp_path / "store.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    lines = []
    deadline = time.monotonic() + wait_s + 10
    while len(lines) < 3 and time.monotonic() < deadline:  # let it start writing
        lines.append(proc.stdout.readline())
    time.sleep(wait_s)
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate()
    lines += rest.splitlines()
    acked = {int(line.split()[1]) for line in lines if line.startswith("ack")}
    undone = {int(line.split()[1]) for line in lines if line.startswith("undo")}
    assert len(acked) >= 2
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    store = ProjectStore(path)
    in_force = {e.seq for e in store.edits()}
    store.close()
    assert acked <= in_force, "an acknowledged edit was lost"
    assert not (undone & in_force), "an acknowledged undo was lost"
