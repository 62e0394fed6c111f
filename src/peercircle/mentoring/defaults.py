"""What a new mentoring programme starts with: the seed's outcome list and the agreement text."""

from django.utils.translation import gettext_noop

# (code, name, direction, unit) — the "One plus one" programme's list (seed 003).
DEFAULT_OUTCOME_TYPES = [
    ("child_returned", gettext_noop("Child returned to the birth family"), "positive", "people"),
    ("dependence_overcome", gettext_noop("Parent overcame alcohol or drug dependence"),
     "positive", "families"),
    ("relations_improved", gettext_noop("Parent–child relations improved"), "positive",
     "families"),
    ("official_employment", gettext_noop("Parent in official employment"), "positive",
     "families"),
    ("housing_improved", gettext_noop("Housing conditions improved"), "positive", "families"),
    ("no_positive_dynamics", gettext_noop("No positive dynamics"), "negative", "families"),
    ("child_in_state_care", gettext_noop("Child placed in state care"), "negative", "families"),
]

DEFAULT_AGREEMENT_TITLE = gettext_noop("Four-party mentoring agreement")
DEFAULT_PROGRAMME_RULES = gettext_noop(
    "The mentor supports the family as a trusted adult and follows the principles of the "
    "programme: respect, voluntariness, no payment, no replacement of the specialists. The "
    "mentor meets the family as agreed and takes part in the meetings with the family curator, "
    "the relationship monitoring every six months and, when invited, the case council.")
DEFAULT_CONFIDENTIALITY = gettext_noop(
    "Everything the mentor learns about the family stays confidential and is discussed only "
    "with the family curator and the programme's specialists. Danger to a child's life or "
    "health is reported to the curator at once.")
