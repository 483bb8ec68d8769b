"""Whether any code in this process opened a file: Linux inotify, read through ctypes.

Qt loads an `<img src=...>` of rich text with QFile, in C++: Python's `open` and its audit
hooks never see that. The kernel does, whoever opens the file.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import sys
from pathlib import Path

__all__ = ["FileOpens", "can_watch"]

_IN_ACCESS, _IN_OPEN, _IN_NONBLOCK = 0x1, 0x20, 0o4000
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len (then `len` bytes of name)


def can_watch() -> bool:
    return sys.platform.startswith("linux") and ctypes.util.find_library("c") is not None


class FileOpens:
    """Counts the opens and reads of one file from now on; `take()` returns and resets."""

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = libc.inotify_init1(_IN_NONBLOCK)
        if (
            self._fd < 0
            or libc.inotify_add_watch(self._fd, os.fsencode(path), _IN_OPEN | _IN_ACCESS) < 0
        ):
            raise OSError(ctypes.get_errno(), f"cannot watch {path}")

    def take(self) -> int:
        """How many opens or reads happened since the last call."""
        n = 0
        while True:
            try:
                buf = os.read(self._fd, 4096)
            except BlockingIOError:
                return n
            at = 0
            while at < len(buf):
                *_, name_len = _EVENT.unpack_from(buf, at)
                at += _EVENT.size + name_len
                n += 1

    def close(self) -> None:
        os.close(self._fd)
