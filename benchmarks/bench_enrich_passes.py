"""Enrichment, pass by pass: the CPU time of each enrichment pass and of the whole
conversion, best of N, on the bundled book (with its committed registers, as
`bench_enrich` times it) and on books of ../shared/corpus/books (without a profile).

    PYTHONPATH=src python benchmarks/bench_enrich_passes.py [--runs 5] [BOOK ...]
    PYTHONPATH=src python benchmarks/bench_enrich_passes.py --against /tmp/old/src [BOOK ...]
    PYTHONPATH=src python benchmarks/bench_enrich_passes.py --profile persons [--top 40] [BOOK]

BOOK: `iron-lazar` (the bundled book, the default along with Wilde's play) or a file
name of the corpus without `.txt`. `--against SRC`: the same figures for another source
tree (an earlier commit's `src`, e.g. `git archive <commit> src | tar -x -C /tmp/old`),
measured side by side in one run: each tree in a process of its own, the two taken in
turn `--rounds` times, the best of all runs of each kept, then the ratio new/old.
Each pass is timed in the CPU time of the process (`timing.clock`): a loaded machine
disturbs it far less than wall time. Figures in ms; `s/MB` is the whole conversion's time
per megabyte of the source (issue 13's measure), `enrich s/MB` the enrichment passes' alone
(issue 18's: enrichment <= 1 s per MB of text). `all` stands for every book of the corpus.

`--profile PASS`: cProfile of that pass alone (its second run, caches warm), on the CPU
clock, the functions that take most of its time, by their own time and with what they
call. cProfile's cost per call inflates functions called by the ten thousand several
times over (the whole pass reads three to four times its real time): their ranks, not
their figures, are what it tells; time a change with the figures above.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import pstats
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# ../shared beside the checkout, or beside its parent for a worktree of it (../wt/<name>)
BOOKS = next(
    (d / "shared" / "corpus" / "books" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared" / "corpus" / "books",
)
DEFAULT_BOOKS = ("iron-lazar", "wilde-importance-of-being-earnest")
ENRICHMENT = ("registers", "dates", "orgs", "persons", "places")


def measure(books: list[str], runs: int) -> dict[str, dict[str, float]]:
    """{book: {pass: best CPU seconds, "total": best of the whole conversion, "bytes": size}},
    with the teikit the interpreter imports (this process's PYTHONPATH)."""
    import teikit.convert as convert_module
    from teikit import enrich
    from teikit.pipeline import Registry
    from timing import clock

    now = clock(cpu=True)
    spent: dict[str, float] = {}

    def timed(p):
        def apply(tei, ctx):
            t0 = now()
            try:
                return p.apply(tei, ctx)
            finally:
                spent[p.name] = now() - t0

        return dataclasses.replace(p, apply=apply)

    registry = Registry(
        tuple(convert_module.PASSES) + tuple(timed(p) for p in enrich.PASSES) + tuple(convert_module.FINISHING)
    )
    out: dict[str, dict[str, float]] = {}
    for book in books:
        source, extra = _source(book)

        def convert(source=source, extra=extra):
            convert_module.convert_tree(source, passes=registry, **extra)

        convert()  # imports, the gazetteer's cache
        best: dict[str, float] = {}
        for _ in range(runs):
            spent.clear()
            t0 = now()
            convert()
            spent["total"] = now() - t0
            for name, t in spent.items():
                best[name] = min(best.get(name, t), t)
        best["enrichment"] = sum(best[name] for name in ENRICHMENT)
        best["bytes"] = source.stat().st_size
        out[book] = best
    return out


def _source(book: str) -> tuple[Path, dict]:
    """A book's source file and the conversion's extra arguments (the bundled book's registers)."""
    if book == "iron-lazar":
        return ROOT / "sources" / "iron-lazar.txt", {"registers_from": ROOT / "tei" / "iron-lazar"}
    return BOOKS / f"{book}.txt", {}


def profile(book: str, name: str, top: int) -> None:
    """Print cProfile's figures for the enrichment pass `name` on `book` (see the docstring)."""
    import teikit.convert as convert_module
    from teikit import enrich
    from teikit.pipeline import Registry
    from timing import clock

    if name not in ENRICHMENT:
        raise SystemExit(f"--profile: no enrichment pass {name!r} (one of {', '.join(ENRICHMENT)})")
    profiler = cProfile.Profile(clock(cpu=True))
    wanted = [False]

    def profiled(p):
        def apply(tei, ctx):
            if not wanted[0]:
                return p.apply(tei, ctx)
            profiler.enable()
            try:
                return p.apply(tei, ctx)
            finally:
                profiler.disable()

        return dataclasses.replace(p, apply=apply) if p.name == name else p

    registry = Registry(
        tuple(convert_module.PASSES) + tuple(profiled(p) for p in enrich.PASSES) + tuple(convert_module.FINISHING)
    )
    source, extra = _source(book)
    convert_module.convert_tree(source, passes=registry, **extra)  # imports, the gazetteer's cache
    wanted[0] = True
    convert_module.convert_tree(source, passes=registry, **extra)
    stats = pstats.Stats(profiler).sort_stats("tottime")
    stats.print_stats(top)
    stats.print_callees(top)


def _in_process(src: Path, books: list[str], runs: int) -> dict[str, dict[str, float]]:
    """`measure` run by the teikit of the source tree `src`, in a process of its own."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(HERE)])}
    done = subprocess.run(
        [sys.executable, __file__, "--json", "--runs", str(runs), *books],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def _best(rounds: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    return {book: {k: min(r[book][k] for r in rounds) for k in rounds[0][book]} for book in rounds[0]}


def _rows(book: str, figures: dict[str, float]) -> list[tuple[str, float]]:
    rows = [(name, figures[name] * 1000) for name in (*ENRICHMENT, "enrichment", "total")]
    megabytes = figures["bytes"] / 1e6
    return rows + [("s/MB", figures["total"] / megabytes), ("enrich s/MB", figures["enrichment"] / megabytes)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("books", nargs="*", default=list(DEFAULT_BOOKS))
    ap.add_argument("--runs", type=int, default=3, help="conversions of each book per measurement")
    ap.add_argument("--against", type=Path, help="another source tree to measure side by side")
    ap.add_argument("--rounds", type=int, default=2, help="with --against: measurements of each tree, in turn")
    ap.add_argument("--profile", metavar="PASS", help="cProfile of this enrichment pass (first BOOK only)")
    ap.add_argument("--top", type=int, default=30, help="with --profile: how many functions to show")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # for `_in_process`
    args = ap.parse_args()
    if args.books == ["all"]:
        args.books = ["iron-lazar", *sorted(p.stem for p in BOOKS.glob("*.txt"))]
    if args.profile:
        profile(args.books[0], args.profile, args.top)
        return
    if args.json:
        print(json.dumps(measure(args.books, args.runs)))
        return
    if args.against is None:
        for book, figures in measure(args.books, args.runs).items():
            print(f"{book} (CPU time, best of {args.runs}):")
            for name, value in _rows(book, figures):
                print(f"  {name:11s} {value:8.2f}" if name.endswith("s/MB") else f"  {name:11s} {value:8.0f} ms")
        return
    this = ROOT / "src"
    old_rounds, new_rounds = [], []
    for _ in range(args.rounds):
        old_rounds.append(_in_process(args.against, args.books, args.runs))
        new_rounds.append(_in_process(this, args.books, args.runs))
    old, new = _best(old_rounds), _best(new_rounds)
    runs = args.runs * args.rounds
    print(f"CPU time, best of {runs} conversions each; old: {args.against}, new: {this}")
    for book in args.books:
        print(f"{book}:")
        for (name, a), (_, b) in zip(_rows(book, old[book]), _rows(book, new[book])):
            unit = "" if name.endswith("s/MB") else " ms"
            fmt = "8.2f" if name.endswith("s/MB") else "8.0f"
            print(f"  {name:11s} old {a:{fmt}}{unit}   new {b:{fmt}}{unit}   new/old {b / a if a else 0:5.2f}")


if __name__ == "__main__":
    main()
