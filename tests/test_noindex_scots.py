"""Names of a Scots book without an index (profiles/scots.toml and the rules of textnames it
feeds): Scots "Gude" as a name of God before a wish's verb (`[names] invocations`), and a
name printed with letters suppressed in square brackets. Each rule on a small text written
for it, with and without the pack where the pack is the evidence."""

from __future__ import annotations

import pytest

from conftest import convert_with_packs as _convert
from conftest import marks_in
from teikit.errors import TeikitError
from teikit.profile import load_profile

_WISHES = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE WHIGS\n\n"
    "Gude help the day when royal heads are hunted like a maukin! I like the lasses--Gude\n"
    "forgie me! But Gude preserve us frae the gallows.\n\n"
    "Gude ale keeps the heart aboon, and a gude kail-whittle cuts. Gude night, and Gude faith,\n"
    "my friend; the Gude news came late.\n"
)


def test_scots_gude_names_god_only_before_the_verb_of_a_wish(tmp_path):
    """With the pack "scots": "Gude" is God where a wish's verb follows it ("Gude help the
    day", "Gude forgie me", the verb outside the name), one person in the register; the same
    word capitalised before a noun ("Gude ale", "Gude night", "the Gude news") is "good", and
    unmarked. Without the pack, "Gude" is no name at all."""
    scots = _convert(tmp_path, _WISHES, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Gude", "Gude", "Gude"]
    persons = (scots / "persons.xml").read_text(encoding="utf-8")
    assert persons.count('xml:id="gude"') == 1 and "[names] invocations" in persons
    plain = _convert(tmp_path, _WISHES, None, "plain")
    assert "Gude" not in marks_in(plain, "persName")


_SUPPRESSED = (
    "LETTERS\n\nBy Anne Writer\n\n\nCHAPTER I\n\n"
    "I dined with Mr. Montgomery at the inn, and Mr. Montgomery paid.\n\n"
    "Let Prudence' direst bodements on me fall, M[ontgomer]y, rich reward, o'erpays them all!\n\n"
    "The shape of high D[undas] and of W[ilki]e stood before the door of the P[arliamen]t.\n"
)


def test_a_name_with_letters_suppressed_in_brackets_is_the_name_the_book_knows(tmp_path):
    """A name printed with letters hidden in square brackets and restored by an editor
    ("M[ontgomer]y") is marked whole, the brackets inside, and linked to the person the book
    names on evidence of its own (Mr. Montgomery); a bracketed word whose restored form the
    book names nowhere as a person ("D[undas]", "W[ilki]e", "the P[arliamen]t") is left as
    written."""
    out = _convert(tmp_path, _SUPPRESSED, [])
    assert marks_in(out, "persName") == ["Mr. Montgomery", "Mr. Montgomery", "M[ontgomer]y"]
    chapter = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("ch*.xml")))
    assert '<persName ref="persons.xml#mr-montgomery">M[ontgomer]y</persName>' in chapter


_READING = (
    "LETTERS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE EPISTLE\n\n"
    "I sent you, by the carrier, the books of Mr. Smith and of Mr. Bunyan, as you asked.\n\n"
    "My shins, my lane, I there sit roastin', perusing Bunyan, Brown, an' Reid, till by an' by\n"
    "I grunt a real gospel-groan.\n"
)


def test_scots_an_joins_a_list_of_names_as_and_does(tmp_path):
    """With the pack "scots", Scots "an'" (and) ends a list of names as "and" does: in
    "Bunyan, Brown, an' Reid", one a person the book names (Mr. Bunyan), the others are taken
    as persons too. Without the pack the list is no list, and Brown and Reid no names."""
    scots = _convert(tmp_path, _READING, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Mr. Smith", "Mr. Bunyan", "Bunyan", "Brown", "Reid"]
    plain = _convert(tmp_path, _READING, None, "plain")
    assert "Brown" not in marks_in(plain, "persName") and "Reid" not in marks_in(plain, "persName")


_SONG_TO_ANNA = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE GOWDEN LOCKS\n\n"
    "Yestreen I had a pint o' wine, the gowden locks of Anna; I give and take wi' Anna,\n"
    "and kindled still at Anna, when I'm to meet my Anna.\n\n"
    "CHAPTER II\n\nTHE MUTINY\n\n"
    "The mutiny broke out at Nancy in August, and the mutiny at Nancy was put down.\n"
)


def test_a_forename_sung_to_is_a_name_though_once_after_a_preposition_of_place(tmp_path):
    """A forename that is a town's name too (Anna, Nancy) is the town's where the book writes
    it after a preposition of place in half its mid-sentence uses or more ("at Nancy" twice);
    a song's "of Anna", "wi' Anna", "my Anna" make it a woman's though "at Anna" comes once."""
    out = _convert(tmp_path, _SONG_TO_ANNA, [])
    assert marks_in(out, "persName") == ["Anna"] * 4


_EPITHETS = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE EWE\n\n"
    "As the ewe lay on the ground, when honest Hughoc came doytin by, poor Hughoc like a statue stood.\n\n"
    "O saw ye bonie Lesley, as she gaed o'er the Border? Thou art a queen, fair Lesley.\n\n"
    "Flow gently, sweet Afton, among thy green braes; and safe to fair Strathspey, and bonie\n"
    "Strathspey again, the lads went hame.\n"
)


def test_an_epithet_of_feeling_before_a_word_twice_makes_a_name(tmp_path):
    """An adjective of feeling before a capitalised word ("honest Hughoc", "poor Hughoc";
    with the pack "scots" also "bonie Lesley", beside "fair Lesley") twice makes a person; not a
    river or a country the gazetteer knows ("sweet Afton"), nor a word after a preposition of
    place and the epithet ("safe to fair Strathspey"). Without the pack, "bonie" is no epithet,
    and Lesley, praised once in English, is no name."""
    scots = _convert(tmp_path, _EPITHETS, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Hughoc", "Hughoc", "Lesley", "Lesley"]
    plain = _convert(tmp_path, _EPITHETS, [], "plain")
    assert marks_in(plain, "persName") == ["Hughoc", "Hughoc"]


_PET_NAMES = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE FAIR\n\n"
    "At the fair we met wi' Theniel Menzies and his lass, and syne wi' Steenie, and Steenie paid.\n"
)


def test_the_scots_pack_knows_the_pet_names_of_scots_song(tmp_path):
    """With the pack "scots", Scots forms of given names ("Theniel", Nathaniel; "Steenie",
    Stephen) make a full name before a surname and a name alone mid-sentence twice; without
    it the surname alone has no evidence and the forms are no names."""
    scots = _convert(tmp_path, _PET_NAMES, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Theniel Menzies", "Steenie", "Steenie"]
    assert marks_in(_convert(tmp_path, _PET_NAMES, [], "plain"), "persName") == []


_SMALL_TOWNS = (
    "BALLADS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE ELECTION\n\n"
    "Fy, let us a' to Kirkcudbright, for there will be bickerin' there; and at Dunblane, in my ain\n"
    "sight, they took the field.\n"
)


def test_a_small_town_of_the_packs_land_is_a_place_once_after_a_preposition(tmp_path):
    """With the pack "scots" ([places] home: Scotland's box), a small town the gazetteer holds
    in Scotland is a place once after a preposition of place ("to Kirkcudbright", "at
    Dunblane"), as a well-known town is; without it, a village of a name that many share
    needs more evidence, and is none here."""
    scots = _convert(tmp_path, _SMALL_TOWNS, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Kirkcudbright", "Dunblane"]
    places = (scots / "places.xml").read_text(encoding="utf-8")
    assert "a town of the book's land in GeoNames" in places and "<geo>" in places
    assert marks_in(_convert(tmp_path, _SMALL_TOWNS, [], "plain"), "placeName") == []


def test_a_home_box_that_is_no_box_is_refused_with_its_name(tmp_path):
    """A [places] home entry that is not four numbers running south to north and west to
    east is refused, naming the land and the profile."""
    for box in ("54.6 60.9 -8.7", "60.9 54.6 -8.7 -0.7", "north south west east"):
        path = tmp_path / "bad.toml"
        path.write_text(f'[places]\nhome = {{ "Scotland" = "{box}" }}\n', encoding="utf-8")
        with pytest.raises(TeikitError, match=r"\[places\] home: Scotland") as err:
            load_profile(path)
        assert str(err.value).startswith(f"{path}: ")


_DEVIL = (
    "POEMS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE ADDRESS\n\n"
    "O thou! whatever title suit thee, Auld Hornie, Satan, Nick, or Clootie; my spaviet Pegasus\n"
    "will limp, and the wind blew hansel in on Robin, and Robin was a rovin' boy.\n"
)


def test_the_devils_scots_names_and_the_beings_of_myth_are_persons(tmp_path):
    """With the pack "scots", the devil's Scots names (Hornie, Nick, Clootie) are persons as
    Satan is; Pegasus, a being of myth, is one with the default profile too; "Robin", a
    forename, twice capitalised mid-sentence, names a man. Without the pack, Hornie, Nick and
    Clootie are no names."""
    scots = _convert(tmp_path, _DEVIL, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Hornie", "Satan", "Nick", "Clootie", "Pegasus", "Robin", "Robin"]
    plain = marks_in(_convert(tmp_path, _DEVIL, [], "plain"), "persName")
    assert not {"Hornie", "Nick", "Clootie"} & set(plain) and "Pegasus" in plain


_SHORE_AND_WOOD = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE ALE-WIFE\n\n"
    "There's a lucky brews gude ale at the shore o' Bucky; sweet closes the ev'ning on\n"
    "Craigieburn Wood, and the wood was green.\n"
)


def test_the_scots_pack_knows_a_shore_and_a_wood_as_parts_of_a_place(tmp_path):
    """With the pack "scots", "the shore o' Bucky" names a place as "the braes o' Ballochmyle"
    does, and "Craigieburn Wood", a name and the word, is one place; without it neither is."""
    scots = _convert(tmp_path, _SHORE_AND_WOOD, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Bucky", "Craigieburn Wood"]
    assert marks_in(_convert(tmp_path, _SHORE_AND_WOOD, [], "plain"), "placeName") == []


_PIER_AND_CALEDON = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE PARTING\n\n"
    "The boat rocks at the pier o' Leith; the pier was wet wi' rain.\n\n"
    "Auld Caledon drew out her drone, and to her pipe was singing.\n\n"
    "If foot or horse e'er bring you in by Mauchlin corse, stay.\n"
)


def test_the_scots_pack_knows_a_pier_caledon_and_mauchlin(tmp_path):
    """With the pack "scots", "the pier o' Leith" names the port as "the shore o' Bucky" does
    (the lower-case "the pier" alone names nothing), Caledon, the poets' Caledonia, is a
    country wherever written, and Mauchlin, Mauchline's older spelling, a town wherever
    written; without the pack none is a place."""
    scots = _convert(tmp_path, _PIER_AND_CALEDON, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Leith", "Caledon", "Mauchlin"]
    assert marks_in(_convert(tmp_path, _PIER_AND_CALEDON, [], "plain"), "placeName") == []


_CALLED_AT_CLAUSE_END = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE DESERTER\n\n"
    "You're welcome to Despots, Gaspardin; I will fight France with you, Gaspardin:\n"
    "we'll dance with you, Gaspardin.\n\n"
    "The wind was cold at the ford, Harkness; the boat lay still at the mill, Harkness.\n\n"
    "I will go with you, Paris; I will stay with you, Paris.\n"
)


def test_a_word_called_on_at_a_clause_end_in_a_clause_of_address_is_a_person(tmp_path):
    """A capitalised word after a comma that closes a clause (";", ":", "."), in a clause that
    says "you" (`[names] addressed`), is called on as one before "!" does: twice or more, a
    person ("with you, Gaspardin;"). The same shape in clauses that speak to no one
    ("at the ford, Harkness;") is no evidence, nor is a place the gazetteer knows (Paris)."""
    out = _convert(tmp_path, _CALLED_AT_CLAUSE_END, [])
    persons = marks_in(out, "persName")
    assert persons.count("Gaspardin") == 3
    assert "Harkness" not in persons and "Paris" not in persons


_HYPHENED_LANDSCAPE = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE SHIP\n\n"
    "The ship rides by the Berwick-law, and the lass that dwelt near Solway-side.\n\n"
    "A well-known air; the brown-haired lass; the Roman-law books.\n"
)


def test_a_name_hyphened_to_a_word_for_its_land_is_one_place(tmp_path):
    """With the pack "scots", a name joined by a hyphen to a word of `[places] landscape` is
    one place's name, marked whole ("the Berwick-law", a hill, Scots "law"; "Solway-side");
    a lower-case word so joined ("well-known", "brown-haired") is none, nor a people's
    adjective ("Roman-law"). Without the pack nothing is."""
    scots = _convert(tmp_path, _HYPHENED_LANDSCAPE, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Berwick-law", "Solway-side"]
    assert marks_in(_convert(tmp_path, _HYPHENED_LANDSCAPE, [], "plain"), "placeName") == []


_LUCKY = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE TOSS O' ECCLEFECHAN\n\n"
    "O haud your tongue now, Lucky Lang,\nO haud your tongue and jauner\n"
    "I held the gate till you I met,\nSyne I began to wander:\n"
    "I tint my whistle and my sang,\nI tint my peace and pleasure;\n"
    "But your green graff, now Lucky Lang,\nWad airt me to my treasure.\n\n"
    "Some, lucky, find a flow'ry spot,\nFor which they never toil'd nor swat;\n"
    "Sae lang as I'll enjoy it, I'll fear nae scant;\nHow lang ye look about ye.\n\n"
    "Sir Wisdom's a fool when he's fou,\nOr say, ye wisdom want, or fire.\n"
)


def test_scots_lucky_is_a_title_before_a_surname_written_so_twice(tmp_path):
    """With the pack "scots", "Lucky" is a title, as Scots calls an old woman or an ale-wife:
    before the same word twice ("now, Lucky Lang", twice) it names her, the title inside the
    name as "Souter Hood", though the book writes "lang" (long) in lower case too; the adjective
    in lower case ("Some, lucky, find") is no name, nor is a common word a title precedes once,
    a personification ("Sir Wisdom's a fool", the book writing "wisdom" too). Without the
    pack "Lucky" is no title."""
    scots = _convert(tmp_path, _LUCKY, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Lucky Lang", "Lucky Lang"]
    plain = _convert(tmp_path, _LUCKY, [], "plain")
    assert marks_in(plain, "persName") == []


_ABOUT_MUIRKIRK = (
    "POEMS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nEPISTLE TO A BARD\n\n"
    "I've scarce heard ought describ'd sae weel,\nWhat gen'rous, manly bosoms feel;\n"
    "They tauld me 'twas an odd kind chiel\nAbout Muirkirk.\n\n"
    "And there will be rich brother nabobs,\n(Tho' Nabobs, yet men not the worst,)\n"
    "And Quintin--a lad o' the first.\n\n"
    "How lang ye look about ye; I was come round about the hill.\n"
)


def test_scots_about_places_a_man_by_his_parish_and_quintin_is_a_forename(tmp_path):
    """With the pack "scots", "about" is a preposition of place, as Scots verse places a man
    by the parish he lives about ("an odd kind chiel About Muirkirk": a small town of
    Scotland, the book's land, once after it); and "Quintin", the Scots spelling of Quentin,
    is a forename, a name alone mid-sentence ("And Quintin--a lad o' the first"). Without the
    pack neither is marked."""
    scots = _convert(tmp_path, _ABOUT_MUIRKIRK, ["scots"], "scots")
    assert marks_in(scots, "placeName") == ["Muirkirk"]
    assert marks_in(scots, "persName") == ["Quintin"]
    plain = _convert(tmp_path, _ABOUT_MUIRKIRK, [], "plain")
    assert marks_in(plain, "placeName") == [] and marks_in(plain, "persName") == []


_MY_SANDY = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nI LOVE MY LOVE IN SECRET\n\n"
    "My Sandy gied to me a ring,\nWas a' beset wi' diamonds fine;\nBut I gied him a far better thing,\n"
    "I gied my heart in pledge o' his ring.\n\n"
    "Chorus.--My Sandy O, my Sandy O,\nMy bonie, bonie Sandy O;\nTho' the love that I owe\n"
    "To thee I dare na show,\nYet I love my love in secret, my Sandy O.\n\n"
    "Low, in a sandy valley spread,\nAn ancient borough rear'd her head.\n"
    "Near and sandy wilds, I last did note.\n"
)


def test_a_forename_of_the_pack_written_in_lower_case_now_and_then_is_a_name(tmp_path):
    """With the pack "scots", "Sandy" (Alexander) is a forename: capitalised mid-sentence five
    times ("my Sandy O", "bonie, bonie Sandy O") against twice in lower case ("a sandy
    valley", "sandy wilds"), it names a man wherever the book writes it capitalised (the
    lower-case uses half as many or more would make it a common word). Without the pack it
    is no forename, and no name."""
    scots = _convert(tmp_path, _MY_SANDY, ["scots"], "scots")
    assert marks_in(scots, "persName") == ["Sandy"] * 5
    plain = _convert(tmp_path, _MY_SANDY, [], "plain")
    assert marks_in(plain, "persName") == []


_TRYST = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE WOOER\n\n"
    "But a' the niest week, as I petted wi' care,\nI gaed to the tryst o' Dalgarnock;\n"
    "But wha but my fine fickle wooer was there,\nI glowr'd as I'd seen a warlock.\n"
)


def test_a_scots_tryst_names_the_place_it_is_held(tmp_path):
    """With the pack "scots", a tryst (a fair, a cattle market) is a feature of a place as the
    braes and the pier are: the name after "the tryst o'" is a place (Burns, "Last May a braw
    wooer"); without the pack, a name once and after no preposition of place is none."""
    assert marks_in(_convert(tmp_path, _TRYST, ["scots"], "scots"), "placeName") == ["Dalgarnock"]
    assert marks_in(_convert(tmp_path, _TRYST, [], "plain"), "placeName") == []


_HIGHLAND_NAMES = (
    "EPISTLES\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTO A FRIEND\n\n"
    "While winds frae aff Ben-Lomond blaw,\nAn' bar the doors wi' driving snaw,\n"
    "I set me down to pass the time.\n\n"
    "Auld comrade dear, and brither sinner,\nHow's a' the folk about Glenconner?\n\n"
    "Our patron, honest man! Glencairn,\nThe day is come to pay him.\n"
)


def test_a_scots_name_opening_with_ben_or_glen_is_a_hill_or_a_valley(tmp_path):
    """With the pack "scots" (`[places] openings`), "Ben" and a name joined by a hyphen is a
    hill wherever written ("frae aff Ben-Lomond"), and a name opening with "Glen" a place after
    a preposition of place ("the folk about Glenconner", Burns's epistle to James Tennant);
    not where no preposition stands before it ("honest man! Glencairn", the earl). Without
    the pack, no rule makes them places."""
    assert marks_in(_convert(tmp_path, _HIGHLAND_NAMES, ["scots"], "scots"), "placeName") == [
        "Ben-Lomond",
        "Glenconner",
    ]
    assert marks_in(_convert(tmp_path, _HIGHLAND_NAMES, [], "plain"), "placeName") == []


_BUSKIE_GLEN = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE WOOING\n\n"
    "There's Johnie o' the Buskie-glen,\nFu' is his barn, fu' is his byre;\n\n"
    "\u201cFor Johnie o' the Buskie-glen,\nI dinna care a single flie.\u201d\n"
)


def test_a_forename_told_apart_by_a_hyphened_glen_is_one_name(tmp_path):
    """With the pack "scots", "Johnie o' the Buskie-glen" (a forename, Scots "o'" and the
    place its bearer lives at, the place's name and "glen" hyphened) is one person's name,
    as "Meg o' the Mill" is; the glen is not marked a place inside it."""
    out = _convert(tmp_path, _BUSKIE_GLEN, ["scots"], "scots")
    assert marks_in(out, "persName") == ["Johnie o' the Buskie-glen"] * 2
    assert marks_in(out, "placeName") == []


_TWINS = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nA PARCEL OF ROGUES\n\n"
    "Fareweel ev'n to the Scottish name,\nSae fam'd in martial story.\nNow Sark rins over Solway sands,\n"
    "An' Tweed rins to the ocean.\n\n"
    "The chief, on Sark who glorious fell,\nWas laid on the banks of Sark.\n\n"
    "Her cutty sark, o' Paisley harn,\nThat while a lassie she had worn.\n\n"
    "The whistle's sang gied Forth an' Tay a lift aboon.\nForth I did fare:\n"
    "And forth she gaed, and forth they came, and forth the lads.\n"
)


def test_a_river_whose_name_is_a_common_word_is_the_river_capitalised_mid_sentence(tmp_path):
    """With the pack "scots", a place whose name the book also writes in lower case (Scots
    "sark", a shirt; "forth") is the place wherever written capitalised inside a sentence
    ("Now Sark rins over Solway sands", "on Sark who glorious fell", "gied Forth an' Tay"),
    not only after a preposition or a feature of a place ("the banks of Sark"), where the
    pack knows it (the river Forth) or the book names it after a feature of a place; at a
    sentence's start it stays the word ("Forth I did fare"), and in lower case it is none."""
    out = _convert(tmp_path, _TWINS, ["scots"], "scots")
    assert [m for m in marks_in(out, "placeName") if m in ("Sark", "Forth")] == ["Sark", "Sark", "Sark", "Forth"]


_YARROW = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nBRAW LADS\n\n"
    "Braw, braw lads on Yarrow-braes,\nYe wander thro' the blooming heather.\n"
)


def test_a_known_river_and_its_braes_hyphened_are_one_place(tmp_path):
    """With the pack "scots", a river the pack knows (Yarrow) and a word for its land joined
    by a hyphen ("on Yarrow-braes") is one place's name, marked whole, as a name found
    nowhere before ("the Berwick-law") is."""
    assert marks_in(_convert(tmp_path, _YARROW, ["scots"], "scots"), "placeName") == ["Yarrow-braes"]


_CALEDONIE = (
    "SONGS\n\nBy Anne Writer\n\n\nCHAPTER I\n\nTHE EXILE\n\n"
    "Though cruel fate should bid us part,\nFar as the pole and line,\n"
    "Return to Caledonie!\nAnd hear the pibroch sound.\n"
)


def test_caledonie_is_scotland_as_scots_song_rhymes_it(tmp_path):
    """With the pack "scots", Caledonie (Caledonia, as Scots song rhymes it) is Scotland
    wherever written ("Return to Caledonie!"); without it, a name once after a preposition of
    place, which no gazetteer holds, is none."""
    assert marks_in(_convert(tmp_path, _CALEDONIE, ["scots"], "scots"), "placeName") == ["Caledonie"]
    assert marks_in(_convert(tmp_path, _CALEDONIE, [], "plain"), "placeName") == []


_WHISTLE = (
    "THE WHISTLE\n\nBy Anne Writer\n\n\nTHE WHISTLE\n\n"
    "As the authentic prose history of the Whistle is curious, I shall here give it. In the\n"
    "train of Anne of Denmark, when she came to Scotland with our James the Sixth, there came\n"
    "over also a Danish gentleman of gigantic stature and great prowess, and a matchless\n"
    "champion of Bacchus, who had a little ebony whistle on the table at the commencement.\n\n"
    "     Three joyous good fellows, with hearts clear of flaw\n"
    "     Craigdarroch, so famous for wit, worth, and law;\n"
    "     And trusty Glenriddel, so skill'd in old coins;\n"
    "     And gallant Sir Robert, deep-read in old wines.\n\n"
    "     Next uprose our Bard, like a prophet in drink:--\n"
    "     \u201cCraigdarroch, thou'lt soar when creation shall sink!\n"
    "     But if thou would flourish immortal in rhyme,\n"
    "     Come--one bottle more--and have at the sublime!\u201d\n"
)


def test_a_verse_line_opens_no_sentence_where_the_line_before_runs_on(tmp_path):
    """Burns's "The Whistle", set as verse (each printed line a line of its own): a line
    whose first word goes on with the sentence of the line before ("with hearts clear of
    flaw / Craigdarroch, so famous") writes it mid-sentence, as prose would; so the laird
    named by his estate, spoken to as "thou" ("Craigdarroch, thou'lt soar"), is a person,
    though the book writes his name only at lines' starts."""
    out = _convert(tmp_path, _WHISTLE, ["scots"], "scots")
    assert marks_in(out, "persName").count("Craigdarroch") == 2


def test_the_names_opening_with_a_highland_word_are_found_where_finditer_finds_them():
    """`textplaces._opened` seeks its pattern in the pieces holding one of the pack's openings
    (`matching.pieces_holding`), not over the whole book: the same matches as `finditer`, on
    Burns's book (when ../shared is there), and on the edges of the words ("Beneath",
    "o'Ben-Lomond", "Loch-", "Glen\\n\\nconner", a name across a blank line)."""
    from conftest import ROOT
    from teikit.enrich import matching, textplaces

    openings = tuple(load_profile(_pack_profile("scots")).place_openings)
    assert openings
    pattern = textplaces._opening_pattern(openings)
    texts = [
        "frae aff Ben-Lomond blaw, about Glenconner; Beneath o'Ben-Lomond, Loch- and Loch-ness\n\n"
        "Glen\n\nconner, Inverary's, Strath-Allan, the Glenkens-side, GLENCONNER, xGlenbuck",
    ]
    book = ROOT.parent / "shared" / "corpus" / "books" / "burns-poems-and-songs.txt"
    if book.is_file():
        texts.append(book.read_text(encoding="utf-8"))
    for text in texts:
        expected = [(m.start(), m.group()) for m in pattern.finditer(text)]
        assert [(m.start(), m.group()) for m in matching.pieces_holding(pattern, openings, text)] == expected
        assert expected


def _pack_profile(pack: str):
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    (folder / "book.toml").write_text(f'include = ["{pack}"]\n', encoding="utf-8")
    return folder / "book.toml"
