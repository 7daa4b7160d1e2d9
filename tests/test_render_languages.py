"""Language tags in the editions (teikit.render.languages): TEI's tags as BCP 47 writes them.

A letter written for the test quotes other languages under the tags TEI from elsewhere
carries (ISO 639-2 and 639-3 codes, a false extlang, a code of no standard); its HTML and
EPUB editions carry the canonical tags, which the Nu HTML Checker and EPUBCheck accept,
and the one tag that cannot be read is reported with its file and line.
"""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree, html

from conftest import RENDER_DATA
from renderchecks import epubcheck_messages, vnu_messages
from teikit.render import render
from teikit.render.languages import canonical

LETTER = RENDER_DATA / "languages.xml"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("en", "en"),
        ("eng", "en"),  # ISO 639-2/T
        ("ger", "de"),  # ISO 639-2/B
        ("eng-Latn", "en"),  # a script English is written in anyway
        ("per-Latn-x-lc", "fa-Latn-x-lc"),
        ("de-AT", "de-AT"),
        ("grc", "grc"),  # no two-letter code: the three-letter one is the tag
        ("zh-yue", "yue"),  # a true extlang form
        ("el-grc", "grc"),  # a false one, read as RFC 5646 reads extlang forms
        ("i-klingon", "tlh"),  # grandfathered
        ("esp", None),
        ("en_GB", "en-GB"),  # a locale name, as software writes it
        ("", None),
    ],
)
def test_tags_take_their_canonical_form(given, expected):
    assert canonical(given) == expected


def test_the_html_edition_carries_only_valid_tags_and_reports_the_unreadable_one(tmp_path):
    site = render([LETTER], "html", tmp_path / "html")
    page = html.parse(str(next(p for p in (tmp_path / "html").glob("*.html") if "Zum goldenen" in p.read_text())))
    langs = {el.text_content(): el.get("lang") for el in page.xpath("//main//*[@lang]")}
    assert langs["Zum goldenen Hirsch"] == "de"
    assert langs["khosh amadid"] == "fa-Latn"
    assert langs["chaire"] == "grc"
    assert langs["bonvenon"] == "und"
    assert langs["A line whose language nobody stated."] == ""
    assert page.xpath("string(/html/@lang)") == "en"  # from langUsage's ident, "eng"
    assert site.warnings == [
        f"{LETTER}:23: language 'esp' is not a BCP 47 language tag: the edition says 'und' (undetermined)"
    ]
    assert [m for m in vnu_messages(tmp_path / "html") if m["type"] == "error"] == []


def test_the_epub_declares_its_language_as_bcp_47_writes_it(tmp_path):
    book = tmp_path / "letter.epub"
    render([LETTER], "epub", book)
    with zipfile.ZipFile(book) as zf:
        opf = etree.fromstring(zf.read("EPUB/package.opf"))
    assert opf.xpath("string(//*[local-name()='language'])") == "en"
    assert [m for m in epubcheck_messages(book) if m["severity"] in ("ERROR", "FATAL")] == []
