"""Inline: `**…**` and `*…*` emphasis markers become TEI phrase markup.

Bold is <hi rend="bold">. An italic span is a <title> when it names a work
(capitalised, or announced by a word like "film", "journal", "in"), a
<foreign xml:lang> when it is a known foreign term or a lower-case phrase
that is not English (language from the profile), else <hi rend="italic">.
"""

from __future__ import annotations

import re

from ..tei import XML_LANG, make, xpath
from ..textnodes import substitute
from .context import Context

_BOLD = re.compile(r"\*\*(?P<t>[^*\n]+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?P<t>[^*\n]+?)\*(?![\w*])|(?<=\w)\*(?P<u>[^*\n]+?)\*(?!\w)")
_TEXT_BLOCKS = (
    "//t:text//*[self::t:p or self::t:head or self::t:note or self::t:l or self::t:cell "
    "or self::t:item or self::t:bibl or self::t:title or self::t:term]"
)


def _classify(span: str, before: str, ctx: Context):
    words = span.split()
    lower = span.lower().strip(" .,;:")
    lang = ctx.profile.foreign_terms.get(lower)
    if lang:
        return make("foreign", span, {XML_LANG: lang})
    prev = re.findall(r"[\w']+", before[-40:].lower())
    cue = prev[-1] if prev else ""
    if span[:1].isupper() or cue in ctx.profile.title_cues and len(words) > 1:
        return make("title", span)
    english = sum(w.lower().strip(".,;:!?'") in ctx.profile.english_words for w in words)
    if english and english >= len(words) / 2:
        return make("hi", span, rend="italic")
    if ctx.profile.foreign_default_lang:
        return make("foreign", span, {XML_LANG: ctx.profile.foreign_default_lang})
    return make("hi", span, rend="italic")


def apply(tei, ctx: Context):
    blocks = xpath(tei, _TEXT_BLOCKS)
    inside = set(blocks)
    outer = [b for b in blocks if not any(a in inside for a in b.iterancestors())]
    bold = lambda m: make("hi", m.group("t"), rend="bold")
    for b in outer:
        substitute(b, _BOLD, bold)

        def italic(m, b=b):
            span = m.group("t") or m.group("u")
            if not span.strip() or span != span.strip():
                return None
            before = m.string[: m.start()]
            el = _classify(span, before, ctx)
            ctx.report.counts["inline_" + el.tag.split("}")[1]] += 1
            return el

        substitute(b, _ITALIC, italic)
    left = sum(1 for b in outer for t in b.itertext() if "*" in t)
    if left:
        ctx.report.info("unmatched-asterisk", None, f"{left} text passages keep a lone '*' that pairs with no other")
    return tei
