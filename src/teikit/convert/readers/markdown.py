"""Markdown: CommonMark with footnotes, tables, strikethrough and YAML front matter.

Parsed by markdown-it-py (the CommonMark reference algorithm, in Python) with the
footnote and front-matter plugins of mdit-py-plugins; no regular expression reads the
Markdown. The parser's HTML is converted by the XHTML converter (`html`): footnote
references are rendered with DPUB-ARIA roles (`doc-noteref`, `doc-footnote`,
`doc-endnotes`), so every footnote — numbered (`[^1]`) or named (`[^items]`), wherever
its definition stands — becomes `note place="foot"` at its reference, `n` the number a
reader sees. Headings nest by level (`#` chapters, `##` sections...); text before the
first heading is front matter.

Front matter (YAML between `---` lines, read by `yaml.safe_load`) and a Pandoc title
block (up to three `%` lines: title, authors separated by `;`, date) fill the header and
a title page (front matter that is not a YAML mapping is reported and kept as written, an
`eg` before the text): `title`, `subtitle`, `author` (a string or a list), `date`, `publisher`,
`translator`/`editor`/`illustrator` (editors with that role), `rights`/`license`/`licence`/
`copyright` (the availability statement), `identifier`/`isbn`/`doi`/`uuid`/`url` (`idno`),
`source` (a note on the source), `lang`/`language` (the header's `langUsage`, the `xml:lang`
of the text and its divisions); other keys are reported. Images are copied from the
Markdown file's folder (never from outside it) under `media/`; raw HTML keeps its text.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from lxml import etree
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ...context import Context
from ...errors import TeikitError
from ...tei import XML_LANG, children, is_, make, sub
from ...teiheader import Book
from ..reader import clean_text, decode
from .blocks import dissolve, fill, resolve_links, settle_types
from .common import RELATORS, Unmapped, add_identifier, assemble, language_tag, new_tree
from .html import Converter, Doc
from .package import Package

_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".tif", ".tiff")


def _noteref(self, tokens, idx, options, env) -> str:
    n = tokens[idx].meta["id"] + 1
    return f'<a href="#fn{n}" role="doc-noteref">{n}</a>'


def _note_open(self, tokens, idx, options, env) -> str:
    return f'<li id="fn{tokens[idx].meta["id"] + 1}" role="doc-footnote">'


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).use(footnote_plugin).use(front_matter_plugin)
    md.enable(["table", "strikethrough"])
    rules = md.add_render_rule
    rules("footnote_ref", _noteref)
    rules("footnote_block_open", lambda self, t, i, o, e: '<section role="doc-endnotes"><ol>')
    rules("footnote_block_close", lambda self, t, i, o, e: "</ol></section>")
    rules("footnote_open", _note_open)
    rules("footnote_close", lambda self, t, i, o, e: "</li>")
    rules("footnote_anchor", lambda self, t, i, o, e: "")
    return md


def _title_block(text: str) -> tuple[dict, str]:
    """A Pandoc title block: the first lines opening with '%' (title, authors, date)."""
    lines = text.split("\n")
    values: list[str] = []
    while lines and lines[0].startswith("%") and len(values) < 3:
        values.append(lines.pop(0)[1:].strip())
    meta: dict = {}
    for key, value in zip(("title", "author", "date"), values):
        if value:
            meta[key] = [a.strip() for a in value.split(";") if a.strip()] if key == "author" else value
    return meta, "\n".join(lines)


# Front-matter keys the header reads besides title, subtitle, author, date, publisher,
# lang/language and source: contributors by role, rights statements, identifiers.
_CONTRIBUTOR_KEYS = ("translator", "translators", "editor", "editors", "illustrator", "illustrators")
_RIGHTS_KEYS = ("rights", "license", "licence", "copyright")
_IDENTIFIER_KEYS = ("identifier", "isbn", "doi", "uuid", "url")


def _values(value) -> list[str]:
    """A front-matter value as strings: a string, a list of them, or mappings with a `name` or `text`."""
    items = value if isinstance(value, list) else [value] if value else []
    out = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("text") or item.get("value")
        if item is not None and str(item).strip():
            out.append(str(item).strip())
    return out


def _book(meta: dict, report, source: Path) -> tuple[Book, str | None]:
    book = Book(title=str(meta.get("title") or source.stem.replace("-", " ").replace("_", " ").title()))
    sub_ = meta.get("subtitle")
    book.subtitles = [str(sub_)] if sub_ else []
    author = meta.get("author") or meta.get("authors")
    if isinstance(author, list):
        book.author = " and ".join(str(a.get("name", a) if isinstance(a, dict) else a) for a in author) or None
    elif author:
        book.author = str(author)
    if meta.get("date"):
        m = re.match(r"\d{4}(-\d{2}-\d{2})?", str(meta["date"]))
        book.date = m.group() if m else None
    if meta.get("publisher"):
        book.publisher = str(meta["publisher"])
    for key in _CONTRIBUTOR_KEYS:
        for name in _values(meta.get(key)):
            book.contributors.append((RELATORS.get(key.rstrip("s"), key), name))
    for key in _RIGHTS_KEYS:
        book.rights.extend(_values(meta.get(key)))
    unknown = []
    for key in _IDENTIFIER_KEYS:
        for value in _values(meta.get(key)):
            if not add_identifier(book, f"isbn:{value}" if key == "isbn" else value):
                unknown.append(f"{key}: {value}")
    if meta.get("source"):
        book.source = "; ".join(_values(meta["source"]))
    book.language = language_tag(str(meta.get("lang") or meta.get("language") or ""))
    read = {"title", "subtitle", "author", "authors", "date", "publisher", "lang", "language", "source"}
    read |= set(_CONTRIBUTOR_KEYS) | set(_RIGHTS_KEYS) | set(_IDENTIFIER_KEYS)
    for key in sorted(set(meta) - read) + unknown:
        report.info("metadata-not-in-header", None, "front matter the header has no place for yet", text=f"{key}")
    return book, book.language


def _title_page(book: Book, meta: dict) -> etree._Element | None:
    if not meta.get("title"):
        return None
    tp = make("titlePage")
    dt = sub(tp, "docTitle")
    sub(dt, "titlePart", book.title, type="main")
    for s in book.subtitles:
        sub(dt, "titlePart", s, type="sub")
    if book.author:
        sub(tp, "docAuthor", book.author)
    if meta.get("date"):
        sub(tp, "docDate", str(meta["date"]), when=book.date)
    return tp


def read(path: Path, ctx: Context) -> etree._Element:
    report = ctx.report
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc.strerror}", str(path)) from None
    text = clean_text(decode(data, str(path), report), report)
    md = parser()
    meta, text = _title_block(text)
    tokens = md.parse(text)
    unread = None  # front matter that is not a YAML mapping: kept as it is written
    for tok in tokens:
        if tok.type == "front_matter":
            try:
                loaded = yaml.safe_load(tok.content)
            except yaml.YAMLError as exc:
                problem = " ".join(str(exc).split())
                report.add("front-matter", 1, f"the front matter is not valid YAML ({problem}): kept as text")
                unread = tok.content
                continue
            if isinstance(loaded, dict):
                meta.update(loaded)
            elif loaded is not None:
                report.add("front-matter", 1, "the front matter is not a mapping of keys: kept as text")
                unread = tok.content
    html = md.renderer.render(tokens, md.options, {})
    root = etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser(no_network=True))
    body = root.find("body")
    unmapped = Unmapped("markdown")
    folder = Package(Path(path).parent)

    def image(member: str, src: str) -> bytes | None:
        name = src.split("#")[0].split("?")[0]
        if not name.lower().endswith(_IMAGE_SUFFIXES) or any(p.startswith(".") for p in name.split("/")):
            return None
        try:
            return folder.read(name) if folder.has(name) else None
        except TeikitError:
            return None

    conv = Converter([Doc(path.name, root)], unmapped, image)
    conv.member = path.name
    top = make("div")
    fill(top, conv.flow(body), own_head=False)
    if unread:
        eg = make("eg")
        eg.text = unread
        top.insert(0, eg)
    divs = children(top, "div")
    lead = [c for c in children(top) if not is_(c, "div")]
    front, bodies = [], divs
    if lead and divs:
        pre = make("div", type="prefatory")
        pre.extend(lead)
        front = [pre]
    elif lead:
        only = make("div", type="chapter")
        only.extend(lead)
        bodies = [only]
    bodies = dissolve(bodies, report)
    book, lang = _book(meta, report, Path(path))
    for d in front + bodies:
        settle_types(d, 0, d in bodies)
        if lang:
            d.set(XML_LANG, lang)
        d.attrib.pop("teikit-notes", None)
        for el in d.iter():
            el.attrib.pop("teikit-notes", None)
    tei = new_tree()
    assemble(tei, front, bodies, [], _title_page(book, meta))
    resolve_links(tei, {}, unmapped)  # a link to a heading's anchor: its text
    ctx.metadata = book
    ctx.media.update(conv.media.files)
    report.counts["notes"] = report.counts["notes_linked"] = conv.refs
    report.counts["chapters"] = len(bodies)
    report.info("reader", None, f"Markdown: {conv.refs} footnotes at their references")
    left = [n for n in conv.notes if n not in conv.given]
    if left:
        report.add("notes-unreferenced", None, f"{len(left)} footnotes no reference points at")
    unmapped.report(report)
    return tei
