"""Dates: whole spans, and years taken from the text around a date that gives none
(`teikit.enrich.dates`), on passages of the corpus books; the scorer's date and orgName
figures on a source-anchored sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS
from teikit.context import Context
from teikit.enrich import dates, evaluate
from teikit.profile import load_profile
from teikit.report import Report
from teikit.tei import TEI_NS


def marked(body: str, tmp_path: Path) -> list[tuple[str, dict[str, str]]]:
    """The dates the pass marks in a TEI body: (words, attributes) in document order."""
    tei = etree.fromstring(f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>{body}</body></text></TEI>')
    dates.apply(tei, Context(source=tmp_path / "absent.txt", profile=load_profile(), report=Report(), tree=tei))
    return [("".join(d.itertext()), dict(d.attrib)) for d in tei.iterfind(".//t:date", NS)]


def _values_of(attrs: dict[str, str]) -> list[str]:
    return [attrs[k] for k in ("when", "from", "to", "notBefore", "notAfter") if k in attrs]


def values(text: str) -> list[tuple[str, dict[str, str]]]:
    context = dates.YearContext()
    return [(text[s:e], v) for s, e, v in dates.find_dates(text, context)]


# ------------------------------------------------------------------ whole spans


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("At the end of August Yezhov", ("end of August", {"notBefore": "--08-21", "notAfter": "--08-31"})),
        (
            "at the beginning of March 1933,",
            ("beginning of March 1933", {"notBefore": "1933-03-01", "notAfter": "1933-03-10"}),
        ),
        ("By the middle of January the", ("middle of January", {"notBefore": "--01-11", "notAfter": "--01-20"})),
        ("by the end of 1932", ("end of 1932", {"notBefore": "1932-10", "notAfter": "1932-12"})),
        ("in the early months of 1930", ("early months of 1930", {"notBefore": "1930-01", "notAfter": "1930-03"})),
        ("During the night of 4 March 1953 a", ("night of 4 March 1953", {"when": "1953-03-04"})),
        ("From 1938 until 1941 he served", ("1938 until 1941", {"from": "1938", "to": "1941"})),
        (
            "From December 1944 until March 1947",
            ("December 1944 until March 1947", {"from": "1944-12", "to": "1947-03"}),
        ),
        ("From 1 to 5 April 1935 a meeting", ("1 to 5 April 1935", {"from": "1935-04-01", "to": "1935-04-05"})),
        ("the October seizure of power", ("October", {"when": "--10"})),
        ("Kerensky's June offensive produced", ("June", {"when": "--06"})),
        ("In Paris streets, on a March day, he", ("March", {"when": "--03"})),
        ("In the first half of 1936 the", ("first half of 1936", {"notBefore": "1936-01", "notAfter": "1936-06"})),
        ("in the second half of June", ("second half of June", {"notBefore": "--06-16", "notAfter": "--06-30"})),
        ("since the mid-1930s", ("mid-1930s", {"notBefore": "1933", "notAfter": "1937"})),
        ("In September–October he", ("September–October", {"from": "--09", "to": "--10"})),
        ("in November-December 1943", ("November-December 1943", {"from": "1943-11", "to": "1943-12"})),
        ("in the winter of 1942–43 the", ("winter of 1942–43", {"notBefore": "1942-12", "notAfter": "1943-02"})),
        ("at the turn of 1929–30", ("turn of 1929–30", {"notBefore": "1929-12", "notAfter": "1930-01"})),
        ("during the spring of 1791,", ("spring of 1791", {"notBefore": "1791-03", "notAfter": "1791-05"})),
        ("on the 14th of July the", ("the 14th of July", {"when": "--07-14"})),
        ("insurrection of July 14, 1789.", ("July 14, 1789", {"when": "1789-07-14"})),
        ("Gudok, June 14 1937.", ("June 14 1937", {"when": "1937-06-14"})),
        ("Congress, October 17–31, 1961 (Moscow", ("October 17–31, 1961", {"from": "1961-10-17", "to": "1961-10-31"})),
        ("for five days and nights (September 2–7),", ("September 2–7", {"from": "--09-02", "to": "--09-07"})),
        ("By summer, the position", ("summer", {"notBefore": "--06", "notAfter": "--08"})),
        (
            "even in the latter half of 1919, to",
            ("latter half of 1919", {"notBefore": "1919-07", "notAfter": "1919-12"}),
        ),
        ("Address to Congress on the 8th January, 1918 the", ("the 8th January, 1918", {"when": "1918-01-08"})),
        ("the Allies in August, 1919, of a", ("August, 1919", {"when": "1919-08"})),
        # early or late does not narrow a season; one without a year only after a word of time
        (
            "were made in the early spring of 1919.",
            ("early spring of 1919", {"notBefore": "1919-03", "notAfter": "1919-05"}),
        ),
        ("one day in early spring, I was", ("early spring", {"notBefore": "--03", "notAfter": "--05"})),
        ("by late autumn 1941 the", ("late autumn 1941", {"notBefore": "1941-09", "notAfter": "1941-11"})),
        ("in the first six months of 1919 the", ("first six months of 1919", {"from": "1919-01", "to": "1919-06"})),
        ("in the last 3 months of 1932,", ("last 3 months of 1932", {"from": "1932-10", "to": "1932-12"})),
        ("Early in 1935 the plan", ("Early in 1935", {"notBefore": "1935-01", "notAfter": "1935-04"})),
        ("came late in 1935 to", ("late in 1935", {"notBefore": "1935-09", "notAfter": "1935-12"})),
        (
            "sanctification on the 15th day of March, 1893, about",
            ("the 15th day of March, 1893", {"when": "1893-03-15"}),
        ),
    ],
)
def test_whole_spans(phrase, expected):
    assert values(phrase) == [expected]


@pytest.mark.parametrize(
    "phrase",
    [
        "a hot spring of water",
        "the spring sowing campaign",
        "in the spring of life",
        "in winter the roads froze",
        "by the spring-time they put forth",
        "Never bound by Winter's chains",
        "the fall of the Bastille",
        "July–March",
        "the October Revolution",
        "rose from 2 to 3 per cent",
        "the late summer sun",
        "an early spring flower",
        "the first two months of May",
    ],
)
def test_seasons_and_months_only_where_they_are_times(phrase):
    assert dates.find_dates(phrase) == []


# ------------------------------------------------------------------ years from context


def test_a_day_takes_the_year_the_paragraph_established():
    """Iron Lazar, ch. 2: the year of "In March 1918" carries to "23 April", marked as inferred."""
    text = (
        "In March 1918 the local authorities accused the Mensheviks and Right SRs of stirring up the "
        "workers of the great Sormovo engineering works. On 23 April there was an attempted uprising in Nizhnyi."
    )
    assert values(text) == [
        ("March 1918", {"when": "1918-03"}),
        ("23 April", {"when": "1918-04-23", "evidence": "internal"}),
    ]


def test_a_date_run_into_the_preposition_before_it():
    """Iron Lazar, ch. 2 as printed: "On16 September" (the print run's words together) is a
    date, its year the paragraph's; a word that merely ends in "on" is no preposition."""
    text = "On 3 September mass meetings were held in 1918. On16 September it ordered the confiscation."
    assert values(text)[-1] == ("16 September", {"when": "1918-09-16", "evidence": "internal"})
    assert values("In1935 the plan, on16 September 1918, by1920.") == [
        ("1935", {"when": "1935"}),
        ("16 September 1918", {"when": "1918-09-16"}),
        ("1920", {"when": "1920"}),
    ]
    assert values("the Robin16 May, a Colon1935") == []


def test_a_season_after_of_the_and_an_ordinal_day_in_american_order():
    """Iron Lazar, ch. 4: "the war scare of the autumn" after "December 1927" is that year's
    autumn; "May 3rd, 1920" as American books write it; not "the colours of the autumn leaves"."""
    said = "At the XV Party Congress in December 1927 he spoke of the war scare of the autumn on Ukraine."
    assert values(said)[-1] == ("autumn", {"notBefore": "1927-09", "notAfter": "1927-11", "evidence": "internal"})
    assert values("the colours of the autumn leaves") == []
    assert values("on May 3rd, 1920, and on June 21st he") == [
        ("May 3rd, 1920", {"when": "1920-05-03"}),
        ("June 21st", {"when": "1920-06-21", "evidence": "internal"}),
    ]


def test_inferred_values_for_every_kind_of_yearless_date():
    text = (
        "In February 1943 the front held. On 15 April it moved; in June, in early April, on the 20th of June, "
        "at the end of August and in June–July the same; that summer too."
    )
    assert [
        (w, v.get("when") or (v.get("from") or v["notBefore"], v.get("to") or v["notAfter"])) for w, v in values(text)
    ] == [
        ("February 1943", "1943-02"),
        ("15 April", "1943-04-15"),
        ("June", "1943-06"),
        ("early April", ("1943-04-01", "1943-04-10")),
        ("the 20th of June", "1943-06-20"),
        ("end of August", ("1943-08-21", "1943-08-31")),
        ("June–July", ("1943-06", "1943-07")),
        ("summer", ("1943-06", "1943-08")),
    ]
    assert all(v.get("evidence") == "internal" for _, v in values(text)[1:])


def test_a_range_gives_its_year_to_the_date_that_opens_it():
    """One span from … to when joined by "to", "until" or a dash (the year in its own
    words); two dates when joined by "and", the first taking the second's year."""
    assert values("from 10 April to 15 May 1944, and in April and May 1945") == [
        ("10 April to 15 May 1944", {"from": "1944-04-10", "to": "1944-05-15"}),
        ("April", {"when": "1945-04", "evidence": "internal"}),
        ("May 1945", {"when": "1945-05"}),
    ]
    assert values("In February 1943 it held; from 10 April to 15 May it moved")[1] == (
        "10 April to 15 May",
        {"from": "1943-04-10", "to": "1943-05-15", "evidence": "internal"},
    )


def test_the_context_year_holds_until_the_text_moves_it():
    """ "In June" after "In November 1932" is June 1932 (the rule is the context's year);
    "the following February" is 1933; "the previous January" before July is January."""
    text = (
        "In November 1932 he left. In June he came back; the following February he went. "
        "In July 1933 it was reported that he had planned it the previous January."
    )
    found = {w: v["when"] for w, v in values(text)}
    assert found == {
        "November 1932": "1932-11",
        "June": "1932-06",
        "following February": "1933-02",
        "July 1933": "1933-07",
        "previous January": "1933-01",
    }


def test_a_month_half_a_year_or_more_before_the_one_established_is_the_next_years():
    """A narrative goes forward: after December 1792, "March 9" is 1793 (Gardiner); after
    November 1928, "4 March" is 1929 (Iron Lazar); five months back stays in the year; the
    month counted from the first of a span ("From January to September 1919 … in February")
    or of two dates joined by "and" ("between 9 April and 30 December 1938")."""
    cases = (
        ("Frankfort was stormed (December 2, 1792). A court was set up (March 9).", "March 9", "1793-03-09"),
        ("On 29 November 1928 the Politburo met. On 4 March he went to the Urals.", "4 March", "1929-03-04"),
        ("In November 1932 he left. In June he came back.", "June", "1932-06"),
        ("From January to September 1919 he served. He spoke at the conference in February.", "February", "1919-02"),
        (
            "Between 9 April and 30 December 1938 they met 66 times. On 27 April he convened them.",
            "27 April",
            "1938-04-27",
        ),
    )
    for text, day, wanted in cases:
        assert dict(values(text))[day]["when"] == wanted, text


def test_a_date_in_the_pluperfect_or_after_a_past_tense_recalls_another_time():
    """Gardiner: in a text on autumn 1793, "In February 1793, the Convention had determined"
    and "The year I. began on September 22, 1792," look back and do not move the year; "the
    following winter" brings the text to December, not to the February after."""
    text = (
        "In the autumn of 1793 the army grew. In February 1793, the Convention had determined to fuse "
        "the troops, and this was done during the following winter. The victory came (September 8)."
    )
    found = dict(values(text))
    assert found["following winter"] == {"notBefore": "1793-12", "notAfter": "1794-02", "evidence": "internal"}
    assert found["September 8"]["when"] == "1793-09-08"
    text = "In October 1793 a calendar was adopted. The year I. began on September 22, 1792, the day of it. On November 7 he spoke."
    assert dict(values(text))["November 7"]["when"] == "1793-11-07"
    text = "During the winter Frankfort had been stormed by the Prussians (December 2, 1792). On October 9 a court sat."
    context = dates.YearContext()
    dates.find_dates("The war began (February 1, 1793).", context, True)
    found = {text[s:e]: v for s, e, v in dates.find_dates(text, context)}
    assert found["October 9"]["when"] == "1793-10-09"  # not 1792: the stormed town is a look back


def test_a_month_of_no_year_in_particular_takes_none_from_the_context():
    """James: "on a March day" in a paragraph that has named 1898 is any March."""
    found = dict(values("In 1898 the book came out. In Paris streets, on a March day, he saw a jonquil."))
    assert found["March"] == {"when": "--03"}


def test_a_paragraph_opens_after_a_margin_note(tmp_path):
    """A margin note that stands first is not running text: the words after it open the
    paragraph, and a year alone there sets the scene."""
    found = marked(
        '<div type="chapter"><p>In June 1792 the war began.</p>'
        '<p><note place="margin">Pitt.</note> In 1783 Pitt came to power. On 6 May he spoke.</p></div>',
        tmp_path,
    )
    assert found[-1] == ("6 May", {"when": "1783-05-06", "evidence": "internal"})


def test_asides_look_backs_and_spans_establish_no_year():
    text = (
        "In 1918 Kaganovich was sent to Nizhnyi (established in March 1917). He reminded the workers that, "
        "in 1905, they had been in the front rank; on 30 August he spoke. His article of March 1930 was "
        "recalled on 5 September. The years 1919–20 were hard and on 4 April the strikes began. In the "
        "winter of 1919–20 the front held; on 2 March it broke."
    )
    found = {w: v.get("when") for w, v in values(text)}
    assert found["30 August"] == "1918-08-30"  # not 1917 (an aside), not 1905 (a look back)
    assert found["5 September"] == "1918-09-05"  # "of March 1930" names the article's time
    assert found["4 April"] == "--04-04"  # after years that span two, later ones: which year?
    assert found["2 March"] == "1920-03-02"  # a winter across a year's end ends in the second


def test_a_date_that_ends_its_sentence_looking_back_does_not_move_the_year():
    """ "… his speech to the conference in June 1917." in a text on January 1918 recalls
    another time; "in the autumn of 1789 the debt reached …" opens a clause and sets the scene."""
    text = (
        "The assembly met on 5 January 1918. He had made his speech to the conference in June 1917. "
        "On 16 January the government moved."
    )
    found = {w: v.get("when") for w, v in values(text)}
    assert found["16 January"] == "1918-01-16"
    text = "In February 1936 it was hailed. The target, set in July 1935, was met. On 3 April it rose."
    assert dict(values(text))["3 April"]["when"] == "1936-04-03"  # "set in": when it was done
    text = "The debt grew in 1790. But in the autumn of 1789 the debt reached a peak; on August 4 tithes went."
    found = {w: v.get("when") for w, v in values(text)}
    assert found["August 4"] == "1789-08-04"
    # Dated in parentheses, as some histories date what they tell: the year moves back.
    text = "The war went on in May 1795. Corsica was taken (February, 1794). On June 1 the fleet sailed."
    found = {w: v.get("when") for w, v in values(text)}
    assert found["June 1"] == "1794-06-01"


def test_a_span_of_years_that_begins_at_or_before_the_year_established_keeps_it():
    """ "In February 1936 Pravda hailed 1935–36 as …" is still February 1936; so is a span
    that lies before ("since the early 1920s") or begins in the year ("The years 1918–19"),
    and two years alone joined by "and" are one span (Gardiner: "in 1790 and 1791")."""
    for text, day, wanted in (
        ("In February 1936 Pravda hailed 1935–36 as the first winter. On 3 April the target rose.", "3 April", "1936"),
        (
            "In April 1932 a strike, unprecedented since the early 1920s, broke out. On 12 April he came.",
            "12 April",
            "1932",
        ),
        ("In 1918 he was sent there. The years 1918–19 were hard and on 4 April the strikes began.", "4 April", "1918"),
        (
            "The order was restored (June 9, 1790). Again and again, in 1790 and 1791, peasants burnt "
            "country-houses. A mutiny broke out at Nancy (August 31).",
            "August 31",
            "1790",
        ),
        (
            "In 1943 the strain placed on the economy in 1941 and 1942 was eased. In July-August it met.",
            "July-August",
            "1943",
        ),
    ):
        found = {w: v for w, v in values(text)}
        assert _values_of(found[day])[0][:4] == wanted, text


def test_a_day_named_as_a_laws_moves_the_year_forward_only():
    """ "the law of 7 August, 1934" in a text on 1932 brings it to 1934 (a law of the days it
    comes to); "the law of 7 August, 1929" there is a look back; "his article of March 1930"
    (no day) names another time whichever way it lies."""
    for law, wanted in (("7 August, 1934", "1934-08-11"), ("7 August, 1929", "1932-08-11")):
        text = f"In June 1932 he spoke. He supported the law of {law}. On 11 August he spoke again."
        found = {w: v.get("when") for w, v in values(text)}
        assert found["11 August"] == wanted, law
    text = "In June 1932 he spoke. His article of March 1933 was recalled. On 11 August he spoke again."
    assert dict(values(text))["11 August"]["when"] == "1932-08-11"


def test_a_later_date_inside_a_sentence_waits_for_the_next_date_to_say_whether_the_text_moved():
    """ "… endorsed it on 31 January 1937 with a cry" in a text on September 1936 looks
    ahead when the next date without a year follows September 1936 at once; it is where the
    text went when the next would lie before September ("On 10 March"), follows its month
    more closely, or another date confirms it."""
    opening = "In early September 1936 he wrote a letter. He endorsed it on 31 January 1937 with a cry. "
    found = dict(values(opening + "On 25 September he wrote again."))
    assert found["25 September"]["when"] == "1936-09-25"  # a look ahead: the text is back
    found = dict(values(opening + "On 10 March he wrote again."))
    assert found["10 March"]["when"] == "1937-03-10"  # March 1936 would go back
    text = "In March 1936 he wrote. He was appointed on 10 November 1937 and left. On 5 December he spoke."
    assert dict(values(text))["5 December"]["when"] == "1937-12-05"  # closer to November 1937
    found = dict(values(opening + "The plan, adopted in April 1937, was met. On 25 September he wrote again."))
    assert found["25 September"]["when"] == "1937-09-25"  # April 1937 confirms the move
    text = opening + "It was finally realized in 1940. On 25 September he wrote again."
    assert dict(values(text))["25 September"]["when"] == "1936-09-25"  # 1940 looks further still
    # From a year without a month, a later date inside a sentence moves the text as before.
    text = "In 1936 he wrote. He was appointed on 10 November 1937 and left. On 25 September he spoke."
    assert dict(values(text))["25 September"]["when"] == "1937-09-25"


def test_decades_in_words_take_their_century_from_the_context():
    """ "the thirties" after "the" is the 1930s in a text on 1936, the 1830s in one on 1836;
    "in his thirties" is an age, and with no year in context no century is said: no date."""
    text = "In May 1936 he left. In the early twenties he had lived modestly, and throughout the thirties."
    found = values(text)
    assert found[1:] == [
        ("early twenties", {"notBefore": "1920", "notAfter": "1923", "evidence": "internal"}),
        ("thirties", {"notBefore": "1930", "notAfter": "1939", "evidence": "internal"}),
    ]
    found = values("In 1836 the party of the mid-thirties was gone.")
    assert found[1] == ("mid-thirties", {"notBefore": "1833", "notAfter": "1837", "evidence": "internal"})
    assert values("In 1936 a man in his thirties left.") == [("1936", {"when": "1936"})]
    assert values("Parties of the thirties were gone.") == []
    # a decade that "the thirties to 1935" joins to a year takes that one's century
    assert values("From the late twenties to 1935 it grew.") == [
        ("late twenties to 1935", {"from": "1927", "to": "1935"})
    ]


def test_parts_of_a_decade_and_seasons_joined_by_and():
    """ "the end of the 1930s" is one date, a part of the decade as "the late 1930s" is;
    a season joined by "and" to a season that is a time is one too, unless a noun follows."""
    assert values("At the end of the 1930s he left.") == [
        ("end of the 1930s", {"notBefore": "1937", "notAfter": "1939"})
    ]
    assert values("in the second half of the 1920s") == [
        ("second half of the 1920s", {"notBefore": "1925", "notAfter": "1929"})
    ]
    assert values("the first quarter of the 1930s") == [("1930s", {"notBefore": "1930", "notAfter": "1939"})]
    found = [w for w, _ in values("In 1931 he left. During the spring and summer he wrote.")]
    assert found == ["1931", "spring", "summer"]
    found = values("The summer and autumn of 1930 were dry.")
    assert found[0] == ("summer", {"notBefore": "1930-06", "notAfter": "1930-08", "evidence": "internal"})
    assert [w for w, _ in values("In 1931, in the spring and summer campaigns, he wrote.")] == ["1931"]
    assert [w for w, _ in values("In 1931 a hot spring and summer came.")] == ["1931"]


def test_two_months_ending_a_sentence_and_a_month_run_into_its_year():
    """ "… the events of August–September." is one span though a full stop ends it; "in
    May1924", as text drawn from print runs words together, is May 1924."""
    found = values("In 1918 he referred to the events of August–September. Following that, he left.")
    assert found[1] == ("August–September", {"from": "1918-08", "to": "1918-09", "evidence": "internal"})
    assert values("The congress, in May1924, authorized it.") == [("May1924", {"when": "1924-05"})]


def test_a_year_that_opens_a_paragraph_sets_the_scene(tmp_path):
    """Iron Lazar, ch. 12: "In 1938 …" opening a paragraph moves the narrative back from 1939."""
    found = marked(
        '<div type="chapter"><p>In May 1939 Molotov replaced Litvinov.</p>'
        "<p>In 1938 the Soviet economy was gripped by a major fuel crisis. In October a joint "
        "Central Committee–Sovnarkom resolution was issued, mentioned in 1936.</p></div>",
        tmp_path,
    )
    assert found[2] == ("October", {"when": "1938-10", "evidence": "internal"})


def test_a_chapter_goes_on_from_the_one_before_and_no_year_comes_from_a_note(tmp_path):
    """Iron Lazar, ch. 2: a section goes on in its chapter's year; a note keeps to its own; a
    chapter after a chapter that told its time by dates without a year goes on in its year
    (Gardiner's chapters say no year at their head), unless its heading dates it later; not
    after one that dated a testimony (James); an introduction lends none to the first
    chapter; a part's chapters go on from its text; a letter starts with none."""
    found = marked(
        '<div type="introduction"><p>In 1996 his memoirs were published.</p></div>'
        '<div type="chapter"><p>On 2 May he was born. “It was about September, 1884, when I had it.”</p></div>'
        '<div type="chapter"><p>“One day in early spring I was alone.”</p></div>'
        '<div type="chapter"><head>Nizhnyi Novgorod</head>'
        '<p>In 1918 Kaganovich was sent to Nizhnyi.<note place="end" n="1">Pravda, 12 March 1937; '
        "the decree of 4 May.</note> On 26 May the committee co-opted him.</p>"
        '<div type="section"><head>The Red Terror</head><p>On 7 August Trotsky was appointed. '
        "On 30 August Lenin was shot.</p></div></div>"
        '<div type="chapter"><p>On 3 March the Treaty was signed.</p></div>'
        '<div type="chapter"><head>Civil War, 1919–1921</head><p>On 6 June it ended.</p></div>'
        '<div type="part"><p>In 1920 the war went on.</p><div type="chapter"><p>On 5 May it ended.</p></div>'
        '<div type="letter"><p>On 9 May I wrote.</p></div></div>',
        tmp_path,
    )
    assert found == [
        ("1996", {"when": "1996"}),
        ("2 May", {"when": "--05-02"}),  # the first chapter: not the introduction's 1996
        ("September, 1884", {"when": "1884-09"}),
        ("early spring", {"notBefore": "--03", "notAfter": "--05"}),  # not 1885: one testimony's year
        ("1918", {"when": "1918"}),
        ("12 March 1937", {"when": "1937-03-12"}),
        ("4 May", {"when": "1937-05-04", "evidence": "internal"}),  # the note's own year
        ("26 May", {"when": "1918-05-26", "evidence": "internal"}),  # not the note's 1937
        ("7 August", {"when": "1918-08-07", "evidence": "internal"}),  # the section goes on in 1918
        ("30 August", {"when": "1918-08-30", "evidence": "internal"}),
        ("3 March", {"when": "1918-03-03", "evidence": "internal"}),  # the next chapter too
        ("1919–1921", {"from": "1919", "to": "1921"}),
        ("6 June", {"when": "--06-06"}),  # its heading dated it later: which year?
        ("1920", {"when": "1920"}),
        ("5 May", {"when": "1920-05-05", "evidence": "internal"}),  # a chapter of a part
        ("9 May", {"when": "--05-09"}),  # a letter
    ]


def test_no_year_established_keeps_the_partial_value():
    assert values("On 16 October, the province conference") == [("16 October", {"when": "--10-16"})]


# ------------------------------------------------------------------ the scorer


def test_scorer_of_anchored_samples_counts_dates_values_inferred_years_and_orgs(tmp_path):
    tei = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p>In February 1943 the '
        '<orgName>Politburo</orgName> met. On <date when="1943-04-15" evidence="internal">15 April</date> '
        'and <date when="--05-02">2 May</date> the <date when="1943-06">end of June</date> came.</p>'
        "</div></body></text></TEI>"
    )
    (tmp_path / "ch01.xml").write_text(tei, encoding="utf-8")
    (tmp_path / "gold.txt").write_text(
        "@ 12\nIn {D February 1943|when=1943-02} the {O Politburo|?} met. On "
        "{D 15 April|when=1943-04-15 evidence=internal} and {D 2 May|when=1943-05-02 evidence=internal} the "
        "{D end of June|notBefore=1943-06-21 notAfter=1943-06-30 evidence=internal} came.\n",
        encoding="utf-8",
    )
    errors: list = []
    s, missing = evaluate.score_anchored(evaluate.parse_anchored(tmp_path / "gold.txt"), tmp_path, errors)
    assert missing == []
    assert s.prf("D", "exact") == (1.0, 0.75, pytest.approx(6 / 7))  # "February 1943" missed
    assert s.prf("O", "exact") == (1.0, 1.0, 1.0)
    assert s.accuracy("date value") == (1 / 3, 3)  # 15 April right; 2 May partial; end of June wrong
    assert s.accuracy("date inferred") == (1 / 3, 3)  # the gold says so of three, the edition of one
    assert sorted(e[0] for e in errors) == ["date value", "date value", "missed"]


def test_development_samples_of_the_bundled_book(sample_edition):
    """Paragraphs of Iron Lazar chosen for dates without a year and annotated by reading
    (tests/data/enrich/dates-dev, the sample the rules were tuned on): spans, and the year
    the narrative is in for most of them."""
    folder, _ = sample_edition
    blocks = evaluate.parse_anchored(Path(__file__).parent / "data/enrich/dates-dev/iron-lazar-dates.txt")
    s, missing = evaluate.score_anchored(blocks, folder)
    assert missing == [] and s.counts[("D", "gold")] >= 35
    assert s.prf("D", "exact")[2] >= 0.97
    assert s.accuracy("date value")[0] >= 0.72
    assert s.accuracy("date inferred")[0] >= 0.9


def test_gardiner_dates_his_events_in_parentheses():
    """Gardiner, The French Revolution: a month alone in parentheses is the date of what
    was told, and "the ensuing spring" the next one."""
    text = (
        "In 1792 the Prussians retreated to Coblentz (October). They prepared for offensive "
        "operations against the capital for the ensuing spring."
    )
    assert values(text)[1:] == [
        ("October", {"when": "1792-10", "evidence": "internal"}),
        ("ensuing spring", {"notBefore": "1793-03", "notAfter": "1793-05", "evidence": "internal"}),
    ]


def test_scorer_of_the_edition_compares_values_apart_from_their_evidence(tmp_path):
    """The older samples name no evidence: a year the edition inferred and the gold gives
    is a right value, and counts apart as an inferred year the gold does not state."""
    (tmp_path / "one.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p>In 1918 and on '
        '<date when="1918-05-26" evidence="internal">26 May</date>.</p></div></body></text></TEI>',
        encoding="utf-8",
    )
    (tmp_path / "gold.txt").write_text("@ one.xml p 1\nIn 1918 and on {D 26 May|when=1918-05-26}.\n")
    s = evaluate.score(evaluate.parse_gold(tmp_path / "gold.txt"), tmp_path)
    assert s.accuracy("date value") == (1.0, 1)
    assert s.accuracy("date inferred") == (0.0, 1)


# ------------------------------------------------------------------ texts passed over


def test_every_date_holds_what_the_pass_looks_for_first():
    """`find_dates` passes over a text in which `may_hold_dates` sees no digit, month,
    season, "century" or decade in words: sound only if every span the date pattern matches holds one. Each
    match of the pattern (English months and the Russian pack's, with and without
    centuries) over the bundled book and the date samples is checked, and a text without
    any is checked to find nothing."""
    root = Path(__file__).resolve().parent.parent
    months = tuple(load_profile(root / "sources" / "iron-lazar.toml").months)
    texts = [(root / "sources" / "iron-lazar.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests/data/enrich/dates-dev").glob("*.txt"))]
    texts.append(
        "the following spring, in mid-July 1936, late in the nineteenth century; aprelya 1937; 4-5 May; the thirties"
    )
    checked = 0
    for own in ((), months):
        for centuries in (False, True):
            for text in texts:
                for m in dates._pattern(own, centuries, centuries).finditer(text):
                    assert dates.may_hold_dates(m.group(), own), m.group()
                    checked += 1
    assert checked > 1000
    assert not dates.may_hold_dates("The early days were the best, Ernest said.")
    assert dates.may_hold_dates("on the \u0664th") and dates.may_hold_dates("yanvarya", ("yanvarya",))
    assert dates.find_dates("The early days were the best, Ernest said.", dates.YearContext()) == []


def test_the_article_of_an_ordinal_day_and_of_the_year_belongs_to_the_date():
    """ "the 13th May, 1919", "the 15th day of March, 1893" and "the year 1808" are the dates
    whole, their words with them; "the" before a day written without an ordinal's ending
    ("the 5 May 1920") or before a year alone ("the 1808 act") is not."""
    text = (
        "Signed on the 13th May, 1919, and sworn on the 15th day of March, 1893; the importation"
        " ends in the year 1808. The 30th of July passed, and so did the 5 May 1920; the 1808 act stands."
    )
    assert [text[s:e] for s, e, _ in dates.find_dates(text)] == [
        "the 13th May, 1919",
        "the 15th day of March, 1893",
        "the year 1808",
        "The 30th of July",
        "5 May 1920",
        "1808",
    ]


def test_a_day_in_words_is_a_date_with_its_month():
    """A month's day written as an ordinal in words, before "of" (or verse's "o'") and a
    month's name or after the name, is a date as "the 24th of June" is, "the" inside
    (real lines of Gilman's story and of Burns's verse epistles and songs); an ordinal of
    anything else is none ("The first of my performances", Burns's note; "the first of
    human kind")."""
    cases = [
        ("Well, the Fourth of July is over! The people are gone", [("the Fourth of July", {"when": "--07-04"})]),
        (
            "Tarbolton, twenty-fourth o' June, Ye'll find me in a better tune;",
            [("twenty-fourth o' June", {"when": "--06-24"})],
        ),
        ("I, Rhymer Robin, alias Burns, October twenty-third,", [("October twenty-third", {"when": "--10-23"})]),
        ("[Footnote 1: The first of my performances.--R. B.]", []),
        ("The first of my loves was a swaggering blade,", []),
        ("Might charm the first of human kind.", []),
    ]
    for text, expected in cases:
        assert values(text) == expected, text


def test_a_month_in_the_possessive_before_a_noun_is_a_date():
    """A month's own weather, in Burns's verse ("When chill November's surly blast", "An'
    bleak December's winds ensuin"), is the month; a month in the possessive after a
    capitalised word, or one that is a forename too, may be someone's ("Aunt May's")."""
    assert values("When chill November's surly blast Made fields and forests bare,") == [("November", {"when": "--11"})]
    assert values("An' bleak December's winds ensuin, Baith snell an' keen!") == [("December", {"when": "--12"})]
    assert values("They dined at Aunt May's house; June's letter came.") == []


def test_a_dateline_with_a_comma_between_month_and_day():
    """Burns's "Elegy On The Year 1788" is dated "January, 1, 1789.": the month, its day and
    the year, a comma after each; with no year after it, "in January, 1 man" is no day."""
    assert values("January, 1, 1789.") == [("January, 1, 1789", {"when": "1789-01-01"})]
    assert values("Ellisland, in January, 1 man came") == [("January", {"when": "--01"})]


def test_a_day_in_words_takes_its_year_from_the_text_or_its_own():
    """ "the thirty-first of December, 1786" gives its year; "On the twenty first of April" in a
    text on February 1786 takes 1786, as "On 21 April" would; "June the first, 1787" the
    month before."""
    text = (
        "In February 1786 the poems went to press. On the twenty first of April he left, and on the"
        " thirty-first of December, 1786, he was in Edinburgh; June the first, 1787, saw him home."
    )
    assert values(text)[1:] == [
        ("the twenty first of April", {"when": "1786-04-21", "evidence": "internal"}),
        ("the thirty-first of December, 1786", {"when": "1786-12-31"}),
        ("June the first, 1787", {"when": "1787-06-01"}),
    ]


def test_the_scan_at_word_starts_finds_what_the_pattern_finds():
    """`_scan` tries the date pattern only where a word a date may begin with begins a word:
    sound only if it finds the very matches `finditer` finds. Checked over the bundled book
    and the date samples, paragraph by paragraph as the pass reads them, with English months
    and the Russian pack's (whose names hold apostrophes), with and without centuries and
    decades; and a text holding a digit of another script is scanned whole. So too the dates
    run into a preposition ("On16 May"), sought where the automaton found a digit (`_glued`, and
    `_scan` as it reads the words), and the test for a decade in words, sought by "ties"."""
    root = Path(__file__).resolve().parent.parent
    months = tuple(load_profile(root / "sources" / "iron-lazar.toml").months)
    texts = [(root / "sources" / "iron-lazar.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests/data/enrich/dates-dev").glob("*.txt"))]
    texts.append(
        "the following spring, in mid-July 1936, late in the nineteenth century; aprelya 1937; dekabr'1927;"
        " 4-5 May; the early thirties; x1917 _1918; On16 May 1919; by1921, abby1922; the Twenty-fourth o' June, October"
        " twenty-third, 1786; the fifteenth day of March; Ninth of May; the twenty-first of June, thirty first"
        " o' May, the Twenty second day of July, twentyfirst of May, the first of his friends"
    )
    paragraphs = [p for text in texts for p in text.split("\n\n")]
    found = glued = 0
    for own in ((), months):
        for centuries in (False, True):
            for decades in (False, True):
                pattern = dates._pattern(own, centuries, decades)
                starts = dates._date_starts(own, centuries, decades)
                assert starts is not None
                for text in paragraphs:
                    expected = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
                    words = starts.find_matches_as_indexes(text)
                    filled: list[int] = []
                    scanned = [(m.span(), m.lastgroup) for m in dates._scan(pattern, text, words, filled)]
                    assert scanned == expected, text
                    found += len(expected)
                    # the dates run into a preposition, found where the automaton found digits
                    # (by `_glued`, and by `_scan` among the words it passes over)
                    glued_expected = [g.start() for g in dates._GLUED.finditer(text)]
                    assert dates._glued(text, words) == glued_expected == filled, text
                    glued += len(glued_expected)
    assert found > 4000
    assert glued >= 4  # "On16 May 1919" and the bundled book's own, for each of the 4 patterns
    # the test for a decade in words, sought by "ties": the same texts as `\b(?:thirties|...)\b`
    decade_word = re.compile(rf"\b{dates._DECADE_WORD}\b")
    holding = [text for text in paragraphs if decade_word.search(text)]
    assert holding and all(dates._HOLDS_DECADE_WORD.search(text) for text in holding)
    assert not any(dates._HOLDS_DECADE_WORD.search(text) for text in paragraphs if text not in holding)
    assert not dates._HOLDS_DECADE_WORD.search("the parties, the authorities, the mid-thirtiesque")
    assert dates._date_starts((".mai",), False, False) is None  # a name that begins no word: scanned whole
    # a digit of another script begins no word the automaton knows: such a text is scanned whole
    assert dates.find_dates("on \u0664 May 1919") == [(3, 13, {"when": "1919-05-04"})]


@pytest.mark.parametrize(
    "sentence, years",
    [
        ("After 1933 membership fell sharply.", ["1933"]),  # "membership" is no count of members
        ("In 1921 peasantry and workers alike went hungry.", ["1921"]),
        ("There were 1933 members present.", []),  # a count
        ("About 1920 per cent of the plan.", []),
        ("In all 1917 workers' deputies signed.", []),
    ],
)
def test_a_year_before_a_word_that_only_begins_like_a_counted_noun(sentence, years):
    """A number before a counted noun ("members", "workers", "per cent") is a count, not a
    year; a word that only begins like one ("membership", "peasantry") leaves it a year."""
    assert [attrs["when"] for _, _, attrs in dates.find_dates(sentence)] == years


def test_the_year_before_an_early_number_makes_it_a_year():
    """ "In the year 1685" names a year before 1700 as "in 1685" does, its words with it; "the
    year" before no number, or a sum after "of", is none."""
    assert values("In the year 1685, the state of Genoa having offended the king.") == [
        ("the year 1685", {"when": "1685"})
    ]
    assert values("A fine of 1500 crowns, paid in the year of grace.") == []


def test_the_present_century_is_the_century_of_the_year_in_context():
    """ "the present century" in a text on 1787 is the eighteenth (1701-1800), on 1836 the
    nineteenth; with no year in context no century is said, and so no date."""
    found = values("In October 1787 the paper appeared. In the early part of the present century there was a rage.")
    assert found[-1] == ("the present century", {"notBefore": "1701", "notAfter": "1800", "evidence": "internal"})
    assert values("In 1836 the mills of the present century grew.")[-1][1] == {
        "notBefore": "1801",
        "notAfter": "1900",
        "evidence": "internal",
    }
    assert values("The civilized women of the present century are vain.") == []


@pytest.mark.parametrize(
    "sentence, months",
    [
        ("The times of election vary between extremes as wide as March and November. The", []),
        ("The elections are held in March and November each year.", ["March", "November"]),
        ("It sat between April or May and the autumn.", ["April", "May"]),
    ],
)
def test_a_month_joined_to_another_is_a_date_as_that_one_is(sentence, months):
    """A month after "and" or "or" is a date where the month before it is one ("in March and
    November"), none where nothing makes that one a date ("as wide as March and November")."""
    assert [words for words, _ in values(sentence)] == months


def test_dates_read_with_one_reading_for_every_text_are_those_read_afresh():
    """`find_dates` with one `Reading` for every text (what the pass does: its automata and
    patterns, for texts with a century or not and a decade in words or not, each taken once)
    against `find_dates` making its own for each text: the same dates, and the same years
    lent, over the bundled book and the date samples, paragraph by paragraph, with the
    Russian pack's months and a cue, and with neither."""
    root = Path(__file__).resolve().parent.parent
    months = load_profile(root / "sources" / "iron-lazar.toml").months
    texts = [(root / "sources" / "iron-lazar.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests/data/enrich/dates-dev").glob("*.txt"))]
    paragraphs = [p for text in texts for p in text.split("\n\n")]
    kinds = set()
    for own, cues in (({}, ()), (months, ("frae",))):
        reading = dates.Reading(own, cues)
        afresh, once = dates.YearContext(own), dates.YearContext(own)
        for k, text in enumerate(paragraphs):
            expected = dates.find_dates(text, afresh, k % 2 == 0, own, cues)
            assert dates.find_dates(text, once, k % 2 == 0, reading=reading) == expected, text
            assert (once.year, once.month) == (afresh.year, afresh.month)
            kinds.add(("century" in text, "ties" in text))
    assert len(kinds) == 4  # texts of every kind, each read with the automaton and pattern of its own
