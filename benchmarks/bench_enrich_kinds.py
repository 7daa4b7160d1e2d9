"""Enrichment, pass by pass and by kind of work: how much of each pass's CPU time goes to
walking the tree, to the shared matching machinery, to the rules, to writing the marks.

    PYTHONPATH=src:benchmarks python benchmarks/bench_enrich_kinds.py [--runs 16] [--top 8] [BOOK]

BOOK as `bench_enrich_passes` takes it (`iron-lazar`, the default, or a corpus book's name).
Each pass's time is first measured without sampling (its best of `--runs` conversions, CPU
time); then `--runs` more conversions run under a sampling timer of CPU time (ITIMER_PROF),
whose every sample is given to the kind of work of the first frame of its Python stack,
read from the innermost outward, that a kind claims:

  walk    reading the tree: the regions, the text slots and the unmarked text (matching's
          walks, textnodes' `text_slots`), the texts joined for the scans (`JoinedTexts`),
          and a pass's own line that iterates elements (`iter`, `xpath`, `getparent`...)
  count   the book's words counted (`WordCounts`, `tokens`, `count_words`)
  scan    the shared matching machinery: `Matcher`, the bytes scans, `pieces_holding` and
          its kin, `uses`, `wordscan`
  regex   a rule's own line calling a pattern or an automaton (`search`, `finditer`,
          `find_matches_as_indexes`...)
  decide  every other line of the enrichment modules: the rules
  write   the marks made: `textnodes`' cuts and wraps, the slots' upkeep, `make_in`, and a
          pass's own line that copies, links or sets an element
  other   a sample no frame of teikit claims

A call into C (a pattern's scan, lxml) is given to the Python line that made it: the
sample's handler runs when the call returns. Each kind's share of a pass's samples is
reported in milliseconds of the pass's unsampled time (the handler's own cost, a tenth or
two of the sampled time, falls on the kinds alike). The figures are statistical: the
kernel delivers a sample every few milliseconds of CPU time at best, so a kind's figure
moves by a millisecond or two between runs; take 16 runs or more.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import linecache
import re
import signal
import sys
from pathlib import PurePath
from types import CodeType, FrameType

from bench_enrich_passes import ENRICHMENT, _source

KINDS = ("walk", "count", "scan", "regex", "decide", "write", "other")

# Each kind's functions: module (its path below teikit, without .py) -> qualified names. A
# frame's function is looked up by its whole qualified name, then by the name it is local to
# (`_unmarked_walk` for `_unmarked_walk.<locals>.walk`), then by its class (`Matcher`).
_TABLES: dict[str, dict[str, frozenset[str]]] = {
    "walk": {
        "enrich/matching": frozenset(
            {
                "regions",
                "plain_text",
                "marked_text",
                "marked_text_by_units",
                "_slots_and_unmarked",
                "_unmarked_walk",
                "unmarked_text",
                "unmarked",
                "unmarked_of",
                "_unmarked_of",
                "_unmarked",
                "_reading",
                "romanised_name",
                "pieces_in",
                "standalone_divisions",
                "_text_length",
                "_division_of",
                "JoinedTexts.text",
                "JoinedTexts.starts",
                "mark.<locals>.<listcomp>",
                "mark_at.<locals>.<listcomp>",
            }
        ),
        "textnodes": frozenset({"text_slots", "_text_slots", "texts", "_texts"}),
    },
    "count": {"enrich/matching": frozenset({"WordCounts", "tokens", "count_words"})},
    "scan": {
        "enrich/matching": frozenset(
            {
                "Matcher",
                "bytes_scan",
                "_strings_scan",
                "_texts_holding",
                "latin1_bytes",
                "in_latin_1",
                "words_in",
                "_word_automaton",
                "matches_at_words",
                "matches_before",
                "pieces_holding",
                "pieces_around",
                "pieces_of",
                "uses",
                "uses_of",
                "_word_char",
                "is_word_char",
                "JoinedTexts.offset_of",
            }
        ),
    },
    "write": {
        "textnodes": frozenset(
            {
                "_cut",
                "_split",
                "_link_after",
                "wrap",
                "_wrap",
                "substitute",
                "_substitute",
                "wrap_slots",
                "wrap_slots_only",
                "wrap_slots_at",
            }
        ),
        "tei": frozenset({"make_in", "make", "sub"}),
        "enrich/matching": frozenset({"mark", "mark_at", "mark_in_divisions", "_told_offsets"}),
    },
}
# Modules whose every function is of one kind.
_WHOLE_MODULES = {"enrich/wordscan": "scan"}
# A line of an enrichment module that calls a pattern or an automaton, iterates the tree, or
# makes, links or sets an element.
_REGEX_LINE = re.compile(r"\.(?:finditer|search|match|fullmatch|findall|sub|subn|split)\(|find_matches_as_indexes")
_WALK_LINE = re.compile(r"\.(?:iter|itertext|iterdescendants|iterancestors|iterchildren|xpath|getparent|getprevious)\(")
_WRITE_LINE = re.compile(r"__copy__\(|make_in\(|\.addnext\(|\.set\(|\.tail = |\.text = ")


def module_of(code: CodeType) -> str | None:
    """The module of `code` as its path below teikit without .py ("enrich/matching"), or None
    outside teikit."""
    parts = PurePath(code.co_filename).parts
    if "teikit" not in parts or not code.co_filename.endswith(".py"):
        return None
    below = parts[len(parts) - 1 - parts[::-1].index("teikit") + 1 :]
    return "/".join(below)[: -len(".py")]


def _listed(kind: str, module: str, qualname: str) -> bool:
    names = _TABLES[kind].get(module)
    if not names:
        return False
    local_to = qualname.split(".<locals>", 1)[0]
    return qualname in names or local_to in names or local_to.split(".", 1)[0] in names


def kind_of(code: CodeType, line: int | None) -> str | None:
    """The kind of work a frame running `code` at `line` does, or None for a frame that
    claims none (outside teikit, or in teikit outside the enrichment and its shared modules:
    the sample goes to a frame further out)."""
    module = module_of(code)
    if module is None:
        return None
    qualname = code.co_qualname
    for kind in ("walk", "count", "scan", "write"):  # by the whole name first, for each kind
        if qualname in _TABLES[kind].get(module, ()):
            return kind
    for kind in ("write", "count", "walk", "scan"):
        if _listed(kind, module, qualname):
            return kind
    if module in _WHOLE_MODULES:
        return _WHOLE_MODULES[module]
    if not module.startswith("enrich/"):
        return None
    text = linecache.getline(code.co_filename, line or 0)
    if _REGEX_LINE.search(text):
        return "regex"
    if _WALK_LINE.search(text):
        return "walk"
    if _WRITE_LINE.search(text):
        return "write"
    return "decide"


class Sampler:
    """Samples of CPU time, by pass and kind, and by the function that claimed them."""

    def __init__(self) -> None:
        self.running: str | None = None  # the enrichment pass running, if any
        self.kinds: collections.Counter[tuple[str, str]] = collections.Counter()
        self.functions: collections.Counter[tuple[str, str, str]] = collections.Counter()
        self._kind: dict[tuple[CodeType, int | None], str | None] = {}

    def sample(self, signum: int, frame: FrameType | None) -> None:
        name = self.running
        if name is None:
            return
        kind = None
        while frame is not None:
            key = (frame.f_code, frame.f_lineno)
            kind = self._kind.get(key, "")
            if kind == "":
                kind = self._kind[key] = kind_of(*key)
            if kind is not None:
                break
            frame = frame.f_back
        if frame is None or kind is None:
            self.kinds[(name, "other")] += 1
            return
        self.kinds[(name, kind)] += 1
        self.functions[(name, kind, f"{module_of(frame.f_code)}:{frame.f_code.co_qualname}")] += 1


def measure(book: str, runs: int) -> tuple[dict[str, float], Sampler]:
    """The best unsampled CPU time of each enrichment pass, and the samples of `runs`
    conversions of `book` taken after."""
    import teikit.convert as convert_module
    from teikit import enrich
    from teikit.pipeline import Registry
    from timing import clock

    now = clock(cpu=True)
    sampler = Sampler()
    spent: dict[str, float] = {}

    def watched(p):
        def apply(tei, ctx):
            sampler.running = p.name
            t0 = now()
            try:
                return p.apply(tei, ctx)
            finally:
                sampler.running = None
                spent[p.name] = now() - t0

        return dataclasses.replace(p, apply=apply)

    registry = Registry(
        tuple(convert_module.PASSES) + tuple(watched(p) for p in enrich.PASSES) + tuple(convert_module.FINISHING)
    )
    source, extra = _source(book)
    convert_module.convert_tree(source, passes=registry, **extra)  # imports, the gazetteer's cache
    best: dict[str, float] = {}
    for _ in range(runs):
        convert_module.convert_tree(source, passes=registry, **extra)
        for name, t in spent.items():
            best[name] = min(best.get(name, t), t)
    signal.signal(signal.SIGPROF, sampler.sample)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    try:
        for _ in range(runs):
            convert_module.convert_tree(source, passes=registry, **extra)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)
    return best, sampler


def report(best: dict[str, float], sampler: Sampler, top: int) -> None:
    print(f"{'pass':10s} {'ms':>6s} " + " ".join(f"{k:>7s}" for k in KINDS) + "   (ms of the pass's CPU time)")
    totals: collections.Counter[str] = collections.Counter()
    for name in ENRICHMENT:
        samples = sum(sampler.kinds[(name, k)] for k in KINDS)
        ms = best.get(name, 0.0) * 1000
        row = [sampler.kinds[(name, k)] / samples * ms if samples else 0.0 for k in KINDS]
        totals.update(dict(zip(KINDS, row)))
        print(f"{name:10s} {ms:6.0f} " + " ".join(f"{v:7.1f}" for v in row))
    all_ms = sum(best.get(name, 0.0) for name in ENRICHMENT) * 1000
    print(f"{'all':10s} {all_ms:6.0f} " + " ".join(f"{totals[k]:7.1f}" for k in KINDS))
    print(f"{'share':10s} {'':6s} " + " ".join(f"{totals[k] / all_ms:7.0%}" for k in KINDS))
    if not top:
        return
    for name in ENRICHMENT:
        samples = sum(sampler.kinds[(name, k)] for k in KINDS)
        ms = best.get(name, 0.0) * 1000
        print(f"\n{name}: the functions that claimed most samples, by kind (ms of the pass)")
        for kind in KINDS:
            rows = [(f, n) for (p, k, f), n in sampler.functions.most_common() if p == name and k == kind][:top]
            for function, n in rows:
                print(f"  {kind:6s} {n / samples * ms:6.1f}  {function}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("book", nargs="?", default="iron-lazar")
    ap.add_argument("--runs", type=int, default=16, help="conversions timed, then as many sampled")
    ap.add_argument("--top", type=int, default=0, help="the functions that claimed most samples, per kind")
    args = ap.parse_args()
    if not hasattr(signal, "ITIMER_PROF"):
        sys.exit("bench_enrich_kinds: this platform has no CPU-time sampling timer (ITIMER_PROF)")
    best, sampler = measure(args.book, args.runs)
    report(best, sampler, args.top)


if __name__ == "__main__":
    main()
