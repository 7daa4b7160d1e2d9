"""The print edition (teikit render --to pdf): read back from the PDF with poppler's tools.

pdftotext gives the words of every page and, with -bbox, where each word stands on it;
pdffonts the fonts and whether they are embedded. The checks are made on the bundled book
and on TEI of other shapes (a play, letters with registers, a miscellany with notes).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from lxml import etree

from conftest import EDITION, RENDER_DATA
from renderchecks import WORD, missing, tei_words
from teikit.cli import main
from teikit.errors import TeikitError
from teikit.render import render
from teikit.render.pdf import render_pdf
from test_render_hostile import HOSTILE, REFUSED

# The page typst.xsl sets (A5) and its margins, in PDF points.
PAGE_HEIGHT = 595.3
TOP_MARGIN = 20 / 25.4 * 72
BOTTOM_MARGIN = 22 / 25.4 * 72
SOFT_HYPHEN = "\u00ad"  # what Typst puts where it hyphenates a word (a soft hyphen, shown)


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} not found: the README's set-up installs poppler-utils"
    return path


def pdf_text(pdf: Path, *args: str) -> str:
    return subprocess.run([_tool("pdftotext"), *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages_text(pdf: Path, *args: str) -> list[str]:
    """The text of each page, NFC, words hyphenated at a line's end joined again (when the
    next line goes on in lower case: at a page's foot the next line is a note or a number)."""
    text = unicodedata.normalize("NFC", pdf_text(pdf, *args))
    text = re.sub(SOFT_HYPHEN + r"\n(\w)", lambda m: m.group(1) if m.group(1).islower() else m.group(0), text)
    # a note's call stands against a word where the source has no space before or after the
    # note ("efficiency.<note/>He"): its number is not part of that word
    text = _call_split(text)
    return text.split("\f")[:-1]


def _call_split(text: str) -> str:
    """Letters and digits apart (on both sides of a comparison): a note's call is a number
    against the word before it ("priorities130") or after it."""
    return re.sub(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)", " ", text)


def pdf_words(pdf: Path) -> Counter:
    """The words of the PDF (a word hyphenated at a line's end counted whole)."""
    # -raw: in reading order pdftotext would join "anti-" and "Semitism" at a line's end
    # into one word, as if the hyphen were the layout's
    return Counter(w for page in pages_text(pdf, "-raw") for w in WORD.findall(page))


def missing_in(pdf: Path, expected: Counter) -> dict[str, int]:
    """The words of `expected` the PDF lacks. A word hyphenated at a page's foot has its
    halves parted by the page number and the next page's head (and in -raw order maybe
    the footnotes): it counts as there when the PDF holds a first half hyphenated at a
    line's end and the rest as a word."""
    found = pdf_words(pdf)
    raw = unicodedata.normalize("NFC", pdf_text(pdf, "-raw"))
    halves = set(re.findall(r"(\w+)" + SOFT_HYPHEN + r"\s", raw))
    expected = Counter(part for w, n in expected.items() for part in _call_split(w).split() for _ in range(n))
    lacking = missing(expected, found)

    def credit(word: str, first: str, rest: str) -> None:
        found[first] -= 1
        found[rest] -= 1
        lacking[word] -= 1
        if not lacking[word]:
            del lacking[word]

    # In -raw order the first half ends the page's text (its notes follow) and the rest begins
    # the next page's text, or its second line when the first is the running head.
    pages = pages_text(pdf, "-raw")
    for page, following in zip(pages, pages[1:]):
        lines = following.lstrip().split("\n", 1)
        for start in (lines[0], lines[-1]):
            rest = WORD.match(start)
            for first in re.findall(r"(\w+)" + SOFT_HYPHEN + r"\n", page) if rest else ():
                word = first + rest.group(0)
                if lacking.get(word) and found[first] > 0 and found[rest.group(0)] > 0:
                    credit(word, first, rest.group(0))
                    break
    for word in sorted(lacking, key=len, reverse=True):
        for cut in range(len(word) - 1, 0, -1):
            while lacking.get(word) and word[:cut] in halves and found[word[cut:]] > 0 and found[word[:cut]] > 0:
                credit(word, word[:cut], word[cut:])
    # A page break inside a word (TEI `page<pb n="2"/>break`) is shown as its number there.
    for word in sorted(lacking, key=len, reverse=True):
        for cut in range(len(word) - 1, 0, -1):
            first, rest = word[:cut], word[cut:]
            marked = re.compile(rf"(?<!\w){re.escape(first)}\d+\s*{re.escape(rest)}(?!\w)")
            while lacking.get(word) and found[first] > 0 and found[rest] > 0 and marked.search(raw):
                credit(word, first, rest)
    return lacking


def words_at(pdf: Path) -> list[list[tuple[float, str]]]:
    """For each page, its words with the top of each (yMin, in points from the top)."""
    doc = etree.fromstring(pdf_text(pdf, "-bbox").encode("utf-8"), etree.XMLParser(recover=True))
    pages = []
    for page in doc.iter("{*}page"):
        pages.append([(float(w.get("yMin")), unicodedata.normalize("NFC", w.text or "")) for w in page.iter("{*}word")])
    return pages


def head_and_foot(page: list[tuple[float, str]]) -> tuple[str, str]:
    """The words in the top margin (running head) and in the bottom margin (page number)."""
    head = " ".join(w for y, w in page if y < TOP_MARGIN)
    foot = " ".join(w for y, w in page if y > PAGE_HEIGHT - BOTTOM_MARGIN)
    return head, foot


def squash(s: str) -> str:
    """The letters and digits of `s` only: compares text whatever the line breaks and hyphens."""
    return "".join(WORD.findall(unicodedata.normalize("NFC", s)))


def plain(s: str) -> str:
    return " ".join(WORD.findall(unicodedata.normalize("NFC", s)))


LEADER = re.compile(r"^( *)(.*?)\s*(?:\.\s*)+(\d+)$")


def contents(pdf: Path) -> tuple[list[tuple[str, int, bool]], int]:
    """The contents pages' entries (title, page number, whether a top-level page) and the
    number of front pages (the title page and the contents, before the first entry's page)."""
    pages = pages_text(pdf, "-layout")
    assert pages[1].lstrip().startswith("Contents")
    entries: list[tuple[str, int, bool]] = []
    carried, indent = "", ""
    n = 1
    while n < len(pages) and (not entries or n + 1 < entries[0][1]):
        for line in pages[n].splitlines():
            m = LEADER.match(line.rstrip())
            if m:
                top = not (indent if carried else m.group(1))
                entries.append(((carried + " " + m.group(2)).strip(), int(m.group(3)), top))
                carried = ""
            elif line.strip() and line.strip() != "Contents":
                if not carried:
                    indent = line[: len(line) - len(line.lstrip())]
                carried = (carried + " " + line.strip()).strip()
        n += 1
    return entries, entries[0][1] - 1


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "book.pdf"
    result = render([EDITION], "pdf", out)
    return out, result


@pytest.fixture(scope="module")
def letters_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("letters") / "letters.pdf"
    return out, render_pdf([RENDER_DATA / "letters"], out)


OTHERS = {
    "play": [RENDER_DATA / "drama.xml"],
    "letters": [RENDER_DATA / "letters"],
    "varia": [RENDER_DATA / "varia.xml"],
}


def _tei_files(paths) -> list[Path]:
    return [f for p in paths for f in (sorted(Path(p).glob("*.xml")) if Path(p).is_dir() else [Path(p)])]


# ----- every word -----


def test_the_book_keeps_every_word(book_pdf):
    out, result = book_pdf
    assert result.pages > 100 and out.read_bytes().startswith(b"%PDF-")
    expected = tei_words(sorted(EDITION.glob("*.xml")))
    assert missing_in(out, expected) == {}


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_other_tei_keeps_every_word(name, tmp_path):
    out = tmp_path / f"{name}.pdf"
    render_pdf(OTHERS[name], out)
    assert missing_in(out, tei_words(_tei_files(OTHERS[name]))) == {}


from test_render_genres import DATA, SAMPLES  # noqa: E402  (the sweep's samples: every TEI file of tests/data)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_tei_sample_renders_to_pdf_keeping_its_words(path, tmp_path):
    """The sweep of tests/test_render_genres.py, for the fourth edition."""
    out = tmp_path / "sample.pdf"
    result = render_pdf([path], out)
    assert result.pages >= 1
    assert missing_in(out, tei_words([path])) == {}


# ----- the pages: contents, heads, numbers, notes -----


def test_the_contents_pages_give_the_page_each_chapter_and_section_starts_on(book_pdf):
    out, _ = book_pdf
    pages = pages_text(out)
    entries, front = contents(out)
    assert len(entries) > 100 and sum(top for _, _, top in entries) > 20
    assert front >= 2
    for title, number, top in entries:
        if top:  # a page of the edition begins a sheet with its heading (no running head there)
            assert squash(pages[number - 1]).startswith(squash(title)), (title, number, pages[number - 1][:80])
        else:  # a section's heading is on the page given
            assert squash(title) in squash(pages[number - 1]), (title, number)
    starts = [n for _, n, _ in entries]
    assert starts == sorted(starts)


def test_every_page_but_the_front_has_its_number_and_the_chapter_title_as_head(book_pdf):
    out, _ = book_pdf
    located = words_at(out)
    entries, front = contents(out)
    starts = {number: title for title, number, top in entries if top}
    heads = 0
    title = None
    for n, page in enumerate(located, 1):
        head, foot = head_and_foot(page)
        if n <= front:
            assert (head, foot) == ("", ""), n
            continue
        assert foot == str(n), (n, foot)
        if n in starts:
            title = starts[n]
            assert head == "", (n, head)
        else:
            assert title and squash(head) == squash(title), (n, head, title)
            heads += 1
    assert heads > 100


def _notes(doc: etree._Element) -> list[etree._Element]:
    parents = {"p", "l", "item", "cell", "quote", "head", "ab", "hi", "persName", "placeName", "title", "q"}
    return [n for n in doc.iter("{*}note") if etree.QName(n.getparent()).localname in parents]


def test_each_footnote_is_at_the_foot_of_the_page_of_its_marker(book_pdf):
    out, _ = book_pdf
    located = words_at(out)
    pages = pages_text(out)
    chapter = etree.parse(str(EDITION / "ch01.xml")).getroot()
    notes = _notes(chapter)
    assert len(notes) > 50
    checked = 0
    for note in notes:
        before = WORD.findall("".join(note.getparent().itertext()).split("".join(note.itertext()))[0])
        body = WORD.findall(" ".join("".join(note.itertext()).split()))
        if len(before) < 4 or len(body) < 8:
            continue
        said = squash(" ".join(body[:8]))
        lead = squash(" ".join(before[-4:]))

        def opens(n: int, words: list[str]) -> bool:
            """Whether page n's text, after its running head, begins with `words`."""
            head, _ = head_and_foot(located[n - 1])
            return squash(pages[n - 1]).startswith(squash(head) + squash(" ".join(words)))

        # the note's words on a page where the words before its marker end (or, when the
        # marker opens a page, on the page before; or, when a page break parts those words,
        # on the page they go on to, which opens with the marker's word)
        found = [
            n
            for n, page in enumerate(pages, 1)
            if said in squash(page)
            and (
                lead in squash(page)
                or n > 1
                and squash(pages[n - 2]).endswith(lead)
                or n > 1
                and any(
                    opens(n, before[-4 + k :]) and squash(" ".join(before[-4 : -4 + k])) in squash(pages[n - 2])
                    for k in (1, 2, 3)
                )
            )
        ]
        assert found, (said, lead)
        n = found[0]
        # the note stands at the foot: below the middle of the page, after the text
        first_word = body[0]
        ys = [y for y, w in located[n - 1] if squash(w) == first_word]
        assert ys and max(ys) > PAGE_HEIGHT / 2, (said, n)
        checked += 1
    assert checked > 20


# Put in the preamble's show rule for a footnote's entry: where the entry and its call are.
_ENTRY_RULE = "#show footnote.entry: it => {\n"
_PROBE = (
    "  [#metadata((call: it.note.location().page(), entry: here().page(), label: (it.note.numbering)(1)))<probe>]\n"
)


def test_every_footnote_of_the_book_is_set_on_the_page_of_its_call(tmp_path, monkeypatch):
    """Typst's own account of the layout (every note of the book, not only those the text
    of the PDF can place): the page of each footnote's entry and of its call. With widow
    and orphan control on, Typst set 5 of the bundled book's 1651 notes a page apart."""
    import json

    import typst

    import teikit.render.pdf as pdf

    found: list[dict] = []

    def probed(typ_file: Path, warn=lambda message: None) -> tuple[bytes, int]:
        markup = typ_file.read_text(encoding="utf-8")
        assert _ENTRY_RULE in markup  # typst.xsl's preamble styles the entries there
        typ_file.write_text(markup.replace(_ENTRY_RULE, _ENTRY_RULE + _PROBE, 1), encoding="utf-8")
        compiler = typst.Compiler(
            str(typ_file),
            root=str(typ_file.parent),
            font_paths=[str(f) for f in pdf.font_folders()],
            ignore_system_fonts=True,
        )
        found.extend(json.loads(compiler.query("<probe>", field="value")))
        return b"%PDF-", 1  # the layout is read from the query; no PDF is needed

    monkeypatch.setattr(pdf, "layout", probed)
    render_pdf([EDITION], tmp_path / "book.pdf")
    notes = sum(1 for path in EDITION.glob("*.xml") for note in _notes(etree.parse(str(path)).getroot()))
    assert len(found) > 1000 and len(found) >= notes
    assert [note for note in found if note["call"] != note["entry"]] == []


def test_a_footnote_is_labelled_as_its_marker_and_endnotes_by_option(letters_pdf, tmp_path):
    out, _ = letters_pdf
    page = next(p for p in pages_text(out) if p.startswith("First letter"))
    assert "called.1" in page.replace("\n", " ")
    assert re.search(r"^1\. On Finch, see the register\.$", page, re.M)
    end = tmp_path / "endnotes.pdf"
    assert main(["render", str(RENDER_DATA / "letters"), "--to", "pdf", "-o", str(end), "--endnotes"]) == 0
    pages = pages_text(end)
    first = next(n for n, p in enumerate(pages, 1) if p.startswith("First letter"))
    assert "On Finch" not in pages[first - 1]
    notes = next(p for p in pages if p.startswith("Notes"))
    assert re.search(rf"1\. On Finch, see the register\. \(p\. {first}\)", " ".join(notes.split()))
    assert ("Notes", pages.index(notes) + 1, True) in contents(end)[0]


def test_registers_give_the_pages_of_the_mentions(letters_pdf):
    out, _ = letters_pdf
    pages = pages_text(out)
    persons = next(p for p in pages if p.startswith("Persons"))
    text = " ".join(persons.split())
    m = re.search(r"Finch, Ada .*?In the text: First letter: ([\d, ]+)", text)
    assert m, text
    numbers = [int(n) for n in m.group(1).replace(",", " ").split()]
    assert numbers and all("Finch" in pages[n - 1] for n in numbers)
    m = re.search(r"Tom .*?In the text: First letter: (\d+)[, \d]*; Second letter: (\d+)", text)
    assert m, text
    assert "Tom" in pages[int(m.group(1)) - 1] and "Tom" in pages[int(m.group(2)) - 1]


def test_the_play_shows_its_speakers_and_verse(tmp_path):
    out = tmp_path / "play.pdf"
    render_pdf([RENDER_DATA / "drama.xml"], out)
    text = " ".join(pdf_text(out).split())
    assert "Wick Another night, another row of flames," in text
    assert "Persons of the Play" in text


# ----- characters and fonts -----

SCRIPTS = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ru">
  <teiHeader><fileDesc><titleStmt><title>Письма</title></titleStmt>
    <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader>
  <text><body><div><head>Глава первая</head>
    <p>Достоевский писал брату о Петербурге.<note>Примечание: см. письмо.</note></p>
    <p xml:lang="grc">Ἐν ἀρχῇ ἦν ὁ λόγος, καὶ ὁ λόγος ἦν πρὸς τὸν θεόν.</p>
    <p xml:lang="sr-Latn">Combining marks: Srbija̍ e\u0301\u0323 a\u0308\u0304 n\u0303 — Ćirilica ȁ ȉ.</p>
  </div></body></text></TEI>"""


def test_cyrillic_greek_and_combining_marks_with_embedded_fonts(tmp_path):
    src = tmp_path / "scripts.xml"
    src.write_text(
        SCRIPTS.replace("\\u0301", "\u0301")
        .replace("\\u0323", "\u0323")
        .replace("\\u0308", "\u0308")
        .replace("\\u0304", "\u0304")
        .replace("\\u0303", "\u0303"),
        encoding="utf-8",
    )
    out = tmp_path / "scripts.pdf"
    render_pdf([src], out)
    # tokenised after NFC on both sides: "a" + diaeresis + macron is one letter "ǟ" there
    text = etree.parse(str(src)).find("{*}text")
    expected = Counter(WORD.findall(unicodedata.normalize("NFC", " ".join(text.itertext()))))
    assert missing_in(out, expected) == {}
    text = unicodedata.normalize("NFC", pdf_text(out))
    for phrase in ("Достоевский писал брату", "ἀρχῇ", "e\u0301\u0323", "Глава первая"):
        assert unicodedata.normalize("NFC", phrase) in text, phrase
    fonts = subprocess.run([_tool("pdffonts"), str(out)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, fonts
    for row in rows:
        emb = row.split()[-5]
        assert emb == "yes", row
    assert any("DejaVu" in row for row in rows), fonts


def test_words_are_hyphenated_in_the_language_of_the_text(book_pdf):
    out, _ = book_pdf
    raw = pdf_text(out)
    assert raw.count(SOFT_HYPHEN + "\n") > 50


# ----- the file -----


def test_the_same_tei_gives_the_same_bytes_and_dates_from_the_tei(tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_pdf([RENDER_DATA / "letters"], a)
    render_pdf([RENDER_DATA / "letters"], b)
    assert a.read_bytes() == b.read_bytes()
    info = subprocess.run([_tool("pdfinfo"), str(a)], capture_output=True, text=True, check=True).stdout
    assert "Title:" in info and "Letters from the Harbour" in info


def test_the_output_file_is_replaced_only_when_safe(tmp_path, capsys):
    src = RENDER_DATA / "drama.xml"
    out = tmp_path / "play.pdf"
    assert main(["render", str(src), "--to", "pdf", "-o", str(out)]) == 0
    assert "pages in" in capsys.readouterr().out
    first = out.read_bytes()
    assert main(["render", str(src), "--to", "pdf", "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["render", str(src), "--to", "pdf", "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == first
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    assert main(["render", str(src), "--to", "pdf", "-o", str(other), "--force"]) == 1
    assert "not a PDF" in capsys.readouterr().err and other.read_text() == "mine"
    copy = tmp_path / "in" / "drama.xml"
    copy.parent.mkdir()
    shutil.copy(src, copy)
    assert main(["render", str(copy), "--to", "pdf", "-o", str(copy), "--force"]) == 1
    assert "input of this run" in capsys.readouterr().err and copy.read_bytes() == src.read_bytes()
    assert main(["render", str(copy.parent), "--to", "pdf", "-o", str(copy.parent / "x.pdf")]) == 1
    assert "inside the input folder" in capsys.readouterr().err


def test_a_failed_render_leaves_the_old_pdf_and_no_temporary_file(tmp_path):
    out = tmp_path / "book.pdf"
    render_pdf([RENDER_DATA / "drama.xml"], out)
    before = out.read_bytes()
    bad = tmp_path / "src" / "bad.xml"
    bad.parent.mkdir()
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>open</body></text></TEI>')
    with pytest.raises(TeikitError):
        render_pdf([bad], out, force=True)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf", "src"]


# ----- nothing fetched -----


def test_hostile_graphics_only_the_folders_images_are_in_the_pdf(tmp_path):
    from renderchecks import hostile_graphics_folder

    source = hostile_graphics_folder(tmp_path, HOSTILE)
    out = tmp_path / "book.pdf"
    result = render_pdf([source], out)
    for url, reason in REFUSED.items():
        if "AVIF" in reason:
            continue
        assert any(f"graphic '{url}' not published" in w and reason in w for w in result.warnings), url
    images = subprocess.run([_tool("pdfimages"), "-list", str(out)], capture_output=True, text=True, check=True)
    # drawn: the three graphics of ok.png (twice) and images/ok2.png; none of the refused ones
    assert len(images.stdout.splitlines()[2:]) == 3
    assert b"HOSTILE" not in out.read_bytes()


def test_the_layout_reads_nothing_outside_its_folder(tmp_path):
    """The compiler's root is the document's folder: a file beside it is read, one outside
    it (a relative path climbing out, an absolute path) is not, and the layout fails
    saying so rather than print a page without it."""
    from teikit.render.pdf import layout

    shutil.copy(RENDER_DATA / "quill.png", tmp_path / "secret.png")
    folder = tmp_path / "doc"
    folder.mkdir()
    shutil.copy(RENDER_DATA / "quill.png", folder / "ok.png")
    last = "#context [#metadata(here().page())<teikit-last-page>]\n"
    (folder / "ok.typ").write_text('#image("ok.png")\n' + last)
    data, pages = layout(folder / "ok.typ")
    assert pages == 1
    out = tmp_path / "ok.pdf"
    out.write_bytes(data)
    images = subprocess.run([_tool("pdfimages"), "-list", str(out)], capture_output=True, text=True, check=True)
    assert len(images.stdout.splitlines()[2:]) == 1
    for call, said in (
        ('#image("../secret.png")', "escape the project root"),
        (f'#image("{tmp_path / "secret.png"}")', "not found"),  # read inside the root, where it is not
        ('#read("/etc/passwd")', "not found"),
    ):
        (folder / "bad.typ").write_text(call + "\n" + last)
        with pytest.raises(TeikitError, match="the PDF layout failed") as caught:
            layout(folder / "bad.typ")
        assert said in str(caught.value) and "bad.typ" in str(caught.value), caught.value


# Text that is Typst syntax, each at the start of a paragraph where markup would read it:
# a heading, lists, a term, code, an import (which would fetch a package), a label, a
# reference, maths, raw text, comments, escapes, strong and emphasis, smart quotes, dashes,
# a non-breaking space, an autolinked address.
TYPST_SYNTAX = [
    "= Not a heading",
    "- not a list",
    "+ not an enumeration",
    "1. not a numbered item",
    "/ Term: not a term list",
    '#import "@preview/cetz:0.2.2": canvas',
    '#read("/etc/passwd") and #image("../secret.png")',
    "#let x = 1; #x #{ 1 + 1 } #[content]",
    "<label> and @label and @fig:1",
    "$x^2 + y_1$ and \\(a\\) \\u{41}",
    "`raw` and ```python print()```",
    "// not a comment, /* nor this */ end",
    "*not strong* _not emphasis_ ~ tilde",
    "\"straight quotes\" and 'single' -- two --- three ... dots -? soft",
    "https://example.org/path?q=1 and mailto:me@example.org",
    "a \\ backslash, a \\# escaped hash, ] and [ brackets, } and { braces",
]


def test_text_that_is_typst_syntax_is_printed_as_it_is(tmp_path):
    paragraphs = "".join(f"<p>{escape(t)}</p>" for t in TYPST_SYNTAX)
    title = 'A "quoted" \\ title #set'
    src = tmp_path / "syntax.xml"
    src.write_text(
        f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>{escape(title)}</title></titleStmt>
    <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader>
  <text><body><div><head>Syntax #1 = [head]</head>{paragraphs}
    <p>A note.<note>In the note: {escape(TYPST_SYNTAX[5])} {escape(TYPST_SYNTAX[9])}</note></p>
  </div></body></text></TEI>""",
        encoding="utf-8",
    )
    out = tmp_path / "syntax.pdf"
    render_pdf([src], out)
    text = " ".join(pdf_text(out, "-raw").split())
    for t in TYPST_SYNTAX:
        assert " ".join(t.split()) in text, t
    assert "Syntax #1 = [head]" in text
    assert f"In the note: {TYPST_SYNTAX[5]} {TYPST_SYNTAX[9]}" in text
    info = subprocess.run([_tool("pdfinfo"), str(out)], capture_output=True, text=True, check=True).stdout
    assert title in info, info
    assert missing_in(out, tei_words([src])) == {}


def test_a_damaged_image_is_left_out_with_a_warning_and_the_rest_printed(tmp_path):
    """An image whose first bytes are a PNG's but which does not decode: Typst would fail
    the whole layout on it; it is left out, with a warning naming the graphic and its line."""
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not an image at all" * 10)
    shutil.copy(RENDER_DATA / "quill.png", folder / "good.png")
    src = folder / "book.xml"
    src.write_text(
        """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Pictures</title></titleStmt>
  <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader>
  <text><body><div><head>One</head><p>Before the figures.</p>
    <figure><graphic url="bad.png"/><head>A damaged picture</head></figure>
    <figure><graphic url="good.png"/><head>A quill</head></figure><p>After them.</p></div></body></text></TEI>""",
        encoding="utf-8",
    )
    out = tmp_path / "book.pdf"
    result = render_pdf([src], out)
    dropped = [w for w in result.warnings if "not drawn" in w]
    assert len(dropped) == 1 and dropped[0].startswith(f"{src}:4: graphic 'bad.png' not drawn"), result.warnings
    images = subprocess.run([_tool("pdfimages"), "-list", str(out)], capture_output=True, text=True, check=True)
    assert len(images.stdout.splitlines()[2:]) == 1  # the quill
    assert missing_in(out, tei_words([src])) == {}


def _gray_page(pdf: Path, page: int, folder: Path) -> tuple[int, int, bytes]:
    """The page drawn by pdftoppm at 72 dpi in shades of gray: width, height, one byte a pixel."""
    stem = folder / f"page{page}"
    subprocess.run(
        [_tool("pdftoppm"), "-f", str(page), "-l", str(page), "-r", "72", "-gray", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    data = stem.with_suffix(".pgm").read_bytes()
    magic, width, height, maxval, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    return int(width), int(height), pixels


def _longest_run(row: bytes) -> int:
    """The longest run of adjacent inked pixels in a row (a rule is one; a line of text is not)."""
    best = run = 0
    for v in row:
        run = run + 1 if v < 235 else 0
        best = max(best, run)
    return best


def test_drawn_page_has_the_note_under_a_rule_at_its_foot_and_its_number_below(letters_pdf, tmp_path):
    out, _ = letters_pdf
    page = next(n for n, p in enumerate(pages_text(out), 1) if p.startswith("First letter"))
    width, height, pixels = _gray_page(out, page, tmp_path)
    rows = [pixels[y * width : (y + 1) * width] for y in range(height)]
    ink = [sum(1 for v in row if v < 160) for row in rows]
    # the footnote area's rule: one row of gray across most of the text's width, low on the page
    rules = [y for y, row in enumerate(rows) if _longest_run(row) > 0.6 * (width - 2 * 45)]
    assert rules and min(rules) > height / 2, rules
    rule = min(rules)
    below = [y for y in range(rule + 2, height) if ink[y]]
    # the note's text under the rule, then a blank band, then the page number in the bottom margin
    margin = height - int(BOTTOM_MARGIN)
    assert any(y < margin for y in below) and any(y >= margin for y in below)
    body = [y for y in range(int(TOP_MARGIN), rule) if ink[y]]
    assert body and max(body) < rule  # the letter's text stands above the rule
