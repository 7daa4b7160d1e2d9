"""Time `convert` on generated inputs of 1, 4 and 16 MB in three shapes, to show how
conversion time grows with the size of the text (linear growth: ratio ≈ 4 per step).

Shapes: `book` — a normal book made by repeating and varying chapters and paragraphs;
`one-line` — the same words on a single line; `no-blank` — the book's lines with no
blank line between them (one block). Run: `python benchmarks/bench_scaling.py`
(`--sizes 1 4` for a quicker run, `--shapes book`).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from teikit.convert import convert

_PARAS = [
    "The harbour at Whitby was rebuilt in {y}, and the fishermen of the town did not trust "
    "the new wall at first. They said that it did not face the sea squarely.{n}",
    "Mary Linskill wrote of the {k} keepers in her letters to London, and of the storms of "
    "{y} that carried away the old pier and three of the boats moored behind it.",
    "the work went on through the winter, and by the spring of {y} the lamp was lit again "
    "from the top of the new tower, which could be seen from twelve miles out at sea.{n}",
    "In the accounts of the Harbour Commissioners for {y} the cost of the tower is given as "
    "{k} pounds, a sum the town raised by a levy on every ton of coal landed at the quay.",
]


def book_lines(size: int) -> list[str]:
    """Lines of a book of about `size` bytes: a title page, then chapters of paragraphs."""
    lines = ["The Keepers of the Light", "", "A History of the Whitby Lights", "", "M. J. Fairweather", ""]
    total, ch, k = 0, 0, 0
    while total < size:
        ch += 1
        lines += [f"Chapter {ch}", "", f"The Tower of {1700 + ch % 300}", ""]
        for _ in range(40):
            k += 1
            text = _PARAS[k % len(_PARAS)].format(y=1700 + k % 300, k=k, n="")
            lines += [text, ""]
            total += len(text) + 2
    return lines


def make_input(shape: str, size: int, folder: Path) -> Path:
    lines = book_lines(size)
    if shape == "book":
        text = "\n".join(lines)
    elif shape == "one-line":
        text = " ".join(l for l in lines if l)
    else:  # no-blank
        text = "\n".join(l for l in lines if l)
    path = folder / f"{shape}-{size}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16], help="sizes in MB")
    ap.add_argument("--shapes", nargs="+", default=["book", "one-line", "no-blank"])
    args = ap.parse_args()
    print(f"{'shape':10s} " + " ".join(f"{s:>5d} MB" for s in args.sizes) + "   growth per step")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # warm-up: imports and the gazetteer's first load are not part of any size's time
        convert(make_input("book", 20_000, tmp), tmp / "warm-up")
        for shape in args.shapes:
            times = []
            for size in args.sizes:
                src = make_input(shape, size * 1_000_000, tmp)
                t0 = time.perf_counter()
                convert(src, tmp / f"out-{shape}-{size}", force=True)
                times.append(time.perf_counter() - t0)
                src.unlink()
            ratios = [b / a for a, b in zip(times, times[1:])]
            print(
                f"{shape:10s} "
                + " ".join(f"{t:7.1f}s" for t in times)
                + "   "
                + "  ".join(f"x{r:.1f}" for r in ratios),
                flush=True,
            )


if __name__ == "__main__":
    main()
