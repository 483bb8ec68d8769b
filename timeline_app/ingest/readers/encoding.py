"""Bytes to text: byte-order marks, strict UTF-8, then charset-normalizer for legacy encodings.

A file whose bytes fit no text encoding (NUL bytes, control characters) is refused as binary
rather than shown as mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

__all__ = ["Decoded", "NotTextError", "decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# legacy encodings our users' scrapers produce; asked in this order on a tie
_LEGACY = ["cp1251", "cp1252", "latin_1", "cp1250", "koi8_r", "iso8859_15"]
_CONTROL_OK = set("\n\r\t\f\v")
# the characters below the space that a text does not hold
_CONTROLS = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _CONTROL_OK) + "]"
)


class NotTextError(ValueError):
    """The bytes are not text in any encoding we read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str = ""  # said to the user when the encoding had to be guessed


def decode(data: bytes) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(Decoded(data.decode(name, errors="replace"), name))
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise NotTextError("not a text file (contains NUL bytes)")
        return _checked(utf16)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best = _best_legacy(data)
    if best is None:
        raise NotTextError(f"not UTF-8 text (byte {first_bad}) and no known encoding fits")
    name = best.encoding
    return _checked(Decoded(str(best), name, f"not valid UTF-8 (byte {first_bad}); read as {name}"))


def _best_legacy(data: bytes):  # -> charset_normalizer.CharsetMatch | None
    """charset-normalizer's best guess; on a tie, the more common encoding (_LEGACY order):
    cp1250, cp1252 and Latin-1 often read French or German equally well."""
    matches = list(from_bytes(data, cp_isolation=_LEGACY))
    if not matches:
        return None
    top = min((m.chaos, -m.coherence) for m in matches)
    tied = [m for m in matches if (m.chaos, -m.coherence) == top]
    return min(tied, key=lambda m: _LEGACY.index(m.encoding) if m.encoding in _LEGACY else 99)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text without a BOM has NULs in one byte lane (its ASCII: spaces, digits) only."""
    even, odd = data[0::2], data[1::2]
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros and zeros.count(0) > 0.2 * len(zeros) and other.count(0) < 0.02 * len(other):
            try:
                return Decoded(data.decode(name), name, f"no byte-order mark; read as {name}")
            except UnicodeDecodeError:
                return None
    return None


def _checked(decoded: Decoded) -> Decoded:
    sample = decoded.text[:100_000]
    controls = len(_CONTROLS.findall(sample))  # a C scan: a Python loop per character was
    # a tenth of a text file's decoding
    if sample and controls > 0.05 * len(sample):
        raise NotTextError("not a text file (mostly control characters)")
    return decoded
