"""Where a corpus folder's project store lives: in the user's data folder, never in the corpus.

`$TIMELINE_APP_HOME/projects/` if set, else `$XDG_DATA_HOME/timeline-app/projects/`, else
`~/.local/share/timeline-app/projects/`; one file per corpus folder, named after the folder
and a hash of its absolute path. Corpus folders stay untouched, so read-only ones work.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

__all__ = ["data_home", "store_path_for"]


def data_home() -> Path:
    if os.environ.get("TIMELINE_APP_HOME"):
        return Path(os.environ["TIMELINE_APP_HOME"])
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "timeline-app"


def store_path_for(folder: Path) -> Path:
    folder = folder.resolve()
    digest = hashlib.sha1(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = re.sub(r"[^\w.-]+", "_", folder.name)[:40] or "root"
    return data_home() / "projects" / f"{name}-{digest}.sqlite"
