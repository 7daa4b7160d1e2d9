"""Letters: each letter a `div type="letter"` with its opener and closer.

A letter is recognised by its parts, not by the book. It ends with a signature: a short
paragraph of a name in capitals or initials, without figures (`S. VERNON.`, `ALICIA.`,
`F. S. V.`), alone or after a closing salutation in the same paragraph (`Ever yours,
S. VERNON.`); the postscripts after it (paragraphs opening with a profile `postscripts`
word, `P.S.`) are still the letter's, in its `<postscript>`. It begins with headings —
a number, bare or after a profile `headings` word (`XIV`, `LETTER XIV`), and a line in
capitals naming writer and addressee with the profile's `between` word (`LADY SUSAN
VERNON TO MR. VERNON`; no comma or figure: `ON THE DISEASES MOST FATAL TO CHILDREN,` is a
title) — provided one names writer and addressee or a salutation follows them (a bare
number heads any section); or, without headings, with a salutation ending in a comma, a
colon or a dash.

The salutation starts with one of the profile's `salutations`: a paragraph of its own
(`Dear Ada,`, `Sir:--`, `To MY MASTER.`; one `structure` took for a heading too) or run
into the first paragraph and cut from it at the comma or colon and dash that end it
(`MY DEAR BROTHER,--I can…` gives the salute `MY DEAR BROTHER,--` and the paragraph
`I can…`). A short paragraph between the headings and the salutation or the text, of
capitalised words, small words and numbers, is the place and date (`Langford, Dec.`:
`<dateline>`). The closing salutation is the paragraph, or the two, before the signature
that start with one of the profile's `closings` (`Yours ever,`, `I am, &c.,`, `Adieu!`).
In a division headed as a letter, a signature that paragraph rejoining joined to the
paragraph before it (that one ending in a comma: `&c.,` / `CATHERINE VERNON.`) is set
apart again as the source's blocks had it, with the closing salutations before it.

A division that is one letter is typed `letter` (unless it has a front-matter role)
and given its `<opener>` and `<closer>`. A division holding several letters gets one
`div type="letter"` for each, headed by its headings (`n` from the number); what stands
between or after them (an editor's remark) goes into a `div type="section"` of its own,
and what stands before them stays where it is. Sections `structure` opened inside such a
division are undone first, unless headings would stand outside the letters: then the
letters are looked for inside each section.

A letter quoted in running prose (its paragraph opens with a quotation mark and a
salutation: `'MY BELOVED MASTER,-I am well…`, or `'To MY MASTER.` standing alone
before it) becomes `<floatingText type="letter">` holding its `div type="letter"`:
the salutation in the opener, the paragraph it opens (or the one after it) as its text,
the notes placed in it kept.
A play's divisions hold no letters.
"""

from __future__ import annotations

import re

from ..tei import children, is_, line_of, make, q, sub, xpath
from .blocks import SECTION_TYPES, through_sections
from .context import Context, roman_to_int
from .sourcelines import SourceBlocks, pieces_of, source_blocks

_RETYPED = {"chapter", "section", "subsection", "part", "imprint", "prefatory"}
_RUN_IN = re.compile(r"(?P<salute>.{2,60}?[,:]\s*(?:--|—|–|-)\s*)(?=\S)")
_SALUTE_END = re.compile(r"(?:[,:.!]|[,:]\s*(?:--|—|–|-))$")
_QUOTES = "'\"‘“"
_DATE_WORD = re.compile(r"[^\W\d_][^\W\d_'’.]*|\d+[^\W\d_]{0,2}")


def _text(el) -> str:
    return "".join(el.itertext()).strip()


def _starts_with(text: str, words) -> bool:
    t = text.lstrip(_QUOTES).casefold()
    return any(t == w or (t.startswith(w) and not t[len(w)].isalnum()) for w in words)


def _is_numeral(text: str) -> int | None:
    t = text.strip().rstrip(".")
    if t.isdigit() and len(t) <= 3:
        return int(t)
    return roman_to_int(t) if t.isupper() and len(t) <= 8 else None


def _is_signature(text: str) -> bool:
    if len(text) > 40:  # first: the checks below read every character of a long paragraph
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or len(text.split()) > 4 or _is_numeral(text):
        return False
    if any(c.isdigit() for c in text):
        return False
    return all(c.isupper() for c in letters)


class Parts:
    """Tells the parts of letters apart, with the profile's words."""

    def __init__(self, profile):
        words = profile.letters
        self.salutations = words.get("salutations", ())
        self.closings = words.get("closings", ())
        self.between = words.get("between", ())
        self.headings = words.get("headings", ())
        self.postscripts = words.get("postscripts", ())

    def is_address(self, text: str) -> bool:
        """Writer and addressee in capitals, the profile's word between (`A TO B`): no
        commas or figures, as in a title (`ON THE DISEASES MOST FATAL TO CHILDREN,`)."""
        # the words counted first, and no further than 13: most paragraphs are long
        if len(text.split(None, 12)) > 12:
            return False
        letters = [c for c in text if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            return False
        if "," in text or any(c.isdigit() for c in text):
            return False
        words = text.casefold().split()
        return any(w in words[1:-1] for w in self.between)

    def number(self, text: str) -> int | None:
        """The number of a numbered heading: `XIV`, `LETTER XIV`, `Letter 14.`"""
        words = text.split(None, 2)  # one or two words matter: a long paragraph is not split whole
        if len(words) == 2 and words[0].casefold() in self.headings:
            return _is_numeral(words[1].upper())
        return _is_numeral(text) if len(words) == 1 else None

    def is_heading(self, el) -> bool:
        if not is_(el, "p", "head"):
            return False
        t = _text(el)
        return self.number(t) is not None or self.is_address(t)

    def salute(self, text: str) -> str | None:
        """The salutation opening `text`: the whole text, or the run-in part of it."""
        if not _starts_with(text, self.salutations):
            return None
        if len(text.split()) <= 8 and _SALUTE_END.search(text.rstrip()):
            return text
        m = _RUN_IN.match(text)
        return m.group("salute") if m and len(m.group("salute").split()) <= 8 else None

    def is_dateline(self, text: str) -> bool:
        """A place and date: a few words, each capitalised, a number or a small word."""
        words = text.split()
        longest = 6 if any(c.isdigit() for c in text) else 4
        if not 1 <= len(words) <= longest or text.endswith(",") or self.salute(text):
            return False
        words = [w.strip("-—–,.") for w in words]
        if not all(_DATE_WORD.fullmatch(w) for w in words if w):
            return False  # a word of letters and figures mixed: a misread line, not a place
        return all(not w[:1].isalpha() or w[:1].isupper() or len(w) <= 3 for w in words)

    def opens_letter(self, text: str) -> bool:
        """A salutation that opens a letter with no heading: run in, or ending in a comma or colon."""
        salute = self.salute(text)
        return salute is not None and (salute != text or text.rstrip()[-1:] in ",:-—–")

    def closing(self, text: str) -> bool:
        # the words counted first, and no further than 13: most paragraphs are long
        return len(text.split(None, 12)) <= 12 and _starts_with(text, self.closings)

    def signed_after_closing(self, text: str) -> tuple[str, str] | None:
        """(closing, signature) of a paragraph holding both: `Ever yours, S. VERNON.`"""
        m = re.match(r"(.+,)\s+(\S.*)$", text)
        if m and self.closing(m.group(1)) and _is_signature(m.group(2)):
            return m.group(1), m.group(2)
        return None

    def postscript(self, el) -> bool:
        return is_(el, "p") and _starts_with(_text(el), self.postscripts)

    def ends_letter(self, el) -> bool:
        if not is_(el, "p") or self.is_heading(el):
            return False
        t = _text(el)
        return _is_signature(t) or self.signed_after_closing(t) is not None


def _find(items, parts: Parts) -> list[tuple[int, int]]:
    """(first, last) item of each letter among the items (each item's parts are told
    once: the search stays linear however many signatures find no letter)."""
    n = len(items)
    heading = [parts.is_heading(it) for it in items]
    opening = [is_(it, "p", "head") and parts.opens_letter(_text(it)) for it in items]
    texts = [0]  # paragraphs of text (no heading) among the first k items
    for it, h in zip(items, heading):
        texts.append(texts[-1] + (is_(it, "p") and not h))
    last_heading, nearest = [], -1
    for k in range(n):
        nearest = k if heading[k] else nearest
        last_heading.append(nearest)
    next_opening, nearest = [n] * (n + 1), n
    for k in range(n - 1, -1, -1):
        nearest = k if opening[k] else nearest
        next_opening[k] = nearest
    found: list[tuple[int, int]] = []
    prev_end = -1
    for end, it in enumerate(items):
        if end <= prev_end or not parts.ends_letter(it):
            continue
        start = None
        last = last_heading[end - 1] if end else -1
        headed = last > prev_end
        if headed:
            start = last
            while start - 1 > prev_end and heading[start - 1]:
                start -= 1
            if not _headed_letter(items, start, last + 1, parts):
                start, headed = None, False
        if start is None:
            first = next_opening[prev_end + 1]
            start = first if first < end else None
            if start is not None and start - 1 > prev_end and parts.is_dateline(_text(items[start - 1])):
                start -= 1
        if start is None or end - start < 2 and not headed:
            continue
        if texts[end] - texts[start] == 0:
            continue  # a signature with no text before it is no letter
        while end + 1 < n and parts.postscript(items[end + 1]):
            end += 1  # the postscripts after the signature are the letter's
        found.append((start, end))
        prev_end = end
    return found


def _headed_letter(items, first: int, after: int, parts: Parts) -> bool:
    """Headings open a letter when one names writer and addressee, or a salutation
    (after a place and date) follows them: a bare number alone heads any section."""
    if any(parts.is_address(_text(items[k])) for k in range(first, after)):
        return True
    nxt = [_text(it) for it in items[after : after + 2] if is_(it, "p")]
    if nxt and parts.salute(nxt[0]):
        return True
    return len(nxt) == 2 and parts.is_dateline(nxt[0]) and parts.salute(nxt[1]) is not None


def _p(el):
    if is_(el, "head"):
        el.tag = q("p")
    return el


def _build(letter, items, parts: Parts, ctx: Context) -> None:
    """Fill `letter` (a div already holding nothing of `items`) with heads, opener, text, closer."""
    k = 0
    while k < len(items) and parts.is_heading(items[k]):
        head = make("head", line=line_of(items[k]))
        head.text, head[:] = items[k].text, list(items[k])
        letter.append(head)
        n = parts.number(_text(items[k]))
        if n is not None and letter.get("n") is None:
            letter.set("n", str(n))
        k += 1
    body = [_p(it) for it in items[k:]]
    opener = make("opener", line=line_of(body[0]) if body else None)
    if len(body) > 2 and is_(body[0], "p") and parts.is_dateline(_text(body[0])):
        dl = body.pop(0)
        dl.tag = q("dateline")
        opener.append(dl)
        ctx.report.counts["letter_datelines"] += 1
    if body and is_(body[0], "p") and not len(body[0]):
        text = body[0].text or ""
        salute = parts.salute(text)
        if salute is not None:
            sub(opener, "salute", salute.strip(), line=line_of(body[0]))
            ctx.report.counts["letter_salutes"] += 1
            rest = text[len(salute) :].strip()
            if rest:
                body[0].text = rest
            else:
                body.pop(0)
    postscripts: list = []
    while len(body) > 1 and parts.postscript(body[-1]):
        postscripts.insert(0, body.pop())
    closer = make("closer", line=line_of(body[-1]) if body else None)
    if body:
        last = body.pop()
        t = _text(last)
        both = parts.signed_after_closing(t) if not len(last) else None
        if both:
            sub(closer, "salute", both[0], line=line_of(last))
            sub(closer, "signed", both[1], line=line_of(last))
            ctx.report.counts["letter_closing_salutes"] += 1
        else:
            closings: list = []  # `Believe me, dear Sir,` / `Your obedient servant,`: two at most
            while len(body) > 1 and len(closings) < 2 and parts.closing(_text(body[-1])) and not len(body[-1]):
                closings.insert(0, body.pop())
            for salute in closings:
                salute.tag = q("salute")
                closer.append(salute)
                ctx.report.counts["letter_closing_salutes"] += 1
            last.tag = q("signed")
            closer.append(last)
        ctx.report.counts["letter_signatures"] += 1
    if len(opener):
        letter.append(opener)
    for it in body:
        letter.append(it)
    if not body:  # a letter of a salutation and a signature only: its words stay text
        sub(letter, "p", "", line=line_of(letter))
    letter.append(closer)
    if postscripts:
        ps = sub(letter, "postscript", line=line_of(postscripts[0]))
        for it in postscripts:
            ps.append(it)
        ctx.report.counts["letter_postscripts"] += 1
    ctx.report.counts["letters"] += 1


def _letters_in(div, parts: Parts, ctx: Context) -> None:
    items = through_sections(div)
    own_heads = [it for it in items if is_(it, "head") and it.getparent() is div]
    blocks = [it for it in items if it not in own_heads]
    found = _find(blocks, parts)
    if len(found) <= 1 and own_heads and blocks and _one_letter(own_heads, blocks, parts):
        found = [(0, len(blocks) - 1)]
    if not found:
        return
    inside = {id(b) for start, end in found for b in blocks[start : end + 1]}
    if any(is_(b, "head") and id(b) not in inside for b in blocks):
        # headings outside the letters: the sections structure opened stand, look inside them
        for section in children(div, "div"):
            if section.get("type") in SECTION_TYPES:
                _letters_in(section, parts, ctx)
        return
    for it in blocks:
        it.getparent().remove(it)
    for section in reversed(xpath(div, ".//t:div")):
        section.getparent().remove(section)
    whole = len(found) == 1 and found[0] == (0, len(blocks) - 1) and own_heads
    if whole:
        if div.get("type") in _RETYPED:
            div.set("type", "letter")
        # a salutation `structure` took for the division's heading is the letter's
        salutes = [h for h in own_heads if parts.opens_letter(_text(h))]
        for h in reversed(salutes):
            div.remove(h)
            blocks.insert(0, _p(h))
        _build(div, blocks, parts, ctx)
        ctx.report.info("letter", line_of(div), "a division that is a letter")
        return
    pos = 0
    for start, end in found:
        if pos < start:
            _stray(div, blocks[pos:start], pos == 0 and not children(div, "div"))
        letter = sub(div, "div", type="letter", line=line_of(blocks[start]))
        _build(letter, blocks[start : end + 1], parts, ctx)
        pos = end + 1
    if pos < len(blocks):
        _stray(div, blocks[pos:], False)
    ctx.report.info("letters", line_of(blocks[found[0][0]]), f"{len(found)} letters")


def _one_letter(heads, blocks, parts: Parts) -> bool:
    """A division headed as a letter (`XIV`, `A TO B`) or opening with a salutation, and
    signed at its end, is one letter."""
    last = len(blocks) - 1
    while last > 0 and parts.postscript(blocks[last]):
        last -= 1
    if not parts.ends_letter(blocks[last]) or any(parts.ends_letter(b) for b in blocks[:last]):
        return False
    if any(parts.is_address(_unlabelled(h)) or parts.opens_letter(_text(h)) for h in heads):
        return True
    return any(is_(b, "p") and parts.salute(_text(b)) for b in blocks[:2])


def _unlabelled(head) -> str:
    """A heading's words after its label (`<label>Letter III</label> A TO B`: `A TO B`)."""
    labels = children(head, "label")
    return (labels[-1].tail or "").strip() if labels else _text(head)


def _stray(div, items, before_any: bool) -> None:
    """What stands outside the letters: in place before them, else a section of its own."""
    into = div if before_any else sub(div, "div", type="section", line=line_of(items[0]))
    for it in items:
        into.append(it)


def _quoted_letters(div, parts: Parts, ctx: Context) -> None:
    for p in xpath(div, ".//t:p[parent::t:div[not(@type='letter')]]"):
        text = p.text or ""  # the text before any note or mark the paragraph holds
        if p.getparent() is None or not text or text[0] not in _QUOTES:
            continue
        salute = parts.salute(text)
        if salute is None:
            continue
        nxt = p.getnext()
        rest = text[len(salute) :].strip()
        if not rest and len(p):
            continue  # a salutation alone before a note: not a letter's opening
        if not rest and (nxt is None or not is_(nxt, "p")):
            continue
        floating = make("floatingText", type="letter", line=line_of(p))
        p.addprevious(floating)
        letter = sub(sub(floating, "body"), "div", type="letter", line=line_of(p))
        sub(sub(letter, "opener"), "salute", salute.strip(), line=line_of(p))
        if rest:
            p.text = rest
            letter.append(p)
        else:
            p.getparent().remove(p)
            letter.append(nxt)
        ctx.report.counts["letters"] += 1
        ctx.report.counts["letter_salutes"] += 1
        ctx.report.info("letter-quoted", line_of(floating), "a letter quoted in the text", text=salute)


def _headed_as_letter(div, parts: Parts) -> bool:
    """A division headed with writer and addressee (`III` / `MRS. VERNON TO LADY DE
    COURCY`), or by a salutation: a letter, whatever else its heading says."""
    heads = children(div, "head")
    return any(parts.is_address(_unlabelled(h)) or parts.opens_letter(_text(h)) for h in heads)


def _signature_apart(div, parts: Parts, blocks: SourceBlocks, ctx: Context) -> None:
    """The signature (and the closing salutations before it) that paragraph rejoining
    joined to a letter's last paragraph (`…and am, with best love, &c.,` / `CATHERINE
    VERNON.`): set apart again, as the source's blocks had them."""
    for p in xpath(div, ".//t:p"):
        pieces = pieces_of(p, blocks)
        if not pieces or len(pieces) < 2:
            continue
        last = pieces[-1][1]
        if not (_is_signature(last) or parts.signed_after_closing(last)):
            continue
        k = len(pieces) - 1
        while k > 1 and len(pieces) - k < 3 and parts.closing(pieces[k - 1][1]):
            k -= 1
        p.text = " ".join(t for _, t in pieces[:k])
        for line, piece in reversed(pieces[k:]):
            p.addnext(make("p", piece, line=line))
        ctx.report.info(
            "letter-signature-apart", pieces[k][0], "a signature rejoined to the paragraph before it, set apart"
        )


def apply(tei, ctx: Context):
    parts = Parts(ctx.profile)
    blocks: SourceBlocks | None = None
    for div in xpath(tei, "//t:text/*[self::t:front or self::t:body or self::t:back]/t:div"):
        if next(div.iter("{*}sp", "{*}castList"), None) is not None:
            continue  # a play's division: its speeches are not letters
        if _headed_as_letter(div, parts):
            blocks = source_blocks(ctx) if blocks is None else blocks
            _signature_apart(div, parts, blocks, ctx)
        _letters_in(div, parts, ctx)
        _quoted_letters(div, parts, ctx)
    return tei
