"""Publishing: TEI documents to an HTML reading edition or a plain-text edition.

    render(["tei/book"], "html", "public/book/html")

The transforms (transforms/html.xsl, text.xsl) do the work; this package gathers the
documents safely into one tree, runs the compiled stylesheet once for the whole
collection, adds the site's assets and replaces the output folder atomically.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import TeikitError, UsageError
from ..xmlio import atomic_folder, output_folder
from .collection import collect, local_graphics
from .saxon import TRANSFORMS, stylesheet, transform

FORMATS = {"html": "html.xsl", "text": "text.xsl"}


@dataclass
class Rendered:
    outdir: Path
    to: str
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        times = ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items())
        return (f"rendered {self.to}: {len(self.files)} files in {self.outdir} ({times}); "
                f"{len(self.warnings)} warnings")


def compile_stylesheets(*formats: str) -> float:
    """Compile the stylesheets now (they are compiled once per process); returns seconds."""
    t0 = time.perf_counter()
    for to in formats or FORMATS:
        stylesheet(FORMATS[to])
    return time.perf_counter() - t0


def render(paths, to: str, outdir, *, width: int = 78, force: bool = False) -> Rendered:
    if to not in FORMATS:
        raise UsageError(f"unknown edition '{to}': choose {' or '.join(FORMATS)}")
    if width < 0:
        raise UsageError("--width must be 0 (no wrapping) or more")
    outdir = Path(outdir)
    output_folder(outdir, force, paths)         # refuse a bad output before the work, not after
    result = Rendered(outdir, to)
    result.seconds["compile"] = compile_stylesheets(to)
    t0 = time.perf_counter()
    tree = collect(paths, warn=result.warnings.append)
    xml_text = etree.tostring(tree, encoding="unicode")
    result.seconds["read"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    with atomic_folder(outdir, force, paths, writer=f"teikit render {to}") as tmp:
        params = {"width": width} if to == "text" else {}
        result.warnings += transform(FORMATS[to], xml_text, tmp, params)
        if to == "html":
            shutil.copytree(TRANSFORMS / "assets", tmp / "assets")
            for url, source in local_graphics(tree, warn=result.warnings.append).items():
                (tmp / url).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, tmp / url)
        result.files = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*") if p.is_file())
        if not result.files:
            raise TeikitError("the transform wrote nothing", str(outdir))
    result.seconds["transform"] = time.perf_counter() - t0
    return result
