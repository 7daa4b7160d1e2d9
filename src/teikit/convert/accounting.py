"""Accounting: every word of the source is in the edition written, or reported as removed.

The measure. A word is a run of letters, lower-cased (digits, underscores and superscript
digits are not letters: a note's number or an `_italic_` marker is no word). What the
source holds is counted line by line, less

* the lines the report names as removed (findings whose kind starts with `removed-`:
  running heads, page numbers, the wrapper's markers), and
* the words of what the report says it dropped (`dropped-` findings' text: the label of a
  wrapper's "Title:" field).

What the edition holds is counted on the documents the writer writes, text node by text
node, so that a note placed against a word ("word<note>Some…") neither hides two words
nor invents a third. The corpus file's text and the registers are not counted: they
repeat the header and the names, and would hide a loss. The source lines of an ebook
distributor's wrapper (the report's counts `wrapper_head_to`, `wrapper_foot_from`) are
answered by the book's teiHeader, and so is a line that is the book's title and nothing
else (a half-title, which the header pass leaves out as a repeat of the title); no other
line: header words never answer for the text.

A word hyphenated at a line end in the source ("syphi-" / "litic") and joined in the
edition ("syphilitic") is the same word; no other joining or splitting is forgiven, so
two words glued together count as lost.

`check` runs the measure on a conversion before it is written and, when words are lost,
says so in the report (a `words-lost` finding with the figures, the count `words_lost`,
which `Report.summary` shows); `convert` then fails with `WordsLost` (the command's exit
status 3) unless the caller allows the loss. `lost_words` runs the same measure on an
edition already written (what the tests use).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..report import Finding, Report
from ..tei import TEI_NS
from .context import norm_title

_WORDS = re.compile(r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_ASCII_WORDS = re.compile(r"[a-z]+")
_HYPHENATED = re.compile(r"([^\W\d_]+)-\s*$")
_FIRST_WORD = re.compile(r"^\W*([^\W\d_]+)")
_HYPHEN_AT_END = re.compile(r"-[^\S\n]*$", re.M)  # a line's last character but spaces


def words(s: str) -> list[str]:
    """The words of `s`, lower-cased, in order."""
    low = s.lower()
    # In ASCII the letters are a-z once lower-cased: a plain range, which `re` tests at a
    # fraction of the cost of the Unicode categories (most books, most lines are ASCII)
    return (_ASCII_WORDS if low.isascii() else _WORDS).findall(low)


# Every byte of UTF-8 but the letters a-z and the bytes of characters outside ASCII made a
# space (lower-cased, a text's ASCII letters are a-z): what is left between spaces is a
# word, or a run that holds a character outside ASCII, read again with the Unicode pattern
# (no word crosses an ASCII non-letter).
_LETTERS_KEPT = bytes(b if 0x61 <= b <= 0x7A or b >= 0x80 else 0x20 for b in range(256))


def word_counts(s: str) -> Counter[str]:
    """`Counter(words(s))`, its words in the same order, counted at a fraction of the cost
    on a book's text: the letters are told from the rest by a byte table, the runs between
    counted as bytes (split and hashed faster than text), then each distinct run decoded
    once, and only those holding a character outside ASCII (`bête`, `don’t`) split again
    (the regular expression searched over a whole book took a third of the measure). The
    runs are taken in the order they first came, so each word still comes in the order it
    first came in `s` (the run it first came in is the first of its own)."""
    runs = Counter(s.lower().encode("utf-8", "surrogatepass").translate(_LETTERS_KEPT).split())
    counts: Counter[str] = Counter()
    for run, n in runs.items():
        if run.isascii():
            w = run.decode("ascii")
            counts[w] = counts.get(w, 0) + n
        else:
            for w in _WORDS.findall(run.decode("utf-8", "surrogatepass")):
                counts[w] += n
    return counts


@dataclass
class Tally:
    """The figures of one measure."""

    source: int  # words of the source
    removed: int  # of which on lines reported removed, or reported dropped
    lost: Counter  # words expected and not found, with how many times

    @property
    def kept(self) -> float:
        """The share of the words expected that the edition holds (1.0: all)."""
        expected = self.source - self.removed
        return 1.0 if expected <= 0 else 1 - sum(self.lost.values()) / expected


class WordsLost(TeikitError):
    """A conversion whose edition lacks words of the source that the report does not name."""

    def __init__(self, tally: Tally, report: Report, source: str):
        self.tally, self.report = tally, report
        n = sum(tally.lost.values())
        super().__init__(
            f"{n} words of the source are missing from the edition and were not reported as removed "
            f"({_examples(tally.lost)}); see the words-lost finding in conversion-report.json, "
            "or pass --allow-loss (allow_loss=True) to accept it",
            source,
        )


def _examples(lost: Counter, k: int = 8) -> str:
    return ", ".join(f"{w} ×{n}" if n > 1 else w for w, n in lost.most_common(k))


def _field(f: Finding | Mapping, name: str):
    return f.get(name) if isinstance(f, Mapping) else getattr(f, name)


def expected(source: str, findings: Iterable[Finding | Mapping], head_to: int = 0, foot_from: int = 0, title: str = ""):
    """(words the text must hold, words the header must hold, words removed, hyphenated
    pairs, words of the source) of the source, given the conversion's findings, its
    wrapper's lines and the book's title."""
    findings = list(findings)
    removed_lines = {_field(f, "line") for f in findings if str(_field(f, "kind")).startswith("removed-")}

    def wrapped(n: int | None) -> bool:
        return bool(n) and (n <= head_to or bool(foot_from) and n >= foot_from)  # type: ignore[operator]

    dropped: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}  # by whether the line is the wrapper's
    for f in findings:
        if str(_field(f, "kind")).startswith("dropped-"):
            dropped[wrapped(_field(f, "line"))].update(words(_field(f, "text") or ""))
    removed = total = 0
    title_words = words(title)
    shape = _title_shape(title_words)
    pairs: list[tuple[str, str]] = []
    in_text: list[str] = []  # the lines read one by one whose words are the text's, counted at the end
    in_header: list[str] = []
    lines = source.split("\n")
    # The lines read one by one: those removed, the wrapper's, and those that may be the
    # title. Every other line gives all its words to the text: they are counted in one pass
    # over those lines, after the others (no word crosses a line end, nor does lower-casing
    # look across one).
    last = len(lines)
    special = {n for n in removed_lines if isinstance(n, int) and 1 <= n <= last}
    special.update(range(1, min(head_to, last) + 1))
    if foot_from:
        special.update(range(max(foot_from, 1), last + 1))
    if title:
        special.update(_title_lines(source, lines, title_words))
    plain: list[str] = []
    after = 0  # the lines up to here are counted
    for n in sorted(special):
        plain.extend(lines[after : n - 1])
        after = n
        line = lines[n - 1]
        if n in removed_lines:
            k = len(words(line))
            total += k
            removed += k
        elif wrapped(n) or _is_title(line, title, shape):
            ws = words(line)
            total += len(ws)
            in_header.extend(ws)
        else:
            in_text.append(line)  # its words counted with the others, in the same order
    plain.extend(lines[after:])
    text = word_counts("\n".join(in_text + plain))
    total += sum(text.values())
    # a word hyphenated at a line end: the lines ending in a hyphen are found by one search
    # (the hyphenation pattern, searched from every position of every line, took a fifth of
    # the measure)
    for n in _lines_matching(_HYPHEN_AT_END, source):
        m = _HYPHENATED.search(lines[n - 1])
        if m and n < len(lines) and n not in removed_lines:
            nxt = _FIRST_WORD.match(lines[n])
            if nxt:
                pairs.append((m.group(1).lower(), nxt.group(1).lower()))
    header = Counter(in_header)
    for f in findings:  # a word broken over a page's end and rejoined across it (convert.hyphenation)
        if _field(f, "kind") == "hyphen-rejoined" and "-" in (_field(f, "text") or ""):
            left, right = (words(part) for part in str(_field(f, "text")).split("-", 1))
            if left and right:
                pairs.append((left[-1].lower(), right[0].lower()))
    for bag, drop in ((text, dropped[False]), (header, dropped[True])):  # what was dropped is expected nowhere
        # what was dropped, as far as the bag has it: asked of the few words dropped, not
        # of every word of the book
        taken = Counter({w: k for w, n in drop.items() if (k := min(n, bag[w])) > 0})
        bag.subtract(taken)
        removed += sum(taken.values())
    return +text, +header, removed, pairs, total


def _title_lines(source: str, lines: list[str], title_words: list[str]) -> list[int]:
    """The numbers of the lines (`lines`: the source's) `_is_title` may say yes of: those
    that hold a character outside ASCII, and those that hold the title's longest word (the
    rarest, likely: not "the") in any case; for a title without words, every line."""
    if not title_words:
        return list(range(1, len(lines) + 1))
    found = [] if source.isascii() else [n for n, line in enumerate(lines, 1) if not line.isascii()]
    low = source.lower()  # its lines are the source's (lower-casing makes no line end)
    word = max(title_words, key=len)
    n, at = 1, 0
    while (k := low.find(word, at)) >= 0:
        n += low.count("\n", at, k)
        found.append(n)
        at = low.find("\n", k)  # on from the next line
        if at < 0:
            break
    return found


def _lines_matching(pattern: re.Pattern, text: str) -> list[int]:
    """The numbers (from 1) of the lines of `text` where `pattern` matches, in order."""
    found: list[int] = []
    n, at = 1, 0
    for m in pattern.finditer(text):
        n += text.count("\n", at, m.start())
        at = m.start()
        if not found or found[-1] != n:
            found.append(n)
    return found


def _title_shape(title_words: list[str]) -> re.Pattern | None:
    """The pattern of a line in ASCII whose words are the title's words (`words` of it is
    `title_words`): those words, in either case, with no other ASCII letter around them.
    None when a title word is not ASCII: no line in ASCII has it."""
    if not all(w.isascii() for w in title_words):
        return None
    between = "[^A-Za-z]"
    either_case = ["".join(f"[{c}{c.upper()}]" for c in w) for w in title_words]  # words: letters only
    return re.compile(f"{between}*" + f"{between}+".join(either_case) + f"{between}*")


def _is_title(line: str, title: str, shape: re.Pattern | None) -> bool:
    """Whether a line of the source is the book's title, `title` as `norm_title` gives it
    (`shape`: `_title_shape` of its words). A line in ASCII that does not have the title's
    words is not it (for ASCII, `norm_title` changes case, spacing and end punctuation,
    never a word): the comparison, made for every line that may be it, is spared most of
    them, and their words are not looked for one line at a time."""
    if not title or line.isascii() and (shape is None or shape.fullmatch(line) is None):
        return False
    return norm_title(line) == title


def found(docs: Iterable[etree._Element]) -> tuple[Counter, Counter, str]:
    """(words of the texts, words of the book's header, the book's title) of the documents
    of an edition."""
    nodes: list[str] = []
    header: Counter[str] = Counter()
    book_header = None
    for root in docs:
        if root.tag == f"{{{TEI_NS}}}teiCorpus":
            book_header = root.find(f"{{{TEI_NS}}}teiHeader")
            continue
        if root.find(f"{{{TEI_NS}}}standOff") is not None:
            continue
        for t in root.iter(f"{{{TEI_NS}}}text"):
            # node by node: a note glued to a word must not hide or invent one. The nodes of
            # every text are joined by line ends, which no word crosses (nor does
            # lower-casing look across one), and counted in one pass rather than one a node.
            nodes.extend(t.itertext())
        if book_header is None:
            book_header = root.find(f"{{{TEI_NS}}}teiHeader")
    text = word_counts("\n".join(nodes))
    title = ""
    if book_header is not None:
        for node in book_header.itertext():
            header.update(words(node))
        title = norm_title(book_header.findtext(f".//{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title") or "")
    return text, header, title


def measure(source: str, findings, counts: Mapping, docs: Iterable[etree._Element]) -> Tally:
    """The words of `source` that the documents `docs` do not hold (see the module's doc)."""
    # The reader writes the text in Unicode NFC (reader.clean_text, reported): a compatibility
    # ideograph or a decomposed letter of the source is the same word in its composed form.
    source = unicodedata.normalize("NFC", source)
    have_text, have_header, title = found(docs)
    want_text, want_header, removed, pairs, total = expected(
        source, findings, counts.get("wrapper_head_to", 0), counts.get("wrapper_foot_from", 0), title
    )
    lost = (want_text - have_text) + (want_header - have_header)
    if lost and pairs:
        extra = have_text - want_text
        for a, b in pairs:  # a word hyphenated at a line end, joined in the edition
            if lost[a] > 0 and lost[b] > 0 and extra[a + b] > 0:
                lost[a] -= 1
                lost[b] -= 1
                extra[a + b] -= 1
        lost = +lost
    return Tally(total, removed, lost)


def check(source: str, docs: Mapping[str, etree._Element], report: Report) -> Tally:
    """Measure the documents about to be written; a loss goes into the report."""
    tally = measure(source, report.findings, report.counts, docs.values())
    n = sum(tally.lost.values())
    if n:
        lines = where(source, tally.lost)
        report.counts["words_lost"] = n
        report.add(
            "words-lost",
            lines[0] if lines else None,
            f"{n} of the {tally.source - tally.removed} words expected ({tally.source} in the source, "
            f"{tally.removed} reported removed) are not in the edition: kept {100 * tally.kept:.2f}%"
            + (f"; every occurrence lost of words on lines {', '.join(map(str, lines[:20]))}" if lines else "")
            + (" …" if len(lines) > 20 else ""),
            text=_examples(tally.lost, 30),
        )
    return tally


def where(source: str, lost: Counter) -> list[int]:
    """The source lines of the lost words that are lost wherever they occur (for a word
    lost only in part, which of its occurrences went cannot be told)."""
    at: dict[str, list[int]] = {}
    for n, line in enumerate(source.split("\n"), 1):
        for w in words(line):
            if w in lost:
                at.setdefault(w, []).append(n)
    return sorted({n for w, ns in at.items() if len(ns) == lost[w] for n in ns})


def lost_words(source: str, folder: str | Path) -> Counter:
    """The measure on an edition already written in `folder` (with its conversion-report.json)."""
    folder = Path(folder)
    report = json.loads((folder / "conversion-report.json").read_text("utf-8"))
    docs = [etree.parse(str(p)).getroot() for p in sorted(folder.glob("*.xml"))]
    return measure(source, report["findings"], report["counts"], docs).lost
