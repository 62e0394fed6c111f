import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from peercircle.core.models import Activity, Programme
from peercircle.groups import selectors, services
from peercircle.groups.models import (
    AnimatorCurriculum,
    Club,
    GroupMember,
    GroupSession,
    Initiative,
    Practice,
)
from peercircle.organisations.roles import Role
from peercircle.people.models import Consent
from peercircle.people.services import ConsentRequired
from peercircle.training.models import Course
from tests import factories
from tests.clock import today, yesterday
from tests.groups.factories import (
    ClubFactory,
    GroupFactory,
    InitiativeFactory,
    MemberFactory,
    consenting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _unscoped(unscoped):
    yield


@pytest.fixture
def animator(member):
    return member(Role.VOLUNTEER, volunteer_kind="animator")


@pytest.fixture
def group(org, animator):
    return GroupFactory(club=ClubFactory(organisation=org), animators=[animator])


def _log(group, actor, **kwargs):
    arguments = {"date": yesterday(), "duration_minutes": 90, "format": "in_person"}
    arguments.update(kwargs)
    return services.group_session_log(actor=actor, group=group, **arguments)


# Clubs and groups


def test_a_club_is_created_with_animators_partner_host_and_groups(org, coordinator, animator):
    library = factories.PartnerFactory(organisation=org, name="Biblioteka Publiczna")
    club = services.club_create(actor=coordinator, organisation=org, name="KIS Latowicz",
                                kind=Club.Kind.SOCIAL_INTEGRATION, locality="Latowicz",
                                host=library, animators=[animator],
                                joined_network_on=yesterday())
    assert list(club.animators.all()) == [animator]
    group = services.group_create(actor=coordinator, club=club, name="Praca", topic="Jobs",
                                  started_on=yesterday(), animators=[animator], is_open=False,
                                  schedule="Wtorki 17:00")
    assert group.organisation == org and not group.is_open
    link = services.coalition_partner_add(actor=coordinator, club=club, partner=library,
                                          role="Sala na spotkania", joined_on=yesterday())
    assert list(club.coalition.all()) == [link]
    rows = selectors.club_list(organisation=org)
    assert [(c.group_count, c.coalition_count) for c in rows] == [(1, 1)]


def test_bad_club_input_is_refused_with_clear_messages(org, other_org, coordinator):
    outsider = factories.MembershipFactory(organisation=other_org, role=Role.VOLUNTEER).user
    base = {"actor": coordinator, "organisation": org, "kind": "self_help", "locality": "Stoczek"}
    with pytest.raises(ValidationError, match="active members"):
        services.club_create(name="A", animators=[outsider], **base)
    with pytest.raises(ValidationError, match="partner of this organisation"):
        services.club_create(name="A", host=factories.PartnerFactory(organisation=other_org),
                             **base)
    with pytest.raises(ValidationError, match="future"):
        services.club_create(name="A", founded_on=today() + datetime.timedelta(days=3), **base)
    services.club_create(name="A", **base)
    with pytest.raises(ValidationError, match="already a club"):
        services.club_create(name="A", **base)
    assert Club.objects.filter(organisation=org).count() == 1


def test_a_closed_club_takes_no_new_groups_and_a_group_needs_an_animator(org, coordinator,
                                                                         animator):
    club = ClubFactory(organisation=org)
    with pytest.raises(ValidationError, match="at least one animator"):
        services.group_create(actor=coordinator, club=club, name="G", topic="T",
                              started_on=yesterday(), animators=[])
    services.club_update(actor=coordinator, club=club, name=club.name, kind=club.kind,
                         locality=club.locality, founded_on=yesterday() - datetime.timedelta(9),
                         closed_on=yesterday())
    with pytest.raises(ValidationError, match="closed"):
        services.group_create(actor=coordinator, club=club, name="G", topic="T",
                              started_on=yesterday(), animators=[animator])
    with pytest.raises(ValidationError, match="end cannot be before"):
        services.club_update(actor=coordinator, club=club, name=club.name, kind=club.kind,
                             locality=club.locality, founded_on=today(),
                             closed_on=yesterday())


def test_a_coalition_partner_joins_once(org, other_org, coordinator):
    club = ClubFactory(organisation=org)
    partner = factories.PartnerFactory(organisation=org)
    services.coalition_partner_add(actor=coordinator, club=club, partner=partner, role="Room",
                                   joined_on=yesterday())
    with pytest.raises(ValidationError, match="already in the club's coalition"):
        services.coalition_partner_add(actor=coordinator, club=club, partner=partner,
                                       role="Room", joined_on=yesterday())
    with pytest.raises(ValidationError, match="partner of this organisation"):
        services.coalition_partner_add(actor=coordinator, club=club,
                                       partner=factories.PartnerFactory(organisation=other_org),
                                       role="Room", joined_on=yesterday())


# Membership


def test_members_join_by_code_with_consent_leave_and_rejoin(org, group, animator):
    person = consenting(org, code="B-KLUB01")
    member = services.group_member_add(actor=animator, group=group, code="b-klub01",
                                       joined_on=yesterday())
    with pytest.raises(ValidationError, match="already a member"):
        services.group_member_add(actor=animator, group=group, code="B-KLUB01")
    services.group_member_leave(actor=animator, member=member)
    assert selectors.current_members(group, today() + datetime.timedelta(days=1)).count() == 0
    again = services.group_member_add(actor=animator, group=group, code="B-KLUB01")
    assert again.pk == member.pk and again.left_on is None
    assert list(selectors.current_members(group)) == [again]
    assert again.beneficiary == person


def test_a_member_without_consent_or_unknown_code_is_refused(org, group, animator):
    factories.BeneficiaryFactory(organisation=org, code="B-NOCONS")
    with pytest.raises(ConsentRequired):
        services.group_member_add(actor=animator, group=group, code="B-NOCONS")
    with pytest.raises(ValidationError, match="No person with this code"):
        services.group_member_add(actor=animator, group=group, code="B-NOBODY")
    assert not GroupMember.objects.exists()


# Sessions → ledger


def test_a_session_logs_attendance_and_head_count_in_the_ledger(org, group, animator):
    programme = factories.ProgrammeFactory(organisation=org, kind=Programme.Kind.SELF_HELP)
    came, away = MemberFactory(group=group), MemberFactory(group=group)
    session = _log(group, animator, present=[came], anonymous_count=3, topic="Budżet domowy")
    activity = session.activity
    assert (activity.kind, activity.mode) == (Activity.Kind.GROUP_SESSION, Activity.Mode.GROUP)
    assert list(activity.participants.all()) == [came.beneficiary]
    assert activity.anonymous_count == 3 and activity.participant_total == 4
    assert list(activity.providers.all()) == [animator]
    assert activity.programme == programme
    assert away.beneficiary not in activity.participants.all()


def test_attendance_is_only_for_members_and_nothing_is_half_written(org, group, animator):
    stranger = consenting(org)
    other_group_member = MemberFactory(group=GroupFactory(club=group.club, animators=[animator]))
    with pytest.raises(ValidationError, match="Only members"):
        _log(group, animator, present=[other_group_member])
    with pytest.raises(ValidationError, match="Mark who came"):
        _log(group, animator, present=[])
    with pytest.raises(ValidationError, match="had not started"):
        _log(group, animator, anonymous_count=2, date=group.started_on - datetime.timedelta(1))
    with pytest.raises(ValidationError, match="future"):
        _log(group, animator, anonymous_count=2, date=today() + datetime.timedelta(days=1))
    late = MemberFactory(group=group, joined_on=today())
    with pytest.raises(ValidationError, match="Only members"):
        _log(group, animator, present=[late])
    assert stranger.activities.count() == 0
    assert not GroupSession.objects.exists() and not Activity.objects.exists()


def test_withdrawn_consent_stops_named_attendance(org, group, animator):
    member = MemberFactory(group=group)
    Consent.objects.filter(beneficiary=member.beneficiary).update(withdrawn_on=yesterday())
    with pytest.raises(ConsentRequired):
        _log(group, animator, present=[member])
    assert not GroupSession.objects.exists() and not Activity.objects.exists()


def test_a_closed_group_counts_no_unregistered_guests(org, group, animator):
    group.is_open = False
    group.save()
    with pytest.raises(ValidationError, match="closed group"):
        _log(group, animator, anonymous_count=2)


def test_a_session_sent_twice_is_logged_once(org, group, animator):
    key = uuid.uuid4()
    first = _log(group, animator, anonymous_count=5, client_key=key)
    assert _log(group, animator, anonymous_count=5, client_key=key) == first
    assert Activity.objects.count() == 1


# Privacy of membership


def test_membership_is_private_to_the_groups_animators_and_managers(org, group, animator,
                                                                    member, coordinator):
    other_volunteer = member(Role.VOLUNTEER, volunteer_kind="animator")
    volunteer_permissions = {"groups.log_session"}
    assert selectors.group_get_for_animator(organisation=org, user=animator,
                                            permissions=volunteer_permissions, pk=group.pk)
    with pytest.raises(Http404):
        selectors.group_get_for_animator(organisation=org, user=other_volunteer,
                                         permissions=volunteer_permissions, pk=group.pk)
    assert selectors.group_get_for_animator(organisation=org, user=coordinator,
                                            permissions={"groups.manage"}, pk=group.pk)


# Animator curriculum (the existing training module)


def test_the_animator_curriculum_is_one_training_course_with_the_seed_topics(org, coordinator,
                                                                            animator):
    curriculum = services.animator_curriculum_create(actor=coordinator, organisation=org,
                                                     starts_on=today(), format="in_person")
    course = curriculum.course
    assert isinstance(course, Course) and course.sessions.count() == 7
    assert course.minimum_hours == Decimal("16.8")
    assert "project method" in course.sessions.last().topic
    with pytest.raises(ValidationError, match="already exists"):
        services.animator_curriculum_create(actor=coordinator, organisation=org,
                                            starts_on=today(), format="in_person")
    assert AnimatorCurriculum.objects.count() == 1 and Course.objects.count() == 1


def test_curriculum_status_shows_who_completed_it(org, coordinator, animator, group):
    from peercircle.training import services as training

    curriculum = services.animator_curriculum_create(actor=coordinator, organisation=org,
                                                     starts_on=yesterday(), format="online",
                                                     session_minutes=60)
    volunteer = factories.VolunteerFactory(organisation=org, user=animator, stage="active")
    enrolment = training.enrol(actor=coordinator, course=curriculum.course, volunteer=volunteer)
    training.session_hold(actor=coordinator, session=curriculum.course.sessions.first(),
                          present=[enrolment])
    status = selectors.curriculum_status(organisation=org, users=[animator])
    assert status[animator.pk]["hours"] == 1 and status[animator.pk]["completed_on"] is None
    enrolment.completed_on = today()
    enrolment.save()
    rows = selectors.animators(organisation=org)
    assert [(r["user"], r["curriculum"]["completed_on"]) for r in rows] == [(animator, today())]


# Good practice


@pytest.fixture
def network(member):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    members = [factories.OrganisationFactory(network=network) for _ in range(2)]
    return {"hub": hub, "a": members[0], "b": members[1],
            "keeper": member(Role.NETWORK_COORDINATOR, organisation=hub),
            "coordinator": member(Role.COORDINATOR, organisation=members[0])}


def test_shared_practice_is_read_across_the_network_only(network, other_org, coordinator):
    shared = services.practice_share(actor=network["coordinator"], organisation=network["a"],
                                     title="Koalicja z biblioteką", text="Spotykamy się tam.")
    private = services.practice_share(actor=network["coordinator"], organisation=network["a"],
                                      title="Notatka", text="Tylko u nas.",
                                      shared_with_network=False)
    assert list(selectors.practices_for(organisation=network["b"])) == [shared]
    assert selectors.practice_get_for(organisation=network["hub"], pk=shared.pk) == shared
    with pytest.raises(Http404):
        selectors.practice_get_for(organisation=network["b"], pk=private.pk)
    with pytest.raises(Http404):
        selectors.practice_get_for(organisation=other_org, pk=shared.pk)
    assert set(selectors.practices_for(organisation=network["a"])) == {shared, private}


def test_practice_with_contact_details_is_refused(org, coordinator):
    with pytest.raises(ValidationError, match="phone number or e-mail"):
        services.practice_share(actor=coordinator, organisation=org, title="Kontakt",
                                text="Dzwońcie do pani Ewy +48 600 100 200.")
    assert not Practice.objects.exists()


# Network roll-ups


def test_network_clubs_per_locality_with_suppressed_people(network, settings):
    settings.SMALL_NUMBER_THRESHOLD = 5
    club = ClubFactory(organisation=network["a"], locality="Stoczek", joined_network_on=yesterday())
    group = GroupFactory(club=club)
    for _ in range(2):
        MemberFactory(group=group)
    ClubFactory(organisation=network["b"], locality="Latowicz")
    ClubFactory(organisation=factories.OrganisationFactory(), locality="Elsewhere")
    figures = selectors.network_clubs(organisation=network["hub"])
    assert figures["club_count"] == 2 and figures["group_count"] == 1
    assert figures["in_network"] == 1
    assert [row["locality"] for row in figures["localities"]] == ["Latowicz", "Stoczek"]
    assert figures["localities"][1]["clubs"][0].members_shown == "<5"
    with pytest.raises(Http404):
        selectors.network_clubs(organisation=network["a"])


def test_initiative_roll_up_counts_participants_by_status_and_organisation(network, settings):
    settings.SMALL_NUMBER_THRESHOLD = 5
    done = InitiativeFactory(organisation=network["a"], status="completed",
                             anonymous_participants=18)
    done.participants.add(consenting(network["a"]), consenting(network["a"]))
    InitiativeFactory(organisation=network["a"], status="running", anonymous_participants=2)
    InitiativeFactory(organisation=network["b"], status="planned", anonymous_participants=3)
    rollup = selectors.network_initiatives(organisation=network["hub"])
    assert rollup["count"] == 3 and rollup["participants"] == "25"
    assert dict(rollup["by_status"])["Completed"] == 1
    per_org = {row["organisation"]: row for row in rollup["per_organisation"]}
    assert per_org[network["a"]]["participants"] == "20"  # 22 rounded (finding 11)
    assert per_org[network["b"]]["participants"] == "<5"


# Community initiatives


def test_an_initiative_has_a_team_participants_with_consent_and_results(org, coordinator,
                                                                        animator):
    initiative = services.initiative_create(
        actor=coordinator, organisation=org, title="Ogród społeczny", goal="Meet and grow",
        starts_on=yesterday(), team=[animator, coordinator], anonymous_participants=12)
    person = consenting(org, code="B-INIT01")
    services.initiative_participant_add(actor=coordinator, initiative=initiative,
                                        code="B-INIT01")
    assert list(initiative.participants.all()) == [person]
    factories.BeneficiaryFactory(organisation=org, code="B-NOCONS")
    with pytest.raises(ConsentRequired):
        services.initiative_participant_add(actor=coordinator, initiative=initiative,
                                            code="B-NOCONS")
    with pytest.raises(ValidationError, match="already a participant"):
        services.initiative_participant_add(actor=coordinator, initiative=initiative,
                                            code="B-INIT01")
    services.initiative_update(actor=coordinator, initiative=initiative,
                               title=initiative.title, goal=initiative.goal,
                               starts_on=yesterday(), ends_on=today(), team=[animator],
                               status=Initiative.Status.COMPLETED, anonymous_participants=12,
                               results="12 families met every week.")
    totals = selectors.initiative_totals(organisation=org)
    assert totals["count"] == 1 and totals["participants"] == 13


def test_bad_initiative_input_is_refused(org, other_org, coordinator):
    outsider = factories.MembershipFactory(organisation=other_org).user
    base = {"actor": coordinator, "organisation": org, "title": "T", "goal": "G"}
    with pytest.raises(ValidationError, match="team of at least one"):
        services.initiative_create(starts_on=today(), team=[], **base)
    with pytest.raises(ValidationError, match="active members"):
        services.initiative_create(starts_on=today(), team=[outsider], **base)
    with pytest.raises(ValidationError, match="end cannot be before"):
        services.initiative_create(starts_on=today(), ends_on=yesterday(), team=[coordinator],
                                   **base)
    with pytest.raises(ValidationError, match="not started"):
        services.initiative_create(starts_on=today() + datetime.timedelta(days=5),
                                   status="completed", team=[coordinator], **base)
    assert not Initiative.objects.exists()


def test_an_ended_group_takes_no_later_sessions(org, group, coordinator, animator):
    with pytest.raises(ValidationError, match="end cannot be before"):
        services.group_end(actor=coordinator, group=group,
                           ended_on=group.started_on - datetime.timedelta(days=1))
    services.group_end(actor=coordinator, group=group, ended_on=yesterday() - datetime.timedelta(1))
    with pytest.raises(ValidationError, match="already ended"):
        _log(group, animator, anonymous_count=3)
    assert not selectors.my_groups(organisation=org, user=animator).exists()


def test_an_animator_is_reminded_of_a_quiet_group(org, group, animator, member):
    from peercircle.groups.dashboard import reminders

    permissions = {"groups.log_session"}
    texts = [text for text, _url in reminders(user=animator, organisation=org,
                                               permissions=permissions)]
    assert texts == [f"No session of {group.name} has been logged for two weeks."]
    _log(group, animator, anonymous_count=4)
    assert reminders(user=animator, organisation=org, permissions=permissions) == []
    other = member(Role.VOLUNTEER)
    assert reminders(user=other, organisation=org, permissions=permissions) == []
