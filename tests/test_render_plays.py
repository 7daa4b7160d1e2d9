"""Publishing plays and letters converted by teikit: speakers, stage directions in the
brackets the book used, cast lists, and the opener and closer of each letter."""

from __future__ import annotations

import pytest
from lxml import html

from conftest import convert_book
from renderchecks import broken_links, html_words, missing, tei_words, text_words, vnu_messages
from teikit.render import render


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    out = {}
    for name in ("play-capitals", "play-colons", "letters-harbour"):
        base = tmp_path_factory.mktemp(name)
        tei, _ = convert_book(name, base)
        docs = [p for p in sorted(tei.glob("*.xml")) if p.stem != name]
        out[name] = (
            docs,
            render([tei / f"{name}.xml"], "html", base / "html"),
            render([tei / f"{name}.xml"], "text", base / "text"),
        )
    return out


def page(result, name: str):
    return html.parse(str(result.outdir / name))


@pytest.mark.parametrize("name", ["play-capitals", "play-colons", "letters-harbour"])
def test_every_word_is_published_and_links_hold(editions, name):
    docs, site, text = editions[name]
    expected = tei_words(docs)
    assert missing(expected, html_words(site.outdir)) == {}
    words = text_words((text.outdir / "book.txt").read_text(encoding="utf-8"))
    assert missing(expected, words) == {}
    assert broken_links(site.outdir) == [] and site.warnings == [] and text.warnings == []


def reading_order(site) -> list[str]:
    """The book's pages as its index lists them (not the registers)."""
    hrefs = [a.get("href") for a in page(site, "index.html").iter("a")]
    pages = [h for h in hrefs if h and "#" not in h and h not in ("index.html", "persons.html", "places.html")]
    return list(dict.fromkeys(pages))


def test_speeches_speakers_and_stage_directions(editions):
    _, site, text = editions["play-capitals"]
    # the cast list's division in the front matter, then a page an act
    pages = [page(site, name) for name in reading_order(site)]

    def over(expr: str) -> list:
        return [found for p in pages for found in p.xpath(expr)]

    speakers = over("//div[@class='sp']/p[@class='speaker']/text()")
    assert speakers[:3] == ["WICK.", "MARROW.", "WICK."] and len(speakers) == 16
    # the brackets the book used come back around the direction, which the TEI keeps without them
    assert over("//div[@class='sp']//span[@class='stage']/text()")[0] == "(He shakes a floury fist.)"
    assert "(Enter WICK with his pole and ladder.)" in over("//p[@class='stage']/text()")
    cast = over("//div[@class='castList']/div[@class='tei-castItem']")
    assert [c.findtext("span[@class='tei-role']") for c in cast] == ["WICK", "MARROW", "MRS. PELL", "TOBY"]
    # an act is a page of its own (its heading the page's), its scenes sections in it
    acts = over("//article[@class='page div act'] | //section[@class='div act']")
    assert [a.xpath("h1 | h2")[0].text.rstrip(" §") for a in acts] == ["ACT I.", "ACT II."]
    scenes = acts[0].xpath("section[@class='div scene']/*[self::h2 or self::h3]")
    assert [h.text.rstrip(" §") for h in scenes] == ["SCENE 1.", "SCENE 2."]
    txt = "".join(
        (text.outdir / name.replace(".html", ".txt")).read_text(encoding="utf-8") for name in reading_order(site)
    )
    assert "MARROW.\n    You know very well I cannot reach it. (He shakes a floury fist.)" in txt
    assert "\n(Enter WICK with his pole and ladder.)\n" in txt
    colons = (editions["play-colons"][2].outdir / "chapter.txt").read_text(encoding="utf-8")
    assert "BRAND:\n    A traveller who must cross before morning. [He holds up a lantern.]" in colons
    assert "\n[Enter KESS, running.]\n" in colons


def test_letters_show_their_opener_and_closer(editions):
    _, site, text = editions["letters-harbour"]
    first = page(site, "ch01.html")
    # the dateline's text (its date is marked: a span of its own)
    assert [d.xpath("string()") for d in first.xpath("//div[@class='opener']/div[@class='dateline']")] == [
        "Harwick, 3rd May."
    ]
    assert first.xpath("//div[@class='opener']/div[@class='salute']/text()") == ["MY DEAR TOM,--"]
    assert first.xpath("//div[@class='closer']/div/@class") == ["salute", "signed"]
    txt = (text.outdir / "ch01.txt").read_text(encoding="utf-8")
    assert "Harwick, 3rd May.\n\nMY DEAR TOM,--\n\nThe boats came in" in txt
    assert txt.rstrip().endswith("Your affectionate cousin,\n\nADA FINCH.")


def test_published_plays_and_letters_are_valid_html5(editions):
    for name, (_, site, _) in editions.items():
        assert [m for m in vnu_messages(site.outdir) if m["type"] == "error"] == [], name
