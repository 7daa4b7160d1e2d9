"""Building the project's bundled books: sources/BOOK.txt -> tei/BOOK/, declared and
validated, then published as public/BOOK/html/ and public/BOOK/text/."""

from __future__ import annotations

import os
import time
from pathlib import Path

from .convert import convert
from .errors import TeikitError
from .render import render
from .validate import Run, validate

SCHEMAS = ("teikit.rng", "teikit.sch")


def schema_hrefs(root: Path, outdir: Path) -> tuple[str, ...]:
    """The project's schemas as the edition's files declare them: relative to the edition."""
    return tuple(os.path.relpath(root / "schema" / name, outdir)
                 for name in SCHEMAS if (root / "schema" / name).is_file())


def build(root: str | Path = ".", schema: str | None = None, echo=print, publish: bool = True) -> list[Run]:
    root = Path(root)
    sources = sorted((root / "sources").glob("*.txt"))
    if not sources:
        raise TeikitError("no sources/*.txt to build", str(root))
    runs = []
    for src in sources:
        out = root / "tei" / src.stem
        t0 = time.perf_counter()
        report = convert(src, out, force=True, schema_hrefs=schema_hrefs(root, out))
        echo(report.summary())
        echo(f"converted {src} -> {out} in {time.perf_counter() - t0:.2f} s")
        run = validate([out], schema=schema)
        runs.append(run)
        if publish and not run.summary.invalid and not run.schema_errors:
            for to in ("html", "text"):
                echo(render([out], to, root / "public" / src.stem / to, force=True).summary())
    return runs
