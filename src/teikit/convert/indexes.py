"""Back-of-book indexes: entries with their page references, sub-entries nested.

Index text from a text dump runs entries together ("Akimov, S. A. 286n27
Akulov, I. A. 89 …"), sometimes in two tab-separated columns. Entries are cut
where a run of page references (`89`, `166–71`, `286n27`, `xiv`) ends and words
begin again. Main entries are told from sub-entries by the index's own
alphabetical order: the longest alphabetical run of entries are the main ones,
and an entry that breaks the order belongs under the main entry before it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from ..tei import children, line_of, make, sub, xpath
from .context import Context

_LOC = re.compile(
    r"^(?P<loc>(?:\d{1,3}|[1-9]\d{3}(?=n))(?:\s*[-–]\s*\d{1,4})?(?:nn?\d{1,4}(?:[-–]\d{1,4})?)?"
    r"|[ivxl]{1,6}(?:[-–][ivxl]{1,6})?)(?P<punct>[,;.]?)$"
)
_GLUED = re.compile(r"(\d)([A-Za-z'‘(][a-z])")  # "271-2collectivization"


def _decolumnize(lines: list[str]) -> list[str]:
    """Two columns side by side (tab-separated): read the left column, then the right."""
    if sum("\t" in l for l in lines) < 2:
        return lines
    left, right = [], []
    for l in lines:
        a, _, b = l.partition("\t")
        left.append(a.strip())
        if b.strip():
            right.append(b.strip())
    return left + right


def _tokens(text: str) -> list[str]:
    text = _GLUED.sub(r"\1 \2", text.replace("\t", " "))
    return re.sub(r"\s*[-–]\s*(?=\d)", lambda m: m.group(0).strip(), text).split()


def parse_entries(text: str) -> list[tuple[str, list[str], str]]:
    """[(term, locators as printed, trailing cross-reference text)]."""
    entries: list[list] = []  # [term, locators, cross-reference], each completed in place
    term: list[str] = []
    locs: list[str] = []
    for tok in _tokens(text):
        m = _LOC.match(tok)
        is_loc = bool(m) and (bool(term) or bool(locs))
        if is_loc and len(locs) and not locs[-1].endswith((",", ";")) and not term:
            is_loc = True
        if is_loc and not term and locs and not locs[-1].endswith(","):
            # "… 5 3 1945" — a number after a finished list starts the next entry
            is_loc = False
        if is_loc:
            locs.append(tok)
            if term:
                entries.append([" ".join(term), [], ""])
                term = []
            entries[-1][1].append(tok)
            continue
        if (
            locs
            and term == []
            and entries
            and entries[-1][1]
            and entries[-1][1][-1].endswith(";")
            and tok.lower() == "see"
        ):
            entries[-1][2] = tok
            locs = []
            continue
        if entries and entries[-1][2] and not locs and (tok[:1].islower() or tok.startswith("(")):
            entries[-1][2] += " " + tok
            continue
        locs = []
        term.append(tok)
    if term:
        entries.append([" ".join(term), [], ""])
    return [tuple(e) for e in entries]


def _key(term: str) -> str:
    t = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9 ]+", "", t).strip()


def _main_entries(keys: list[str]) -> set[int]:
    """Indices of the longest non-decreasing run of sort keys (patience sorting)."""
    tails: list[str] = []
    tail_idx: list[int] = []
    prev = [-1] * len(keys)
    for i, k in enumerate(keys):
        pos = bisect.bisect_right(tails, k)
        if pos:
            prev[i] = tail_idx[pos - 1]
        if pos == len(tails):
            tails.append(k)
            tail_idx.append(i)
        else:
            tails[pos] = k
            tail_idx[pos] = i
    out, i = set(), (tail_idx[-1] if tail_idx else -1)
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out


def _normal_locator(loc: str) -> str:
    loc = loc.rstrip(",;.")
    m = re.match(r"^(\d+)[-–](\d+)(.*)$", loc)
    if m and len(m.group(2)) < len(m.group(1)):
        a, b = m.group(1), m.group(2)
        loc = f"{a}-{a[: len(a) - len(b)]}{b}{m.group(3)}"
    return loc.replace("–", "-")


def _item(term: str, locs: list[str], xref: str):
    item = make("item")
    sub(item, "term", term)
    for k, loc in enumerate(locs):
        bare = loc.rstrip(",;.")
        item[-1].tail = " " if k == 0 else (item[-1].tail or "") + " "
        kind = "note" if "n" in bare and bare[0].isdigit() else "page"
        ref = sub(item, "ref", bare, type=kind, n=_normal_locator(bare))
        ref.tail = loc[len(bare) :] or None
    if xref:
        item[-1].tail = (item[-1].tail or "") + " "
        sub(item, "ref", xref, type="see")
    return item


def apply(tei, ctx: Context):
    for div in xpath(tei, "//t:text/t:back/t:div[@type='index']"):
        lines: list[str] = []
        blocks = children(div, "p")
        for b in blocks:
            lines.extend(_decolumnize([re.sub(r"^\s*-\s+", "", l) for l in b.text.split("\n")]))
            div.remove(b)
        entries = parse_entries(" ".join(l for l in lines if l.strip()))
        if not entries:
            continue  # an empty index: its heading alone is settled before writing
        main = _main_entries([_key(t) for t, _, _ in entries])
        lst = sub(div, "list", type="index")
        parent = None
        for k, (term, locs, xref) in enumerate(entries):
            item = _item(term, locs, xref)
            if k in main or parent is None:
                lst.append(item)
                parent = item
            else:
                sublist = parent.find("{http://www.tei-c.org/ns/1.0}list")
                if sublist is None:
                    parent[-1].tail = (parent[-1].tail or "") + " "
                    sublist = sub(parent, "list")
                sublist.append(item)
            if not locs and not xref:
                ctx.report.info(
                    "index-entry-without-locator", line_of(div), "index entry with no page reference", text=term
                )
        ctx.report.counts["index_entries"] += len(entries)
    return tei
