"""Names in a book without an index with the packs of its country (profiles/scots.toml,
british.toml) and the rules of textnames/textplaces they feed: each rule on a small text
written for it, converted with and without the pack where the pack is the evidence."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import NS
from teikit.convert import convert
from teikit.profile import load_profile


def _marks(folder: Path, tag: str) -> list[str]:
    out = []
    for f in sorted(folder.glob("*.xml")):
        if f.name not in ("persons.xml", "places.xml", "orgs.xml", "book.xml"):
            out += [" ".join("".join(e.itertext()).split()) for e in etree.parse(str(f)).iterfind(f".//t:{tag}", NS)]
    return out


def _convert(tmp_path: Path, text: str, include: list[str] | None = None, name: str = "out") -> Path:
    source = tmp_path / "book.txt"
    source.write_text(text, encoding="utf-8")
    profile = None
    if include is not None:
        (tmp_path / f"{name}.toml").write_text(f"include = {include!r}\n".replace("'", '"'), encoding="utf-8")
        profile = load_profile(tmp_path / f"{name}.toml")
    convert(source, tmp_path / name, profile=profile, force=True)
    return tmp_path / name


_LOGAN = (
    "SONGS\n\nBy Anne Writer\n\n\nEPISTLE TO MAJOR LOGAN\n\n"
    "This epistle was sent to Major Logan, a fiddler of Ayr, when Jock Milton came home.\n\n"
    "O Logan, sweetly didst thou glide, That day I was my lad's bride; Like Logan to the simmer\n"
    "sun, Jock Milton thrives, and Major Logan plays.\n"
)


def test_a_river_of_the_pack_is_a_place_though_a_man_bears_its_name(tmp_path):
    """With the pack "scots": Logan, a river the pack lists, is a place where it stands alone
    ("O Logan", "Like Logan"), though a man bears the name ("Major Logan", marked whole as a
    person); a Scots pet name before a surname makes a full name ("Jock Milton"). Without the
    pack, Logan alone is the Major's surname and Jock no forename."""
    scots = _convert(tmp_path, _LOGAN, ["scots"], "scots")
    assert _marks(scots, "persName") == ["Major Logan", "Jock Milton", "Jock Milton", "Major Logan"]
    assert _marks(scots, "placeName") == ["Logan", "Logan"]
    plain = _convert(tmp_path, _LOGAN, None, "plain")
    assert "Jock Milton" not in _marks(plain, "persName")
    assert _marks(plain, "persName").count("Logan") == 2 and _marks(plain, "placeName") == []
