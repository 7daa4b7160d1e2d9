"""Language tags for the editions: TEI's xml:lang as the BCP 47 tags HTML and EPUB require.

    canonical("ger-Latn")        # 'de'
    normalise(root, path, warn)  # every xml:lang and langUsage/language/@ident in the tree

TEI asks for BCP 47 in xml:lang, but TEI written elsewhere often carries ISO 639-2 or 639-3
codes (`eng`, `ger`, `per-Latn-x-lc`) where BCP 47 writes the two-letter code (`en`, `de`,
`fa-Latn-x-lc`); browsers and reading systems choose fonts, hyphenation and speech by the
tag, and HTML checkers reject the others. Each tag is brought to its canonical form by
langcodes (RFC 5646's canonicalisation with ISO 639's two-letter codes where there is
one; a script the language is written in anyway is dropped). An extended-language form
that canonicalisation keeps (`el-grc`: `grc` is no extlang of Greek) is read as RFC 5646
reads every extlang form, the extlang standing for the language (`grc`). A tag that stays
invalid (`esp`) becomes `und`, "undetermined" — not left out, which would give the passage
its parent's language — and is reported once per file and tag, with the line it is first on.
The tree is the render's own copy: the TEI files are not changed.
"""

from __future__ import annotations

import functools

import langcodes
from lxml import etree

from ..tei import TEI_NS, XML_NS, q

XML_LANG = f"{{{XML_NS}}}lang"
UNDETERMINED = "und"


@functools.cache
def canonical(tag: str) -> str | None:
    """The canonical BCP 47 form of `tag`, or None when it is not a language tag."""
    tag = tag.strip()
    if not tag or not langcodes.tag_is_valid(tag):
        return None
    try:
        language = langcodes.Language.get(tag)
    except (ValueError, LookupError):
        return None
    if language.extlangs:
        # RFC 5646, 4.5: an extlang form is written with the extlang as the language.
        rest = tag.split("-")[1 + len(language.extlangs) :]
        return canonical("-".join([language.extlangs[0], *rest]))
    return langcodes.standardize_tag(tag)


def normalise(root: etree._Element, path: str, warn=lambda message: None) -> None:
    """Give every language tag in the tree of `path` its canonical form; see the module."""
    reported: set[str] = set()
    # Only the elements that carry a tag, found by libxml2 in document order (a book has
    # tens of thousands of elements and a few of them carry one).
    for el in _TAGGED(root):
        for name in _language_attributes(el):
            given = el.get(name, "")
            if not given.strip():
                continue  # xml:lang="" says "no language given": HTML's lang="" says the same
            tag = canonical(given)
            if tag is None:
                tag = UNDETERMINED
                if given not in reported:
                    reported.add(given)
                    warn(f"{path}:{el.sourceline or '?'}: language '{given}' is not a BCP 47 language tag: "
                         f"the edition says '{UNDETERMINED}' (undetermined)")  # fmt: skip
            if tag != given:
                el.set(name, tag)


_TAGGED = etree.XPath(
    "descendant-or-self::*[@xml:lang] | descendant-or-self::tei:language[@ident][parent::tei:langUsage]",
    namespaces={"tei": TEI_NS},
)


def _language_attributes(el: etree._Element) -> list[str]:
    """xml:lang, and a language's ident in langUsage (the edition's language when the text has none)."""
    names = [XML_LANG]
    parent = el.getparent()
    if el.tag == q("language") and parent is not None and parent.tag == q("langUsage"):
        names.append("ident")
    return [name for name in names if el.get(name) is not None]
