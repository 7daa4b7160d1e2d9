"""CPU time of each step of the HTML + text render of a book, and of other versions of the
transforms side by side with teikit's.

The steps are those of `teikit build`'s render_editions for a collection read in one run:
Saxon reads the collection (parse), what the transforms compute alike is computed once
(common.xsl, tk:tree-values: the register entries' mentions among it), then the HTML
transform (with a search box) and the text transform write their pages (the search index, a process of its own, is left out). Saxon
runs in this process and holds it while it works, so the CPU time of this process (user
and system) is what each step costs; on a shared machine it is disturbed far less than
the wall-clock time, which is printed beside it.

--html FILE and --text FILE add another version of html.xsl or text.xsl (a copy with one
template changed, in a folder that holds copies of the stylesheets it imports): each run
transforms the same tree with teikit's and with each other version in turn, so that the
machine's load weighs on all alike. Each figure is the best of --runs (the median beside it).

    python benchmarks/bench_render_steps.py [--runs 5] [--html FILE ...] [--text FILE ...] [edition]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from teikit.access import LINK_SCHEMES
from teikit.render import Reading, windows
from teikit.render.collection import prepare_documents
from teikit.render.saxon import Parsed, stylesheet, transform

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[float, float, T]:
    """The CPU and wall-clock seconds fn() took, and what it returned."""
    c0, w0 = time.process_time(), time.perf_counter()
    value = fn()
    return time.process_time() - c0, time.perf_counter() - w0, value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--html", nargs="*", default=[], help="other versions of html.xsl to time beside it")
    ap.add_argument("--text", nargs="*", default=[], help="other versions of text.xsl to time beside it")
    ap.add_argument("edition", nargs="?", default=str(ROOT / "tei" / "iron-lazar"))
    args = ap.parse_args()
    links = {"link-schemes": " ".join(LINK_SCHEMES)}
    html_params: dict[str, bool | int | str] = {**links, "search": True}
    text_params: dict[str, bool | int | str] = {**links, "width": 78}
    versions = [("html", "html.xsl", html_params)] + [("html", str(Path(f).resolve()), html_params) for f in args.html]
    versions += [("text", "text.xsl", text_params)] + [("text", str(Path(f).resolve()), text_params) for f in args.text]
    for _, name, _ in versions:
        stylesheet(name)  # compiled before the timing, as teikit build compiles them apart
    steps: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        reading = Reading([args.edition], work)
        gathered, _ = reading.documents()
        documents = prepare_documents(gathered, work, lambda root: None)
        tree = documents[0]
        if len(documents) > 1:  # the tree teikit.render reads for a collection (Reading.parse)
            tree = work / "collection.xml"
            windows.write_whole(documents, tree)
        for run in range(args.runs):
            c, w, parsed = timed(functools.partial(Parsed, tree))
            steps.setdefault("parse", []).append((c, w))
            c, w, shared = timed(functools.partial(reading.shared, parsed, "html.xsl", html_params))
            steps.setdefault("shared values", []).append((c, w))
            for k, (to, name, params) in enumerate(versions):
                out = work / f"{run}-{k}"
                out.mkdir()
                given = {**params, **shared}
                c, w, _ = timed(functools.partial(transform, name, parsed, out, given))
                steps.setdefault(f"{to} {name}", []).append((c, w))
    print(f"{args.edition}: CPU seconds (wall-clock beside), best of {args.runs} (median)")
    for step, times in steps.items():
        cpus = [c for c, _ in times]
        print(f"  {step:40s} CPU {min(cpus):.3f} ({statistics.median(cpus):.3f})   wall {min(w for _, w in times):.3f}")
    print(f"load average (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
