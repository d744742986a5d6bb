"""The figure reader on short texts written for these tests (all synthetic).

Each test states a sentence the way a ministry, an agency or a monitor might write it and
checks the claims read from it: what they count, the figure and its qualifier, who says
it, about whom, revising what, as of when, and that the span points at the words.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.ingest.figures import FoundClaim, read_figures

PUBLISHED = dt.date(2020, 12, 3)  # a Thursday
OUTLET = "Caspian Wire"


def read(text: str) -> list[FoundClaim]:
    found = read_figures(text, PUBLISHED, OUTLET)
    for claim in found:
        assert text[claim.start : claim.end] == claim.quote
    return found


def figures(text: str) -> list[tuple[str, int | None, int | None, int | None, str]]:
    return [(c.category.value, c.value, c.low, c.high, c.qualifier.value) for c in read(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry said 2,881 servicemen were killed.", 2881),
        ("The ministry said 2.881 servicemen were killed.", 2881),
        ("The ministry said 2 881 servicemen were killed.", 2881),
        ("The ministry said 2881 servicemen were killed.", 2881),
        ("The ministry said twenty-eight servicemen were killed.", 28),
        ("The ministry said two hundred and six servicemen were killed.", 206),
        ("A soldier was killed by sniper fire, the ministry said.", 1),
        ("Some 1.2 million people were killed, the monitor estimated.", 1_200_000),
        ("Some 2,06 million people were killed, the monitor estimated.", 2_060_000),
    ],
)
def test_numerals_and_number_words_are_read_in_every_grouping(text: str, value: int) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == [("killed", value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 40 civilians were killed.", ("killed", 40, None, None, "at_least")),
        ("No fewer than 40 civilians were killed.", ("killed", 40, None, None, "at_least")),
        ("More than 40 civilians were wounded.", ("wounded", 40, None, None, "more_than")),
        ("Nearly 300 people are missing.", ("missing", 300, None, None, "about")),
        ("Up to 60 fighters were captured.", ("captured", 60, None, None, "at_most")),
        ("Fewer than 10 people died.", ("killed", 10, None, None, "fewer_than")),
        ("Between 30 and 40 people were killed.", ("killed", None, 30, 40, "range")),
        ("Some 30-40 people were killed.", ("killed", None, 30, 40, "range")),
        ("Dozens of people were injured.", ("wounded", None, 24, None, "at_least")),
        ("Hundreds of families fled their homes.", ("displaced", None, 200, None, "at_least")),
        ("Tens of thousands were displaced.", ("displaced", None, 20000, None, "at_least")),
        ("A dozen soldiers were killed.", ("killed", 12, None, None, "about")),
        ("The number of fighters killed exceeds 3,500.", ("killed", 3500, None, None, "more_than")),
        ("The tally of funerals had passed 31,000.", ("killed", 31000, None, None, "more_than")),
        ("The militia's losses exceed 3,100 killed.", ("killed", 3100, None, None, "more_than")),
        ("The deaths in the camp did not exceed 30.", ("killed", 30, None, None, "at_most")),
        (
            "Agencies put the number of dead and missing at sea in 2030 at 1,214.",
            ("other", 1214, None, None, "exact"),
        ),
    ],
)
def test_qualifiers_ranges_and_vague_amounts(
    text: str, expected: tuple[str, int | None, int | None, int | None, str]
) -> None:
    assert figures(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The 44-day war ended in 2020.",
        "A man aged 19 was among the volunteers.",
        "About 70 per cent of the buildings were damaged.",
        "Troops shot down 12 drones and destroyed 4 tanks.",
        "The shelling hit 14 villages and lasted 6 hours.",
        "No casualties were reported.",
        "The toll could reach 1,000 if the shelling goes on.",
        "The demographer expects the number of confirmed deaths to pass 3,000 by December.",
        "On 14 October the brigade moved 30 km south.",
        "If the cuts go on, we could be burying 300 children by June, the agency said.",
        "The man killed in the strike was a father of three.",
        "The commission for those missing from the 2051-2055 war met.",
        "It searches for those who went missing in the conflict of 2008-2010.",
        "Almost two thirds of the deaths were civilians.",
        "Our forces seized 22 combat vehicles and destroyed 19.",
        "A national inquiry body will examine every death.",
        "We require at least two independent sources for each death.",
        "The dead came from a region of about 900,000 people.",
        "The council will pay 50,000 crowns to the family of each person killed.",
        "In May, 17 risk education sessions were held for people displaced by the fighting.",
        "Figures for December were revised upward after late reports: see the table.",
        "SEVERAL",
        "dozens",
        "This one has killed more civilians in a single month.",
        "The group demanded the release of 40 prisoners held by the army.",
        "Nine buses carrying the freed prisoners crossed the bridge.",
        "The state announced an ex gratia of Rs 25 lakh to each family.",
        "Posted on 2591-11-07 by the press office of the killed commander's brigade.",
        "Families of the missing may call at 40 Quay Street, Tarrow.",
        "The IFRC has released CHF 450,000 to help those held in the camps.",
        "The ICRC has exchanged more than 14,000 messages between detainees and families.",
        "The city recorded 62 homicides per 100,000 inhabitants.",
        "According to the Rescue 1122 emergency officer, the injured were taken to hospital.",
    ],
)
def test_numbers_that_count_no_casualties_are_not_claims(text: str) -> None:
    assert read(text) == []


def test_a_toll_raised_from_an_earlier_figure_is_one_claim_with_the_earlier_figure() -> None:
    text = (
        "The Defence Ministry raised its toll to at least 2,881 servicemen, "
        "up from 2,855, after funerals and identities came to light."
    )
    (claim,) = read(text)
    assert (claim.value, claim.qualifier.value, claim.previous_value) == (2881, "at_least", 2855)
    assert claim.claimant == "Defence Ministry"


def test_in_an_authored_statement_who_treated_the_wounded_is_not_who_speaks() -> None:
    text = (
        "DAPPLEMARSH ROYAL INFIRMARY\nStatement on the casualties of the demonstrations\n\n"
        "Since Friday, the Infirmary's emergency department has treated 87 people injured."
    )
    (claim,) = read(text)
    assert (claim.value, claim.claimant) == (87, "Dapplemarsh Royal Infirmary")


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ('**18:00** - Interior Ministry statement, in full: "During the disorder two persons '
         'died."', "Interior Ministry"),
        ("**13:20** - Heavy tear gas in Orme Square.\n\n**09:30** - On Sunday police said 61 "
         "people had been detained.", "police"),
        ("St Anselm Hospital confirms it received a body. On Sunday police said 61 people had "
         "been detained.", "police"),
        ("The Lumbrian National Gendarmerie sent reinforcements. Gendarmerie spokesman Captain "
         "Luc Ferrand said five soldiers were killed.", "Lumbrian National Gendarmerie"),
        ("Army spokesman Colonel Brannoc Vey said two soldiers were killed.", "Army"),
        ("As per information received from the Township Health Department, 12 civilians were "
         "killed.", "Township Health Department"),
        ("We reported, quoting the governor, that two of the students had died.", "governor"),
        ("The Ministry of Health has opened a hotline. Shelling of the market killed 17 people, "
         "according to the local authorities.", "local authorities"),
        ("**ANCHOR (Ritika Bhandarkar):** Good evening. Twelve soldiers were killed in the "
         "ambush.", OUTLET),
        ('ANCHOR: "At least four people have been killed in the city tonight."', OUTLET),
        ('**07:45** Mayor Hedda Sornay on her channel: "Six dead confirmed."', "Mayor"),
        ("4. That the Ombudsman's Office has registered the displacement of some 800 persons.",
         "Ombudsman's Office"),
        ("The toll was revised to five; Daily Situation Report No. 110 gave four.", OUTLET),
    ],
)  # fmt: skip
def test_who_speaks_behind_labels_times_and_roles(text: str, claimant: str) -> None:
    (claim,) = read(text)
    assert claim.claimant == claimant


def test_a_speakers_turn_in_a_transcript_is_theirs_to_its_end() -> None:
    text = (
        "Morning Drive, transcript\n\n"
        "**REPORTER (Ada Kell, on the line):** Thank you. So far I have counted six bodies.\n\n"
        "10:02:15 POLICE COMMANDER (Ivo Dask): Good morning. Five people lost their lives and "
        "eleven were injured. Two of the injured are in a critical condition.\n\n"
        "KELL: The herders say 12 goats were taken. Two more bodies were found.\n\n"
        "**HOST:** Thank you. In 2019 about 30 people died here.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (6, OUTLET),
        (5, "Police Commander"),
        (11, "Police Commander"),
        (2, "Police Commander"),
        (2, OUTLET),
        (30, OUTLET),
    ]


def test_a_transcripts_labels_may_be_written_in_title_case() -> None:
    text = (
        "Evening News, transcript\n\n"
        "Presenter (Lucia Bena): Good evening. The village still counts its dead.\n\n"
        "Mayor (Ovid Carc): We have 14 dead and more than 30 wounded.\n\n"
        "Presenter: Police say 8 people were arrested.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(14, "Mayor"), (30, "Mayor"),
                                                           (8, "Police")]  # fmt: skip


def test_we_in_a_speakers_turn_is_the_speaker_not_whom_they_cite() -> None:
    text = (
        "The Crossfire, transcript\n\n"
        "**HOST (Dana Whit):** Ambassador, what are your figures?\n\n"
        "**TOVE RENNICK (Ambassador of Oskel):** Your ministry first said three dead, then "
        "five. And we have 31 wounded.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(3, "Your ministry"),
                                                           (5, "Your ministry"),
                                                           (31, "Tove Rennick")]  # fmt: skip


def test_a_short_name_with_a_word_of_its_own_is_no_other_body_named_before() -> None:
    text = (
        "The Kethry Free Army said it lost 12 fighters. The Pelland army said on Wednesday "
        "it had killed 140 fighters. The Defence Ministry said 4 soldiers were killed."
    )
    assert [c.claimant for c in read(text)] == ["Kethry Free Army", "Pelland army",
                                                "Defence Ministry"]  # fmt: skip


def test_the_side_that_strikes_is_not_the_side_a_report_counts_losses_of() -> None:
    text = (
        "A Ruritanian missile strike on the Freedonian city of Tormasse killed 12 people, "
        "Freedonia's emergency service said; Ruritanian drones hit a school and Ruritanian "
        "artillery shelled two villages. Ruritania denies it.\n\n"
        "Rescuers found two more bodies on Tuesday.\n"
    )
    assert [(c.value, c.party) for c in read(text)] == [(12, "Freedonia"), (2, "Freedonia")]


def test_a_quotation_block_is_the_words_of_whom_it_quotes() -> None:
    text = (
        "Governor Berend Hallicott has published his morning summary. Here is the post in "
        "full:\n\n> Over the past day the enemy shelled 23 settlements.\n>\n"
        "> Four people were killed. Nineteen people were injured.\n\n"
        "> **Kethgarh Police** (@KethgarhPolice) · 2 Nov\n>\n"
        "> Two villagers sustained splinter injuries.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (4, "Governor"),
        (19, "Governor"),
        (2, "Kethgarh Police"),
    ]


def test_he_is_the_person_named_before_not_the_relatives_cited_since() -> None:
    text = (
        "Governor Ansel Vorreck said the search had ended. A third woman whose relatives had "
        "reported her missing turned up alive. Four children were among the dead, he said."
    )
    [claim] = read(text)
    assert (claim.value, claim.claimant) == (4, "Governor")


def test_the_city_council_is_the_citys_not_the_organisation_named_before() -> None:
    text = (
        "Dravosk's Defence Ministry said it had killed 60 militants.\n\n"
        "A glide bomb hit the depot and killed 11 people, according to the city council.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (60, "Dravosk's Defence Ministry"),
        (11, "city council"),
    ]


def test_a_labelled_update_later_in_a_report_replaces_the_figures_before_it() -> None:
    text = (
        "[City CMA 07:40] Strike on Pekkary. Preliminary: 3 dead, 8 injured.\n\n"
        "[City CMA 10:05] Pekkary update: 5 dead (was 3), 12 injured.\n\n"
        "[City CMA 13:30] Search ended. Toll: 5 dead, 14 injured.\n"
    )
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == [
        ("killed", 5, 3),
        ("wounded", 14, 12),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry published its evening figures: 14 dead and 52 injured, up from 9 dead "
         "and 31 injured in its afternoon update.", [("killed", 14, 9), ("wounded", 52, 31)]),
        ("The hospital says 58 people were wounded. This figure replaces the 47 it gave "
         "yesterday.", [("wounded", 58, 47)]),
        ("The toll now stands at 7,315 killed. Its previous update, in July, put the figure "
         "at 6,980.", [("killed", 7315, 6980)]),
        ("The toll rose to 9,300. The toll announced in Monday's statement stood at 9,247.",
         [("killed", 9300, 9247)]),
        ("We have confirmed the deaths of 41,288 servicemen. A week ago our count stood at "
         "40,677.", [("killed", 41288, 40677)]),
        ("The ministry said 214 people had been killed. It had previously put the toll at "
         "197, and a columnist called the rise a doubling.", [("killed", 214, 197)]),
        ("Our ward has received 58 people wounded. This figure replaces the 47 we announced "
         "yesterday, as patients first seen at a field clinic were moved here.",
         [("wounded", 58, 47)]),
        ("The service's latest figures are nine killed and 34 wounded. Its afternoon update had "
         "stood at six dead and 27 wounded.", [("killed", 9, 6), ("wounded", 34, 27)]),
        ("According to the administration, 26 people were killed and 88 injured. The "
         "administration's previous update, published on Monday evening, gave 18 dead and 70 "
         "injured.", [("killed", 26, 18), ("wounded", 88, 70)]),
        ("The cumulative number of civilians killed has been revised to 214. Last week's summary "
         "gave 206.", [("killed", 214, 206)]),
        ("Police said two men were killed. An earlier police statement had spoken of one dead.",
         [("killed", 2, 1)]),
        ("- Killed: 4,906\n- Injured: 11,480\n\nThe cumulative number of people killed has "
         "been revised upwards from 4,861.", [("killed", 4906, 4861), ("wounded", 11480, None)]),
        ("Shelling has killed 94 civilians. The number of civilians killed was previously "
         "reported as 88; the increase reflects a strike in which 6 civilians were killed.",
         [("killed", 94, 88), ("killed", 6, None)]),
        ("The party published the names of 11 citizens killed. Our previous list, published "
         "on 18 May, contained nine names.", [("killed", 11, 9)]),
        ("At least 131 civilians were killed. Our earlier figure also wrongly included 9 "
         "auxiliaries.", [("killed", 131, None)]),
        ("The last official figure, 11,870 killed, was given in August; it had previously stood "
         "at 9,400 in May.", [("killed", 11870, 9400)]),
        ("Since 2 June 97 servicemen have been killed and 286 wounded. These figures update "
         "those I gave you last Tuesday, which were 71 killed and 240 wounded.",
         [("killed", 97, 71), ("wounded", 286, 240)]),
        ("The ministry said 146 medical workers have been killed. In the statement of the "
         "Ministry of 1 June, the number of killed medical workers was 139.",
         [("killed", 146, 139)]),
        ("In total, 58 people were taken to hospital.\n\nOur statement on Monday gave the number "
         "of injured members of the public as 29. After checks with the hospitals, the correct "
         "figure is 35.", [("wounded", 58, None), ("wounded", 35, 29)]),
        ("Korvany's defence ministry last gave a figure for its own losses in October, when it "
         "said 2,913 servicemen had died.", [("killed", 2913, None)]),
    ],
)  # fmt: skip
def test_earlier_figures_listed_replaced_or_in_an_earlier_update(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == expected


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("The toll was revised from 31 to 34, the health minister said.", 34, 31),
        ("The death toll has risen by 26 to 2,881, the ministry said.", 2881, 2855),
        (
            "The ministry now counts 2,881 dead. The figure was previously announced as 2,855.",
            2881,
            2855,
        ),
        ("The hospital raised its toll from the strike to 19, from the 14 it gave earlier.", 19,
         14),
        ("The death toll rose to 41, up from the 36 announced on Monday.", 41, 36),
        ("The number who died in our care has risen to five, from the three we reported.", 5, 3),
        ("The toll was revised down to seven, the city said, correcting the figure of nine it "
         "published on Wednesday.", 7, 9),
        ("Pekkary update: 5 dead (was 3).", 5, 3),
        ("They said 44 people were still missing, against 71 a week ago.", 44, 71),
        ("Twelve people died, the prefect announced, against eight in the provisional toll.",
         12, 8),
        ("The number still sought stands at 1,406, against 1,455 in our October update.", 1406,
         1455),
        ("Since June, 318 servicemen have been killed, the Ministry of Defence reports. The "
         "figure published on 12 August was 261.", 318, 261),
        ("As of 30 September, the register lists 28,640 missing persons. On 30 June the figure "
         "was 27,115.", 28640, 27115),
        ("According to the Emergency Ministry, the strike killed 34 people. The ministry's "
         "first statement, on the evening of 20 July, gave a toll of 21.", 34, 21),
        ("The Civil Protection Agency says 31 civilians have been killed since June. On "
         "Thursday its figure was 19 killed.", 31, 19),
        ("Our department has treated 87 people injured. Our second statement, issued on "
         "Saturday, gave a figure of 52.", 87, 52),
        ("According to the final figures of the State Emergency Service, 27 people were "
         "killed. On Wednesday the Service had reported 23 dead.", 27, 23),
        ("The ministry said 402 soldiers have been killed in all, up from 373 last week.", 402,
         373),
        ("The commission said 1,874 people were still missing since the war began in 2593, "
         "down from 1,930 in July.", 1874, 1930),
        ("The number of the dead has increased to 6 persons (earlier the information about 4 "
         "perished persons was communicated).", 6, 4),
        ("Killed: 63 (previous dashboard: 56)", 63, 56),
        ("The Ministry acknowledged four deaths on 10 November, having previously spoken of "
         "two.", 4, 2),
        ("Police raised the death toll to 16 on June 9 from an initial 11.", 16, 11),
        ("The ministry lowered the number of people missing after the strike from 12 to five.",
         5, 12),
        ("The number of soldiers registered as missing has decreased from 47 to 38.", 38, 47),
        ("The number of missing soldiers fell from 47 to 38, the commission said.", 38, 47),
        ("The number of wounded dropped from 43 to 31.", 31, 43),
        ("The ministry said the number of dead has risen to 43, after 31 had been announced in "
         "its first statement.", 43, 31),
        ("The association announces that the number of the dead reached 57, after it was 49 in "
         "our previous appeal.", 57, 49),
        ("The toll of the dead rose to 43, after 31 were reported on the first day.", 43, 31),
        ("The navy said on Thursday that it was holding two sailors, not five as it had stated "
         "a day earlier.", 2, 5),
        ("The toll of the strike has increased to nine, the governor said. Earlier it was "
         "reported that seven people had been killed.", 9, 7),
    ],
)  # fmt: skip
def test_revisions_in_other_words(text: str, value: int, previous: int) -> None:
    (claim,) = read(text)
    assert (claim.value, claim.previous_value) == (value, previous)


def test_an_earlier_figure_said_of_no_one_revises_the_toll_of_its_kind() -> None:
    text = (
        "Six civilians were killed and 17 wounded, the ministry said. Previously it was "
        "reported that 4 persons were martyred."
    )
    found = [(c.category.value, c.value, c.previous_value) for c in read(text)]
    assert found == [("killed", 6, 4), ("wounded", 17, None)]


def test_a_count_revised_from_a_figure_the_sentence_gives_takes_that_one() -> None:
    text = (
        "The Observatory verified 168 deaths this week. It has revised its count for the week"
        " of 9-15 June to 194 verified deaths, from 187, after receiving new records.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(168, None), (194, 187)]


def test_each_claimant_is_named_and_a_short_mention_is_the_full_name() -> None:
    text = (
        "The Ministry of Defence of Northland said 12 soldiers were killed on Tuesday. "
        "The ministry added that 30 were wounded. "
        "According to the Southland Observatory for Human Rights, 25 civilians died."
    )
    found = read(text)
    assert [(c.category.value, c.value, c.claimant) for c in found] == [
        ("killed", 12, "Ministry of Defence of Northland"),
        ("wounded", 30, "Ministry of Defence of Northland"),
        ("killed", 25, "Southland Observatory for Human Rights"),
    ]
    assert found[0].as_of.iso() == "2020-12-01"  # the Tuesday before publication
    assert found[1].as_of.iso() == PUBLISHED.isoformat()


@pytest.mark.parametrize(
    ("text", "as_of", "period"),
    [
        ("Two guards were killed last night, the army said.", "2020-12-02", None),
        ("The army said on Thursday that 5 soldiers were killed.", "2020-12-03", None),
        ("The army said last Thursday that 5 soldiers were killed.", "2020-11-26", None),
        ("The toll from Sunday's strike on the market rose to 14.", "2020-12-03", None),
        ("Five people died in Sunday's strike on the market.", "2020-11-29", None),
        ("Officials lowered the number of injured to 60, from 75 reported on Sunday.",
         "2020-12-03", None),
        ("Shelling killed 6 civilians yesterday, the mayor said.", "2020-12-02", None),
        ("Shelling on 12 December killed 6 civilians.", "2019-12-12", None),
        ("As of Nov. 30th, 2020, 2,881 soldiers had been killed.", "2020-11-30", None),
        ("The army said it killed up to 40 Marovian soldiers.", "2020-12-03", None),
        ("By 31 June, 12 soldiers were missing, the army said.", "2020-12-03", None),
        ("In November the monitor counted 41 civilians killed.", "2020-11-30", None),
        ("The monitor counted 41 civilians killed in December.", "2020-12-03", None),
        ("Shelling between 24 and 27 November killed 9 civilians.", "2020-11-27", "2020-11-24"),
        ("Between 28 October and 2 November, 14 were killed.", "2020-11-02", "2020-10-28"),
        ("In the week of 23-29 November 9 civilians were killed.", "2020-11-29", "2020-11-23"),
        ("Since the war began on 27 September, 2,855 soldiers have died.", "2020-12-03",
         "2020-09-27"),
        ("The camp held 900 detainees, more than in October.", "2020-12-03", None),
        ("The toll rose to 40 killed, up from 35 in Monday's bulletin.", "2020-12-03", None),
        ("12 June 2020 - A car bomb at the market kills 19 people.", "2020-06-12", None),
        ("March 2020 - An attack on a police station kills nine officers.", "2020-03-31", None),
        # A year gone by is as of its last day; a year that dates something else, not.
        ("The monitor recorded 96 deaths in custody in 2019.", "2019-12-31", None),
        ("The conflict, which began in 2016, has killed more than 6,000 people.", "2020-12-03",
         "2016"),
        ("The group, founded in 2015, has recorded 96 deaths.", "2020-12-03", None),
        ("The camp holds 41,000 displaced people, most of whom fled in 2018.", "2020-12-03",
         None),
        ("Police found 3 soldiers who went missing in the fighting in 2016.", "2020-12-03",
         None),
        ("Civilians injured numbered 597 (in 2019 - 703).", "2020-12-03", None),
        ("Seven journalists have been killed in 2020.", "2020-12-03", None),
    ],
)  # fmt: skip
def test_the_day_or_month_a_figure_holds_on(text: str, as_of: str, period: str | None) -> None:
    (claim,) = read(text)
    assert claim.as_of.iso() == as_of
    assert (claim.period_start.iso() if claim.period_start else None) == period


def test_29_february_before_it_comes_round_is_the_last_one() -> None:
    text = "On 29 February, 12 soldiers were killed, the army said."
    (claim,) = read_figures(text, dt.date(2024, 1, 15), OUTLET)
    assert claim.as_of.iso() == "2020-02-29"
    (claim,) = read_figures(text, dt.date(2114, 6, 1), OUTLET)  # 2114 has none
    assert claim.as_of.iso() == "2112-02-29"
    dated = "On 29 February 2024, 12 soldiers were killed, the army said."
    (claim,) = read_figures(dated, dt.date(2024, 1, 15), OUTLET)
    assert claim.as_of.iso() == "2024-02-29"


def test_a_monthly_report_speaks_for_the_month_its_title_names_as_of_its_last_day() -> None:
    text = (
        "# Civilian harm monitor - November 2020\n\n"
        "Published 3 December 2020\n\n"
        "The monitor documented 63 civilians killed. On 12 November a strike killed 7.\n\n"
        "| Month | Killed |\n|---|---|\n| October 2020 | 58 |\n"
    )
    assert [(c.value, c.as_of.iso()) for c in read(text)] == [
        (63, "2020-11-30"),
        (7, "2020-11-12"),
        (58, "2020-10-31"),
    ]


@pytest.mark.parametrize(
    ("title", "as_of"),
    [
        ("November bulletin: 63 civilians killed", "2020-11-30"),
        ("March report on civilian harm", "2020-03-31"),
        ("December update", "2020-12-03"),  # the month the report appears in: not yet over
        ("Families may report errors to the ministry", "2020-12-03"),  # no month
        ("Families: May report errors to the ministry.", "2020-12-03"),  # no title
    ],
)
def test_a_periodic_reports_title_may_name_its_month_alone(title: str, as_of: str) -> None:
    text = f"{title}\n\nThe monitor documented 63 civilians killed.\n"
    assert [c.as_of.iso() for c in read(text)] == [as_of]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The Karsk Relief Network ran the convoy. Two of its drivers were killed, a "
         "spokeswoman for the group said.", "Karsk Relief Network"),
        ("Two drivers of the Karsk Relief Network were killed, a spokeswoman for the group "
         "said.", "Karsk Relief Network"),
        ("The Ministry of Information of Norland held a briefing on Monday. The minister "
         "said three soldiers had been killed.", "Ministry of Information of Norland"),
        ("City Hospital No. 4 was hit on Monday. A hospital spokeswoman said eight people "
         "died.", "City Hospital No. 4"),
        ("The Corvel Regional Hospital is full. The hospital's chief surgeon told us they are "
         "treating 27 wounded.", "Corvel Regional Hospital"),
        ("The wounded were flown to the Central Military Hospital. Four attackers were killed "
         "in combat, the Army reported.", "Army"),  # a hospital is no army
    ],
)  # fmt: skip
def test_a_mention_by_kind_is_the_organisation_named_before(text: str, claimant: str) -> None:
    (claim,) = read(text)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Defence Minister Ilse Varo said 12 soldiers were killed.", "Defence Ministry"),
        ("Minister of Foreign Affairs Ana Rell said 17 people were killed.",
         "Ministry of Foreign Affairs"),
        ("The Minister of Health, Salif Banto, said that 17 people were killed.",
         "Ministry of Health"),
        ("Salif Banto, Minister of Communication, said 17 soldiers had died.",
         "Ministry of Communication"),
        ("The Government spokesman, Minister of Communication Salif Banto, said on Wednesday"
         " that the attack left 17 soldiers dead.", "Government"),
        ("Minister of Communication and Government Spokesman Patrice Lumo said 63 people were"
         " killed.", "Government"),
        ("The Ministry of Defence of Esperra publishes no losses. Minister Rui Tal told "
         "parliament that 96 soldiers were killed.", "Ministry of Defence of Esperra"),
        ("The Ministry of Health of Norland and the Ministry of Defence of Norland met. "
         "Deputy Health Minister Ana Loy said 67 people were wounded.",
         "Ministry of Health of Norland"),
        ("The Federation of Nations Office for Refugees met donors. The FoN Monitoring "
         "Mission said 40 civilians were killed.", "Federation of Nations Monitoring Mission"),
        ("Fourteen sailors were freed in a raid on Sunday, the navy said.", "navy"),
        ("Valdessa says more than 9,000 Valdessan civilians have been killed.", "Valdessa"),
        ("An NAF spokesman said 40 soldiers died. Colonel Harun Bastak said six NAF fighters "
         "had been wounded.", "NAF"),
        ("Zhelvar City Hospital says it is treating 31 of the wounded. Six are in intensive "
         "care, head surgeon Darya Kolin said.", "Zhelvar City Hospital"),
        ("Kelmaria has not updated its toll since May, when its defence ministry said 2,140 "
         "Kelmarian soldiers had died.", "Kelmaria's defence ministry"),
        ("The State Emergency Service's latest figures for Ulvesk are nine people killed.",
         "State Emergency Service"),
        ("City Hospital No. 1 is treating 37 of the injured.", "City Hospital No. 1"),
        ("Three staff of Harnavian Railways died. The company said two more were missing.",
         "company"),
        ("VELLACOURT, June 16 (Orbis) - Esperra said 64 Esperran soldiers had been killed.",
         "Esperra"),
        ("15:40 - State Emergency Service: six dead, 27 wounded.", "State Emergency Service"),
        ("The number of dead given by the city military administration on Wednesday was 24.",
         "city military administration"),
        ("The Sudan Mortality Working Group, an academic consortium, argues the real number of "
         "people killed may be closer to 60,000.", "Sudan Mortality Working Group"),
        ("The Ambry Provincial Council still says 14 people were killed.",
         "Ambry Provincial Council"),
        ("Seventy-one people were abducted on the coast last year, according to the "
         "prefecture.", "prefecture"),
        ("OFFICE OF THE PROSECUTOR GENERAL OF DROVENIA\n\nOn 37 bodies, forensic experts found "
         "signs of violent death.", "Office of the Prosecutor General of Drovenia"),
        ("The council said 1,460 families had asked for help. About 900 of them are looking "
         "for sons who are listed as missing.", "council"),
        ("| Date | Place | Casualties |\n|---|---|---|\n"
         "| 4 May | Saltreach | 3 killed (regional administration) |\n",
         "regional administration"),
        ("Israel's national ambulance service said two men were lightly wounded by shrapnel.",
         "Israel's national ambulance service"),
        ("According to figures released on Sunday by the State Ministry of Health in West "
         "Jebel, 23 people were killed in the attack.", "State Ministry of Health in West Jebel"),
        ("Independent researchers in Dravenia, who count obituaries, said they had confirmed"
         " the names of 31,460 soldiers killed.", "Independent researchers in Dravenia"),
        ("The operator of a Liberian-flagged bulk carrier said two of its crew members were"
         " missing.", "operator of a Liberian-flagged bulk carrier"),
        ("The Vessany Regional Hospital is full. Its chief surgeon, Dr Halvard Mense, said staff"
         " had treated 1,150 wounded people.", "Vessany Regional Hospital"),
        ("The Kurumi Parents' Association met on Monday. Its chairman, Musa Garba-Kolo, told"
         " us that 102 girls were missing.", "Kurumi Parents' Association"),
        ("A strike hit Kessling Technical University on Friday. Seven students were killed,"
         " the university said.", "Kessling Technical University"),
        ("Since the conflict began, WHO has verified 138 attacks on health care in Tarn, which"
         " have killed 412 people.", "WHO"),  # the organisation, not a relative pronoun
        ("The Ministry of Defence in the capital said security forces had killed about 1,300"
         " insurgents.", "Ministry of Defence"),  # the name, not where it sits
        ("Medics at the scene said 12 people were killed.", "Medics at the scene"),
        ("The Ministry of Interior keeps saying fewer than 900 people are missing.",
         "Ministry of Interior"),
        ("The General Staff evaluates the losses of the enemy as approximately 6,800 killed.",
         "General Staff"),
        ("The claims of the Southland Defence Ministry that over 300 Northland soldiers were"
         " killed do not correspond to reality.", "Southland Defence Ministry"),
        ("The Data Hub, a project that compiles media and local reports, recorded 4,210"
         " deaths.", "Data Hub"),
        ("The coroner ruled that seven aid workers were unlawfully killed.", "coroner"),
        ("In an evening update the Defence Ministry said six soldiers were wounded.",
         "Defence Ministry"),  # a noun before the article ends the speaker's phrase
        ("Its head told reporters the commission believed 1,600 people were missing.",
         "commission"),
        ("The Commission of Inquiry into the March Events said 41 people were killed.",
         "Commission of Inquiry into the March Events"),
    ],
)  # fmt: skip
def test_who_speaks_for_whom(text: str, claimant: str) -> None:
    assert read(text)[-1].claimant == claimant


def test_background_from_an_earlier_year_is_the_outlets_own() -> None:
    text = (
        "A strike on Olvey killed 12 people, local officials said. It was the deadliest strike "
        "on the city since September 2019, when 31 people died."
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (12, "local officials"), (31, OUTLET)
    ]  # fmt: skip


def test_a_figure_nobody_is_said_to_state_is_the_outlets_own() -> None:
    (claim,) = read("Fighting near the border left 7 people dead.")
    assert claim.claimant == OUTLET


def test_a_tables_killed_and_injured_cells_may_name_whom_they_count() -> None:
    text = (
        "Incidents\n\n| Date | Place | Killed | Injured | Source |\n|---|---|---|---|---|\n"
        "| 17 Jun | Kipa road | 4 police officers | 2 police officers | National Police |\n"
        "| 21 Jun | Bodhe camp | 9 attackers | 1 KDF soldier | Defence Forces |\n"
    )
    assert [(c.category.value, c.value, c.claimant) for c in read(text)] == [
        ("killed", 4, "National Police"),
        ("wounded", 2, "National Police"),
        ("killed", 9, "Defence Forces"),
        ("wounded", 1, "Defence Forces"),
    ]


def test_a_mention_by_kind_is_no_pair_of_bodies_named_together() -> None:
    text = (
        "The Kessel Front and the Armed Forces of Norland gave conflicting accounts. The"
        " rebel alliance's spokesman, Teo Banu, said its fighters had killed 150 soldiers."
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(150, "alliance")]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The U.N. refugee agency said 12,000 people had fled.", "U.N. refugee agency (UNHCR)"),
        ("The UN humanitarian office said 40 people were killed.", "UN humanitarian office (OCHA)"),
        ("UNHCR said 12,000 people had fled.", "UNHCR"),
    ],
)
def test_an_agency_named_by_what_it_does_is_named_by_its_initials_too(
    text: str, claimant: str
) -> None:
    assert read(text)[-1].claimant == claimant


def test_a_bodys_own_press_office_publishing_it_speaks_for_the_body() -> None:
    found = read_figures(
        "Our fighters killed 40 enemy soldiers.", dt.date(2031, 3, 14), "HLF Press Centre"
    )
    assert [(c.value, c.claimant) for c in found] == [(40, "HLF")]


def test_one_sides_claim_about_the_other_sides_losses() -> None:
    text = "Azerbaijan's Defence Ministry said its forces had killed 300 Armenian soldiers."
    (claim,) = read(text)
    assert (claim.category.value, claim.value, claim.party) == ("killed", 300, "Armenia")
    assert claim.claimant == "Azerbaijan's Defence Ministry"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Two Kyrgyz border guards were killed and three Tajik soldiers wounded.",
         ["Kyrgyzstan", "Tajikistan"]),
        ("Eleven Chadian soldiers died in the ambush.", ["Chad"]),
        ("The bodies of 14 Ivorians were repatriated.", ["Côte d'Ivoire"]),
        ("The attack killed 3 U.S. troops, the Pentagon said.", ["United States"]),
    ],
)  # fmt: skip
def test_the_people_of_any_state_are_its_side(text: str, parties: list[str]) -> None:
    assert [c.party for c in read(text)] == parties


@pytest.mark.parametrize(
    ("place", "people"),
    [("Veloria", "Velorian"), ("Sethany", "Sethanian"), ("Ulthane", "Ulthanian"),
     ("Marvessa", "Marvessan"), ("Dravonia", "Dravonian"), ("Breskany", "Breskan"),
     ("Lenvarre", "Lenvarrese")],
)  # fmt: skip
def test_a_side_no_list_holds_is_known_by_its_people_when_the_text_names_both(
    place: str, people: str
) -> None:
    text = f"Shelling hit {place} on Monday. Twelve {people} soldiers were killed."
    assert [c.party for c in read(text)] == [place]


def test_a_word_that_merely_begins_a_longer_word_is_no_side() -> None:
    text = "The Humanitarian Office said 12 Human Rights Watch staff were wounded."
    assert [c.party for c in read(text)] == [""]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Kelmarian shelling of the Brastovian town killed six people. Brastovia and "
         "Kelmaria have fought since May.", "Brastovia"),
        ("Russian shelling killed five civilians in Kherson, the governor said.", ""),
        ("At least 12 people were killed in a Kelmarian missile strike on Tormasse on Tuesday,"
         " the regional governor said. Kelmaria and Brastovia have fought since May;"
         " Brastovian officials say Kelmaria shells Tormasse daily.", "Brastovia"),
        ("Kelmarian troops killed 40 Brastovian soldiers, Kelmaria said. Brastovia denies it.",
         "Brastovia"),
        ("Kelmaria's defence ministry said its forces had repelled 12 Brastovian attacks and"
         " that Brastovia had lost up to 300 servicemen.", "Brastovia"),
    ],
)  # fmt: skip
def test_the_side_that_struck_is_not_the_side_that_lost(text: str, party: str) -> None:
    assert read(text)[0].party == party


def test_a_side_that_speaks_by_its_own_name_counts_its_own() -> None:
    text = (
        "Israel said its strikes killed 12 people in Tyre. Hezbollah has announced the deaths"
        " of 320 of its fighters since October.\n"
    )
    # "its strikes" are the striker's: whose the 12 were the sentence does not say
    assert [(c.claimant, c.party) for c in read(text)] == [
        ("Israel", ""),
        ("Hezbollah", "Hezbollah"),
    ]


@pytest.mark.parametrize(
    ("source", "claimant"),
    [("Israeli tallies", "Israel"), ("official Ukrainian estimates", "Ukraine"),
     ("Health Ministry figures", "Health Ministry"), ("the ministry's figures", "ministry")],
)  # fmt: skip
def test_a_sides_own_figures_are_the_sides_claim(source: str, claimant: str) -> None:
    text = f"The army lost 3 soldiers.\n\nAbout 1,200 people were killed, according to {source}."
    assert read(text)[-1].claimant == claimant


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The Fells Health Directorate, quoted by the state news agency CNA on Tuesday, said 12"
         " people were killed.", "Fells Health Directorate"),
        ("According to the health office, cited by Radio Fells, 12 people were killed.",
         "health office"),
        ("Twelve people were killed, Radio Fells reported, citing the provincial health office.",
         "provincial health office"),
        ("The ministry said 12 people were killed, citing hospital records.", "ministry"),
        ("The UN office said 12 people were killed, citing hospitals and local authorities.",
         "UN office"),
        ("The Fells Rights Centre put the dead at 12, citing its own monitors.",
         "Fells Rights Centre"),
        ("Radio Fells said 12 people were killed, citing a military source.", "Radio Fells"),
        ("The government rarely publishes military deaths. The last official figure, 12"
         " killed, was given by the defence minister.", "defence minister"),
    ],
)  # fmt: skip
def test_who_relays_a_figure_is_not_who_gives_it(text: str, claimant: str) -> None:
    assert [c.claimant for c in read(text)] == [claimant]


def test_who_gave_something_other_than_an_account_gives_no_figure() -> None:
    text = (
        "The Commission said it recovered the remains of 27 persons. Of these, 19 have been"
        " identified by DNA matching against the reference samples given by relatives.\n"
    )
    assert [c.claimant for c in read(text)] == ["Commission", "Commission"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Pellmark says eight of its 12 crew were killed.", [("killed", 8)]),
        ("Eight of the 40 passengers died, the airline said.", [("killed", 8)]),
        ("Four of the 15 people injured in the attack remain in hospital.",
         [("wounded", 4), ("wounded", 15)]),
    ],
)  # fmt: skip
def test_the_whole_a_part_is_picked_from_is_no_count_of_what_befell_the_part(
    text: str, parts: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == parts


@pytest.mark.parametrize(
    "text",
    [
        "Twelve people were rescued and two are missing.",
        "The ferry had 212 passengers and 18 sailors on board and that two are missing.",
    ],
)
def test_people_joined_to_a_figure_by_and_may_have_a_verb_or_clause_of_their_own(
    text: str,
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == [("missing", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "The interior ministry last week said 2,910 people were killed.",
        "The interior ministry last published figures in May. It said 2,910 people were killed.",
        "The interior ministry this week put the toll at 2,910.",
    ],
)
def test_when_a_claimant_spoke_is_no_part_of_its_name(text: str) -> None:
    assert [c.claimant for c in read(text)] == ["interior ministry"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Families searching for a relative can call our free tracing line.", []),
        ("Families who have lost contact with a relative may call the hotline.", []),
        ("Rescuers are still searching for a missing fisherman.", [("missing", 1)]),
        ("Rescuers freed 12 people from the rubble.", []),
        ("The rebels freed 12 hostages from a camp.", [("captured", 12)]),
        ("Rescuers freed 12 people from the rubble, two of whom later died.", [("killed", 2)]),
        ("Two people were killed when police cleared a rally of several thousand people.",
         [("killed", 2)]),
        ("Families said at least 9 of those detained were under 18.", [("captured", 9)]),
        ("More than 400 relatives of missing soldiers gathered outside the ministry.", []),
        ("The families of 12 missing soldiers gathered outside the ministry.", [("missing", 12)]),
        ("A column of 40 prisoners was marched away.", [("captured", 40)]),
        ("The ICRC has helped clarify the fate of some 8,000 people.", [("other", 8000)]),
        ("The fate of 804 of these people has been clarified.", [("other", 804)]),
        ("The fate of 2 servicemen is being established.", [("missing", 2)]),
        ("The bodies of three hostages were recovered overnight.", [("killed", 3)]),
        ("We lost two soldiers, may God have mercy on them.", [("killed", 2)]),
        ("Forty people may die if aid does not arrive.", []),
        ("Units of the brigade captured 6 occupants.", [("captured", 6)]),
    ],
)  # fmt: skip
def test_whom_a_sentence_counts_and_whom_it_only_mentions(
    text: str, parts: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == parts


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("As of this morning, 19 people are known to have died; yesterday evening we reported"
         " 15 dead.", [("killed", 19, 15)]),
        ("The provisional toll now stands at 33 dead. On Wednesday evening the directorate"
         " reported 27. Recovery teams are still working.", [("killed", 33, 27)]),
        ("The toll is revised upward to 79 deceased persons, against 68 communicated in the"
         " communique of 13 August.", [("killed", 79, 68)]),
        ("The ministry said 49 servicemen died.\n\nUpdate (13 September, 14:00): the number"
         " of servicemen killed has reached 77.", [("killed", 77, 49)]),
        ("A strike killed 89 soldiers, according to the defence ministry.\n\nThe ministry"
         " initially put the number of dead at 63 before raising it.", [("killed", 89, 63)]),
        # a list of days' incidents revises nothing
        ("On Monday the ministry reported 12 killed in Kharkiv. On Tuesday it reported 9"
         " killed in Odesa.", [("killed", 12, None), ("killed", 9, None)]),
    ],
)  # fmt: skip
def test_a_figure_reported_at_a_past_time_beside_a_newer_one_is_its_earlier_figure(
    text: str, parts: list[tuple[str, int, int | None]]
) -> None:
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == parts


def test_a_short_name_with_a_word_of_its_own_is_another_body() -> None:
    text = (
        "The Defence Ministry said 12 soldiers were killed. The health ministry said 3"
        " civilians were killed. The defense ministry later said 2 more soldiers died.\n"
    )
    assert [c.claimant for c in read(text)] == [
        "Defence Ministry",
        "health ministry",
        "Defence Ministry",
    ]


@pytest.mark.parametrize("role", ["its director", "its medical director Callum Okonre"])
def test_a_person_of_its_speaks_for_the_organisation_the_sentence_named(role: str) -> None:
    text = (
        "Police said 14 people were killed.\n\nPort Averil General Hospital had admitted 38"
        f" wounded people by Tuesday morning, {role} told reporters.\n"
    )
    assert [c.claimant for c in read(text)] == ["Police", "Port Averil General Hospital"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of people killed in the earthquake has passed 40,000, officials said.",
         ("killed", 40000, "more_than", "officials")),
        ("Gunmen abducted 287 pupils from a school in Kuriga, a teacher said.",
         ("captured", 287, "exact", "teacher")),
        ("Gunmen abducted 287 pupils, a witness said.", ("captured", 287, "exact", "witness")),
        # whom a figure counts, after a dash, is not who gives it
        ("Six civilians held since October were released - four drivers and two nurses.",
         ("captured", 6, "exact", "army")),
    ],
)  # fmt: skip
def test_wire_copy_s_commonest_shapes(text: str, expected: tuple[str, int, str, str]) -> None:
    claim = read(f"The army said 3 were killed.\n\n{text}\n")[1]
    assert (claim.category.value, claim.value, claim.qualifier.value, claim.claimant) == expected
    assert claim.party == ""  # "The army" twice names no side called "The"


def test_a_claimant_s_count_is_no_verb_of_saying() -> None:
    text = (
        "The health ministry revised its count of the dead to 27 from 31.\n\n"
        "The number of confirmed deaths rose to 112 overnight, the ministry said.\n"
    )
    assert [c.claimant for c in read(text)] == ["health ministry", "health ministry"]


def test_a_source_in_brackets_by_the_short_name_the_text_gives_it() -> None:
    text = (
        "KEY FIGURES\n- 3,890 people injured (MoH)\n\n"
        "At least 120 people were killed, according to the Ministry of Health (MoH).\n\n"
        "Fourteen fighters were killed in a clash with the Grey Ridge Front (GRF).\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (3890, "Ministry of Health"),
        (120, "Ministry of Health"),
        (14, "Ministry of Health"),  # where the short name is given, it names no source
    ]


@pytest.mark.parametrize(
    ("speaker", "claimant"),
    [("the Prosecutor General's Office", "Prosecutor General's Office"),
     ("President Ilan Corvas", "President")],
)  # fmt: skip
def test_an_office_s_body_keeps_its_name(speaker: str, claimant: str) -> None:
    [claim] = read(f"Since May, 100 civilians have been killed, {speaker} said.")
    assert claim.claimant == claimant


def test_a_live_page_s_time_stamp_and_a_city_s_mayor() -> None:
    text = (
        "12:40 GMT - Israeli army says soldier killed in Gaza\n"
        "The Israeli military says one of its soldiers was killed in southern Gaza.\n\n"
        "14:32 GMT - The toll in Kharkiv has risen to 11, according to the city's mayor Ihor"
        " Terekhov.\n"
    )
    assert [c.claimant for c in read(text)] == ["Israeli military", "mayor"]


def test_a_list_item_opened_by_a_league_or_a_front_is_its_figure() -> None:
    text = (
        "- **Tirrel Human Rights League:** at least 58 people killed.\n"
        "- **Civic Front (opposition):** 74 protesters killed.\n"
    )
    assert [c.claimant for c in read(text)] == ["Tirrel Human Rights League", "Civic Front"]


def test_a_tally_named_next_takes_the_words_after_a_figure() -> None:
    text = "The office put the number of civilians killed at 146 and the number injured at 402."
    assert [(c.category.value, c.value) for c in read(text)] == [("killed", 146), ("wounded", 402)]


def test_a_breakdown_is_a_claim_about_its_own_group() -> None:
    found = read("The health ministry said 52 people were killed, including 41 children.")
    assert [(c.category.value, c.value, c.group) for c in found] == [
        ("killed", 52, "people"),
        ("killed", 41, "children"),
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The office said 43 children were injured (26 boys and 17 girls).",
         [("wounded", 43), ("wounded", 26), ("wounded", 17)]),
        ("The army said 140 soldiers were killed, among them two colonels.",
         [("killed", 140), ("killed", 2)]),
        ("The ministry said 31 reservists were killed. Four of them were volunteers.",
         [("killed", 31), ("killed", 4)]),
        ("The monitors said 40 people were killed; six of the adult victims were over 70.",
         [("killed", 40), ("killed", 6)]),
        ("The staff said 90 prisoners were released: 72 soldiers, 12 guardsmen and 6 sailors.",
         [("captured", 90), ("captured", 72), ("captured", 12), ("captured", 6)]),
        ("Gunmen abducted 12 men aged 18 to 60, the police said.", [("captured", 12)]),
        ("The police said 9 people were killed, aged between 34 and 71.", [("killed", 9)]),
        ("The hospital said 17 were injured, among them 5 children under 12.",
         [("wounded", 17), ("wounded", 5)]),
        ("The monitors said a civilian man (63) was killed by shrapnel.", [("killed", 1)]),
        ("Shelling killed four people. Among the dead was Ama Okoro, 67.", [("killed", 4)]),
        ("Shelling killed four people, among them Ama Okoro, 67, a fish seller.",
         [("killed", 4)]),
        ("The governor said 12 residents were killed and contact has been lost with 1,400 others.",
         [("killed", 12), ("missing", 1400)]),
        ("More than 34,000 people have had to leave their homes, the office said.",
         [("displaced", 34000)]),
    ],
)  # fmt: skip
def test_the_parts_of_a_figure_are_claims_of_its_category(
    text: str, parts: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == parts


def test_a_day_s_change_in_brackets_is_a_figure_of_the_total_s_kind() -> None:
    text = (
        "* personnel - about 241,380 (+1,040) eliminated\n"
        "* tanks - 4,482 (+9)\n"
        "* MLRS - 1,093 (+2)\n"
        "* wounded - 9,310 (+212 over the past day)\n"
    )
    assert figures(text) == [
        ("killed", 241380, None, None, "about"),
        ("killed", 1040, None, None, "exact"),  # not the changes to counts of weapons
        ("wounded", 9310, None, None, "exact"),
        ("wounded", 212, None, None, "exact"),
    ]


def test_a_breakdown_in_brackets_needs_people() -> None:
    assert figures("The ministry said 12 soldiers were killed (+3 since Monday).") == [
        ("killed", 12, None, None, "exact")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two women, aged 64 and 71, were killed in the strike.", [("killed", 2)]),
        ("A girl aged 12 and a boy aged 9 were killed in the strike.", [("killed", 2)]),
        ("A man was killed and a woman was injured.", [("killed", 1), ("wounded", 1)]),
        ("The number of missing people has fallen to 1,806.", [("missing", 1806)]),
        ("About two in five of the dead were children.", []),  # a share, no count
        ("Shrapnel was found in 29 of the injured.", [("wounded", 29)]),
        (
            "They killed 40 soldiers and captured 17 in two days.",
            [("killed", 40), ("captured", 17)],
        ),
        ("The Commission holds 8,904 reference blood samples from relatives.", []),
        ("Around 1,200 families have returned to the village since March.", []),
        ("The prison was built for 1,200 inmates.", []),
        ("Our family helpline remains open on 0800 4400 17 for relatives.", []),
        ("Families can call the Joint Centre on 0 800 507 117.", []),
        ("Of the released prisoners, the youngest 19, the oldest 61.", []),
        ("We recorded 31 civilian deaths in the week of 12-18 May.", [("killed", 31)]),
        ("Bulletin No. 27 gave the number of civilians injured as 6,286.", [("wounded", 6286)]),
        ("05 jawans were killed.", [("killed", 5)]),
        ("Two soldiers wounded in the clash died in hospital.", [("killed", 2)]),
        (
            "A 63-year-old man wounded in Tuesday's missile strike on the central bus station"
            " died in hospital on Friday.",
            [("killed", 1)],
        ),
        (
            "Two pupils wounded in the shelling of School No. 4 died in hospital.",
            [("killed", 2)],
        ),
        (
            "Two men who were wounded in the strike, a cattle dealer aged 52 and his nephew"
            " aged 19, died weeks later.",
            [("killed", 2)],
        ),
        (
            "Its count is 63 dead and 212 injured, the ministry said, as the worst hurt succumbed.",
            [("killed", 63), ("wounded", 212)],
        ),
        ("One of our teachers, Mr. Arvo Lind, was killed.", [("killed", 1)]),
        ("Civilians killed in terrorist incidents: 37.", [("killed", 37)]),
        (
            "Since the state of emergency of 1 March, police and security personnel killed in"
            " the line of duty: 14.",
            [("killed", 14)],
        ),
        ("Tanks destroyed in attacks: 12.", []),
        ("Three were wounded and one died.", [("wounded", 3), ("killed", 1)]),
        ("The army said it had killed about 40 Brigades fighters.", [("killed", 40)]),
        ("The army says 120 Brigades fighters have been killed.", [("killed", 120)]),
        ("Two school staff have been killed.", [("killed", 2)]),
        ("A third woman whose relatives had reported her missing turned up alive.", []),
        ("The losses were a tank and three armoured personnel carriers.", []),
        ("Eleven servicemen are still receiving treatment.", [("wounded", 11)]),
        ("The worst week saw 131 people die.", [("killed", 131)]),
        ("The commissioner said no student died in captivity.", [("killed", 0)]),
        ("No one was killed or injured, the police said.", [("killed", 0), ("wounded", 0)]),
        ("The army said no soldier is missing.", [("missing", 0)]),
        ("Seven of our gallant soldiers paid the supreme sacrifice.", [("killed", 7)]),
        ("Three of our heroes rose to martyrdom in the battle.", [("killed", 3)]),
        ("Not a single serviceman was killed.", [("killed", 0)]),
        ("The army said no military personnel were among the dead.", [("killed", 0)]),
        ("Six servicemen laid down their arms.", [("captured", 6)]),
        ("Police Senior Lieutenant Idris Varrakh was killed on Monday.", [("killed", 1)]),
        ("A third officer, Corporal Sami Ghenwari, was wounded.", [("wounded", 1)]),
        ("Colonel Ivo Ranchet said the attack had failed.", []),  # named, but no casualty
        (
            "More than 8,000 Halvarians, servicemen and civilians, remain in captivity.",
            [("captured", 8000)],
        ),
        ("Tavisk City Hospital: 34 admitted, 2 died.", [("wounded", 34), ("killed", 2)]),
        ("Up to 40 people may die if aid does not arrive.", []),
        ("A funeral in the village was held for 11.", []),
        (
            "The mission verified 15,410 civilian deaths and 38,902 injuries since 19 February "
            "2323.",
            [("killed", 15410), ("wounded", 38902)],
        ),
        ("Six residents may still be under the rubble.", [("missing", 6)]),
        ("12 people were killed in May.", [("killed", 12)]),
        (
            "Two staff have been killed and one teacher remains in hospital.",
            [("killed", 2), ("wounded", 1)],
        ),
        (
            "Four residents were killed, the oldest aged 71, and seven were injured.",
            [("killed", 4), ("wounded", 7)],
        ),
        ("Fourteen assailants were killed and six others questioned.", [("killed", 14)]),
        (
            "Fourteen assailants were killed and six others arrested.",
            [("killed", 14), ("captured", 6)],
        ),
        ("Four pirates were neutralised and six were rescued.", [("killed", 4)]),
        ("Our forces killed 1,150 terrorists and questioned 380 of them.", [("killed", 1150)]),
        ("Police arrested 380 people.", [("captured", 380)]),
        ("Police said they had arrested six suspects.", [("captured", 6)]),
        (
            "The governor said 11 of the students were still with their abductors.",
            [("captured", 11)],
        ),
        ("The army killed 12 demonstrators.", [("killed", 12)]),
        ("In total, 502 bodies returned to Velichar.", [("killed", 502)]),
        ("61 employees of internal affairs bodies received bodily injuries.", [("wounded", 61)]),
        ("17 persons were killed by soldiers of the 41 Battalion.", [("killed", 17)]),
        ("Of those deaths, 119 were caused by drone strikes.", [("killed", 119)]),
        (
            "38 security force personnel and 52 civilians lost their lives.",
            [("killed", 38), ("killed", 52)],
        ),
        ("4 civilians including a woman were killed.", [("killed", 4), ("killed", 1)]),
        (
            "Two soldiers were killed and three civilians.",
            [("killed", 2), ("killed", 3)],
        ),
        ("Seven people, all of them teenage boys, were abducted.", [("captured", 7)]),
        ("One of the attackers was killed at the scene.", [("killed", 1)]),
        ("It was one of the worst nights, with 12 killed.", [("killed", 12)]),
        ("The tracing service says 2,310 people are still being sought.", [("missing", 2310)]),
        ("Among all the deaths we confirmed, 1,377 were children.", [("killed", 1377)]),
        (
            "Seven of our fighters ascended as martyrs and fifteen were wounded.",
            [("killed", 7), ("wounded", 15)],
        ),
        ("The strike killed a family of six.", [("killed", 6)]),
        (
            "Five other staff members and 14 patients were injured.",
            [("wounded", 5), ("wounded", 14)],
        ),
        ("About 2,500 residents have left the villages since Saturday.", [("displaced", 2500)]),
        ("Russia handed over 90 soldiers.", [("captured", 90)]),
        ("The group is still holding at least 11 people.", [("captured", 11)]),
        ("Eleven patients remain in intensive care.", [("wounded", 11)]),
        ("Seven patients are in the intensive care unit.", [("wounded", 7)]),
        ("The dead included five women and a child.", [("killed", 5), ("killed", 1)]),
        ("Five were injured, among them a ten-year-old boy.", [("wounded", 5), ("wounded", 1)]),
        ("Rebels shot down a helicopter, killing its crew of four.", [("killed", 4)]),
        ("Artillery destroyed up to 15 enemy servicemen.", [("killed", 15)]),
        ("Two men from the night shift had not been found.", [("missing", 2)]),
        ("We have lost contact with two crane operators.", [("missing", 2)]),
        ("Our units are holding 5 soldiers of the occupation army.", [("captured", 5)]),
        (
            "Officials said 12 people were killed in Kerr and 9 in Bosk.",
            [("killed", 12), ("killed", 9)],
        ),
        ("The mission counted 1,200 civilians killed as of Aug. 31.", [("killed", 1200)]),
        ("It recorded 74 civilian deaths between 1 and 31 May.", [("killed", 74)]),
        ("The commission counted 612 deaths in 2113.", [("killed", 612)]),
        ("Pekkary update: 12 injured incl. 2 children.", [("wounded", 12), ("wounded", 2)]),
        ("Nine of those released are seriously wounded.", [("wounded", 9)]),
        ("Officials said 14 of the returned defenders are seriously wounded.", [("wounded", 14)]),
        (
            "Two of our deminers, Jaro Velesk (31) and Mila Hartun (27), were killed yesterday.",
            [("killed", 2)],
        ),
        ("Four members of one family were killed.", [("killed", 4)]),
        (
            "At least 40 people have not been seen by their families since that night.",
            [("missing", 40)],
        ),
        (
            "The families of nine prisoners have had no news of them since the riot.",
            [("missing", 9)],
        ),
        (
            "The families of six people who were at the match are still looking for them.",
            [("missing", 6)],
        ),
        ("A woman who helped carry the wounded said the shelling lasted an hour.", []),
        ("A man who was carrying the wounded was killed.", [("killed", 1)]),
        ("A man who was among the wounded died.", [("killed", 1)]),
        ("Strikes killed 8 civilians and 3 of its fighters.", [("killed", 8), ("killed", 3)]),
        (
            "The blast wounded two police officers and one of our guards.",
            [("wounded", 2), ("wounded", 1)],
        ),
        (
            "This week 41 of the people reported missing were found alive.",
            [("other", 41)],
        ),
        (
            "In May, 39 persons on the register were found alive and the deaths of 15 were "
            "confirmed.",
            [("other", 39), ("killed", 15)],
        ),
        ("Its teams helped locate 214 people alive.", [("other", 214)]),
        (
            "Of those, 41 have been found dead and nine have been found alive.",
            [("killed", 41), ("other", 9)],
        ),
        (
            "The commission recognises 8,961 persons as detained-disappeared.",
            [("missing", 8961)],
        ),
        ("Twelve men who went missing have not been found alive.", [("missing", 12)]),
        ('The army said it had killed 7 "khawarij" in the raid.', [("killed", 7)]),
        ("The strike killed 12 militants gathered at a compound.", [("killed", 12)]),
        ("Hundreds of people gathered at the square.", []),
        ("A Civil Defence volunteer was injured when a drone hit.", [("wounded", 1)]),
        ("A second border guard was killed.", [("killed", 1)]),
        ("Of these, 387 were fatal.", [("killed", 387)]),
        ("Today our register holds the names of 1,640 men.", []),
        ("The group still holds 40 hostages.", [("captured", 40)]),
        ('The group said it killed "more than 50 agents of the regime".', [("killed", 50)]),
        (
            'The ministry claims its drones hit a battery, "eliminating up to 20 gunners".',
            [("killed", 20)],
        ),
        (
            "Gunmen attacked the check post, martyring four policemen.",
            [("killed", 4)],
        ),
        (
            "23 municipal officials, including 9 mayors, have been killed.",
            [("killed", 23), ("killed", 9)],
        ),
        (
            "The Vaskovan side received 48 people, according to the Lorvian ministry.",
            [("captured", 48)],
        ),
        (
            "The ministry said it had handed over 95 prisoners and received 103 of its own"
            " soldiers.",
            [("captured", 95), ("captured", 103)],
        ),
        ("The hospital received 40 people overnight.", [("wounded", 40)]),
        (
            "A total of 88,412 people are being sheltered in 214 evacuation sites.",
            [("displaced", 88412)],
        ),
        (
            'Claims about the destruction of "more than 300" Tarsinian servicemen near Mirsk are'
            " disinformation.",
            [("killed", 300)],
        ),
        ("About 12 per cent of the 400 dead were children.", [("killed", 400)]),
        (
            "The General Staff put Russian losses in killed and wounded since the invasion began"
            " on 9 June 2694 at 412,560.",
            [("other", 412560)],
        ),
        (
            "Relatives of servicemen in captivity or missing may contact the Coordination Centre"
            " on 0 800 41 41 41 (daily, 08:00 to 20:00).",
            [],
        ),
        ("Two children from one family died.", [("killed", 2)]),
        (
            "The network said 9 of the freed detainees were being treated for gunshot wounds.",
            [("wounded", 9)],
        ),
        (
            "The number of people killed when a missile hit a nine-storey apartment block in "
            "the southern port of Corvasse late on Monday night has risen to 23.",
            [("killed", 23)],
        ),
        (
            "Two soldiers paid the supreme price and five others were wounded.",
            [("killed", 2), ("wounded", 5)],
        ),
        (
            "They took 19 servicemen prisoner, among them a captain.",
            [("captured", 19), ("captured", 1)],
        ),
        ("One of them, Corporal Ansel Riik, died of his injuries.", [("killed", 1)]),
        ("Two of them were in a serious condition.", [("wounded", 2)]),
        (
            "Seven were wounded; two of the wounded died in hospital.",
            [("wounded", 7), ("killed", 2)],
        ),
        (
            "The register counted 5,000 deaths. It believes the true number may be closer to "
            "6,000.",
            [("killed", 5000), ("killed", 6000)],
        ),
        ("The army killed 40 fighters. The number of villages hit was 12.", [("killed", 40)]),
        ("Nine hostages were freed; the oldest of whom is 68.", [("captured", 9)]),
        ("A woman of 64 was killed.", [("killed", 1)]),
        (
            "In all 1,044 servicemen were wounded, of whom 692 have returned to their units.",
            [("wounded", 1044), ("wounded", 692)],
        ),
        (
            "Officials said 85 civilians were killed. Among the civilians are 21 women and 4 "
            "children.",
            [("killed", 85), ("killed", 21), ("killed", 4)],
        ),
        (
            "- The monitor recorded 318 civilian casualties.\n- Among the civilians killed were 9"
            " children; 30 children were injured.",
            [("other", 318), ("killed", 9), ("wounded", 30)],
        ),
        (
            "Officials said 2,000 soldiers were killed.\n\nAmong them are 612 officers.",
            [("killed", 2000), ("killed", 612)],
        ),
        (
            "The police said the toll had risen to 13, up from 11, after two of the injured died.",
            [("killed", 13)],
        ),
        (
            "The governor said the toll had risen to five after one of the injured died.",
            [("killed", 5)],
        ),
        ("Clashes on the border in 2164 killed 14 soldiers.", [("killed", 14)]),
        ("The Original Indictment of 2256 listed 41 civilians killed.", [("killed", 41)]),
        ("Nine women and children are let out through the side entrance.", [("captured", 9)]),
        (
            "The losses compose: irretrievable losses - 9 servicemen, sanitary losses - 23 "
            "servicemen.",
            [("killed", 9), ("wounded", 23)],
        ),
        (
            "The losses compose: killed - 9 servicemen, wounded - 23 servicemen.",
            [("killed", 9), ("wounded", 23)],
        ),
        (
            "17 persons received traumas of various degree, including 3 minors.",
            [("wounded", 17), ("wounded", 3)],
        ),
        ("The fate of 2 servicemen is being established.", [("missing", 2)]),
        ("About 5 lakh people have been displaced.", [("displaced", 500000)]),
        ("Three jawans were martyred and five others injured.", [("killed", 3), ("wounded", 5)]),
        (
            "The network said 96 people who had been registered as missing were confirmed dead.",
            [("killed", 96)],
        ),
        (
            "In total, 12 people received medical help, of whom 8 were taken to hospital.",
            [("wounded", 12), ("wounded", 8)],
        ),
        (
            "The monitor recorded 23 civilian deaths this week, down from 35 the week before.",
            [("killed", 23), ("killed", 35)],
        ),
        (
            "We documented 121 civilian deaths in May, against 109 in April.",
            [("killed", 121), ("killed", 109)],
        ),
        (
            "The attack brings the number of aid workers killed this year to 27, compared with"
            " 15 last year.",
            [("killed", 27), ("killed", 15)],  # a year's count beside another's
        ),
    ],
)
def test_what_happened_to_the_people_counted_across_asides_and_parts(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The Ministry of Foreign Affairs is pleased to announce that the Front released 27 "
         "hostages.", "Ministry of Foreign Affairs"),
        ("The ministry regrets to announce that 3 soldiers were killed.", "ministry"),
        ("In return, the government released 40 prisoners.", OUTLET),
        ("The rebels said two of their fighters were killed.", "rebels"),
        ("A spokesman for the UN refugee agency said 1.2 million people had fled.",
         "UN refugee agency (UNHCR)"),
        ("A total of 1,230 prisoners were exchanged, the mediators said.", "mediators"),
    ],
)  # fmt: skip
def test_who_releases_people_is_not_thereby_who_says_so(text: str, claimant: str) -> None:
    (claim,) = read(text)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("In a statement, al-Shabaab said its fighters had killed 17 soldiers.", "al-Shabaab"),
        ("Ahl al-Thabat, the insurgent group, claimed that it had killed 25 soldiers.",
         "Ahl al-Thabat"),
        ("The Dar al-Salam Hospital said 23 people were killed.", "Dar al-Salam Hospital"),
    ],
)  # fmt: skip
def test_a_name_led_by_an_arabic_article_speaks(text: str, claimant: str) -> None:
    (claim,) = read(text)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The rebel Sembaran People's Army said it was holding 12 soldiers.",
         "Sembaran People's Army"),
        ("The aid group Lessary Medical Relief said it had received 38 wounded.",
         "Lessary Medical Relief"),
        ("The registry of the National Search Commission lists 118,000 people as disappeared.",
         "National Search Commission"),
        ("The governor of Kesh Province said 12 people were killed.", "governor of Kesh Province"),
    ],
)  # fmt: skip
def test_a_body_speaks_without_the_words_that_describe_it(text: str, claimant: str) -> None:
    (claim,) = read(text)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        ("The Coalition of the Free South claims 400 soldiers killed. The government says it "
         "has killed 300 rebels.", ["Coalition of the Free South", "government"]),
        ("The Armed Violence Documentation Centre counted 214 deaths. The army's public "
         "relations office said that troops had killed 312 insurgents.",
         ["Armed Violence Documentation Centre", "army's public relations office"]),
        ("The Centre counted 214 deaths. The prosecutor's office said forensic teams had found "
         "12 bodies.", ["Centre", "prosecutor's office"]),
    ],
)  # fmt: skip
def test_a_body_named_by_its_kind_or_its_office_is_no_other_named_before(
    text: str, claimants: list[str]
) -> None:
    assert [c.claimant for c in read(text)] == claimants


def test_whoever_is_quoted_after_a_figure_is_not_one_more_of_it() -> None:
    found = read('"We have lost 40 of our men," a commander told reporters.')
    assert [(c.category.value, c.value, c.claimant) for c in found] == [("killed", 40, "commander")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army said no soldiers were killed by the missiles.", [("killed", 0)]),
        ("Police said no members of the public were injured.", [("wounded", 0)]),
        ("The ministry said its forces lost no personnel on Monday.", [("killed", 0)]),
        ("Its forces had suffered no losses since the start of the month.", [("killed", 0)]),
        ("None of our soldiers has been taken captive.", [("captured", 0)]),
        ("None of them knew.", []),
        ("No casualties were reported.", []),
        ("No one knows how many were killed.", []),
        ("The group said it had lost no more than five fighters.", [("killed", 5)]),
    ],
)
def test_a_firm_zero_is_a_figure_and_a_report_of_nothing_is_not(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["The army lost 70 servicemen killed and wounded.",
     "The office said 70 people were killed or injured in the fighting."],
)  # fmt: skip
def test_a_combined_killed_and_wounded_figure_is_other(text: str) -> None:
    assert figures(text) == [("other", 70, None, None, "exact")]


@pytest.mark.parametrize(
    "text",
    [
        "A bomb killed at least 22 people outside the court.",
        "A shell wounded at least 22 people in the market.",
    ],
)
def test_a_thing_that_kills_is_not_one_person_counted(text: str) -> None:
    assert [figure[1] for figure in figures(text)] == [22]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Artillery killed 71 civilians, drones 54, missiles 22 and mines 6.",
         [71, 54, 22, 6]),
        ("Of the deaths, 41 were caused by artillery, 9 by drones and 2 by mines.", [41, 9, 2]),
        ("Shelling caused 301 deaths, small-arms fire 92 and unexploded ordnance 64.",
         [301, 92, 64]),
        ("Glide bombs killed 52 people, aged between 20 and 70.", [52]),
    ],
)  # fmt: skip
def test_a_list_that_leaves_out_the_verb_counts_each_item_alike(
    text: str, values: list[int]
) -> None:
    found = figures(text)
    assert [value for _, value, *_ in found] == values
    assert {category for category, *_ in found} == {"killed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll has risen to 19 dead, among them 4 women and 2 children, and the injured "
         "to 41.", [("killed", 19), ("killed", 4), ("killed", 2), ("wounded", 41)]),
        ("The attacks killed 10 people, four health workers and six patients, and injured 20.",
         [("killed", 10), ("killed", 4), ("killed", 6), ("wounded", 20)]),
        ("Five soldiers, two police officers, and three civilians were killed.",
         [("killed", 5), ("killed", 2), ("killed", 3)]),
    ],
)  # fmt: skip
def test_a_list_ends_where_a_clause_of_its_own_begins(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c, v) for c, v, *_ in figures(text)] == expected


def test_a_bomb_that_kills_some_and_injures_more_counts_both() -> None:
    text = "The bomb kills 12 and injures 40 at the bus station.\n"
    assert [(c, v) for c, v, *_ in figures(text)] == [("killed", 12), ("wounded", 40)]


def test_a_headline_repeating_or_rounding_the_body_adds_no_claim() -> None:
    text = "Toll passes 2,800\n\nThe ministry said 2,881 servicemen had been killed.\n"
    assert figures(text) == [("killed", 2881, None, None, "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nineteen people were killed by the bomb. Police now say 19 dead, up from 16 this "
         "morning.", [("killed", 19, 16, "Police")]),
        ("The strikes killed 11 people, the regional governor said in the evening. Earlier "
         "he had updated the toll: 11 dead, up from eight.",
         [("killed", 11, 8, "regional governor")]),
        ("The regional administration said 23 people were killed. The head of the Dellmoor "
         "regional administration said the toll had risen to 23.",
         [("killed", 23, None, "Dellmoor regional administration")]),
        ("The car bomb killed at least 22 people, the interior minister said. The "
         "Interior Ministry later said at least 22 people had been killed, up from 15 "
         "reported at noon.", [("killed", 22, 15, "interior minister")]),
    ],
)  # fmt: skip
def test_a_figure_stated_again_is_one_claim_with_all_it_was_told(
    text: str, expected: list[tuple[str, int, int | None, str]]
) -> None:
    found = read(text)
    assert [(c.category.value, c.value, c.previous_value, c.claimant) for c in found] == expected


@pytest.mark.parametrize(
    "text",
    ["Divers recovered the bodies of two more fishermen, bringing the number of dead to four.",
     "Another 2 fishermen were found dead, bringing the number of dead to four."],
)  # fmt: skip
def test_a_number_added_to_a_toll_is_not_its_earlier_figure(text: str) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == [(2, None), (4, None)]


def test_what_a_claimant_had_said_before_is_its_earlier_figure_and_no_one_elses() -> None:
    text = (
        "The strike killed 31 people, the Emergency Ministry said on Thursday. The ministry "
        "had put the toll at 24 late on Wednesday. The Harbour Police had put the number of "
        "dead at 27 in their Monday bulletin."
    )
    assert [(c.value, c.previous_value, c.claimant) for c in read(text)] == [
        (31, 24, "Emergency Ministry"), (27, None, "Harbour Police")
    ]  # fmt: skip


def test_a_figure_a_newer_one_replaced_the_same_day_is_only_its_earlier_figure() -> None:
    text = (
        "22:15 - The Emergency Service's latest figures are nine killed and 34 wounded. Its "
        "afternoon update had stood at six dead and 27 wounded.\n\n"
        "15:40 - Emergency Service: six dead, 27 wounded.\n"
    )
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == [
        ("killed", 9, 6), ("wounded", 34, 27)
    ]  # fmt: skip


def test_equal_figures_of_different_groups_or_sides_stay_apart() -> None:
    text = (
        "In the exchange, 90 Veskan servicemen came home, the Veskan ombudsman said. "
        "In return, 90 Dorvian servicemen were handed over. Two soldiers were killed in the "
        "shelling. Two civilians died later in hospital."
    )
    assert [(c.category.value, c.value) for c in read(text)] == [
        ("captured", 90), ("captured", 90), ("killed", 2), ("killed", 2)
    ]  # fmt: skip


def test_a_markdown_table_gives_a_claim_per_cell_under_a_category_column() -> None:
    text = (
        "## Civilian harm\n\n"
        "| Region | Killed | Injured | Incidents |\n|---|---|---|---|\n"
        "| North | 71 | 96 | 38 |\n| South | 58 | about 112 | 21 |\n"
    )
    assert figures(text) == [
        ("killed", 71, None, None, "exact"),
        ("wounded", 96, None, None, "exact"),
        ("killed", 58, None, None, "exact"),
        ("wounded", 112, None, None, "about"),
    ]


def test_the_words_of_wounded_who_died_reach_their_death() -> None:
    [claim] = read("Two patients who were wounded in the strike died overnight.")
    assert (claim.category.value, claim.quote) == (
        "killed",
        "Two patients who were wounded in the strike died",
    )


def test_a_column_that_names_no_category_breaks_down_the_one_before() -> None:
    text = (
        "| Month | Civilians killed | of whom children | Civilians injured | Incidents |\n"
        "|---|---|---|---|---|\n| March | 263 | 31 | 802 | 40 |\n"
    )
    assert figures(text) == [
        ("killed", 263, None, None, "exact"),
        ("killed", 31, None, None, "exact"),
        ("wounded", 802, None, None, "exact"),
    ]


def test_a_tables_heading_may_name_whose_figures_its_rows_are() -> None:
    text = (
        "## Civilian casualties verified by the Human Rights Monitoring Mission\n\n"
        "| Region | Killed | Injured |\n|---|---|---|\n| Quarrow | 11 | 46 |\n"
    )
    assert {c.claimant for c in read(text)} == {"Human Rights Monitoring Mission"}


def test_a_table_right_after_a_claimants_words_gives_its_figures() -> None:
    text = (
        "The victims were aged between 4 and 81, the Ministry of Health said.\n\n"
        "| Hospital | Dead | Injured |\n|---|---|---|\n| Clinical Hospital No. 1 | 21 | 58 |\n"
    )
    assert {c.claimant for c in read(text)} == {"Ministry of Health"}


def test_a_column_of_an_earlier_edition_gives_the_figures_the_cells_before_it_revise() -> None:
    text = (
        "| | This week | Previous week | Total | Total in Bulletin No. 27 |\n"
        "|---|---|---|---|---|\n"
        "| Civilians killed | 31 | 12 | 2,148 | 2,117 |\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(31, None), (12, None),
                                                                  (2148, 2117)]  # fmt: skip


def test_a_list_under_a_heading_takes_the_headings_category() -> None:
    text = "## Who was killed\n\n- men: 104\n- women: 49\n"
    assert figures(text) == [
        ("killed", 104, None, None, "exact"),
        ("killed", 49, None, None, "exact"),
    ]


def test_a_period_since_a_date_is_kept() -> None:
    (claim,) = read("Since 27 September, 2,783 servicemen have been killed, the ministry said.")
    assert claim.period_start is not None and claim.period_start.iso() == "2020-09-27"


def test_a_statement_published_whole_is_its_letterheads() -> None:
    text = (
        "MINISTRY OF DEFENCE OF THE REPUBLIC OF NORTHLAND\nDaily briefing No. 12\n\n"
        "Over the past day 14 servicemen were killed and 31 wounded.\n"
    )
    claimants = {c.claimant for c in read(text)}
    assert claimants == {"Ministry of Defence of the Republic of Northland"}


def test_observers_in_a_missions_own_report_are_the_missions() -> None:
    text = (
        "TARN CEASEFIRE COMMISSION\n\nDaily report\n\n"
        "Observers confirmed that 3 civilians were killed in Brask.\n"
    )
    assert [c.claimant for c in read(text)] == ["Tarn Ceasefire Commission"]


@pytest.mark.parametrize(
    ("letterhead", "claimant"),
    [
        ("TARN ARMED FORCES - GENERAL STAFF", "General Staff"),
        ("MINISTRY OF THE INTERIOR\nNational Forensic Centre", "National Forensic Centre"),
        ("PROSECUTOR'S OFFICE OF TARN\nPress Service", "Prosecutor's Office of Tarn"),
        ("Statement by the Governor of Tarn Region, Ivo Dask", "Governor of Tarn Region"),
        ("NATIONAL POLICE OF TARN\nPress Office", "National Police of Tarn"),
        ("TARN COAST GUARD\nPublic Affairs Office", "Tarn Coast Guard"),
        ("HIGHLAND RESTORATION FRONT\nGeneral Command - Communique No. 12",
         "Highland Restoration Front"),
        ("QUILLON DISTRICT HOSPITAL\nOffice of the Director", "Quillon District Hospital"),
        ("NORTH HILL FRONT\nMilitary Command", "North Hill Front"),
        ("TARN ARMED FORCES\nOffice of the Military Spokesman", "Tarn Armed Forces"),
        ("Commission on Missing Persons Menu", "Commission on Missing Persons"),  # a button
        ("Tarn Coast Guard Subscribe", "Tarn Coast Guard"),  # a link beside the name
        ("MINISTRY OF THE INTERIOR\nOffice of the Minister", "Ministry of the Interior"),
        ("CIVIC RENEWAL PARTY\nPress Office", "Civic Renewal Party"),
        ("Home | About the Centre | News | Contacts\nTARN COAST GUARD", "Tarn Coast Guard"),
        ("TARN HEALTH MINISTRY\nEmergency Operations Centre", "Tarn Health Ministry"),
        ("TARN POLICE\nOffice of the Commissioner for the Eastern Fells", "Tarn Police"),
        ("Ivo Dask | Head of the Tarn Regional Military Administration",
         "Tarn Regional Military Administration"),
        ("TARN TEACHING HOSPITAL\nOffice of the Medical Director", "Tarn Teaching Hospital"),
        ("WORLD HEALTH ORGANIZATION - TARN COUNTRY OFFICE", "World Health Organization"),
        ("Press Information Bureau\nGovernment of Tarn\nMinistry of Defence\n03 JUN 2595",
         "Ministry of Defence"),  # down the block to the most particular body
        ("# Inter Services Public Relations (ISPR) — Press Releases",
         "Inter Services Public Relations"),
        ("Ministry of Defence of Tarn RU | EN | AR", "Ministry of Defence of Tarn"),
        ("**Press Centre of the Ministry of Defence, Valdresk | Thursday, 3 December 2020**",
         "Ministry of Defence"),  # the press centre speaks for the ministry; where it sits
        ("Official Representative of the Ministry of Foreign Affairs of Tarn",
         "Ministry of Foreign Affairs of Tarn"),
        ("UNITED NATIONS OBSERVER FORCE IN TARN (UNOFT)\nPublic Information Office",
         "United Nations Observer Force in Tarn"),
        ("INFORMATION MESSAGE of the Ministry of Defence of Tarn", "Ministry of Defence of Tarn"),
        ("Information Bureau of the Council of the Tarn Cantons",
         "Council of the Tarn Cantons"),
    ],
)  # fmt: skip
def test_a_letterhead_speaks_as_its_most_particular_unit_but_a_press_office(
    letterhead: str, claimant: str
) -> None:
    text = letterhead + "\n\nYesterday 14 servicemen were killed.\n"
    [claim] = read(text)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("heading", "claimant"),
    [
        ("TARN MONITORING DESK\nItem 4/12. Source: Ministry of Defence of Oster, official "
         "channel, 2 May 2020. Translated from the Osteric.", "Ministry of Defence of Oster"),
        ("Tarn Defence News\n2020-05-02 10:40 | Source: Coastal Defence Command | Editor: I. Vel",
         "Coastal Defence Command"),
        ("*Tarn Frontline Digest · Posts by Ivo Dask, head of the Kerr Regional Military "
         "Administration, translated.*", "Kerr Regional Military Administration"),
        ("Parliament of Tarn\nWritten answer\nQuestion No. 12, asked by Ada Kell on 2 May 2020; "
         "answered by the Minister of Defence, Ivo Dask, on 9 May 2020.",
         "Minister of Defence"),
    ],
)  # fmt: skip
def test_a_source_line_or_byline_says_whose_text_a_carried_statement_is(
    heading: str, claimant: str
) -> None:
    [claim] = read(heading + "\n\nYesterday 14 servicemen were killed.\n")
    assert claim.claimant == claimant


def test_a_source_line_naming_no_body_leaves_the_outlet_speaking() -> None:
    [claim] = read("Source: Our Correspondents\n\nYesterday 14 servicemen were killed.\n")
    assert claim.claimant == read("Yesterday 14 servicemen were killed.")[0].claimant


def test_a_quotation_a_colon_opens_is_the_speakers_before_it() -> None:
    text = (
        '**11:20** - Mayor Hedda Sornay on the city channel: "At least four of our people '
        'have been killed this morning." Shelling went on.'
    )
    [claim] = read(text)
    assert (claim.claimant, claim.value) == ("Mayor", 4)


def test_the_army_is_a_states_not_a_liberation_army_named_before() -> None:
    text = (
        "The Ondessan Armed Forces and the Ruvel Liberation Army fought near Mabrek. The "
        "Ruvel Liberation Army said it lost two fighters. The army said seven soldiers were "
        "killed."
    )
    assert [c.claimant for c in read(text)] == ["Ruvel Liberation Army", "Ondessan Armed Forces"]


def test_a_list_item_opened_by_a_source_is_that_sources() -> None:
    text = (
        "Tolls by source\n\n"
        "- Southland Casualty Monitor (SCM), 3 December 2020: at least 412 civilians killed.\n"
        "- Northland Ministry of Health, 1 December 2020: 390 civilians killed.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Southland Casualty Monitor", 412),
        ("Northland Ministry of Health", 390),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dead include 11 children and six women, the network said.",
         [("killed", 11), ("killed", 6)]),
        ("Children made up 23 of the 66 civilians killed.", [("killed", 23), ("killed", 66)]),
        ("Among the wounded is a child.", [("wounded", 1)]),
        ("The fate of 212 servicemen remains unknown.", [("missing", 212)]),
        ("The army lost 40 soldiers; 12 tanks and 3 helicopters were destroyed.",
         [("killed", 40)]),
        ("The committee has registered 860 people held by the government.",
         [("captured", 860)]),
        ("One other staff member remains in detention.", [("captured", 1)]),
        ("Since the last exchange, 48 have come home.", [("captured", 48)]),
        ("67 people had been taken to hospitals in Selm.", [("wounded", 67)]),
        ("4 employees had not been accounted for by the roll call.", [("missing", 4)]),
        ("389 footballers have died in the war.", [("killed", 389)]),
        ("The identities of eleven people will be established through DNA examination.",
         [("killed", 11)]),
        ("The toll of servicemen killed rose to **27 655**. Data released under CC BY 4.0.",
         [("killed", 27655)]),
        ("Relatives of those in captivity can call the hotline: 1-28.", []),
        ("The monitor counts a death only once two sources confirm it.", []),
        ("Episode 44: who counts the dead? Snow overnight, a low of -6°C.", []),
        ("Two were freed after ten days and one is still held.",
         [("captured", 2), ("captured", 1)]),
        ("Deaths in custody rose to 17 last year, the committee said.", [("killed", 17)]),
        ("The first grave yielded 30 skeletons.", [("killed", 30)]),
        ("Fighting has killed at least 26 people, according to the Centre, a group that counts"
         " casualties daily.", [("killed", 26)]),  # what the speaker counts is not their fate
        ("Six of them, the teacher says, were killed by soldiers.", [("killed", 6)]),
        ("One police officer, Lieutenant of Police F. Nazarov, was killed.", [("killed", 1)]),
        ("Two officers were killed and one inspector was missing.",
         [("killed", 2), ("missing", 1)]),
        ("A roadside bomb killed a ranger and wounded three constables.",
         [("killed", 1), ("wounded", 3)]),
        ("11 are in grave condition, 2 of them children.", [("wounded", 11), ("wounded", 2)]),
        ("Two detainees died in detention, the committee said.", [("killed", 2)]),
    ],
)  # fmt: skip
def test_categories_named_around_the_figure(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == expected


@pytest.mark.parametrize(
    "opening",
    [
        "The Northland Monitoring Office (NMO) published its quarterly report on Tuesday.",
        "EASTVALE - The Northland Monitoring Office released its annual report on Monday.",
        "The Tracking Unit (TU) of the Northland Monitoring Office has released the following"
        " flash update.",
    ],
)
def test_a_summary_of_an_organisation_s_report_gives_it_the_figures(opening: str) -> None:
    [claim] = read(opening + "\n\n- At least 212 civilians were killed in the quarter.\n")
    assert claim.value == 212
    assert claim.claimant.endswith("Northland Monitoring Office")
    assert "(" not in claim.claimant


def test_an_update_posted_whole_is_its_poster_s() -> None:
    text = (
        "The head of the Eastvale regional administration posted the following update.\n\n"
        '"As a result of the shelling, 3 people were killed."\n'
    )
    [claim] = read(text)
    assert claim.claimant == "Eastvale regional administration"  # its head speaks for it


def test_a_post_published_whole_is_the_organisation_a_later_role_names() -> None:
    text = (
        "Oren Valk, governor of the Tarn region and head of the Tarn regional administration,"
        " published the following post on his channel. Translated by Plains Monitor.\n\n"
        '"Overnight 4 residents were killed."\n'
    )
    [claim] = read(text)
    assert claim.claimant == "Tarn regional administration"


def test_we_in_a_quotation_is_whoever_was_named_before_it() -> None:
    opening = "Dr. Ilse Varn, director of Westmarch General Hospital, spoke to us on Monday.\n\n"
    [quoted] = read(opening + '"Since yesterday we have received 23 bodies."\n')
    assert (quoted.claimant, quoted.value) == ("Westmarch General Hospital", 23)
    [ours] = read(opening + "Since yesterday we have received 23 bodies.\n")
    assert ours.claimant == OUTLET  # outside a quotation, "we" is the outlet writing


def test_we_in_a_quotation_is_the_speaker_named_after_it() -> None:
    text = (
        "The Westmarch Interior Ministry put the toll at 40 in December.\n\n"
        '"We have identified 74 bodies in one pit," said Judge Ode Varr, who chairs the'
        " Westmarch Graves Commission.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Westmarch Interior Ministry", 40),
        ("Westmarch Graves Commission", 74),
    ]


def test_a_surname_alone_speaks_for_whom_the_name_was_introduced_with() -> None:
    opening = (
        "The toll rose to 12, District Commissioner Selim Oranvey said, while police gave"
        " a lower figure.\n\n"
    )
    later = 'In a post on Tuesday, Oranvey wrote: "Sad night. 8 confirmed dead, 15 injured."\n'
    assert [(c.claimant, c.value) for c in read(opening + later)][-2:] == [
        ("District Commissioner", 8),
        ("District Commissioner", 15),
    ]
    # A capitalised word no one was introduced with is nobody's name: here, a place's.
    [town] = read("Harrowgate said goodbye to 8 people killed in the flood.\n")
    assert town.claimant == OUTLET


def test_a_surname_after_a_title_speaks_for_whom_the_name_was_introduced_with() -> None:
    text = (
        "The Kesh District Commissioner, Mr Hamisi Odeyo, says eleven people were killed."
        " Speaking last night, Mr Odeyo said six people were wounded.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Kesh District Commissioner", 11),
        ("Kesh District Commissioner", 6),
    ]
    # a title before a name the text never introduced stays as it is written
    [alone] = read("Dr Vessany said four people were wounded.\n")
    assert alone.claimant == "Dr Vessany"


def test_a_period_from_a_time_to_a_day_is_no_day_zero() -> None:
    # "18:00 – 23 June" once read as the range of days "00 – 23 June", and ended the reading
    [claim] = read("New arrivals (22 June 18:00 – 23 June 18:00): 1,240 people were displaced.\n")
    assert (claim.category.value, claim.value) == ("displaced", 1240)


def test_dots_lead_a_label_to_its_figure() -> None:
    text = (
        "Personnel, killed ............... about 61,870 (+420)\n"
        "Tanks ........................... 1,904 (+6)\n"
        "   Injured ...................... 38\n"
        "He paused... Then he said 12 people were killed.\n"
    )
    assert figures(text) == [
        ("killed", 61870, None, None, "about"),
        ("killed", 420, None, None, "exact"),
        ("wounded", 38, None, None, "exact"),
        ("killed", 12, None, None, "exact"),
    ]


def test_a_list_of_losses_gives_its_items_their_category() -> None:
    text = (
        "The losses of the enemy over the week amounted to:\n\n"
        "- North group (Zolmir sector): up to 640 servicemen, 9 tanks and 6 guns.\n"
        "- On the friendly side: four officers killed and six wounded, two of them seriously.\n"
    )
    assert figures(text) == [
        ("killed", 640, None, None, "at_most"),
        ("killed", 4, None, None, "exact"),
        ("wounded", 6, None, None, "exact"),
        ("wounded", 2, None, None, "exact"),
    ]


def test_a_column_of_an_earlier_edition_revises_the_column_of_its_kind() -> None:
    table = (
        "| Region | Killed | Injured | Killed at previous update |\n|---|---|---|---|\n"
        "| Wendrasil | 1,920 | 5,140 | 1,861 |\n"
    )
    assert [(c.category.value, c.value, c.previous_value) for c in read(table)] == [
        ("killed", 1920, 1861),
        ("wounded", 5140, None),
    ]


def test_a_reports_title_naming_a_force_is_no_letterhead() -> None:
    text = (
        "Report of the Secretary-General on the Tarn Observer Force\n\n"
        "Yesterday 14 servicemen were killed.\n"
    )
    assert [c.claimant for c in read(text)] == [OUTLET]


def test_a_headline_in_capitals_is_no_letterhead() -> None:
    text = (
        "CASPIAN WIRE\nTuesday, December 4, 2700\n\n"
        "BOMB VICTIMS LAID TO REST; POLICE SAY ALL SIX DEAD IDENTIFIED\n\n"
        "The siege of the city in 2692 killed more than 1,100 people.\n"
    )
    assert [c.claimant for c in read(text) if c.value == 1100] == [OUTLET]


def test_a_byline_is_no_letterhead() -> None:
    text = "Bus bomb kills seven\n\nBy Our Staff Reporter\n\nSeven people were killed.\n"
    assert {c.claimant for c in read(text)} == {OUTLET}
    dated = "Monday, April 12, 2590 - By our reporter\n\nSeven people were killed.\n"
    assert {c.claimant for c in read(dated)} == {OUTLET}  # after a dash, no source either


def test_a_footnote_names_the_source_of_the_figures_that_point_to_it() -> None:
    text = (
        "Key figures\n\n- 14 people killed [1]\n- 61 people injured [1]\n- 5 people missing\n\n"
        "[1] According to the Kessenby Provincial Health Office, as reported by the ministry.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Kessenby Provincial Health Office", 14),
        ("Kessenby Provincial Health Office", 61),
        (OUTLET, 5),
    ]
    table = (
        "| Province | Killed |\n|---|---|\n| Saren | 87 |\n| Tull¹ | 142 |\n\n"
        "¹ Tull figures are supplied by the Tull Provincial Health Directorate.\n"
    )
    assert [(c.claimant, c.value) for c in read(table)] == [
        (OUTLET, 87),
        ("Tull Provincial Health Directorate", 142),
    ]
    starred = (
        "## Key figures\n\n| Since 3 January | |\n|---|---|\n| Civilians killed* | 1,284 |\n"
        "| Displaced | 41,000 |\n\n\\* Source: Ministry of Health in Tarn. Not verified by the"
        " UN.\n\n* **22** people were injured on Monday.\n"
    )
    assert [(c.claimant, c.value) for c in read(starred)] == [
        ("Ministry of Health in Tarn", 1284),
        (OUTLET, 41000),
        (OUTLET, 22),  # a bullet and bold figures are no mark
    ]


def test_subjects_past_an_acronym_an_apposition_or_an_indefinite_article() -> None:
    text = (
        "The Plains Defence Front (PDF), an alliance of militias that holds the valley, said"
        " 16 civilians were killed.\n\n"
        "A local elected official, speaking by phone, put the number of dead at 19.\n\n"
        "The figure is lower than that of Tarn Casualty Watch, a monitoring group, which has"
        " recorded 26 deaths.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Plains Defence Front", 16),
        ("local elected official", 19),  # someone new, not the front named before
        ("Tarn Casualty Watch", 26),
    ]


def test_a_forwarded_summary_is_its_authors() -> None:
    text = (
        "TULL CHANNEL\n"
        "Forwarded from Coast Front Press Centre (official):\n\n"
        "Summary of the Coast Front General Command for 8 May:\n"
        "9 regime soldiers surrendered and were taken prisoner.\n"
    )
    [claim] = read(text)
    assert (claim.claimant, claim.value) == ("Coast Front General Command", 9)


def test_the_text_after_an_organisations_answer_opens_is_its_own() -> None:
    text = (
        "NATIONAL ASSEMBLY OF THE REPUBLIC OF MAROVIA\n\n"
        "Question: how many servicemen are missing?\n\n"
        "Answer of the Ministry of Defence of Marovia, signed by Deputy Minister Ivo Tarn:\n\n"
        "At that date, 214 servicemen remain unaccounted for.\n"
    )
    [claim] = read(text)
    assert claim.claimant == "Ministry of Defence of Marovia"
    minister = (
        "Answer of the Minister of Health, Dr Piet Almqvist, received on 2 June 2020\n\n"
        "According to the data received, 418 children have been killed.\n"
    )
    [answered] = read(minister)
    assert answered.claimant == "Ministry of Health"  # a minister answers for the ministry


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "The Office of the Resident Coordinator puts the number of verified civilian"
            " deaths at 3,482.",
            "Office of the Resident Coordinator",  # a role in capitals inside a name
        ),
        (
            "The Tarn monitoring mission's latest figures show 1,204 civilians killed.",
            "Tarn monitoring mission",
        ),
        (
            "The Tarn General Staff's daily tally puts enemy losses at 243,000 killed.",
            "Tarn General Staff",  # the tally is the staff's
        ),
        (
            "The Tarn Ministry's initial claim of no fewer than 17 killed was never repeated.",
            "Tarn Ministry",
        ),
        (
            "The Tarn General Staff's daily list put enemy personnel killed at about 64,500.",
            "Tarn General Staff",  # a list, a register or a dashboard is its keeper's
        ),
        (
            "About 3.1 million people remain displaced, according to the latest estimate by the"
            " Displacement Tracking Unit.",
            "Displacement Tracking Unit",  # past the document that carries the figure
        ),
        (
            "Around 48,000 people fled during the week, according to local relief committees.",
            "local relief committees",
        ),
        (
            "VELSK - The Drennor Militia said on Sunday that it had captured 30 soldiers.",
            "Drennor Militia",  # a dateline's place and dash are no part of the name
        ),
        (
            "The Velor General Staff's summary gave the figure as 65 killed.",
            "Velor General Staff",  # the owner of a summary
        ),
        (
            "The Tarn Health Office's death toll since 8 October now stands at 2,367.",
            "Tarn Health Office",  # the owner of a figure's kind, past its period
        ),
        (
            "The Monitoring Mission in Tarn has so far verified 9 deaths in the attack.",
            "Monitoring Mission in Tarn",  # an adverb between the subject and its verb
        ),
        (
            "Neither government counts the six journalists killed, a figure kept by the press"
            " freedom group Open Lens.",
            "Open Lens",  # no claimant in a negated subject; the name after its description
        ),
        (
            "Asked about the Tarn government's statement that 140 fighters had been killed,"
            " Mr. Ode said the mission could not verify it.",
            "Tarn government",
        ),
        (
            '"Eleven of our soldiers were killed," army spokesman Col. Ivo Dask told reporters.',
            "army",  # a title written short is part of the name, and the name speaks for the army
        ),
        (
            "10:31 URGENT - Port Tarn terminal strike: toll rises to 11 - State Emergency Service.",
            "State Emergency Service",  # a wire flash's source after its last dash
        ),
        (
            "Veterans say the Tarn Ministry of Defence's confirmed figure, as of 1 March, is"
            " 27,340 servicemen killed.",
            "Tarn Ministry of Defence",  # an owner's figure, however far its verb
        ),
        (
            "On 12 March, President Ilan Corvas told parliament that 2,000 servicemen had died.",
            "President",  # a person speaks as the office they hold
        ),
        (
            "The Tarn Defence Ministry said the front was quiet. The regional governor, Petr"
            " Amal, said 65 people had been killed.",
            "regional governor",  # an office, not the organisation named before
        ),
        (
            "The Tarn Relief Ministry said the exchange went well. The commissioner, Ira Dorn,"
            ' told state television that her office had registered "more than 4,000"'
            " servicemen in captivity.",
            "commissioner",  # "her office" is the office of whoever "her" is
        ),
        (
            "- Tarn: six people killed (Tarn Regional Military Administration).",
            "Tarn Regional Military Administration",  # a source in brackets after its figures
        ),
        ("- Tarn: six people killed (Ulmo Pass).", OUTLET),  # a place in brackets is no source
        (
            "The Tarn army's communique, read on state television, speaks of two soldiers killed.",
            "Tarn army",
        ),
        (
            "The toll has risen to four. The deaths were confirmed by the Tarn regional"
            " military administration.",
            "Tarn regional military administration",  # named in the sentence after
        ),
        (
            "The death toll stands at 11. Those are the figures the provincial health office"
            " published last night.",
            "provincial health office",  # "those are the figures" that it published
        ),
        (
            "UNICEF said schools were closed. The Tarn Liberation Front denied targeting"
            " civilians. It said it lost 12 of its own men.",
            "Tarn Liberation Front",  # "it" is whom the sentence before opened with
        ),
        (
            "The Concord's refugee agency says about 3.4 million people have fled abroad.",
            "Concord's refugee agency",
        ),
        # Not "New Year's Day": what follows "said in" is no speaker; the Front is.
        ("The Front said in its New Year's Day address that 1,300 fighters died.", "Front"),
        ("Drones hit the grain terminal. No one was injured, the port authority said.",
         "port authority"),  # a kind of body no word list holds
        ("The management of Al-Nour Teaching Hospital said 23 people were killed.",
         "Al-Nour Teaching Hospital"),
        ("A doctor at St. Lucan's Hospital said the hospital had received five bodies.",
         "St. Lucan's Hospital"),
        ("The opposition Civic Front rejected the figures, saying more than 60 protesters had"
         " been killed.", "opposition Civic Front"),  # who says it is who rejected them
        ("The Iraq Body Count said 40 civilians were killed.", "Iraq Body Count"),
        ("Lowen Military Hospital received 14 wounded soldiers overnight, a medical source at"
         " the hospital said.", "Lowen Military Hospital"),
        ("The most careful count comes from Kesh Body Count, a volunteer network. It has"
         " documented 2,877 deaths by name.", "Kesh Body Count"),  # the one it named
        ("The volunteer project Fallen Register collects obituaries. It had confirmed 7,812"
         " soldiers' deaths by name.", "volunteer project Fallen Register"),
        ("The Tarn Red Cross opened tracing files. Its president said 300 people were still"
         " missing.", "Tarn Red Cross"),
        # Bodies whose names end in a word for a church, a trade body, a tracker or a clinic.
        ("According to the Diocese, 214 residents have died since the war began.", "Diocese"),
        ("The Medical Chamber said 600 protesters had been injured.", "Medical Chamber"),
        ("At least 9 civilians were killed, the Civilian Harm Tracker said.",
         "Civilian Harm Tracker"),
        ("Two children died in the shelling, according to the Orlen Infirmary.",
         "Orlen Infirmary"),
        ("The number of skeletons recovered has risen to 88, the forensic archaeologist told"
         " the court.", "forensic archaeologist"),
        ("Minister of Health Dr. Farida Olumen announced that hospitals had received 27 bodies.",
         "Ministry of Health"),  # a minister's title is no part of the portfolio
        # Who speaks for a body by their office in it: a chair, a member, a director general.
        ("Commission for Missing Persons chair Oksa Dalmer said 43 bodies were returned.",
         "Commission for Missing Persons"),
        ("Commission member Rania Haddad said 25 bodies were found.", "Commission"),
        ("The Director General of Inter-Services Public Relations, Major General Faisal Rauf,"
         " said four soldiers were martyred.", "Inter-Services Public Relations"),
        # The officials who run a district or a department for the state.
        ("The administrator of Ngalu territory put the toll at 47.",
         "administrator of Ngalu territory"),
        ("The district administrator said 12 bodies had been recovered.",
         "district administrator"),
        ("Nine villagers were killed, according to the prefect of Kolonga.", "prefect of Kolonga"),
        # A name in its own language in brackets after the English one: not the speaker's end.
        ("Six protesters have died, the Ombudsman's Office (Defensoría del Pueblo) said.",
         "Ombudsman's Office"),
        ("The Attorney General's Office (Fiscalía General del Estado) confirmed that 11 bodies"
         " were found.", "Attorney General's Office"),
    ],
)  # fmt: skip
def test_claimants_named_in_the_ways_reports_put_them(sentence: str, claimant: str) -> None:
    [claim] = read(sentence + "\n")
    assert claim.claimant == claimant


def test_a_media_wing_is_the_office_not_the_head_it_was_named_with() -> None:
    text = (
        "The military's media wing said that security forces had killed 318 militants.\n\n"
        "The Director General of Inter-Services Public Relations (ISPR), Major General Faisal"
        " Rauf, said four soldiers were martyred.\n"
    )
    assert {c.claimant for c in read(text)} == {"Inter-Services Public Relations"}


def test_the_reporters_on_a_byline_are_no_body_a_spokesman_speaks_for() -> None:
    text = (
        "Junta says 70 killed\n\nBy Delta Voice Reporters | 25 January 2020\n\n"
        "A spokesman told a press conference that 70 fighters were killed.\n"
    )
    assert [c.claimant for c in read(text)] == ["spokesman"]


def test_who_says_what_others_found_gives_the_figures() -> None:
    text = (
        "Governor Tamsin Orlej says rescuers have found the body of a man, raising the toll"
        " from the strike to 13.\n"
    )
    assert [(c.category.value, c.value, c.claimant) for c in read(text)] == [
        ("killed", 1, "Governor"),  # not whoever found him; a body is one dead
        ("killed", 13, "Governor"),
    ]


def test_the_army_is_the_armed_forces_named_before() -> None:
    text = (
        "Fighting between the Northland Armed Forces (NAF) and the Coast Militia (CM) went on.\n\n"
        "The army, in turn, says 40 of its soldiers were killed.\n"
    )
    [claim] = read(text)
    assert (claim.claimant, claim.value) == ("Northland Armed Forces", 40)


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The Vell Border Police denied any incursion. One of its officers was killed on"
            " Monday near the post, a spokesman said.\n",
            "Vell Border Police",
        ),
        (
            "The Southern Hill Front (SHF) disputed the account. In a message to us, a"
            " spokeswoman said the SHF had lost no more than five fighters.\n",
            "Southern Hill Front",
        ),
        (
            "The Vell Border Police denied any incursion. Its spokesperson said two officers"
            " were wounded.\n",
            "Vell Border Police",
        ),
    ],
)
def test_a_spokesperson_named_by_the_role_alone_speaks_for_the_body_named_last(
    text: str, claimant: str
) -> None:
    [claim] = read(text)
    assert claim.claimant == claimant


def test_a_name_never_runs_across_lines() -> None:
    text = (
        "MINISTRY OF DEFENCE OF TARN\nPress Service\nOperational update No. 12\n\n"
        "Summary\n\nThe Tarn Civic Register (TCR) counts deaths by name.\n\n"
        "As of 28 February, the TCR had recorded 3,412 civilian deaths.\n\n"
        "The head of the ministry's press service, Colonel Ann Brask, said one driver was"
        " killed.\n"
    )
    claimants = [c.claimant for c in read(text)]
    assert claimants[0] == "Tarn Civic Register"
    assert not any("\n" in claimant for claimant in claimants)


def test_the_account_given_by_someone_in_the_next_sentence_is_theirs() -> None:
    text = (
        "Five soldiers died. That was the account given on Thursday evening by Colonel Ren"
        " Ilsby, a spokesman for the Tarn army.\n\n"
        "Seven other soldiers were wounded, Ilsby said.\n"
    )
    assert [c.claimant for c in read(text)] == ["Colonel Ren Ilsby", "Tarn army"]


def test_a_body_s_spokesman_speaks_for_the_body_without_its_possessive() -> None:
    [claim] = read("Five soldiers died, according to the Tarn Federal Army's spokesman.\n")
    assert claim.claimant == "Tarn Federal Army"


def test_a_quotation_is_spoken_by_whoever_is_named_after_it() -> None:
    text = (
        "The Tarn governor, Ann Brask, spoke on Monday.\n\n"
        '"Rescuers found the bodies of two more people," she wrote on her channel.\n'
    )
    [claim] = read(text)
    assert claim.claimant == "Tarn governor"


def test_a_table_s_heading_names_its_source_in_brackets() -> None:
    text = (
        "The Directorate of Civil Protection (DCP) reports weekly.\n\n"
        "### Civilian casualties by village (DCP, 23 February to 15 March)\n\n"
        "| Village | Killed | Injured |\n|---|---:|---:|\n| Pennavar | 6 | 14 |\n"
    )
    assert {c.claimant for c in read(text)} == {"Directorate of Civil Protection"}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("12 dead, 64 injured (Ministry of Health).\n", "Ministry of Health"),
        (
            "Sat 8 July - 7 dead (Tolleven Emergency Medical Service, first statement at the"
            " scene).\n",
            "Tolleven Emergency Medical Service",  # the source, then a note on it
        ),
        ("5 killed, including 2 children (police).\n", "police"),
    ],
)
def test_a_source_in_brackets_after_its_figures(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


def test_a_page_s_copyright_year_is_no_count() -> None:
    assert read("© 2476 Commission on Missing Persons of Kessaly. All rights reserved.\n") == []


def test_a_time_and_a_dash_before_a_figure_make_no_range() -> None:
    assert figures("Sat 8 July, 13:00 - 7 dead.\n") == [("killed", 7, None, None, "exact")]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Meanwhile the Tarn local authorities speak of well over a thousand dead.\n",
         "Tarn local authorities"),
        ("The Tarn State Police Command has communicated a total of 38 bandits killed.\n",
         "Tarn State Police Command"),
    ],
)  # fmt: skip
def test_verbs_that_state_a_figure(text: str, claimant: str) -> None:
    [claim] = read(text)
    assert claim.claimant == claimant


def test_figures_that_add_up_to_a_sum_are_exact_and_revise_nothing() -> None:
    text = (
        "The ministry reported 24 deaths on Monday.\n\n"
        "The ministry's daily updates add up to 27 civilian deaths for the week.\n"
    )
    assert [(c.value, c.qualifier.value, c.previous_value) for c in read(text)] == [
        (24, "exact", None),
        (27, "exact", None),
    ]


def test_a_numbered_release_naming_no_issuer_is_the_publisher_s_own() -> None:
    text = (
        "1. Since 2 June, 72 civilians have been killed.\n\n"
        "2. Press Release No. 13 of 8 June gave a figure of 81 civilians killed. That figure"
        " wrongly included nine servicemen.\n"
    )
    assert {c.claimant for c in read(text)} == {OUTLET}


def test_a_clause_opened_by_saying_keeps_the_sentence_speaker() -> None:
    text = (
        "The Harbour Rescue Corps, a rescue group working in the old town, put the toll at"
        " 11 dead, saying two more bodies were found overnight.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Harbour Rescue Corps", 11),
        ("Harbour Rescue Corps", 2),
    ]


def test_a_name_set_off_after_its_description_is_the_claimant() -> None:
    text = (
        "A rights monitor based abroad, Northland Casualty Ledger, puts the toll at 1,062 dead.\n"
    )
    [claim] = read(text)
    assert (claim.claimant, claim.value) == ("Northland Casualty Ledger", 1062)


def test_a_person_speaks_for_the_organisation_their_role_names() -> None:
    text = (
        "The Frontline Surgeons Guild (FSG) runs the hospital in Port Averon.\n\n"
        '"We received 64 wounded in four hours," said Dr Maren Okoro, FSG\'s medical'
        " coordinator.\n\n"
        "The Northland Commission on Graves said it had opened a pit near the quarry.\n\n"
        '"We have identified 74 bodies," said Judge Anneli Vorst, who chairs the commission.\n\n'
        "The Northland Defence Ministry said on Monday that the front was quiet.\n\n"
        "A ministry spokeswoman, Ilka Varo, said 12 soldiers were killed.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Frontline Surgeons Guild", 64),
        ("Northland Commission on Graves", 74),
        ("Northland Defence Ministry", 12),
    ]


def test_a_monitor_described_first_is_the_one_named_next() -> None:
    text = (
        "At least 17 civilians were killed in drone strikes over the weekend, a war monitor"
        " said on Monday.\n\n"
        "The Northland Observatory for Civilian Harm, a group of lawyers, said 26 people had"
        " been wounded.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Northland Observatory for Civilian Harm", 17),
        ("Northland Observatory for Civilian Harm", 26),
    ]


def test_a_subject_is_found_past_a_long_apposition_an_opener_and_a_possessive_noun() -> None:
    text = (
        "The Northland Observatory for Civilian Harm, a group of lawyers and former journalists"
        " that documents casualties on both sides of the front line, said 26 people had been"
        " wounded.\n\n"
        "When the Southland Health Ministry announced the toll, it gave 40 dead.\n\n"
        "The Coast Militia, for its part, insists that air strikes have killed 600 civilians,"
        " and complains that the ministry's count leaves them out.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Northland Observatory for Civilian Harm", 26),
        ("Southland Health Ministry", 40),
        ("Coast Militia", 600),
    ]


def test_an_acronym_in_mixed_case_or_before_has_names_the_claimant() -> None:
    text = (
        "The Kesh Office for Missing Persons (KOMP) has registered 130 people reported"
        " missing.\n\n"
        "The Southland Ministry of Health (MoH) gave no new toll on Monday.\n\n"
        "The MoH says 57 of the dead are children.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Kesh Office for Missing Persons", 130),
        ("Southland Ministry of Health", 57),
    ]


def test_claims_by_an_organisation_are_its_own() -> None:
    text = (
        "The Southland Defence Ministry called claims by the Northland General Staff that"
        ' "more than 600 soldiers" were killed near Belin propaganda.\n'
    )
    [claim] = read(text)
    assert (claim.claimant, claim.value) == ("Northland General Staff", 600)


def test_our_correspondent_counts_for_the_outlet() -> None:
    text = (
        "The Southland Health Ministry said the strike had killed 9 people.\n\n"
        "Our correspondent in Dolmar, Sanne Ekvall, counted at least 14 bodies at the"
        " hospital.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Southland Health Ministry", 9),
        (OUTLET, 14),
    ]


def test_an_interview_answers_for_the_organisation_its_subject_leads() -> None:
    text = (
        "Q&A: Counting the missing\n\n"
        "Mira Tallen has chaired the Northland Commission on Missing Persons since 2029."
        " She spoke to us in her office.\n\n"
        "Q: How many people are you still looking for?\n"
        "A: By our count, 3,416 people are still missing.\n\n"
        "Q: And how many have you found?\n"
        "A: We have identified the remains of 1,207 people.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Northland Commission on Missing Persons", 3416),
        ("Northland Commission on Missing Persons", 1207),
    ]


def test_a_timed_entry_is_in_the_words_of_the_body_that_opens_it() -> None:
    text = (
        "Live notes\n\n"
        "[Sat 23:40] Northland Defence Ministry: At 22:15, enemy units opened fire on our"
        " positions. As a result, 3 servicemen were killed and 6 wounded.\n\n"
        "[Sun 02:10] Southland Defence Ministry: One enemy serviceman was taken prisoner by"
        " our units.\n\n"
        "12:16:58 Northland regional governor: 2 dead in a strike on Ostrov.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Northland Defence Ministry", 3),
        ("Northland Defence Ministry", 6),
        ("Southland Defence Ministry", 1),
        ("Northland regional governor", 2),
    ]


def test_an_entry_names_its_giver_before_the_medium_and_the_day() -> None:
    text = (
        "Digest\n\n"
        "Army HQ, Thursday briefing: 214 soldiers killed since the offensive began.\n\n"
        "Braska Front (separatists), Telegram, Wednesday: army has lost at least 600 men.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [("Army HQ", 214), ("Braska Front", 600)]
    listed = "Losses\n\nNorth group of forces (Zolmir sector): 640 enemy personnel killed.\n"
    assert [(c.claimant, c.value) for c in read(listed)] == [(OUTLET, 640)]


def test_an_interview_answers_for_the_office_its_subject_holds() -> None:
    text = (
        "Interview\n\n"
        "The Human Rights Commissioner of Northland, Mira Tallen, on prisoners and the"
        " families who wait.\n\n"
        "Q: How many citizens are held today?\n"
        "A: As of this morning we know of 2,310 of our citizens held by Southland.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Human Rights Commissioner of Northland", 2310)
    ]


def test_the_earlier_figure_after_the_newer_one_or_far_from_the_verb() -> None:
    text = (
        "The ministry raised the toll overnight, to 66 from 63, after rescuers reached the"
        " hall.\n\n"
        "The centre has revised its count of civilians killed in the zone since the offensive"
        " began on 30 April from 61 to 74.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(66, 63), (74, 61)]


def test_an_indented_headline_restating_the_body_adds_no_claim() -> None:
    text = (
        "  Home Statements Reports\n\n"
        "  Airstrike on Tarvel village: death toll rises to 41\n\n"
        "  The death toll has risen to 41, up from 36 announced in our statement of Monday.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(41, 36)]


@pytest.mark.parametrize(
    "headline",
    [
        "Chamber says 37 doctors held; ministry calls the list 'political'",
        "Government says 37 doctors are held. Why does nobody agree?",
        "*Doctors' chamber: 37 held*",
    ],
)
def test_a_headline_of_two_parts_restating_the_body_adds_no_claim(headline: str) -> None:
    text = (
        f"{headline}\n\n"
        "The Medical Chamber of Tarn said on Tuesday that 37 of its members were now in "
        "custody, up from 29 when it last published its list of detained doctors.\n"
    )
    found = [(c.value, c.previous_value, c.claimant) for c in read(text)]
    assert found == [(37, 29, "Medical Chamber of Tarn")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of servicemen missing has decreased to 1 (previously 3).", [(1, 3)]),
        ("UPDATE: hospital now says 3 dead (prev. 2) and 5 injured (prev. 6).",
         [(3, 2), (5, 6)]),
        ("The committee now reports 34 civilians killed, against 21 in its previous count.",
         [(34, 21)]),
        ("Medics said that 13 people, not 14, had been admitted with shrapnel wounds.",
         [(13, 14)]),
        ("The number of soldiers missing is 15, not the 22 announced yesterday.", [(15, 22)]),
    ],
)  # fmt: skip
def test_an_earlier_figure_in_brackets_or_set_against_a_previous_count(
    text: str, expected: list[tuple[int, int]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == expected


def test_an_updated_toll_under_its_label_replaces_the_one_before() -> None:
    text = (
        "Seven civilians were killed in Muacala, the provincial government said.\n\n"
        "Updated toll of Tuesday's attack on Muacala: 9 civilians dead, the provincial "
        "government said.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(9, 7)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In our last briefing we stated that 74 hostages had been freed. That figure should "
         "read 47. We regret the error.", [(47, 74)]),
        ("In our note we said that three peacekeepers had been injured. The correct number "
         "is four.", [(4, 3)]),
        ("Correction: enemy losses should read 85 servicemen eliminated, not 58.", [(85, 58)]),
    ],
)  # fmt: skip
def test_a_figure_set_right_replaces_the_slip_it_corrects(
    text: str, expected: list[tuple[int, int]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("**CORRECTION:** The number of missing is 24, not 28.", OUTLET),
        ("* URGENT | Ministry of Health: the toll rises to 13 dead", "Ministry of Health"),
    ],
)
def test_a_posts_label_saying_what_it_is_names_no_speaker(text: str, claimant: str) -> None:
    assert [c.claimant for c in read(text + "\n")] == [claimant]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Update: the number of shuhada in the attack has risen to 5.", [("killed", 5)]),
        ("The office reports that 1,580 individuals from four sitios have been displaced.",
         [("displaced", 1580)]),
    ],
)  # fmt: skip
def test_words_of_the_region_for_the_dead_and_for_hamlets(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c, v) for c, v, *_ in figures(text)] == expected


def test_a_toll_raised_by_another_claimant_revises_the_figure_before_it() -> None:
    text = (
        "Regional authorities said 14 civilians were killed in the strike on Tuesday.\n\n"
        "The Tarn Ministry of Health has since raised the toll to 16.\n"
    )
    found = [(c.value, c.previous_value, c.claimant) for c in read(text)]
    assert found == [
        (14, None, "Regional authorities"),
        (16, 14, "Tarn Ministry of Health"),
    ]


def test_an_earlier_figure_another_body_gave_is_its_claim_as_well() -> None:
    text = (
        "The toll has risen to 21, the Tarn Ministry of Health said on Thursday, up from the"
        " 17 dead reported by the Civil Protection Service on Wednesday evening. The"
        " ministry's count rose to 30, up from the 24 announced by the ministry on Monday.\n"
    )
    found = [(c.value, c.previous_value, c.claimant, str(c.as_of)) for c in read(text)]
    assert found == [
        (21, 17, "Tarn Ministry of Health", "2020-12-03"),
        (17, None, "Civil Protection Service", "2020-12-02"),
        (30, 24, "Tarn Ministry of Health", "2020-12-03"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency now puts the losses at around 48,000 killed, up from our estimate of"
         " 39,000 in April.", [(48000, 39000)]),
        ("The minister said nine soldiers and five police officers were killed, raising the"
         " toll from six soldiers reported by the ministry on Monday.", [(9, 6), (5, None)]),
        ("Another 68 executions were excluded from the figure of 912.", [(68, None), (912, None)]),
    ],
)  # fmt: skip
def test_an_earlier_estimate_and_the_people_it_counted(
    text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text + "\n")] == expected


def test_another_claimant_s_own_toll_revises_no_earlier_one() -> None:
    text = (
        "Regional authorities said 14 civilians were killed in the strike on Tuesday.\n\n"
        "The Tarn Red Cross put the toll at 20.\n"
    )
    assert [c.previous_value for c in read(text)] == [None, None]


def test_a_figure_told_before_is_the_earlier_one_of_the_toll_that_rose() -> None:
    text = (
        "The toll from Saturday's shelling has risen to three, the regional administration"
        " says. A 71-year-old man died in hospital this afternoon. The administration had"
        " reported two dead earlier on Sunday.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(3, 2), (1, None)]


def test_among_the_victims_opening_a_paragraph_breaks_the_figure_before_down() -> None:
    text = (
        "The Navy said it had recovered 27 bodies after the shipwreck.\n\n"
        "Among the victims are 6 women and 2 children, the Navy said.\n"
    )
    assert [(c.category.value, c.value) for c in read(text)] == [
        ("killed", 27),
        ("killed", 6),
        ("killed", 2),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said on Monday that 11 soldiers were wounded. The correct number is 12;"
         " one name was omitted in error.", [(11, None), (12, 11)]),
        ("The ministry said 7 soldiers were killed. The ministry said the number of our fallen"
         " is therefore eight.", [(8, 7)]),
        ("Our statement on Monday gave the number of injured as 29. The correct figure is 35."
         " In total, 58 people were taken to hospital.", [(35, 29), (58, None)]),
    ],
)  # fmt: skip
def test_a_figure_set_right_revises_the_one_before(
    text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text + "\n")] == expected


def test_a_toll_previously_put_at_a_figure_is_the_earlier_one() -> None:
    text = (
        "The health ministry said 214 people had been killed."
        " It had previously put the toll at 197.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(214, 197)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine people are in hospital, not eight as first reported.\n", [(9, 8)]),
        ("The army said 17 soldiers were killed, not 71 as we reported.\n", [(17, None)]),
        (
            "The toll has grown: 7 people have died, not 3 as we reported this morning.\n",
            [(7, 3)],
        ),  # the author's own earlier figure
        ("Previously unreported shelling killed 12 people in Tarn.\n", [(12, None)]),
        ("Police confirm three people were killed in the explosion, not four.\n", [(3, 4)]),
        (
            "The ministry said 16 soldiers were killed and 23 wounded in the attack, not 60"
            " killed.\n",
            [(16, 60), (23, None)],  # corrected however far the toll moved
        ),
        (
            "The toll from the market attack rose to 16 after two more of the wounded died.\n",
            [(16, None), (2, None)],  # what happened after is no earlier figure
        ),
        (
            "The number missing is now 4,870. The number has decreased from 6,100 reported in"
            " May, mainly owing to the identification of remains.\n",
            [(4870, 6100)],  # of what the words before it count, not of the remains after
        ),
        ("61 people have sought medical help (yesterday evening: 53).\n", [(61, 53)]),
        ("88 civilians were injured this week (last week: 102).\n", [(88, None)]),
        (
            "The number of people killed has risen to 14. Yesterday evening we reported 11 dead.\n",
            [(14, 11)],  # the earlier statement told after the rise
        ),
        ("Killed - 16,480 (yesterday: 16,473)\n", [(16480, 16473)]),
        (
            "The Tarn Health Ministry said on Monday that 70 civilians were killed in the"
            " strikes.\n\nThe ministry now says that 81 civilians were killed.\n",
            # the toll now, the same claimant's before it, which Monday's statement gave
            [(70, None), (81, 70)],
        ),
        (
            "Our total for the quarter has been revised to 1,044 civilians killed, from 1,009.\n",
            [(1044, 1009)],  # the earlier figure ending the sentence
        ),
        (
            "We have revised our count to 21 civilian deaths, from the 23 we gave on Monday.\n",
            [(21, 23)],
        ),
        (
            "The ministry said 18,430 people have been killed, revising upward the figure of"
            " 17,900 it gave in March.\n",
            [(18430, 17900)],
        ),
        (
            "The ministry has not updated its own figure of 9,870 dead.\n",
            [(9870, None)],  # a figure not revised
        ),
        (
            "The number of wounded patients admitted has been corrected to 34. This morning we"
            " published a figure of 37.\n",
            [(34, 37)],  # set right downwards, the earlier statement told after
        ),
        (
            "The ministry raised its toll to six soldiers killed on Saturday, from four"
            " announced on Friday.\n",
            [(6, 4)],
        ),
        (
            "The Project has documented 3,975 civilian deaths (dashboard of 14 August: 3,914).\n",
            [(3975, 3914)],
        ),
        (
            "The monitor has documented 5.407 civilian deaths and 12.880 injuries (up from"
            " 5.209 and 12.314 in our April update).\n",
            [(5407, 5209), (12880, 12314)],  # earlier figures listed together, in order
        ),
        (
            "The toll has risen to 19 after crews recovered five more bodies. The previous"
            " toll, announced on Friday evening, was 14.\n",
            [(19, 14), (5, None)],  # past an aside; and no toll of 14 revised to five
        ),
        (
            "In total, 146 bodies were recovered (the figure stood at 117 when work was"
            " suspended in April).\n",
            [(146, 117)],
        ),
        (
            "The army put them at 143 killed and 410 wounded - an increase on the 118 dead it"
            " announced in July.\n",
            [(143, 118), (410, None)],  # the earlier figure goes to its own kind
        ),
        (
            "The ministry put the number of people killed at seven. Earlier in the day the"
            " ministry had said five were dead.\n",
            [(7, 5)],
        ),
        (
            "10:31 - Toll rises to 11 - Emergency Service.\n\n"
            "12:40 - Emergency Service revises death toll to 13.\n",
            [(13, 11)],
        ),
    ],
)
def test_earlier_figures_stated_as_corrections_or_earlier_statements(
    text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == expected


def test_a_table_introduced_by_a_described_monitor_is_read() -> None:
    text = (
        "A war monitor said:\n\n"
        "| Region | Killed | Wounded |\n"
        "|---|---|---|\n"
        "| North | 12 | 30 |\n\n"
        "The Northland Observatory for Civilian Harm said 5 more people were killed.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [
        ("Northland Observatory for Civilian Harm", 12),
        ("Northland Observatory for Civilian Harm", 30),
        ("Northland Observatory for Civilian Harm", 5),
    ]


def test_an_organisations_claim_of_a_figure_is_its_own() -> None:
    text = (
        "The Southland Defence Ministry repeats that the Northland General Staff's claim of"
        " 12,000 soldiers killed is propaganda.\n"
    )
    assert [(c.claimant, c.value) for c in read(text)] == [("Northland General Staff", 12000)]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Veloria mourns. The ministry said 12 Velorian soldiers were killed.\n", "Veloria"),
        ("Sethany mourns. The ministry said 12 Sethanian soldiers were killed.\n", "Sethany"),
        (  # "Civilian" is a word, also in lower case, not a side formed from "Civil"
            "Civilian deaths: the Directorate of Civil Protection said 11 civilians were killed.\n",
            "",
        ),
        (  # no demonym: the place's name stands before its troops
            "Calvassy troops shelled the border post.\n\nTwo Calvassy soldiers were killed.\n",
            "Calvassy",
        ),
    ],
)
def test_a_side_named_by_a_demonym_the_report_forms_from_its_place(text: str, party: str) -> None:
    [claim] = read(text)
    assert claim.party == party


def test_a_range_of_number_words_shares_its_multiplier() -> None:
    [claim] = read("There were between six and eight thousand violent deaths.\n")
    assert (claim.low, claim.high) == (6000, 8000)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (  # a pronoun for the toll, raised on a later day: both days' figures are claims
            "The Ostrand Defence Ministry said on Friday that 120 servicemen had been killed."
            " On Monday the ministry raised it to 142.\n",
            [("killed", 120, None), ("killed", 142, 120)],
        ),
        (  # the claimant's own last figure gives the kind, not the text's last
            "The Halvesh Ministry of Health said 12 people were killed and 40 wounded.\n\n"
            "Police said two officers were killed.\n\nThe ministry's count now stands at 44.\n",
            [("killed", 12, None), ("killed", 2, None), ("wounded", 44, 40)],
        ),
        (  # a tally noun as the subject, past an aside
            "Shelling of Varrow killed 9 civilians, the Varrow governor said.\n\n"
            "The Health Ministry's figure, which we checked this morning, is 11.\n",
            [("killed", 9, None), ("killed", 11, None)],
        ),
        (  # a figure told before, named again, adds no claim
            "The Tesmarkian Defence Ministry says 9,412 soldiers were killed.\n\n"
            '"The Tesmarkian figure of 9,412 is a floor," a demographer said.\n',
            [("killed", 9412, None)],
        ),
        (  # not a figure of people
            "Police said 3 people were killed.\n\nThe number of drones launched was 24."
            " A total of 126 rescuers took part. The mayor raised the curfew to 22."
            " The ambulance emergency number is 9.\n",
            [("killed", 3, None)],
        ),
    ],
)
def test_a_figure_named_again_takes_the_kind_told_before(
    text: str, figures: list[tuple[str, int, int | None]]
) -> None:
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "Two drivers of the Karsk Relief Network were killed and a third was wounded.\n",
            [("killed", 2), ("wounded", 1)],
        ),
        ("A third volunteer was wounded in the same incident.\n", [("wounded", 1)]),
        (
            "Two colleagues were killed. A third colleague was injured.\n",
            [("killed", 2), ("wounded", 1)],
        ),
        (
            "Two of the attackers were killed and a third was arrested after a pursuit.\n",
            [("killed", 2), ("captured", 1)],
        ),
        # a part of a figure, a thing, or the ordinal of a name: no one more
        ("Nine people were killed. A third of the dead were children.\n", [("killed", 9)]),
        ("A second round of talks was held after 4 soldiers were killed.\n", [("killed", 4)]),
        ("A third boy, their cousin, lost a leg.\n", []),
    ],
)
def test_a_third_of_a_kind_is_one_more_person(text: str, figures: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == figures


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Since 5 February, Open Hands Medical (OHM) teams at Amberlo District Hospital"
            " have treated 164 people wounded in the fighting.\n",
            "Open Hands Medical",
        ),
        ("FCC surgical teams at Corvath District Hospital treated 87 wounded people.\n", "FCC"),
        # no organisation before them: the teams speak
        (
            "Teams at Amberlo District Hospital have treated 16 people wounded in the fighting.\n",
            "Teams at Amberlo District Hospital",
        ),
    ],
)
def test_an_organisations_teams_speak_for_it(text: str, claimant: str) -> None:
    [claim] = read(text)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (  # the verb of the rise far before its figure
            "Four people were killed in the shelling, the governor said.\n\nLater the governor"
            " wrote that a man had died in hospital, bringing the number of people killed in"
            " the region over the past day to five.\n",
            [(1, None), (5, 4)],
        ),
        (  # the earlier figure named again, past the date of the statement that gave it
            "The confirmed death toll now stands at 19 after three more bodies were recovered."
            " The figure given in our statement of 5 August was 16.\n",
            [(19, 16), (3, None)],
        ),
        (  # a corrected answer: its original figure is the earlier one, not a claim
            "In the same period, 31 personnel have been wounded in action.\n\nThis answer was"
            " corrected on 8 March. The original answer stated that 29 personnel had been"
            " wounded in action; the correct figure is 31.\n",
            [(31, 29)],
        ),
        (  # a number given before now, alone after its verb
            "The toll now stands at 25 after two more of the wounded died, the office said."
            " It had given 23 on March 7.\n",
            [(25, 23), (2, None)],
        ),
        (  # not the earlier figure of a count it is above
            "The confirmed toll is now 24. We are still looking for eleven people.\n\n"
            "When you last spoke to us, on Friday, you gave 21.\n",
            [(24, 21), (11, None)],
        ),
    ],
)
def test_a_rise_and_its_earlier_figure_far_from_the_figure(
    text: str, figures: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The army said six soldiers had lost contact with their unit.\n", [("missing", 6)]),
        (
            "Two crew members were shot dead and three were taken away by the attackers.\n",
            [("killed", 2), ("captured", 3)],
        ),
        ("The camp received 9,800 new arrivals this month.\n", [("displaced", 9800)]),
        ("The Front said it was holding about 150 soldiers.\n", [("captured", 150)]),
        (
            "At least 300 men from our district never came back from that base.\n",
            [("missing", 300)],
        ),
        ("The society holds 58 open cases of people detained at checkpoints.\n", [("missing", 58)]),
        ("The offensive has driven over 180,000 from their homes.\n", [("displaced", 180000)]),
        ("Our teams have helped 6,300 people to evacuate since January.\n", [("displaced", 6300)]),
        (
            "Kestria got back 118 servicemen and four civilians in the exchange.\n",
            [("captured", 118), ("captured", 4)],
        ),
        (
            "Six hijackers were killed and the other three taken alive.\n",
            [("killed", 6), ("captured", 3)],
        ),
        (
            "The army is holding the line near Kerr, where 4 soldiers were killed.\n",
            [("killed", 4)],
        ),
        (  # wounds as the cause of the deaths a breakdown counts
            "At least four protesters have been killed, three of them by gunshot wounds.\n",
            [("killed", 4), ("killed", 3)],
        ),
    ],
)
def test_words_of_losing_contact_taking_away_arriving_and_causes(
    text: str, figures: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == figures


@pytest.mark.parametrize(
    "text",
    [
        "Lantern Watch, an independent volunteer project counting military deaths, says 96"
        " soldiers died.\n",
        "The ministry, which last gave an official figure for its own dead in March, says 96"
        " soldiers died.\n",
    ],
)
def test_a_people_noun_that_qualifies_a_thing_counts_no_one(text: str) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == [("killed", 96)]


def test_a_table_row_is_a_claim_unless_the_prose_above_it_gave_its_figure() -> None:
    text = (
        "## Civilian casualties confirmed during the week\n\n"
        "| Date | Place | Casualties |\n|---|---|---|\n"
        "| 4 Feb | Dellow | 2 civilians killed, 3 injured |\n\n"
        "## Military casualties\n\n"
        "The Sarvek General Staff said two of its soldiers were killed on 5 February.\n\n"
        "## Total\n\n"
        "| Category | Number |\n|---|---|\n| Soldiers killed | 2 |\n"
    )
    assert [(c.value, c.category.value, c.claimant) for c in read(text)] == [
        (2, "killed", OUTLET),
        (3, "wounded", OUTLET),
        (2, "killed", "Sarvek General Staff"),
    ]


def test_a_word_for_what_befell_people_speaks_for_no_one() -> None:
    text = "| Category | Today |\n|---|---|\n| Injured admitted | 14 |\n"
    assert [(c.category.value, c.value, c.claimant) for c in read(text)] == [
        ("wounded", 14, OUTLET)
    ]


def test_a_breakdown_set_off_before_the_verb_is_part_of_the_figure() -> None:
    text = (
        "At least 24 people, 22 students and two members of staff, were killed, the rescue"
        " service said, up from 16 on Friday evening.\n"
    )
    assert [(c.value, c.previous_value, c.category.value) for c in read(text)] == [
        (24, 16, "killed"),  # the whole revised, not its first part
        (22, None, "killed"),
        (2, None, "killed"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Tarn Red Cross said one of its volunteers, a driver, was among those killed.",
        "The police said one hostage, a security guard, has been shot dead by the gunmen.",
    ],
)
def test_an_aside_that_names_the_same_person_again_adds_no_one(text: str) -> None:
    assert figures(text) == [("killed", 1, None, None, "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The tracker recorded 73 civilian casualties in August, 21 of them fatal.",
            [("other", 73, None, None, "exact"), ("killed", 21, None, None, "exact")],
        ),
        (
            "Five people were wounded, one of them seriously, the emergency service said.",
            [("wounded", 5, None, None, "exact"), ("wounded", 1, None, None, "exact")],
        ),
        ("Every one of them had a name, the ministry said.", []),
        (
            "In the counterattack were destroyed 3 tanks and liquidated around 40 enemy soldiers.",
            [("killed", 40, None, None, "about")],  # a translated communique's verb
        ),
        (
            "The attack killed, according to the provincial governor, 29 civilians and wounded 11.",
            [("killed", 29, None, None, "exact"), ("wounded", 11, None, None, "exact")],
        ),
        ("He said nobody had been killed.", [("killed", 0, None, None, "exact")]),
        ("It said it had suffered no casualties.", [("other", 0, None, None, "exact")]),
        ("No casualties were reported.", []),
        ("The ministry said the average age of the fallen was 22.", []),
        ("His son, who was 20 when he went missing, served in the navy.", []),
        ("The toll was 22 when the shelling stopped.", [("killed", 22, None, None, "exact")]),
    ],
)
def test_parts_zeros_and_ages_as_reports_write_them(
    text: str, expected: list[tuple[str, int | None, int | None, int | None, str]]
) -> None:
    assert figures(text + "\n") == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "4 civilian persons were died and 7 became injured, informs the Regional Civil"
            " Protection Headquarter.",
            "Regional Civil Protection Headquarter",  # a verb of saying before its subject
        ),
        (
            "In total 118 civilians lost their lives, said to journalists the head of regional"
            " administration, Mr. Bogdan Kresnik.",
            "regional administration",
        ),
        (
            "Two soldiers became martyrs in the night battle. This information was given in the"
            " morning by the Ministry of Defence of Cordavia.",
            "Ministry of Defence of Cordavia",
        ),
        (
            "### Shepherds found dead\n\nThe bodies of three shepherds were found on Tuesday."
            " Those figures come from Rami Haddour, director of the Levant Casualty Record.",
            "Levant Casualty Record",  # not the shepherds, who were found, not finders
        ),
    ],
)
def test_who_speaks_in_translated_and_regional_english(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text + "\n")} == {claimant}


def test_the_ministry_is_no_other_kind_of_body_named_before() -> None:
    text = (
        "The Tarn Red Cross said 5 people were missing.\n\n"
        "According to the ministry, 4 people were killed.\n"
    )
    assert [c.claimant for c in read(text)] == ["Tarn Red Cross", "ministry"]


def test_a_bodys_timed_updates_revise_its_own_earlier_tolls() -> None:
    text = (
        "TARN NATIONAL POLICE\n\n07:12\nA missile hit a block of flats. According to"
        " preliminary information, 2 people were killed and 9 injured.\n\n10:05\nUpdate. 17"
        " people are injured. Contact has been lost with 6 residents.\n\n21:30\nSummary. 11"
        " people were killed. 34 people were injured. One person is still missing.\n"
    )
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == [
        ("killed", 11, 2),
        ("wounded", 34, 17),
        ("missing", 1, 6),  # the missing are found
    ]


def test_timed_updates_on_other_incidents_or_the_days_sum_revise_nothing() -> None:
    text = (
        "TARN REGIONAL MILITARY ADMINISTRATION\n\n08:20\nShelling in Dolmir. 1 person killed,"
        " 4 wounded.\n\n13:26\nA drone hit a bus stop in Sivask: three people killed.\n\n"
        "21:00\nResults of the day. In total: 4 killed, 9 wounded.\n"
    )
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == [
        ("killed", 1, None),
        ("wounded", 4, None),
        ("killed", 3, None),
        ("killed", 4, None),
        ("wounded", 9, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seventeen servicemen are still listed as missing, the statement said, down from 41"
            " at the end of January.",
            [(17, 41)],  # a count that fell, not one that rose by a part of itself
        ),
        (
            "The health department said 19 people were killed, revising downward the toll of"
            " 23 it had given on Tuesday.",
            [(19, 23)],
        ),
        (
            "In the first quarter, 22 casualties were recorded (9 killed and 13 injured); the"
            " quarter's total has been revised from 20 to 22 after two late reports.",
            [(22, 20), (9, None), (13, None)],  # the figure "to 22" names again
        ),
    ],
)
def test_earlier_figures_of_counts_that_fell_or_were_named_again(
    text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text + "\n")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some 1.3 million people, out of a pre-war population of about 11 million, have"
            " fled their homes.",
            [("displaced", 1300000, None, None, "about")],
        ),
        (
            "A joint commission found that 41 Tellesk and 23 Marrovian soldiers died.",
            [("killed", 41, None, None, "exact"), ("killed", 23, None, None, "exact")],
        ),
        (
            "The previous exchange brought home 120 Saldovians.",
            [("captured", 120, None, None, "exact")],  # prisoners released
        ),
        (
            'Officials feared the death toll in Karfa "may be closer to 90" once the camp had'
            " been searched.",
            [("killed", 90, None, None, "about")],  # not "90 once": no count of things
        ),
        (
            "Two children, a boy and his younger sister, were among the dead.",
            [("killed", 2, None, None, "exact")],  # the aside names the same two
        ),
        (
            "Since 2033, 14 players, coaches and staff of the club have been killed.",
            [("killed", 14, None, None, "exact")],  # a list, not an aside
        ),
    ],
)
def test_figures_past_asides_sides_and_clauses(
    text: str, expected: list[tuple[str, int | None, int | None, int | None, str]]
) -> None:
    assert figures(text + "\n") == expected


def test_a_count_of_another_year_beside_this_years_is_no_earlier_figure() -> None:
    text = (
        "According to the association, 47 officers have been killed in the province since"
        " January, compared with 31 in the whole of 2550.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(47, None), (31, None)]


def test_what_an_earlier_version_of_the_article_said_is_no_ones_figure() -> None:
    text = (
        "Police said nine officers were killed in the ambush.\n\nCORRECTION: An earlier"
        " version of this article said that 12 police officers had been killed. The correct"
        " figure, according to the police command, is nine.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(9, None)]


def test_where_a_body_posted_is_not_who_speaks() -> None:
    text = (
        "The Tarn Liberation Front said in a statement on its Telegram channel that 12 of"
        " its fighters were killed.\n"
    )
    assert [c.claimant for c in read(text)] == ["Tarn Liberation Front"]


def test_the_authors_press_unit_and_its_rebuttal_speak_for_the_author() -> None:
    text = (
        "TARN ARMED FORCES\nDirectorate of Public Information\n\n1. The Directorate of Public"
        " Information states that 3 soldiers were killed.\n\n2. The Kell Front claimed to have"
        " killed 60 soldiers at Tamsin Ford, when in fact 4 soldiers were killed there.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (3, "Tarn Armed Forces"),
        (60, "Kell Front"),
        (4, "Tarn Armed Forces"),  # "in fact": the writer's own figure
    ]


def test_a_written_answer_speaks_for_the_ministry_of_the_minister_who_answered() -> None:
    text = (
        "NATIONAL ASSEMBLY OF TARN\nWritten questions and answers\n\nQuestion No. 4417\n"
        "Asked by: Deputy Ines Varga (Civic Alliance)\nTo: the Minister of Defence\n\nAnswer\n"
        "Answered by: Colonel-General (ret.) Aurel Dashkin, Minister of Defence\n\n"
        "Since the start of the operation, 1,208 service personnel have died.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(1208, "Ministry of Defence")]


@pytest.mark.parametrize(
    ("question", "answer", "ministry"),
    [
        ("Mr K R Mabo to ask the Minister of Police:", "REPLY:", "Ministry of Police"),
        ("Ministry responding: Police\n\nMr Roche draws the attention of the Minister of the"
         " Armed Forces to the losses.", "Text of the answer", "Ministry of the Armed Forces"),
    ],
)  # fmt: skip
def test_a_bare_answer_to_a_written_question_is_the_ministry_asked(
    question: str, answer: str, ministry: str
) -> None:
    text = (
        f"NATIONAL ASSEMBLY\n\nQUESTION 1842\n\n{question}\n\n{answer}\n\n27 members were killed."
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(27, ministry)]


def test_two_persons_each_counted_as_one_are_two_claims() -> None:
    text = (
        "Pelloway city: 2 people were killed and 7 injured, among them a 14-year-old girl.\n\n"
        "Sennivar community: A 72-year-old man was injured.\n"
    )
    assert [(c.category.value, c.value) for c in read(text)] == [
        ("killed", 2),
        ("wounded", 7),
        ("wounded", 1),
        ("wounded", 1),  # another person, not the girl again
    ]


def test_a_place_after_a_logs_reference_is_no_source() -> None:
    text = (
        "TARN METROPOLITAN POLICE\nDaily occurrence log\n\nRef 2573/1184 - 08:20 - Quarry Lane\n"
        "Roadside bomb detonated beside a patrol car. Two officers injured.\n\n"
        "About 2,400 people left their villages.\n"
    )
    assert [(c.category.value, c.claimant) for c in read(text)] == [
        ("wounded", "Tarn Metropolitan Police"),
        ("displaced", "Tarn Metropolitan Police"),
    ]


@pytest.mark.parametrize(
    "head",
    [
        "CRESCENT MONITOR - TRANSLATED STATEMENTS SERVICE\n\n[Monitor's note: The following"
        " statement was posted on the Telegram channel of the Sons of the Valley Brigades on"
        " Saturday evening. Translated from Arabic by the Service.]",
        "MEKONG MONITORING SERVICE\nResistance media digest\n\nSons of the Valley Brigades"
        " (SVB): statement on the battle\nSource: SVB Facebook page, statement No. 27, in"
        " Burmese. Translated by MMS.",
    ],
)
def test_a_monitors_translation_carries_the_figures_of_whom_it_translates(head: str) -> None:
    text = head + "\n\nSeven of our heroic fighters were killed in the battle.\n"
    assert [c.claimant for c in read(text)] == ["Sons of the Valley Brigades"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The spokesman of the Ministry of Health of Tarn, Dr. Kourosh Samimifar, in the press"
            " conference today said: the number of martyrs reached to 1 146 people.",
            [("killed", 1146, "Ministry of Health of Tarn")],  # not the press conference
        ),
        (
            "In result of the shelling 2 persons were died - men of 54 and 61 years.",
            [("killed", 2, OUTLET)],  # their ages, the first's "years" told once
        ),
        (
            "Not one serviceman of the Tarn army was taken in captivity during the past day.",
            [("captured", 0, OUTLET)],
        ),
        (
            "Samimifar said: From the martyrs, 187 persons are women and 94 persons are children.",
            [("killed", 187, OUTLET), ("killed", 94, OUTLET)],  # a surname no one was named by
        ),
        (
            "Later one more woman died, so the number of persons deprived of life rises to 12.",
            [("killed", 12, OUTLET)],
        ),
    ],
)
def test_english_as_translations_write_it(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(c.category.value, c.value, c.claimant) for c in read(text + "\n")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents of 3 neighbouring kebeles have fled.", []),  # places, not people
        ("The ministry said the enemy's losses can exceed 12 thousands.", []),
        (
            'The newspaper claimed that "30 terrorists were annihilated" near the hill.',
            [("killed", 30, None, None, "exact")],
        ),
    ],
)
def test_places_hypotheticals_and_killing_words_of_translations(
    text: str, expected: list[tuple[str, int | None, int | None, int | None, str]]
) -> None:
    assert figures(text + "\n") == expected


def test_a_prosecutors_office_speaks_through_its_prosecutors() -> None:
    text = (
        "TARN REGIONAL PROSECUTOR'S OFFICE\n\nOver the week, prosecutors recorded 9 civilians"
        " killed and 51 injured in the region.\n"
    )
    assert {c.claimant for c in read(text)} == {"Tarn Regional Prosecutor's Office"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of dead rose by 12 overnight to 47.", [(47, 35)]),
        ("The ministry said the toll now stands at 41, up 9 from Monday.", [(41, 32)]),
        (
            "The ministry said 2,881 servicemen had been killed, an increase of 26 from its"
            " last update.",
            [(2881, 2855)],  # the increase is no figure of its own
        ),
    ],
)
def test_an_increase_told_with_the_new_toll_gives_the_earlier_one(
    text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text + "\n")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police initially said 9 people died, but later raised the figure to 12.", [(12, 9)]),
        ("The army said 17 soldiers were killed, a figure it later lowered to 15.", [(15, 17)]),
        ("The wounded number 118, the ministry said.", [(118, None)]),  # "number" a verb
        ("Call number 118 for help.", []),
    ],
)
def test_a_figure_raised_or_lowered_later_in_its_sentence(
    text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text + "\n")] == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A Sudanese doctors' group has raised the death toll from an assault on a camp for"
         " displaced people in western Sudan to 37, from the 22 it reported on Wednesday.",
         [("killed", 37, 22, "Sudanese doctors' group")]),  # the toll's kind, not the camp's
        ("Toll from assault on displacement camp rises to 37\n",
         [("killed", 37, None, OUTLET)]),
        ("The ministry raised its count of people missing after the floods at the camp to 12.",
         [("missing", 12, None, "ministry")]),
        ("Police took the suspects to a police station near the camp that reached its capacity.",
         []),
    ],
)  # fmt: skip
def test_a_raised_toll_is_of_its_own_kind_however_far_before_the_figure(
    text: str, found: list[tuple[str, int, int | None, str]]
) -> None:
    claims = read(text)
    assert [(c.category.value, c.value, c.previous_value, c.claimant) for c in claims] == found


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("The number of servicemen who became shehids has reached 84.", "killed", 84),
        ("Seven brave sons of the soil embraced shahadat.", "killed", 7),
        ("Eleven terrorists were sent to hell.", "killed", 11),
        ("Two other soldiers remain under treatment.", "wounded", 2),
    ],
)
def test_words_of_armed_forces_statements(text: str, category: str, value: int) -> None:
    (claim,) = read(text)
    assert (claim.category.value, claim.value) == (category, value)


def test_a_group_described_then_named_is_the_one_named_also_when_mentioned_again() -> None:
    text = (
        "Security forces opened fire on demonstrators, killing at least seven people, a"
        " volunteer medics' group said.\n\nThe Tirrelian Medics' Union, which runs first-aid"
        " tents, said most were hit by live rounds. A student was among the dead, the group"
        " said.\n\nThe Interior Ministry said two police officers were killed.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (7, "Tirrelian Medics' Union"),
        (1, "Tirrelian Medics' Union"),
        (2, "Interior Ministry"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The government said that six soldiers and four members of the Volunteers for the"
         " Defence of the Homeland (VDP) were killed.", [("killed", 6), ("killed", 4)]),
        ("Losses of the Armed Forces of Ukraine in this direction amounted to up to 230"
         " servicemen.", [("killed", 230)]),
        ("The enemy's sanitary losses in this direction amounted to 120 servicemen.",
         [("wounded", 120)]),
        ("Russia's losses in killed and wounded over the past day amounted to 1,130 personnel.",
         [("other", 1130)]),
        ("It put Russian personnel losses since the start of the offensive at 38,600.",
         [("other", 38600)]),
        ("The UN verified 212 children killed or maimed in Yemen.", [("other", 212)]),
        ("A shell landed 200 metres from the clinic; no one inside was hurt.", [("wounded", 0)]),
    ],
)  # fmt: skip
def test_losses_named_brackets_and_firm_zeros(text: str, found: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


def test_an_earlier_figure_is_of_what_befell_those_named_before_it() -> None:
    text = (
        "The death toll from the strike has risen to 14, the village head said.\n\nHe said"
        " some of the wounded had died overnight, and that the earlier figure of nine had"
        " counted only the bodies pulled from the compound.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(14, 9)]


def test_an_earlier_figure_of_nothing_named_revises_no_toll_told_paragraphs_before() -> None:
    text = (
        "The ministry says 38,600 soldiers have been killed since the war began.\n\nThe"
        " town has had no water since January.\n\nAbout 3,100 residents remain, down from"
        " 9,800 in December.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(38600, None)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Fighters of the Kurdish-led Tarn Democratic Forces (TDF) held the town. The TDF said"
         " it had killed 23 attackers.", "Tarn Democratic Forces"),
        ("Rescuers of the State Emergency Service (SES) worked all night. The SES said 12"
         " people were killed.", "State Emergency Service"),
        ("The Tarnian Ministry of Health (MoH) opened a hotline. The MoH said 12 people were"
         " killed.", "Tarnian Ministry of Health"),  # the side's name stays
    ],
)  # fmt: skip
def test_a_short_name_stands_for_the_words_it_spells(text: str, claimant: str) -> None:
    assert [c.claimant for c in read(text)] == [claimant]


def test_a_title_cased_headline_is_no_address() -> None:
    assert [(c.category.value, c.value) for c in read("3 Killed On Main Road\n")] == [("killed", 3)]


def test_a_figure_told_before_is_the_earlier_figure_of_the_rise_after_it() -> None:
    text = (
        "The monitor has so far recorded 48 of these deaths with a name.\n\nLast week's"
        " bulletin gave 37 civilian deaths for that week. Further reports from the villages"
        " have brought that week's total to 44.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(48, None), (44, 37)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ('"We have buried 35 people," said a member of the Harrow Vale Rescue Team who gave'
         " his name only as Tomas.", "Harrow Vale Rescue Team"),
        ("The fighting has killed more than 150,000 people, according to the independent"
         " Ostmark Conflict Monitor.", "Ostmark Conflict Monitor"),
        ("The Ledger quotes the Directorate of Civil Protection: 9 civilians dead in the"
         " valley.", "Directorate of Civil Protection"),
        ("The Directorate cites 40 dead in the valley.", "Directorate"),
    ],
)  # fmt: skip
def test_speakers_after_quotations_descriptions_and_quoting_verbs(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The Harrow Front denied any involvement and said government troops had killed four"
         " of its fighters.", "Harrow Front"),
        ("Velmar's Interior Ministry blamed the Harrow Front (HF) for the attack and said"
         " security forces had killed two of the attackers.", "Velmar's Interior Ministry"),
        ("The Dalmor Courier reported the raid. In a statement, it accused Harrow Front"
         " artillery of firing on the market and said 14 soldiers were killed.",
         "Dalmor Courier"),
        ("Two aid drivers were abducted in Ambry and released the next day.", OUTLET),
        ("All agencies to confirm that 3 staff were wounded.", OUTLET),
        ("Ukrainian shelling has claimed the lives of 1,137 civilians in the region.", OUTLET),
        ('The coalition had taken 27 soldiers prisoner, who would be "treated according to the'
         ' Geneva Conventions".', OUTLET),
    ],
)  # fmt: skip
def test_the_subject_of_a_coordinated_verb_and_words_that_give_no_figure(
    text: str, claimant: str
) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Of the 340 bodies returned since May, 275 have been identified, the centre said.",
         [("killed", 340), ("killed", 275)]),
        ("The remains of 236 persons have been exhumed and 161 have been identified and"
         " returned to their families.", [("killed", 236), ("killed", 161)]),
        ("So far 143 unaccompanied children were identified at the border.", []),
        ("The families say 1,236 people who vanished in the 2590s are still unaccounted for.",
         [("missing", 1236)]),
        ("Enemy losses in personnel for the week amounted to around 1,900, of whom about 700"
         " were killed.", [("other", 1900), ("killed", 700)]),
        ("Four servicemen were evacuated alive with burns and are being treated.",
         [("wounded", 4)]),
        ("Eleven of the wounded were evacuated by helicopter to the state hospital.",
         [("wounded", 11)]),
        ("About 400 residents were evacuated from the village.", [("displaced", 400)]),
        ("A further 44 have been evacuated home for treatment of illness.", []),
    ],
)  # fmt: skip
def test_identified_remains_decades_divided_losses_and_evacuations(
    text: str, found: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A strike on a car killed three people and wounded eight others, the ministry said,"
         " raising the toll from two announced the previous evening.",
         [("killed", 3, 2), ("wounded", 8, None)]),
        ("The service said 41 people have been detained since January, compared with 29 in"
         " the same period last year.", [("captured", 41, None), ("captured", 29, None)]),
        ("According to the Joint Commission, four civilians were killed in the village. Two"
         " of the dead were children.\n\nIn its preliminary statement of 2 December, the"
         " Commission had put the number of dead at three.",
         [("killed", 4, 3), ("killed", 2, None)]),
        ("We have revised our count for the attack on Ferrowby on 22 September to 21 civilian"
         " deaths, from the 23 we gave to journalists on 24 September.",
         [("killed", 21, 23)]),
    ],
)  # fmt: skip
def test_whose_earlier_figure_and_which_are_none(
    text: str, found: list[tuple[str, int, int | None]]
) -> None:
    assert [(c.category.value, c.value, c.previous_value) for c in read(text)] == found


def test_a_figure_since_a_weekday_holds_now_and_covers_the_days_since() -> None:
    (claim,) = read("The service said six people had been detained since Monday.")
    assert (str(claim.as_of), str(claim.period_start)) == ("2020-12-03", "2020-11-30")


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Two soldiers were wounded in the incident, according to the IDF.", "IDF"),
        ("In total, 5,612 people have now been freed from captivity, according to the"
         " coordination headquarters.", "coordination headquarters"),
        ("The health cluster, the group of aid agencies led by the Ostmark Health Office, says"
         " at least 118 people have been killed.", "health cluster"),
        ("Displacement monitors of the Concord Migration Agency said 41,000 people had fled.",
         "Concord Migration Agency"),
        ("The number of officers killed rose to two. Our post yesterday reported one officer"
         " killed.", OUTLET),
    ],
)  # fmt: skip
def test_bodies_named_by_their_kind_and_acronyms_of_sides(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("title", "as_of"),
    [
        ("Protection of Civilians Report: First Quarter 2020", "2020-03-31"),
        ("Quarterly report, Q2 2020", "2020-06-30"),
        ("Human rights situation, April – June 2020", "2020-06-30"),
        ("Casualty monitoring: first half of 2020", "2020-06-30"),
        ("Casualty monitoring: fourth quarter of 2020", "2020-12-03"),  # not over yet
    ],
)
def test_a_periodic_reports_figures_hold_as_of_the_end_of_its_period(
    title: str, as_of: str
) -> None:
    (claim,) = read(f"{title}\n\nThe mission documented 41 civilians killed.\n")
    assert str(claim.as_of) == as_of


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("HORODOK, September 5 /Ledger/. As a result of the strike, three people were killed."
         "\n\nThis was reported on Telegram by Head of the Horodok Regional Military"
         " Administration Mykyta Dovbush.", "Horodok Regional Military Administration"),
        ("Two people were killed, head of the Hralna Regional Military Administration (RMA)"
         " Taras Voloshyn informed on his channel.", "Hralna Regional Military Administration"),
        ("The Vice Minister of the Interior, Ernesto Calvo, affirmed in a press conference that"
         " the official figure is six deceased.", "Ministry of the Interior"),
    ],
)  # fmt: skip
def test_agency_copy_in_translation_names_its_sources(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Seventeen inmates and three prison officers died during the riot.",
         [("killed", 17), ("killed", 3)]),
        ("The commission estimates that between 31,000 and 38,000 people were killed between"
         " 2581 and 2596.", [("killed", None)]),
        ("The remains of 32 victims of the period of violence 2640–2660 were handed back.",
         [("killed", 32)]),
        ("Most of the men were taken from their homes in 2679 and 2680.", []),
        ("It documented 4,312 disappearances under the military government of 2661 to 2669.",
         [("missing", 4312)]),
        ("Its annual report records 35 deaths for 2666.", [("killed", 35)]),
        ("We identified 2650 bodies this year.", [("killed", 2650)]),
        ("Twenty-one people were killed, among them seven novice monks aged between nine and"
         " 14.", [("killed", 21), ("killed", 7)]),
        ("Count 2 concerns the attempted murder of 33 persons who were injured by gunfire.",
         [("wounded", 33)]),
        ("It documents the deaths of 47 detainees held by military intelligence.",
         [("killed", 47)]),
        ("Thousands of bodies held in state morgues have never been identified.",
         [("killed", None)]),
        ("The chamber reduced the number of victims of murder for which Ormen is held"
         " responsible from 212 to 187.", [("killed", 187)]),
        ("Eleven of them have never been found, the judge said.", [("missing", 11)]),
        ("The commission learnt that 9 persons detained during the searches have not been seen"
         " since.", [("missing", 9)]),
    ],
)  # fmt: skip
def test_words_of_courts_and_inquiries(text: str, found: list[tuple[str, int | None]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


def test_briefing_notes_are_the_speakers_office() -> None:
    text = (
        "Press briefing notes\nSpeaker: Ilse Varga, Spokesperson for the Ostmark Rights"
        " Office\nDate: 3 December 2020\n\nOur Office has verified the killing of 211"
        " civilians since August.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(211, "Ostmark Rights Office")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("From obituaries and two handwritten lists, we were able to identify 58 of the dead by"
         " name.", [("killed", 58)]),
        ("The monitor has not been able to confirm the two servicemen reported missing.", []),
        ("The clinic is able to treat 200 patients a day.", []),
        ("Its volunteers had evacuated at least 70 wounded people to hospitals.",
         [("wounded", 70)]),
    ],
)  # fmt: skip
def test_what_researchers_were_able_to_verify(text: str, found: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


def test_staff_at_a_place_named_first_speak_for_it() -> None:
    text = (
        "At Harrow District Hospital in the regional capital, some 40 kilometres away, staff"
        " said they had received 23 wounded civilians.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(23, "Harrow District Hospital")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The committee concludes that the strikes killed 63 civilians, 19 of them children,"
         " and injured a further 37.", [("killed", 63), ("killed", 19), ("wounded", 37)]),
        ("The ministry said 31 were freed, seven of them with injuries.",
         [("captured", 31), ("wounded", 7)]),
        ("Two militants were detained alive, one of them wounded.",
         [("captured", 2), ("wounded", 1)]),
    ],
)  # fmt: skip
def test_who_some_of_them_were_is_no_new_verb(text: str, found: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


def test_an_earlier_figure_told_alone_is_that_of_the_figure_standing_now() -> None:
    text = (
        "The Interior Ministry initially put the toll at 58. Its count now stands at 63 dead"
        " and 212 injured, the ministry said.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(63, 58), (212, None)]


def test_a_list_opened_by_a_line_that_names_whose_it_is_is_theirs() -> None:
    text = (
        "The provisional balance sheet established by the Joint Staff is as follows:\n\n"
        "- Friendly side: 6 dead and 9 wounded;\n"
        "- Enemy side: about thirty assailants killed.\n\n"
        "In the town itself, 14 people were wounded.\n\n"
        "- 3 more people were reported missing.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (6, "Joint Staff"),
        (9, "Joint Staff"),
        (30, "Joint Staff"),
        (14, OUTLET),
        (3, OUTLET),
    ]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("According to a local elected official reached by telephone, 40 residents fled.",
         "local elected official"),
        ("The attack was claimed by the Front for the Defence of the Hills (FDH), an armed"
         " coalition, which said its fighters had killed 70 soldiers.",
         "Front for the Defence of the Hills"),
        ("The balance drawn up by the regional administration is 12 killed.",
         "regional administration"),
    ],
)  # fmt: skip
def test_officials_described_and_bodies_set_off_by_an_apposition(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Officials said some 11,400 residents had fled to nine evacuation centres.",
         [("displaced", 11400)]),
        ("Eleven militants were killed in Zarghun Kach and six near Tor Ghundai.",
         [("killed", 11), ("killed", 6)]),
        ("That leaves 951 people whose fate is still unknown.", [("missing", 951)]),
        ("A shell landed in a sheep pen, killing a shepherd and wounding his two grandsons.",
         [("killed", 1), ("wounded", 2)]),
        ("Her family had been displaced five times.", []),
        ("A schoolteacher in a car behind the patrol was also hurt by flying glass.",
         [("wounded", 1)]),
        ("Among the 17 dead are at least four children, the coroner's office said.",
         [("killed", 17), ("killed", 4)]),
        ("The Red Cross said three makeshift rafts carrying families fleeing the fighting"
         " capsized.", []),
        ("Security forces killed 23 cadres in June, according to the State Police"
         " Headquarters' monthly review.", [("killed", 23)]),
    ],
)  # fmt: skip
def test_places_kin_and_fates_unknown(text: str, found: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Ministry of Defence of the Republic of Kessary RU | EN | FR\n\nMain page / Briefings\n\n"
         "The enemy lost up to 230 servicemen over the past day.\n",
         "Ministry of Defence of the Republic of Kessary"),
        ("ORVANI - National News Agency of Kessary | English Service\n\n"
         "KESH, May 4 /Orvani/. Nine people were killed in the shelling of Kesh.\n", OUTLET),
        ("Defence Ministry English Service\n\n"
         "The enemy lost up to 230 servicemen over the past day.\n", "Defence Ministry"),
    ],
)  # fmt: skip
def test_a_sites_name_beside_its_languages_and_a_news_agencys_masthead(
    text: str, claimant: str
) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The Joint Ceasefire Commission for the Orvaal Line said shelling went on. According to"
         " information verified by the Commission's monitoring teams, four civilians were"
         " killed.", "Joint Ceasefire Commission for the Orvaal Line"),
        ("The Kestrian Coordination Bureau for Prisoners of War said talks went on. The"
         " Bureau's head said 3,400 servicemen remain in captivity.",
         "Kestrian Coordination Bureau for Prisoners of War"),
        ("According to the Federation's Commissioner for Human Rights, more than 1,700 citizens"
         " remain in captivity.", "Federation's Commissioner for Human Rights"),
    ],
)  # fmt: skip
def test_a_bodys_own_people_speak_for_it(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The General Staff of Kessary did not confirm the loss of the village. It put enemy"
         " losses at 1,090 troops killed and wounded.", "General Staff of Kessary"),
        ("The Unit's national register now lists 124,734 persons deemed missing.", "Unit"),
        ("The army's own monthly report put the number of fighters killed at 31.", "army"),
        ("Kessary's commissioner for missing persons lists 14,950 soldiers as missing.",
         "Kessary's commissioner for missing persons"),
    ],
)  # fmt: skip
def test_a_subject_ends_before_its_negation_and_owns_its_records(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Two militants were killed in the encounter, Senior Superintendent of Police Irfan"
         " Qadri said.", "Police"),
        ("Four people were wounded, Dhalchhara Superintendent of Police Md Nazmul Karim told"
         " reporters.", "Dhalchhara police"),
        ("Three insurgents were killed, Pol Maj Gen Somkiat Wongprasert said.", "Police"),
        ("The Sonwar district police gave no figure on Monday. On Tuesday, Senior"
         " Superintendent of Police Irfan Qadri said two militants were killed.",
         "Sonwar district police"),
    ],
)  # fmt: skip
def test_a_police_officer_by_rank_speaks_for_the_police(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


def test_a_media_wing_described_is_the_public_relations_office_the_text_names() -> None:
    text = (
        "Eleven fighters were killed in a clash, the military's media wing said on Saturday.\n\n"
        "According to a statement issued by the Directorate of Forces Public Relations (DFPR),"
        " the group tried to cross at three points.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (11, "Directorate of Forces Public Relations")
    ]


def test_a_byline_names_no_author() -> None:
    text = (
        "# Landslides force thousands from camp shelters\n\n**Staff Correspondent** |"
        " Ghumdhumia\n\nMore than 1,200 people were displaced by landslides on Monday.\n"
    )
    assert {c.claimant for c in read(text)} == {OUTLET}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Of them, 1,130 were last seen in the custody of the state security forces.",
         [("missing", 1130, OUTLET)]),
        ("The Union of Border War Veterans on Friday unveiled a memorial. The union says 14"
         " soldiers are still missing.", [("missing", 14, "Union of Border War Veterans")]),
    ],
)  # fmt: skip
def test_last_seen_and_a_name_ended_by_a_day(text: str, found: list[tuple[str, int, str]]) -> None:
    assert [(c.category.value, c.value, c.claimant) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("In the whole of last year the project recorded 2,140 people dead and missing on the"
         " route.", [("other", 2140)]),
        ("At least 348 people died at sea last year, and another 221 were never found.",
         [("killed", 348), ("missing", 221)]),
        ("The panel recommended compensation of ₦10 million to each family of the dead and"
         " missing.", []),
    ],
)  # fmt: skip
def test_the_dead_and_missing_together_and_those_never_found(
    text: str, found: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The bombing killed 64 people, the police said, updating the toll of 58 it gave in"
         " the days after the attack.", [(64, 58)]),
        ("The government, which in the first days put the toll at more than 700, now says"
         " nearly 3,000 people were killed.", [(3000, 700)]),
        ("Officials put the number of dead at 12, and the army now says 30 soldiers are"
         " missing.", [(12, None), (30, None)]),
    ],
)  # fmt: skip
def test_a_toll_updated_and_one_put_before_the_figure_now(
    text: str, found: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The UN Integrated Office in Kessary published its report on Monday. Fighting has"
         " forced 5,600 people from their homes since July, according to the Ombudsman's"
         " Office.", [(5600, "Ombudsman's Office")]),
        ('"The civilian population is trapped between two armed groups," said the regional'
         " ombudsman.", []),
    ],
)  # fmt: skip
def test_an_offices_own_name_and_groups_counted(text: str, found: list[tuple[int, str]]) -> None:
    assert [(c.value, c.claimant) for c in read(text)] == found


def test_the_earlier_figure_a_body_gave_on_a_weekday_told_after_the_rise() -> None:
    text = (
        "### Kessary\n\nThe state prosecutor's office said forensic teams had recovered 11"
        " bodies from a grave.\n\n### Orvania\n\nThe prison authority raised the death toll"
        " from Sunday's riot to 19 inmates. On Monday it had reported 14 dead.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(11, None), (19, 14)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The database records 63 fatalities on the corridor since 1 January, compared with 22"
         " in the same period of 2613.", [(63, None), (22, None)]),
        ("The ministry says 41 people were abducted in the first half of 2614, compared"
         " with 17 in the whole of 2613.", [(41, None), (17, None)]),
        ("The ministry said 17,406 people had been killed since 4 November, up from 17,112 a"
         " week earlier.", [(17406, 17112)]),
    ],
)  # fmt: skip
def test_a_count_since_a_day_beside_another_years(
    text: str, found: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On the government side, one (1) soldier sustained a gunshot wound.",
         [("wounded", 1)]),
        ("Pursuing troops clashed with the group, killing two (2) more and capturing three (3).",
         [("killed", 2), ("captured", 3)]),
        ("In total, 14 (fourteen) deceased persons were recovered by Coast Guard units.",
         [("killed", 14)]),
        ("Since 1 May, 37 (thirty-seven) persons remain missing.", [("missing", 37)]),
        ("Around 2.4 lakh people have been shifted to relief camps set up in schools.",
         [("displaced", 240000)]),
        ("Of the affected, 1.12 lakh people have taken shelter in 386 schools.",
         [("displaced", 112000)]),
        ('Police said officers returned fire and "sent three terrorists to hell" during the'
         " gun battle.", [("killed", 3)]),
    ],
)  # fmt: skip
def test_a_number_word_with_its_figure_in_brackets_and_relief_camps(
    text: str, found: list[tuple[str, int]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


def test_a_count_of_a_years_months_is_no_earlier_edition_of_the_wars_toll() -> None:
    text = (
        "The network said on Monday it had documented 41,370 deaths since the fighting"
        " began.\n\nIn the twelve months since the last anniversary, the network recorded"
        " 12,905 deaths, it said.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(41370, None), (12905, None)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Eleven residents are listed as missing, the council added.", [(11, "council")]),
        ("Four more soldiers were reported killed, the army said.", [(4, "army")]),
    ],
)  # fmt: skip
def test_the_subject_of_a_passive_is_counted_not_a_claimant(
    text: str, found: list[tuple[int, str]]
) -> None:
    assert [(c.value, c.claimant) for c in read(text)] == found


def test_a_ministers_turn_in_a_verbatim_record_goes_on_to_the_next_label() -> None:
    text = (
        "**THE PRESIDENT:** The Minister of the Interior has the floor.\n\n"
        "**Mrs ORVALE, Minister of the Interior:** I thank the member for the question.\n\n"
        "Since the first attacks in March 2019, 212 gendarmes have lost their lives.\n\n"
        "The attack on the post on Monday cost the lives of four gendarmes.\n\n"
        "*(Applause)*\n\n"
        "**Mr TEMBRO:** Nine more officers were killed at the post in Sarn last week.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (212, "Ministry of the Interior"),
        (4, "Ministry of the Interior"),
        (9, "Mr TEMBRO"),
    ]


def test_a_written_answer_is_the_answering_bodys() -> None:
    text = (
        "Asked by Dr Ilse Marrow, to ask the Secretary of State how many personnel have died.\n\n"
        "Answered on 18 November 2020 by Tam Orrin, Minister for the Armed Forces,"
        " Ministry of Defence\n\n"
        "Since the deployment began, 14 Service personnel have died.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(14, "Ministry of Defence")]


def test_another_before_a_number_is_that_number() -> None:
    assert figures("The army said it had buried another nine men.") == [
        ("killed", 9, None, None, "exact")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Secretariat of Security said 1,604 homicides had been recorded since January.",
         [("killed", 1604)]),
        ("The observatory recorded 264 victims of homicide in November.", [("killed", 264)]),
        ("The attacks have pushed the murder count to 112, the police said.", [("killed", 112)]),
        ("Prosecutors charged 61 officers with homicide.", []),
    ],
)  # fmt: skip
def test_homicides_and_murders_are_killed(text: str, found: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


def test_a_count_for_the_same_period_last_year_is_a_count_of_its_own() -> None:
    text = (
        "The murder count rose to 112 since January 1, the police commissioner told a press"
        " briefing, compared with 97 for the same period last year."
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(112, None), (97, None)]


def test_a_sides_things_are_not_its_people() -> None:
    text = (
        "Four officers were killed. A state of emergency covering three police divisions"
        " took effect at 6 p.m."
    )
    assert [(c.category.value, c.value) for c in read(text)] == [("killed", 4)]


def test_a_list_of_persons_ages_is_no_count() -> None:
    text = (
        "The commission said 5 civilians are held by the other side.\n\n"
        "## Civilians detained\n\n| Name | Age | Detained |\n|---|---|---|\n"
        "| Resident A | 67 | village of Lomisi, March 2019 |\n"
        "| Resident B | 41 | Orvi checkpoint, July 2020 |\n"
    )
    assert [(c.category.value, c.value) for c in read(text)] == [("captured", 5)]


def test_the_last_monthly_summarys_figures_are_the_earlier_edition() -> None:
    text = (
        "The office said 781 children had been killed and 2,140 injured since the war began."
        " The toll has grown since the office's last monthly summary, which gave 776 children"
        " killed and 2,118 injured.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(781, 776), (2140, 2118)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('"As I said last night, we had 11 confirmed dead. This morning the number of dead'
         ' has risen to 14," the governor told reporters.', [(14, 11)]),
        ('"As I said yesterday, we have 42 dead, all of them civilians," she said.',
         [(42, None)]),
    ],
)  # fmt: skip
def test_a_figure_a_speaker_gave_before_is_the_earlier_one(
    text: str, found: list[tuple[int, int | None]]
) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == found


def test_bodies_taken_out_are_dead_whoever_took_them() -> None:
    text = "Overnight rescuers took three more bodies out from under the slabs, the governor said."
    assert [(c.category.value, c.value) for c in read(text)] == [("killed", 3)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hundreds of people followed the bodies of the victims through the streets on Sunday.",
         []),
        ("About 300 mourners attended the funeral of the nine villagers killed on Friday.", [9]),
    ],
)  # fmt: skip
def test_a_crowd_at_a_funeral_is_no_count_of_the_dead(text: str, found: list[int]) -> None:
    assert [c.value for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Oct 2, 2620 (NWS) - The number of soldiers killed has risen to seven, the ministry"
         " said.", [7]),
        ("Paramedics treated 38 people, among them a man of about 60, the service said.", [38, 1]),
        ("Nine of them are in a serious condition, including a child of six, the director said.",
         [9, 1]),
    ],
)  # fmt: skip
def test_a_datelines_year_and_a_persons_age_are_no_counts(text: str, found: list[int]) -> None:
    assert [c.value for c in read(text)] == found


def test_a_figure_put_at_first_is_the_earlier_one_of_the_update_after_it() -> None:
    text = (
        "The head of the administration said the strike had killed five people. He initially"
        " put the number of wounded at 11. In an update on Friday morning, the administration"
        " said 14 people had been injured.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(5, None), (14, 11)]


def test_a_figure_against_one_reported_before_revises_it() -> None:
    text = (
        "The Mayor reported that 214 residents have been killed since the invasion began,"
        " against 198 reported to the October session."
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(214, 198)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Some 2,600 residents of the Velsk district have been moved to reception centres,"
         " he said.", [("displaced", 2600)]),
        ("Since Sunday, some 3,500 residents have been moved to temporary accommodation in"
         " schools, the office said.", [("displaced", 3500)]),
        ("Twelve people were moved to the regional hospital.", []),
    ],
)  # fmt: skip
def test_people_moved_to_shelter_are_displaced(text: str, found: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The ministry believes that between 10 and 15 people remain under the debris.",
         [("missing", None)]),
        ("Volunteers said at least three people were still believed to be buried under it.",
         [("missing", 3)]),
        ("Rescuers pulled 4 people alive from under the rubble during the night.", []),
        ("The bodies of 46 people, three of them recovered from under rubble, reached"
         " hospitals, the ministry said.", [("killed", 46), ("killed", 3)]),
    ],
)  # fmt: skip
def test_people_under_the_debris_are_missing_until_pulled_out(
    text: str, found: list[tuple[str, int | None]]
) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("This year 238 officers and soldiers were killed, the army said.", [("killed", 238)]),
        ("An attack on a camp killed eight guerrillas, according to the army.",
         [("killed", 8)]),
    ],
)  # fmt: skip
def test_this_years_count_and_guerrillas(text: str, found: list[tuple[str, int]]) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == found


def test_the_rescuers_involved_are_no_count() -> None:
    text = "Rescuers evacuated 11 people from the building.\nInvolved: 64 personnel, 17 units.\n"
    assert [(c.category.value, c.value) for c in read(text)] == [("displaced", 11)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("According to the public registry of the National Search Commission, 1,847 people are"
         " listed as missing.", "National Search Commission"),
        ("The Director General of Inter-Services Public Relations, Major General Faiz Kohan,"
         " said 238 soldiers were killed.", "Inter-Services Public Relations"),
        ("At 31 December the Veterans' Benefits Office was paying pensions to the families of"
         " 2,418 servicemen killed in the campaign, according to the office's annual report.",
         "Veterans' Benefits Office"),
    ],
)  # fmt: skip
def test_a_bodys_register_head_or_report_is_the_bodys(text: str, claimant: str) -> None:
    assert [c.claimant for c in read(text)] == [claimant]


def test_a_toll_that_went_up_to_a_figure_is_that_figure() -> None:
    text = "The number of people killed has gone up to 12 from nine, police said."
    assert [(c.value, c.qualifier.value, c.previous_value) for c in read(text)] == [
        (12, "exact", 9)
    ]


def test_an_organisations_name_before_its_possessive_apostrophe_ends_there() -> None:
    text = (
        "Security forces killed 23 rebels in June, according to the State Police Headquarters'"
        " monthly review.\n\nThe number of rebels killed in Monday's encounter has risen to"
        " 12, after security forces recovered three more bodies on Tuesday, police said.\n"
    )
    found = read(text)
    assert [c.value for c in found] == [23, 12, 3]
    assert [c.claimant for c in found if c.claimant.endswith(("'", "’"))] == []


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("At least 30 militia members were killed, according to two security sources.",
         "security sources"),
        ("Seventeen people died, according to the volunteer Taung Lay Rescue Team.",
         "Taung Lay Rescue Team"),
    ],
)  # fmt: skip
def test_how_many_sources_and_a_volunteer_team_say_it(text: str, claimant: str) -> None:
    assert [c.claimant for c in read(text)] == [claimant]


def test_a_figure_spoken_of_last_night_is_the_earlier_one() -> None:
    text = (
        "Today I can confirm that the number of dead has risen to eleven; last night we were"
        " speaking of seven, the governor said."
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(11, 7)]


def test_a_minister_is_not_of_another_sides_ministry_named_later() -> None:
    text = (
        "YEREVAN. The number of servicemen killed in the clashes has risen to 71, Deputy Defence"
        " Minister Aram Sarkis told parliament on Wednesday.\n\nAzerbaijan's Defence Ministry"
        " said 12 of its servicemen were killed.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (71, "Defence Ministry"),
        (12, "Azerbaijan's Defence Ministry"),
    ]


def test_a_body_a_headline_names_in_capitals_ends_before_its_verb() -> None:
    text = (
        "TEACHERS' FEDERATION SAYS 46 TEACHERS KILLED THIS YEAR\n\n"
        "Nine teachers are missing, the federation said.\n"
    )
    assert [c.claimant for c in read(text) if c.value == 9] == ["Teachers' Federation"]


@pytest.mark.parametrize("short", ["the organisation", "the group", "the service"])
def test_a_civil_defence_named_before_is_the_body_a_short_mention_stands_for(short: str) -> None:
    text = (
        "Since Monday a team from the Tarvel Civil Defence has been digging at the quarry.\n\n"
        f"So far the team has recovered the remains of 47 people, {short} said.\n"
    )
    assert [c.claimant for c in read(text)] == ["Tarvel Civil Defence"]


@pytest.mark.parametrize(
    ("body", "short"),
    [
        ("the Tarvel Doctors Network", "the medical group"),
        ("the Rapid Shield Forces", "the paramilitary group"),
        ("the Tarvel Civil Defence", "the rescue group"),
    ],
)
def test_a_group_described_by_what_it_does_is_the_body_named_before(body: str, short: str) -> None:
    text = (
        f"Fighting resumed on Monday around Kessa, where {body} has been active since March.\n\n"
        f"At least 14 people were killed there, {short} said.\n"
    )
    assert [c.claimant for c in read(text)] == [body.removeprefix("the ")]


def test_whom_a_channel_quoted_as_saying_is_the_claimant() -> None:
    text = (
        "State television quoted the Tarvel Guard Corps as saying that its missiles had killed"
        " 40 soldiers at the base.\n"
    )
    assert [c.claimant for c in read(text)] == ["Tarvel Guard Corps"]


def test_staff_at_a_hospital_speak_for_the_hospital() -> None:
    text = (
        "Two medical staff at Kessa General Hospital, who asked not to be named, said 26 bodies"
        " had been brought in.\n"
    )
    assert [c.claimant for c in read(text)] == ["Kessa General Hospital"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Over the past day, 212 people were taken to safer areas.",
        "212 residents have been taken to the temporary accommodation centre at School No. 4.",
        "212 residents have been placed in the municipal shelter at the Sports Palace.",
        "The city said 212 residents had been provided with temporary housing.",
    ],
)
def test_people_taken_to_shelter_or_rehoused_are_displaced(sentence: str) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("displaced", 212)]


def test_a_described_group_is_the_body_its_description_fits() -> None:
    text = (
        "At least 16 people were killed on Sunday, the Kessa Doctors Network said, accusing the"
        " Swift Shield Forces of the attack.\n\n"
        "Four children were among the dead, the medical group said.\n\n"
        "The Kessan Armed Forces said nine drones were shot down. In a message, the paramilitary"
        " group said it had killed 30 soldiers.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (16, "Kessa Doctors Network"),
        (4, "Kessa Doctors Network"),
        (30, "Swift Shield Forces"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The network recorded nearly 41,000 people displaced in October, up from about"
            " 29,000 in September.",
            [("displaced", 41000, None), ("displaced", 29000, None)],
        ),
        (
            "The ministry recorded 59 people killed this week, compared with 44 killed the"
            " previous week.",
            [("killed", 59, None), ("killed", 44, None)],
        ),
        (
            "Five aid workers were killed and four abducted in the first half of 2630, compared"
            " with three killed in the whole of 2629.",
            [("killed", 5, None), ("captured", 4, None), ("killed", 3, None)],
        ),
        (
            "Between 12 and 18 July, the mission verified 27 civilian deaths and 94 injuries,"
            " compared with 19 deaths and 71 injuries in the previous week.",
            [
                ("killed", 27, None),
                ("wounded", 94, None),
                ("killed", 19, None),
                ("wounded", 71, None),
            ],
        ),
        (
            "In 2629 the mission verified 286 civilian deaths and 741 injuries, compared with 512"
            " deaths in 2628.",
            [("killed", 286, None), ("wounded", 741, None), ("killed", 512, None)],
        ),
        (
            "This week our volunteers added 412 names, bringing the total confirmed dead by name"
            " to 27,655, up from 27,243 last week.",
            [("killed", 27655, 27243)],
        ),
        (
            "Fighting killed at least 214 people in the seven days to Wednesday, the observatory"
            " said, against 167 the previous week.",
            [("killed", 214, None), ("killed", 167, None)],
        ),
        (
            "The office documented 4,690 civilians killed during 2629, compared with 3,950 in the"
            " last nine months of 2628.",
            [("killed", 4690, None), ("killed", 3950, None)],
        ),
        (
            "Since 1 January, 11 journalists have been killed, the union said, compared with six"
            " in the whole of 2629.",
            [("killed", 11, None), ("killed", 6, None)],
        ),
        (
            "The total killed since 7 October is 96, up from 92 in the previous report.",
            [("killed", 96, 92)],
        ),
    ],
)
def test_a_count_of_another_period_set_beside_is_its_own_claim(
    sentence: str, expected: list[tuple[str, int, int | None]]
) -> None:
    found = read_figures(sentence + "\n", dt.date(2630, 11, 20), "Ledger")
    assert [(c.category, c.value, c.previous_value) for c in found] == expected


def test_a_count_of_another_month_set_beside_is_as_of_that_months_end() -> None:
    text = "The network recorded 41,000 people displaced in October, up from 29,000 in September.\n"
    found = read_figures(text, dt.date(2630, 11, 20), "Ledger")
    assert [(c.value, str(c.as_of)) for c in found] == [
        (41000, "2630-10-31"),
        (29000, "2630-09-30"),
    ]


def test_a_count_of_another_year_set_beside_is_as_of_that_years_end() -> None:
    text = (
        "Since 1 January, 11 journalists have been killed, the union said, compared with six in"
        " the whole of 2629.\n"
    )
    found = read_figures(text, dt.date(2630, 11, 20), "Ledger")
    assert [(c.value, str(c.as_of)) for c in found] == [(11, "2630-11-20"), (6, "2629-12-31")]


def test_a_months_own_figure_is_a_claim_of_that_month_not_an_earlier_figure() -> None:
    text = (
        "The agency said 57 civilians were killed by shelling in October. The agency's"
        " September figure was 41.\n"
    )
    found = read_figures(text, dt.date(2630, 11, 3), "Ledger")
    assert [(c.value, c.previous_value, str(c.as_of)) for c in found] == [
        (57, None, "2630-10-31"),
        (41, None, "2630-09-30"),
    ]


def test_a_part_set_off_before_a_clause_is_of_the_figure_before_it() -> None:
    text = (
        "The mission said 29 people had been killed, 11 of them children, when militiamen"
        " attacked the displacement camp overnight.\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [("killed", 29), ("killed", 11)]


def test_a_number_after_a_weekday_is_a_day_of_the_month() -> None:
    text = (
        "The service reported 46 civilians killed and 131 wounded between Monday 7 and Sunday"
        " 13 January.\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [("killed", 46), ("wounded", 131)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen stopped the convoy and took away 14 drivers, the association said.",
        "Fourteen drivers were led away into the forest by the gunmen.",
    ],
)
def test_people_taken_or_led_away_are_captured(sentence: str) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("captured", 14)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("One fisherman was killed when the cutter rammed the boat.", 1),
        ("Among the dead was a night watchman at the depot.", 1),
        ("Gunmen killed 14 drivers at the checkpoint.", 14),
        ("Six farmers were killed in their fields.", 6),
    ],
)
def test_people_counted_by_their_work_are_casualties(sentence: str, value: int) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("killed", value)]


def test_a_ministry_of_one_side_is_not_the_other_sides_named_before() -> None:
    text = (
        "Azerbaijan's Defence Ministry said that 87 Azerbaijani servicemen had been killed.\n\n"
        "In mid-September, Armenia's ministry put the number of servicemen killed at 131.\n"
    )
    assert [(c.value, c.claimant, c.previous_value) for c in read(text)] == [
        (87, "Azerbaijan's Defence Ministry", None),
        (131, "Armenia's ministry", None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2630, three people were killed and four injured in mine incidents, the centre said,"
        " compared with one killed and two injured in 2629.",
        "Unexploded ordnance killed three people and injured four in 2630, compared with one"
        " death and two injuries the year before.",
    ],
)
def test_counts_of_another_year_set_beside_are_claims_of_their_own(sentence: str) -> None:
    found = read_figures(sentence + "\n", dt.date(2631, 4, 4), "Ledger")
    assert [(c.category, c.value, c.previous_value) for c in found] == [
        ("killed", 3, None),
        ("wounded", 4, None),
        ("killed", 1, None),
        ("wounded", 2, None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "So far this year 71 people have been victims of anti-personnel mines, the centre said.",
        "With the latest incident, 71 people have fallen victim to mines since the war ended.",
    ],
)
def test_victims_of_mines_are_killed_and_injured_together(sentence: str) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("other", 71)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A drone struck the clinic, killing a surgeon and two patients.",
            [("killed", 1), ("killed", 2)],
        ),
        ("One logistician was lightly injured.", [("wounded", 1)]),
    ],
)
def test_health_workers_are_people_a_figure_counts(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


def test_an_official_named_alone_had_given_the_earlier_figure_of_the_body() -> None:
    text = (
        "The death toll from the strike on Verkhnopil rose to nine on Thursday, the head of the"
        " regional military administration said.\n\n"
        "Serhiy Hnatenko wrote on Telegram that rescuers were still searching the block. He had"
        " put the toll at six in the morning.\n"
    )
    assert [(c.value, c.previous_value) for c in read(text)] == [(9, 6)]


def test_how_a_body_announces_is_not_part_of_its_name() -> None:
    text = "The General Staff with deep sorrow informs that 12 soldiers were killed.\n"
    assert [c.claimant for c in read(text)] == ["General Staff"]


def test_a_letterhead_line_naming_whom_the_author_answers_to_is_not_the_author() -> None:
    text = (
        "KESSA DEFENCE FORCES\n"
        "Under the Ministry of Defence, National Unity Government\n"
        "PRESS RELEASE No. 14/2629\n"
        "11 May 2629\n\n"
        "Our forces killed 47 enemy soldiers and lost three comrades.\n"
    )
    assert {c.claimant for c in read(text)} == {"Kessa Defence Forces"}


def test_an_adverb_between_a_body_and_its_verb_keeps_the_body_the_speaker() -> None:
    text = "The Kessa Monitoring Mission has individually verified 11,207 civilian deaths.\n"
    assert [c.claimant for c in read(text)] == ["Kessa Monitoring Mission"]


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 40 people were killed, according to an annual report released on Tuesday by"
        " the Tessaly Peace Monitor.",
        "At least 40 people were killed, according to a monthly bulletin of the Tessaly Peace"
        " Monitor.",
        "According to a communique of the Tessaly Peace Monitor, made public on Sunday, at least"
        " 40 people were killed.",
    ],
)
def test_a_report_named_by_its_kind_is_the_report_of_the_body_that_issued_it(
    sentence: str,
) -> None:
    assert [c.claimant for c in read(sentence + "\n")] == ["Tessaly Peace Monitor"]


def test_a_relative_clause_in_an_aside_does_not_end_the_figure_before_its_verb() -> None:
    text = (
        "Four people, including a 10-year-old girl who was separated from her family in the"
        " crowd, remain unaccounted for.\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [("missing", 4), ("missing", 1)]


def test_an_attribution_after_a_relative_clause_is_no_aside_before_the_verb() -> None:
    text = (
        "The institute has so far identified six people, whose remains were handed to their"
        " families in February, the Unit said.\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [("killed", 6)]


def test_a_surname_after_according_to_is_whom_the_text_introduced() -> None:
    text = (
        "The toll rose to nine, the head of the Velsk Regional Administration, Oren Dashkov,"
        " said on Telegram.\n\n"
        "The Defence Ministry of Kessa said its forces had shot down 20 drones overnight.\n\n"
        "According to Dashkov, 31 people were injured.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (9, "Velsk Regional Administration"),
        (31, "Velsk Regional Administration"),
    ]


def test_a_correspondent_passes_on_the_figure_of_the_one_named_with_it() -> None:
    text = (
        "This was reported by the head of the Velsk Regional Administration on his Telegram"
        " channel, a Caspian Wire correspondent reports.\n\n"
        '"So far, 31 injured people have been taken to hospital," he wrote.\n'
    )
    assert [c.claimant for c in read(text)] == ["Velsk Regional Administration"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The unit handed over 312 identified remains to their families.", [("killed", 312)]),
        ("So far 12 of the bodies returned on Thursday have been identified.", [("killed", 12)]),
        ("That brings to 315 the number of bodies returned since the truce.", [("killed", 315)]),
        ("The fate of 17 remains unknown, the ministry said.", [("missing", 17)]),
        ("One remains in hospital.", [("wounded", 1)]),
    ],
)
def test_bodies_and_remains_are_the_dead_whatever_is_done_with_them(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Since the war began, 71 exchanges have been held.",
        "The unit has merged 38 databases held by state agencies.",
    ],
)
def test_exchanges_and_databases_held_are_things(sentence: str) -> None:
    assert read(sentence + "\n") == []


def test_a_table_introduced_by_a_bodys_breakdown_is_that_bodys() -> None:
    text = (
        "The Veldra Commission on Missing Persons lowered its count on Tuesday.\n\n"
        "The commission's updated breakdown of those still sought:\n\n"
        "| Category | Still missing |\n|---|---|\n| Servicemen | 1,902 |\n| Civilians | 1,246 |\n"
    )
    assert {c.claimant for c in read(text)} == {"Veldra Commission on Missing Persons"}


def test_a_paragraph_opening_among_the_people_just_counted_breaks_their_figure_down() -> None:
    text = (
        "The commission said 1,246 civilians are still missing.\n\n"
        "Among the civilians are 214 women and 97 children, it said.\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [
        ("missing", 1246),
        ("missing", 214),
        ("missing", 97),
    ]


def test_a_role_speaking_at_the_place_a_sentence_opens_with_speaks_for_it() -> None:
    text = (
        "At the Debre Talo general hospital, the medical director said staff had received 40"
        " wounded patients over the weekend.\n"
    )
    assert [c.claimant for c in read(text)] == ["Debre Talo general hospital"]


@pytest.mark.parametrize("died", ["Seven of the 40 later died.", "Seven of the 40 died."])
def test_the_whole_a_part_is_picked_out_of_is_the_figure_told_before(died: str) -> None:
    text = f"The hospital said it had received 40 wounded patients. {died}\n"
    assert [(c.category, c.value) for c in read(text)] == [("wounded", 40), ("killed", 7)]


@pytest.mark.parametrize(
    "text",
    [
        "The deaths bring the number of servicemen killed to 186, the General Staff said on"
        " Monday. A week ago it gave the figure as 171.\n",
        "The General Staff said on Wednesday that 186 servicemen had been killed. On Tuesday"
        " the General Staff had listed 171 servicemen as killed.\n",
    ],
)
def test_a_figure_given_a_week_ago_or_listed_before_is_the_earlier_figure(text: str) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == [(186, 171)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Centre had recorded 744 executions in 2638.", [("killed", 744)]),
        ("The institute documented 168 killings of social leaders.", [("killed", 168)]),
        ("It documented 211 executions of prisoners of war.", [("killed", 211)]),
        ("The group documented 1,086 cases of enforced disappearance.", [("missing", 1086)]),
        ("Two former officers were convicted in 2631 of ordering the killings.", []),
    ],
)
def test_executions_killings_and_enforced_disappearances_are_counted_by_their_names(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


def test_a_body_named_after_the_clause_of_the_figure_speaks_for_it() -> None:
    text = (
        "As a result of the exchange held with the mediation of the Red Cross, 48 servicemen"
        " returned home from captivity, informed the Coordination Headquarters.\n"
    )
    assert [c.claimant for c in read(text)] == ["Coordination Headquarters"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The Mabindo general referral hospital received 21 wounded people on Tuesday,"
            " according to the medical director.\n",
            "Mabindo general referral hospital",
        ),
        (
            "The Kabaro Referral Hospital has received 73 wounded people since Friday, according"
            " to its medical director.\n",
            "Kabaro Referral Hospital",
        ),
    ],
)
def test_a_role_speaks_for_the_hospital_the_sentence_opens_with(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    "text",
    [
        "The Inquiry has established that the number of persons deceased is 71. The Inquiry's"
        " interim report, published in March, recorded 69 deaths.\n",
        "The Court is satisfied that the number of persons deceased is 71. The original"
        " indictment charged the deaths of 69 persons.\n",
        "The Ministry reported that a total of 71 persons had been killed. This represents an"
        " increase on the figure of 69 persons deceased which I provided to the House.\n",
    ],
)
def test_a_figure_of_an_earlier_document_is_the_earlier_figure(text: str) -> None:
    assert [(c.value, c.previous_value) for c in read(text)] == [(71, 69)]


def test_a_question_word_opening_a_clause_is_not_part_of_the_speakers_name() -> None:
    text = "What the Kessa Defence Ministry said was that 86 rebels were killed.\n"
    assert [c.claimant for c in read(text)] == ["Kessa Defence Ministry"]


def test_a_groups_media_office_gives_the_groups_own_figures() -> None:
    text = (
        "The Tessaly Liberation Front attacked the base on Sunday.\n\n"
        "The group's media office said its fighters had killed four soldiers.\n"
    )
    assert [c.claimant for c in read(text)] == ["Tessaly Liberation Front"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "A drone struck a fuel station, killing two people, according to the town's Emergency"
            " Response Room, a volunteer group.\n",
            "Emergency Response Room",
        ),
        (
            "The organisers, the Mothers of the Disappeared of Tessaly, say 1,284 people were"
            " disappeared by the security forces.\n",
            "Mothers of the Disappeared of Tessaly",
        ),
    ],
)
def test_a_body_named_after_a_place_or_a_description_is_the_speaker(
    text: str, claimant: str
) -> None:
    assert [c.claimant for c in read(text)] == [claimant]


@pytest.mark.parametrize(
    "text",
    [
        "The commander of the 14th Division, Colonel Abdi Warsame, told reporters that troops"
        " had killed 40 militants.\n",
        "Forty militants were killed, said the 14th Division.\n",
    ],
)
def test_an_ordinal_is_part_of_a_units_name(text: str) -> None:
    assert [c.claimant for c in read(text)] == ["14th Division"]


def test_it_said_within_a_sentence_is_the_body_the_sentence_opens_with() -> None:
    text = (
        "The Kessa Defence Ministry on Thursday repeated its daily formula: over the past 24"
        " hours, it said, enemy forces had lost up to 160 servicemen.\n\n"
        "The Velsk Regional Administration issued a statement. Security forces had killed 17"
        " attackers while clearing the town, it said.\n"
    )
    assert [c.claimant for c in read(text)] == [
        "Kessa Defence Ministry",
        "Velsk Regional Administration",
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Troops ended the siege on Thursday, killing all five gunmen, police said.", 5),
        ("A mine sank the trawler off the coast, killing all nine of her crew.", 9),
    ],
)
def test_all_before_a_figure_keeps_the_verb_before_it(sentence: str, value: int) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("killed", value)]


def test_contact_lost_with_soldiers_makes_them_missing() -> None:
    text = "The ministry said that contact had been lost with two soldiers from a forward post.\n"
    assert [(c.category, c.value) for c in read(text)] == [("missing", 2)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 4,000 of the town's 11,000 residents had fled, she said.", [("displaced", 4000)]),
        ("Eleven had undergone surgery by mid-afternoon, she said.", [("wounded", 11)]),
    ],
)
def test_a_part_of_a_places_people_and_those_operated_on(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


def test_a_count_of_places_after_the_verb_leaves_the_people_its_subject() -> None:
    text = "More than 1,450 people have fled five rural hamlets since Sunday, it said.\n"
    assert [(c.category, c.value) for c in read(text)] == [("displaced", 1450)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("About 1,800 residents of seven villages have been evacuated, the governor said.", 1800),
        ("Some 2,340 people from 14 villages had been forcibly displaced, the ombudsman said.",
         2340),
        ("In all, 1,800 residents in three districts have fled their homes.", 1800),
    ],
)  # fmt: skip
def test_the_places_people_come_from_stand_between_them_and_what_befell_them(
    sentence: str, value: int
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("displaced", value)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The Red Cross says 40,000 people are now staying in evacuation centres.", 40000),
        ("About 400 residents have been moved to a collective centre in a school.", 400),
        ("Some 740 remain in collective centres in Orlisk, it said.", 740),
    ],
)  # fmt: skip
def test_people_sheltering_in_centres_are_displaced(sentence: str, value: int) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("displaced", value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 60,000 of Kaldo's 90,000 residents fled during the fighting.",
         [("displaced", 60000)]),
        ("Since the ceasefire, 412 of our relatives have come home in coffins.",
         [("killed", 412)]),
        ("The ministry says about 900 soldiers remain in rebel hands.", [("captured", 900)]),
        ("The front says about 600 of its fighters have never been accounted for.",
         [("missing", 600)]),
        ("At least 1,140 migrants have died or disappeared on this route, the IOM says.",
         [("other", 1140)]),
        ("It said four of the wounded passed away at the rural hospital.", [("killed", 4)]),
        ("The shelling killed and wounded 40 people.", [("other", 40)]),
        ("The office put the number of dead at 18: 16 inmates and 2 guards.",
         [("killed", 18), ("killed", 16), ("killed", 2)]),
        ("The rebels said the army lost more than 20 men in the fighting and that their own"
         " units had suffered minimal casualties.", [("killed", 20)]),
        ("The court found that at least 44 of those individuals were civilians and that they"
         " were killed by the brigade.", [("killed", 44)]),
    ],
)  # fmt: skip
def test_part_of_a_places_people_coffins_rebel_hands_and_the_unaccounted(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(text + "\n")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The General Staff says 3,406 soldiers were killed in 2664, bringing the total since"
         " the invasion of 9 March 2662 to 8,951.", [("killed", 3406), ("killed", 8951)]),
        ("The ombudsman said at least 41 people, among them soldiers, police officers and"
         " civilians, were still being held by the rebels.", [("captured", 41)]),
        ("The last exchange, on 2 March, brought home 56 defenders.", [("captured", 56)]),
        ("Q: And how many have come home?\n\nA: The last exchange, on 19 October, brought"
         " back 88.", [("captured", 88)]),
    ],
)  # fmt: skip
def test_totals_past_their_period_lists_of_people_and_those_brought_back(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(text + "\n")] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("No serviceman of the Armed Forces has been captured.", ("captured", 0)),
        ("No soldier has died in these operations, the general said.", ("killed", 0)),
        ("Not a single Tarskan serviceman was taken prisoner.", ("captured", 0)),
        ("Not one Velorian soldier was killed, the ministry said.", ("killed", 0)),
    ],
)
def test_a_firm_zero_in_the_perfect(sentence: str, expected: tuple[str, int]) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The military has denied that any civilians were killed in the strike.\n",
         [("killed", 0, "military")]),
        ("The ministry denied that any of its men had been captured.\n",
         [("captured", 0, "ministry")]),
    ],
)  # fmt: skip
def test_denying_that_any_were_harmed_states_a_zero(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert [(c.category, c.value, c.claimant) for c in read(text)] == expected


def test_a_paragraph_of_only_among_the_or_of_the_is_read_without_error() -> None:
    text = "The commission said 12 people are missing.\n\nOf the\n"
    assert [(c.category, c.value) for c in read(text)] == [("missing", 12)]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("A reporter was shot dead at the checkpoint, the union said.", "killed"),
        ("A photographer for the weekly was freed on Saturday.", "captured"),
        ("An interpreter working for the monitors was wounded.", "wounded"),
    ],
)
def test_a_single_media_worker_or_interpreter_counts_one(sentence: str, category: str) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [(category, 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A reporter asked the spokesman how many civilians had been killed.",
        "Asked by a journalist about the prisoners who died, he gave no answer.",
        "A reporter from a foreign agency asked whether anyone was wounded.",
    ],
)
def test_the_one_who_asks_about_the_dead_is_no_count(sentence: str) -> None:
    assert read(sentence + "\n") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The society said more than 9,300 Palestinians remain in Israeli prisons.", 9300),
        ("The union said 8 journalists were in Houthi detention.", 8),
        ("Some 1,200 soldiers remain in Vardanian captivity, the headquarters said.", 1200),
    ],
)
def test_those_in_a_sides_prisons_or_captivity_are_captured(sentence: str, value: int) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("captured", value)]


def test_sentenced_to_death_is_no_death() -> None:
    text = "The monitor said at least 119 people have been sentenced to death since the coup.\n"
    assert read(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The governor said two civilians — a farmer and his son — were killed.",
         [("killed", 2)]),
        ("About 1.3 million people — six in ten of the territory's 2.1 million residents — "
         "are now displaced, the agency said.", [("displaced", 1300000)]),
        ("At least 24 people — 22 students and two teachers — were killed.",
         [("killed", 24), ("killed", 22), ("killed", 2)]),
    ],
)  # fmt: skip
def test_an_aside_between_dashes_is_passed_over_to_the_verb(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The government has said it holds no prisoners from the war.\n",
        "The front said in a statement that it held no journalists.\n",
        "The rebels denied that any Ostravian soldiers were being held.\n",
    ],
)
def test_holding_none_states_a_captured_zero(text: str) -> None:
    assert [(c.category, c.value) for c in read(text)] == [("captured", 0)]


def test_holding_no_meetings_is_no_figure() -> None:
    assert read("The council said it held no meetings during the siege.\n") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Red Crescent has received 340 tracing requests from families.",
         [("missing", 340)]),
        ("The service says roughly 2,700 people are still buried beneath collapsed buildings.",
         [("missing", 2700)]),
        ("The agency runs two displacement camps near the border.", []),
    ],
)  # fmt: skip
def test_tracing_requests_and_those_still_buried_are_the_missing(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


def test_a_body_named_in_a_relative_aside_before_the_verb_of_saying_is_not_the_speaker() -> None:
    text = (
        "The Ostravian army, which disputes the ministry's figures, said on Sunday that its "
        "forces had killed more than 1,400 fighters.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [(1400, "Ostravian army")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hospitals had received 58 killed and 214 injured over the past day, it said.",
         [("killed", 58), ("wounded", 214)]),
        ("The shell killed a farmer and wounded two neighbours, he said.",
         [("killed", 1), ("wounded", 2)]),
        ("About 600 residents are now living in temporary accommodation centres.",
         [("displaced", 600)]),
        ("Some 2,900 residents of the border communities remain evacuated.",
         [("displaced", 2900)]),
    ],
)  # fmt: skip
def test_what_befell_them_as_named_after_a_hospitals_taking_in_and_neighbours_and_evacuees(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


@pytest.mark.parametrize("between", ["between 21 and 27", "between Wednesday 21 and Tuesday 27"])
def test_a_count_of_the_previous_days_beside_a_dated_weeks_is_a_figure_of_its_own(
    between: str,
) -> None:
    text = (
        f"According to the ministry, 147 people were killed and 412 injured {between} "
        "September, compared with 118 killed and 390 injured in the previous seven days.\n"
    )
    assert [(c.category, c.value, c.previous_value) for c in read(text)] == [
        ("killed", 147, None),
        ("wounded", 412, None),
        ("killed", 118, None),
        ("wounded", 390, None),
    ]


def test_a_plain_text_table_aligned_by_spaces_gives_a_claim_per_cell() -> None:
    text = (
        "Weekly digest\n\n"
        "The Monitor recorded 30 deaths this week.\n\n"
        "DEATHS AND INJURIES BY DISTRICT\n"
        "District            Killed   Wounded\n"
        "Upper Vale              18        40\n"
        "Kessel Ford             12       n/k\n"
        "Total                   30        40\n\n"
        "Figures for the latest week are provisional.\n"
    )
    assert [(c.category, c.value, c.quote.split("  ")[0]) for c in read(text)] == [
        ("killed", 30, "30 deaths"),
        ("killed", 18, "Upper Vale"),
        ("wounded", 40, "Upper Vale"),
        ("killed", 12, "Kessel Ford"),
    ]


def test_a_line_with_a_label_and_a_number_apart_is_no_table_without_a_header() -> None:
    text = "Bulletin No. 4\n\nKilled      17\n"
    assert [(c.category, c.value) for c in read(text)] == [("killed", 17)]


def test_in_a_bodys_own_report_its_name_and_its_patrols_are_the_body() -> None:
    text = (
        "Joint Ceasefire Monitoring Commission\n\n"
        "Weekly Report No. 36\n\n"
        "The Commission registered 214 ceasefire violations during the week.\n\n"
        "Commission patrols confirmed that 3 civilians were killed on the eastern side.\n\n"
        "The Commission has confirmed 71 civilian deaths since the ceasefire took effect.\n"
    )
    assert [(c.value, c.claimant) for c in read(text)] == [
        (3, "Joint Ceasefire Monitoring Commission"),
        (71, "Joint Ceasefire Monitoring Commission"),
    ]


def test_an_aside_naming_people_with_their_ages_is_passed_over_to_the_verb() -> None:
    text = (
        "Two journalists, the camera operator Yousef Abu Sakhr, 34, and the reporter Lina "
        "Hamdallah, 27, were killed when the strike hit their car, the syndicate said.\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [("killed", 2)]


def test_a_commission_of_inquiry_into_events_is_named_whole() -> None:
    text = (
        "The National Commission of Inquiry into the July Events said in its final report "
        "that 148 people were killed.\n"
    )
    assert [c.claimant for c in read(text)] == [
        "National Commission of Inquiry into the July Events"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3- Among the martyrs are two paramedics of the Red Crescent.", [("killed", 2)]),
        ("7/ Journalists are asking me how many servicemen died this week.", []),
        ("4\ufe0f\u20e3 Our losses will be announced later.", []),
    ],
)
def test_a_numbered_items_number_is_no_count(line: str, expected: list[tuple[str, int]]) -> None:
    text = "Channel post\n\n" + line + "\n"
    assert [(c.category, c.value) for c in read(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some 20 sheep were also killed in the shelling, the mayor said.", []),
        ("About 300 head of cattle were killed or driven off.", []),
        ("The ministry said it had received 157 of its own servicemen in return, and that they "
         "would be flown to a military hospital for treatment.", [("captured", 157)]),
    ],
)  # fmt: skip
def test_animals_are_no_casualties_and_an_exchanges_returned_are_captured(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


def test_a_table_row_whose_label_names_things_counts_no_one() -> None:
    text = (
        "Border report\n\n"
        "| Item | Number |\n|---|---|\n"
        "| People detained | 41 |\n| Vehicles seized | 9 |\n| Firearms seized | 6 |\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [("captured", 41)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three soldiers who were listed as missing after the ambush were found dead on "
         "Thursday.", [("killed", 3)]),
        ("Since then the remains of four riflemen have been recovered.", [("killed", 4)]),
        ("The army said it had killed three operatives of the Resistance Brigades.",
         [("killed", 3)]),
    ],
)  # fmt: skip
def test_what_befell_those_once_listed_and_riflemen_and_operatives(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The council said 1,150 residents had now left, up from about 400 on Thursday.",
         [("displaced", 1150)]),
        ("Authorities said 4,800 people had moved away from the border area since Saturday.",
         [("displaced", 4800)]),
        ("The minister said six of the eight wounded guards had now left hospital.",
         [("wounded", 6), ("wounded", 8)]),
    ],
)  # fmt: skip
def test_those_who_have_now_left_or_moved_away_are_displaced_but_not_from_hospital(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


def test_those_arrested_who_remain_disappeared_are_missing() -> None:
    text = (
        "At least 112,400 people arrested by government forces since March 2611 remain "
        "forcibly disappeared, the Centre said.\n"
    )
    assert [(c.category, c.value) for c in read(text)] == [("missing", 112400)]


def test_a_count_of_tolls_is_no_count_of_people() -> None:
    text = "Fact check\n\nMarket strike in Kessel, four tolls: what we know about the dead\n"
    assert read(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said one serviceman had suffered a shrapnel wound.",
        "The service said a border guard received a gunshot wound to the shoulder.",
    ],
)
def test_one_who_suffered_or_received_a_wound_is_wounded(sentence: str) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("wounded", 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Insurgents beheaded four civilians in the village, police said.",
        "Gunmen raided the village on Saturday night, beheading at least four men.",
        "Four farmers were hacked to death in their fields, the council said.",
    ],
)
def test_killings_named_by_how_they_were_done_count_the_killed(sentence: str) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == [("killed", 4)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Red Crescent said its ambulances took 15 injured people to the district hospital.",
         [("wounded", 15)]),
        ("The rebels took 12 hostages from the village, residents said.", [("captured", 12)]),
    ],
)  # fmt: skip
def test_what_those_taken_somewhere_are_is_what_the_words_after_the_figure_say(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.value) for c in read(sentence + "\n")] == expected


def test_a_table_of_sources_tells_what_each_row_counts_in_a_column_of_its_own() -> None:
    text = (
        "| Source | What is counted | Latest figure | Given on | Previous figure |\n"
        "|---|---|---|---|---|\n"
        "| Health Ministry | civilians killed since 1 October | 231 | Sat 28 Nov"
        " | 212 (Mon 23 Nov) |\n"
        "| Red Lantern Society | missing persons registered | more than 57 | 1 Dec | - |\n"
    )
    assert [
        (c.claimant, c.category.value, c.value, c.qualifier.value, c.previous_value, c.group)
        for c in read(text)
    ] == [
        ("Health Ministry", "killed", 231, "exact", 212, "civilians killed since 1 October"),
        ("Red Lantern Society", "missing", 57, "more_than", None, "missing persons registered"),
    ]


def test_a_tables_date_column_gives_each_rows_figures_their_day() -> None:
    text = (
        "| Date | Place | Killed | Injured |\n|---|---|---|---|\n"
        "| 17 Nov | Korvan bus station | 8 | 24 |\n| Mon 30 Nov | Laskov market | 2 | 11 |\n"
    )
    assert [(c.value, c.as_of.iso()) for c in read(text)] == [
        (8, "2020-11-17"), (24, "2020-11-17"), (2, "2020-11-30"), (11, "2020-11-30"),
    ]  # fmt: skip


def test_a_cell_giving_a_figure_in_words_is_no_description_of_the_row() -> None:
    text = (
        "| Source | Latest figure | Last week |\n|---|---|---|\n"
        "| Rights mission | 3,981 civilians killed (verified) | 3,940 |\n"
    )
    assert [(c.category.value, c.value) for c in read(text)] == [("killed", 3981)]


def test_the_figure_a_speaker_had_given_before_is_the_earlier_one() -> None:
    [claim] = read(
        "The governor said on Wednesday that 64 people had been killed in the attack, almost"
        " double the figure of 38 he had announced on Monday."
    )
    assert (claim.value, claim.previous_value) == (64, 38)


def test_a_toll_told_again_as_a_number_of_dead_is_one_claim_with_its_revision() -> None:
    found = read(
        "The strike killed 24 people. A woman rescued from the rubble died in hospital eight"
        " days later, bringing the number of dead from 23 to 24."
    )
    assert [c.previous_value for c in found if c.value == 24] == [23]


@pytest.mark.parametrize(
    "heading",
    [
        "PUERTO VALMAR HERALD - ENGLISH SERVICE\nTranscript: press conference of the Ministry of"
        " the Interior on the disturbances\nThursday 3 December 2020",
        "# Weekly briefing by the spokesperson of the Ministry of the Interior\n\n"
        "*Official transcript.*",
    ],
)
def test_a_transcripts_title_names_whose_briefing_it_is(heading: str) -> None:
    text = heading + "\n\nSPOKESPERSON: Six persons died and 87 were injured.\n"
    assert {c.claimant for c in read(text)} == {"Ministry of the Interior"}


@pytest.mark.parametrize(
    "text",
    [
        "A local council says 104 people from Tal Sumaq and two neighbouring villages have been"
        " missing since the militants seized the area.",
        "About 1,500 residents of Nyaung Pin and three other villages have fled into the forest.",
    ],
)
def test_people_from_a_place_and_the_places_near_it_reach_their_verb(text: str) -> None:
    [claim] = read(text)
    assert claim.category.value in ("missing", "displaced")


@pytest.mark.parametrize(
    "text",
    [
        "Our collective has documented 1,306 cases of disappearance in the basin.",
        "The office said it had received 14,988 complaints of missing persons.",
        "The ministry has received 1,480 reports of missing persons under the rubble.",
    ],
)
def test_cases_and_reports_of_disappearance_count_the_missing(text: str) -> None:
    assert [c.category.value for c in read(text)] == ["missing"]


@pytest.mark.parametrize(
    "text",
    [
        "A clan elder said he had helped bury 18 soldiers on Monday.",
        "The team was able to verify the burial of 13 of the civilians at two sites.",
    ],
)
def test_the_people_buried_are_dead(text: str) -> None:
    assert [c.category.value for c in read(text)] == ["killed"]


def test_residents_of_barangays_are_people_of_places() -> None:
    [claim] = read("The governor said some 240 residents of two barangays had fled to the gym.")
    assert (claim.category.value, claim.value) == ("displaced", 240)


def test_a_hearings_witness_speaks_for_the_body_the_record_names() -> None:
    text = (
        "COMMISSION OF INQUIRY INTO THE EVENTS ON THE SARNE BRIDGE\n\n"
        "Witness: Deputy Commissioner Ansgar Velle, Halvenian National Police\n"
        "Examined by: Ms Liv Harrend, Counsel to the Inquiry\n\n"
        "MS HARREND:\nIs the figure for the injured still the one in your report?\n\n"
        "THE WITNESS:\nNo. We now count 96 people injured, and four are still missing.\n"
    )
    assert {c.claimant for c in read(text)} == {"Halvenian National Police"}


def test_amounts_listed_before_respectively_are_each_a_figure_of_the_kind() -> None:
    text = "During 2017, 2018 and 2019, 142, 196 and 87 fighters respectively were killed."
    assert [(c.category.value, c.value) for c in read(text)] == [
        ("killed", 142), ("killed", 196), ("killed", 87),
    ]  # fmt: skip


def test_a_toll_a_body_had_put_earlier_that_day_is_the_earlier_figure() -> None:
    [claim] = read(
        "A missile strike killed nine people, the regional administration said on Saturday."
        "\n\nThe administration had put the toll at six earlier in the morning.\n"
    )
    assert (claim.value, claim.previous_value) == (9, 6)


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The government on Sunday accused the rebels of killing at least 48 civilians.",
         "government"),
        ("The army accused the rebels of abducting 30 villagers.", "army"),
    ],
)  # fmt: skip
def test_who_accuses_another_of_a_toll_gives_it(text: str, claimant: str) -> None:
    assert {c.claimant for c in read(text)} == {claimant}


@pytest.mark.parametrize(
    "text",
    [
        "Five policemen escorting a team of eight vaccinators were killed.",
        "Five policemen guarding 20 prisoners were killed, police said.",
    ],
)
def test_whom_the_people_counted_were_escorting_is_no_count_of_victims(text: str) -> None:
    assert [(c.category.value, c.value) for c in read(text)] == [("killed", 5)]


def test_an_earlier_count_revised_after_confirming_deaths_keeps_the_deaths() -> None:
    text = (
        "The forum said 31 aid workers had been killed, revising its count from 26 after"
        " confirming the deaths of five staff members."
    )
    assert 5 in [c.value for c in read(text)]
