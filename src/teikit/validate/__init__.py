"""Validation against RELAX NG (a first cut: lxml's engine, one compiled schema per run)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..xmlio import safe_parser


@dataclass
class FileResult:
    path: str
    errors: list = field(default_factory=list)   # (line, column, message)

    @property
    def valid(self) -> bool:
        return not self.errors


def load_schema(path: str | Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(etree.parse(str(path), safe_parser()))
    except (etree.XMLSyntaxError, etree.RelaxNGParseError, OSError) as exc:
        raise TeikitError(f"cannot load RELAX NG schema: {exc}", str(path)) from None


def validate_file(path: str | Path, schema: etree.RelaxNG) -> FileResult:
    result = FileResult(str(path))
    try:
        doc = etree.parse(str(path), safe_parser())
        doc.xinclude()
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        result.errors.append((line, col, f"not well-formed: {exc.msg}"))
        return result
    except etree.XIncludeError as exc:
        result.errors.append((0, 0, f"XInclude failed: {exc}"))
        return result
    if not schema.validate(doc):
        for e in schema.error_log:
            result.errors.append((e.line, e.column, e.message))
    return result
