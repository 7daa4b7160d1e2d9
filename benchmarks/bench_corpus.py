"""Convert every book of the development corpus and the bundled book; print one table.

For each book: size, seconds (and seconds per MB), words kept (the converter's own account),
body divisions matched / found / expected and whether they are exactly as expected, notes
attached / expected, sampled notes found at the right reference, and validity against
teikit's schema (RELAX NG + Schematron) and the official tei_all.rng. The expectations are
tests/data/corpus-expectations.toml (established by reading the books). `--repeat N`
converts each book N times and reports the fastest (on a shared machine, one run's
time says little; the target is 1.5 s per MB for every book). `--cpu` times in CPU time of
the process, which a loaded machine disturbs far less than wall time (`timing.clock`).

    python benchmarks/bench_corpus.py [--books DIR] [--no-validate] [--repeat N] [--cpu] [BOOK ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from teikit.convert import accounting, convert, reader
from teikit.convert.evaluate import load_expectations, measure
from teikit.report import Report
from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, validate
from timing import clock

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXPECTATIONS = ROOT / "tests" / "data" / "corpus-expectations.toml"


def words_kept(book: Path, out: Path) -> str:
    """The share of the source's words the edition holds, by the converter's own measure."""
    text = reader.text_of(book, Report())
    total = len(accounting.words(text))
    lost = sum(accounting.lost_words(text, out).values())
    return f"{100 * (total - lost) / total:.2f}%" if total else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--books", default=str(SHARED / "corpus" / "books"))
    ap.add_argument("--no-validate", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="convert each book N times, report the fastest")
    ap.add_argument("--cpu", action="store_true", help="CPU time of the process, not wall time")
    ap.add_argument("only", nargs="*")
    args = ap.parse_args()
    now = clock(args.cpu)
    books_dir = Path(args.books)
    if not books_dir.is_dir():
        print(f"no corpus at {books_dir}: nothing to measure", file=sys.stderr)
        return 2
    expectations = load_expectations(EXPECTATIONS)
    books = sorted(books_dir.glob("*.txt"))
    sample = SHARED / "corpus" / "iron-lazar.txt"
    if sample.exists():
        books.append(sample)
    if args.only:
        books = [b for b in books if b.stem in args.only]
    tei_all = SHARED / "schemas" / "tei_all.rng"
    print(
        f"{'book':34} {'MB':>5} {'s':>5} {'s/MB':>5} {'words':>8} {'divs':>11} {'exact':>5} "
        f"{'notes':>11} {'samples':>7} {'teikit':>6} {'tei_all':>7}"
    )
    totals = {"exact": 0, "books": 0, "notes": 0, "notes_expected": 0, "samples": 0, "right": 0}
    for book in books:
        expected = expectations.get(book.stem, {})
        with tempfile.TemporaryDirectory() as tmp:
            seconds = float("inf")
            try:
                for k in range(max(1, args.repeat)):
                    out = Path(tmp) / str(k) / book.stem
                    t0 = now()
                    convert(book, out, allow_loss=True)
                    seconds = min(seconds, now() - t0)
            except Exception as exc:  # a benchmark reports every failure and goes on
                print(f"{book.stem[:34]:34} FAILED: {type(exc).__name__}: {exc}")
                continue
            mb = book.stat().st_size / 1e6
            m = measure(out, expected) if expected else None
            kept = words_kept(book, out)
            valid = ("-", "-")
            if not args.no_validate:
                ours = validate([out], schema=TEIKIT_RNG, schematron=TEIKIT_SCH).summary
                theirs = validate([out], schema=str(tei_all)).summary if tei_all.exists() else None
                valid = (
                    f"{ours.files - ours.invalid}/{ours.files}",
                    f"{theirs.files - theirs.invalid}/{theirs.files}" if theirs else "n/a",
                )
        if m is None:
            divs = exact = notes = samples = "-"
        else:
            totals["books"] += 1
            totals["exact"] += m.divisions_exact
            totals["notes"] += min(m.notes_found, m.notes_expected)
            totals["notes_expected"] += m.notes_expected
            totals["samples"] += m.samples
            totals["right"] += m.samples_right
            divs = f"{m.body_matched}/{len(m.body)}/{m.body_expected}"
            exact = "yes" if m.divisions_exact else "no"
            notes = f"{m.notes_found}/{m.notes_expected}"
            samples = f"{m.samples_right}/{m.samples}"
        print(
            f"{book.stem[:34]:34} {mb:5.2f} {seconds:5.2f} {seconds / mb:5.2f} {kept:>8} "
            f"{divs:>11} {exact:>5} {notes:>11} {samples:>7} {valid[0]:>6} {valid[1]:>7}",
            flush=True,
        )
    if totals["books"]:
        print(
            f"divisions exactly as expected: {totals['exact']} of {totals['books']} books; "
            f"notes attached (capped at expected): {totals['notes']} of {totals['notes_expected']}; "
            f"sampled notes at the right reference: {totals['right']} of {totals['samples']}"
        )
    print("divs = matched/found/expected body divisions; notes = attached/expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
