"""Publishing plays and letters converted by teikit: speakers, stage directions in the
brackets the book used, cast lists, and the opener and closer of each letter."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import html

from conftest import convert_book
from renderchecks import broken_links, html_words, missing, tei_words, vnu_messages
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
    words = Counter(re.findall(r"\w+", (text.outdir / "book.txt").read_text(encoding="utf-8")))
    assert missing(expected, words) == {}
    assert broken_links(site.outdir) == [] and site.warnings == [] and text.warnings == []


def test_speeches_speakers_and_stage_directions(editions):
    _, site, text = editions["play-capitals"]
    chapter = page(site, "chapter.html")
    speakers = chapter.xpath("//div[@class='sp']/p[@class='speaker']/text()")
    assert speakers[:3] == ["WICK.", "MARROW.", "WICK."] and len(speakers) == 16
    # the brackets the book used come back around the direction, which the TEI keeps without them
    assert chapter.xpath("//div[@class='sp']//span[@class='stage']/text()")[0] == "(He shakes a floury fist.)"
    assert "(Enter WICK with his pole and ladder.)" in chapter.xpath("//p[@class='stage']/text()")
    cast = chapter.xpath("//div[@class='castList']/div[@class='tei-castItem']")
    assert [c.findtext("span[@class='tei-role']") for c in cast] == ["WICK", "MARROW", "MRS. PELL", "TOBY"]
    acts = chapter.xpath("//section[@class='div act']")
    assert [a.findtext("h2").rstrip(" §") for a in acts] == ["ACT I.", "ACT II."]
    assert [h.text.rstrip(" §") for h in acts[0].xpath("section[@class='div scene']/h3")] == ["SCENE 1.", "SCENE 2."]
    txt = (text.outdir / "chapter.txt").read_text(encoding="utf-8")
    assert "MARROW.\n    You know very well I cannot reach it. (He shakes a floury fist.)" in txt
    assert "\n(Enter WICK with his pole and ladder.)\n" in txt
    colons = (editions["play-colons"][2].outdir / "chapter.txt").read_text(encoding="utf-8")
    assert "BRAND:\n    A traveller who must cross before morning. [He holds up a lantern.]" in colons
    assert "\n[Enter KESS, running.]\n" in colons


def test_letters_show_their_opener_and_closer(editions):
    _, site, text = editions["letters-harbour"]
    first = page(site, "ch01.html")
    assert first.xpath("//div[@class='opener']/div[@class='dateline']/text()") == ["Harwick, 3rd May."]
    assert first.xpath("//div[@class='opener']/div[@class='salute']/text()") == ["MY DEAR TOM,--"]
    assert first.xpath("//div[@class='closer']/div/@class") == ["salute", "signed"]
    txt = (text.outdir / "ch01.txt").read_text(encoding="utf-8")
    assert "Harwick, 3rd May.\n\nMY DEAR TOM,--\n\nThe boats came in" in txt
    assert txt.rstrip().endswith("Your affectionate cousin,\n\nADA FINCH.")


def test_published_plays_and_letters_are_valid_html5(editions):
    for name, (_, site, _) in editions.items():
        assert [m for m in vnu_messages(site.outdir) if m["type"] == "error"] == [], name
