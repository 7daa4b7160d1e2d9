"""Time publishing the bundled book: stylesheet compilation apart from transformation.

Prints, best of N runs: compiling html.xsl, text.xsl, epub.xsl and print.xsl; reading the
edition into one tree; transforming it to the HTML site, the text edition and the EPUB (for
the EPUB "transform and write" includes zipping and writing the file; the HTML edition's search
index is timed apart, and its share of the HTML render printed); and the whole job as
a user runs it, in a fresh process (start, compile once, render): HTML and text together as
`teikit build` publishes them (target under 3 s), side by side with the same without the
search index (the index may add 10%), the EPUB alone (target 2 s). Then the PDF, best of
--pdf-runs (default 3; 0 leaves it out): typst.xsl's transform, Typst's layout and writing, the
whole (target 15 s), with the process's CPU time beside the wall-clock time (Typst lays out on
several threads: its CPU time can exceed the wall-clock time). The machine's load average is
printed with the figures, since the machines are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from teikit.render import FORMATS, render
from teikit.render.saxon import TRANSFORMS, processor
from timing import best

ROOT = Path(__file__).resolve().parent.parent
COLD = """
import sys, time
t0 = time.perf_counter()
from teikit.render import render, render_editions
edition, out, search, *formats = sys.argv[1:]
if formats == ["html", "text"]:  # as teikit build publishes them
    render_editions([edition], [(to, f"{out}/{to}") for to in formats], search=search == "search")
else:
    for to in formats:
        render([edition], to, f"{out}/{to}")
print(time.perf_counter() - t0)
"""


COLD_PDF = """
import json, sys, time
from teikit.render import render
cpu, t0 = time.process_time(), time.perf_counter()
result = render([sys.argv[1]], "pdf", sys.argv[2])
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": time.process_time() - cpu, "pages": result.pages, **result.seconds}))
"""


def cold(edition: str, out: Path, *formats: str, search: bool = True) -> float:
    """The time of the whole job in a fresh process, for `formats`."""
    proc = subprocess.run(
        [sys.executable, "-c", COLD, edition, str(out), "search" if search else "no-search", *formats],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pdf-runs", type=int, default=3)
    ap.add_argument("edition", nargs="?", default=str(ROOT / "tei" / "iron-lazar"))
    args = ap.parse_args()
    size = sum(p.stat().st_size for p in Path(args.edition).glob("*.xml"))
    print(f"render {args.edition} ({size / 1e6:.2f} MB of TEI), best of {args.runs}")
    print(
        "load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"
    )
    xslt = processor().new_xslt30_processor()
    for name in FORMATS.values():
        t = best(args.runs, lambda: xslt.compile_stylesheet(stylesheet_file=str(TRANSFORMS / name)))
        print(f"  compile {name:9s} {t * 1000:7.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for to in ("html", "text", "epub"):
            results = []
            for k in range(args.runs):
                results.append(render([args.edition], to, Path(tmp) / f"{to}{k}"))
            read = min(r.seconds["read"] for r in results)
            transform = min(r.seconds["transform"] for r in results)
            print(
                f"  {to:5s} read {read * 1000:5.0f} ms, transform and write {transform * 1000:5.0f} ms "
                f"({len(results[0].files)} files)"
            )
            if to == "html":
                index = min(r.seconds["search index"] for r in results)
                print(
                    f"        search index {index * 1000:5.0f} ms: adds {index / (read + transform):.0%} "
                    "to the HTML edition rendered alone"
                )
        # Side by side, alternating, so that the machine's load weighs on both alike.
        with_search, without = [], []
        for k in range(args.runs):
            with_search.append(cold(args.edition, Path(tmp) / f"cold{k}", "html", "text"))
            without.append(cold(args.edition, Path(tmp) / f"bare{k}", "html", "text", search=False))
        both, bare = min(with_search), min(without)
        print(f"HTML and text in a fresh process (import, compile once, render): {both:.2f} s (target < 3 s)")
        print(
            f"        the same without the search index: {bare:.2f} s: the index adds {both / bare - 1:.0%} "
            "(target <= 10%; it is built while the text edition renders)"
        )
        epub = min(cold(args.edition, Path(tmp) / f"cold-epub{k}", "epub") for k in range(args.runs))
        print(f"EPUB in a fresh process (import, compile, render, zip): {epub:.2f} s (target <= 2 s)")
        # Each PDF in a fresh process: Typst memoises its layout within a process, so a second
        # render of the same book there takes a fraction of the first.
        pdfs = []
        for k in range(args.pdf_runs):
            proc = subprocess.run(
                [sys.executable, "-c", COLD_PDF, args.edition, str(Path(tmp) / f"book{k}.pdf")],
                capture_output=True,
                text=True,
                check=True,
            )
            pdfs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if not pdfs:
            return  # --pdf-runs 0: the PDF left out
        run = min(pdfs, key=lambda run: run["wall"])
        cpu = min(run["cpu"] for run in pdfs)  # the best of each clock
        print(
            f"PDF ({run['pages']} pages, fresh process): compile {run['compile']:.2f} s, read {run['read']:.2f} s, "
            f"transform {run['transform']:.2f} s, layout and write {run['layout']:.2f} s; "
            f"whole {run['wall']:.2f} s (CPU {cpu:.2f} s; target <= 15 s)"
        )


if __name__ == "__main__":
    main()
