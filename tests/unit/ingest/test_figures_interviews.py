"""Interviews: the answers are the interviewee's, and the opening says whom they speak for."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.ingest.figures import read_figures
from rollbook.ingest.figures.interviews import interview, interviewee

OUTLET = "Harrow Review"


def read(text: str) -> list[tuple[str, int | None]]:
    found = read_figures(text, dt.date(2031, 3, 14), OUTLET)
    return [(c.claimant, c.value) for c in found]


BOLD_QUESTIONS = """# "We did not lose the pass": Colonel Ivo Tarrand on the battle for Skell

*The commander of the 9th Mountain Brigade talks to the Harrow Review about three weeks of
fighting.*

**What has it cost the brigade?**

Since 26 January we have had 31 men killed and 112 wounded.

**The Front says it has killed more than 400 of your soldiers.**

They multiply everything by four.

**And their losses?**

We have taken 46 prisoners, including four officers.

**Are there still civilians in Skell?**

About 600 people stayed. Two of them were killed by mortar fire on Friday.
"""


def test_answers_under_bold_questions_are_the_body_the_interviewee_commands() -> None:
    assert read(BOLD_QUESTIONS) == [
        ("9th Mountain Brigade", 31),
        ("9th Mountain Brigade", 112),
        ("Front", 400),
        ("9th Mountain Brigade", 46),
        ("9th Mountain Brigade", 4),
        ("9th Mountain Brigade", 2),
    ]


PLAIN_QUESTIONS = """Ombudsman's delegate: "Nobody should have to choose"

Mara Silvo-Reyes, regional delegate of the Ombudsman's Office, on the fighting on the river

We spoke to her by telephone.

How many people have had to leave their homes?

Since 14 February, 2,318 people have been displaced, according to our census.

Has anyone been killed?

Seven people have been killed in the basin this year.

And disappearances?

We have received reports of 11 people missing since January.
"""


def test_questions_that_are_only_lines_ending_in_a_question_mark() -> None:
    assert read(PLAIN_QUESTIONS) == [
        ("Ombudsman's Office", 2318),
        ("Ombudsman's Office", 7),
        ("Ombudsman's Office", 11),
    ]


TURNS = """RADIO NORTH - MORNING EDITION

PRESENTER: With us is Hamid Karrel, director of the Northland Red Crescent Society branch in
the east. Mr Karrel, what are your teams finding?

KARREL: Since Saturday our volunteers have buried 143 bodies.

PRESENTER: The ministry gave a figure of 89 dead. Why is your number higher?

KARREL: The ministry counts those who reach the hospital.

PRESENTER: And the wounded?

KARREL: We evacuated 61 wounded people on Sunday.
"""


def test_a_transcripts_guest_speaks_for_the_body_the_presenter_introduces() -> None:
    assert read(TURNS) == [
        ("Northland Red Crescent Society", 143),
        ("ministry", 89),
        ("Northland Red Crescent Society", 61),
    ]


LABELLED = """Q+A-Rebel spokesman says base fell

The Taung Hollow Army (THA), an armed group, said it captured a base on Tuesday. Its
spokesman, Khun Mya, spoke to us by phone.

Q: What happened?
A: About 70 soldiers surrendered to us and are now prisoners.

Q: And your own losses?
A: We lost 8 comrades, and 21 are injured.

The state radio said 12 villagers were killed in an air strike on Wednesday.
"""


def test_its_spokesman_speaks_for_the_body_named_before_and_only_in_the_answers() -> None:
    assert read(LABELLED) == [
        ("Taung Hollow Army (THA)", 70),
        ("Taung Hollow Army (THA)", 8),
        ("Taung Hollow Army (THA)", 21),
        ("state radio", 12),
    ]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Alhaji Musa Dangel, executive secretary of the Kadel State Emergency Management"
         " Agency (KSEMA), spoke to us.", "Kadel State Emergency Management Agency (KSEMA)"),
        ("We put five questions to Brig. Gen. Ramon Lagda, commander of the Northland Army's"
         " 609th Infantry Brigade.", "Northland Army's 609th Infantry Brigade"),
        ("A conversation with Ingrid Moyo, United Nations Resident and Humanitarian"
         " Coordinator in Rhovany. Recorded on 7 July.",
         "United Nations Resident and Humanitarian Coordinator in Rhovany"),
        ("# Mayor of Sirako: \"We have buried 19 persons\"\n\nOur correspondent reached the"
         " mayor, Mamadou Keita.", "Mayor of Sirako"),
        ("This week Tomas talks to Signe Aval, who manages Tessel camp for the Halmark Red"
         " Cross.", "Halmark Red Cross"),
        ("Elodie Fastin has run the aid group Lakay Help since 2019.", "Lakay Help"),
        ("UNICEF: 47 children killed this year\n\nIts representative answered our questions.",
         "UNICEF"),
        ("Gabriel Majok has run our river logistics in South Sedan for six years.", None),
    ],
)  # fmt: skip
def test_whom_the_opening_says_the_interviewee_speaks_for(
    opening: str, expected: str | None
) -> None:
    assert interviewee(opening + "\nWhat happened?") == expected


def test_an_explainer_whose_questions_no_one_is_introduced_to_answer_is_the_outlets() -> None:
    text = (
        "What we know about the attack\n\nWhat happened?\n\nA shell hit the market.\n\n"
        "How many were killed?\n\nAt least 14 people were killed.\n\n"
        "Who fired?\n\nBoth sides blame the other.\n"
    )
    assert interview(text) is None
    assert read(text) == [(OUTLET, 14)]


def test_a_record_where_many_speak_by_turns_is_no_interview() -> None:
    text = (
        "Question time\n\nThe Minister of Defence, Ana Vell, answered questions.\n\n"
        "Deputy HARL: How many soldiers were killed?\n\n"
        "The MINISTER: Twelve soldiers were killed.\n\n"
        "Deputy HARL: And wounded?\n\nThe MINISTER: Forty were wounded.\n\n"
        "Deputy OSK: And civilians?\n\nThe MINISTER: Three civilians were killed.\n\n"
        "Deputy OSK: Is that all?\n\nThe MINISTER: It is.\n"
    )
    assert interview(text) is None
