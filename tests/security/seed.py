"""What the hostile-input tests share: a copy of the seed articles to spoil, and the real CLI."""

import shutil
import subprocess
import sys
from pathlib import Path

from timeline_app.paths import SHIPPED_CORPUS

TIMEOUT = 120  # a FIFO that is opened for reading hangs: the test must fail, not hang


def seed_copy(folder: Path, *, manifest: bool = True) -> Path:
    """`folder` made and filled with the shipped articles (and their manifest)."""
    folder.mkdir()
    for p in SHIPPED_CORPUS.iterdir():
        if manifest or p.name != "manifest.json":
            shutil.copy(p, folder / p.name)
    return folder


def run_cli(*args, timeout=TIMEOUT):
    """`timeline-app ARGS` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
