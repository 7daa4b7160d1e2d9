"""Read: bytes of a plain-text book -> a raw TEI document, one <p> per block.

A block is a run of non-blank lines. Its lines stay separated by newlines so
that later passes can tell a table or a list of notes from a paragraph; each
block remembers the source line where it starts (lxml `sourceline`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..errors import TeikitError
from ..report import Report
from ..tei import make, sub

# Characters XML 1.0 forbids, except the tab, newline and carriage return it allows.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_C1_CONTROLS = re.compile("[\x80-\x9f]")


def decode(data: bytes, path: str, report: Report) -> str:
    """Decode a text file, telling apart UTF-8, UTF-16 with BOM, cp1252 and binary."""
    if not data.strip():
        raise TeikitError("the file is empty: there is no text to convert", path)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise TeikitError(
                    f"the file starts with a {enc} byte-order mark but is not valid {enc} (byte {exc.start})", path
                ) from None
            if enc != "utf-8-sig":
                report.info("encoding", None, f"decoded as {enc} (byte-order mark)")
            return text
    sample = data[:65536]
    if b"\x00" in sample:
        raise TeikitError("this looks like a binary file (it contains NUL bytes), not text", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        first_error = (line, exc.start)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise TeikitError(
            f"not valid UTF-8 (first bad byte at offset {first_error[1]}) "
            "and not Windows-1252 either; convert it to UTF-8 first",
            path,
            first_error[0],
        ) from None
    if _C1_CONTROLS.search(text):
        raise TeikitError("not valid UTF-8 and not plausible Windows-1252 text", path, first_error[0])
    report.add("encoding", first_error[0], "not valid UTF-8; decoded as Windows-1252 (cp1252): check accented letters")
    return text


def clean_text(text: str, report: Report) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ILLEGAL_XML.search(text):
        for lineno, line in enumerate(text.split("\n"), start=1):
            for m in _ILLEGAL_XML.finditer(line):
                report.add(
                    "illegal-character", lineno, f"removed U+{ord(m.group()):04X}, a character XML does not allow"
                )
        text = _ILLEGAL_XML.sub("", text)
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        report.info("normalised", None, "text normalised to Unicode NFC")
    return normal


def blocks(text: str):
    """Yield (first line number, block text) for each run of non-blank lines."""
    start, buf = 0, list[str]()
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not buf:
                start = lineno
            buf.append(line.rstrip())
        elif buf:
            yield start, "\n".join(buf)
            buf = []
    if buf:
        yield start, "\n".join(buf)


def text_of(path: str | Path, report: Report) -> str:
    """The text of a file as the converter reads it: decoded, line ends made \\n, NFC."""
    path = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc.strerror}", path) from None
    return clean_text(decode(data, path, report), report)


def read(path: str | Path, report: Report):
    """Read a text file into a raw TEI document: TEI/teiHeader + text/body/p*."""
    return read_text(text_of(path, report), report)


def read_text(text: str, report: Report):
    tei = make("TEI")
    sub(tei, "teiHeader")
    body = sub(sub(tei, "text"), "body")
    n = 0
    for line, block in blocks(text):
        sub(body, "p", block, line=line)
        n += 1
    report.counts["source_blocks"] = n
    report.counts["source_lines"] = text.count("\n") + 1
    return tei
