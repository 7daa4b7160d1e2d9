"""Word runs and what stands between them, as TEI phrases.

- Formatting (`styles.rend_values`) → `hi rend`; a character style → the element it names or
  `seg rend`; runs of one formatting split by Word are joined after reading (`read`).
- Hyperlinks (a relationship, or a `HYPERLINK` field) with a safe target → `ref`; a link to a
  bookmark → a `ref` resolved to the division the bookmark stands in; an unsafe target keeps
  its text only (reported).
- Breaks: a page break → `pb`, a line break → `lb`; tabs → spaces; a no-break hyphen →
  U+2011; symbol-font characters (`w:sym`) in the Adobe Symbol encoding (Greek letters).
- Note and comment references → `notes`; tracked insertions → `add`, deletions → `del` (or
  accepted: `changes`); drawings → `drawings`.
- Fields keep their shown result; the instruction of one that is not a page number,
  cross-reference, numbering or date is reported, index and contents entries (`XE`, `TC`)
  left out and reported; equations keep their text (reported).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from ....access import is_safe_link
from ....tei import XML_ID, is_, sub
from ..blocks import LINK, add_text
from . import changes, drawings, notes, styles
from .parts import MC, R, W, lang_of

if TYPE_CHECKING:
    from .state import Reader


# The Symbol font's letters (Adobe Symbol encoding), which Word writes as w:sym U+F0xx.
_SYMBOL_FONT = dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")) | dict(
    zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")
)


def inline(r: Reader, container: etree._Element, into: etree._Element) -> etree._Element:
    for child in container:
        node(r, child, into)
    return into


def node(r: Reader, el: etree._Element, into: etree._Element) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    if tag == W + "r":
        run(r, el, into)
    elif tag == W + "hyperlink":
        rid = el.get(R + "id")
        target = r.doc.rels.get(rid, ("", False, ""))[0] if rid else ""
        if el.get(W + "anchor") and not target:  # to a bookmark: resolved once the divisions are made
            ref = sub(into, "ref")
            ref.set(LINK, f"{r.where}#{el.get(W + 'anchor')}")
            inline(r, el, ref)
        elif target and is_safe_link(target):
            inline(r, el, sub(into, "ref", target=target))
        else:
            if target:
                r.unmapped.add("links with unsafe targets", r.where, "kept as text")
            inline(r, el, into)
    elif tag in (W + "ins", W + "moveTo"):
        r.changes["insertions"] += 1
        inline(r, el, into if r.accept else sub(into, "add"))
    elif tag in (W + "del", W + "moveFrom"):
        if r.accept:
            changes.deletion(r, el)
        else:
            r.changes["deletions"] += 1
            inline(r, el, sub(into, "del"))
    elif tag in (W + "smartTag", W + "customXml", W + "fldSimple", W + "dir", W + "bdo"):
        instr = el.get(W + "instr") or ""
        if tag == W + "fldSimple" and instr.split()[:1] == ["HYPERLINK"]:
            url = hyperlink_target(instr)
            if url and is_safe_link(url):
                into = sub(into, "ref", target=url)
        elif tag == W + "fldSimple":
            field_unmapped(r, instr.split())
        inline(r, el, into)
    elif tag == W + "sdt":
        content = el.find(W + "sdtContent")
        if content is not None:
            inline(r, content, into)
    elif tag == W + "commentRangeStart":
        sub(into, "anchor", attrib={XML_ID: f"comment-{safe_id(el.get(W + 'id'))}"})
    elif tag == W + "bookmarkStart":
        r.bookmarks.setdefault(f"{r.where}#{el.get(W + 'name')}", into)
    elif tag in (W + "pPr", W + "bookmarkEnd", W + "proofErr", W + "commentRangeEnd",
                 W + "permStart", W + "permEnd", W + "lastRenderedPageBreak"):  # fmt: skip
        return
    elif tag.startswith(MC):
        choice = el.find(MC + "Choice")
        if choice is not None:
            inline(r, choice, into)
        else:
            fallback = el.find(MC + "Fallback")
            if fallback is not None:
                inline(r, fallback, into)
    elif tag.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/math}"):
        r.unmapped.add("equations", r.where, "their text kept")
        add_text(current(r, into), "".join(el.itertext()))
    elif "".join(el.itertext()).strip():
        r.unmapped.add(f"{etree.QName(el).localname} elements", r.where, "their text kept")
        add_text(current(r, into), "".join(el.itertext()))


def current(r: Reader, into: etree._Element) -> etree._Element:
    """Where a run's content goes: inside the open hyperlink field, if any."""
    for f in reversed(r.fields):
        if f.get("ref") is not None and f["in"] is into:
            return f["ref"]
    return into


def run(r: Reader, wr: etree._Element, into: etree._Element) -> None:
    rpr = wr.find(W + "rPr")
    target = current(r, into)
    rend: list[str] = []
    element = None
    rstyle = rpr.find(W + "rStyle") if rpr is not None else None
    if rstyle is not None:
        element, style_rend = styles.character_style(r, rstyle.get(W + "val") or "")
        rend.extend(style_rend)
    if rpr is not None:
        for r_ in styles.rend_values([rpr]):
            if r_ not in rend:
                rend.append(r_)
    if element == "code":
        holder = sub(target, "code")
    elif element and element.startswith("seg:"):
        holder = sub(target, "seg", rend=element[4:])
    elif element:
        holder = sub(target, element)
    else:
        holder = target
    if rend and element != "code":
        holder = sub(holder, "hi", rend=" ".join(rend))
    custom: list | None = None
    custom_note = None
    lang = lang_of(rpr) or (styles.style_lang(r, rstyle.get(W + "val")) if rstyle is not None else None)
    lang = lang or r.para_lang or r.doc.default_lang or ""
    for c in wr:
        tag = c.tag
        if tag == W + "t":
            if custom is not None and not custom:
                custom.append(c.text or "")  # the custom mark: the note's n, not text
                continue
            add_text(holder, c.text)
            r.lang_chars[lang] += len(c.text or "")
        elif tag == W + "delText":
            add_text(holder, c.text)
        elif tag == W + "tab" or tag == W + "ptab":
            add_text(holder, " ")
        elif tag == W + "br":
            if c.get(W + "type") == "page":
                sub(target if is_(holder, "code") else holder, "pb")
            else:
                sub(holder, "lb") if not is_(holder, "code") else add_text(holder, "\n")
        elif tag == W + "cr":
            sub(holder, "lb")
        elif tag == W + "noBreakHyphen":
            add_text(holder, "\u2011")
        elif tag == W + "sym":
            code = c.get(W + "char") or ""
            try:
                ch = chr(int(code, 16))
            except ValueError:
                continue
            if 0xF000 <= ord(ch) <= 0xF0FF and (c.get(W + "font") or "").lower() == "symbol":
                greek = _SYMBOL_FONT.get(ord(ch) - 0xF000)
                if greek:
                    add_text(holder, greek)
                else:
                    r.unmapped.add("Symbol-font characters", r.where, "left out (not a letter)")
            elif 0xF000 <= ord(ch) <= 0xF0FF:
                r.unmapped.add("symbol-font characters", r.where, "left out (no Unicode value)")
            else:
                add_text(holder, ch)
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            custom = [] if c.get(W + "customMarkFollows") in ("1", "true", "on") else None
            custom_note = notes.note(r, c, target, custom)
        elif tag == W + "commentReference":
            notes.comment(r, c.get(W + "id") or "", target)
        elif tag == W + "fldChar":
            field_char(r, c, into)
        elif tag == W + "instrText":
            if r.fields:
                r.fields[-1]["instr"] += c.text or ""
        elif tag in (W + "drawing", W + "pict", W + "object"):
            drawings.drawing(r, c)
        elif tag.startswith(MC):
            choice = c.find(MC + "Choice")
            for d in (choice if choice is not None else c).iter(W + "drawing", W + "pict"):
                drawings.drawing(r, d)
                break
        elif tag in (W + "rPr", W + "lastRenderedPageBreak", W + "softHyphen", W + "footnoteRef",
                     W + "endnoteRef", W + "annotationRef", W + "separator", W + "continuationSeparator"):  # fmt: skip
            continue
    if custom and custom_note is not None and "".join(custom).strip():
        custom_note.set("n", "".join(custom).strip())
    for el in (holder, holder.getparent()):
        if el is not None and el is not target and not len(el) and not (el.text or ""):
            el.getparent().remove(el)


def field_char(r: Reader, c: etree._Element, into: etree._Element) -> None:
    kind = c.get(W + "fldCharType")
    if kind == "begin":
        r.fields.append({"instr": "", "in": into, "ref": None})
    elif kind == "separate" and r.fields:
        f = r.fields[-1]
        words = f["instr"].split()
        if words[:1] == ["HYPERLINK"]:
            url = hyperlink_target(f["instr"])
            if url and is_safe_link(url):
                f["ref"] = sub(current(r, into), "ref", target=url)
        else:
            field_unmapped(r, words)
    elif kind == "end" and r.fields:
        f = r.fields.pop()
        words = f["instr"].split()
        if words[:1] in (["XE"], ["TC"]):
            r.unmapped.add(f"{words[0]} fields (index or contents entries)", r.where, "left out")


def field_unmapped(r: Reader, words: list[str]) -> None:
    """A field the text keeps only the shown result of (an AUTHOR, a formula, a merge
    field), reported; page numbers, cross-references, numbering and dates are text."""
    if words[:1] and words[0] not in ("PAGE", "REF", "PAGEREF", "NOTEREF", "SEQ", "TOC", "DATE", "TIME"):
        r.unmapped.add(f"{words[0]} fields", r.where, "their shown result kept")


def hyperlink_target(instr: str) -> str | None:
    m = re.search(r'HYPERLINK\s+(?:\\[a-z]\s+)*"([^"]*)"', instr) or re.search(r"HYPERLINK\s+(\S+)", instr)
    return m.group(1) if m else None


def safe_id(ident: str | None) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "-", ident or "x")
