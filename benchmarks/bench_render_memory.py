"""Peak memory and time of rendering a collection of 25, 100 and 400 documents.

The documents are copies of the bundled edition's chapters (each about 100–200 KiB of TEI),
renamed so that every one is a page of its own, in a temporary folder. Each size is
rendered to HTML in a fresh process, and that process's peak resident memory (the render
runs Saxon in-process, so it is counted) is printed with the time (wall and CPU: the
machine may be shared; CPU time, which counts Saxon's threads too, is disturbed less) and
the memory per document. Saxon's heap is sized by its garbage collector, not by what it
holds: the peak varies from run to run by a hundred MiB or so; repeat to compare.
Target (issue 19): at most 400 MiB at 400 documents.

teikit renders such a collection a window at a time (teikit.render.windows); --whole
also renders it the way it was rendered before, in one transform over the whole
collection (the pages are the same), side by side in the same run.

    python benchmarks/bench_render_memory.py [--sizes 25 100 400] [--to html] [--whole]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "tei" / "iron-lazar"
CHILD = """
import resource, sys, time
from teikit.render import render
t0, c0 = time.perf_counter(), time.process_time()
result = render([sys.argv[1]], sys.argv[2], sys.argv[3], search=False)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
print(len(result.files), seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
# The same collection in one transform over the whole of it, as before windows (no search index).
WHOLE = """
import resource, sys, tempfile, time
from pathlib import Path
from teikit.access import LINK_SCHEMES
from teikit.render import FORMATS
from teikit.render.collection import collect_to_file
from teikit.render.saxon import transform
t0, c0 = time.perf_counter(), time.process_time()
with tempfile.TemporaryDirectory() as work:
    source = Path(work) / "collection.xml"
    collect_to_file([sys.argv[1]], source)
    out = Path(sys.argv[3])
    out.mkdir()
    params = {"link-schemes": " ".join(LINK_SCHEMES)}
    transform(FORMATS[sys.argv[2]], source, out, params)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
files = sum(1 for p in out.rglob("*") if p.is_file())
print(files, seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def make_collection(n: int, folder: Path) -> Path:
    """`n` chapter documents, each a copy of one of the edition's chapters with its own name."""
    chapters = sorted(EDITION.glob("ch*.xml"))
    out = folder / f"docs{n}"
    out.mkdir()
    for k in range(n):
        source = chapters[k % len(chapters)]
        text = source.read_text(encoding="utf-8")
        # the document's own ids get a prefix, so that the copies are distinct pages
        text = re.sub(r'xml:id="([^"]+)"', lambda m: f'xml:id="d{k}-{m.group(1)}"', text)
        text = re.sub(r'(target|ref|corresp)="#([^"]+)"', lambda m: f'{m.group(1)}="#d{k}-{m.group(2)}"', text)
        (out / f"doc{k:04d}.xml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400])
    ap.add_argument("--to", default="html", choices=["html", "text"])
    ap.add_argument("--whole", action="store_true", help="also render in one transform, as before windows")
    args = ap.parse_args()
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            docs = make_collection(n, Path(tmp))
            size = sum(p.stat().st_size for p in docs.iterdir())
            runs = [("windows", CHILD)] + ([("whole", WHOLE)] if args.whole else [])
            for label, child in runs:
                proc = subprocess.run(
                    [sys.executable, "-c", child, str(docs), args.to, str(Path(tmp) / f"out{n}-{label}")],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if proc.returncode != 0:
                    print(f"{n:5d} documents, {label}: failed: {proc.stderr.strip().splitlines()[-1:]}")
                    continue
                files, seconds, cpu, peak_kib = proc.stdout.split()
                peak = int(peak_kib) / 1024
                print(
                    f"{n:5d} documents ({size / 2**20:5.1f} MiB of TEI), {label:7s}: {args.to} in {float(seconds):6.1f} s, "
                    f"CPU {float(cpu):6.1f} s ({float(cpu) / n:.3f} s per document), "
                    f"peak {peak:5.0f} MiB ({peak / n:.2f} MiB per document), {files} files"
                )


if __name__ == "__main__":
    main()
