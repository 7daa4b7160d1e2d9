"""Inline: `**…**` and `*…*` emphasis markers become TEI phrase markup, and so do
`_…_`, `/…/` (italic) and `=…=` (bold) in a book that uses them (`teikit.convert.markers`
decides from the book's own text).

Bold is <hi rend="bold">. An italic span is a <title> when it names a work
(capitalised, or announced by a word like "film", "journal", "in"), a
<foreign xml:lang> when it is a known foreign term or a lower-case phrase
that is not English (language from the profile), else <hi rend="italic">.
For the marker conventions a single capitalised word is emphasis ("_He_ said"), not
a title: a title takes two words or more, and reads as one (no sentence in it, its longer
words mostly capitalised). Nor is one italic word in brackets right after a name of two
capitalised words or more that it shortens ("the Political Bureau (*Politburo*)": it starts
as a word of the name starts, or the name joins its words with "of", "and", "for"): the
name's short or original form, emphasis that later passes may read as a name. Each convention found is reported
(`inline-convention`, with its pairs and occurrences), and so are marker characters of
a convention left unpaired.
"""

from __future__ import annotations

import re

from lxml import etree

from ..tei import XML_LANG, line_of, make, only, outermost, q, xpath
from ..textnodes import substitute, texts
from . import markers
from .context import Context

_BOLD = re.compile(r"\*\*(?P<t>[^*\n]+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?P<t>[^*\n]+?)\*(?![\w*])|(?<=\w)\*(?P<u>[^*\n]+?)\*(?!\w)")
_TEXT_BLOCKS = (
    "//t:text//*[self::t:p or self::t:head or self::t:note or self::t:l or self::t:cell "
    "or self::t:item or self::t:bibl or self::t:title or self::t:term]"
)
_BLOCK_TAGS = tuple(q(n) for n in ("p", "head", "note", "l", "cell", "item", "bibl", "title", "term"))


def _headline(span: str) -> bool:
    """Whether a span reads as a name of a work: no sentence in it ("Lord! what's",
    "Victory of Fleurus."), two to twelve words, and its longer words mostly capitalised
    ("Tales from Blackwood", not "Fishbourne wasn't the world")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", span)
    if not 2 <= len(words) <= 12 or re.search(r"[!?;:]|\.\s|\.$", span.strip()):
        return False
    long = [w for w in words if len(w) >= 4] or words
    return 3 * sum(w[:1].isupper() for w in long) >= 2 * len(long)


# A name of two capitalised words or more, lower-case joiners between, ending before "(".
# Capitals as the enrichment's names take them (teikit.enrich.namewords.UPPER): "Élysée" too.
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_BEFORE_BRACKET = re.compile(
    rf"(?P<name>[{_UPPER}][\w'’-]*(?:\s+(?:(?:of|and|for|on|the)\s+)*[{_UPPER}][\w'’-]*)+)\s*\($"
)


def _short_form(span: str, before: str) -> bool:
    """Whether a one-word span in brackets gives the short form of the name before it."""
    m = _NAME_BEFORE_BRACKET.search(before[-160:])
    if not m or len(span.split()) != 1:
        return False
    name = m["name"].split()
    joined = any(w in ("of", "and", "for") for w in name)
    return joined or any(w[:3].lower() == span[:3].lower() for w in name if w[:1].isupper())


def _classify(span: str, before: str, ctx: Context, title_words: int = 1):
    """`title_words` 2 (the marker conventions): a title takes two words or more, and
    must read as one (`_headline`)."""
    words = span.split()
    lower = span.lower().strip(" .,;:")
    lang = ctx.profile.foreign_terms.get(lower)
    if lang:
        return make("foreign", span, {XML_LANG: lang})
    prev = re.findall(r"[\w']+", before[-40:].lower())
    cue = prev[-1] if prev else ""
    capital = span[:1].isupper() and len(words) >= title_words
    announced = cue in ctx.profile.title_cues and len(words) > 1
    if capital and _short_form(span, before):
        return make("hi", span, rend="italic")
    if (capital or announced) and (title_words == 1 or _headline(span)):
        return make("title", span)
    english = sum(w.lower().strip(".,;:!?'") in ctx.profile.english_words for w in words)
    if english and english >= len(words) / 2:
        return make("hi", span, rend="italic")
    if ctx.profile.foreign_default_lang:
        return make("foreign", span, {XML_LANG: ctx.profile.foreign_default_lang})
    return make("hi", span, rend="italic")


def _text_of(block) -> str:
    """All the text of a block, serialised by libxml2 (a walk in C, no string made per text
    node): it holds every text node `itertext` gives, so a character not in it is in none
    of them (what the passes below ask before walking a block)."""
    return etree.tostring(block, method="text", encoding="unicode", with_tail=False)


class _Holding:
    """`pattern`, asked only of the texts that hold `char`, which every match holds: a
    pattern that opens with a look-behind (`_ITALIC`) is tried at every position of a text
    before it says no."""

    def __init__(self, pattern: re.Pattern, char: str):
        self.pattern, self.char = pattern, char

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.char in text else iter(())


_ITALIC_HELD = _Holding(_ITALIC, "*")


def apply(tei, ctx: Context):
    text = only(tei, "text")  # walked down from, in document order (XPath searched the whole tree)
    blocks = list(text.iter(*_BLOCK_TAGS)) if text is not None else xpath(tei, _TEXT_BLOCKS)
    outer = outermost(blocks)
    bold = lambda m: make("hi", m.group("t"), rend="bold")
    written = [_text_of(b) for b in outer]  # each block's text, read once for every question below
    starred = [k for k, t in enumerate(written) if "*" in t]
    for k in starred:  # in the others `_ITALIC`, which opens with a look-behind, would try every position
        b = outer[k]
        substitute(b, _BOLD, bold)

        def italic(m, b=b):
            span = m.group("t") or m.group("u")
            if not span.strip() or span != span.strip():
                return None
            before = m.string[: m.start()]
            el = _classify(span, before, ctx)
            ctx.report.counts["inline_" + el.tag.split("}")[1]] += 1
            return el

        substitute(b, _ITALIC_HELD, italic)
        written[k] = _text_of(b)
    # the markers' spans hold no `*`: only the blocks that had one may keep one
    left = sum(1 for k in starred for t in outer[k].itertext() if "*" in t)
    if left:
        ctx.report.info("unmatched-asterisk", None, f"{left} text passages keep a lone '*' that pairs with no other")
    _conventions(outer, written, ctx)
    return tei


def _conventions(outer, written: list[str], ctx: Context) -> None:
    """The book's own marker conventions (`_…_`, `/…/`, `=…=`) as phrase markup (`written`:
    the text of each block of `outer`)."""
    # the counts are made of the texts that hold a marker: those of the blocks that do
    chars = tuple(markers.MARKERS)
    held = [t for b, w in zip(outer, written) if any(c in w for c in chars) for t in texts(b)]
    for conv in markers.conventions(held):
        ctx.report.info(
            "inline-convention",
            None,
            f"'{conv.char}…{conv.char}' read as {conv.rend}: {conv.pairs} pairs hold "
            f"{2 * conv.pairs} of the {conv.occurrences} '{conv.char}' in the text",
        )

        def build(m, conv=conv):
            if markers.in_url(m.string, m.start()):
                return None
            span = markers.span(m)
            if conv.rend == "bold":
                el = make("hi", span, rend="bold")
            else:
                el = _classify(span, m.string[: m.start()], ctx, title_words=2)
            ctx.report.counts["inline_" + el.tag.split("}")[1]] += 1
            return el

        # a pair needs the marker, and the pattern is slow to say no: a block without it in
        # its text is not walked (a convention's spans take no other convention's marker away)
        for b, w in zip(outer, written):
            if conv.char in w and any(conv.char in t for t in b.itertext()):
                substitute(b, conv.pattern, build)
        left = [b for b, w in zip(outer, written) if conv.char in w and any(conv.char in t for t in texts(b))]
        for b in left[:20]:
            ctx.report.info(
                "unmatched-marker",
                line_of(b),
                f"'{conv.char}' left as text: it pairs with no other here",
                text="".join(b.itertext()),
            )
        if len(left) > 20:
            ctx.report.info("unmatched-marker", None, f"and {len(left) - 20} more passages keep a lone '{conv.char}'")
