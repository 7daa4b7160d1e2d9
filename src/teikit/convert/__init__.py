"""Convert a plain-text book into TEI P5: read -> outline -> clean -> structure -> enrich -> write.

Each pass is a module with `apply(tei, ctx) -> tei`; PASSES is their order.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..profile import Profile, load_profile
from ..report import Report
from ..xmlio import output_folder
from . import (bibliography, furniture, header, indexes, inline, notes, outline, reader,
               structure)
from . import writer
from .context import Context

PASSES = [
    ("outline", outline.apply),
    ("furniture", furniture.apply),
    ("structure", structure.apply),
    ("notes", notes.apply),
    ("bibliography", bibliography.apply),
    ("indexes", indexes.apply),
    ("inline", inline.apply),
    ("header", header.apply),
]


def _passes():
    from .. import enrich          # enrich builds on convert's context: imported late
    return PASSES + enrich.PASSES


def convert_tree(source: str | Path, profile: Profile | None = None, report: Report | None = None,
                 book_id: str | None = None, timings: dict | None = None,
                 registers_from: str | Path | None = None):
    """Run the pipeline on a text file; return (TEI tree of the whole book, context)."""
    source = Path(source)
    report = report or Report(source=source.name)
    profile = profile or load_profile(source=source)
    ctx = Context(source=source, profile=profile, report=report, book_id=book_id or source.stem,
                  registers_from=Path(registers_from) if registers_from else None)
    t0 = time.perf_counter()
    tei = reader.read(source, report)
    if timings is not None:
        timings["read"] = time.perf_counter() - t0
    for name, apply in _passes():
        t0 = time.perf_counter()
        tei = apply(tei, ctx)
        if timings is not None:
            timings[name] = time.perf_counter() - t0
    return tei, ctx


def convert(source: str | Path, outdir: str | Path, profile: Profile | str | Path | None = None,
            force: bool = False, schema_hrefs: tuple[str, ...] = (),
            timings: dict | None = None) -> Report:
    """Convert a text file into a TEI edition in `outdir`; return the conversion report."""
    source = Path(source)
    if not isinstance(profile, Profile):
        profile = load_profile(profile, source=source)
    inputs = (source,) + ((profile.source,) if profile.source != "default" else ())
    output_folder(outdir, force, inputs)      # refuse a bad output before the work, not after
    tei, ctx = convert_tree(source, profile, timings=timings, registers_from=outdir)
    t0 = time.perf_counter()
    docs = writer.split(tei, ctx)
    writer.write(docs, Path(outdir), ctx.report.to_json(), force, tuple(schema_hrefs), inputs)
    if timings is not None:
        timings["write"] = time.perf_counter() - t0
    return ctx.report
