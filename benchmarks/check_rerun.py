"""A conversion into a folder that holds the book's own earlier output gives that output
again, byte for byte (issues 14/18: an editor re-runs the converter over the registers it
wrote). Converts the bundled book (with and without its profile) and the corpus books
(with the profile `bench_enrich.book_profile` picks) twice into one folder each and
compares every file of the two outputs.

    PYTHONPATH=<root>/src:<root>/benchmarks python benchmarks/check_rerun.py OUT [name,...]

Prints, for each book, `same` or the files that differ (the first run's output is kept
beside the second's as OUT/<name>.first for a `diff -r`). Exit status 1 if any differ."""

from __future__ import annotations

import filecmp
import shutil
import sys
from pathlib import Path

import teikit.convert as convert_module
from bench_enrich import BOOKS, book_profile
from teikit.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent


def runs():
    lazar = ROOT / "sources" / "iron-lazar.txt"
    yield "lazar", lazar, load_profile(source=lazar)
    yield "lazar-noprofile", lazar, load_profile()
    for source in sorted(BOOKS.glob("*.txt")):
        yield source.stem, source, book_profile(source)


def differing(first: Path, second: Path) -> list[str]:
    """The files (relative paths) that are not the same bytes in both folders, or in one only."""
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    names |= {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    return sorted(
        str(n)
        for n in names
        if not ((first / n).is_file() and (second / n).is_file() and filecmp.cmp(first / n, second / n, shallow=False))
    )


def main() -> int:
    out = Path(sys.argv[1]).resolve()
    only = set(sys.argv[2].split(",")) if len(sys.argv) > 2 else None
    bad = 0
    for name, source, profile in runs():
        if only and name not in only:
            continue
        target, first = out / name, out / f"{name}.first"
        for folder in (target, first):
            shutil.rmtree(folder, ignore_errors=True)
        target.mkdir(parents=True)
        convert_module.convert(source, target, profile=profile, force=True, allow_loss=True)
        shutil.copytree(target, first)
        convert_module.convert(source, target, profile=profile, force=True, allow_loss=True)
        files = differing(first, target)
        bad += bool(files)
        print(f"{name}: {'same' if not files else 'DIFFERS in ' + ', '.join(files)}", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
