"""Peak memory and time of rendering a collection of 25, 100 and 400 documents.

The documents are copies of the bundled edition's chapters (each about 100–200 KiB of TEI),
renamed so that every one is a page of its own, in a temporary folder. Each size is
rendered to HTML in a fresh process, and that process's peak resident memory (the render
runs Saxon in-process, so it is counted) is printed with the time and the memory per
document. Target (issue 19): at most 400 MiB at 400 documents.

    python benchmarks/bench_render_memory.py [--sizes 25 100 400] [--to html]
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
t0 = time.perf_counter()
result = render([sys.argv[1]], sys.argv[2], sys.argv[3], search=False)
seconds = time.perf_counter() - t0
print(len(result.files), seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
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
    args = ap.parse_args()
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            docs = make_collection(n, Path(tmp))
            size = sum(p.stat().st_size for p in docs.iterdir())
            proc = subprocess.run(
                [sys.executable, "-c", CHILD, str(docs), args.to, str(Path(tmp) / f"out{n}")],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                print(f"{n:5d} documents: failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            files, seconds, peak_kib = proc.stdout.split()
            peak = int(peak_kib) / 1024
            print(
                f"{n:5d} documents ({size / 2**20:6.1f} MiB of TEI): {args.to} in {float(seconds):6.1f} s, "
                f"peak {peak:6.0f} MiB ({peak / n:.2f} MiB per document), {files} files"
            )


if __name__ == "__main__":
    main()
