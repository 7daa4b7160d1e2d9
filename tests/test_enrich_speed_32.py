"""Round 13's measure of the enrichment's shared machinery (benchmarks/bench_enrich_kinds.py).

The harness gives each sample of CPU time to the kind of work of the function running,
read from tables that name the functions of teikit's modules. A function renamed or moved
would leave its samples to the rules ("decide") without a word: these tests hold every
name of the tables to a function of teikit, and the kinds to what the functions do.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture
def kinds(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("bench_enrich_kinds")


def _resolve(module, qualname: str):
    """The function or class `qualname` names in `module` (a local one by the function it is
    local to)."""
    obj = module
    for part in qualname.split(".<locals>", 1)[0].split("."):
        obj = inspect.unwrap(getattr(obj, part)) if not isinstance(obj, type) else obj.__dict__[part]
        if isinstance(obj, (property, staticmethod, classmethod)):
            obj = getattr(obj, "fget", None) or obj.__func__
        if hasattr(obj, "func") and not inspect.isfunction(obj) and not isinstance(obj, type):
            obj = obj.func  # a cached_property
    return obj


def test_every_function_the_tables_name_is_teikits(kinds):
    missing = []
    for kind, modules in kinds._TABLES.items():
        for module_path, names in modules.items():
            module = importlib.import_module("teikit." + module_path.replace("/", "."))
            for qualname in names:
                try:
                    obj = _resolve(module, qualname)
                except (AttributeError, KeyError):
                    missing.append(f"{kind}: {module_path}:{qualname}")
                    continue
                if "<locals>" in qualname:  # the comprehension or function is written in it
                    local = qualname.split("<locals>.", 1)[1].strip("<>")
                    source = inspect.getsource(obj)
                    opening = {"listcomp": "[", "genexpr": "(", "setcomp": "{", "dictcomp": "{"}.get(local)
                    if opening is None and f"def {local}(" not in source or opening and " for " not in source:
                        missing.append(f"{kind}: {module_path}:{qualname}")
    for module_path in kinds._WHOLE_MODULES:
        importlib.import_module("teikit." + module_path.replace("/", "."))
    assert not missing, missing


def _code(function) -> object:
    return inspect.unwrap(function).__code__


def _line_of(function, pattern: str) -> int:
    """The number of the first line of `function`'s source that `pattern` finds."""
    lines, first = inspect.getsourcelines(function)
    return next(first + k for k, line in enumerate(lines) if re.search(pattern, line))


def test_the_shared_functions_are_given_their_kinds(kinds):
    from teikit import textnodes
    from teikit.enrich import matching, wordscan

    assert kinds.kind_of(_code(textnodes._cut), None) == "write"
    assert kinds.kind_of(_code(textnodes.wrap_slots_only), None) == "write"
    assert kinds.kind_of(_code(textnodes._text_slots), None) == "walk"
    assert kinds.kind_of(_code(matching._slots_and_unmarked), None) == "walk"
    assert kinds.kind_of(matching.JoinedTexts.starts.func.__code__, None) == "walk"
    assert kinds.kind_of(_code(matching.Matcher.places), None) == "scan"
    assert kinds.kind_of(_code(matching.Matcher._whole_words), None) == "scan"
    assert kinds.kind_of(_code(matching.pieces_around), None) == "scan"
    assert kinds.kind_of(_code(matching.count_words), None) == "count"
    assert kinds.kind_of(matching.WordCounts.__init__.__code__, None) == "count"
    assert kinds.kind_of(_code(wordscan.pieces_holding), None) == "scan"
    # the walk local to `_unmarked_walk`, by the function it is local to
    walk = next(c for c in _code(matching._unmarked_walk).co_consts if getattr(c, "co_name", "") == "walk")
    assert kinds.kind_of(walk, None) == "walk"
    # outside teikit, and in teikit outside the enrichment: no kind (a frame further out decides)
    assert kinds.kind_of(_code(re.compile), None) is None
    assert kinds.kind_of(_code(importlib.import_module("teikit.pipeline").run), None) is None


def test_a_rules_lines_are_told_by_what_they_call(kinds):
    from teikit.enrich import orgs

    code = _code(orgs.capitalised_after_the)
    assert kinds.kind_of(code, _line_of(orgs.capitalised_after_the, r"\.findall\(")) == "regex"
    assert kinds.kind_of(code, _line_of(orgs.capitalised_after_the, r"^\s*def ")) == "decide"
    assert kinds.kind_of(_code(orgs.mark_of), _line_of(orgs.mark_of, r"make_in\(")) == "write"
