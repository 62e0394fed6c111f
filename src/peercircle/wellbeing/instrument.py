"""The Copenhagen Burnout Inventory (Kristensen, Borritz, Villadsen & Christensen, 2005,
Work & Stress 19(3), 192–207), free to use, wording adapted to volunteering: "work" is the
volunteering, "clients" are the people the volunteer supports.

19 items in three scales. Answers score 100, 75, 50, 25, 0; a scale's score is the mean of its
items; one item is reversed. Scores of 50 and above are read as a high level of burnout (the
cut-off used in the instrument's validation studies); we then offer supervision and a pause.
"""

from django.utils.translation import gettext_lazy as _

FREQUENCY = [(100, _("Always")), (75, _("Often")), (50, _("Sometimes")), (25, _("Seldom")),
             (0, _("Never or almost never"))]
DEGREE = [(100, _("To a very high degree")), (75, _("To a high degree")),
          (50, _("Somewhat")), (25, _("To a low degree")), (0, _("To a very low degree"))]

PERSONAL, WORK, CLIENT = "personal", "work", "client"
SCALES = {
    PERSONAL: _("Personal burnout"),
    WORK: _("Burnout related to volunteering"),
    CLIENT: _("Burnout related to the people you support"),
}
THRESHOLD = 50

# code, scale, question, answer options, reversed
ITEMS = [
    ("p1", PERSONAL, _("How often do you feel tired?"), FREQUENCY, False),
    ("p2", PERSONAL, _("How often are you physically exhausted?"), FREQUENCY, False),
    ("p3", PERSONAL, _("How often are you emotionally exhausted?"), FREQUENCY, False),
    ("p4", PERSONAL, _("How often do you think: “I can’t take it anymore”?"), FREQUENCY, False),
    ("p5", PERSONAL, _("How often do you feel worn out?"), FREQUENCY, False),
    ("p6", PERSONAL, _("How often do you feel weak and susceptible to illness?"), FREQUENCY, False),
    ("w1", WORK, _("Is your volunteering emotionally exhausting?"), DEGREE, False),
    ("w2", WORK, _("Do you feel burnt out because of your volunteering?"), DEGREE, False),
    ("w3", WORK, _("Does your volunteering frustrate you?"), DEGREE, False),
    ("w4", WORK, _("Do you feel worn out at the end of a day of volunteering?"), FREQUENCY, False),
    ("w5", WORK, _("Are you exhausted in the morning at the thought of another day of "
                   "volunteering?"), FREQUENCY, False),
    ("w6", WORK, _("Do you feel that every hour of volunteering is tiring for you?"), FREQUENCY,
     False),
    ("w7", WORK, _("Do you have enough energy for family and friends during leisure time?"),
     FREQUENCY, True),
    ("c1", CLIENT, _("Do you find it hard to work with the people you support?"), DEGREE, False),
    ("c2", CLIENT, _("Do you find it frustrating to work with the people you support?"), DEGREE,
     False),
    ("c3", CLIENT, _("Does it drain your energy to work with the people you support?"), DEGREE,
     False),
    ("c4", CLIENT, _("Do you feel that you give more than you get back when you work with the "
                     "people you support?"), DEGREE, False),
    ("c5", CLIENT, _("Are you tired of working with the people you support?"), FREQUENCY, False),
    ("c6", CLIENT, _("Do you sometimes wonder how long you will be able to continue working "
                     "with the people you support?"), FREQUENCY, False),
]


def scale_scores(answers: dict[str, int]) -> dict[str, float]:
    """The mean item score of each scale, reversed items turned round, as the authors define."""
    totals: dict[str, list[int]] = {scale: [] for scale in SCALES}
    for code, scale, _question, _options, reversed_item in ITEMS:
        value = int(answers[code])
        totals[scale].append(100 - value if reversed_item else value)
    return {scale: round(sum(values) / len(values), 1) for scale, values in totals.items()}


def is_high(scores: dict[str, float]) -> bool:
    return any(score >= THRESHOLD for score in scores.values())
