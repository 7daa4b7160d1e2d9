"""Time publishing the bundled book: stylesheet compilation apart from transformation.

Prints, best of N runs: compiling html.xsl and text.xsl; reading the edition into one
tree; transforming it to the HTML site and to the text edition; and the whole job as a
user runs it (a fresh process: start, compile both stylesheets once, render both).
Target: both editions in under 3 s.
"""

from __future__ import annotations

import argparse
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
from teikit.render import render
for to in ("html", "text"):
    render([sys.argv[1]], to, f"{sys.argv[2]}/{to}")
print(time.perf_counter() - t0)
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("edition", nargs="?", default=str(ROOT / "tei" / "iron-lazar"))
    args = ap.parse_args()
    size = sum(p.stat().st_size for p in Path(args.edition).glob("*.xml"))
    print(f"render {args.edition} ({size / 1e6:.2f} MB of TEI), best of {args.runs}")
    xslt = processor().new_xslt30_processor()
    for name in FORMATS.values():
        t = best(args.runs, lambda: xslt.compile_stylesheet(stylesheet_file=str(TRANSFORMS / name)))
        print(f"  compile {name:9s} {t * 1000:7.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for to in FORMATS:
            results = []
            for k in range(args.runs):
                results.append(render([args.edition], to, Path(tmp) / f"{to}{k}"))
            read = min(r.seconds["read"] for r in results)
            transform = min(r.seconds["transform"] for r in results)
            print(
                f"  {to:5s} read {read * 1000:5.0f} ms, transform and write {transform * 1000:5.0f} ms "
                f"({len(results[0].files)} files)"
            )
        totals = []
        for k in range(args.runs):
            out = Path(tmp) / f"cold{k}"
            proc = subprocess.run(
                [sys.executable, "-c", COLD, args.edition, str(out)], capture_output=True, text=True, check=True
            )
            totals.append(float(proc.stdout.strip().splitlines()[-1]))
        print(f"both editions in a fresh process (import, compile once, render): {min(totals):.2f} s (target < 3 s)")


if __name__ == "__main__":
    main()
