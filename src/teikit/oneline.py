"""Text that goes on one line of a report or of the terminal, whatever it quotes.

Reports and error lines quote file names and documents, and both may hold anything:
- `one_line(text)`: control characters, U+2028/U+2029 and U+FFFE/U+FFFF escaped
  (`\\n`, `\\x1b`, `\\u2028`; a backslash as `\\\\`, so that an escape is never ambiguous),
  so that a quoted name can neither forge a second line nor drive a terminal, and
  the text stays valid UTF-8 (see `valid_unicode`);
- `unicode_path(path)`: a path as valid Unicode, its bytes that were not UTF-8 (lone
  surrogates from os.fsdecode) shown as `\\xNN`;
- `valid_unicode(text)`: the same for any text.

A module of its own, importing nothing heavy, because the command line's error lines
need it after anything else may have failed (even after privileges were dropped).
"""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\\]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def one_line(text: str) -> str:
    """`text` on one line: control characters and backslashes escaped."""
    text = _CONTROL.sub(
        lambda m: _NAMED.get(
            m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )
    return valid_unicode(text)


def unicode_path(path: str | None) -> str | None:
    """A path as valid Unicode: bytes that were not UTF-8 become \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace") if path else path


def valid_unicode(text: str) -> str:
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
