"""The pass registry: which passes a conversion runs, in which order, and why that order.

A `Pass` is a name, a function `apply(tei, ctx) -> tei`, what it `needs` and what it
`provides`. Needs and provides are names of facts about the conversion, in the tree or
in the `Context`: "blocks" (the reader's paragraphs of raw lines), "outline"
(`ctx.outline`, `ctx.contents`), "divisions", "paragraphs", "figures" (`ctx.figures`),
"book" (`ctx.book`), "registers" (`ctx.registers`), "person-words"... A `Reader` is the
first stage: it turns a file into a TEI tree and provides its own facts. After each pass
that may change the tree (`changes_tree`, true unless declared otherwise) `run` makes the
context forget its views of the tree, so none is older than the tree, but those the pass
declares it `keeps_views` (it adds only marks those views read through).

A `Registry` is an ordered list of passes with unique names. `check()` walks it in order,
starting from what the reader provides, and refuses (`PassOrderError`, naming the pass
and what it lacks) a pass that needs a fact no earlier pass provides -- whether the
provider is missing, disabled or placed after it -- and a stage after the passes (the
writer) whose needs are not met. So a disabled or misplaced pass is an error before any
work, never a silently different edition. A registry is changed by `disable(name)`,
`add(pass, before=..., after=...)` and `replace(pass)`; each returns a new registry (the
default one is never changed by a caller).

A structured reader (Word, EPUB, Markdown) provides facts the text passes would establish
from raw lines: its tree already has divisions, paragraphs, notes at their references and
inline markup. `Registry.after_reader(provided)` is the one rule for what follows: a pass
is left out when it provides something and everything it provides the reader already
provided. Header, enrichment, navigation and the writer provide facts no reader does,
so they run as for text.

This module knows no pass: `teikit.convert` assembles the default registry from its own
passes and `teikit.enrich`'s, and runs it with `run`. It imports neither, so both can use
it and neither needs the other late.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .collector import young_collected_rarely
from .errors import TeikitError

if TYPE_CHECKING:
    from lxml import etree

    from .context import Context

PassFunction = Callable[["etree._Element", "Context"], "etree._Element"]


class PassOrderError(TeikitError):
    """A pass list that cannot run: a need no earlier pass provides, or an unknown or repeated name."""


@dataclass(frozen=True)
class Pass:
    """One step over the TEI tree: `apply(tei, ctx)` returns the tree (the same or a new one)."""

    name: str
    apply: PassFunction
    needs: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    doc: str = ""
    changes_tree: bool = True  # False: the views derived from the tree stay valid after it
    # Views still true after the pass though it changes the tree: it only adds marks that
    # these views read through (the unmarked text after dates, persons, places)
    keeps_views: tuple[str, ...] = ()
    # True: from this pass to the run's end the cyclic collector looks at young objects
    # rarely (`teikit.collector`): passes that make and keep many small objects
    collects_rarely: bool = False

    def __post_init__(self) -> None:
        if not self.name or any(ch.isspace() for ch in self.name):
            raise PassOrderError(f"a pass name must be one word, not {self.name!r}")


@dataclass(frozen=True)
class Reader:
    """The first stage: a file to a TEI tree.

    `recognises(path)`, when given, decides by the file's content whether this reader
    takes it; otherwise `suffixes` does (empty: any file)."""

    name: str
    read: Callable[[Path, Context], etree._Element]
    suffixes: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    doc: str = ""
    recognises: Callable[[Path], bool] | None = None

    def accepts(self, path: Path) -> bool:
        if self.recognises is not None:
            return self.recognises(path)
        return not self.suffixes or path.suffix.lower() in self.suffixes


class Registry:
    """An ordered, checked list of passes with unique names."""

    def __init__(self, passes: Iterable[Pass] = ()):
        self._passes: tuple[Pass, ...] = tuple(passes)
        seen: set[str] = set()
        for p in self._passes:
            if p.name in seen:
                raise PassOrderError(f"two passes are named {p.name!r}")
            seen.add(p.name)

    def __iter__(self) -> Iterator[Pass]:
        return iter(self._passes)

    def __len__(self) -> int:
        return len(self._passes)

    def __contains__(self, name: object) -> bool:
        return any(p.name == name for p in self._passes)

    def names(self) -> list[str]:
        return [p.name for p in self._passes]

    def get(self, name: str) -> Pass:
        for p in self._passes:
            if p.name == name:
                return p
        raise PassOrderError(f"no pass is named {name!r}; the passes are: {', '.join(self.names())}")

    def disable(self, *names: str) -> Registry:
        """The registry without these passes (each must exist: a misspelt name is an error)."""
        for name in names:
            self.get(name)
        return Registry(p for p in self._passes if p.name not in names)

    def add(self, new: Pass, *, before: str | None = None, after: str | None = None) -> Registry:
        """The registry with `new` inserted before or after a named pass (default: at the end)."""
        if before is not None and after is not None:
            raise PassOrderError(f"pass {new.name!r}: give before or after, not both")
        passes = list(self._passes)
        if before is not None:
            at = passes.index(self.get(before))
        elif after is not None:
            at = passes.index(self.get(after)) + 1
        else:
            at = len(passes)
        passes.insert(at, new)
        return Registry(passes)

    def replace(self, new: Pass) -> Registry:
        """The registry with the pass of the same name replaced by `new`, in its place."""
        self.get(new.name)
        return Registry(new if p.name == new.name else p for p in self._passes)

    def after_reader(self, provided: Iterable[str]) -> tuple[Registry, list[str]]:
        """The registry without the passes whose every fact the reader already provides,
        and the names of those left out (in order). A pass that provides nothing is kept."""
        have = set(provided)
        left_out = [p.name for p in self._passes if p.provides and set(p.provides) <= have]
        return Registry(p for p in self._passes if p.name not in left_out), left_out

    def check(self, provided: Iterable[str] = (), then_needs: Sequence[str] = (), then: str = "the writer") -> None:
        """Refuse an order in which a pass needs a fact no earlier pass provides.

        `provided`: what exists before the first pass (the reader's facts);
        `then_needs`: what the stage after the last pass (`then`) needs.
        """
        have = set(provided)
        for i, p in enumerate(self._passes):
            missing = [n for n in p.needs if n not in have]
            if missing:
                later = [q.name for q in self._passes[i + 1 :] if set(missing) & set(q.provides)]
                where = (
                    f"; {', '.join(later)} provides it but runs after it"
                    if later
                    else "; no pass in the list provides it"
                )
                raise PassOrderError(
                    f"pass {p.name!r} needs {', '.join(missing)}, which no earlier pass provides{where}"
                )
            have.update(p.provides)
        missing = [n for n in then_needs if n not in have]
        if missing:
            raise PassOrderError(f"{then} needs {', '.join(missing)}, which no pass in the list provides")

    def describe(self) -> str:
        """One line per pass: its number, name, needs and provides."""
        width = max((len(n) for n in self.names()), default=4)
        lines = []
        for i, p in enumerate(self._passes, 1):
            needs = ", ".join(p.needs) or "-"
            provides = ", ".join(p.provides) or "-"
            lines.append(f"{i:2d} {p.name:{width}s}  needs {needs}; provides {provides}")
        return "\n".join(lines)


def run(
    registry: Registry, tei: etree._Element, ctx: Context, timings: dict[str, float] | None = None
) -> etree._Element:
    """Run the passes in order over `tei`; their times go to `timings` by name. From the
    first pass that `collects_rarely` on, the cyclic collector looks at young objects
    rarely, until the run ends (`teikit.collector`)."""
    ctx.tree_changed(tei)
    ctx.passes = registry.names()
    with ExitStack() as collector:
        rarely = False
        for p in registry:
            if p.collects_rarely and not rarely:
                collector.enter_context(young_collected_rarely())
                rarely = True
            t0 = time.perf_counter()
            tei = p.apply(tei, ctx)
            same_tree = tei is ctx.tree
            if p.changes_tree or not same_tree:
                ctx.tree_changed(tei, keep=p.keeps_views if same_tree else ())
            if timings is not None:
                timings[p.name] = time.perf_counter() - t0
    return tei
