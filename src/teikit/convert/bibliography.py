"""Bibliography: one <bibl> per entry under the book's own group headings.

Entries are lines (`- ` markers optional); a heading is a short line that is
not an entry. A heading directly followed by another heading, or sharing a
word with such a parent heading ("… Language Sources" / "… Languages"), opens
a top-level group. Within an entry: author or editor (a ditto rule `____`
points to the previous entry's author), title, and place and date from the
closing "(Place, Year)". Lines holding several entries run together are split
after each "(Place, Year)".
"""

from __future__ import annotations

import re

from ..tei import XML_ID, block_line, children, make, sub, text_of, xpath
from .blocks import is_title_case
from .context import Context

_MARKER = re.compile(r"^\s*(?:-\s+)+")
_DITTO = re.compile(r"^(?:_{2,}|-{3,}|—+|\[,\])\s*[,.]?\s*|^,\s*")
_IMPRINT = re.compile(
    r"\((?P<place>[^()]*?),\s*(?P<date>(?:1[5-9]|20)\d\d(?:[-–/]\d{1,4})?)"
    r"(?P<more>[^()]*)\)"
)
_SPLIT = re.compile(r"(?<=\d\))\s+(?=[A-Z_'‘\"—][^()]{3,}?\()")
_ROLE = re.compile(r"\s*\((?P<role>eds?|ed\.|editors?|compilers?|chief ed\.|trans\.)\)\s*,?\s*$", re.I)
_NAME_WORD = re.compile(r"^(?:(?:[A-Z][a-z]{0,2}\.)+|[A-Z][\w'’-]*|and|de|van|von|der|la|le)$")


def _is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or _MARKER.match(line) or _DITTO.match(s):
        return False
    if re.search(r"\(\s*[^()]*\d{4}[^()]*\)\s*$", s) or "," in s.split("(")[0]:
        return False
    return s[:1].isupper() and not s.endswith((".", ","))


def _looks_like_names(text: str) -> bool:
    words = text.replace(",", " ").split()
    return 0 < len(words) <= 12 and all(_NAME_WORD.match(w) for w in words) and not any(ch.isdigit() for ch in text)


def _author_split(text: str) -> tuple[str | None, str | None, str]:
    """(names, role, rest): 'Carr, E. H., The Bolshevik…' -> ('Carr, E. H.', None, 'The…')."""
    parts = text.split(", ")
    if len(parts) < 2:
        return None, None, text
    best = None
    for k in range(2, min(len(parts), 14)):
        names = ", ".join(parts[:k])
        role = None
        m = _ROLE.search(names + ",")
        core = names
        if m:
            role = m.group("role")
            core = names[: m.start()]
        if _looks_like_names(core):
            best = (core, role, ", ".join(parts[k:]))
        else:
            break
    if best is None:
        m = re.match(r"^(?P<names>[^,()]+?)\s*\((?P<role>eds?|ed\.|compilers?)\)\s*,?\s*(?P<rest>.*)$", text)
        if m and _looks_like_names(m.group("names")):
            return m.group("names"), m.group("role"), m.group("rest")
    return best or (None, None, text)


def _bibl(text: str, line: int, previous_author: list):
    """A structured <bibl>; its text content is exactly the entry's text."""
    bibl = make("bibl", line=line)
    rest = text.strip()
    ditto = _DITTO.match(rest)
    prev = previous_author[0]
    if ditto and prev is not None and prev.get(XML_ID):
        rest = rest[ditto.end() :]
        core = ditto.group(0).rstrip(" ,")
        el = sub(bibl, _local(prev), core or None, sameAs="#" + prev.get(XML_ID))
        el.tail = ditto.group(0)[len(core) :]
    elif ditto:
        _append_text(bibl, ditto.group(0))
        rest = rest[ditto.end() :]
    else:
        names, role, after = _author_split(rest)
        if names:
            role_word = (role or "").lower()
            is_editor = role_word.startswith(("ed", "comp", "chief"))
            el = sub(bibl, "editor" if is_editor else "author", names)
            if is_editor:
                el.set("role", "compiler" if role_word.startswith("comp") else "editor")
            el.tail = rest[len(names) : len(rest) - len(after)]
            previous_author[0] = el
            rest = after
    imprint = None
    for m in _IMPRINT.finditer(rest):
        imprint = m
    title_text = rest[: imprint.start()] if imprint else rest
    article = re.match(
        r"^(?P<q>['‘\"“])(?P<t>.+?)(?P<cq>['’\"”])(?P<sep>[,.]?(?:\s+|$))(?P<rest>.*)$", title_text, re.S
    )
    if article:
        _append_text(bibl, article.group("q"))
        t = sub(bibl, "title", article.group("t"), level="a")
        t.tail = article.group("cq") + article.group("sep")
        journal = article.group("rest")
        jm = re.match(r"^\*(?P<j>[^*]+)\*(?P<after>.*)$", journal, re.S) or re.match(
            r"^(?P<in>in\s+)?(?P<j>[^(,*]*?[^\s(,\d*])(?P<after>\s*(?:\(|\d|,|$).*)$", journal, re.S
        )
        if jm and not jm.groupdict().get("in"):
            _append_text(bibl, "")
            sub(bibl, "title", jm.group("j"), level="j").tail = jm.group("after")
        else:
            _append_text(bibl, journal)
    elif title_text.strip():
        core = title_text.rstrip(", ")
        starred = re.fullmatch(r"\*([^*]+)\*", core)
        sub(bibl, "title", starred.group(1) if starred else core, level="m").tail = title_text[len(core) :]
    else:
        _append_text(bibl, title_text)
    if imprint:
        _append_text(bibl, "(")
        place = imprint.group("place")
        if place.strip():
            sub(bibl, "pubPlace", place).tail = ", "
        date = imprint.group("date")
        d = sub(bibl, "date", date)
        years = re.split(r"[-–/]", date)
        if len(years) == 2:
            start, end = years
            end = start[: 4 - len(end)] + end if len(end) < 4 else end
            if end > start:
                d.set("from", start)
                d.set("to", end)
            else:
                d.set("when", start)
        else:
            d.set("when", date)
        d.tail = imprint.group("more") + ")" + rest[imprint.end() :]
    return bibl


def _local(el) -> str:
    return el.tag.split("}")[1]


def _append_text(bibl, text: str) -> None:
    if len(bibl):
        bibl[-1].tail = (bibl[-1].tail or "") + text
    else:
        bibl.text = (bibl.text or "") + text


def _entries(block_text: str, first_line: int):
    """(line, text) per entry: marker lines start entries, others continue or split them."""
    out: list[list] = []
    for k, raw in enumerate(block_text.split("\n")):
        if not raw.strip():
            continue
        line = raw.replace("\t", " ")
        line = re.sub(r" {2,}", " ", line)
        starts = bool(_MARKER.match(line)) or not out
        text = _MARKER.sub("", line).strip()
        if not starts and out and (text[:1].islower() or out[-1][1].rstrip().endswith((",", ":", "-", "–"))):
            out[-1][1] += " " + text
            continue
        if starts and out and text.startswith("in "):
            out[-1][1] += " " + text
            continue
        out.append([first_line + k, text])
    split = []
    for line, text in out:
        for piece in _SPLIT.split(text):
            split.append((line, piece.strip()))
    return split


def apply(tei, ctx: Context):
    for div in xpath(tei, "//t:text/t:back/t:div[@type='bibliography']"):
        blocks = children(div, "p")
        for b in blocks:
            div.remove(b)
        items = []  # ("head", text, line) | ("entry", text, line)
        for b in blocks:
            lines = [l for l in b.text.split("\n") if l.strip()]
            if len(lines) == 1 and _is_heading(lines[0]):
                items.append(("head", lines[0].strip(), block_line(b)))
            else:
                items.extend(("entry", t, l) for l, t in _entries(b.text, block_line(b)))
        # a heading over headings is a parent if in Title Case; otherwise it is an entry
        # that only looked like a heading (e.g. a line listing journal titles)
        for k, it in enumerate(items[:-1]):
            if it[0] == "head" and items[k + 1][0] == "head" and not is_title_case(it[1]):
                items[k] = ("entry", it[1], it[2])
        if items and items[-1][0] == "head":
            items[-1] = ("entry", items[-1][1], items[-1][2])
        parents = {k for k, it in enumerate(items[:-1]) if it[0] == "head" and items[k + 1][0] == "head"}
        parent_words = None
        for k in parents:
            words = _words(items[k][1])
            parent_words = words if parent_words is None else parent_words & words
        current_top = div
        current = div
        prev_author = [None]
        count = 0
        for k, (kind, text, line) in enumerate(items):
            if kind == "head":
                top_level = k in parents or (parent_words and _words(text) & parent_words and is_title_case(text))
                if top_level:
                    current_top = sub(div, "listBibl", line=line)
                    sub(current_top, "head", text)
                    current = current_top
                else:
                    current = sub(current_top, "listBibl", line=line)
                    sub(current, "head", text)
                continue
            if current is div:
                current = sub(div, "listBibl")
            bibl = _bibl(text, line, prev_author)
            if _squash(text_of(bibl)) != _squash(text):
                # never lose or alter a word: keep the entry as plain text
                bibl = make("bibl", text, line=line)
                ctx.report.add("unstructured-bibl", line, "bibliography entry kept as plain text", text=text)
            elif len(bibl) == 0:
                ctx.report.info("unstructured-bibl", line, "bibliography entry kept as plain text", text=text)
            count += 1
            author = bibl.find("{http://www.tei-c.org/ns/1.0}author")
            editor = bibl.find("{http://www.tei-c.org/ns/1.0}editor")
            for who in (author, editor):
                if who is not None and who.get("sameAs") is None:
                    who.set(XML_ID, f"bibl{count}-{'au' if who is author else 'ed'}")
            bibl.set(XML_ID, f"bibl{count}")
            current.append(bibl)
        ctx.report.counts["bibl"] += count
    return tei


def _squash(text: str) -> str:
    return re.sub(r"[\s*]+", "", text)  # asterisks were italics, now encoded as <title>


def _words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{4,}", text)}
