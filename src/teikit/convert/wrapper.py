"""Wrapper: an ebook distributor's header and footer out of the text, into the teiHeader.

Distributors of plain-text ebooks (Project Gutenberg and its mirrors in every generation)
wrap the book between a header and a footer of their own. The header ends at its last
marker line before the footer: `*** START OF THE|THIS <distributor> EBOOK <title> ***`
(the title may run over one or two more lines of the same block, the closing asterisks
on the last), or the end of the legal small print (`*END*THE SMALL PRINT! …*END*`) of
the 1990s files; files of the early 2000s have both. The
footer starts at the first `*** END OF THE|THIS … EBOOK` marker or at an
`End of [the] <distributor>['s] EBook|Etext of …` line after the header, whichever
comes first, and runs to the end of the file. A file with no header marker (an Internet
Archive OCR dump, a publisher's text) has no wrapper: the pass changes nothing.

Every line of the wrapper is accounted for, in the teiHeader or in the report:

* the first line, "The <distributor> EBook of <title>, by <author>" (or "<distributor>'s
  <title>, by <author>", wrapped over two lines at most), gives the distributor, and the
  title and author when no field gives them; it and the marker lines are reported as
  `removed-wrapper`, since the header holds what they say;
* fields, `Label: value` with indented continuation lines: `Title` (continuations are
  subtitles), `Author`, `Translator`, `Editor`, `Illustrator` go to the title statement
  (the label is reported as `dropped-wrapper-label`); `Credits` and `Produced by …`
  blocks (also "This etext was produced by" and the like, before or after the header
  marker or in the footer) go to a `respStmt`; every other field (release and posting
  dates, language, encoding, a source URL) is kept verbatim as a note of the ebook's
  `bibl` in the source description; the ebook number (`[EBook #7308]`) and the release
  date become its `idno` and `date`;
* a block that repeats the title with "by <author>" under it (1990s files) gives the
  author;
* blocks right after the header marker that repeat a line of the header, credit the
  producers or name the distributor ("Note: Project Gutenberg also has an HTML version
  of this file…") are wrapper too (a repeated line or credit is reported as
  `removed-wrapper`);
* everything else, the licence and the distributor's notices, becomes the paragraphs of
  `publicationStmt/availability`, one per block, in the order of the file.

The result is `ctx.wrapper` (a `teikit.teiheader.Ebook`), which the header pass puts in
the teiHeader; the source lines of the wrapper are `ctx.wrapper.lines`, which the word
accounting checks against the header rather than the text.
"""

from __future__ import annotations

import re

from ..tei import line_of, q
from ..teiheader import Ebook
from .context import Context, norm_title

_START = re.compile(
    r"^\W*\*{3,}\s*START\s+OF\s+(?:THE|THIS)\s+(?P<dist>.+?)\s+E-?(?:BOOK|TEXT)\b,?\s*(?P<title>[^*]*)", re.I
)
_SMALL_PRINT_END = re.compile(r"^\W*\*\s*END\W*THE SMALL PRINT\b.*\*\s*$", re.I)
_END = re.compile(r"^\W*\*{3,}\s*END\s+OF\s+(?:THE|THIS)\s+.+?\s+E-?(?:BOOK|TEXT)\b", re.I)
_END_LINE = re.compile(r"^\W*End of\s+(?:the\s+|this\s+)?(?P<dist>.{3,60}?)(?:'s\s+\S|\s+E-?(?:BOOK|TEXT)\b)", re.I)
_MARKER = re.compile(
    r"^\W*\*+\s*(?:START\b|END\b|THE SMALL PRINT\b)|^\W*\*+[^a-z]*\*+\W*$|^(?:START|END): [A-Z ]+$|"
    r"^\W*\*+\s*This file should be named\b",
    re.I,
)
# "The Project Gutenberg EBook of T, by A" / "Project Gutenberg's T, by A" / "…Etext of T"
_TITLE_LINE = re.compile(
    r"^\W*(?:the\s+)?(?P<dist>[A-Z][\w ]+?)(?:'s\s+|\s+E-?(?:BOOK|TEXT)\b,?\s*(?:of\s+)?)"
    r"(?P<title>.+?)(?:,?\s+by\s+(?P<author>.+?))?\W*$",
    re.I,
)
_FIELD = re.compile(r"^(?P<label>[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):\s+(?P<value>\S.*)$")
# A field label glued to the line before it ("…www.gutenberg.orgTitle: …").
_GLUED = re.compile(r"(?<=[a-z.])(?=(?:Title|Author|Translator|Editor|Illustrator): )")
_TITLE_FIELDS = {"title", "author", "translator", "editor", "illustrator"}
_CREDIT = re.compile(
    r"^\s*(?P<resp>(?:[\w-]+\s+){0,3}(?:produced|prepared|transcribed)\b.{0,60}?\bby)\b:?\s*(?P<who>.*)$", re.I
)
_NUMBER = re.compile(r"\[\s*e-?(?:book|text)\s*#\s*(?P<n>\d+)\s*\]", re.I)
_BY = re.compile(r"^\s*by\s+(?P<who>\S.*)$", re.I)
_MONTHS = "january february march april may june july august september october november december".split()
_DATE = re.compile(r"(?P<m>[A-Z][a-z]+)\.?,?\s+(?:(?P<d>\d{1,2}),?\s+)?(?P<y>1[89]\d\d|20\d\d)\b")
_DATE_FIELDS = ("release date", "posting date")


def iso_date(text: str) -> str | None:
    """'May 3, 2011' -> 2011-05-03; 'January, 2005' -> 2005-01 (None when not a date)."""
    m = _DATE.search(text)
    if not m or m.group("m").lower() not in _MONTHS:
        return None
    iso = f"{m.group('y')}-{_MONTHS.index(m.group('m').lower()) + 1:02d}"
    return iso + f"-{int(m.group('d')):02d}" if m.group("d") else iso


def _lines(p) -> list[tuple[int, str]]:
    """A block's lines with their source line numbers."""
    start = line_of(p) or 0
    return [(start + k, line) for k, line in enumerate((p.text or "").split("\n"))]


def _names_ebook(text: str, distributor: str | None) -> bool:
    """Whether `text` speaks of an ebook or names the distributor the header named."""
    return bool(re.search(r"\bE-?(?:BOOK|TEXT)\b", text, re.I)) or bool(
        distributor and distributor.lower() in text.lower()
    )


def _is_end_line(line: str, distributor: str | None) -> bool:
    """An "End of [the] <distributor>['s] EBook of …" line (a book's own "End of the
    world's …" names no ebook and no distributor, and is no end)."""
    m = _END_LINE.match(line)
    return bool(m) and _names_ebook(line, distributor)


def _find(blocks) -> tuple[int, int, str | None, str] | None:
    """(index of the block that ends the header, index of the first footer block, the
    distributor and the title the marker names), or None when there is no header marker.

    The header ends at its last marker before the footer: files of the early 2000s carry
    both the small print and a START marker, in either order."""
    head, dist, title = None, None, ""
    for i, p in enumerate(blocks):
        first = (p.text or "").lstrip("\ufeff").split("\n")[0]
        if head is not None and (_END.match(first) or _is_end_line(first, dist)):
            return head, i, dist, title
        if "*" not in (p.text or ""):
            continue  # both markers hold asterisks: a block without one is not read line by line
        for _, line in _lines(p):
            m = _START.match(line)
            if m or _SMALL_PRINT_END.match(line):
                head = i
                if m:
                    dist, title = m.group("dist").title(), m.group("title").strip()
                break
    if head is None:
        return None
    return head, len(blocks), dist, title


class _Reader:
    """Reads the wrapper's lines into an `Ebook`, reporting what it does not keep."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.ebook = Ebook()
        self.title_line: dict = {}
        self.glued: dict[int, str] = {}  # line -> "orgTitle" where a field label was glued on
        self.after_title = False  # the block before was the title alone: "by <author>" may follow

    def removed(self, lineno: int, line: str, why: str) -> None:
        self.ctx.report.info("removed-wrapper", lineno, why, text=line.strip())

    def field(self, label: str, value: str, more: list[str], lineno: int, line: str) -> None:
        key = label.lower()
        eb = self.ebook
        if key in _TITLE_FIELDS:
            self.ctx.report.info(
                "dropped-wrapper-label",
                lineno,
                f"the label of the {key} field; its value is in the header"
                + (" (the label was glued to the word before it)" if lineno in self.glued else ""),
                text=self.glued.get(lineno, label),
            )
            if key == "title" and eb.title is None:
                eb.title, eb.subtitles = value, more
                return
            if key == "author" and eb.author is None:
                eb.author = " ".join([value, *more])
                return
            if key in ("translator", "editor", "illustrator"):
                eb.contributors.append((key, " ".join([value, *more])))
                return
            eb.notes.append(f"{label}: {' '.join([value, *more])}")  # a second title or author
            return
        if key == "credits":
            eb.credits.append(("Credits", " ".join([value, *more])))
            return
        text = " ".join([f"{label}: {value}", *more])
        eb.notes.append(text)
        n = _NUMBER.search(text)
        if n and eb.number is None:
            eb.number = n.group("n")
        if key in _DATE_FIELDS and eb.date is None:
            eb.date = (_NUMBER.sub("", value).strip(), iso_date(value))

    def header_block(self, p, first: bool) -> None:
        lines = []
        for n, line in _lines(p):
            pieces = _GLUED.split(line.lstrip("\ufeff"))
            for a, b in zip(pieces, pieces[1:]):  # the word the label was glued to, as the source spells it
                self.glued[n] = re.findall(r"\w+$", a)[0] + b.split(":")[0]
            lines += [(n, piece) for piece in pieces]
        k = 0
        after_title, self.after_title = self.after_title, False
        if first and lines and _TITLE_LINE.match(lines[0][1]) and not _MARKER.search(lines[0][1]):
            k = self._title_line(lines)
        if k == 0 and lines and self._is_title_block(lines):
            self.removed(lines[0][0], lines[0][1], "the ebook's title repeated in the distributor's header")
            self.after_title = len(lines) == 1
            after_title, k = True, 1
        licence: list[str] = []
        while k < len(lines):
            n, line = lines[k]
            s = line.strip()
            credit = _CREDIT.match(s)
            f = _FIELD.match(s)
            if f and licence and f.group("label").lower() not in _TITLE_FIELDS:
                f = None  # "Please note: …" inside a paragraph of the licence is no field
            by = _BY.match(s) if after_title and not licence and self.ebook.author is None else None
            if _MARKER.search(s) or _START.match(s) or _is_end_line(s, self.ebook.distributor):
                self.removed(n, line, "a marker of the distributor's wrapper")
                k += 1
                # a marker wrapped over lines ends with its closing asterisks
                while k < len(lines) and not s.endswith("*") and lines[k][0] - n <= 2:
                    s = lines[k][1].strip()
                    if _FIELD.match(s) or _CREDIT.match(s):
                        break
                    self.removed(lines[k][0], lines[k][1], "a marker of the distributor's wrapper (continued)")
                    k += 1
                continue
            if credit:
                if licence:
                    self.ebook.licence.append(" ".join(licence))
                    licence = []
                rest = [who for _, who in lines[k + 1 :]]
                who = " ".join(x.strip() for x in [credit.group("who"), *rest] if x.strip())
                self._credit(credit.group("resp"), who, lines[k:])
                return
            if by:
                self.ctx.report.info(
                    "dropped-wrapper-label", n, "'by' before the author's name; the name is in the header", text="by"
                )
                self.ebook.author = by.group("who").strip()
                k += 1
                continue
            if f:
                more = []
                k += 1
                while k < len(lines) and lines[k][1][:1].isspace() and not _FIELD.match(lines[k][1].strip()):
                    more.append(lines[k][1].strip())
                    k += 1
                self.field(f.group("label"), f.group("value").strip(), more, n, line)
                continue
            licence.append(s)
            number = _NUMBER.search(s)
            if number and self.ebook.number is None:
                self.ebook.number = number.group("n")
            k += 1
        if licence:
            self.ebook.licence.append(" ".join(licence))

    def _title_line(self, lines) -> int:
        """Read the distributor's title line (wrapped over two lines at most); how many lines it took."""
        joined, used = lines[0][1].strip(), 1
        if len(lines) == 2 and not _FIELD.match(lines[1][1].strip()):
            joined, used = f"{joined} {lines[1][1].strip()}", 2
        m = _TITLE_LINE.match(joined)
        if not m or not _names_ebook(
            m.group("dist") + " " + joined[m.end("dist") : m.start("title")], self.ebook.distributor
        ):
            return 0  # "Alice's Adventures…" names no ebook and no distributor: no title line
        self.title_line = {k: (v or "").strip(" *,") for k, v in m.groupdict().items()}
        for n, line in lines[:used]:
            self.removed(n, line, "the distributor's title line (title and author are in the header)")
        return used

    def _is_title_block(self, lines) -> bool:
        want = self.ebook.title or self.title_line.get("title") or ""
        return bool(want) and norm_title(lines[0][1]) == norm_title(want)

    def _credit(self, resp: str, who: str, lines) -> None:
        credit = (resp.strip(), who)
        if credit in self.ebook.credits:
            for n, line in lines:
                self.removed(n, line, "the producers' credit repeated by the distributor")
            return
        self.ebook.credits.append(credit)

    def is_credit(self, p) -> bool:
        return bool(_CREDIT.match((p.text or "").lstrip("\ufeff").split("\n")[0].strip()))

    def finish(self) -> Ebook:
        eb, tl = self.ebook, self.title_line
        eb.distributor = (tl.get("dist") or "").strip() or eb.distributor
        if eb.title is None and tl.get("title"):
            eb.title = tl["title"]
        if eb.author is None and tl.get("author"):
            eb.author = tl["author"].strip()
        return eb


def apply(tei, ctx: Context):
    body = tei.find(f"{q('text')}/{q('body')}")
    blocks = list(body) if body is not None else []
    found = _find(blocks)
    if found is None:
        return tei
    head, foot, rd_dist, marker_title = found
    rd = _Reader(ctx)
    rd.ebook.distributor = rd_dist
    wrapper = blocks[: head + 1]
    header_lines = {line.strip() for p in wrapper for _, line in _lines(p) if line.strip()}
    for i, p in enumerate(wrapper):
        rd.header_block(p, first=i == 0)
    # right after the marker: the producers' credit, the distributor's notes ("Project
    # Gutenberg also has an HTML version…") and lines repeated from the header
    dist = rd.title_line.get("dist") or rd.ebook.distributor
    after = head + 1
    while after < foot:
        p = blocks[after]
        repeated = all(line.strip() in header_lines for _, line in _lines(p) if line.strip())
        if repeated:
            for n, line in _lines(p):
                rd.removed(n, line, "a line of the distributor's header repeated after it")
        elif rd.is_credit(p) or (dist and dist.lower() in (p.text or "").lower()):
            rd.header_block(p, first=False)
        else:
            break
        wrapper.append(p)
        after += 1
    for p in blocks[foot:]:
        rd.header_block(p, first=False)
        wrapper.append(p)
    ebook = rd.finish()
    if ebook.title is None and marker_title:  # no field, no title line: the marker's, in capitals
        ebook.title = marker_title
    for p in wrapper:
        body.remove(p)
    ctx.wrapper = ebook
    head_to = _lines(blocks[after - 1])[-1][0]
    foot_from = (line_of(blocks[foot]) or 0) if foot < len(blocks) else 0
    # the word accounting answers these lines from the teiHeader, not from the text
    ctx.report.counts["wrapper_head_to"] = head_to
    if foot_from:
        ctx.report.counts["wrapper_foot_from"] = foot_from
    ctx.report.info(
        "wrapper",
        line_of(blocks[0]),
        f"the distributor's header (lines 1-{head_to})"
        + (f" and footer (from line {foot_from})" if foot_from else "")
        + " moved out of the text into the teiHeader",
        text=ebook.title,
    )
    return tei
