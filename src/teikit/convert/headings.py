"""Headings: which lines of a plain-text book head its divisions, and how they nest.

A heading in a plain-text book is a short line standing alone between blank lines,
often with more blank lines before it than a paragraph has, that numbers its
division: `CHAPTER IV.`, `Chapter the First`, `THE FIRST BOOK`, `LECTURE IV.`,
`LECTURES IV AND V.`, `FEDERALIST No. 10`, `SECTION 5.1.`, `FIRST ACT`, or a bare
`I` … `XLI`. Such a line is read as a *form* — the words around its number
(`chapter #`, `# book`, a bare roman `#`) — a number (digits, a roman numeral, or
a number word the profile lists under `[divisions] numbers` / `ordinals`) and
the title that may follow it on the line.

A form heads divisions only when it repeats and its numbers make a sequence:
each the one before plus one, or back to the start under an outer heading
(sections I, II, III in every chapter). A bare numeral must do so at least three
times and start at 1, and a bare number in digits needs a stop or a title after
it: alone, it is a page number. Forms nest by how their headings interleave: a
form whose consecutive headings are more often separated by another form's
headings than the other's by its own lies inside the other (chapters inside
parts, sections inside chapters); decimal numbers (`5.1`) lie inside the heading
their first number continues.

What is not a heading: a line that reads as a sentence (`She said I slept`, a
label word with a comma, a title mostly in lower case); headings that stand a few
lines apart or one right under the other (a list of the acts, a contents list
without its heading); a run of a form that starts again with no other heading
between (the notes' `Chapter 1`, `Chapter 2` after the chapters); the first of two
headings with one number a few blocks apart (`HIS FIRST BOOK`, a preamble, `THE
FIRST BOOK`: the second heads the division). A lone `Chapter 1` heads a division
only when the book has no sequence at all. Lines set aside are given back with the
reason, to be reported; they stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import roman_to_int

_ARABIC = re.compile(r"\d{1,4}(?:\.\d{1,3})*")
_ROMAN = re.compile(r"[IVXLCDM]+|[ivxlcdm]+")
_MAX_CHARS = 90
_MAX_LABEL_WORDS = 3
_TITLE_WORDS = 8  # more words than this, most in lower case, make a sentence
_ABBREVIATION = 5  # `Chap.`: the longest label word cut short with a stop
_REPEAT_BLOCKS = 12  # a heading repeated this close after a preamble is one heading
_LIST_LINES = 7  # headings this few lines apart head nothing: a list of them
_PAGE_LINES = 150  # a printed page never takes more lines of text


@dataclass
class Heading:
    index: int  # the block it stands in
    line: int
    text: str  # the line as printed, stripped
    form: str  # the words around the number: "chapter #", "# book", "#roman"
    numbers: list[int]  # one, or several for `LECTURES IV AND V.`
    label: str  # the line up to and including its numbers: "CHAPTER IV"
    title: str  # what follows the label on the line
    decimal: tuple[int, ...] = ()  # (5, 1) for `SECTION 5.1.`
    bare: bool = False  # a numeral with no word beside it
    kind: str = ""  # roman, arabic, word
    level: int = 1
    extra: dict = field(default_factory=dict)


def int_to_roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def number_of(token: str, words: dict[str, int], lower_roman: bool) -> tuple[int, str, tuple[int, ...]] | None:
    """(value, kind, decimal parts) of a number token, or None."""
    t = token.strip("()[]_*").rstrip(".:,;").strip("_*")  # `_V_.`: a numeral in italics
    if not t:
        return None
    if _ARABIC.fullmatch(t):
        parts = tuple(int(x) for x in t.split("."))
        return parts[0] if len(parts) == 1 else parts[-1], "arabic", parts if len(parts) > 1 else ()
    if _ROMAN.fullmatch(t) and (t.isupper() or lower_roman):
        v = roman_to_int(t)
        if v and int_to_roman(v) == t.upper():
            return v, "roman", ()
    v = words.get(t.lower())
    if v:
        return v, "word", ()
    return None


def read_heading(text: str, words: dict[str, int]) -> tuple | None:
    """Read one line as a heading: (form, numbers, label, title, decimal, bare, kind) or None."""
    s = text.strip()
    lead = s.lstrip("_*")[:1]  # `_V_.`: markup of italics before the numeral
    if not s or len(s) > _MAX_CHARS or s[-1] in ",;" or not (lead.isupper() or lead.isdigit()):
        return None
    toks = s.split()
    for i, tok in enumerate(toks[: _MAX_LABEL_WORDS + 1]):
        n = number_of(tok, words, lower_roman=i > 0)
        if n is not None:
            break
        if not tok[0].isalpha() and tok != "No.":
            return None
    else:
        return None
    label_words = toks[:i]
    if label_words and not label_words[0][0].isupper():
        return None
    if sum(w[:1].islower() for w in label_words) > 1:
        return None  # `And what can one I…`: words of a sentence, not a label
    if any(w[-1] == ":" or (w[-1] == "." and len(w) > _ABBREVIATION) for w in label_words):
        return None  # a sentence, not a label (`Chap.`, `No.` are abbreviations)
    value, kind, decimal = n
    numbers = [value]
    j, last = i + 1, tok
    while j < len(toks):  # `IV AND V`, `XI, XII, AND XIII`, `1771 - 1779`
        k = j
        while k < len(toks) and k - j < 2 and number_of(toks[k], words, True) is None and len(toks[k].strip(",")) <= 3:
            k += 1
        if (
            k < len(toks)
            and k > j - 1
            and number_of(toks[k], words, i > 0) is not None
            and (k > j or last.endswith(","))
        ):
            numbers.append(number_of(toks[k], words, True)[0])  # type: ignore[index]
            last = toks[k]
            j = k + 1
            continue
        break
    separated = last.rstrip(")]")[-1:] in ".:"
    suffix = ""
    if not separated and j < len(toks) and kind == "word" and toks[j][:1].isupper():
        suffix = toks[j].rstrip(".:").lower()  # `FIRST ACT`, `THE FIRST BOOK`
        separated = toks[j][-1:] in ".:" or j + 1 == len(toks)
        if not separated:
            return None  # `Second Epistle To Davie`: a title with a number word in it
        j += 1
    rest = " ".join(toks[j:]).strip()
    if rest.startswith(("—", "--", "-")) and kind != "arabic":
        rest, separated = rest.lstrip("—-").strip(), True
    if rest[:1].islower() or any(w[-1] == "," for w in label_words):
        return None  # `She said I slept`, `Personally, I`: a sentence
    rest_words = rest.split()
    if len(rest_words) > _TITLE_WORDS and sum(w[:1].islower() for w in rest_words) * 2 > len(rest_words):
        return None  # `Tom. I have brought it back`: a sentence, not a title
    label = " ".join(toks[:j])  # as printed, its stop too: `CHAPTER I.`
    bare = not label_words and not suffix
    if bare:
        if rest and (not separated or not (rest[0].isupper() or rest[0] in "_*\"'‘“")):
            return None
        if kind == "word":
            return None
        form = "#" + kind + ("." if separated else "") + ("t" if rest else "")
    elif suffix:
        form = "# " + suffix
    else:
        form = " ".join(w.lower() for w in label_words) + " #"
    if decimal:
        form += ".#"
    return form, numbers, label, rest, decimal, bare, kind


def _same_label(forms: list[str]) -> dict[str, str]:
    """`lectures #` is `lecture #`: a label that only adds a letter or two to another is that label."""
    out = {}
    by_start: dict[str, list[str]] = {}  # only labels that start alike can be one label
    for f in sorted(set(forms), key=len):
        out[f] = f
        same = by_start.setdefault(f[:3], [])
        for g in same:
            gw, fw = g.rsplit(" ", 1)[0], f.rsplit(" ", 1)[0]
            if (
                len(g) < len(f)
                and g.endswith(" #")
                and f.endswith(" #")
                and fw.startswith(gw)
                and len(fw) - len(gw) <= 2
            ):
                out[f] = out[g]
                break
        same.append(f)
    return out


def _in_sequence(hs: list[Heading], bare: bool) -> bool:
    """Numbers that go up by one, or start again at the beginning."""
    if len(hs) < (3 if bare else 2):
        return False
    good = restarts = bad = 0
    start = hs[0].numbers[0]
    prev = hs[0].numbers[-1]
    for h in hs[1:]:
        first = h.numbers[0]
        if first == prev + 1:
            good += 1
        elif first == start or first <= 1:
            restarts += 1
        elif prev < first <= prev + 3:
            pass  # a heading lost in the text: the sequence holds
        else:
            bad += 1
        prev = h.numbers[-1]
    if start > 2 and not (len(hs) >= 5 and good >= 0.8 * (len(hs) - 1)):
        return False  # years 1780, 1781 … may start anywhere; `Louis XIV`, `Louis XV` do not
    return good >= 1 and good + restarts >= 0.6 * (len(hs) - 1) and bad <= max(1, len(hs) // 10)


def _separated(inner: list[Heading], outer: list[Heading]) -> float:
    """Of consecutive `inner` headings, the share with an `outer` heading between them."""
    if len(inner) < 2:
        return 0.0
    marks = sorted(h.index for h in outer)
    import bisect

    n = 0
    for a, b in zip(inner, inner[1:]):
        k = bisect.bisect_right(marks, a.index)
        if k < len(marks) and marks[k] < b.index:
            n += 1
    return n / (len(inner) - 1)


def _set_off(hs: list[Heading], gaps: list[int]) -> bool:
    """Bare numerals head divisions only set off more than a paragraph, most of them."""
    g = sorted(gaps[h.index] for h in hs)
    return g[len(g) // 2] >= 2


def _a_list(hs: list[Heading]) -> bool:
    """Headings that head nothing: most stand right before the next one of their form
    (a list of acts or chapters, not the acts and chapters themselves)."""
    if sum(b.index == a.index + 1 for a, b in zip(hs, hs[1:])) > len(hs) // 2:
        return True
    steps = sorted(b.line - a.line for a, b in zip(hs, hs[1:]))
    return bool(steps) and steps[len(steps) // 2] < _LIST_LINES  # a few lines each: entries of a list


def _page_rhythm(hs: list[Heading]) -> bool:
    """Bare numbers a page apart in lines: page numbers, not years heading divisions."""
    steps = sorted(b.line - a.line for a, b in zip(hs, hs[1:]))
    return bool(steps) and steps[len(steps) // 2] < _PAGE_LINES


def _restarts_after(inner: list[Heading], outer: list[Heading]) -> bool:
    """`inner` numbers start again, and an `outer` heading stands before each new start."""
    marks = {h.index for h in outer}
    restarts = [(a, b) for a, b in zip(inner, inner[1:]) if b.numbers[0] <= a.numbers[-1]]
    return bool(restarts) and all(any(a.index < m < b.index for m in marks) for a, b in restarts)


def _drop_repeats(forms: dict[str, list[Heading]], unused: list[tuple[Heading, str]]) -> None:
    """A form that starts again at 1 with no heading of another form between is read a
    second time: in a list of the divisions, or as the headings of the notes grouped by
    chapter. The first run that heads text stays; the other runs stay as text."""
    for f, hs in forms.items():
        runs = [[hs[0]]]
        for a, b in zip(hs, hs[1:]):
            if b.numbers[0] <= a.numbers[-1]:
                runs.append([])
            runs[-1].append(b)
        if len(runs) < 2:
            continue
        others = sorted(h.index for g, gs in forms.items() if g != f for h in gs)
        groups: list[list[list[Heading]]] = [[runs[0]]]  # runs restarted under no other heading
        for run in runs[1:]:
            lo, hi = groups[-1][-1][-1].index, run[0].index
            if any(lo < x < hi for x in others):
                groups.append([run])  # restarted under another heading: sections of a chapter
            else:
                groups[-1].append(run)
        kept: list[Heading] = []
        for g in groups:
            heading = [r for r in g if len(r) < 2 or not _a_list(r)] or g
            kept.extend(heading[0])
        unused.extend((h, "its numbers start again with no other heading between") for h in hs if h not in kept)
        forms[f] = kept


def find(
    texts: list[str],
    starts: list[int],
    gaps: list[int],
    skip: set[int],
    words: dict[str, int],
    unused: list[tuple[Heading, str]] | None = None,
) -> list[Heading]:
    """The headings of the text, each with its level (1 = the outermost form).

    `texts`, `starts`, `gaps`: each block's text, first line and the blank lines before it.
    Lines read as headings of a repeated form but not used as headings go to `unused`,
    each with the reason (they stay text)."""
    unused = unused if unused is not None else []
    found: list[Heading] = []
    for i, text in enumerate(texts):
        if i in skip or not text or "\n" in text.strip():
            continue
        r = read_heading(text, words)
        if r is None:
            continue
        form, numbers, label, title, decimal, bare, kind = r
        if bare and kind == "arabic" and not title and gaps[i] < 3:
            continue
        found.append(Heading(i, starts[i], text.strip(), form, numbers, label, title, decimal, bare, kind))
    # the same number twice in a row (`HIS FIRST BOOK`, a preamble, `THE FIRST BOOK`):
    # the second heads the division, the first and its preamble stay as text before it
    kept: list[Heading] = []
    last_of: dict[str, Heading] = {}
    for h in found:
        prev = last_of.get(h.form)
        if prev is not None and prev.numbers == h.numbers and h.index - prev.index <= _REPEAT_BLOCKS:
            kept.remove(prev)
            unused.append((prev, "the same number heads the text right after it"))
        last_of[h.form] = h
        kept.append(h)
    found = kept
    canon = _same_label([h.form for h in found])
    by_form: dict[str, list[Heading]] = {}
    for h in found:
        h.form = canon[h.form]
        by_form.setdefault(h.form, []).append(h)
    forms = {}
    for f, hs in by_form.items():
        if hs[0].bare and not _set_off(hs, gaps):
            why = "bare numerals not set off from the text"
        elif not _in_sequence(hs, hs[0].bare):
            why = "numbers not in sequence"
        elif _a_list(hs):
            why = "a list of headings with no text under them"
        elif f == "#arabic" and _page_rhythm(hs):
            why = "numbers a page apart: page numbers"
        else:
            forms[f] = hs
            continue
        if len(hs) > 1 and not hs[0].bare:  # (numbered paragraphs, notes, pages: plainly text)
            unused.extend((h, why) for h in hs)
    if not forms:
        # no sequence at all: a lone `Chapter 1` (a label in full, not `Tom.`) starts one
        forms = {
            f: hs
            for f, hs in by_form.items()
            if len(hs) == 1 and hs[0].numbers[0] == 1 and not hs[0].bare and "." not in f and not f.startswith("#")
        }
    _drop_repeats(forms, unused)
    # levels: a form lies inside every form whose headings separate its own more than
    # its own separate those
    outer_of: dict[str, set[str]] = {f: set() for f in forms}
    names = sorted(forms, key=lambda f: forms[f][0].index)
    for a in names:
        for b in names:
            if a == b:
                continue
            ha, hb = forms[a], forms[b]
            if hb[0].index > ha[0].index and not forms[a][0].decimal:
                continue  # an outer form starts first
            if forms[a][0].decimal and not forms[b][0].decimal:
                outer_of[a].add(b)
                continue
            if _restarts_after(ha, hb):
                outer_of[a].add(b)  # sections start again at I under each chapter
                continue
            sa, sb = _separated(ha, hb), _separated(hb, ha)
            if sb > sa or (sb == sa and sb > 0 and len(hb) < len(ha)):
                outer_of[a].add(b)

    def depth(f: str, seen: tuple = ()) -> int:
        return 1 + max((depth(g, seen + (f,)) for g in outer_of[f] if g not in seen), default=0)

    out = []
    for f, hs in forms.items():
        lv = depth(f)
        for h in hs:
            h.level = lv
            out.append(h)
    return sorted(out, key=lambda h: h.index)
