"""Dates: `date` for calendar expressions, with ISO 8601 values.

  23 November 1893       when="1893-11-23"
  August 1911            when="1911-08"        (also "August, 1911", "August of 1911", and
                                                  "August1911" as text taken from print runs
                                                  words together)
  July 14, 1789          when="1789-07-14"        (American order; October 17–31, 1961 a range;
                                                  "January, 1, 1789" with the year)
  the 14th of July 1789  when="1789-07-14"        ("the" belongs to the day, and is inside;
                                                  also "the 15th day of March, 1893")
  the twenty-fourth of June  when="--06-24"       (a day in words, one to thirty-one: "the first
                                                  of May", "the thirty-first of December, 1786",
                                                  "the fifteenth day of March", "twenty-fourth
                                                  o' June" — "o'" is "of" as English verse and
                                                  dialect write it —, "June the twenty-fourth",
                                                  "October twenty-third"; "the" inside, as with
                                                  "the 14th of July"; without "of" and a
                                                  month's name an ordinal is none: "the first of
                                                  his friends", and "the twentieth of the month"
                                                  names a month the text does not: no date)
  20-29 November 1936    from="1936-11-20" to="1936-11-29"
  September–October 1936 from="1936-09" to="1936-10"
  dekabr' 1927           when="1927-12"           (month names a profile pack gives: russian.toml)
  early July 1921        notBefore="1921-07-01" notAfter="1921-07-10"  (mid: 11-20, late: 21-end;
                                                  also "early in April", "late in May")
  end of August 1921     notBefore="1921-08-21" notAfter="1921-08-31"  (beginning/start, first
                                                  or early part, first days: 1-10; middle:
                                                  11-20; end, latter or last part, last days:
                                                  21-end; first half: 1-15, second/latter
                                                  half: 16-end; of a year, a part is a third:
                                                  "the first part of 1919" 01-04)
  3-5 March 1921         from="1921-03-03" to="1921-03-05"
  1904-5, 1893-1917      from="1904" to="1905"
  early 1914             notBefore="1914-01" notAfter="1914-04"   (mid/middle: 05-08, late:
                                                  09-12; beginning/start of: 01-03, end of:
                                                  10-12; early/first months of, first quarter
                                                  of: 01-03; first half: 01-06, second/latter
                                                  half: 07-12)
  late in 1914           notBefore="1914-09" notAfter="1914-12"   (early or late in a year: as
                                                  early or late before it)
  From 1938 until 1941   from="1938" to="1941"    (two dates joined by to, until, till or a dash
                                                  are one span: "December 1944 until March
                                                  1947", "1 to 5 April 1935"; so are two
                                                  joined by "and" after "between": "between
                                                  July 1937 and August 1938")
  from May until the end of July  from="1928-05" to="1928-07"  (a part of a month at one
                                                  end, a month at the other: the ends are told
                                                  in months)
  the night of 4 March 1953  when="1953-03-04"    (night, morning, evening, afternoon of a day)
  the 1890s, mid-1930s   notBefore="1890" notAfter="1899", notBefore="1933" notAfter="1937"
                                                  (early: 0-3, mid: 3-7, late: 7-9)
  end of the 1930s       notBefore="1937" notAfter="1939"  (beginning/start, middle, end as
                                                  early, mid, late; first half: 0-4, second
                                                  or latter half: 5-9)
  spring 1932            notBefore="1932-03" notAfter="1932-05"  (summer 06-08, autumn/fall
                                                  09-11, winter 12 to 02 of the next year)
  early spring of 1919   notBefore="1919-03" notAfter="1919-05"  (early, mid or late does not
                                                  narrow a season; without a year, only after
                                                  in, during, by, until, since, that or the, and
                                                  not before a noun: "the late summer sun")
  the first six months of 1919  from="1919-01" to="1919-06"  (the last three months: 10 to 12)
  winter of 1942–43      notBefore="1942-12" notAfter="1943-02"
  the turn of 1929–30    notBefore="1929-12" notAfter="1930-01"
  1929                   when="1929"
  since 1273, in 1306    when="1273"              (a year before 1700 only after in, of, since, by,
                                                  from, until, till, about, after, before,
                                                  between, circa, born, died or "the year" —
                                                  "In the year 1685", its words with it —, or
                                                  after a year and "to" or "and" ("from 1494
                                                  to 1500", "in 1502 and 1503"), and not
                                                  before a noun: "of 1500 livres" is a sum; or
                                                  after a comma, ending a list's item before
                                                  a semicolon: "Il Principe, 1513;", or the
                                                  list's last before its full stop: "…;
                                                  Frammenti storici, 1525."; not "Dokumenty,
                                                  1005.", a page)
  1512–17, 1469–94       from="1512" to="1517"    (a range of years before 1700 too, not after a
                                                  page's or a volume's word, nor a slash or
                                                  before one ("89/1009/62" is a file), nor
                                                  before a count; the word joiners Standard
                                                  Ebooks sets round a dash are part of it:
                                                  "1782–5")
  April 1302, (1260)     when="1302-04"           (a year before 1700 also after a month's name:
                                                  "In April, 1302", "(February 1513)", not
                                                  before a count, "in March 1200 soldiers"; alone
                                                  in brackets after a word: "a clever poet of the
                                                  day (1260)", not "note (1260)"; after born or
                                                  died, in or at and a place's name: "born in
                                                  Bologna 1438, died at Milan 1508"; before
                                                  "between": "made in 1508 between the powers";
                                                  after "anno": "fought anno 1448"; after "year"
                                                  or "year," whatever follows: "In this year
                                                  1294 died", "in the same year, 1285."; between
                                                  a citation's commas before its pages:
                                                  "London, 1699, pp. 269")
  until 656, the year 945  when="0656"            (a year of three digits after "the year" — not
                                                  "under the year 637", a chronicle's entry —, or
                                                  after since, until or till where a stop, a
                                                  comma or the text's end follows: "until 300
                                                  men came" is none; with its era, `eras`)
  the tenth century      notBefore="0901" notAfter="1000"  (as the calendar counts; early: 01-33,
                                                  mid/middle: 34-66, late/later: 67-00; it
                                                  establishes no year and leaves the context's)
  middle of the nineteenth century  notBefore="1834" notAfter="1866"  (beginning/start,
                                                  first or early part: 01-33; middle: 34-66;
                                                  end, latter or last part: 67-00; halves and
                                                  quarters what they say; "the" before the
                                                  part outside, as with a month's)
  the present century    notBefore="1701" notAfter="1800" evidence="internal"  (the century of the
                                                  year in context, 1787 here; without one no
                                                  century is said, and it is no date)
  the early thirties     notBefore="1930" notAfter="1933" evidence="internal"  (a decade in
                                                  words, after "the" only: "in his thirties" is
                                                  an age; its century is the context year's,
                                                  and without one it is no date; it establishes
                                                  no year)

A month or season alone is a date only after a word that makes it one ("in March", "by
September", "the mirk night o' December" — "o'" is "of" elided —, "(December)", "that summer", "the following February", "the ensuing spring")
or before a common noun it dates ("the October seizure of power", "Kerensky's June
offensive", "on a March day" — a March of no year in particular, which takes none from the
context; not "the October Revolution", an event's name) or in the possessive before one
("chill November's surly blast", "bleak December's winds"; not "April's", "May's", "June's",
forenames too, nor after a capitalised word: "Aunt May's"); a season also after another
that such a word makes one ("during the spring and summer") or before "and" and a dated
one ("the summer and autumn of 1930"), not when a noun follows the two ("the spring and
summer campaigns"); a month joined by "and" or "or" to one before it is a date where that
one is ("in March and November"), not where no word makes it one ("as wide as March and
November": the months of any year), nor in a comparison ("like a flow'r in May", "as sweet
as the blossoms in May", "as … as a rose in the spring": any year's), nor named with an
epithet ("the merry month of May"), nor after a word of the seasons' recurring things and
"in", "of" or "o'" (a profile's `[dates] figures`: "a flower that blooms in May", "newly
sprung in June", "kissin's sweet in May", "the pride of May", "blight in early spring"), nor
after a possessive ("in thy early May": a life's spring; not "his June offensive", before
the noun it dates). A date that alone fills a quotation is a name quoted,
a tune's or a song's (Tune--“Seventh of November.”), not a time. A bare number is a year only
between 1700 and 2099 (from 1000 after a day and a month: "born on 3rd May 1469"; earlier
ones where the words round them say so, as above: "in 1306", "1512–17", "until 656"), and not
when it is a volume, page, archival file, note's number or count
("vol. 1923", "see note 1986", "1917 workers"). Ages, durations and ordinals ("13 years of age", "XV
Party Congress") contain no month or year and so are never matched.

Years from context. A date the text gives without a year ("15 April", "in June",
"early April", "the 20th of June", "that summer") takes the year the text establishes,
and says so with `evidence="internal"` (TEI att.editLike, of which `date` is a member:
the evidence for the value is within the text):

  In February 1943 … On 15 April …      when="1943-04-15" evidence="internal"

- The year is that of a dated expression it is joined to as one range: "from 10 April
  to 15 May 1943" (one span, its year in its own words), "April and May 1943" (two
  dates: "April" takes 1943 from the second).
- Else it is the latest year established earlier in the same chapter (its headings and
  sections included): earlier in the sentence, else in the paragraph, else in the
  chapter's preceding paragraphs — that is, the latest one read. A date with one
  year establishes it ("August 1911", "spring 1932"); a span of months across a year's end
  establishes the year it ends in ("winter of 1942–43": 1943, as "February 1943" would);
  other dates spanning years ("1904–5", "the 1890s", "in 1790 and 1791": two years alone
  joined by "and" read as one span) establish none and end the earlier year's reach when
  they begin after it: the text has moved on without saying where; one that begins at or
  before the year established leaves it ("In February 1936 Pravda hailed 1935–36 as …",
  "since the early 1920s": the text looks back or round and stays). So does a span of
  months across years that begins at or before the month established ("Between July 1937
  and August 1938 Kaganovich … signed 38 decisions" in a text on the summer of 1937); one
  inside a sentence that begins later in the year established brings the text to its start,
  not its end ("… preparing the railways for the winter 1938–39" in a text on 1938: "On
  15–17 November" is 1938's). Two dates joined by
  "and" the first of which takes its year from the second ("between 9 April and 30 December
  1938") bring the text to the second from the first's month.
- What establishes no year: a date inside parentheses, an aside ("(born 1893)",
  "(1893–1991)", "(established in March 1918)") — unless it opens them and gives its
  month: "(May 4, 1795)", "(February, 1794)" is how some histories date what they tell;
  a date after "of", "since" or "until", which names when
  something else was ("the treaty of 1756", "his article of March 1930", "since 1905",
  "until September 1919", "till the spring of 1797"; not "the first months of 1933", "the
  course of 1937") — but a
  day's date there that lies up to two years ahead ("the law of 7 August 1934" in a text on
  1932) brings the text to it, as the decrees of the days it tells about do; a date
  whose year was itself inferred, unless the text moved it ("the following February").
  A year alone (no month) moves the narrative only forward, and by little: by a year
  at most inside a sentence ("… finally realized in 1940" in a paragraph on 1936 looks
  ahead), by up to 20 when it opens a sentence; a year alone before the one established
  looks back ("In 1756 …" in a chapter on 1792) and the narrative goes on where it was.
  In a text that has come to a month, a year alone inside a sentence that it ends or that
  says when something was done looks ahead ("Khrushchev was assigned to Ukraine in 1938."
  in a text on the summer of 1937: a text told by months names the month it moves to),
  not one that more of its sentence follows ("The harvest in 1935 was good and in
  September …" in one on November 1934).
  A year alone that opens a paragraph ("In 1938 the economy …") sets the scene and
  always moves it, and so does a date with its month ("On 5 March 1940 …"): events are
  dated that way, references to other times seldom — but not one that lies before the
  month established and ends its sentence ("… his speech to the conference in June 1917."
  in a text on January 1918) or follows a past participle or past tense and "in" or "on"
  ("Stalin's target, set in July 1935, …" in a text on February 1936; "The year I. began on
  September 22, 1792, …" in one on October 1793; a named agent may stand between: "The
  warnings issued by the Central Committee (i.e. by Stalin himself) in July 1936 …" in one
  on February 1937, not "reinforced by the passage in the President's speech before
  Congress on February 11, 1918", the passage's date), or ends a phrase set off by commas
  that says more than when, and lies up to a year before the year established ("The
  policy, one of the issues behind the rift with the Left SRs in July 1918, alienated …"
  in a text on March 1919; not "…, in June 1794, the Prussians …", the clause's own time):
  such a date recalls when something was;
  nor one, wherever it stands but at a paragraph's head, in a sentence in the pluperfect
  ("In February 1793 the Convention had determined …", "Frankfort had been stormed by the
  Prussians (December 2, 1792)" in a text on 1793): "had" puts it before the narrative's time.
  A date with its month inside a sentence that lies in a later year than the year and
  month established ("… publicly endorsed this view on 31 January 1937 with …" in a text
  on September 1936) may look ahead or move the text on: the next date without a year
  says which. It stays in the year established when it follows that month more closely
  than the later one ("On 25 September": 1936); it takes the later year when it would lie
  before the month established ("On 10 March": 1937) or follows the later month as closely
  or more; a date with a year at or past the later one, within a year alone's reach of it,
  confirms the move ("the plan, adopted in April 1937"; not "… realized in 1940").
- A chapter that follows a chapter goes on in the year and month the one before ended in,
  when that one told its time by dates without a year (three or more took its year): a
  history told in order seldom says the year again at a chapter's head ("The departments
  accepted passively the results of the insurrection of August 10." opens a chapter after
  one that ended in August 1792), while a book that dates a testimony here and there does
  not run on ("about September, 1884" in one of James's lectures says nothing of the
  "early spring" in the next); a chapter's heading that dates it with a span beginning
  after that year ends its reach ("Chapter 4 Ukrainian Party Boss, 1925–1928" after a
  chapter that ended in 1924). Any other top-level division of front, body and back (a
  preface, an introduction, an appendix), the first chapter after one, and each letter
  start with none; a section goes on with the text of its chapter before it (a new section
  seldom says the year again), and a part's chapters with the part's text and each other
  — but a poem (a division holding verse) under a heading that is a year alone starts with
  none: a collection grouped by the year of writing ("1784" over "Man Was Made To Mourn")
  dates the poems, not what they tell ("When chill November's surly blast" is `--11`); a
  dated title of the poem's own ("To A Mouse, … November, 1785") gives its year. The
  poem's own title, prose and datelines (all but its verse) date its writing and read in
  the heading's year ("Song Composed In August" under "1783" is 1783-08; "Beelzebub. June
  1st" under "1786", 1786-06-01), as moved by their own dates, which the verse goes on in.
  (Words that open a paragraph are those after a margin note that stands first: the note,
  "♦The 20th June.♦", is not running text.) Each note starts with none too: a note takes
  years from its own text only, and running text never from a note (a citation's year is
  not the narrative's).
- "winter" alone takes no year from context: it spans two, and the context does not say
  which two ("winter of 1942–43", "the following winter" do). "The following winter" (a
  date the text moves the year of) brings the text to its start, December, not its end.
- Which year: the context's, where the month lies in it up to five months before the
  context's month ("In November 1932 … in June" is June 1932); half a year or more before
  it, the next year's: a narrative goes forward ("… (December 2, 1792) … (March 9)" is
  March 1793; "On 29 November 1928 … in December … On 4 March" is March 1929). A day's
  or a month's date put in the next year so brings the text there ("… (October, 1791) …
  In April the Belgian frontier was crossed … (June 6)" is June 1792, not 1791); a
  season's does not, nor one after a past participle ("the law passed in the spring"):
  they recall. A date followed by "of the preceding (previous) year" lies in the year
  before the context's, by "of the following (next, ensuing) year" in the year after
  ("Bailly had resigned office in the autumn of the preceding year" in a text on 1792). A
  day's or month's date that ends a relative clause in the pluperfect with its own subject
  ("which he had presented …", "what they had been …") lies before the
  month established, in the year before when its month comes later, and the text goes
  back to it ("… his ideas … which he had presented to the province party conference in
  October. On 11 December …" in a text on September 1919: October and December 1918; not
  "after the shafts had been inspected in April", a sequence, nor "… of August 10"). The
  context's month is counted from the first month of the date that established it when
  that spans months ("From January to September 1919 … in February" is February 1919).
  "The following / next February" is the first February after the context's month (the
  next year when the context gives no month), "the previous / preceding December" the last
  one before.
- No year established: the value stays without one — `--MM-DD`, `--MM` — unless a date
  later in the same text writes its month and year, up to five months after it: the text
  comes to that date from it ("during the latter part of October … until Christmas … (this
  was January 7, 1881)": October and December 1880, `evidence="internal"`; a feast's day,
  which takes no year from context, takes one so too).
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs
from lxml import etree

from ..context import Context
from ..tei import TEI_NS, local, make_in
from ..textnodes import text_slots, wrap, wrap_slots, wrap_slots_at
from . import eras
from .matching import REGIONS, SKIP, TEXT_SLOTS, marked_text_by_units, regions

MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
MONTHS.update(
    {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    }
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
_YEAR = r"(?:1[7-9]\d\d|20\d\d)"
# A year after a day and a month ("3rd May 1469", "May 3, 1469"): any from 1000, the day and the
# month making the number a year, where one alone might be a count ("1500 men"; not "on 3 May
# 1500 men marched", a count after all)
_DATED_YEAR = r"(?:1\d\d\d|20\d\d)"
# (a word joiner on either side of a dash, as Standard Ebooks sets one: "1782\u2060–\u20605")
_DASH = r"\u2060?\s?[-–—]\s?\u2060?"
_ORD = r"(?:st|nd|rd|th)?"  # "30th of July"
_PART = {
    "early": (1, 4),
    "beginning": (1, 4),
    "start": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "end": (9, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "first half": (1, 6),
    "second half": (7, 12),
    "latter half": (7, 12),
    "early months": (1, 3),
    "first months": (1, 3),
    "last months": (10, 12),
    "first quarter": (1, 3),
    "second quarter": (4, 6),
    "third quarter": (7, 9),
    "last quarter": (10, 12),
    "first part": (1, 4),  # a part of a year: a third of it
    "early part": (1, 4),
    "latter part": (9, 12),
    "last part": (9, 12),
    "first days": (1, 1),
    "last days": (12, 12),
}
# "The end of 1932", "the beginning of 1933": narrower than "late 1932", "early 1933".
_EDGE_OF_YEAR = {"beginning": (1, 3), "start": (1, 3), "end": (10, 12)}
# The days of a month's part (0: its last day).
_MONTH_PART = {
    "early": (1, 10),
    "beginning": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, 0),
    "end": (21, 0),
    "first half": (1, 15),
    "second half": (16, 0),
    "latter half": (16, 0),
    "first part": (1, 10),  # a part of a month: a third of it
    "early part": (1, 10),
    "latter part": (21, 0),
    "last part": (21, 0),
    "first days": (1, 10),
    "last days": (21, 0),
}
_DECADE_PART = {"early": (0, 3), "mid": (3, 7), "late": (7, 9)}
# "The beginning of the 1930s", "the second half of the 1920s": parts of a decade, the first
# three as early, mid and late.
_EDGE_OF_DECADE = {
    "beginning": (0, 3),
    "start": (0, 3),
    "middle": (3, 7),
    "end": (7, 9),
    "first half": (0, 4),
    "second half": (5, 9),
    "latter half": (5, 9),
}
# What a number counts: whole words ("1933 membership" is a year, "1933 members" a count).
_COUNTED = (
    r"(?:(?:tons?|tonnes|people|persons|men|women|workers|members|delegates|roubles|rubles|"
    r"kilometres|km|miles|copies|votes|peasants|households|deaths|cases|per)\b|%)"
)
# Years before 1700 only after a word that makes a number a year ("in 1306", "since 1273"),
# and not before a lower-case word other than these ("of 1500 livres" is a sum).
_OLD_YEAR_CUE = (
    "(?:"
    + "|".join(
        rf"(?<=\b{w}\s)"
        for w in (
            *("in", "In", "of", "since", "Since", "by", "By", "from", "From", "until", "Until", "till", "Till"),
            *("about", "About", "after", "After", "before", "Before", "between", "Between", "circa"),
            *("born", "Born", "died", "Died"),  # "born 1462, died 1515": a life's years
            *("anno", "Anno"),  # "fought anno 1448": Latin "in the year"
        )
        + ("year",)  # "in the year 1685"
    )
    # the second of two years joined by "to" or "and" ("from 1494 to 1500", "in 1502 and 1503")
    + r"|(?<=\b1[0-6]\d\d\sto\s)|(?<=\b1[0-6]\d\d\sand\s)"
    + ")"
)
# A year of a list's item, after its comma, that ends the item before the next: "Il Principe,
# 1513;", "Clizia, comedy in prose, 1515 (?);" (works and their years, battles and theirs:
# "Vaila, 1509;"); not before a full stop, where a page or a line of a citation ends as often
# ("Dokumenty, 1005.", "Supplices, 1110."), unless it ends a list whose items before it end
# so (`_LISTED_YEAR_BEFORE`): "…; Frammenti storici, 1525.".
_CLOSES_LISTED_YEAR = r"(?=;|\s\(\?\);)"
# An item of a list ended by its year before a semicolon ("Il Principe, 1513;", "Istorie
# fiorentine, 8 books, 1521–5;"), looked for in the characters before a year that ends a list
_LISTED_YEAR_BEFORE = re.compile(r",\s1[0-6]\d\d(?:\u2060?[-–]\u2060?\d{1,4})?(?:\s\(\?\))?;\s")
_LISTED_YEAR_REACH = 300
# Years of three digits ("until 656", "the year 945") only after "the year" ("ch. 32, year
# 607", "ch. 39 under the year 637" cite a chronicle's entry, of an era the chronicle sets and
# the text does not say), or after since, until or till
# where a stop, a comma or the text's end follows ("in 300 places", "until 300 men came" are
# none).
_ANCIENT_YEAR_CUE = (
    "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("since", "Since", "until", "Until", "till", "Till")) + ")"
)
_AFTER_OLD_YEAR = (
    r"(?:and|or|to|the|he|she|it|they|we|i|his|her|its|their|there|when|while|was|were|had|"
    r"a|an|in|on|at|by|for|with|that|which|who|but|as|until|till|between)"
)
# A year before 1700 after a month's name, written out ("in April 1302", "In April, 1302",
# "(February 1513)"): the month makes the number a year, as a day and a month do, unless what
# follows makes it a count ("in May 1500 men marched", "March 1200 soldiers": a lower-case word
# not of `_AFTER_OLD_YEAR`) or a number's part ("May 1,500"). Not after a month's abbreviation
# ("Dec. 1150" may be a reference's), the month's last letter just before it, or a space or a
# comma and a space.
_OLD_MONTHS_YEAR = (
    r"(?:(?<=[a-z])|(?<=[a-z]\s)|(?<=[a-z],\s))1[0-6]\d\d\b"
    rf"(?![,.]\d|\s?{_COUNTED}|\s(?!{_AFTER_OLD_YEAR}\b)[a-z])"
)
# A year before 1700 the pattern matches after any word, for `_acceptable` to take where the
# words round it make it one (`_alone_in_brackets`, `_BORN_OR_DIED_AT_BEFORE`): after a word and
# a space, or a comma and a space, or an opening bracket; not before a dash or a slash (the
# first year of a range, "1512–17", which the range's branch reads), nor before what makes it
# a count or a number's part, as `_OLD_MONTHS_YEAR`.
_OLD_YEAR_AFTER_WORD = (
    r"(?:(?<=\w\s)|(?<=\w,\s)|(?<=\s\()|(?<=\s\[))(?P<y24>1[0-6]\d\d)\b"
    rf"(?![,.]\d|\s?{_COUNTED}|\s(?!{_AFTER_OLD_YEAR}\b)[a-z]|\u2060?\s?[-–—/])"
)
# After "year" or "year," a number before 1700 is the year's whatever word follows: "In this
# year 1294 died in Florence a worthy citizen", "all died in the same year, 1285." (tried before
# the branches of a list's year, which a comma before opens too).
_OLD_YEAR_AFTER_YEAR = r"(?:(?<=\byear\s)|(?<=\byear,\s))(?P<y25>1[0-6]\d\d)\b(?![,.]\d|\u2060?\s?[-–—/])"
# "London, 1699, pp. 269, 270": a year between the commas of a citation, before its pages.
_PAGES_AFTER = re.compile(r",\spp?\.\s?\d")
# "born in Bologna 1438, died at Milan 1508": a year after "born" or "died", "in" or "at" and a
# place's capitalised name (one to three words, a comma maybe) is the birth's or death's.
_BORN_OR_DIED_AT_BEFORE = re.compile(r"\b(?:[Bb]orn|[Dd]ied)\s(?:in|at)\s(?:[A-Z][\w’'-]*\s){0,2}[A-Z][\w’'-]*,?\s$")
_BORN_OR_DIED_REACH = 60
# Centuries as the calendar counts them ("the fourteenth century": 1301-1400); early/mid/late a
# third of one (01-33, 34-66, 67-00).
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "twenty-first",
)  # fmt: skip
_CENTURY_ORDINAL = "(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r"|[12]?\d(?:st|nd|rd|th))"
_CENTURY_PART = {"early": (1, 33), "middle": (34, 66), "mid": (34, 66), "late": (67, 100), "later": (67, 100)}
# "The middle of the nineteenth century", "the first half of the eighteenth century": a
# beginning, middle or end a third of the century as early, mid and late are; halves and
# quarters what they say.
_EDGE_OF_CENTURY = {
    "beginning": (1, 33),
    "start": (1, 33),
    "first part": (1, 33),
    "early part": (1, 33),
    "middle": (34, 66),
    "end": (67, 100),
    "latter part": (67, 100),
    "last part": (67, 100),
    "first half": (1, 50),
    "second half": (51, 100),
    "latter half": (51, 100),
    "first quarter": (1, 25),
    "second quarter": (26, 50),
    "third quarter": (51, 75),
    "last quarter": (76, 100),
}


def _century_number(ordinal: str) -> int:
    """19 for "nineteenth" or "19th"."""
    word = ordinal.lower()
    return int(word[:-2]) if word[:1].isdigit() else _ORDINALS.index(word) + 1


_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)"
# "the first six months of 1919": how many months of a year, in words or figures.
_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_MONTHS_COUNT = "(?:" + "|".join(_COUNTS) + r"|[1-9]|1[01])"
# "following February", "next spring": the words that move a year on (or back).
_RELATIVE = r"(?:following|next|ensuing|previous|preceding)"
# Decades in words ("the thirties"): each holds "ties", which the text is searched for first.
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_DECADE_WORD = "(?:" + "|".join(_DECADE_WORDS) + ")"
# Sought by "ties" (a literal `re` finds at once), the word looked behind at: a pattern that
# opens with `\b` is tried at every position of each text holding "ties" ("parties").
_HOLDS_DECADE_WORD = re.compile(r"ties\b(?:" + "|".join(rf"(?<=\b{w})" for w in _DECADE_WORDS) + ")")

# A month's day in words ("the twenty-fourth of June", "June the first"): the ordinals of one
# to thirty-one, the tens joined to the units by a hyphen or a space ("twenty first"); the
# first letter may be a capital ("Fourth of July" as a name of the day, "Seventh of November").
_DAY_UNITS = _ORDINALS[:9]  # first … ninth
_DAY_ORDINAL_WORDS = (
    *_ORDINALS[:20],  # first … twentieth
    *(f"twenty-{unit}" for unit in _DAY_UNITS),
    "thirtieth",
    "thirty-first",
)


def _day_number(word: str) -> int:
    """The day an ordinal in words names: "Twenty fourth" 24."""
    return _DAY_ORDINAL_WORDS.index("-".join(word.lower().split())) + 1


def _either_case(word: str) -> str:
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


# (The compounds by their tens once, the units after: an alternative of its own for each would
# be tried in turn at every word a date may begin with.)
_DAY_ORDINAL = (
    r"(?:[Tt]wenty[-\s](?:"
    + "|".join(_DAY_UNITS)
    + r")|[Tt]hirty[-\s]first|"
    + "|".join(_either_case(w) for w in sorted(_ORDINALS[:20], key=len, reverse=True))  # "fourteenth" before "fourth"
    + ")"
)
# The first three letters of each, by the first (a cheap test of the pattern's opening
# look-ahead; the branch tests the rest): "[Ff](?:ir|ou|if)|…".
_DAY_ORDINAL_FIRSTS = "|".join(
    f"[{first.upper()}{first}](?:{'|'.join(sorted({w[1:3] for w in _DAY_ORDINAL_WORDS if w[0] == first}))})"
    for first in sorted({w[0] for w in _DAY_ORDINAL_WORDS})
)


# A date that opens with digits opens with a day (one or two digits, then a space, a dash or
# an ordinal's ending) or a year (four, the first 1 or 2), as each alternative of the pattern's
# first group says: the look-ahead that opens the group tells it at once of every other
# number of the book (pages, "f. 17, op. 3", "p. 245"), which it would try them all on.
_DIGIT_START = r"(?=\d\d?[\s\-–—snrt\u2060]|[12]\d\d\d(?!\d)|[1-9]\d\d(?!\d))"


# The date pattern's branch of a year alone ("in 1917,"), the form most dates are of; matched
# on its own where it is the pattern's match (`_year_alone`).
_YEAR_BRANCH = rf"(?P<year>(?<![\d,.])(?P<y8>{_YEAR})\b(?![,.]\d|\s?{_COUNTED}))"
_YEAR_ALONE = re.compile(_YEAR_BRANCH, re.X)
# What a range or a decade goes on with after its year (a dash, "/", "'s"): the branches
# before the year's might match there.
_AFTER_RANGE_OR_DECADE = frozenset("-–—/'’\u2060")
_DASHES = frozenset(("", "-", "–", "—"))
# The first two digits of a year `_YEAR` matches: a number that begins otherwise is a day, a
# page or a count, and the year's branch is not tried on it (most of them begin a day's date).
_CENTURIES = frozenset(("17", "18", "19", "20"))


def _year_alone(text: str, at: int, end: int | None = None) -> re.Match | None:
    """The date pattern's match at the digit `at`, which begins a word, where it is a year
    alone and found by its branch alone; None: the pattern is to be tried (`end`: where the
    text ends, if before the end of `text`: see `_scan`'s `bounded`). Where the four
    digits of a year stand before neither what a range or a decade goes on with, nor a space
    and a dash, the branches before the year's fail (a day's needs a space, a dash or an
    ordinal's letters after one or two digits; a decade's "s" or an apostrophe; a range's a
    dash or "/"), and the others begin with a letter."""
    if SHORTCUTS and text[at : at + 2] not in _CENTURIES:
        return None  # "16 September", "3 May": not a year's first digits, its branch not tried
    if end is None:
        end = len(text)
    after = text[at + 4 : min(at + 5, end)]
    if after in _AFTER_RANGE_OR_DECADE or after.isspace() and text[at + 5 : min(at + 6, end)] in _DASHES:
        return None
    return _YEAR_ALONE.match(text, at, end)


# The pattern runs over every word of the book, so a word that can begin no date is
# passed over at once: first by its first character, then by the words a date begins
# with; the alternatives are grouped by how they begin, each group behind a look-ahead.
# Within a group the first alternative that matches wins: longer forms come first.
@lru_cache(maxsize=8)
def _pattern(months: tuple[str, ...] = (), centuries: bool = False, decades: bool = False) -> re.Pattern:
    """The date pattern, with the month names of another language a profile gives (a pack's
    [dates] months: "aprelya") beside the English ones. `centuries`: for a text that says
    "century" — the look-ahead for one would be tried at every "the" of every other text;
    `decades`: for a text that names a decade in words ("the thirties"), likewise."""
    century = r"|[Tt]he\s(?:[a-z]+[\s-])?[\w-]+\scentury" if centuries else ""
    if decades:
        century += rf"|{_DECADE_WORD}"
        # after "the", a part of the decade maybe: "the early thirties", "the mid-twenties"
        decade = rf"""| (?P<wdecade>(?<=\bthe\s)(?:(?P<wpart>early|mid|late)[\s-])?(?P<wdec>{_DECADE_WORD})\b)"""
    else:
        decade = "| (?P<wdecade>(?!)(?P<wpart>)(?P<wdec>))"  # the groups, never matched
    own = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    month = f"(?:{_MONTH[3:-1]}|{own})" if months else _MONTH
    # the first letters a date may begin with: digits, months, parts of months and years,
    # seasons, "end of", "turn of", the words that move a year (following, next, ensuing,
    # previous, preceding), and the first letters of the profile's month names
    firsts = "".join(sorted({re.escape(m[0]) for m in months} - set("JFMASONDEeMmLlSsAaFfWwBbTtnpN")))
    starts = "".join(f"|{re.escape(m[:3])}" for m in sorted({m[:3] for m in months}))
    return re.compile(
        rf"""
    \b(?=[\dJFMASONDEeMmLlSsAaFfWwBbTtnpN{firsts}])(?=\d|Jan|Feb|Ma|Apr|Ju|Aug|Sep|Oct|Nov|Dec|[Ee]a|[Mm]i|[Ll]a|[Ss]p|[Ss]u|[Aa]u|[Ff]a|[Ww]i
        |[Ee]nd\sof|[Bb]eginning\sof|[Ss]tart\sof|[Tt]urn\sof{century}|(?:[Ff]irst|[Ss]econd|[Ll]atter)\shalf|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ll]ast)\squarter
        |(?:[Ee]arly|[Ff]irst|[Ll]ast)\s(?:{_MONTHS_COUNT}\s)?months|(?:[Ff]irst|[Ee]arly|[Ll]atter|[Ll]ast)\s(?:part|days)|{_RELATIVE}\s
        |{_DAY_ORDINAL_FIRSTS}{starts})
    (?:
    {_DIGIT_START}
    (?:(?P<dmy>(?P<d1>\d{{1,2}})(?:(?:{_DASH}|\sto\s)(?P<d2>\d{{1,2}}))?{_ORD}\s(?:day\sof\s|of\s)?(?P<m1>{month})(?:,)?\s(?P<y1>{_DATED_YEAR})\b(?!\s?{_COUNTED}))
      | (?P<dm>(?P<d4>\d{{1,2}})(?:(?:{_DASH}|\sto\s)(?P<d7>\d{{1,2}}))?{_ORD}\s(?:day\sof\s|of\s)?(?P<m3>{month})(?!\w|\.\w))
      | (?P<decade>(?P<dec>1[7-9]\d0|20\d0)['’]?s\b)
      | (?P<range>(?P<y6>{_YEAR})(?:{_DASH}|/)(?P<y7>\d{{1,4}})\b)
      | {_YEAR_BRANCH}
      | (?P<oldyear>(?=1[0-6]\d\d\b)(?:{_OLD_YEAR_CUE}(?P<y16>1[0-6]\d\d)\b(?![,.]\d|\s?{_COUNTED}|\s(?!{_AFTER_OLD_YEAR}\b)[a-z]|{_DASH}\d)
            |{_OLD_YEAR_AFTER_YEAR}
            |(?<=,\s)(?P<y22>1[0-6]\d\d)\b{_CLOSES_LISTED_YEAR}|(?<=,\s)(?P<y23>1[0-6]\d\d)(?=\.(?!\d))
            |{_OLD_YEAR_AFTER_WORD}))
      | (?P<oldrange>(?<![/\d])(?P<y18>1[0-6]\d\d){_DASH}(?P<y19>\d{{1,4}})\b(?![,./]\d|\s?{_COUNTED}))
      | (?P<ancient>(?=[1-9]\d\d\b)(?:(?<=\b[Tt]he\syear\s)(?<!under\sthe\syear\s)(?P<y20>[1-9]\d\d)\b(?![,.]\d|\s?{_COUNTED}|\s(?!{_AFTER_OLD_YEAR}\b)[a-z])
            |{_ANCIENT_YEAR_CUE}(?P<y21>[1-9]\d\d)\b(?=[.,;:)]|\s*$)(?![,.]\d))))
  | (?=[JFMASOND]{starts})
    (?:(?P<mdy>(?P<m2>{month}),?\s(?P<d3>\d{{1,2}})(?:{_DASH}(?P<d6>\d{{1,2}}))?{_ORD},?\s(?P<y2>{_DATED_YEAR})\b(?!\s?{_COUNTED}))
      | (?P<md>(?P<m9>{month})\s(?P<d5>\d{{1,2}})(?:{_DASH}(?P<d8>\d{{1,2}}))?{_ORD}\b(?![\d,.]\d|\s?{_COUNTED}))
      | (?P<mwd>(?P<wm2>{month})\s(?:(?<!May\s)the\s)?(?P<wd2>{_DAY_ORDINAL})\b(?:,?\s(?P<wy2>{_YEAR})\b)?(?![-\w]|\s(?:of|o['’])\s))
      | (?P<mmy>(?P<m4>{month}){_DASH}(?P<m5>{month})(?:\s(?P<y3>{_YEAR})\b|(?!\w|\.\w)))
      | (?P<my>(?P<m6>{month})(?:\sof|,)?\s?(?P<y4>{_YEAR}\b|{_OLD_MONTHS_YEAR}))
      | (?P<bare>(?P<m8>{_FULL_MONTH})\b(?!\s\d)))
  | (?=[Ee]arly|[Mm]id|[Ll]ate|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)
    (?:(?P<pseason>(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-](?P<sword4>{_SEASON})(?:(?:\s|\sof\s)(?P<y17>{_YEAR})\b(?![-–]\d))?(?!-\w|['’]s))
      | (?P<pmonth>(?P<mpart>[Ee]arly|[Mm]id|[Ll]ate)(?:[\s-]|(?:(?<=arly)|(?<=ate))\sin\s)(?P<m7>{month})(?:,?\s(?P<y9>{_YEAR})\b)?)
      | (?P<pdecade>(?P<dpart>early|mid|late)[\s-](?P<pdec>1[7-9]\d0|20\d0)['’]?s\b)
      | (?P<season2>(?P<sword2>{_SEASON})(?:\s|\sof\s)(?P<y12>{_YEAR})(?:{_DASH}|/)(?P<y13>\d{{2,4}})\b)
      | (?P<part>(?P<pword>[Ee]arly|[Mm]id|[Ll]ate|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)
            (?:[\s-]|\sof\s|(?:(?<=arly)|(?<=ate))\sin\s)(?P<y5>{_YEAR})\b(?![-–]\d))
      | (?P<season>(?P<sword>{_SEASON})\b(?!\s\d|-\w|['’]s)))
  | (?=[Bb]eginning\sof|[Ss]tart\sof|[Mm]iddle\sof|[Ee]nd\sof|(?:[Ff]irst|[Ss]econd|[Ll]atter)\shalf
        |(?:[Ee]arly|[Ff]irst|[Ll]ast)\s(?:{_MONTHS_COUNT}\s)?months|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ll]ast)\squarter
        |(?:[Ff]irst|[Ee]arly|[Ll]atter|[Ll]ast)\s(?:part|days)\sof)
    (?P<edge>(?P<eword>[Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd|(?:[Ff]irst|[Ss]econd|[Ll]atter)\shalf
        |(?:[Ff]irst|[Ll]ast)\s(?P<count>{_MONTHS_COUNT})\smonths|(?:[Ee]arly|[Ff]irst|[Ll]ast)\smonths|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ll]ast)\squarter
        |(?:[Ff]irst|[Ee]arly|[Ll]atter|[Ll]ast)\s(?:part|days))\sof\s
        (?:(?P<m10>{_FULL_MONTH})(?:,?\s(?P<y10>{_YEAR}))?|(?P<y11>{_YEAR})|(?:(?<=[Bb]eginning\sof\s)|(?<=[Ss]tart\sof\s)|(?<=[Mm]iddle\sof\s)|(?<=[Ee]nd\sof\s)|(?<=half\sof\s))the\s(?P<edec>1[7-9]\d0|20\d0)['’]?s
        |(?:(?<=[Bb]eginning\sof\s)|(?<=[Ss]tart\sof\s)|(?<=[Mm]iddle\sof\s)|(?<=[Ee]nd\sof\s)|(?<=half\sof\s)|(?<=quarter\sof\s)|(?<=part\sof\s))
            the\s(?P<ecent>{_CENTURY_ORDINAL})\scentury)\b(?![-–]\d))
  | (?P<turn>[Tt]urn\sof\s(?P<y14>{_YEAR})(?:{_DASH}|/)(?P<y15>\d{{2,4}})\b)
  | (?P<century>[Tt]he\s(?:(?P<cpart>early|middle|mid|late|later)[\s-])?(?:(?P<cent>{_CENTURY_ORDINAL})|(?P<cnow>present))\scentury\b)
  | (?P<relative>(?P<rel>{_RELATIVE})\s(?:(?P<m11>{_FULL_MONTH})|(?P<sword3>{_SEASON}))\b(?!\s\d))
  | (?=[EeFfNnSsTt])(?P<wdm>(?P<wd1>{_DAY_ORDINAL})\s(?:day\sof|of|o['’])\s(?P<wm1>{month})(?:,?\s(?P<wy1>{_YEAR})\b)?(?!\w|\.\w))
  {decade}
    )
""",
        re.X,
    )


# A month or season without a year after a word of the seasons' recurring things and "in", "of"
# or "o'" (a profile's `[dates] figures`: "blooms in May", "the pride of May"), or after a
# possessive ("in thy early May", "in her June": the spring of one's life; not "his June
# offensive", a month before the noun it dates), names any year's, or none.
_ANY_YEARS_KINDS = frozenset(("bare", "season", "pseason", "pmonth"))
_FIGURE_BEFORE = re.compile(r"\b(?:([\w'’]+)\s(?:in|of|o['’])\s(?:the\s)?|([a-z]+)\s)$", re.I)
_POSSESSIVES = frozenset(("my", "thy", "his", "her", "our", "your", "their"))
# A date that alone fills a quotation is a name quoted, a tune's or a song's title (Tune--“Seventh
# of November.”), not a time the text speaks of (a year alone is not asked: "“1914”").
_QUOTE_OPENS = ("“", '"', "‘")
_QUOTE_CLOSES_AFTER = re.compile(r"[.,!?;:]?[”\"’]")
_MONTH_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|by|until|till|since|from|during|of|o['’]|to|and|or|early|late|end|before|after|between)\s|\()$",
    re.I,
)
# A month or season in a comparison names any year's, whatever makes it a date after: "like a
# flow'r in May", "as sweet as the blossoms in May", "as usual and ordinary as a rose in the
# spring" (a thing or a noun of one or two words compared, then "in").
_COMPARED_BEFORE = re.compile(r"\b(?:like|as)\s(?:a|an|the)\s[\w'’-]+(?:\s[\w'’-]+)?\sin\s(?:the\s)?$", re.I)
# A month named with an epithet is any year's: "the merry month of May", "the charming month of
# May" (not "the month of May", nor "the same month of May", which name one).
_EPITHET_MONTH_BEFORE = re.compile(
    r"\bthe\s(?!(?:following|next|last|same|previous|preceding|ensuing|present|current|whole|entire)\s)"
    r"[a-z'’-]+\smonth\sof\s$",
    re.I,
)
# A season is a time only where the words around say so: "in the spring", "by summer",
# "that winter", "the autumn of that year", "the war scare of the autumn", "all the winter"
# (the whole of one), not "a hot spring", "the spring sowing campaign", "the spring of life"
# nor "in winter" (any winter: "in winter the roads froze").
_SEASON_CUE_BEFORE = re.compile(
    r"\b(?:(?:in|during|through|throughout|of|all)\sthe\s|(?:by|until|till|since)\s(?:the\s)?|that\s)$", re.I
)
# Two seasons joined, the first a time by the words before it ("during the spring and
# summer", "in the summer or autumn"): the second is one too; and a season joined to a dated
# one is a time whatever precedes it ("the summer and autumn of 1930").
_SEASON_AND_BEFORE = re.compile(rf"{_SEASON}\s(?:and|or)\s(?:the\s)?$")
_SEASON_AND_DATED_AFTER = re.compile(rf"\s(?:and|or)\s(?:the\s)?{_SEASON}\s(?:of\s)?{_YEAR}\b")
_SEASON_AND_AFTER = re.compile(rf"\s(?:and|or)\s{_SEASON}")  # "the spring and summer campaigns": a noun's
_PART_SEASON_CUE_BEFORE = re.compile(r"\b(?:in|during|through|by|until|till|since|that|the)\s$", re.I)
_SEASON_NOUN_AFTER = re.compile(
    r"\s(?!(?:of\s(?:that|this|the\s(?:same|next|following|previous|preceding))|"
    r"and|or|but|so|the|a|an|he|she|it|they|we|i|his|her|its|their|there|when|while|after|before|"
    r"as|to|in|on|at|for|with|was|were|had|has|came|began|saw|brought|that|this|which|who|is|"
    r"too|also|again|already|then|all|long|through|thereupon|thereafter|afterwards)\b)[a-z]"
)
# A date that names when something else was, not when the narrative is: "the treaty of
# 1756", "his article of March 1930", "since 1905", "until September 1919", "till the spring
# of 1797" — but "the first months of 1933", "the course of 1937" are the narrative's time.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?<!\bmonths)(?<!\bweeks)(?<!\bdays)(?<!\bquarter)(?<!\bhalf)(?<!\bpart)(?<!\bcourse)(?<!\bend)"
    r"\sof\s$|\b(?:since|until|till)\s(?:the\s)?$"
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:vol|vols|no|nos|pp?|f|op|d|ll?|t|fond|delo|opis|list|page|pages|"
    r"nr|ch|art|str|note|notes)\.?\s?|[:#№])$",
    re.I,
)
# The words of `_NOT_A_YEAR_BEFORE`, in lower case: their last two letters, and those of one
# letter (after a word's end only: "of 1917" is no folio's).
_NOT_A_YEAR_WORDS = "vol vols no nos p pp f op d l ll t fond delo opis list page pages nr ch art str note notes".split()
_NOT_A_YEAR_PAIRS = frozenset(w[-2:] for w in _NOT_A_YEAR_WORDS if len(w) > 1)
_NOT_A_YEAR_LETTERS = frozenset(w for w in _NOT_A_YEAR_WORDS if len(w) == 1)
# What joins a date without a year to the dated one that ends its range: "10 April to 15
# May 1943", "April and May 1943", "from 10 April until 2 May 1943".
_MONTH_AND_BEFORE = re.compile(rf"(?<![\w-]){_FULL_MONTH}\s(?:and|or)\s$")
_MONTH_BEFORE_NOUN = re.compile(r"(?:\bthe|\ba|\w['’]s)\s$")
_LOWER_WORD_AFTER = re.compile(r"\s(?!of\b|and\b|or\b|to\b)[a-z]{3,}")
_POSSESSIVE_BEFORE_NOUN = re.compile(r"['’]s\s[a-z]")
# A month in the possessive may be someone's: not after a capitalised word ("Aunt May's
# house"), and not the months that are forenames too ("June's letter" is as often a girl's).
_FORENAME_MONTHS = frozenset({"April", "May", "June"})
_CAPITAL_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’.]*\s$")
_ORDINAL_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)\b")
_ORDINAL_FIRSTS = frozenset("snrt")  # the first letters of its endings


def _ordinal_day(text: str, start: int) -> bool:
    """Whether `_ORDINAL_DAY` matches at `start`: "13th", "1st"."""
    # (an ordinal's ending begins after one digit or two: without its first letter there,
    # most days' dates, the pattern is not tried)
    if (
        SHORTCUTS
        and text[start + 1 : start + 2] not in _ORDINAL_FIRSTS
        and text[start + 2 : start + 3] not in _ORDINAL_FIRSTS
    ):
        return False
    return _ORDINAL_DAY.match(text, start) is not None


_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s$")
_THE_YEAR_BEFORE = re.compile(r"(?<![\w-])[Tt]he\syear\s$")
_PART_OF_DAY_BEFORE = re.compile(r"\b(?:[Nn]ight|[Mm]orning|[Ee]vening|[Aa]fternoon)\sof\s$")
_SPAN_JOIN = re.compile(r"\s?[-–—]\s?|\s(?:to|until|till)\s(?:the\s)?")
# "between July 1937 and August 1938", "between 1928 and 1933": the two ends of one span.
_BETWEEN_BEFORE = re.compile(r"(?<![\w-])[Bb]etween\s$")
_BETWEEN_JOIN = re.compile(r"\sand\s")
_RANGE_JOIN = re.compile(r"\s?(?:[-–—/]|,?\s(?:and|or|to|until|till|through)\s)")
# The most characters any of the three joins above spans (", through ", " until the "): two
# dates further apart are joined by none, and none is sought between them (most dates of a
# text lie far apart).
_JOIN_REACH = 11


def _month(name: str, months: Mapping[str, int] | None = None) -> int:
    """A month's number from its name: English, or another language's the profile gives."""
    key = name.rstrip(".").lower()
    return MONTHS[key] if key in MONTHS else (months or {})[name]


def _days(month: int, year: str) -> int:
    return calendar.monthrange(int(year) if year.isdigit() else 2000, month)[1]


def _span_year(first: str, second: str) -> str | None:
    """The end year of '1904-5', '1893-1917', '1932/33' — or None when it is no year range."""
    end = first[: 4 - len(second)] + second if len(second) < 4 else second
    return end if 0 < int(end) - int(first) <= 99 else None


def _needs_year(g: re.Match) -> bool:
    """Whether the expression (its groups) names a day, month or season but no year."""
    kind = g.lastgroup
    if kind in _YEARLESS or kind == "century" and g["cnow"]:
        return True
    if kind == "wdm" or kind == "mwd":
        return not (g["wy1"] or g["wy2"])
    if kind == "pseason":
        return not g["y17"]
    if kind == "mmy":
        return not g["y3"]
    if kind == "pmonth":
        return not g["y9"]
    return bool(kind == "edge" and g["m10"] and not g["y10"])


# The forms of the date pattern (`_pattern`), its alternatives' outer groups: exactly one
# matches, the group `re` closes last, which `Match.lastgroup` names. Told by that name, not
# by looking up each form's group in turn (the pass asked some fifty groups of each date).
_KINDS = frozenset(
    "dmy dm decade range year oldyear oldrange ancient mdy md mwd mmy my bare pseason pmonth pdecade season2 part season"
    " edge turn century relative wdm wdecade".split()
)
_YEARLESS = frozenset({"md", "dm", "bare", "season", "relative", "wdecade"})  # never a year of their own
_DAYS = frozenset({"dmy", "dm", "md", "mdy", "wdm", "mwd"})  # a day's date
# The forms whose values may name a day (YYYY-MM-DD), which `_valid_day` checks: a day's date,
# a part of a month ("early July 1921", "the end of August 1921"). (Without SHORTCUTS: every form.)
_NAMING_DAYS = _DAYS | {"pmonth", "edge"}


def _first_month(g: re.Match, months: Mapping[str, int] | None = None) -> int:
    """The month a yearless expression starts in (for "the following …")."""
    for key in ("m9", "m3", "wm1", "wm2", "m4", "m7", "m10", "m8", "m11"):
        if g[key]:
            return _month(g[key], months)
    season = (g["sword"] or g["sword3"] or g["sword4"] or "").lower()
    return 12 if season == "winter" else _PART[season][0]


def _month_days(word: str, mo: int, year: str) -> tuple[int, int]:
    """The first and last day of "early", "end", "second half" … of a month."""
    a, b = _MONTH_PART[" ".join(word.lower().split())]
    return a, b or _days(mo, year)


def _season(word: str, year: int | None, end_year: int | None = None) -> dict[str, str]:
    y = f"{year:04d}" if year else "-"
    if word.lower() == "winter":
        after = f"{(end_year or year + 1):04d}" if year else "-"
        return {"notBefore": f"{y}-12", "notAfter": f"{after}-02"}
    a, b = _PART[word.lower()]
    return {"notBefore": f"{y}-{a:02d}", "notAfter": f"{f'{end_year:04d}' if end_year else y}-{b:02d}"}


def value(g: re.Match, year: int | None = None, months: Mapping[str, int] | None = None) -> dict[str, str] | None:
    """The ISO attributes of a matched date (its groups), or None when it is not a date
    after all. `year` is the year a date without one takes from its context (None: it has none);
    `months`: month names of another language (a profile's [dates] months)."""
    kind = g.lastgroup  # which of the pattern's forms matched (`_KINDS`)
    if kind == "year":  # (the form most dates are of, told first)
        return {"when": g["y8"]}
    if kind == "my":  # (the next most common with "dmy" and "range")
        return {"when": f"{g['y4']}-{_month(g['m6'], months):02d}"}
    if kind == "range":
        end = _span_year(g["y6"], g["y7"])
        return {"from": g["y6"], "to": end} if end else None
    y = f"{year:04d}" if year else "-"  # "--04-15" without a year
    if kind == "dmy":
        mo, y = _month(g["m1"], months), g["y1"]
        if g["d2"]:
            if int(g["d2"]) <= int(g["d1"]):
                return None  # "20-4 November": a damaged range, no date to trust
            return {"from": f"{y}-{mo:02d}-{int(g['d1']):02d}", "to": f"{y}-{mo:02d}-{int(g['d2']):02d}"}
        return {"when": f"{y}-{mo:02d}-{int(g['d1']):02d}"}
    if kind == "mdy":
        mo, a, b = _month(g["m2"], months), int(g["d3"]), int(g["d6"] or 0)
        if g["d6"]:
            return {"from": f"{g['y2']}-{mo:02d}-{a:02d}", "to": f"{g['y2']}-{mo:02d}-{b:02d}"} if a < b else None
        return {"when": f"{g['y2']}-{mo:02d}-{a:02d}"}
    if kind == "md":
        mo, a, b = _month(g["m9"], months), int(g["d5"]), int(g["d8"] or 0)
        if not 1 <= a <= 31 or g["d8"] and not a < b <= 31:
            return None
        if g["d8"]:
            return {"from": f"{y}-{mo:02d}-{a:02d}", "to": f"{y}-{mo:02d}-{b:02d}"}
        return {"when": f"{y}-{mo:02d}-{a:02d}"}
    if kind == "dm":
        mo, a, b = _month(g["m3"], months), int(g["d4"]), int(g["d7"] or 0)
        if not 1 <= a <= 31 or g["d7"] and not a < b <= 31:
            return None
        if g["d7"]:
            return {"from": f"{y}-{mo:02d}-{a:02d}", "to": f"{y}-{mo:02d}-{b:02d}"}
        return {"when": f"{y}-{mo:02d}-{a:02d}"}
    if kind == "wdm" or kind == "mwd":  # "the twenty-fourth of June", "June the first, 1786"
        mo = _month(g["wm1"] or g["wm2"], months)
        return {"when": f"{g['wy1'] or g['wy2'] or y}-{mo:02d}-{_day_number(g['wd1'] or g['wd2']):02d}"}
    if kind == "mmy":
        y = g["y3"] or y
        first, last = _month(g["m4"], months), _month(g["m5"], months)
        return {"from": f"{y}-{first:02d}", "to": f"{y}-{last:02d}"} if first < last else None
    if kind == "pmonth":
        mo, y = _month(g["m7"], months), g["y9"] or y
        a, b = _month_days(g["mpart"], mo, y)
        return {"notBefore": f"{y}-{mo:02d}-{a:02d}", "notAfter": f"{y}-{mo:02d}-{b:02d}"}
    if kind == "edge":
        word = " ".join(g["eword"].lower().split())
        if g["ecent"]:  # "the middle of the nineteenth century": a part of a century
            lo, hi = _EDGE_OF_CENTURY[word]
            first = (_century_number(g["ecent"]) - 1) * 100
            return {"notBefore": f"{first + lo:04d}", "notAfter": f"{first + hi:04d}"}
        if g["edec"]:  # "the end of the 1930s": a part of a decade, as "late 1930s" is
            if word not in _EDGE_OF_DECADE:
                return None  # "the first quarter of the 1930s": no such measure here
            lo, hi = _EDGE_OF_DECADE[word]
            return {"notBefore": str(int(g["edec"]) + lo), "notAfter": str(int(g["edec"]) + hi)}
        if g["count"]:  # "the first six months of 1919": from January to June
            if not g["y11"]:
                return None  # "the first two months of May": no such thing
            n = int(g["count"]) if g["count"].isdigit() else _COUNTS.index(g["count"].lower()) + 2
            a, b = (1, n) if word.startswith("first") else (13 - n, 12)
            return {"from": f"{g['y11']}-{a:02d}", "to": f"{g['y11']}-{b:02d}"}
        if g["y11"]:
            a, b = _EDGE_OF_YEAR.get(word) or _PART[word]
            return {"notBefore": f"{g['y11']}-{a:02d}", "notAfter": f"{g['y11']}-{b:02d}"}
        if word not in _MONTH_PART:
            return None  # "the first quarter of May": no such thing
        mo, y = _month(g["m10"], months), g["y10"] or y
        a, b = _month_days(word, mo, y)
        return {"notBefore": f"{y}-{mo:02d}-{a:02d}", "notAfter": f"{y}-{mo:02d}-{b:02d}"}
    if kind == "bare":
        return {"when": f"{y}-{_month(g['m8'], months):02d}"}
    if kind == "relative":
        return {"when": f"{y}-{_month(g['m11'], months):02d}"} if g["m11"] else _season(g["sword3"], year)
    if kind == "season":
        # "winter" alone spans two years, and a year in context does not say which two.
        return _season(g["sword"], None if g["sword"].lower() == "winter" else year)
    if kind == "pseason":  # "early spring of 1919": early or late does not narrow a season
        if g["y17"]:
            return _season(g["sword4"], int(g["y17"]))
        return _season(g["sword4"], None if g["sword4"].lower() == "winter" else year)
    if kind == "decade" or kind == "pdecade":
        lo, hi = _DECADE_PART.get(g["dpart"] or "", (0, 9))
        dec = int(g["dec"] or g["pdec"])
        return {"notBefore": str(dec + lo), "notAfter": str(dec + hi)}
    if kind == "wdecade":  # "the early thirties": the context's century; without one, none said (no date)
        if not year:
            return {}
        lo, hi = _DECADE_PART.get(g["wpart"] or "", (0, 9))
        dec = year // 100 * 100 + (_DECADE_WORDS.index(g["wdec"]) + 2) * 10
        return {"notBefore": f"{dec + lo:04d}", "notAfter": f"{dec + hi:04d}"}
    if kind == "season2":
        first, end = int(g["y12"]), _span_year(g["y12"], g["y13"])
        return _season(g["sword2"], first, int(end)) if end and int(end) == first + 1 else None
    if kind == "turn":
        first, end = int(g["y14"]), _span_year(g["y14"], g["y15"])
        return {"notBefore": f"{first}-12", "notAfter": f"{end}-01"} if end and int(end) == first + 1 else None
    if kind == "part":
        word, y4 = g["pword"].lower(), int(g["y5"])
        if word == "winter":
            return _season(word, y4)
        a, b = _PART[word]
        return {"notBefore": f"{y4}-{a:02d}", "notAfter": f"{y4}-{b:02d}"}
    if kind == "oldyear":
        return {"when": g["y16"] or g["y22"] or g["y23"] or g["y24"] or g["y25"]}
    if kind == "oldrange":
        end = _span_year(g["y18"], g["y19"])
        return {"from": g["y18"], "to": end} if end else None
    if kind == "ancient":
        return {"when": f"{int(g['y20'] or g['y21']):04d}"}
    if g["cnow"]:  # "the present century": the context year's; without one, none said (no date)
        if not year:
            return {}
        lo, hi = _CENTURY_PART.get(g["cpart"] or "", (1, 100))
        first = (year - 1) // 100 * 100
        return {"notBefore": f"{first + lo:04d}", "notAfter": f"{first + hi:04d}"}
    if kind == "century":
        n = _century_number(g["cent"])
        lo, hi = _CENTURY_PART.get(g["cpart"] or "", (1, 100))
        return {"notBefore": f"{(n - 1) * 100 + lo:04d}", "notAfter": f"{(n - 1) * 100 + hi:04d}"}
    return None


def _valid_day(attrs: dict[str, str]) -> bool:
    for v in attrs.values():
        if len(v) == 10 and v[0] != "-":  # YYYY-MM-DD
            try:
                datetime.date.fromisoformat(v)
            except ValueError:
                return False
    return True


# How far a year alone (no month) may lie ahead of the one established and still move the
# narrative there, by where it stands: one that opens a paragraph sets the scene and always
# moves it; one that opens a sentence moves it forward by up to 20 years; one inside a
# sentence by a year at most ("… finally realized in 1940" in a paragraph on 1936 looks
# ahead). None moves it back: a narrative goes forward, a year alone before it looks back.
_AHEAD = {"sentence": 20, "": 1}


# How many months before the month established a date without a year may lie and still be in
# its year ("In November 1932 … in June": June 1932); half a year or more before it, it is in
# the next year: a narrative goes forward ("… (December 2, 1792) … (March 9)": March 1793).
_BEHIND = 6


class YearContext:
    """The year the text has established so far in one chapter or note (see the module
    docstring): the latest date read that has one year, and its month when it gives one."""

    def __init__(self, months: Mapping[str, int] | None = None) -> None:
        self.year: int | None = None
        self.month: int | None = None
        # The first month of the date that established them, when it spans several ("From
        # January to September 1919": 1): a date without a year that lies before it by half
        # a year or more is the next year's (`year_for`).
        self.since: int | None = None
        # A later year and month a date inside a sentence named ("… endorsed this view on 31
        # January 1937 …" in a text on September 1936): a look ahead, or the text moving on;
        # the next date without a year tells which (`year_for`).
        self.ahead_of: tuple[int, int] | None = None
        self.months = months  # month names of another language (a profile's [dates] months)
        self.lent = 0  # how many dates without a year took this context's (`year_for`)

    def read(
        self,
        attrs: dict[str, str],
        opens: str = "",
        aside: bool = False,
        recalls: bool = False,
        earlier: bool = False,
        set_off: bool = False,
    ) -> None:
        """Take in a date read in the text; `opens`: "paragraph" or "sentence" when it opens
        one; `aside`: it stands in parentheses; `recalls`: it ends its sentence, or says when
        something was done ("the target, set in July 1935,"); `earlier`: its sentence is in
        the pluperfect; `set_off`: it ends a phrase set off by commas ("…, one of the issues
        behind the rift with the Left SRs in July 1918, …")."""
        if len(attrs) == 1 and "when" in attrs:  # (most dates: one value)
            values = [attrs["when"]]
        else:
            values = [attrs[k] for k in ("when", "from", "to", "notBefore", "notAfter") if k in attrs]
        years = {v[:4] for v in values if v[:4].isdigit()}
        if not years or aside and (len(years) > 1 or len(values[-1]) < 7):
            return  # no year; or "(born 1893)", "(1893–1991)": an aside
        if self.ahead_of is not None:
            # another date at or past the later one, within a year alone's reach of it: the
            # text has moved on to it ("… finally realized in 1940" looks further ahead still)
            gap = int(min(years)) - self.ahead_of[0]
            if 0 <= gap and (len(values[-1]) >= 7 or opens == "paragraph" or gap <= _AHEAD[opens]):
                self._at(*self.ahead_of)
            self.ahead_of = None
        if len(years) > 1:
            last, first = values[-1], values[0]
            if len(last) >= 7 and len(first) >= 7 and self.year is not None:
                begins = (int(first[:4]), int(first[5:7]))
                if self.month is not None and begins <= (self.year, self.month):
                    return  # "Between July 1937 and August 1938 …" on summer 1937: a look round
                if not opens and begins[0] == self.year:
                    # "… preparing the railways for the winter 1938–39" inside a sentence on
                    # 1938: the text comes to its start, not its end
                    self._at(*begins)
                    return
            if len(last) >= 7:  # "winter of 1942–43": the narrative is at its end, February 1943
                self._at(int(last[:4]), int(last[5:7]))
            elif self.year is not None and min(years) <= str(self.year):
                # "1935–36" in a paragraph on February 1936, "in 1941 and 1942" in one on 1943,
                # "since the early 1920s": a look back or round, and the text stays
                pass
            else:
                self._at(None, None)  # "1904–5", "the 1890s": moved on, but to which year?
            return
        year = int(years.pop())
        last = values[-1]
        month = int(last[5:7]) if len(last) >= 7 else None
        if month is None and self.year is not None and opens != "paragraph":
            if not 0 <= year - self.year <= _AHEAD[opens]:
                return  # "In 1756 …" in a chapter on 1792, "published in 1991": another time
            if recalls and not opens and self.month is not None and year > self.year:
                # "Khrushchev was assigned to Ukraine in 1938." in a text on summer 1937: one
                # told month by month names the month it comes to; a year alone that ends its
                # sentence says when something else was (not "The harvest in 1935 was good and
                # in September …" in a text on November 1934)
                return
        if month is not None and self.year is not None and (recalls and not opens and not aside or earlier):
            if (year, month) < (self.year, self.month or 1):
                return  # "… his speech to the conference in June 1917." on January 1918: looks back
        if month is not None and self.year is not None and set_off and not opens and not aside:
            if self.year - 1 <= year and (year, month) < (self.year, self.month or 1):
                # "The policy, one of the issues behind the rift with the Left SRs in July 1918,
                # alienated …" in a text on March 1919: a phrase set off by commas recalls the
                # recent past (one decades back is the text returning from a look ahead)
                return
        if (
            month is not None
            and self.month is not None
            and self.year is not None
            and year > self.year
            and not opens
            and not aside
        ):
            self.ahead_of = (year, month)  # inside a sentence, in a later year: which, the next date says
            return
        self._at(year, month, int(values[0][5:7]) if len(values[0]) >= 7 and month is not None else None)

    def goes_back(self, attrs: dict[str, str]) -> bool:
        """Whether a date with its month lies before the year and month established (the
        only dates the pluperfect around them keeps from moving the text: `read`)."""
        last = _values(attrs)[-1]
        if self.year is None or len(last) < 7 or not last[:4].isdigit():
            return False
        return (int(last[:4]), int(last[5:7])) < (self.year, self.month or 1)

    def before(self, g: re.Match, attrs: dict[str, str], months: Mapping[str, int] | None = None) -> dict[str, str]:
        """A day's or month's date without a year that ends a relative clause in the
        pluperfect (`attrs`: as the context dated it): it lies before the month established,
        in the year before when its month comes later ("… his ideas … which he had presented
        to the province party conference in October." in a text on September 1919: October
        1918), and the text has gone back to it ("On 11 December …": 1918)."""
        month = _first_month(g, months)
        if self.year is None or self.month is None or month <= self.month:
            return attrs
        dated = value(g, self.year - 1, months)
        if dated is None or not _valid_day(dated):
            return attrs
        self._at(self.year - 1, month)
        return {**dated, "evidence": "internal"}

    def cross(self, month: int) -> None:
        """Go on into the next year, at `month`: a date without a year lay half a year or more
        before the month established, and so in the year after (`year_for`)."""
        assert self.year is not None
        self._at(self.year + 1, month)

    def go_on(self, before: YearContext) -> None:
        """Start where the chapter `before` ended: in its year and month."""
        self._at(before.year, before.month, before.since)

    def _at(self, year: int | None, month: int | None, since: int | None = None) -> None:
        self.year, self.month, self.since = year, month, since if since is not None else month

    def ahead(self, attrs: dict[str, str]) -> None:
        """Take in a day's date that names when something else was ("the law of 7 August
        1934"): it moves the narrative only forward, past the month established, and by two
        years at most (a law, a decree of the days the text comes to)."""
        values = [attrs[k] for k in ("when", "from", "to", "notBefore", "notAfter") if k in attrs]
        if len(values) != 1 or len(values[0]) < 10 or not values[0][:4].isdigit() or "evidence" in attrs:
            return  # a day's date only: "his article of March 1930" names another time
        year, month = int(values[0][:4]), int(values[0][5:7])
        if self.year is None or (self.year, self.month or 12) < (year, month) and year - self.year <= _AHEAD[""] + 1:
            self._at(year, month)

    def _resolve_ahead(self, month: int) -> None:
        """After a date inside a sentence that named a later year, a date without a year in
        `month`: in the year of the two it follows more closely, going forward. Back in the
        year established when it follows that one's month at once ("… on 31 January 1937
        … On 25 September", in a text on September 1936: a look ahead); in the later year
        when it would lie before the month established ("On 10 March") or follows the later
        month as closely or more (after March 1936, "… on 10 November 1937 … On 5 December").
        Another date with a year at or past the later one confirms it (`read`)."""
        assert self.ahead_of is not None and self.month is not None
        year, later = self.ahead_of
        self.ahead_of = None
        if month < self.month or later <= month and month - later <= month - self.month:
            self._at(year, later)

    def year_for(self, g: re.Match) -> int | None:
        """The year a date without one (its groups) takes here, or None."""
        if self.year is None:
            return None
        self.lent += 1
        rel = (g["rel"] or "").lower()
        if not rel:
            if self.ahead_of is not None and not (g["wdecade"] or g["cnow"]):
                self._resolve_ahead(_first_month(g, self.months))
            if self.since is not None and self.since > _BEHIND and not (g["wdecade"] or g["cnow"]):
                if self.since - _first_month(g, self.months) >= _BEHIND:
                    return self.year + 1  # "… (December 2, 1792) … (March 9)": March 1793
            return self.year
        month = _first_month(g, self.months)
        if rel in ("following", "next", "ensuing"):
            return self.year if self.month is not None and month > self.month else self.year + 1
        return self.year if self.month is not None and month < self.month else self.year - 1


def _acceptable(
    g: re.Match, text: str, start: int, end: int, cues: tuple[str, ...] = (), figures: frozenset[str] = frozenset()
) -> bool:
    """Whether a match is a date where it stands; `cues`: words of the profile that make a
    month one before it, each with its space after it (`[dates] cues`, Scots "frae");
    `figures`: words that make a month or season after them any year's (`[dates] figures`)."""
    kind = g.lastgroup
    if kind == "year":  # (half the dates: the one test a year alone is put to, told first)
        return not _not_a_year_before(text[max(0, start - 8) : start])
    before = text[max(0, start - 16) : start]
    if (
        kind in _ANY_YEARS_KINDS
        and not (kind == "pmonth" and g["y9"] or kind == "pseason" and g["y17"])  # ("early May 1921": a year's)
        and (figured := _FIGURE_BEFORE.search(text, max(0, start - 40), start)) is not None
    ):
        if (
            figured[1] is not None
            and figured[1].lower() in figures
            or figured[2] is not None
            and figured[2].lower() in _POSSESSIVES
            and _LOWER_WORD_AFTER.match(text, end) is None
        ):
            return False  # "a flower that blooms in May", "the pride of May", "in thy early May"
    if before.endswith(_QUOTE_OPENS) and _QUOTE_CLOSES_AFTER.match(text, end) is not None:
        return False  # Tune--“Seventh of November.”: a quoted name (a tune's, a song's)
    if (
        (kind == "bare" or kind == "season" or kind == "pseason")
        and text.endswith(("in ", "in the "), 0, start)
        and _COMPARED_BEFORE.search(text, max(0, start - 40), start) is not None
    ):
        return False  # "like a flow'r in May": any year's May
    if (
        kind == "bare"
        and text.endswith(("month of ", "Month Of "), 0, start)
        and _EPITHET_MONTH_BEFORE.search(text, max(0, start - 40), start) is not None
    ):
        return False  # "the merry month of May"
    if kind == "bare" and (partner := _MONTH_AND_BEFORE.search(text, max(0, start - 16), start)) is not None:
        # A month joined to another is a date as that one is: "in March and November" are two,
        # "as wide as March and November" none ("and" alone would make the second one).
        at = partner.start()
        return _MONTH_CUE_BEFORE.search(text, max(0, at - 8), at) is not None or (
            _MONTH_BEFORE_NOUN.search(text, max(0, at - 16), at) is not None
            and _LOWER_WORD_AFTER.match(text, end) is not None
        )
    if kind == "bare" and not _MONTH_CUE_BEFORE.search(before[-8:]) and not (cues and _after_cue(before, cues)):
        # "the October seizure of power", "Kerensky's June offensive": a month naming a time
        # before a common noun (not "the October Revolution", an event's name); "chill
        # November's surly blast", "bleak December's winds": a month's own (its weather).
        if not (
            _MONTH_BEFORE_NOUN.search(before)
            and _LOWER_WORD_AFTER.match(text, end)
            or g["m8"] not in _FORENAME_MONTHS
            and _POSSESSIVE_BEFORE_NOUN.match(text, end)
            and not _CAPITAL_WORD_BEFORE.search(before)
        ):
            return False
    if kind == "season":
        if _SEASON_NOUN_AFTER.match(text, end):
            return False
        dated_after = _SEASON_AND_DATED_AFTER.match(text, end) is not None
        joined_after = None if dated_after else _SEASON_AND_AFTER.match(text, end)
        if joined_after is not None and _SEASON_NOUN_AFTER.match(text, joined_after.end()):
            return False
        if not dated_after and not _SEASON_CUE_BEFORE.search(before):
            joined = _SEASON_AND_BEFORE.search(text, max(0, start - 20), start)
            if joined is None or not _SEASON_CUE_BEFORE.search(text, max(0, joined.start() - 16), joined.start()):
                return False
    if kind == "pseason" and not g["y17"]:
        # "in early spring", "by late autumn"; not "the late summer sun", "an early spring"
        if not _PART_SEASON_CUE_BEFORE.search(before) or _SEASON_NOUN_AFTER.match(text, end):
            return False
    if kind == "relative" and _SEASON_NOUN_AFTER.match(text, end):
        return False
    if kind == "oldyear" and g["y23"]:
        # the last item of a list of works or events and their years: an item before it ends so
        return _LISTED_YEAR_BEFORE.search(text, max(0, start - _LISTED_YEAR_REACH), start) is not None
    if kind == "oldyear" and g["y24"]:
        return (
            _alone_in_brackets(text, start, end)
            or _BORN_OR_DIED_AT_BEFORE.search(text, max(0, start - _BORN_OR_DIED_REACH), start) is not None
            or text.endswith(", ", 0, start)
            and _PAGES_AFTER.match(text, end) is not None
        )
    if (kind == "year" or kind == "range" or kind == "oldrange") and _not_a_year_before(before[-8:]):
        return False
    return True


# The last characters `_NOT_A_YEAR_BEFORE` may match before the space it ends with, or at its
# end: one of a reference's words' last letters (either case), a full stop, a sign of number.
_NOT_A_YEAR_ENDS = frozenset("lsopfdterhLSOPFDTERH.:#")


def _not_a_year_before(before: str) -> bool:
    """Whether `_NOT_A_YEAR_BEFORE` matches `before` (at its end)."""
    last = before[-1:]
    if last == " ":  # (most dates: "in 1917", "May, 1917"): the pattern's space, after a word's end
        last = before[-2:-1]
    # Another ASCII character there (not a space: a newline may end what the pattern matches,
    # whose `$` is before it) ends no match: the pattern is not tried.
    if SHORTCUTS and last.isascii() and last not in _NOT_A_YEAR_ENDS and last and not last.isspace():
        return False
    if SHORTCUTS and last.isascii() and last.isalpha():
        # An ASCII letter ends one of the words only with the letter before it ("of", "in"
        # end none; "op", "pp" do), or alone after a word's end ("f", "p"); a letter that is
        # not ASCII before it may be one by case ("ſ" is "s"): the pattern tells.
        before_last = before[-3:-2] if before[-1] == " " else before[-2:-1]
        if (
            before_last.isascii()
            and (before_last + last).lower() not in _NOT_A_YEAR_PAIRS
            and (last.lower() not in _NOT_A_YEAR_LETTERS or before_last.isalnum() or before_last == "_")
        ):
            return False
    return _NOT_A_YEAR_BEFORE.search(before) is not None


def _alone_in_brackets(text: str, start: int, end: int) -> bool:
    """Whether the number from `start` to `end` stands alone in brackets after a word: "a
    clever poet of the day (1260)", "the Thirty Years' War (1648)", "[1302]" — a year before
    1700 so given is the year of what the words before it name; not after a reference's word
    ("note (1260)", "p. [1302]", `_NOT_A_YEAR_BEFORE`)."""
    opening = text[start - 1 : start]
    if not opening or text[end : end + 1] != {"(": ")", "[": "]"}.get(opening):
        return False
    return not _not_a_year_before(text[max(0, start - 9) : start - 1])


def _after_cue(before: str, cues: tuple[str, ...]) -> bool:
    """Whether `before` ends with one of `cues` as a word of its own, or with it capitalised."""
    for cue in cues:
        if before.endswith(cue) or before.endswith(cue[:1].upper() + cue[1:]):
            at = len(before) - len(cue)
            if at == 0 or not before[at - 1].isalnum():
                return True
    return False


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    groups: re.Match
    attrs: dict[str, str]
    yearless: bool  # a day, month or season without a year


def _range_years(text: str, found: list[_Found]) -> list[int | None]:
    """For each date without a year, the year of the dated expression it is joined to as
    one range ("10 April to 15 May 1943"), read from the right so that chains pass it on."""
    years: list[int | None] = [None] * len(found)
    for i in range(len(found) - 2, -1, -1):
        here, following = found[i], found[i + 1]
        if not here.yearless or here.groups.lastgroup == "relative":
            continue
        if following.start - here.end > _JOIN_REACH or _RANGE_JOIN.fullmatch(text, here.end, following.start) is None:
            continue
        if following.yearless:
            years[i] = years[i + 1]
        else:
            stated = {v[:4] for v in following.attrs.values() if v[:4].isdigit()}
            years[i] = int(stated.pop()) if len(stated) == 1 else None
    return years


# After a date without a year, the year it lies in, counted from the text's ("Bailly had
# resigned office in the autumn of the preceding year").
_YEAR_AWAY_AFTER = re.compile(r"\sof\sthe\s(preceding|previous|following|next|ensuing)\syear\b")


def _year_away_after(text: str, end: int) -> re.Match | None:
    """`_YEAR_AWAY_AFTER` matched at `end`."""
    # (it opens with a space and "of": where "of" does not follow the date, it is not tried)
    if SHORTCUTS and not text.startswith("of", end + 1):
        return None
    return _YEAR_AWAY_AFTER.match(text, end)


# A relative clause in the pluperfect with a subject of its own that a date ends, no comma or
# parenthesis between ("which he had presented to the province party conference in October",
# "what they had been in July": what someone had done or been before the narrative's time;
# not "the law which had been passed in February", "after the shafts had been inspected in
# April": the pluperfect of a sequence, nor "the insurrection of August 10").
_RELATIVE_PLUPERFECT_BEFORE = re.compile(
    r"\b(?:which|who|whom|that|what)\s(?!had\b)(?:[\w'’]+\s){1,3}?had\s(?:been\s)?[a-z]+(?:ed|en|wn|ne|ght|un|de|lt|nt|pt|ft|ung|ook)\b"
    r"[^,;:()]{0,60}?\s(?:in|on|at)\s$"
)

# The dates without a year whose going into the next year moves the text there: a day's, a
# month's (not a season's, which spans months: "the law passed in the spring").
_CROSSING = frozenset({*_DAYS, "bare"})

# What follows a date that ends its sentence.
_CLOSES = re.compile(r"[)'’\"”]*(?:[.;!?]|$)")
# The characters `_CLOSES` may match first: a closing bracket or quote, a stop, or the newline
# its `$` may stand before.
_CLOSES_FIRSTS = frozenset(")'’\"”.;!?\n")


def _closes(text: str, end: int) -> bool:
    """Whether `_CLOSES` matches at `end`: the date ends its sentence (or its text)."""
    after = text[end : end + 1]
    # (most dates go on with a comma or a space: the pattern is not tried)
    if SHORTCUTS and after and after not in _CLOSES_FIRSTS:
        return False
    return _CLOSES.match(text, end) is not None


# A past participle and "in"/"on" before a date: when something was done ("the target, set in
# July 1935, …", "the decree adopted on 5 March"), a look back as a sentence's last date is.
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|set|held|made|given|gave|taken|took|written|wrote|begun|began|laid|built|put)"
    # "the warnings issued by the Central Committee (i.e. by Stalin himself) in July 1936": a
    # named agent between, within the sentence (not "reinforced by the passage in the
    # President's speech before Congress on February 11, 1918": the date is the passage's)
    r"(?:\sby\s(?:the\s)?[A-Z](?:(?![.!?]\s+[A-Z])[^;:!?]){0,60}?)?\s(?:in|on)\s$"
)
# The words before a date that opens a paragraph ("In 1938 the economy …").
_OPENING = re.compile(r"\s*(?:(?:[Ii]n|[Bb]y|[Dd]uring|[Ff]rom|[Ee]arly\sin|[Ll]ate\sin)\s)?(?:the\s)?")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"'’”)]*\s+)(?:(?:In|By|During|From|Early\sin|Late\sin)\s)?(?:the\s)?$")


# "had" and a past participle: the pluperfect, which tells what was before the time the
# narrative is at ("In February 1793 the Convention had determined …", "Frankfort had been
# stormed (December 2, 1792)"). ("had to", "had a": no participle.)
_PLUPERFECT = re.compile(
    r"\bhad\s(?:(?:not|already|long|just|never|also|then|once)\s)?(?:been\s)?[a-z]+(?:ed|en|wn|ne|ght|un|de|lt|nt|pt|ft|ung|ook)\b"
)
_SENTENCE_END = re.compile(r"[.!?;][\"'’”)]*\s")


def _in_pluperfect(text: str, start: int, end: int) -> bool:
    """Whether the sentence (clause up to a semicolon) a date stands in is in the pluperfect:
    the date then names a time before the narrative's."""
    before = max(0, start - 100)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, before, start)]
    after = _SENTENCE_END.search(text, end, end + 80)
    return _PLUPERFECT.search(text, ends[-1] if ends else before, after.start() if after else end + 80) is not None


def _closes_commas(text: str, start: int, end: int) -> bool:
    """Whether the date ends a phrase set off by commas inside its sentence, one that says
    more than when ("The policy, one of the issues behind the rift with the Left SRs in July
    1918, alienated …"; not "…, in June 1794, the Prussians …", the main clause's time)."""
    if not text.startswith(",", end):
        return False
    before = max(0, start - 160)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, before, start)]
    comma = text.rfind(",", ends[-1] if ends else before, start)
    return comma >= 0 and len(text[comma + 1 : start].split()) > 2


def _attributive(text: str, start: int) -> bool:
    # The test on the last word first: the pattern's look-behinds are slow to run at each date.
    if not SHORTCUTS:
        return text.endswith(("of ", "since ", "until ", "till ", "the "), 0, start) and bool(
            _ATTRIBUTIVE_BEFORE.search(text, max(0, start - 16), start)
        )
    # The pattern ends with the word and the space the text before the date ends with (its
    # `$` is where the text looked at ends: a newline before it would end the text): it can
    # begin only at the white space before the word, where it is matched, not searched for
    # (a search runs its eight look-behinds at each of the sixteen characters looked at).
    if text.endswith("of ", 0, start):
        at = start - 4
    elif text.endswith(("since ", "until "), 0, start):
        at = start - 6
    elif text.endswith("till ", 0, start):
        at = start - 5
    elif not text.endswith("the ", 0, start):
        return False
    elif text.endswith(("since the ", "until the "), 0, start):
        at = start - 10
    elif text.endswith("till the ", 0, start):
        at = start - 9
    else:
        return False
    return at >= 0 and _ATTRIBUTIVE_BEFORE.match(text, at, start) is not None


# The most characters the words `_OPENING` and `_SENTENCE_OPENING` allow before a date span
# ("Early in the "), leading white space apart (and the newline `$` may stand before).
_OPENING_REACH = 13
_OPENING_FIRSTS = frozenset("IiBbDdFfEeLlt")  # the first letters of those words


def _may_open(text: str, start: int) -> bool:
    """Whether `_OPENING` may match the text before `start` whole: it begins with white space
    or with one of its words and is no longer than they are (or is empty)."""
    first = text[:1]
    return start == 0 or first.isspace() or first in _OPENING_FIRSTS and start <= _OPENING_REACH


def _opens(text: str, start: int, block_start: bool) -> str:
    """Whether the date at `start` opens the paragraph, a sentence, or neither ("")."""
    if block_start and (not SHORTCUTS or _may_open(text, start)) and _OPENING.fullmatch(text, 0, start):
        return "paragraph"
    reach = max(0, start - 24)
    if SHORTCUTS:
        # Past a text's start, a sentence opens after a stop: with none in the characters
        # looked at (most dates stand inside a sentence), the pattern is not tried; nor at
        # the start, further than its words before a date reach.
        near = text[reach:start]
        if "." not in near and "!" not in near and "?" not in near and (reach or start > _OPENING_REACH + 1):
            return ""
    return "sentence" if _SENTENCE_OPENING.search(text, reach, start) else ""


def _participle_before(text: str, start: int) -> bool:
    """Whether `_PARTICIPLE_BEFORE` matches before the date at `start`."""
    # The pattern ends with "in" or "on" and a space, where the text looked at ends (or
    # before a newline there): without either in the last five characters, it is not tried.
    if SHORTCUTS and "in" not in (near := text[max(0, start - 5) : start]) and "on" not in near:
        return False
    reach = max(0, start - 90)
    if SHORTCUTS and "by" not in text[reach:start] and not _after_participle(text, start):
        # (without "by" the participle stands right before "in" or "on": where the letter
        # there ends none, most words before "in 1917", the pattern is not tried)
        return False
    return _PARTICIPLE_BEFORE.search(text, reach, start) is not None


# The last letters of the participles `_PARTICIPLE_BEFORE` names ("-ed", "held", "set",
# "made", "given", "took" …).
_PARTICIPLE_ENDS = frozenset("dtenk")


def _after_participle(text: str, start: int) -> bool:
    """Whether the text before `start` ends as `_PARTICIPLE_BEFORE` ends without its "by"
    clause: white space, "in" or "on", white space (then maybe the newline its `$` stands
    before), after a letter that ends one of its participles."""
    for end in (start, start - 1):
        if end < 5 or end < start and text[end] != "\n":
            continue
        if (
            text[end - 1].isspace()
            and text[end - 3 : end - 1] in ("in", "on")
            and text[end - 4].isspace()
            and text[end - 5] in _PARTICIPLE_ENDS
        ):
            return True
    return False


# Whether the character tests before the patterns of `_opens` and `_participle_before` are
# made (False: the plain form, for the tests to compare; `_JOIN_REACH` made large is the plain
# form of the joins').
SHORTCUTS = True


# What every date the pattern finds holds: a digit, the first letters of a month's name
# (the profile's months whole), a season's name, "century" or a decade in words. A text with none of them is
# passed over: the date pattern opens with a look-ahead, which `re` tries at every position
# (most text nodes of a novel hold no date). The ASCII digits and the words are sought in one
# scan by an Aho-Corasick automaton, in Rust (as alternatives of a pattern,
# a profile's many month names made the search slower than the date pattern it spares);
# other digits (`\d` is any Unicode digit) only in a text that is not ASCII.
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8)
def _date_words(months: tuple[str, ...] = ()) -> ahocorasick_rs.AhoCorasick:
    words = "0 1 2 3 4 5 6 7 8 9 Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec century".split()
    words += _DECADE_WORDS
    seasons = [w for s in ("spring", "summer", "autumn", "winter") for w in (s, s.capitalize())]
    # an empty month names nothing (and the automaton refuses it)
    return ahocorasick_rs.AhoCorasick([w for w in (*words, *seasons, *months) if w])


def may_hold_dates(text: str, months: tuple[str, ...] = ()) -> bool:
    """Whether `text` may hold a date: whether it holds what every date holds."""
    if _date_words(months).find_matches_as_indexes(text):  # the scan in Rust, twice as fast
        return True
    return not text.isascii() and _DIGIT.search(text) is not None


# Where a date may begin: the date pattern opens with `\b` and look-aheads, which `re` tries
# at every position of a text that holds a date (a tenth of the date pass's time on the
# bundled book). Every match begins with a digit or one of these words, as the pattern's
# branches begin (a month's first letters, the parts of a month or year, seasons, the edges of
# a year, "turn of", the words that move a year, and, for the texts they are sought in, "the"
# of a century and the decades in words); they are found in one scan by an Aho-Corasick
# automaton, in Rust, and the pattern is tried only where one begins a word (`_scan`), or where
# a day in words begins before one (`_DAY_IN_WORDS_BEFORE`).
_START_WORDS = (
    *"0123456789",
    *"Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    *(
        w
        for word in "early mid late spring summer autumn fall winter beginning start end first second latter last third turn".split()
        for w in (word, word.capitalize())
    ),
    *"following next ensuing previous preceding".split(),  # `_RELATIVE`, in lower case only
)
# A digit of another script (`\d` is any Unicode digit): a text that holds one is scanned whole.
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


_NON_WORD = re.compile(r"\W")


@lru_cache(maxsize=8)
def _holding(months: tuple[str, ...], names: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    """The automaton of what every date the pass finds holds (`holds_any`): the words a date
    may begin with (`_START_WORDS`, a profile month's word characters up to the first other
    one), those `may_hold_dates` seeks (a century, a decade in words, a season, a profile's
    month whole), and `names`: the feasts' and another calendar's months (`add_feasts`,
    `add_calendar_dates`)."""
    seasons = [w for s in ("spring", "summer", "autumn", "winter") for w in (s, s.capitalize())]
    own = [_NON_WORD.split(m, 1)[0] for m in months]
    words = {*_START_WORDS, *_DECADE_WORDS, "century", *seasons, *own, *months, *names}
    return ahocorasick_rs.AhoCorasick(sorted(w for w in words if w))


def holds_any(text: str, holding: ahocorasick_rs.AhoCorasick) -> bool:
    """Whether `text` may hold a date, a feast or another calendar's date: one of the words
    of `holding` (`_holding`), or a digit of another script. A text without (most text nodes
    of a poem or a play) is passed over at once: `find_dates`, `add_feasts` and
    `add_calendar_dates` each scan it for their words first, and find nothing."""
    return bool(holding.find_matches_as_indexes(text)) or (not text.isascii() and _OTHER_DIGIT.search(text) is not None)


@lru_cache(maxsize=8)
def _date_starts(months: tuple[str, ...], centuries: bool, decades: bool) -> ahocorasick_rs.AhoCorasick | None:
    """The automaton of the words a date may begin with (`_START_WORDS`), for `_pattern(months,
    centuries, decades)`; a month's name by its word characters up to the first other one
    ("dekabr" of "dekabr'"); None where one begins with no word character (`_scan` would
    not try it)."""
    own = [_NON_WORD.split(m, 1)[0] for m in months if m]
    if not all(own):
        return None
    words = [*_START_WORDS, *own]
    if centuries:
        words += ["The", "the"]
    if decades:
        words += _DECADE_WORDS
    # Each word is word characters only: one begun inside another's match, which the
    # leftmost-longest scan passes over, follows a word character, where no date begins.
    return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


@lru_cache(maxsize=8)
def _date_starts_by_pairs(months: tuple[str, ...]) -> tuple[ahocorasick_rs.AhoCorasick, tuple[int, ...]]:
    """`_date_starts(months, False, False)` (not None) for `find_in_texts`'s scan, every pair
    of ASCII digits a word of it too, and the index in `_date_starts`'s words of what each
    word begins with (a pair's first digit). A number is found in half as many matches ("19"
    and "29" of "1929", not its four digits): the digits after the first follow a digit,
    inside a word, where `find_in_texts` passes over each match, and the first is found at
    the same place, as the same word. (A profile's month that holds a digit keeps the plain
    automaton: a pair could run into it.)"""
    own = [_NON_WORD.split(m, 1)[0] for m in months if m]
    plain = _date_starts(months, False, False)
    assert plain is not None  # `find_in_texts` asks only where there is one
    count = len(_START_WORDS) + len(own)
    if any(c.isdigit() for word in own for c in word):
        return plain, tuple(range(count))
    pairs = [f"{a}{b}" for a in "0123456789" for b in "0123456789"]
    # A DFA: the automaton the library chooses for so many words (a contiguous NFA) read
    # the bundled book's texts in 7.7 ms, a DFA in 3.4 (the plain automaton's, in 4.1).
    automaton = ahocorasick_rs.AhoCorasick(
        [*_START_WORDS, *own, *pairs],
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    return automaton, (*range(count), *(int(pair[0]) for pair in pairs))


# A day in words before its month ("the twenty-fourth of June") begins with no word of the
# automaton but "first", "second" and "third" (the ordinals it would hold besides slow its scan
# of every text twofold: it finds too many words): its month is one, and the ordinal is sought
# before a word found after "of" or "o'" (the longest, "twenty-seventh day of ", is 22
# characters); and "twenty-first" begins at "twenty", before the word "first".
_OF_BEFORE_MONTH = frozenset({"of ", "o' ", "o’ "})
_DAY_IN_WORDS_BEFORE = re.compile(rf"\b{_DAY_ORDINAL}\s(?:day\sof|of|o['’])\s$")
_DAY_IN_WORDS_REACH = 24
_TENS = frozenset({"twenty", "Twenty", "thirty", "Thirty"})
# The words of `_START_WORDS` a day in words may come before (the English months) or end
# with ("first", "second", "third"), by their index; those from `_OWN_WORDS` on are a
# profile's months (and the words of centuries and decades, also looked at).
_DAY_IN_WORDS_AFTER = frozenset(
    i for i, w in enumerate(_START_WORDS) if w.lower() in MONTHS and len(w) == 3 or w.lower() in _ORDINALS[:3]
)
_OWN_WORDS = len(_START_WORDS)


def _scan(
    pattern: re.Pattern, text: str, words: list | None, glued: list[int] | None = None, bounded: bool = False
) -> list[re.Match]:
    """`list(pattern.finditer(text))`, the pattern tried only where one of `words` (what the
    automaton of `_date_starts` finds in `text`) begins a word of the text, where the
    pattern's `\\b` holds: the same matches. None: the pattern is tried everywhere.
    `glued`: given with `words`, filled as the words are read with what `_glued` gives, the
    digits run into a preposition (each follows a letter: a word passed over here), rather
    than in a walk of the words of its own. `bounded`: `text` is texts joined by a NUL
    (`find_in_texts`), and each word's third item is where the text it stands in ends: the
    pattern is matched up to there (its `$`), and each text gives the matches its own scan
    gives, at their places in `text` (what the pattern and the words' tests look at before
    a text's start holds a NUL there, which no date, day in words nor preposition holds, as
    nothing stands before the text alone)."""
    if words is None:
        return list(pattern.finditer(text))
    found = []
    end = 0
    match = pattern.match
    text_end = len(text)
    for index, at, bound in words:
        if bounded:
            text_end = bound
        if at:
            before = text[at - 1]
            if before.isalnum() or before == "_":  # inside a word
                if glued is not None and index < _DIGIT_WORDS and before in "ny" and _glued_at(text, at):
                    glued.append(at)
                continue
        if at < end:
            continue  # inside the last date
        if index in _DAY_IN_WORDS_AFTER or index >= _OWN_WORDS:  # a month's name (or "first" …)
            if at > 2 and text[at - 3 : at] in _OF_BEFORE_MONTH:
                day = _DAY_IN_WORDS_BEFORE.search(text, max(end, at - _DAY_IN_WORDS_REACH), at)
                tens = day.start() if day is not None else None
            else:  # "twenty-first of April", "twenty first": the date begins at "twenty", before "first"
                tens = at - 7 if at >= 7 + end and text[at - 7 : at - 1] in _TENS and text[at - 1] in "- " else None
            if tens is not None and (m := match(text, tens, text_end)) is not None:
                end = m.end()
                found.append(m)
                continue
        m = _year_alone(text, at, text_end) if index < _DIGIT_WORDS and YEAR_ALONE else None
        if m is None:
            m = match(text, at, text_end)
        if m is not None:
            end = m.end()
            found.append(m)
    return found


# Whether `_scan` matches a year alone by its branch (`_year_alone`) before the whole pattern
# (False: the plain form, for the tests to compare).
YEAR_ALONE = True


# A print run's words together: "On16 September", "in1935" (a preposition the date follows).
# (The digit first, the words looked behind: a scan for digits is three times faster.)
_GLUED = re.compile(r"\d(?<=(?:[Oo]n|[Ii]n|[Bb]y)\d)(?<![\w'’-]...)")
_GLUED_REACH = 40  # characters a glued date is searched for in
_GLUING = frozenset({"On", "on", "In", "in", "By", "by"})  # `_GLUED`'s prepositions
_DIGIT_WORDS = 10  # the first words of `_START_WORDS`, and of `_date_starts`'s: the digits


def _glued(text: str, words: list | None) -> list[int]:
    r"""Where `_GLUED` matches in `text`: the digits run into a preposition. `words`: see
    `_scan`; where given, the automaton has found every digit of the text already (an ASCII
    digit is a word of its own, and a text of `words` holds no other), and the preposition and
    the character before it are looked at there, not by the pattern at each digit of the text
    (`re` tests `\d` at every character: a tenth of the date pattern's own time)."""
    if words is None:
        return [g.start() for g in _GLUED.finditer(text)]
    return [at for index, at, _ in words if index < _DIGIT_WORDS and _glued_at(text, at)]


def _glued_at(text: str, at: int) -> bool:
    """Whether the digit at `at` is run into a preposition: `_GLUED` matches there."""
    # `(?<![\w'’-]...)`: no word character, apostrophe or hyphen before the preposition
    return text[at - 2 : at] in _GLUING and (at == 2 or not ((before := text[at - 3]).isalnum() or before in "_'’-"))


def _matches(
    pattern: re.Pattern, text: str, words: list | None = None, ends: list[int] | None = None
) -> list[tuple[re.Match, int]]:
    """The date pattern's matches in `text`, each with the offset its positions count from:
    those `finditer` gives (offset 0), and, in their place in the text, a date run into the
    preposition before it ("On16 September": no word boundary, where the pattern begins),
    matched in the characters after the preposition. `words`: see `_scan`; `ends`: `text` is
    texts joined by a NUL, each ending where `ends` says, `words` bounded by them (`_scan`)."""
    if words is None:
        glued = _glued(text, None)
        scanned = _scan(pattern, text, None)
    else:  # the digits run into a preposition found as the words are read for the pattern
        glued = []
        scanned = _scan(pattern, text, words, glued, ends is not None)
    extra = []
    for at in glued:
        text_end = len(text) if ends is None else ends[bisect.bisect_right(ends, at)]
        m = pattern.match(text[at : min(at + _GLUED_REACH, text_end)])
        if m is not None:
            extra.append((at, at, m))
    if not extra:
        return [(m, 0) for m in scanned]
    out = []
    end = 0
    for start, at, m in sorted([(m.start(), 0, m) for m in scanned] + extra, key=lambda x: x[0]):
        if start >= end:  # not "September 1918" inside "On16 September 1918"
            end = at + m.end()
            out.append((m, at))
    return out


_UNMADE = object()


class Reading:
    """What `find_dates` reads a text with, for a profile's `months` and `cues` (see
    `find_dates`): their names as the key of the automata and patterns made for them, the
    cues each with its space, and the automaton (`_date_starts`) and pattern (`_pattern`)
    for each kind of text (with a century or not, with a decade in words or not), each
    taken from its cache once, when first needed. The date pass reads every text node of a
    book with one: the key was made, and looked up twice, for each."""

    def __init__(
        self, months: Mapping[str, int] | None = None, cues: tuple[str, ...] = (), figures: Collection[str] = ()
    ) -> None:
        self.months = months
        self.own = tuple(months or ())
        self.cues = tuple(f"{c} " for c in cues)
        self.figures = frozenset(w.lower() for w in figures)  # a profile's `[dates] figures`
        self._starts: list = [_UNMADE] * 4  # by kind of text: 2 * centuries + decades
        self._patterns: list = [_UNMADE] * 4

    def starts(self, centuries: bool, decades: bool) -> ahocorasick_rs.AhoCorasick | None:
        kind = 2 * centuries + decades
        made = self._starts[kind]
        if made is _UNMADE:
            made = self._starts[kind] = _date_starts(self.own, centuries, decades)
        return made

    def pattern(self, centuries: bool, decades: bool) -> re.Pattern:
        """The date pattern for a text with a century or not, with a decade in words or not:
        with `ONE_PATTERN`, the one that seeks both, for every text (it matches where the
        pattern for the text's kind does, and only there: what it seeks besides needs the
        word "century" or a decade's name, which the text has not; compiling the big
        pattern, 22-34 ms, was paid for each kind a book's texts were of)."""
        kind = 3 if ONE_PATTERN else 2 * centuries + decades
        made = self._patterns[kind]
        if made is _UNMADE:
            made = self._patterns[kind] = _pattern(self.own, kind >= 2, kind % 2 == 1)
        return made


# Whether `Reading.pattern` gives every text the pattern made for a text with a century and a
# decade in words (False: the plain form, the pattern of its kind, for the tests to compare).
ONE_PATTERN = True


# Where the date pattern may match at a digit: its only branch that begins with one begins
# with `_DIGIT_START` (a date run into a preposition too, read from the digit on). The NUL
# after a text in the joined texts is no digit, space nor dash, as the text's end is none.
_OPENS_DAY_OR_YEAR = re.compile(_DIGIT_START)


# Numbers the date pattern matches nothing at, told by their digits and the characters around
# (`_no_date_at`). A number of three digits where `_OPENS_DAY_OR_YEAR` matches is one of three
# digits: the pattern's only branch it may begin is the ancient year's, whose every form the
# words of `_ANCIENT_YEAR_CUE` ("the year", since, until, till) and a space stand before ("until
# 656"). A number of one or two digits begins a day's branches only ("3 May", "12-14 March"): a
# space after it, they go on with a dash, "to", "day of", "of" or a month's name. (Three digits,
# page numbers and references most, were half the numbers the pattern was tried at in the bundled
# book, none a date; a day's number before a lower-case word, "25 per cent", a tenth.)
_THREE_DIGITS_CUES = ("year", "since", "Since", "until", "Until", "till", "Till")
_THREE_DIGITS_CUES_REACH = max(map(len, _THREE_DIGITS_CUES)) + 1  # and the space after one


@lru_cache(maxsize=8)
def _after_a_days_number(months: tuple[str, ...]) -> frozenset[str]:
    """The characters that may follow a day's number and a space in a date of the pattern
    made for `months` (a profile's, beside the English): a dash, the first letters of "to",
    "day of" and "of", and those of the months' names."""
    return frozenset("-–—tdo" + "JFMASOND" + "".join(m[0] for m in months if m))


def _no_date_at(text: str, at: int, after_day: Collection[str]) -> bool:
    """Whether the date pattern (with the months `after_day` was made for:
    `_after_a_days_number`) matches nothing at the number at `at`, which `_OPENS_DAY_OR_YEAR`
    opens: three digits no word of `_THREE_DIGITS_CUES` and one character stand before, or
    one or two and a space before a character none of `after_day`. (False: it may match.)"""
    if text[at + 1 : at + 2].isdecimal():
        if text[at + 2 : at + 3].isdecimal():
            return not text[at + 3 : at + 4].isdecimal() and (
                at < 2 or not text.endswith(_THREE_DIGITS_CUES, max(0, at - _THREE_DIGITS_CUES_REACH), at - 1)
            )
        after = at + 2
    else:
        after = at + 1
    return text[after : after + 1] == " " and text[after + 1 : after + 2] not in after_day


# Whether `find_in_texts` passes over the numbers the pattern matches nothing at (`_no_date_at`)
# without trying it (False: the plain form, for the tests to compare).
NUMBERS_TOLD = True


@lru_cache(maxsize=8)
def _opens_a_date(months: tuple[str, ...]) -> re.Pattern:
    """`_OPENS_DAY_OR_YEAR` and not `_no_date_at` (with `_after_a_days_number(months)`) as one
    pattern, matched at a digit: one or two digits and what a day's date goes on with (white
    space other than a space, a dash, an ordinal's or "to"'s letter, a word joiner; a space
    before a character of `after_day`), three after a word of `_THREE_DIGITS_CUES` and one
    character, or a year's four. (The bundled book tried the pattern at ~8,000 numbers, then
    told ~6,000 of them in Python: one match costs half of the two.)"""
    after_day = re.escape("".join(sorted(_after_a_days_number(months))))
    cued = "|".join(rf"(?<={re.escape(cue)}[\s\S])" for cue in _THREE_DIGITS_CUES)
    return re.compile(
        rf"(?=\d\d?(?:[\-–—snrt\u2060]|[^\S ]| [{after_day}])|(?:{cued})[1-9]\d\d(?!\d)|[12]\d\d\d(?!\d))"
    )


# Whether `find_in_texts` tells the numbers of `NUMBERS_TOLD` by one pattern (`_opens_a_date`)
# rather than by `_OPENS_DAY_OR_YEAR` and `_no_date_at` (False: the plain form, for the tests).
NUMBERS_BY_PATTERN = True


# Whether `find_in_texts` tries the date pattern at the words of all its texts in one scan of
# them joined (False: the plain form, a scan of each text, for the tests to compare).
JOINED_SCAN = True


# The texts `find_in_texts` leaves to `find_dates`, one by one: those naming a century or a
# decade in words (read with other words and another pattern: as `find_dates` tells them,
# "ties" then `_HOLDS_DECADE_WORD`), or holding a digit of another script (read by the pattern
# at every position).
_READ_ALONE = ("century", "ties")


def find_in_texts(
    texts: list[str],
    contexts: list[YearContext],
    openings: Collection[str],
    reading: Reading,
    joined: str | None = None,
    private: Collection[YearContext] = (),
) -> dict[int, list[tuple[int, int, dict[str, str]]]]:
    """`find_dates(texts[k], contexts[k], texts[k] in openings, reading=reading)` for each text in
    order, as {k: its dates} for those that hold one: the same dates, the contexts read
    alike. The words a date begins with are sought in one scan of the texts joined (a NUL,
    which no XML text holds and no word of the automaton, between them: the scan finds in
    each text what it finds in it alone), those inside a word passed over at once (the
    digits of "1929" after the first, of "f. 17, op. 3, d. 1234"); only the texts holding
    one are read further (most text nodes of a book hold none: each cost a call and a scan
    of its own). `joined`: the texts so joined, if the caller has them; `private`: contexts
    read no more after these texts (a note's): the dates in a context of them that no date
    without a year among its texts asks are not read into it (where it stands, what it
    says), as nothing would ask them (its state after is then not `find_dates`'s)."""
    words = reading.starts(False, False)
    if words is None:
        return {k: d for k, t in enumerate(texts) if (d := find_dates(t, contexts[k], t in openings, reading=reading))}
    by_pairs, lead = _date_starts_by_pairs(reading.own)
    after_day = _after_a_days_number(reading.own)
    opens_a_date = _opens_a_date(reading.own).match if NUMBERS_TOLD and NUMBERS_BY_PATTERN else None
    if joined is None:
        joined = "\x00".join(texts)
    ends = []  # where each text ends in `joined`
    at = -1
    for text in texts:
        at += len(text) + 1
        ends.append(at)
    alone: set[int] = set()
    for needle in _READ_ALONE:
        found = joined.find(needle)
        while found >= 0:
            if needle == "ties" and SHORTCUTS:
                # A decade's name is sought where "ties" stands (the pattern opens with it), in
                # the texts joined: the NUL around a text is no word's letter, as its ends are
                # none (not in each text holding "ties", "parties", searched whole).
                if _HOLDS_DECADE_WORD.match(joined, found) is None:
                    found = joined.find(needle, found + 4)
                    continue
                k = bisect.bisect_right(ends, found)
                alone.add(k)
                found = joined.find(needle, ends[k] + 1)
                continue
            k = bisect.bisect_right(ends, found)
            if needle != "ties" or _HOLDS_DECADE_WORD.search(texts[k]) is not None:
                alone.add(k)
            found = joined.find(needle, ends[k] + 1)
    if not joined.isascii():  # (the texts that are not ASCII searched: few, and short)
        alone.update(k for k, text in enumerate(texts) if not text.isascii() and _OTHER_DIGIT.search(text))
    by_text: dict[int, list] = {k: [] for k in alone}
    # With `JOINED_SCAN`, the words of the texts not read alone, in `joined`, each with the end
    # of its text: the pattern is tried at them in one scan of the texts joined (`_scan`'s
    # `bounded`), not in a call for each text (most texts that hold a date hold one or two).
    bounded: list[tuple[int, int, int]] = []
    k, end, begins, listed, whole = 0, -1, 0, [], False
    for index, start, _ in by_pairs.find_matches_as_indexes(joined):
        index = lead[index]
        if start and ((before := joined[start - 1]).isalnum() or before == "_"):
            if index >= _DIGIT_WORDS or before not in "ny":
                continue  # inside a word, where `_scan` tries nothing (but a digit run into "on", "in", "by")
        if index < _DIGIT_WORDS and (
            opens_a_date(joined, start) is None
            if opens_a_date is not None
            else _OPENS_DAY_OR_YEAR.match(joined, start) is None
            or NUMBERS_TOLD
            and _no_date_at(joined, start, after_day)
        ):
            continue  # "p. 245", "l. 5.": no date begins there
        if start > end:  # in a later text
            k = bisect.bisect_right(ends, start, k)
            end = ends[k]
            begins = end - len(texts[k])
            listed = by_text.setdefault(k, [])
            whole = JOINED_SCAN and k not in alone
        if whole:
            bounded.append((index, start, end))
        else:
            listed.append((index, start - begins, 0))
    pattern = reading.pattern(False, False)
    if JOINED_SCAN:  # each text's matches, their offsets counted from its start
        k, end, begins = 0, -1, 0
        for m, at in _matches(pattern, joined, bounded, ends):
            if (start := at + m.start()) > end:
                k = bisect.bisect_right(ends, start, k)
                end = ends[k]
                begins = end - len(texts[k])
                listed = by_text[k]
            listed.append((m, at - begins))
    judged: dict[int, list[_Found]] = {}
    consulted = set()  # the contexts of `private` a date without a year asks
    for k in sorted(by_text):
        if k in alone:
            consulted.add(contexts[k])  # (`find_dates` may read one)
            continue
        text = texts[k]
        matched = by_text[k] if JOINED_SCAN else _matches(pattern, text, by_text[k])
        dates_here = judged[k] = _judge(text, matched, reading)
        # (only a context of `private` is asked whether it was consulted: the others' dates
        # are not looked through)
        context = contexts[k]
        if context in private and context not in consulted and any(f.yearless for f in dates_here):
            consulted.add(context)
    out = {}
    for k in sorted(by_text):
        text, context = texts[k], contexts[k]
        if k in alone:
            dates = find_dates(text, context, text in openings, reading=reading)
        else:
            # a context no date without a year asks, left unread: it tells no date anything
            read_into = None if context in private and context not in consulted else context
            dates = _read_found(text, judged[k], read_into, text in openings, reading)
        if dates:
            out[k] = dates
    for k in eras.texts_holding(joined, ends):  # years with their era ("473 BC"), any size of year
        if (dated := eras.with_eras(texts[k], out.get(k, []))) and dated is not out.get(k):
            out[k] = dated
    return out


def find_dates(
    text: str,
    context: YearContext | None = None,
    block_start: bool = False,
    months: Mapping[str, int] | None = None,
    cues: tuple[str, ...] = (),
    reading: Reading | None = None,
) -> list[tuple[int, int, dict[str, str]]]:
    """The dates in `text`: (start, end, attributes). With a `context`, dates without a year
    take the year it holds (marked `evidence="internal"`), and dated ones update it;
    `block_start`: the text opens a paragraph or heading; `months`: a profile's month names
    (`[dates] months`) beside the English; `cues`: a profile's words that make a month a
    date after them (`[dates] cues`: Scots "frae November"), beside the English. `reading`:
    `Reading(months, cues)`, when made already (then `months` and `cues` are its own)."""
    if reading is None:
        reading = Reading(months, cues)
    own = reading.own
    decades = "ties" in text and _HOLDS_DECADE_WORD.search(text) is not None
    centuries = "century" in text
    starts = reading.starts(centuries, decades)
    if starts is None or (not text.isascii() and _OTHER_DIGIT.search(text)):
        if not may_hold_dates(text, own):
            return []
        words = None  # the pattern tried at every position
    else:
        # Every date begins with one of the words, a date run into a preposition with a
        # digit: a text without any holds none (the scan `may_hold_dates` would make).
        words = starts.find_matches_as_indexes(text)
        if not words:
            return []
    found = _judge(text, _matches(reading.pattern(centuries, decades), text, words), reading)
    return eras.with_eras(text, _read_found(text, found, context, block_start, reading))


def _judge(text: str, matched: list[tuple[re.Match, int]], reading: Reading) -> list[_Found]:
    """The dates of the date pattern's matches in `text` (`_matches`), each judged where it
    stands, with its span and value before any year from context."""
    months, cues, figures = reading.months, reading.cues, reading.figures
    found: list[_Found] = []
    for m, at in matched:
        g = m  # its groups by name: m["dmy"] (groupdict would copy ~70 groups for each date)
        kind = m.lastgroup
        if kind == "year" and SHORTCUTS:
            # (half the dates: a year alone read here as `value`, `_acceptable` and the words
            # before it below read it, without the calls, nor the tests of the other forms)
            start, end = m.span()
            start += at
            if _not_a_year_before(text[max(0, start - 8) : start]):
                continue
            if "year" in text[max(0, start - 6) : start]:  # "the year 1808": the words name the year
                the = _THE_YEAR_BEFORE.search(text, max(0, start - 9), start)
                start = the.start() if the else start
            found.append(_Found(start, end + at, g, {"when": g["y8"]}, False))
            continue
        attrs = value(g, months=months)
        # (a form that names no day gives no value with one: a year, a month, a season …)
        if attrs is None or (kind in _NAMING_DAYS or not SHORTCUTS) and not _valid_day(attrs):
            continue
        matched_start, end = m.span()
        matched_start += at
        end += at
        if _acceptable(g, text, matched_start, end, cues, figures):
            start = matched_start
            if kind in _DAYS:  # "the night of 4 March 1953"
                # (the pattern ends with "of" and a space: without "of" just before, not tried)
                near = "of" in text[max(0, start - 5) : start] or not SHORTCUTS
                part_of_day = _PART_OF_DAY_BEFORE.search(text, max(0, start - 14), start) if near else None
                start = part_of_day.start() if part_of_day else start
            if (
                (kind == "dmy" or kind == "dm")
                and start == matched_start
                and _ordinal_day(text, start)
                or kind == "wdm"
            ):
                # "the 13th May, 1919", "the 15th day of March", "the first of May": the article
                # belongs to the day
                the = _THE_BEFORE.search(text, max(0, start - 4), start)
                start = the.start() if the else start
            elif (
                kind == "year" or kind == "oldyear" or kind == "ancient"
            ):  # "the year 1808", "the year 1685": the words name the year
                # (the pattern ends with "year" and a space: without it just before, not tried)
                near = "year" in text[max(0, start - 6) : start] or not SHORTCUTS
                the = _THE_YEAR_BEFORE.search(text, max(0, start - 9), start) if near else None
                start = the.start() if the else start
            # "on a March day": a month of no year in particular, which takes none from context
            indefinite = kind == "bare" and text.endswith(" a ", 0, start)
            found.append(_Found(start, end, g, attrs, kind != "year" and _needs_year(g) and not indefinite))
    return found


def _read_found(
    text: str, found: list[_Found], context: YearContext | None, block_start: bool, reading: Reading
) -> list[tuple[int, int, dict[str, str]]]:
    """`find_dates` from the dates `_judge` found in `text`: each given its year and read
    into `context`."""
    if not found:
        return []
    months = reading.months
    out = []
    parenthesised = "(" in text
    depth = 0  # parentheses open before the date (in this text)
    last = 0
    count = len(found)
    ranged = _range_years(text, found) if count > 1 else [None]  # (one date: none joined to another)
    joined = None  # the first value of a date without a year that took it from the next one
    has_had = "had" in text  # the pluperfect's word (`_in_pluperfect`)
    i = 0
    while i < count:
        f = found[i]
        kind = f.groups.lastgroup
        if parenthesised:
            depth = max(0, depth + text.count("(", last, f.start) - text.count(")", last, f.start))
            last = f.start
        attrs = _dated(f, ranged[i], context, months) if f.yearless else f.attrs
        if context is not None and context.year is not None and "evidence" in attrs and ranged[i] is None:
            away = _year_away_after(text, f.end)
            if away is not None:  # "in the autumn of the preceding year": the year before the text's
                year = context.year + (1 if away[1] in ("following", "next", "ensuing") else -1)
                attrs = {**(value(f.groups, year, months) or f.attrs), "evidence": "internal"}
        if (
            has_had
            and context is not None
            and ranged[i] is None
            and kind in _CROSSING
            and "evidence" in attrs
            and _RELATIVE_PLUPERFECT_BEFORE.search(text, max(0, f.start - 90), f.start) is not None
        ):
            attrs = context.before(f.groups, attrs, months)
        if (
            context is not None
            and context.year is not None
            and f.yearless
            and ranged[i] is None
            and kind in _CROSSING
            and "evidence" in attrs
            and _values(attrs)[0][:4] == str(context.year + 1)
            and not _participle_before(text, f.start)
        ):
            # the next year's by the narrative's going forward ("… (October, 1791) … In April the
            # Belgian frontier was crossed"): the text is there ("(June 6)" is June 1792)
            context.cross(int(_values(attrs)[0][5:7]))
        end = f.end
        if not attrs:  # "the thirties" with no year in context: which century's, no one can say
            i, joined = i + 1, None
            continue
        # "April and May 1943", "in 1790 and 1791": the first read with the second, as a span
        takes_year = ranged[i] is not None or (
            i + 1 < count
            and kind == "year"
            and found[i + 1].groups.lastgroup == "year"
            and found[i + 1].start - f.end <= _JOIN_REACH
            and _RANGE_JOIN.fullmatch(text, f.end, found[i + 1].start) is not None
        )
        # "From 1938 until 1941", "10 April to 15 May 1943": one span, from … to.
        if (
            i + 1 < count
            and found[i + 1].start - f.end <= _JOIN_REACH
            and (
                _SPAN_JOIN.fullmatch(text, f.end, found[i + 1].start)
                or _BETWEEN_JOIN.fullmatch(text, f.end, found[i + 1].start)
                and _BETWEEN_BEFORE.search(text, max(0, f.start - 8), f.start)
            )
        ):
            first = attrs
            if ranged[i]:  # a year the first took from the second is in the span's own words
                first = value(f.groups, ranged[i], months) or f.attrs
            span = _span(first, _dated(found[i + 1], ranged[i + 1], context, months))
            if span is not None:
                attrs, end = span, found[i + 1].end
                i, takes_year = i + 1, False
        # In parentheses only a date that opens them counts ("(May 4, 1795)", how some
        # histories date what they tell), not one in an aside ("(established in March 1918)").
        aside = depth > 0
        if (
            context is not None
            and ("evidence" not in attrs or kind == "relative")
            and kind != "century"
            and not takes_year
        ):
            if not aside or text[: f.start].rstrip().endswith("("):
                if _attributive(text, f.start):
                    context.ahead(attrs)  # "the law of 7 August 1934" in a paragraph on 1932
                else:
                    # Where a year alone stands decides whether it moves the narrative.
                    recalls = _closes(text, end) or _participle_before(text, f.start)
                    opens = _opens(text, f.start, block_start)
                    earlier = (
                        has_had
                        and opens != "paragraph"
                        and context.goes_back(attrs)
                        and _in_pluperfect(text, f.start, end)
                    )
                    read = attrs
                    if kind == "relative":  # "the following winter": the text comes to its start
                        read = {"when": attrs.get("notBefore") or attrs["when"]}
                    elif joined is not None:  # "between 9 April and 30 December 1938": from April
                        read = {"from": joined, "to": _values(attrs)[-1]}
                    set_off = _closes_commas(text, f.start, end)
                    context.read(read, opens, aside, recalls, earlier, set_off)
        joined = _values(attrs)[0] if takes_year else None
        out.append((f.start, end, attrs))
        i += 1
    return out


def _dated(
    f: _Found, range_year: int | None, context: YearContext | None, months: Mapping[str, int] | None = None
) -> dict[str, str]:
    """A date's attributes, with the year a yearless one takes from its range or context."""
    if not f.yearless:
        return f.attrs
    year = range_year or (context.year_for(f.groups) if context else None)
    dated = value(f.groups, year, months) if year else None
    if dated is not None and dated != f.attrs and _valid_day(dated):
        return {**dated, "evidence": "internal"}
    return f.attrs


def _values(attrs: dict[str, str]) -> list[str]:
    """A date's values in the order of time: when, or from and to, or notBefore and notAfter."""
    return [attrs[k] for k in ("when", "from", "to", "notBefore", "notAfter") if k in attrs]


def _span(first: dict[str, str], second: dict[str, str]) -> dict[str, str] | None:
    """Two dates joined by "to", "until" or a dash as one span, or None when they make none
    (one has a year and the other not, or the second is not after the first)."""
    start = first.get("from") or first.get("notBefore") or first.get("when")
    end = second.get("to") or second.get("notAfter") or second.get("when")
    if start is None or end is None:
        return None  # a decade in words whose century no context gave
    # "from May until the end of July": a part of a month at one end, a month at the other,
    # is that month (the span's ends are told as precisely as each other)
    if len(start) == 7 and "notBefore" in second and second["notBefore"][:7] == end[:7]:
        end = end[:7]
    if len(end) == 7 and "notAfter" in first and first["notAfter"][:7] == start[:7]:
        start = start[:7]
    if start.startswith("-") != end.startswith("-") or not start < end:
        return None
    inferred = {"evidence": "internal"} if "evidence" in first or "evidence" in second else {}
    return {"from": start, "to": end, **inferred}


# Feast days: the days a profile's `[dates] feasts` names ("Lammas" = "08-01"), each a date of
# that day wherever the text writes it capitalised as listed ("upon a Lammas night",
# "Hallowmass is come and gane", "at Michaelmas"), with a year only where one follows
# ("Christmas 1790", "Christmas of 1790": when="1790-12-25"); else the day of no year named
# (when="--12-25"): a feast recurs, and the year a poem's heading gives is the writing's, not
# the feast's. Not a date: a feast alone as a whole text (a poem's title, "Halloween"), one
# joined by a hyphen to a word ("Yule-night", "Christmas-box": a compound's part), nor one a
# capitalised word stands beside ("Merry Christmas", "Father Christmas", "the Halloween
# Supper": a greeting, a person, an event's name), but after a capitalised preposition ("At
# Martinmas") or before a function word of the profile, which opens a verse's next line or a
# sentence ("An' just on Halloween It fell that night").
_FEAST_YEAR = re.compile(r"(?:,?\s|\sof\s)$")
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*)\s$")
_CAPITAL_AFTER = re.compile(r"\s([A-Z][\w'’]*)")
_CAPITALISED_CUES = {"At", "On", "Upon", "In", "By", "Till", "Until", "Since", "Before", "After", "From", "Towards"}


@lru_cache(maxsize=8)
def _feast_finder(names: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(list(names), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _feast_days(
    text: str, feasts: Mapping[str, str], names: tuple[str, ...], function_words: Collection[str]
) -> list[tuple[int, int, str]]:
    """The feasts of `feasts` (name -> "MM-DD") `text` writes as dates: (start, end, "MM-DD");
    `names`: the feasts' names, sorted; `function_words`: the profile's, in lower case."""
    out = []
    for index, start, end in _feast_finder(names).find_matches_as_indexes(text):
        if (start and (text[start - 1].isalnum() or text[start - 1] in "-'’")) or (
            end < len(text)
            and (text[end].isalnum() or text[end] == "-" and end + 1 < len(text) and text[end + 1].isalpha())
        ):
            continue  # inside a word, or a hyphenated compound's part
        if not text[:start].strip(" \t\n\"“‘'([") and not text[end:].strip(" \t\n.,;:!?\"”’')]*^0123456789"):
            continue  # the whole text: a title
        before = _CAPITAL_BEFORE.search(text, max(0, start - 24), start)
        if before is not None and before.group(1) not in _CAPITALISED_CUES:
            continue
        after = _CAPITAL_AFTER.match(text, end)
        if after is not None and after.group(1).lower() not in function_words:
            continue
        out.append((start, end, feasts[names[index]]))
    return out


def add_feasts(
    text: str,
    dates: list[tuple[int, int, dict[str, str]]],
    feasts: Mapping[str, str] | None,
    function_words: Collection[str] = (),
    names: tuple[str, ...] | None = None,
) -> list[tuple[int, int, dict[str, str]]]:
    """`dates` (what `find_dates` found in `text`) with the feast days of `feasts` (a profile's
    `[dates] feasts`, see `_feast_days`) that overlap none of them; a feast right before a year
    `dates` holds ("Christmas 1790") is one date with it. `function_words`: the profile's
    (`english_words`), in lower case; `names`: the feasts' names sorted, if the caller has them
    (a book's every text is read with the same)."""
    if not feasts:
        return dates
    days = _feast_days(text, feasts, names or tuple(sorted(feasts)), function_words)
    if not days:
        return dates
    out = list(dates)
    for start, end, day in days:
        if any(s < end and start < e for s, e, _ in out):
            continue
        year = next(
            (
                (i, e, attrs["when"])
                for i, (s, e, attrs) in enumerate(out)
                if s >= end
                and s - end <= 4
                and _FEAST_YEAR.fullmatch(text, end, s)
                and set(attrs) == {"when"}
                and len(attrs["when"]) == 4
            ),
            None,
        )
        if year is not None:
            i, year_end, when = year
            out[i] = (start, year_end, {"when": f"{when}-{day}"})
        else:
            out.append((start, end, {"when": f"--{day}"}))
    return sorted(out, key=lambda d: d[0])


# How many months before a dated day's or month's date later in the same text a date without
# a year may lie and still take its year (or the year before, across a year's end): the
# narrative comes to the later date from it, as a text told forward does.
_TOLD_AFTER = 5


def years_told_after(text: str, dates: list[tuple[int, int, dict[str, str]]]) -> list[tuple[int, int, dict[str, str]]]:
    """`dates` (those of one text, in order) with the year a later date of the text gives to
    the dates before it that took none (the text had established no year, or a feast's day,
    which reads no context): a day's or a month's date without a year ("during the latter part
    of October", "until Christmas") lying up to `_TOLD_AFTER` months before the first date
    after it that writes its own year ("(this was January 7, 1881)"), where that one writes
    its month too, is of that date's year, or of the year before where its month comes later
    in the year (October and December 1880), with `evidence="internal"`. Not a season or a
    span of months (its months are not one), nor before a year alone ("April 1, 1894; August
    13, 1892": "1894" stands first after it): a year alone says no month to count back from;
    nor where the later date stands in a quotation opened after the first ("On 2 May he was
    born. “It was about September, 1884, …”": the words quoted tell another's time)."""
    for _, _, attrs in dates:
        if next(iter(attrs.values())).startswith("--"):
            break
    else:
        return dates  # (most texts: every date has its year)
    out = list(dates)
    later: tuple[int, int] | None = None  # the year and month of the nearest dated date after
    later_at = 0  # where it begins
    for i in range(len(out) - 1, -1, -1):
        start, end, attrs = out[i]
        values = _values(attrs)
        if not values:
            continue
        first = values[0]
        if first[:4].isdigit():
            if "evidence" not in attrs:  # (a year alone, which says no month, stops the count)
                later = (int(first[:4]), int(first[5:7])) if len(first) >= 7 else None
                later_at = start
            continue
        if later is None or not all(v.startswith("--") for v in values):
            continue
        months = {v[2:4] for v in values}
        if len(months) != 1:
            continue
        month = int(months.pop())
        if (later[1] - month) % 12 > _TOLD_AFTER or text.count("“", end, later_at) > text.count("”", end, later_at):
            continue
        year = later[0] - (1 if month > later[1] else 0)
        dated = {key: f"{year:04d}{v[1:]}" for key, v in attrs.items()}
        if _valid_day(dated):
            out[i] = (start, end, {**dated, "evidence": "internal"})
    return out


# Another calendar of twelve months of thirty days (a profile's `[dates] calendar_months` and
# `calendar_years`: the pack "french-republican"): "Thermidor 9", "9 Thermidor", "the 18th
# Brumaire", "Prairial" alone, with the year's number after it maybe ("Thermidor 9 (Year II)",
# "Prairial, Year III"): a day is a Gregorian day, a month alone its thirty days (notBefore,
# notAfter). Without the year's number, the Gregorian year the text has established gives it
# (evidence="internal"): its autumn holds the first three months, the rest lie in the year after
# the one that began then; with neither, no value can be given and none is marked.
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _year_before(dates: list[tuple[int, int, dict[str, str]]], at: int, context_year: int | None) -> int | None:
    """The year of the last of `dates` (in order) that ends by `at` and gives one, else
    `context_year`."""
    for _start, end, attrs in reversed(dates):
        if end <= at:
            first = _values(attrs)[0] if attrs else ""
            if first[:4].isdigit():
                return int(first[:4])
    return context_year


def _named_days(events: Mapping[str, str] | None, months: Mapping[str, int]) -> dict[tuple[int, int], int]:
    """`events` ("Thermidor 9" = "2", "Prairial" = "3") by month number and day (0: the month
    alone) to the year's number; a key whose month `months` does not name is none."""
    out: dict[tuple[int, int], int] = {}
    for key, year in (events or {}).items():
        name, _, day = key.rpartition(" ") if key[-1:].isdigit() else (key, "", "0")
        if name in months and day.isdigit() and year.isdigit():
            out[(months[name], int(day))] = int(year)
    return out


@lru_cache(maxsize=4)
def _calendar_pattern(names: tuple[str, ...]) -> re.Pattern:
    written = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:(\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?)?({written})(?![\w-])(?:\s(\d{{1,2}})(?![\w,.]\d))?"
        r"(?:,?\s\(?(?:of\s)?(?:the\s)?[Yy]ear\s([IVX]+)\b\)?)?"
    )


def add_calendar_dates(
    text: str,
    dates: list[tuple[int, int, dict[str, str]]],
    months: Mapping[str, int] | None,
    years: Mapping[str, str] | None,
    context_year: int | None,
    events: Mapping[str, str] | None = None,
) -> list[tuple[int, int, dict[str, str]]]:
    """`dates` with the dates of another calendar (`months`: its month names to their
    numbers; `years`: the first day of each of its years, by number) that overlap none of
    them; `context_year`: the Gregorian year the text had established before it, if any (a
    date of `dates` before one gives its year instead: "(August 22, Fructidor 5)" read on
    1795 is 1795's though "the spring of 1797" follows in the text). `events`: its
    days a history names as events, by "Month day" (or a month alone, named so after "of"),
    to their year's number (`calendar_events`): written without a year, a day of them is of
    that year, not the context's."""
    if not months or not years or not any(name in text for name in months):
        return dates
    named = _named_days(events, months)
    out = list(dates)
    for m in _calendar_pattern(tuple(months)).finditer(text):
        day = int(m.group(1) or m.group(3) or 0)
        month = months[m.group(2)]
        if day > 30 or any(s < m.end() and m.start() < e for s, e, _ in out):
            continue
        event = named.get((month, day))
        if event is not None and not day and not text.endswith(" of ", 0, m.start()):
            event = None  # a month alone is the journée's only where "of" names it so
        if m.group(4):
            year, evidence = _roman(m.group(4)), {}
        elif event is not None:
            year, evidence = event, {"evidence": "internal"}
        elif (gregorian := _year_before(dates, m.start(), context_year)) is not None:
            year, evidence = gregorian - (1791 if month <= 3 else 1792), {"evidence": "internal"}
        else:
            continue
        if str(year) not in years:
            continue
        first = datetime.date.fromisoformat(years[str(year)]) + datetime.timedelta(days=(month - 1) * 30)
        if day:
            attrs = {"when": (first + datetime.timedelta(days=day - 1)).isoformat()}
        else:
            attrs = {"notBefore": first.isoformat(), "notAfter": (first + datetime.timedelta(days=29)).isoformat()}
        out.append((m.start(), m.end(), {**attrs, **evidence}))
    return sorted(out, key=lambda d: d[0])


# Whether `apply` reads a region's texts at once (`find_in_texts`) rather than one by one as
# `wrap` hands them over: the same dates (False: the plain form, for the tests to compare).
READ_AT_ONCE = True

_BLOCKS = tuple(f"{{{TEI_NS}}}{name}" for name in ("p", "head", "item", "note"))
_DIV, _NOTE = f"{{{TEI_NS}}}div", f"{{{TEI_NS}}}note"
# Divisions a year does not cross into: each starts without one (letters, dated by their
# own heads). Other divisions below a top-level one (its sections, a part's chapters) go on
# with the text before them.
_OWN_YEARS = {"letter"}
_HEAD = f"{{{TEI_NS}}}head"
_LG_BELOW = f".//{{{TEI_NS}}}lg"
_VERSE = frozenset(f"{{{TEI_NS}}}{name}" for name in ("lg", "l"))


class _PoemContext(YearContext):
    """The context a poem under a heading that is a year alone reads its verse in (none of
    the heading's year: a collection grouped by the year of writing dates the poems, not what
    they tell), with `titles`, the one its own title, prose and dateline read in: the
    heading's year, since they date the writing ("Song Composed In August" under "1783" is
    August 1783). What the title or a dateline establishes by a date of its own words ("To A
    Mouse, … November, 1785") the verse goes on in (`_TitlesContext`)."""

    def __init__(self, months: Mapping[str, int] | None, heading_year: int) -> None:
        super().__init__(months)
        self.titles = _TitlesContext(months, heading_year, self)


class _TitlesContext(YearContext):
    """A poem's title, prose and dateline under a year heading (`_PoemContext`): in the
    heading's year from the start; where the text moves it, the poem's verse moves too."""

    def __init__(self, months: Mapping[str, int] | None, heading_year: int, verse: YearContext) -> None:
        super().__init__(months)
        self.year = heading_year
        self.verse = verse

    def _at(self, year: int | None, month: int | None, since: int | None = None) -> None:
        super()._at(year, month, since)
        self.verse._at(year, month, since)


def _in_verse(element, division) -> bool:
    """Whether a text node of `element` (its text or a child's tail) stands in the verse of
    `division` (inside an `lg` or `l` below it)."""
    while element is not None and element is not division:
        if element.tag in _VERSE:
            return True
        element = element.getparent()
    return False


# How many dates without a year a chapter must have given the year of its context for the
# next to go on in it: a book that tells its time that way (a history's "(March 9)", "In
# June") runs on from chapter to chapter; one that dates a few testimonies does not (James's
# lectures: "about September, 1884" in one says nothing of the next).
_TELLS_TIME = 3


def _opening(block) -> str | None:
    """The text that opens a block: its first text, or, when a note stands first (a margin
    note, "♦The 20th June.♦", which the running text does not read), the text after it."""
    text = block.text  # read once: each read converts the paragraph's text from lxml's UTF-8
    if text and not text.isspace():
        return text
    if len(block) and block[0].tag == _NOTE:
        return block[0].tail
    return text


def _names_any(el, names: tuple[str, ...]) -> bool:
    """Whether the text of `el`, all of it at once, holds one of `names` (sorted): where it
    does not, no text node of it does."""
    return bool(_feast_finder(names).find_matches_as_indexes(etree.tostring(el, method="text", encoding="unicode")))


def _owned(region) -> dict:
    """The divisions and notes that belong to each division or note of `region` (and to
    the region): below it, with no division or note between (that one holds them) and not
    inside skipped elements, each in document order, as (divisions, notes) by the element
    they belong to. Found in one walk of the region's divisions and notes, each looked up
    from once, not once for every division or note above it."""
    owned: dict = {}
    blocks: dict = {}  # whether an element of each tag holds what is below it, decided once per tag
    for found in region.iter(_DIV, _NOTE):
        if found is region:
            continue
        for a in found.iterancestors():
            tag = a.tag
            holds = blocks.get(tag)
            if holds is None:
                holds = blocks[tag] = tag in (_DIV, _NOTE) or local(a) in SKIP
            if holds:
                if tag in (_DIV, _NOTE):  # in a skipped element, it belongs to none
                    owned.setdefault(a, ([], []))[found.tag == _NOTE].append(found)
                break
    return owned


def _date_elements(tei) -> Callable[[dict[str, str]], etree._Element]:
    """What makes the date elements for `tei`: `make_in(tei, "date", attrib=attrs)`, as a
    copy of one made for the same attributes (in their order) at the first date that had
    them, never linked (lxml copies the attributes in C; a book's dates repeat: "1929")."""
    made: dict[tuple, etree._Element] = {}

    def date_element(attrs: dict[str, str]) -> etree._Element:
        key = tuple(attrs.items())
        model = made.get(key)
        if model is None:
            model = made[key] = make_in(tei, "date", attrib=attrs)
        return model.__copy__()

    return date_element


def apply(tei, ctx: Context):
    counts: Counter = Counter()
    function_words = frozenset(ctx.profile.english_words)
    feast_names = tuple(sorted(ctx.profile.feasts))
    feasts = None  # the profile's feasts where the region read names one (set for each region)
    reading = Reading(ctx.profile.months, ctx.profile.date_cues, ctx.profile.date_figures)

    calendar = ctx.profile.calendar_months if ctx.profile.calendar_years else None
    holding = _holding(reading.own, (*feast_names, *(calendar or ())))

    date_element = _date_elements(tei)

    def finder(openings: set[str], context: YearContext):
        def find(text: str):
            # Where feasts or another calendar's months are sought too, a text that holds
            # none of the words of any of them (most) is passed over after one scan, not three.
            if (feasts or calendar) and not holds_any(text, holding):
                return []
            spans = []
            year_before = context.year  # (the text's own dates move it: `add_calendar_dates`)
            found = find_dates(text, context, text in openings, reading=reading)
            if feasts:
                found = add_feasts(text, found, feasts, function_words, feast_names)
            if calendar:
                found = add_calendar_dates(
                    text, found, calendar, ctx.profile.calendar_years, year_before, ctx.profile.calendar_events
                )
            found = years_told_after(text, found)
            for start, end, attrs in found:
                spans.append((start, end, date_element(attrs)))
                counts["date"] += 1
            return spans

        return find

    # A chapter is read in order with one year context, its sections going on with it (a
    # chapter's own text before its sections; what follows its last section is rare); each
    # note is read on its own: a citation lends no year to the narrative, nor a chapter to
    # the next, nor the narrative to a note (`_read`, `_units`).
    months = ctx.profile.months

    def read_at_once(region, region_slots: list, inside: list, openings: set[str], context: YearContext) -> None:
        """`_read(region, openings, context, owned, …)`, its texts listed first and their dates
        found together (`find_in_texts`), the feasts of those that name one added
        (`add_feasts`, which reads no context), then wrapped. `region_slots`, `inside`: the
        region's text nodes and where its divisions and notes hold theirs
        (`marked_text_by_units`), brought up to date as the dates are wrapped."""
        read_in: list = []
        # the contexts each a note's own (told as its units are listed, not by their tags)
        notes = {context} if region.tag == _NOTE else set()
        own, owned = _own_runs(inside, len(region_slots), region)
        _units(region, context, owned, read_in, notes, months)
        # Each unit's text nodes (`text_slots(unit, _INNER)`), in the order `_units` lists
        # them, are runs of the region's: where each run begins among them and in the region's.
        slots: list = []
        contexts: list[YearContext] = []
        run_starts: list[int] = []
        run_starts_in_region: list[int] = []
        for unit, unit_context in read_in:
            for start, end in own[unit]:
                run_starts.append(len(slots))
                run_starts_in_region.append(start)
                slots += region_slots[start:end]
            if isinstance(unit_context, _PoemContext):
                # the poem's verse in its context, its title, prose and dateline in the heading's year
                titles = unit_context.titles
                contexts += [
                    unit_context if _in_verse(parent, unit) else titles for parent, _, _ in slots[len(contexts) :]
                ]
            contexts += [unit_context] * (len(slots) - len(contexts))
        texts = [text for _, _, text in slots]
        joined = "\x00".join(texts)
        dated = find_in_texts(texts, contexts, openings, reading, joined, notes)
        if feast_names:
            named = _feast_finder(feast_names).find_matches_as_indexes(joined)
            if named:
                ends = list(itertools.accumulate(len(text) + 1 for text in texts))
                for k in sorted({bisect.bisect_right(ends, start) for _, start, _ in named}):
                    days = add_feasts(texts[k], dated.get(k, []), ctx.profile.feasts, function_words, feast_names)
                    if days:
                        dated[k] = days
        for k, d in dated.items():
            if len(d) > 1:
                dated[k] = years_told_after(texts[k], d)
        made = {k: [(start, end, date_element(attrs)) for start, end, attrs in d] for k, d in dated.items()}
        in_region = {}
        for k, spans in made.items():
            run = bisect.bisect_right(run_starts, k) - 1
            in_region[run_starts_in_region[run] + k - run_starts[run]] = spans
        wrap_slots_at(region_slots, in_region)
        counts["date"] += sum(map(len, dated.values()))

    at_once = READ_AT_ONCE and not calendar
    if at_once:
        all_slots, all_inside = marked_text_by_units(ctx)
    else:  # (the text nodes are wrapped as `wrap` finds them: the name passes' list is not kept)
        ctx.forget(TEXT_SLOTS)
    chapter = None  # the context of the chapter read last, while chapters follow each other
    for r, region in enumerate(ctx.view(REGIONS, regions)):
        context = YearContext(ctx.profile.months)
        if region.get("type") == "chapter":
            if chapter is not None and chapter.lent >= _TELLS_TIME:
                context.go_on(chapter)
            chapter = context
        else:
            chapter = None
        # The texts that open a block, told apart by value: wrap hands over strings only.
        openings = set()
        for el in region.iter(*_BLOCKS):
            text = el.text  # (most blocks open with their text: `_opening` asked of the others)
            if not text or text.isspace():
                text = _opening(el)
            if text:
                openings.add(text)
        # (A region where another calendar's months are sought too is read text by text.)
        if at_once:
            read_at_once(region, all_slots[r], all_inside[r], openings, context)
            continue
        owned = _owned(region)
        # A region that names no feast anywhere (its whole text, read at once) has none in
        # any of its texts: they are not each scanned for one (`find` reads `feasts` as set here).
        feasts = ctx.profile.feasts if feast_names and _names_any(region, feast_names) else None
        _read(region, openings, context, owned, finder, months)
    ctx.report.counts["date"] = counts["date"]
    return tei


# What a region's reading leaves to the divisions and notes inside it (each read on its own).
_INNER = (*SKIP, "div", "note")


def _own_runs(inside: list, count: int, region) -> tuple[dict, dict]:
    """The runs of a region's text nodes (`count` of them) that are each division's or note's
    own, as `text_slots(unit, _INNER)` gives them, by element (the region's too): `inside`
    lists the region's divisions and notes in document order with the bounds of their text
    nodes, those of the divisions and notes inside each among them (`marked_text_by_units`);
    a unit's own are those between theirs. And the divisions and notes each holds, as
    `_owned(region)` gives them, read from the same bounds (not from a walk of the tree).

    A unit holding no text node may be taken as closed before one that follows it at the
    same index, and as held by the unit around the one that holds it: it has no run to miss,
    nor have the units it holds, and it is read in no context (nor are they)."""
    own: dict = {region: []}
    owned: dict = {}
    open_units = [[region, 0, count, 0]]  # element, start, end, and where its next own run begins
    for element, start, end in inside:
        while len(open_units) > 1 and open_units[-1][2] <= start:
            _close_run(own, open_units.pop())
        around = open_units[-1]
        if around[3] < start:
            own[around[0]].append((around[3], start))
        around[3] = end
        own[element] = []
        held = owned.get(around[0])
        if held is None:
            held = owned[around[0]] = ([], [])
        held[element.tag == _NOTE].append(element)
        open_units.append([element, start, end, start])
    while open_units:
        _close_run(own, open_units.pop())
    return own, owned


def _close_run(own: dict, unit: list) -> None:
    element, _, end, begins = unit
    if begins < end:
        own[element].append((begins, end))


# The readers of a region's divisions and notes call themselves: written inside `apply`, each
# would hold itself in its closure, a cycle only the cyclic collector frees, with all it
# reaches (the date elements' models, each in a document of its own: some 5,900 objects on
# the bundled book). Hence functions of the module, given what they need.
def _read(division, openings: set[str], context: YearContext, owned: dict, finder: Callable, months) -> None:
    """Wrap the dates of `division`'s texts (those of `_INNER` apart) read in `context`,
    then its divisions' (each in the same context, or one of its own for those `_OWN_YEARS`
    names) and its notes' (each a context of its own)."""
    if isinstance(context, _PoemContext):
        # the poem's verse in its context, its title, prose and dateline in the heading's year
        slots = text_slots(division, _INNER)
        in_verse = iter([_in_verse(parent, division) for parent, _, _ in slots])
        verse, titles = finder(openings, context), finder(openings, context.titles)
        wrap_slots(slots, lambda text: verse(text) if next(in_verse) else titles(text))
    else:
        wrap(division, finder(openings, context), _INNER)
    divisions, notes = owned.get(division, ((), ()))
    heading_year = _heading_year(division) if divisions else None
    for child in divisions:
        _read(child, openings, _child_context(child, context, heading_year, months), owned, finder, months)
    for note in notes:
        _read_note(note, openings, owned, finder, months)


def _read_note(note, openings: set[str], owned: dict, finder: Callable, months) -> None:
    wrap(note, finder(openings, YearContext(months)), _INNER)
    for inside in owned.get(note, ((), ()))[1]:
        _read_note(inside, openings, owned, finder, months)


def _heading_year(division) -> int | None:
    """The year `division`'s heading is, when it opens with one that is a year alone ("1784")."""
    if not len(division):
        return None
    head = division[0]
    if head.tag != _HEAD:
        return None
    words = "".join(head.itertext()).strip()
    return int(words) if len(words) == 4 and words.isdigit() else None


def _child_context(child, parent: YearContext, heading_year: int | None, months) -> YearContext:
    """The context a division `child` reads its dates in: its parent's (`parent`), or one of
    its own for a letter (`_OWN_YEARS`), or a poem's (it holds verse) of a parent headed by a
    year alone (`heading_year`, the year the collection's poems were written in:
    `_PoemContext`)."""
    if child.get("type") in _OWN_YEARS:
        return YearContext(months)
    if heading_year is not None and child.find(_LG_BELOW) is not None:
        return _PoemContext(months, heading_year)
    return parent


def _units(division, context: YearContext, owned: dict, out: list, notes: set, months) -> None:
    """The divisions and notes `_read(division, …, context, owned, …)` wraps the texts of
    (skipping those `_INNER` names), in its order, each with the context it reads them in;
    the notes' contexts (each a note's own) added to `notes`."""
    out.append((division, context))
    divisions, inside = owned.get(division, ((), ()))
    heading_year = _heading_year(division) if divisions else None
    for child in divisions:
        _units(child, _child_context(child, context, heading_year, months), owned, out, notes, months)
    for note in inside:
        _note_units(note, owned, out, notes, months)


def _note_units(note, owned: dict, out: list, notes: set, months) -> None:
    note_context = YearContext(months)
    notes.add(note_context)
    out.append((note, note_context))
    for inside in owned.get(note, ((), ()))[1]:
        _note_units(inside, owned, out, notes, months)
