"""The enrichment's errors on the development samples, for tuning (never the held-out one).

Converts the bundled book afresh (with its profile, and with teikit's default profile
only) and ../shared/corpus/books/gardiner-french-revolution.txt, scores them against
tests/data/enrich/anchored/iron-lazar-dev*.txt (every development sample) and
gardiner-french-revolution.txt (and the
date-only samples in tests/data/enrich/dates-dev); likewise each book of the no-index
development samples (tests/data/enrich/noindex-dev, run name = the book's file stem), and prints the figures and every miss,
spurious mark and wrong date value, grouped by type. The held-out sample
(anchored/iron-lazar-test*.txt) is refused: its errors are not to be read while tuning.

    PYTHONPATH=src python benchmarks/enrich_errors.py [--out DIR] [--types LOD] [--only NAME]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import teikit.convert as convert_module
from bench_enrich import book_file, book_profile  # the book a sample was drawn from, its profile (this script's folder)
from teikit.enrich import evaluate
from teikit.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "enrich"
BOOKS = ROOT.parent / "shared" / "corpus" / "books"
LAZAR = ROOT / "sources" / "iron-lazar.txt"
GARDINER = BOOKS / "gardiner-french-revolution.txt"


# Every development sample of the bundled book (never anchored/iron-lazar-test*.txt, held out).
_LAZAR_DEV = tuple(f"anchored/{p.name}" for p in sorted((GOLD / "anchored").glob("iron-lazar-dev*.txt")))

RUNS = {
    # name: (source, profile: None = the one beside the source, or for a book of the corpus the
    # one the editor chose (bench_enrich.book_profile); "default" = teikit's own, samples)
    "lazar": (
        LAZAR,
        None,
        (*_LAZAR_DEV, "dates-dev/iron-lazar-dates.txt"),
    ),
    "lazar-noprofile": (
        LAZAR,
        "default",
        _LAZAR_DEV,
    ),
    "gardiner": (GARDINER, None, ("anchored/gardiner-french-revolution.txt", "dates-dev/gardiner-dates.txt")),
}
# The books without an index: one run per book of tests/data/enrich/noindex-dev (never ../noindex, held out).
for _sample in sorted((GOLD / "noindex-dev").glob("*.txt")):
    _source = book_file(_sample.stem)  # a date-bearing or second sample: the same book
    _samples = RUNS[_source.stem][2] if _source.stem in RUNS else ()
    RUNS[_source.stem] = (_source, None, (*_samples, f"noindex-dev/{_sample.name}"))
LABELS = {"P": "persName", "L": "placeName", "O": "orgName", "D": "date"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/enrich-errors", help="where the conversions are written")
    ap.add_argument("--types", default="PLOD")
    ap.add_argument(
        "--only", default="", help="comma-separated run names (lazar, lazar-noprofile, gardiner, a noindex-dev book)"
    )
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    for name, (source, profile_name, samples) in RUNS.items():
        if args.only and name not in args.only.split(","):
            continue
        if not source.exists():
            print(f"{name}: {source} absent")
            continue
        out = Path(args.out) / name
        if out.exists():
            shutil.rmtree(out)  # a register left there would be read as an earlier run's, kept
        if profile_name == "default":
            profile = load_profile()
        elif source.parent.parent == BOOKS.parent:  # corpus/books, corpus/epub, corpus/docx
            profile = book_profile(source)  # the editor's choice for a book of the corpus, as bench_enrich
        else:
            profile = load_profile(source=source)
        convert_module.convert(source, out, profile=profile, force=True, allow_loss=True)
        for sample in samples:
            assert "test" not in sample, "the held-out sample is not for tuning"
            errors: list = []
            scores, missing = evaluate.score_anchored(evaluate.parse_anchored(GOLD / sample), out, errors)
            print(f"== {name} / {sample}: {len(missing)} blocks not found")
            kinds = "D" if sample.startswith("dates-dev") else args.types  # dates only marked there
            for kind in kinds:
                if not scores.counts.get((kind, "gold")):
                    continue
                p, r, f = scores.prf(kind, "exact")
                print(
                    f"  {LABELS[kind]:9s} gold {scores.counts[(kind, 'gold')]:4d}  exact P {p:.3f} R {r:.3f} F1 {f:.3f}"
                )
            for what in ("date value", "date inferred"):
                acc, n = scores.accuracy(what)
                print(f"  {what:13s} {acc:.3f} of {n}")
            if args.quiet:
                continue
            for kind in kinds:
                for e in errors:
                    if e[1] == kind:
                        print(f"    {e[0]:10s} {kind} @{e[2]}: {e[3]}")


if __name__ == "__main__":
    sys.exit(main())
