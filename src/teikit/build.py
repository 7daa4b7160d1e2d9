"""Building the project's bundled books: sources/BOOK.txt -> tei/BOOK/, declared and
validated, then published as public/BOOK/html/ and public/BOOK/text/.

Each output folder is replaced as a whole, as `--force` does (see xmlio.atomic_folder): only
when teikit wrote it. The committed edition carries teikit's marker (`tei/BOOK/.teikit-output`,
the same bytes on every run). A folder that an earlier teikit wrote before there were markers
is recognised by what it holds and adopted: tei/BOOK/ holding only XML files and a conversion
report naming BOOK.txt; public/BOOK/html/ holding index.html and assets/; public/BOOK/text/
holding book.txt. Anything else there is refused, not removed.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from .convert import convert
from .errors import TeikitError
from .render import render_editions
from .validate import Run, validate
from .xmlio import MARKER

SCHEMAS = ("teikit.rng", "teikit.sch")


def schema_hrefs(root: Path, outdir: Path) -> tuple[str, ...]:
    """The project's schemas as the edition's files declare them: relative to the edition."""
    return tuple(
        os.path.relpath(root / "schema" / name, outdir) for name in SCHEMAS if (root / "schema" / name).is_file()
    )


def _written_before_markers(folder: Path, kind: str, stem: str) -> bool:
    """Whether `folder`, which has no marker, holds what an earlier teikit wrote there."""
    try:
        names = {p.name for p in folder.iterdir()}
        if kind == "tei":
            report = json.loads((folder / "conversion-report.json").read_text(encoding="utf-8"))
            return report.get("source") == f"{stem}.txt" and all(
                n.endswith(".xml") or n == "conversion-report.json" for n in names
            )
        if kind == "html":
            return "index.html" in names and (folder / "assets").is_dir()
        return "book.txt" in names
    except (OSError, ValueError, AttributeError):
        return False


def _adopt(folder: Path, kind: str, stem: str) -> None:
    """Mark a folder an earlier teikit wrote, so that this build may replace it."""
    if folder.is_dir() and not (folder / MARKER).exists() and _written_before_markers(folder, kind, stem):
        (folder / MARKER).write_text(f"teikit build (adopted {kind} output)\n", encoding="utf-8")


def build(root: str | Path = ".", schema: str | None = None, echo=print, publish: bool = True) -> list[Run]:
    root = Path(root)
    sources = sorted((root / "sources").glob("*.txt"))
    if not sources:
        raise TeikitError("no sources/*.txt to build", str(root))
    runs = []
    for src in sources:
        out = root / "tei" / src.stem
        t0 = time.perf_counter()
        _adopt(out, "tei", src.stem)
        report = convert(src, out, force=True, schema_hrefs=schema_hrefs(root, out))
        echo(report.summary())
        echo(f"converted {src} -> {out} in {time.perf_counter() - t0:.2f} s")
        run = validate([out], schema=schema)
        runs.append(run)
        if publish and not run.summary.invalid and not run.schema_errors:
            editions = [(to, root / "public" / src.stem / to) for to in ("html", "text")]
            for to, folder in editions:
                _adopt(folder, to, src.stem)
            for rendered in render_editions([out], editions, force=True):
                echo(rendered.summary())
    return runs
