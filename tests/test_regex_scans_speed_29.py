"""The scans of a whole book that round 9 of issue 14 moved from `re` to `regex` give what
their plain `re` patterns give.

Both patterns start with a lookbehind, which `re` tries at every place of the book: `regex`
finds the same places several times faster. The engines' word characters differ (`regex`
counts combining marks, joiners and connector punctuation in, and not superscript digits
or fractions), so the shortcuts find only what needs no word class with `regex` and test
the characters beside it with `re`'s own (`str.isalnum()` or "_"):

- `orgs._capital_words`: what `orgs._CAPITALS` finds, runs of three capitals or more;
- `namewords._written_after_a`: whether `namewords._after_a_pattern(word)` finds "a word"
  or "an word".

Each is compared with its plain form on the bundled book's source, a corpus book and edge
strings (combining marks, Latin Extended letters, digits of other scripts, superscripts
and fractions, the word joiner U+2060 and the zero-width joiner, connector punctuation).
"""

from __future__ import annotations

import re

import pytest
import regex

from conftest import SAMPLE, SHARED
from teikit.enrich import namewords, orgs

# characters beside a word that one engine or the other counts as a word's
_BESIDE = [
    "\u0301",
    "\u2060",
    "\u200d",
    "\u203f",
    "_",
    "Ā",
    "ẞ",
    "É",
    "٣",
    "५",
    "²",
    "½",
    "Ⅻ",
    "'",
    "’",
    "-",
    " ",
    "\n",
]


def _book(stem: str) -> str:
    path = SHARED / "corpus" / "books" / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"the shared corpus has no {path.name}")
    return path.read_text(encoding="utf-8")


def _texts(which: str) -> str:
    if which == "bundled-book":
        return SAMPLE.read_text(encoding="utf-8")
    if which == "corpus-book":
        return _book("james-varieties-of-religious-experience")
    # every edge character before and after a run of capitals and an article's phrase
    return " ".join(
        f"{a}NATO{b} {a}ABCDEFG{b} {a}IT{b} {a}a Luther{b} {a}an Luther{b} {a}Aa Luther{b}"
        for a in _BESIDE
        for b in _BESIDE
    )


def _capitals_plain(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in orgs._CAPITALS.finditer(text)]


@pytest.mark.parametrize("which", ["bundled-book", "corpus-book", "edges"])
def test_capital_words_are_what_the_pattern_finds(which):
    text = _texts(which)
    found = list(orgs._capital_words(text))
    assert found == _capitals_plain(text)
    assert found  # the text holds some


def test_the_edges_tell_the_engines_apart():
    """The edge strings are ones on which `regex` running the plain pattern would differ:
    they test the shortcut where a careless move to `regex` goes wrong."""
    text = _texts("edges")
    with_regex = [(m.group(), m.start(), m.end()) for m in regex.compile(orgs._CAPITALS.pattern).finditer(text)]
    assert with_regex != _capitals_plain(text)
    plain = namewords._after_a_pattern("Luther")
    differing = [
        edge
        for edge in (f"a Luther{b}" for b in _BESIDE)
        if (regex.search(plain.pattern, edge) is None) != (plain.search(edge) is None)
    ]
    assert differing


def _words_to_ask(text: str) -> list[str]:
    """Words to ask whether the text writes them after "a" or "an": some it does, some it
    writes only otherwise, and a few it never writes."""
    after_a = sorted(set(re.findall(r"\b[Aa]n? ([A-Z][a-z]+)", text)))
    capitalised = sorted(set(re.findall(r"\b([A-Z][a-z]{3,})\b", text)))
    return after_a[:: max(1, len(after_a) // 12)] + capitalised[:: max(1, len(capitalised) // 12)] + ["Zyxwv", "an"]


@pytest.mark.parametrize("which", ["bundled-book", "corpus-book", "edges"])
def test_written_after_a_is_what_the_pattern_finds(which):
    text = _texts(which)
    words = _words_to_ask(text) + ["Luther", "NATO", "Luther\u0301"]
    answers = {word: namewords._written_after_a(word, text) for word in words}
    assert answers == {word: namewords._after_a_pattern(word).search(text) is not None for word in words}
    assert any(answers.values()) and not all(answers.values())


@pytest.mark.parametrize("before", _BESIDE + [""])
@pytest.mark.parametrize("after", _BESIDE + [""])
def test_written_after_a_on_each_edge(before, after):
    for phrase in ("a Luther", "an Luther", "Aa Luther", "aan Luther", "a  Luther", "a\nLuther"):
        text = f"{before}{phrase}{after}"
        assert namewords._written_after_a("Luther", text) == (
            namewords._after_a_pattern("Luther").search(text) is not None
        )
