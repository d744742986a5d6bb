"""Digests of posts: who posted the words under each post's heading."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.ingest.figures import read_figures
from rollbook.ingest.figures.attribution import cased
from rollbook.ingest.figures.posts import poster_at, posts

DIGEST = """HARROW VALE MONITORING DESK
Official channels digest | Friday, 14 March 2031

------------------------------------------------------------
OSTMARK REGIONAL ADMINISTRATION (head: Ilse Varga) | Telegram
------------------------------------------------------------

[06:12]
Attack on the region tonight. Preliminary: one person killed, six injured.

[08:47]
Update. The death toll has risen to two. We thank the rescuers.

------------------------------------------------------------
STATE EMERGENCY SERVICE OF OSTMARK | Facebook
------------------------------------------------------------

[10:05]
Rescuers recovered 3 bodies from the rubble of the building.

------------------------------------------------------------
DESK NOTE
------------------------------------------------------------
In all, 5 people were killed in the region overnight.
"""


@pytest.mark.parametrize(
    ("line", "poster"),
    [
        ("### Ministry of Health – Tarn (Telegram) · 10:15\n", "Ministry of Health, Tarn"),
        ("06:47 | Harrow Army Spokesperson (Telegram)\n", "Harrow Army Spokesperson"),
        ("**Free Highlands Front — official channel** · Thu 10 Apr, 21:14\n",
         "Free Highlands Front"),
        ("**11:02 — Ministry of Public Health (X)**\n", "Ministry of Public Health"),
        ("=== Mayor of Velmar, Teodor Brask (Facebook) ===\n", "Mayor of Velmar, Teodor Brask"),
        ("**@CalderBayPolice · Sun 19:52**\n", "Calder Bay Police"),
        (">> Harrow Civil Defence – X – 13:45\n", "Harrow Civil Defence"),
        ("Provincial rescue service, Facebook, 07:30:\n", "Provincial rescue service"),
        ("Navy of the Marrow Coast, Friday 16 Jan, 07:20\n", "Navy of the Marrow Coast"),
        ("[OC East, 07:12]\n", "OC East"),
        ("Ministry of Defence of Tarn @TarnMoD · Fri 14 Aug, 15:02 · quoting @HarrowMoD\n",
         "Ministry of Defence of Tarn"),
    ],
)  # fmt: skip
def test_a_posts_heading_names_its_poster(line: str, poster: str) -> None:
    text = f"{line}Two people were killed.\n\n{line}Three people were killed.\n"
    assert [p for _, p in posts(text)] == [poster, poster]


def test_a_handle_goes_by_the_name_the_text_gave_it() -> None:
    text = (
        "Posts from the official channels of the Tarsenian Emergency Rescue Service "
        "(@TarseniaRescue), the governor of Lower Orhel region (@Gov_LowerOrhel) and the "
        "Vordic Ministry of Defence (@VordMoD).\n\n"
        "@TarseniaRescue, 07:00\nFour dead.\n\n@Gov_LowerOrhel, 08:10\nFive dead.\n\n"
        "@VordMoD, 16:02\nTwelve destroyed.\n\n@CalderBayPolice, 17:00\nOne dead.\n"
    )
    assert [p for _, p in posts(text)] == [
        "Tarsenian Emergency Rescue Service",
        "Governor of Lower Orhel region",
        "Vordic Ministry of Defence",
        "Calder Bay Police",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Share | Facebook | X\nTwo people were killed.\nShare | Facebook | X\n",
        "Watch the special tonight on channel 24 and on the app.\nTwo were killed.\n",
        "_Corbeny · posts of Saturday · channel administered by the hospital press office_\n",
        "### Ministry of Health (Telegram) · 10:15\nTwo people were killed.\n",  # one post alone
        "Time/date: 18 Jun, 07:20\nTwo were killed.\nTime/date: 18 Jun, 10:05\nOne died.\n",
        "Saturday 2 August, 10:05 - Update\nTwo were killed.\n"
        "Saturday 2 August, 13:20 - Correction\nOne died.\n",  # a page's titles, no posters
    ],
)
def test_lines_that_are_no_posts_headings(text: str) -> None:
    assert posts(text) == []


def test_the_desks_note_ends_the_posts() -> None:
    found = posts(DIGEST)
    assert [p for _, p in found] == [
        "Ostmark Regional Administration",
        "State Emergency Service of Ostmark",
        None,
    ]
    assert (
        poster_at(found, DIGEST.index("Rescuers recovered")) == "State Emergency Service of Ostmark"
    )
    assert poster_at(found, DIGEST.index("In all")) is None


def test_figures_under_a_post_are_the_posters() -> None:
    found = read_figures(DIGEST, dt.date(2031, 3, 14), "Harrow Vale Monitoring Desk")
    assert [(c.category.value, c.value, c.previous_value, c.claimant) for c in found] == [
        ("wounded", 6, None, "Ostmark Regional Administration"),
        ("killed", 2, 1, "Ostmark Regional Administration"),
        ("killed", 3, None, "State Emergency Service of Ostmark"),
        ("killed", 5, None, "Harrow Vale Monitoring Desk"),
    ]


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("MINISTRY OF DEFENCE", "Ministry of Defence"),
        ("UN PRESS STATEMENTS SERVICE", "UN Press Statements Service"),
        ("OCHA", "OCHA"),
        ("STAVOK CITY MAYOR Vira Hnatyshyn", "Stavok City Mayor Vira Hnatyshyn"),
        ("OCHA Tarn", "OCHA Tarn"),
    ],
)
def test_names_in_capitals_are_written_as_names(name: str, written: str) -> None:
    assert cased(name) == written


def test_a_heading_that_names_the_same_poster_again_is_that_posters() -> None:
    text = (
        "--- Ostmark Regional Administration (Telegram), 06:58\nTwo people were killed.\n\n"
        "--- Same channel, 09:41\nThe death toll has risen to 4.\n"
    )
    assert [p for _, p in posts(text)] == ["Ostmark Regional Administration"] * 2
