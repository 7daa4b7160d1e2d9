"""Dates (`teikit.enrich.dates`), issue 14: the year a date without one takes where the
text looks round, ahead or back without moving on ("Between July 1937 and August 1938",
"… in 1938.", "…, one of the issues behind the rift … in July 1918, …"), and spans joined
by "between … and" or running to "the end of" a month. Every passage is a book's own
(E. A. Rees, "Iron Lazar"; S. R. Gardiner, "The French Revolution"; J. M. Keynes, "The
Economic Consequences of the Peace")."""

from __future__ import annotations

from teikit.enrich import dates


def read(paragraphs: list[str], context: dates.YearContext | None = None) -> list[tuple[str, dict[str, str]]]:
    """The dates of paragraphs read in order with one context: (words, attributes)."""
    context = context or dates.YearContext()
    out = []
    for text in paragraphs:
        out += [(text[s:e], v) for s, e, v in dates.find_dates(text, context, block_start=True)]
    return out


def at(year: int, month: int | None = None) -> dates.YearContext:
    """A context the text has brought to a year (and month)."""
    context = dates.YearContext()
    context.read({"when": f"{year}" if month is None else f"{year}-{month:02d}"}, "paragraph")
    return context


def test_between_two_dates_is_one_span():
    assert read(
        [
            "Between July 1937 and August 1938 Kaganovich, alongside other Politburo members, signed 38"
            " decisions confirming these upward revisions.",
            "Between 9 April and 30 December 1938 there were 66 meetings of the NKPS collegium, with"
            " Kaganovich chairing every session.",
            "Trade union membership had grown by 6 million between 1928 and 1933.",
        ]
    ) == [
        ("July 1937 and August 1938", {"from": "1937-07", "to": "1938-08"}),
        ("9 April and 30 December 1938", {"from": "1938-04-09", "to": "1938-12-30"}),
        ("1928 and 1933", {"from": "1928", "to": "1933"}),
    ]
    # months alone take the year in context, as one span (Gardiner, ch. VII, on 1793)
    assert read(["Between July and October laws were passed fixing prices."], at(1793, 6)) == [
        ("July and October", {"from": "1793-07", "to": "1793-10", "evidence": "internal"})
    ]


def test_a_span_to_the_end_of_a_month_from_a_month_is_told_in_months():
    assert read(
        [
            "This acquired a new dimension in the spring of 1928 when 53 engineers in the coal mining"
            " industry in the North Caucasus town of Shakhty were accused of wrecking and working in"
            " league with the former owners of the mines. Their trial lasted from May until the end of July."
        ]
    )[-1] == ("May until the end of July", {"from": "1928-05", "to": "1928-07", "evidence": "internal"})


def test_a_span_that_begins_where_the_text_is_looks_round():
    # "Between July 1937 and August 1938" summarises a year from the summer of 1937; the
    # chapter goes on in August 1937, as "23 August 1937" in its note says
    found = read(
        [
            "Georgi Dimitrov, in their accounts, refer to Stalin's fear of a military coup in the summer of 1937.",
            "The purge now entered a new, more frenzied phase, with the initiation of mass operations."
            " NKVD's Order No.00447, based on Stalin's secret order of 9 July, set quotas for the arrest"
            " and execution of former kulaks who had returned from exile. Between July 1937 and August"
            " 1938 Kaganovich, alongside other Politburo members, signed 38 decisions confirming these"
            " upward revisions.",
            "In August Kaganovich and Shkiryatov visited the great textile centre of Ivanovo.",
        ]
    )
    assert found[-1] == ("August", {"when": "1937-08", "evidence": "internal"})


def test_a_year_alone_that_ends_its_sentence_looks_ahead_in_a_text_told_by_months():
    found = read(
        [
            "Georgi Dimitrov, in their accounts, refer to Stalin's fear of a military coup in the summer of 1937.",
            "Kaganovich was sent to Ivanovo, Yaroslavl, Smolensk and Chelyabinsk; Malenkov to Byelorussia"
            " and Armenia. Khrushchev was assigned to Ukraine in 1938. Everywhere, they destroyed the old"
            " leadership.",
            "From 18–20 June an extraordinary plenum of the Western province party committee in Smolensk"
            " was held, which was addressed by Kaganovich.",
        ]
    )
    assert found[-1] == ("18–20 June", {"from": "1937-06-18", "to": "1937-06-20", "evidence": "internal"})
    # inside its sentence, with a month after it, a year alone still moves the text
    found = read(
        [
            "As the food situation eased, the Central Committee plenum in November 1934, under Stalin's"
            " directives, abolished bread rationing. The harvest in 1935 was good and in September"
            " Kaganovich wrote exultantly to Ordzhonikidze of the procurement operation."
        ]
    )
    assert found[-1] == ("September", {"when": "1935-09", "evidence": "internal"})


def test_a_recent_date_at_the_end_of_a_phrase_set_off_by_commas_recalls():
    found = read(
        [
            "In March 1919 Lenin, at a meeting of Sovnarkom, raised the question of dispensing with the"
            " services of these officers.",
            "The Bolsheviks' policy of establishing the kombedy, one of the issues behind the rift with"
            " the Left SRs in July 1918, alienated the middle peasants and proved to be a colossal blunder"
            " driven by ideological intransigence. On 28 March Kaganovich, in his report to the province"
            " soviet, highlighted the central message of the VIII Party Congress.",
        ]
    )
    assert found[-1] == ("28 March", {"when": "1919-03-28", "evidence": "internal"})
    # a phrase that says only when is the clause's time, and moves the text (Gardiner, ch. XI)
    found = read(
        [
            "After the evacuation of Belgium by the English and Austrians, in June 1794, the Prussians,"
            " in danger of being outnumbered and isolated, abandoned their positions round"
            " Kaiserslautern and fell back on the Rhine. The French, after effecting the passage of the"
            " Meuse by a bridge of boats (October 19), found their further advance barred."
        ],
        at(1795),
    )
    assert found[-1] == ("October 19", {"when": "1794-10-19", "evidence": "internal"})


def test_a_date_a_named_agent_separates_from_its_participle_recalls():
    found = read(
        [
            "The warnings issued by the Central Committee (i.e. by Stalin himself) in July 1936 were a"
            " signal that all was not well.",
            "Stalin's second speech on 5 March delivered a sharp criticism of Ordzhonikidze for his"
            " 'lordly' attitude in protecting his own cadres.",
        ],
        at(1937, 2),
    )
    assert found[-1] == ("5 March", {"when": "1937-03-05", "evidence": "internal"})
    # the date of what the agent is, not of when the deed was, still moves the text
    found = read(
        [
            "The limiting quality of this sentence is reinforced by the passage in the President's speech"
            " before Congress on February 11, 1918 (the terms of this speech being an express part of the"
            ' contract with the enemy), that there shall be "no contributions".',
            "In any case, this contention is disposed of by the Allied reply, where it is admitted that the"
            " terms of the Reparation Chapter must be governed by the President's Note of November 5.",
        ],
        at(1919, 6),
    )
    assert found[-1] == ("November 5", {"when": "1918-11-05", "evidence": "internal"})


def test_a_span_across_a_year_end_inside_a_sentence_brings_the_text_to_its_start():
    found = read(
        [
            "On 22 May an investment of 5,030 million rubles in the railways in 1938 was approved. On 20"
            " May he issued NKPS's order on preparing the railways for the winter 1938–39, which blamed"
            " past failure on leadership. On 15–17 November a meeting of 1,200 NKPS's activists,"
            " addressed by Kaganovich, discussed winter preparations. In November–December, as a result"
            " of severe weather, performance faltered badly."
        ],
        at(1938, 4),
    )
    assert found[-2:] == [
        ("15–17 November", {"from": "1938-11-15", "to": "1938-11-17", "evidence": "internal"}),
        ("November–December", {"from": "1938-11", "to": "1938-12", "evidence": "internal"}),
    ]


def test_the_spans_issue_14_names_stay_whole():
    found = read(
        [
            "From September 1917 Kaganovich worked in Gomel'. Following the abortive counter-revolutionary"
            " coup, headed by the Supreme Military Commander General Lavr Kornilov, at the end of August"
            " the Bolsheviks rallied strong support among railway workers and soldiers, many of whom"
            " joined the Red Guards. Kaganovich also sat on the board of the Gomel' union of"
            " leatherworkers, who in September–October struck in support of a strike by fellow workers"
            " in Moscow.",
            "In the winter of 1932–33 he oversaw the purging of the party and the deportation of peasants"
            " from North Caucasus.",
        ]
    )
    assert found == [
        ("September 1917", {"when": "1917-09"}),
        ("end of August", {"notBefore": "1917-08-21", "notAfter": "1917-08-31", "evidence": "internal"}),
        ("September–October", {"from": "1917-09", "to": "1917-10", "evidence": "internal"}),
        ("winter of 1932–33", {"notBefore": "1932-12", "notAfter": "1933-02"}),
    ]


def test_a_date_the_narrative_put_in_the_next_year_brings_the_text_there():
    # Gardiner, ch. V: after "(October, 1791)", "In April" is April 1792, and the text is in
    # 1792: "(June 6)" is June 1792 (the decree on the camp of 20,000 before Paris)
    found = read(
        [
            "His comrades, led by Jourdan, a brigand by profession, retaliated by killing in cold blood"
            " sixty and more prisoners--men, women, and children--whose bodies they flung into a dungeon"
            " beneath a tower of the Papal palace (October, 1791).",
            "Sanguine expectations of victory had been rapidly dissipated. In April the Belgian frontier"
            " was crossed; but the troops on their first meeting with the enemy fled in disorder,"
            " disobeying their officers, whom they accused of treason. Servan, the minister of war,"
            " proposed the formation of an armed camp for the protection of Paris. Much opposition was"
            " however, raised to the project, and the Assembly decreed (June 6) that 20,000 volunteers,"
            " recruited in the departments, should meet at Paris.",
        ]
    )
    assert found[1:] == [
        ("April", {"when": "1792-04", "evidence": "internal"}),
        ("June 6", {"when": "1792-06-06", "evidence": "internal"}),
    ]
    # a season does not move it, nor a date after a past participle: they recall (whichever
    # spring the law's was, the December after it is the context's)
    found = read(
        [
            "A new source of revenue was sought in the imposition of a forced loan, according to the law"
            " passed in the spring. After the destruction of the great Vendean army in December, the"
            " country was quiet through exhaustion."
        ],
        at(1793, 11),
    )
    assert found[-1] == ("December", {"when": "1793-12", "evidence": "internal"})


def test_of_the_preceding_year_puts_a_date_in_the_year_before_the_texts():
    # Gardiner, ch. V, on June 1792 (Bailly resigned as mayor of Paris in November 1791)
    found = read(
        [
            "Though armed demonstrations were illegal, the municipality offered but a perfunctory and"
            " half-hearted resistance. Bailly had resigned office in the autumn of the preceding year. The"
            " new mayor, Pétion, was a Girondist."
        ],
        at(1792, 6),
    )
    assert found == [("autumn", {"notBefore": "1791-09", "notAfter": "1791-11", "evidence": "internal"})]


def test_a_relative_clause_in_the_pluperfect_puts_its_date_before_the_texts():
    found = read(
        [
            "From January to September 1919 Kaganovich served as chairman of the province soviet executive committee.",
            "Kaganovich began to elaborate his ideas on party and soviet administration which he had"
            " presented to the province party conference in October. On 11 December in a report to the"
            " province party committee, he complained of the weakness of the local party leadership.",
            "In January Nizhegorodskaya kommuna published Kaganovich's article entitled 'To the party"
            " congress', addressed to the forthcoming VIII Party Congress.",
        ]
    )
    assert found[1:] == [
        ("October", {"when": "1918-10", "evidence": "internal"}),
        ("11 December", {"when": "1918-12-11", "evidence": "internal"}),
        ("January", {"when": "1919-01", "evidence": "internal"}),
    ]
    # a clause with no subject of its own names a thing, not what someone had done before
    # (Gardiner, ch. XI, on 1795: the law on worship of February 1795)
    found = read(
        [
            "Within the limits assigned by this law and the law which had been passed in February (p."
            " 227), the Church was left at liberty to effect its own reorganisation."
        ],
        at(1795, 1),
    )
    assert found == [("February", {"when": "1795-02", "evidence": "internal"})]
    # the pluperfect of a sequence ("after … had been …") is not a look back
    found = read(
        [
            "The date 24 March 1934 was set as the day of an all-Moscow voluntary day of work (subbotnik)"
            " under the slogan 'All Moscow builds the Metro', with Kaganovich hard at work with a shovel."
            " However, after the shafts had been inspected in April by Molotov, Khrushchev and Bulganin,"
            " the timetable was altered."
        ]
    )
    assert found[-1] == ("April", {"when": "1934-04", "evidence": "internal"})


def test_early_in_a_month_is_its_first_days():
    found = read(
        [
            "Early in April, a three day meeting of NKPS's party organization was held at which a new"
            " leadership was elected.",
            "This was given its clearest expression by Yezhov's report to the Central Committee early in June 1935.",
        ],
        at(1937, 3),
    )
    assert found == [
        ("Early in April", {"notBefore": "1937-04-01", "notAfter": "1937-04-10", "evidence": "internal"}),
        ("early in June 1935", {"notBefore": "1935-06-01", "notAfter": "1935-06-10"}),
    ]
    # the year after a comma is the month's (Keynes, ch. V)
    found = read(
        [
            "A visitor to the salient early in November, 1918, when a few German bodies still added a"
            " touch of realism and human horror, and the great struggle was not yet certainly ended, could"
            " feel there, as nowhere else, the present outrage of war."
        ]
    )
    assert found == [("early in November, 1918", {"notBefore": "1918-11-01", "notAfter": "1918-11-10"})]
