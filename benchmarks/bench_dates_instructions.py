"""The date pass on the bundled book, counted in instructions (callgrind), not in time: on a
machine shared by several processes, in-process A/B timings of the same code differed by up
to 10 % (best of 30), which hides the gains of a few per cent a speed change makes now.

    PYTHONPATH=src python benchmarks/bench_dates_instructions.py [DATES_PY ...]

Converts the bundled book once, keeping the tree the date pass gets and the profile; then, for
each DATES_PY (a `dates.py`, the worktree's by default; an older one, e.g. from `git show
<commit>:src/teikit/enrich/dates.py`), runs under `valgrind --tool=callgrind` a process that
parses that tree and runs the pass on it once, then twice: the difference, less the tree's
parse (a process that parses it and runs nothing), is one warm pass. PYTHONHASHSEED is fixed:
the counts repeat to within a few thousand. Each process takes about a minute. Needs valgrind
(Debian: `apt-get install valgrind`), which the project's set-up does not install: it says so and
stops where valgrind is missing.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCE = ROOT / "sources" / "iron-lazar.txt"
EDITION = ROOT / "tei" / "iron-lazar"
NOTHING = "nothing"  # no pass: the tree's parse alone


def dump(folder: Path) -> None:
    """The tree the date pass gets in the bundled book's conversion, and the profile."""
    from lxml import etree

    import teikit.convert as convert_module
    from teikit import enrich
    from teikit.enrich import dates
    from teikit.pipeline import Registry

    def keep(tei, ctx):
        (folder / "tree.xml").write_bytes(etree.tostring(tei))
        (folder / "profile.pkl").write_bytes(pickle.dumps(ctx.profile))
        return dates.apply(tei, ctx)

    passes = tuple(dataclasses.replace(p, apply=keep) if p.name == "dates" else p for p in enrich.PASSES)
    registry = Registry(tuple(convert_module.PASSES) + passes + tuple(convert_module.FINISHING))
    convert_module.convert_tree(SOURCE, passes=registry, registers_from=EDITION)


def run(folder: Path, dates_py: str, times: int) -> None:
    """Parse the kept tree and run the pass of `dates_py` on it, `times` times."""
    import importlib.util

    from lxml import etree

    from teikit.collector import young_collected_rarely
    from teikit.enrich import dates  # noqa: F401  (the package the module's imports resolve in)

    apply = None
    if dates_py != NOTHING:
        spec = importlib.util.spec_from_file_location("teikit.enrich.dates_measured", dates_py)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        apply = module.apply
    profile = pickle.loads((folder / "profile.pkl").read_bytes())
    xml = (folder / "tree.xml").read_bytes()

    class Ctx:  # what the date pass asks of a context
        def __init__(self, tree) -> None:
            self.profile, self.tree, self.views = profile, tree, {}
            self.report = types.SimpleNamespace(counts={})

        def view(self, name, compute):
            if name not in self.views:
                self.views[name] = compute(self.tree)
            return self.views[name]

    for _ in range(times):
        tree = etree.fromstring(xml)
        if apply is not None:
            with young_collected_rarely():
                apply(tree, Ctx(tree))


def instructions(folder: Path, dates_py: str, times: int) -> int:
    out = folder / "callgrind.out"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        sys.executable,
        __file__,
        "--run",
        str(folder),
        dates_py,
        str(times),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    collected = [line for line in done.stderr.splitlines() if "Collected :" in line]
    out.unlink(missing_ok=True)
    return int(collected[-1].rsplit(":", 1)[1].replace(",", ""))


def main() -> None:
    if sys.argv[1:2] == ["--run"]:
        run(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
        return
    if shutil.which("valgrind") is None:
        sys.exit("bench_dates_instructions: valgrind is not installed (Debian: apt-get install valgrind)")
    files = sys.argv[1:] or [str(ROOT / "src" / "teikit" / "enrich" / "dates.py")]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        dump(folder)
        parse = instructions(folder, NOTHING, 2) - instructions(folder, NOTHING, 1)
        for dates_py in files:
            once, twice = instructions(folder, dates_py, 1), instructions(folder, dates_py, 2)
            print(f"{dates_py}: {(twice - once - parse) / 1e6:.1f}M instructions a warm pass")


if __name__ == "__main__":
    main()
