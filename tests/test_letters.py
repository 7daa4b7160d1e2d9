"""Letters: each a div type="letter" with its opener and closer, told by its parts
(tests/data/books/letters-harbour.txt, and Lady Susan and the Meditations' appendix of the
corpus when ../shared is there)."""

from __future__ import annotations

import re

import pytest

from conftest import NS, ROOT, convert_book, lost_words, text
from test_drama import all_of, parts, valid

BOOKS = ROOT.parent / "shared" / "corpus" / "books"
SUSAN = BOOKS / "austen-lady-susan.txt"
AURELIUS = BOOKS / "aurelius-meditations-casaubon.txt"


def letter_parts(letter) -> dict:
    def of(expr):
        return [text(e).strip() for e in letter.xpath(expr, namespaces=NS)]

    return {
        "dateline": of("t:opener/t:dateline"),
        "salute": of("t:opener/t:salute"),
        "closing": of("t:closer/t:salute"),
        "signed": of("t:closer/t:signed"),
    }


def test_letters_with_their_openers_and_closers(tmp_path):
    out, report = convert_book("letters-harbour", tmp_path)
    docs = parts(out)
    letters = all_of(docs, "//t:div[@type='letter']")
    assert [letter_parts(l) for l in letters] == [
        {
            "dateline": ["Harwick, 3rd May."],
            "salute": ["MY DEAR TOM,--"],
            "closing": ["Your affectionate cousin,"],
            "signed": ["ADA FINCH."],
        },
        {"dateline": ["London."], "salute": ["Dear Ada,"], "closing": ["Yours ever,"], "signed": ["T. M."]},
        {"dateline": [], "salute": [], "closing": [], "signed": ["T. MARLOWE."]},
        {"dateline": ["Harwick."], "salute": [], "closing": ["Adieu!"], "signed": ["A. F."]},
        {
            "dateline": ["London, 1st June."],
            "salute": ["My dear Ada,--"],
            "closing": ["Believe me, dear cousin,", "Your loving"],
            "signed": ["TOM."],
        },
    ]
    # the postscript after the signature is the letter's, after its closer
    assert [c.tag.split("}")[1] for c in letters[4]][-2:] == ["closer", "postscript"]
    assert text(letters[4].find("t:postscript/t:p", NS)).startswith("P.S. Tell the old dog")
    # the run-in salutation is cut from the first paragraph, which keeps the rest
    first = letters[0].find("t:p", NS)
    assert text(first).startswith("The boats came in this morning")
    # the opener follows the heads, the closer ends the letter (before a postscript)
    for letter in letters:
        names = [c.tag.split("}")[1] for c in letter if not c.tag.endswith("postscript")]
        assert names[-1] == "closer" and names[: names.count("head")] == ["head"] * names.count("head")
    assert report.counts["letters"] == 5 and report.counts["letter_signatures"] == 5
    source = (ROOT / "tests/data/books/letters-harbour.txt").read_text(encoding="utf-8")
    assert lost_words(source, out) == {}
    valid(out)


def test_no_letters_in_books_without_them(tmp_path):
    for name in ("garden", "lighthouse", "play-capitals", "play-colons"):
        out, report = convert_book(name, tmp_path)
        assert not all_of(parts(out), "//t:div[@type='letter'] | //t:opener | //t:closer"), name
        assert report.counts["letters"] == 0


@pytest.mark.skipif(not SUSAN.is_file(), reason=f"corpus book absent: {SUSAN} (../shared not available)")
def test_lady_susan_every_letter_and_its_parts(tmp_path):
    from teikit.convert import convert

    out = tmp_path / "susan"
    convert(SUSAN, out)
    docs = parts(out)
    source = SUSAN.read_text(encoding="ascii").replace("\r\n", "\n")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", source) if b.strip()]
    numbers = [k for k, b in enumerate(blocks) if re.fullmatch(r"[IVXL]+", b)]
    run_in = [b for b in blocks if re.match(r"[A-Za-z ]{1,30},--\S", b)]
    letters = all_of(docs, "//t:div[@type='letter']")
    assert len(letters) == len(numbers) == 41
    assert [l.get("n") for l in letters] == [str(k) for k in range(1, 42)]
    found = [letter_parts(l) for l in letters]
    assert all(len(f["signed"]) == 1 for f in found)
    assert sum(len(f["salute"]) for f in found) == len(run_in)
    # a place (and date) line of at most four words stands after the heading unless the text starts at once
    placed = [k for k in numbers if len(blocks[k + 2].split()) <= 4 and not blocks[k + 2].endswith(",")]
    assert sum(len(f["dateline"]) for f in found) == len(placed)
    assert found[0] == {
        "dateline": ["Langford, Dec."],
        "salute": ["MY DEAR BROTHER,--"],
        "closing": ["Your most obliged and affectionate sister,"],
        "signed": ["S. VERNON."],
    }
    assert found[4]["closing"] == ["Ever yours,"] and found[4]["signed"] == ["S. VERNON."]  # one paragraph
    valid(out)


@pytest.mark.skipif(not AURELIUS.is_file(), reason=f"corpus book absent: {AURELIUS} (../shared not available)")
def test_letters_quoted_in_the_meditations_appendix(tmp_path):
    from teikit.convert import convert

    out = tmp_path / "aurelius"
    convert(AURELIUS, out)
    docs = parts(out)
    quoted = all_of(docs, "//t:floatingText[@type='letter']/t:body/t:div[@type='letter']")
    source = AURELIUS.read_text(encoding="ascii")
    # a paragraph opening with a quotation mark and a salutation, or such a salutation alone
    expected = re.findall(r"(?m)^'(?:MY BELOVED [A-Z]+,-|To MY [A-Z]+\.\r?$)", source)
    assert [letter_parts(q)["salute"][0] for q in quoted] == [e.strip() for e in expected]
    assert all(q.find("t:p", NS) is not None for q in quoted)
    valid(out)


def test_letters_found_as_divisions_get_their_parts(tmp_path):
    from teikit.context import Context
    from teikit.convert import letters
    from teikit.profile import load_profile
    from teikit.report import Report
    from teikit.tei import TEI_NS

    body = (
        '<div type="chapter"><head>XIV</head><head>MR. DE COURCY TO SIR REGINALD</head>'
        "<p>Churchhill.</p><p>My dear Sir,--I have this moment received your letter.</p>"
        "<p>I blame myself severely.</p><p>I am, &amp;c., &amp;c.,</p><p>R. DE COURCY.</p></div>"
        '<div type="chapter"><head>XV</head><p>The weather is fine.</p><p>We walked out.</p></div>'
    )
    from lxml import etree

    tei = etree.fromstring(f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>{body}</body></text></TEI>')
    ctx = Context(source=tmp_path / "absent.txt", profile=load_profile(), report=Report())
    letters.apply(tei, ctx)
    divs = tei.xpath("//t:body/t:div", namespaces=NS)
    assert [d.get("type") for d in divs] == ["letter", "chapter"]  # no signature, no letter
    assert letter_parts(divs[0]) == {
        "dateline": ["Churchhill."],
        "salute": ["My dear Sir,--"],
        "closing": ["I am, &c., &c.,"],
        "signed": ["R. DE COURCY."],
    }
    assert [text(p) for p in divs[0].findall("t:p", NS)] == [
        "I have this moment received your letter.",
        "I blame myself severely.",
    ]


WOLLSTONECRAFT = BOOKS / "wollstonecraft-vindication.txt"


@pytest.mark.skipif(not WOLLSTONECRAFT.is_file(), reason=f"corpus book absent: {WOLLSTONECRAFT} (../shared absent)")
def test_a_dedicatory_letter_is_a_letter(tmp_path):
    from teikit.convert import convert

    out = tmp_path / "vindication"
    convert(WOLLSTONECRAFT, out)
    source = WOLLSTONECRAFT.read_bytes().decode("cp1252").replace("\r\n", "\n")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", source) if b.strip()]
    signed = blocks.index("M. W.")
    salute = next(k for k in range(signed, 0, -1) if blocks[k].startswith("Sir"))
    letters = all_of(parts(out), "//t:div[@type='letter']")
    assert [letter_parts(l) for l in letters] == [
        {"dateline": [], "salute": [blocks[salute]], "closing": blocks[signed - 2 : signed], "signed": ["M. W."]}
    ]
    assert len(letters[0].findall("t:p", NS)) == signed - salute - 3
