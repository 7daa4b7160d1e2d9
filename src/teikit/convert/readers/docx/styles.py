"""Word styles as the reader reads them: a style's chain through `w:basedOn`, its name
compared loosely, the TEI element a character style names, the language a style sets, the
heading level of a paragraph, and the `hi/@rend` values of run properties.

- Headings: a paragraph's outline level (`w:outlineLvl`, its own or its style's, through
  `w:basedOn`), else a style whose built-in name is `heading N` (Word writes the built-in
  English name whatever the UI language: `Überschrift 1`, `Titre 1`, `Kop1` all name
  `heading 1`); a style without outline level or built-in name is a heading when its name
  or id says so in a common UI language (`Überschrift 2`, `Titre 2`, `Kop2`).
- Character styles named after a TEI element (`persName`, `placeName`, `orgName`, `date`,
  `foreign`, `title`, `term`, `add`, `del`, `code`, with or without a `tei:` prefix) → that
  element; the built-in emphases (`Emphasis`, `Strong`…) → their formatting only; other
  character styles → `seg rend` (the style id).
- Paragraph style names the reader maps (quotation, verse, bibliography, `eg`) are listed
  here; `paragraphs` says what each becomes.
- Run properties: italic, bold, underline, small caps, superscript, subscript, strike →
  `hi rend` values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from .parts import W, lang_of, on

if TYPE_CHECKING:
    from .state import Reader


PHRASE_STYLES = {
    "persname": "persName",
    "placename": "placeName",
    "orgname": "orgName",
    "date": "date",
    "foreign": "foreign",
    "title": "title",
    "term": "term",
    "add": "add",
    "del": "del",
    "code": "code",
}


# Paragraph styles named for TEI elements, as the TEI community's Word templates name them
# and in the words of Word's UI languages (the built-in `Quote` is `Zitat` or `Citation` in
# documents from other programs; the built-in `Bibliography` is an entry of a list of works).
QUOTE_STYLES = {"quote", "intense quote", "block text", "cit", "quotation", "zitat", "citation", "citazione",
                 "cita", "block quote", "blockquote"}  # fmt: skip


VERSE_STYLES = {"l", "lg", "verse", "poem", "poetry", "vers", "gedicht", "poème", "poeme", "verso", "poesia"}


BIBL_STYLES = {"bibl", "bibliography", "bibliographie", "bibliografia", "bibliografía", "literatur",
                "literaturverzeichnis"}  # fmt: skip


_MAPPED_STYLES = set(PHRASE_STYLES) | QUOTE_STYLES | VERSE_STYLES | BIBL_STYLES | {"eg"}


AUTHOR_STYLES = {"author", "autor", "auteur", "autore"}


NOT_IN_NAME = re.compile(r"[^\w.-]+")


# A heading style's name, or its id, in the languages Word writes them when the built-in
# English name is missing (documents from other programs): Überschrift 1, Titre 1, Kop1...
_HEADING_NAME = re.compile(
    r"(?:heading|überschrift|berschrift|titre|titolo|título|titulo|kop|rubrik|overskrift|otsikko"
    r"|nagłówek|nadpis|заголовок|見出し)\s*([1-9])"
)


_TOGGLES = {
    W + "i": "italic",
    W + "b": "bold",
    W + "smallCaps": "smallcaps",
    W + "strike": "strikethrough",
    W + "dstrike": "strikethrough",
}


def style_chain(r: Reader, ident: str | None):
    seen = set()
    while ident and ident not in seen and ident in r.doc.styles:
        seen.add(ident)
        yield r.doc.styles[ident]
        ident = r.doc.styles[ident].based_on


def style_name(r: Reader, ident: str | None) -> str:
    s = r.doc.styles.get(ident or "")
    return (s.name if s else ident or "").strip()


def style_key(r: Reader, ident: str | None) -> str:
    """A style's name compared loosely: case and a `tei:` prefix ignored, or `tei_` and
    `TEI ` as the TEI Stylesheets' templates write it (`tei` alone only before a name the
    reader maps, longer than a letter: `teipersName`, but German `Teil` is not `tei` + `l`)."""
    name = style_name(r, ident).lower()
    if name.startswith(("tei:", "tei_", "tei ")):
        return name[4:]
    rest = name[3:]
    return rest if name.startswith("tei") and len(rest) > 1 and rest in _MAPPED_STYLES else name


def character_style(r: Reader, ident: str) -> tuple[str | None, list[str]]:
    """What a character style becomes: a TEI element it names, a `seg` carrying its id, or
    (a built-in emphasis) only its formatting; and that formatting (hi/@rend values)."""
    if ident in r.char_styles:
        return r.char_styles[ident]
    key = style_key(r, ident)
    element: str | None = None
    rend: list[str] = []
    if key in PHRASE_STYLES:
        element = PHRASE_STYLES[key]
    elif key not in ("footnote reference", "endnote reference", "hyperlink", "annotation reference",
                     "default paragraph font", "followedhyperlink"):  # fmt: skip
        rend = rend_values([s.rpr for s in style_chain(r, ident) if s.rpr is not None])
        if not rend or key not in ("emphasis", "strong", "subtle emphasis", "intense emphasis"):
            element = "seg:" + (NOT_IN_NAME.sub("-", ident).strip("-") or "style")
    r.char_styles[ident] = (element, rend)
    return element, rend


def style_lang(r: Reader, style: str | None) -> str | None:
    """The language a paragraph or character style (through `w:basedOn`) sets, if any."""
    if style not in r.style_langs:
        langs = (lang_of(s.rpr) for s in style_chain(r, style))
        r.style_langs[style] = next((lang for lang in langs if lang), None)
    return r.style_langs[style]


def level(r: Reader, p: etree._Element, style: str | None) -> int | None:
    own = p.find(f"{W}pPr/{W}outlineLvl")
    if own is not None and own.get(W + "val", "").isdigit():
        v = int(own.get(W + "val"))
        return v + 1 if v < 9 else None
    for s in style_chain(r, style):
        if s.outline is not None:
            return s.outline + 1 if s.outline < 9 else None
        m = _HEADING_NAME.fullmatch(s.name.lower()) or _HEADING_NAME.fullmatch(s.ident.lower())
        if m:
            return int(m.group(1))
    return None


def rend_values(props: list) -> list[str]:
    """The hi/@rend values run properties ask for (each property element looked at once)."""
    out: list[str] = []
    for rpr in props:
        for el in rpr:
            tag = el.tag
            value = None
            if tag in _TOGGLES:
                value = _TOGGLES[tag] if on(el) else None
            elif tag == W + "u":
                value = "underline" if el.get(W + "val", "single") != "none" else None
            elif tag == W + "vertAlign":
                value = el.get(W + "val") if el.get(W + "val") in ("superscript", "subscript") else None
            if value and value not in out:
                out.append(value)
    return out
