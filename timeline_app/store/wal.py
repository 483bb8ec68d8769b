"""What SQLite leaves unread at the end of a store's write-ahead log after a crash.

SQLite reads the log up to its last complete, intact commit and ignores the rest without a
word. Frames after that are normal when their write was never acknowledged: a transaction
rolled back (a full disk) or cut short by a crash. They are a loss when they were committed
and the disk lost them since (a torn or damaged end). The log's index (the `-shm` file) tells
the two apart: the processes that wrote keep in it how many frames were committed, and the
page each frame holds. It is read before SQLite opens the store (the first connection
rebuilds it) and trusted only when its header checks out; without it, a log that ends in
frames SQLite could not read is named as possibly lost.
Formats: https://www.sqlite.org/fileformat2.html#the_write_ahead_log and #walindexformat
"""

from __future__ import annotations

import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

__all__ = ["WalIndex", "WalTail", "read_index", "unread_tail"]

_MAGIC = (0x377F0682, 0x377F0683)  # checksums in little- or big-endian words
_HEADER = 32
_FRAME_HEADER = 24
_INDEX_HEADER = 48  # one copy of the index header; two copies and checkpoint info: 136 bytes
_BLOCK = 32768  # the index is in blocks; the first starts with those 136 bytes
_FIRST_FRAMES = (_BLOCK - 136) // 4  # frames whose page numbers the first block holds
_NATIVE = "<" if sys.byteorder == "little" else ">"


@dataclass(frozen=True, slots=True)
class WalIndex:
    """What the log's index says: `frames` committed under `salts`, and its raw blocks (where
    each frame's page number is)."""

    frames: int
    salts: bytes
    page_size: int
    data: bytes

    def pages(self, first: int, last: int) -> set[int]:
        """The pages frames `first`..`last` (1-based) hold, as far as the index has them."""
        out = set()
        for frame in range(first, last + 1):
            if frame <= _FIRST_FRAMES:
                at = 136 + 4 * (frame - 1)
            else:
                block, slot = divmod(frame - _FIRST_FRAMES - 1, 4096)
                at = (block + 1) * _BLOCK + 4 * slot
            if at + 4 <= len(self.data):
                out.add(struct.unpack_from(_NATIVE + "I", self.data, at)[0])
        return out


@dataclass(frozen=True, slots=True)
class WalTail:
    """`unread` bytes of the log that SQLite ignored and the pages they held (where known);
    `committed`: the index shows they had been committed, so what they held is lost."""

    unread: int
    pages: frozenset[int]
    committed: bool


def read_index(shm: Path) -> WalIndex | None:
    """The log's index; None if there is none or its header does not check out."""
    try:
        data = shm.read_bytes()
    except OSError:
        return None
    if len(data) < 136 or data[:_INDEX_HEADER] != data[_INDEX_HEADER : 2 * _INDEX_HEADER]:
        return None
    words = struct.unpack(_NATIVE + "12I", data[:_INDEX_HEADER])
    if data[12] != 1 or _checksum(words[:10], 0, 0) != words[10:12]:
        return None
    size = struct.unpack_from(_NATIVE + "H", data, 14)[0]
    page_size = (size & 0xFF00) | ((size & 0x0001) << 16)  # 65536 is written as 1
    return WalIndex(words[4], data[32:40], page_size, data)


def unread_tail(wal: Path, kept_frames: int, index: WalIndex | None) -> WalTail | None:
    """What of the log SQLite did not read beyond its `kept_frames`, if anything that matters:
    committed frames (by the `index` of this round of the log) that are gone or unreadable;
    without an index, any frames of this round after those SQLite read (frames of an earlier
    round, left after the log was restarted, carry other salts: they are stale, not lost)."""
    kept_frames, header, unread, pages = max(kept_frames, 0), b"", 0, set()
    try:
        with wal.open("rb") as f:
            size = f.seek(0, 2)
            f.seek(0)
            header = f.read(_HEADER)
            if _valid_header(header):
                frame = _FRAME_HEADER + struct.unpack(">I", header[8:12])[0]
                unread, pages = _frames_after(f, size, frame, kept_frames, header[16:24])
            elif kept_frames == 0:  # SQLite ignored the whole log
                unread = max(size - _HEADER, 0)
    except OSError:
        pass
    if index is not None and (not _valid_header(header) or index.salts == header[16:24]):
        if index.frames <= kept_frames:
            return None  # all that was committed was read; the rest was never acknowledged
        lost = (index.frames - kept_frames) * (_FRAME_HEADER + index.page_size)
        pages |= index.pages(kept_frames + 1, index.frames)
        return WalTail(max(unread, lost), frozenset(pages), committed=True)
    return WalTail(unread, frozenset(pages), committed=False) if unread else None


def _frames_after(
    f: BinaryIO, size: int, frame: int, first: int, salts: bytes
) -> tuple[int, set[int]]:
    unread, pages = 0, set()
    offset = _HEADER + first * frame
    while offset < size:
        f.seek(offset)
        head = f.read(_FRAME_HEADER)
        if len(head) == _FRAME_HEADER and head[8:16] != salts:
            break  # a stale frame of an earlier round
        if len(head) == _FRAME_HEADER:
            pages.add(struct.unpack(">I", head[:4])[0])
        unread += min(frame, size - offset)
        offset += frame
    return unread, pages


def _valid_header(header: bytes) -> bool:
    if len(header) < _HEADER:
        return False
    magic = struct.unpack(">I", header[:4])[0]
    if magic not in _MAGIC:
        return False
    words = struct.unpack((">" if magic & 1 else "<") + "6I", header[:24])
    return _checksum(words, 0, 0) == struct.unpack(">2I", header[24:32])


def _checksum(words: tuple[int, ...], s0: int, s1: int) -> tuple[int, int]:
    """SQLite's checksum over pairs of 32-bit words."""
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1
