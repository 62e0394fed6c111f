"""The shipped indicator sets compute the seed projects' figures from records entered through
the services (seeds 000, 001 and 002)."""

from decimal import Decimal

import pytest
from django_scopes import scope

from peercircle.organisations.roles import Role
from peercircle.people.models import FamilyMember
from peercircle.reporting import compute, services
from peercircle.training import services as training
from peercircle.volunteers.models import Stage
from tests import factories
from tests.reporting.factories import ProjectFactory, consenting, log

pytestmark = pytest.mark.django_db


def figures(project) -> dict:
    return {r.indicator.name: (r.actual, r.target) for r in compute.project_results(project)}


def test_seed_000_supervisions_intervisions_case_reviews(org, member):
    coordinator, supervisor = member(Role.COORDINATOR), member(Role.SUPERVISOR)
    project = ProjectFactory(organisation=org, title="Устойчивость и качество")
    with scope(organisation=org):
        for n in range(50):
            log(supervisor, org, "supervision", days_ago=1 + n, minutes=60, fmt="online",
                anonymous=1)
        for n in range(4):
            log(supervisor, org, "intervision", days_ago=2 + n, minutes=90, fmt="online",
                anonymous=6, mode="group")
        for n in range(6):
            log(supervisor, org, "case_review", days_ago=3 + n, minutes=90, fmt="online",
                anonymous=5, mode="group")
        services.template_apply(actor=coordinator, project=project, template="peers_here")
        result = figures(project)
    assert result["Individual supervisions"] == (50, 50)
    assert result["Group intervisions"] == (4, 4)
    assert result["Case reviews"] == (6, 6)
    assert result["Hours of supervision, intervision and case review"] == (65, 80)


def test_seed_001_thirty_trained_consultants_twenty_consultations_each(org, member):
    coordinator = member(Role.COORDINATOR)
    project = ProjectFactory(organisation=org, title="КПД НКО: команда пациентов в действии")
    with scope(organisation=org):
        course = training.course_create(actor=coordinator, organisation=org,
                                        title="Поддерживающее консультирование")
        people = consenting(org, 20)
        for index in range(30):
            leader = member(Role.VOLUNTEER)
            volunteer = factories.VolunteerFactory(organisation=org, user=leader,
                                                   stage=Stage.SCREENED)
            training.enrolment_complete(actor=coordinator, enrolment=training.enrol(
                actor=coordinator, course=course, volunteer=volunteer))
            given = 19 if index == 0 else 20  # one leader falls one short
            for n in range(given):
                log(leader, org, days_ago=1 + n % 60, minutes=45, participants=[people[n]])
        services.template_apply(actor=coordinator, project=project, template="patients_team")
        result = figures(project)
        reaching = [r for r in compute.project_results(project)
                    if r.indicator.metric == "trained_reaching"][0]
    assert result["Consultants trained in supportive counselling"] == (30, 30)
    assert result["Trained consultants who each gave at least 20 consultations"] == (29, 30)
    assert reaching.note == "29 of 30 trained people reached 20."
    assert result["Consultations by trained consultants"] == (599, 600)
    assert result["Leaders taking part"] == (30, 60)


def test_seed_002_406_consultations_278_families_20_volunteers(org, member):
    coordinator, psychologist = member(Role.COORDINATOR), member(Role.STAFF)
    project = ProjectFactory(organisation=org, title="Развитие сообщества замещающих родителей")
    with scope(organisation=org):
        parents = consenting(org, 278)
        for index, parent in enumerate(parents):
            family = factories.FamilyFactory(organisation=org, code=f"SF-{index:03d}")
            FamilyMember.objects.create(organisation=org, family=family, beneficiary=parent,
                                        relation="guardian")
        for n in range(406):
            log(psychologist, org, days_ago=1 + n % 150, minutes=50, fmt="in_person",
                participants=[parents[n % 278]])
        for _ in range(20):
            log(member(Role.VOLUNTEER), org, "group_session", days_ago=5, minutes=120,
                fmt="in_person", anonymous=8, mode="group")
        services.template_apply(actor=coordinator, project=project, template="foster_families")
        result = figures(project)
    assert result["Individual consultations by psychologists"] == (406, 406)
    assert result["Families supported"] == (278, 278)
    assert result["Volunteers from among foster parents"] == (20, 20)
    assert all(isinstance(actual, Decimal) for actual, _target in result.values())


def test_seed_004_ten_clubs_with_self_help_groups(org, member):
    from tests.groups.factories import ClubFactory

    coordinator, animator = member(Role.COORDINATOR), member(Role.VOLUNTEER)
    project = ProjectFactory(organisation=org, title="Samopomoc – razem przezwyciężymy trudności")
    with scope(organisation=org):
        for n in range(10):
            ClubFactory(organisation=org, name=f"Klub Samopomocy {n}",
                        founded_on=project.starts_on)
        for n in range(120):  # 120 meetings of self-help groups, 9 people at each
            log(animator, org, "group_session", days_ago=1 + n, minutes=90, fmt="in_person",
                anonymous=9, mode="group")
        services.template_apply(actor=coordinator, project=project, template="self_help_clubs")
        result = figures(project)
    assert result["Self-Help and Social Integration Clubs"] == (10, 10)
    assert result["Self-help group meetings held"] == (120, 150)
    assert result["Attendances at self-help group meetings (head-count)"] == (1080, 1500)
