"""Shipped indicator sets: the promises of the five seed projects, ready to add to a project.

Indicators whose metric belongs to an app that is not installed are skipped when a set is
applied (see services.template_apply)."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

K = "kinds"


def _i(name: str, metric: str, target, **filters) -> dict:
    return {"name": name, "metric": metric, "target": Decimal(target), **filters}


@dataclass(frozen=True)
class IndicatorSet:
    code: str
    label: str
    indicators: Callable[[], list[dict]]


def _peers_here() -> list[dict]:
    """Seed 000: supervisions, intervisions and case reviews for peer consultants."""
    return [
        _i(_("Individual supervisions"), "activities", 50, kinds=["supervision"]),
        _i(_("Group intervisions"), "activities", 4, kinds=["intervision"]),
        _i(_("Case reviews"), "activities", 6, kinds=["case_review"]),
        _i(_("Hours of supervision, intervision and case review"), "hours", 80,
           kinds=["supervision", "intervision", "case_review"]),
    ]


def _patients_team() -> list[dict]:
    """Seed 001: 30 trained consultants × 20 consultations in 30 regions, webinars,
    15 initiatives with 300 participants."""
    return [
        _i(_("Consultants trained in supportive counselling"), "volunteers_trained", 30),
        _i(_("Trained consultants who each gave at least 20 consultations"),
           "trained_reaching", 30, kinds=["consultation"], threshold=20),
        _i(_("Consultations by trained consultants"), "activities", 600, kinds=["consultation"]),
        _i(_("Regions where consultations were given"), "regions", 30, kinds=["consultation"]),
        _i(_("Webinars (3 + 3)"), "activities", 6, kinds=["event_session"], format="online"),
        _i(_("Community initiatives"), "initiatives", 15),
        _i(_("Participants of community initiatives"), "initiative_participants", 300),
        _i(_("Leaders taking part"), "volunteers_active", 60),
    ]


def _foster_families() -> list[dict]:
    """Seed 002: 406 individual consultations, 278 families, 20 parent volunteers,
    12 children kept in their family."""
    return [
        _i(_("Individual consultations by psychologists"), "activities", 406,
           kinds=["consultation"]),
        _i(_("Families supported"), "families", 278),
        _i(_("Volunteers from among foster parents"), "volunteers_active", 20,
           kinds=["group_session", "event_session"]),
        _i(_("Children kept in their family"), "outcomes", 12,
           outcome_types=["child_kept_in_family"]),
        _i(_("District clubs running"), "clubs", 3),
    ]


def _one_plus_one() -> list[dict]:
    """Seed 003: 14 mentors for 23 families, Mentor School, outcomes of the families."""
    return [
        _i(_("Mentors who completed the Mentor School"), "volunteers_trained", 14),
        _i(_("Mentors working with families"), "volunteers_active", 14,
           kinds=["mentor_meeting"]),
        _i(_("Families with a mentor"), "families", 23, kinds=["mentor_meeting"]),
        _i(_("Children returned to their birth family"), "outcomes", 9,
           outcome_types=["child_returned"]),
        _i(_("Families where parents overcame addiction"), "outcomes", 9,
           outcome_types=["dependence_overcome"]),
        _i(_("Families with better parent–child relations"), "outcomes", 4,
           outcome_types=["relations_improved"]),
        _i(_("Parents in official employment"), "outcomes", 5, outcome_types=["official_employment"]),
        _i(_("Families with better housing"), "outcomes", 5, outcome_types=["housing_improved"]),
        _i(_("Families with no positive dynamics"), "outcome_families", 1,
           outcome_types=["direction:negative"]),
    ]


def _self_help_clubs() -> list[dict]:
    """Seed 004: animators trained, 10 clubs in 10 localities, 15–20 self-help groups."""
    return [
        _i(_("Animators of self-help groups trained"), "volunteers_trained", 10),
        _i(_("Self-Help and Social Integration Clubs"), "clubs", 10),
        _i(_("Self-help group meetings held"), "activities", 150, kinds=["group_session"]),
        _i(_("Attendances at self-help group meetings (head-count)"), "participants", 1500,
           kinds=["group_session"]),
    ]


TEMPLATES: dict[str, IndicatorSet] = {s.code: s for s in [
    IndicatorSet("peers_here", gettext_lazy("Peers Here: supervision, intervision, case "
                                            "reviews"), _peers_here),
    IndicatorSet("patients_team", gettext_lazy("Patients' team in action: trained consultants "
                                               "and initiatives"), _patients_team),
    IndicatorSet("foster_families", gettext_lazy("Community of foster families: consultations "
                                                 "and families"), _foster_families),
    IndicatorSet("one_plus_one", gettext_lazy("One plus one: mentors, families, outcomes"),
                 _one_plus_one),
    IndicatorSet("self_help_clubs", gettext_lazy("Self-help clubs: animators, clubs, groups"),
                 _self_help_clubs),
]}


def choices() -> list[tuple[str, str]]:
    return [(code, s.label) for code, s in TEMPLATES.items()]
