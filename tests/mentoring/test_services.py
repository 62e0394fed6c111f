"""Lifecycle rules of the mentoring programme: admission, matching, the four-party agreement,
curation dates, closure, outcomes, overdue curation and expiry warnings."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from peercircle.core.models import Activity
from peercircle.mentoring import services
from peercircle.mentoring.models import Agreement, Mentor, OutcomeType, Pair, PairEvent
from peercircle.mentoring.selectors import due_list, match_candidates
from peercircle.organisations.roles import Role
from peercircle.people.models import Consent
from peercircle.people.services import consent_give
from peercircle.training import services as training
from peercircle.volunteers.models import Stage
from tests import factories
from tests.mentoring.factories import Programme, days_ago, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return Programme()


def test_a_new_programme_ships_the_seed_outcome_list_with_directions(world):
    types = {t.code: t.direction for t in world.programme.outcome_types.all()}
    assert types["child_returned"] == "positive"
    assert types["child_in_state_care"] == "negative"
    assert len(types) == 7
    with pytest.raises(ValidationError):
        services.outcome_type_save(actor=world.coordinator, programme=world.programme,
                                   code="child_returned", name="Again", direction="positive")


def test_a_new_programme_is_written_in_the_organisations_language_whoever_opens_it():
    """Issue 12 item 10: a Polish club centre's programme starts with Polish outcome names and a
    Polish agreement, even when a Russian-speaking coordinator of the network opens it first."""
    from django.utils import translation

    org = factories.OrganisationFactory(country="PL", languages=["pl", "ru"])
    with translation.override("ru"):
        programme = services.programme_ensure(actor=person(org, Role.COORDINATOR),
                                              organisation=org)
    names = {t.code: t.name for t in programme.outcome_types.all()}
    assert names["child_returned"] == "Dziecko wróciło do rodziny biologicznej"
    assert programme.name == "Mentoring rodzin"


def test_public_application_records_the_source_and_a_second_one_is_not_duplicated(world):
    first = services.mentor_apply(organisation=world.org, full_name="Anna", email="a@x.org",
                                  source=Mentor.Source.MEDIA, motivation="I can help.")
    again = services.mentor_apply(organisation=world.org, full_name="Anna", email="A@x.org",
                                  source=Mentor.Source.WEB_PAGE, motivation="Again.")
    assert first.pk == again.pk
    assert first.source == Mentor.Source.MEDIA
    assert first.volunteer.stage == Stage.APPLIED


def test_admission_needs_a_suitable_diagnostic_and_the_mentor_school_minimum(world):
    school = training.course_create(actor=world.coordinator, organisation=world.org,
                                    title="Mentor School", minimum_hours=10)
    services.programme_update(actor=world.coordinator, programme=world.programme, school=school)
    mentor = world.mentor("Olga", admitted=None)
    mentor.diagnostic_result = ""
    with pytest.raises(ValidationError) as error:
        services.mentor_admit(actor=world.coordinator, mentor=mentor, admitted_on=days_ago(1))
    assert "suitable" in str(error.value)
    services.mentor_diagnose(actor=world.coordinator, mentor=mentor, diagnostic_on=days_ago(20),
                             diagnostic_result=Mentor.Diagnostic.SUITABLE)
    enrolment = training.enrol(actor=world.coordinator, course=school, volunteer=mentor.volunteer)
    with pytest.raises(ValidationError, match="0.0 of 10.0 Mentor School hours"):
        services.mentor_admit(actor=world.coordinator, mentor=mentor, admitted_on=days_ago(1))
    for day in (10, 9):
        session = training.session_plan(actor=world.coordinator, course=school, topic="Day",
                                         date=days_ago(day), duration_minutes=300,
                                         format="in_person")
        training.session_hold(actor=world.coordinator, session=session, present=[enrolment])
    services.mentor_admit(actor=world.coordinator, mentor=mentor, admitted_on=days_ago(1))
    mentor.volunteer.refresh_from_db()
    assert mentor.admitted_on == days_ago(1)
    assert mentor.volunteer.stage == Stage.ACTIVE


def test_matching_respects_admission_the_limit_and_one_mentor_per_family(world):
    candidate = world.mentor("Not admitted", admitted=None)
    with pytest.raises(ValidationError, match="admitted"):
        services.pair_match(actor=world.coordinator, mentor=candidate, family=world.family(),
                            matched_on=days_ago(5))
    services.programme_update(actor=world.coordinator, programme=world.programme,
                              max_families_per_mentor=2)
    mentor = world.mentor("Busy")
    taken = world.family()
    world.pair(mentor, taken, agreement=False)
    world.pair(mentor, agreement=False)
    with pytest.raises(ValidationError, match="limit"):
        services.pair_match(actor=world.coordinator, mentor=mentor, family=world.family(),
                            matched_on=days_ago(5))
    with pytest.raises(ValidationError, match="already has a mentor"):
        services.pair_match(actor=world.coordinator, mentor=world.mentor("Free"), family=taken,
                            matched_on=days_ago(5))


def test_candidates_show_region_experience_and_availability(world):
    from peercircle.core.models import Region

    region = Region.objects.first()
    family = world.family()
    family.family.region = region
    family.family.save()
    near = world.mentor("Near", peer=True)
    near.volunteer.regions.set([region])
    world.mentor("Far")
    candidates = match_candidates(programme=world.programme, family=family)
    assert [str(c.mentor) for c in candidates] == ["Near", "Far"]
    assert candidates[0].same_region and candidates[0].available
    assert "Peer mentor" in candidates[0].reasons[0]


def test_an_agreement_needs_four_parties_and_the_legal_representatives_consent(world):
    mentor = world.mentor()
    no_consent = world.family(consent=False)
    pair = world.pair(mentor, no_consent, agreement=False)
    arguments = {"actor": world.coordinator, "pair": pair, "template": world.template,
                 "starts_on": days_ago(100)}
    with pytest.raises(ValidationError) as error:
        services.agreement_conclude(legal_representative=None, ngo=None, **arguments)
    assert set(error.value.message_dict) == {"legal_representative", "ngo"}
    with pytest.raises(ValidationError) as error:
        services.agreement_conclude(legal_representative=no_consent.parent, ngo=world.ngo,
                                    **arguments)
    assert "consent" in str(error.value.message_dict["legal_representative"])
    assert not Agreement.objects.exists()
    pair.refresh_from_db()
    assert pair.status == Pair.Status.MATCHED
    consent_give(actor=world.coordinator, beneficiary=no_consent.parent,
                 purpose=Consent.Purpose.DATA_PROCESSING, given_on=days_ago(150),
                 method="signed_paper", given_by="mother")
    agreement = services.agreement_conclude(legal_representative=no_consent.parent,
                                            ngo=world.ngo, **arguments)
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
    assert agreement.ends_on == days_ago(100).replace(year=days_ago(100).year + 1) \
        - datetime.timedelta(days=1)


def test_contradicting_agreement_dates_and_a_child_as_representative_are_refused(world):
    family = world.family()
    pair = world.pair(world.mentor(), family, agreement=False, matched=days_ago(50))
    common = {"actor": world.coordinator, "pair": pair, "template": world.template,
              "ngo": world.ngo}
    with pytest.raises(ValidationError) as error:
        services.agreement_conclude(legal_representative=family.parent, starts_on=days_ago(10),
                                    ends_on=days_ago(20), **common)
    assert "after the start date" in str(error.value)
    with pytest.raises(ValidationError, match="before the pair was matched"):
        services.agreement_conclude(legal_representative=family.parent,
                                    starts_on=days_ago(60), **common)
    with pytest.raises(ValidationError, match="not the family's legal representative"):
        services.agreement_conclude(legal_representative=family.children[0],
                                    starts_on=days_ago(10), **common)
    with pytest.raises(ValidationError, match="own"):
        services.agreement_conclude(legal_representative=family.parent, starts_on=days_ago(10),
                                    **{**common, "ngo": world.org})


def test_sharing_with_a_partner_needs_the_consent_to_sharing(world):
    family = world.family()
    pair = world.pair(world.mentor(), family, agreement=False)
    with pytest.raises(ValidationError, match="consent to sharing"):
        services.agreement_conclude(actor=world.coordinator, pair=pair,
                                    legal_representative=family.parent, ngo=world.ngo,
                                    template=world.template, starts_on=days_ago(100),
                                    shared_with=[world.rehab])
    consent_give(actor=world.coordinator, beneficiary=family.parent,
                 purpose=Consent.Purpose.SHARING, partner=world.rehab, given_on=days_ago(150),
                 method="signed_paper", given_by="mother")
    agreement = services.agreement_conclude(
        actor=world.coordinator, pair=pair, legal_representative=family.parent, ngo=world.ngo,
        template=world.template, starts_on=days_ago(100), shared_with=[world.rehab],
        signed_copy=SimpleUploadedFile("agreement.pdf", b"%PDF-1.4"))
    assert list(agreement.shared_with.all()) == [world.rehab]


def test_renewal_starts_a_new_term_and_closure_keeps_the_pair_in_reports(world):
    pair = world.pair(world.mentor(), matched=days_ago(360))
    old = world.agreement(pair)
    new = services.agreement_renew(actor=world.coordinator, agreement=old)
    old.refresh_from_db()
    assert old.status == Agreement.Status.RENEWED
    assert new.starts_on == old.ends_on + datetime.timedelta(days=1)
    assert new.ngo == old.ngo and new.legal_representative == old.legal_representative
    with pytest.raises(ValidationError, match="Say why"):
        services.pair_close(actor=world.coordinator, pair=pair, status=Pair.Status.ENDED_EARLY,
                            closed_on=days_ago(1))
    services.pair_close(actor=world.coordinator, pair=pair, status=Pair.Status.COMPLETED,
                        closed_on=days_ago(1))
    new.refresh_from_db()
    assert new.status == Agreement.Status.CLOSED and new.closed_on == days_ago(1)
    with pytest.raises(ValidationError, match="already closed"):
        services.pair_close(actor=world.coordinator, pair=pair, status=Pair.Status.COMPLETED,
                            closed_on=days_ago(1))


def test_work_is_logged_to_the_ledger_and_dates_outside_the_pair_are_refused(world):
    pair = world.pair(world.mentor(), matched=days_ago(100))
    visit = services.pair_event_log(actor=world.curator, pair=pair,
                                    kind=PairEvent.Kind.HOME_VISIT, date=days_ago(5),
                                    duration_minutes=45, format="in_person")
    assert visit.activity.kind == Activity.Kind.HOME_VISIT
    assert list(visit.activity.participants.all()) == [pair.mentee.parent]
    assert visit.activity.programme == world.programme.programme
    with pytest.raises(ValidationError, match="before the pair was matched"):
        services.pair_event_log(actor=world.curator, pair=pair, kind=PairEvent.Kind.HOME_VISIT,
                                date=days_ago(101))
    services.pair_close(actor=world.coordinator, pair=pair, status=Pair.Status.COMPLETED,
                        closed_on=days_ago(3))
    with pytest.raises(ValidationError, match="after the pair was closed"):
        services.pair_event_log(actor=world.curator, pair=pair, kind=PairEvent.Kind.HOME_VISIT,
                                date=days_ago(1))
    count = Activity.objects.count()
    with pytest.raises(ValidationError):
        services.monitoring_record(actor=world.curator, pair=pair, date=days_ago(1),
                                   meetings="as_agreed", mentor_rating=3, family_rating=3)
    assert Activity.objects.count() == count


def test_closing_before_recorded_work_is_refused(world):
    pair = world.pair(world.mentor(), matched=days_ago(100))
    services.pair_event_log(actor=world.curator, pair=pair, kind=PairEvent.Kind.HOME_VISIT,
                            date=days_ago(5))
    with pytest.raises(ValidationError, match="after this date"):
        services.pair_close(actor=world.coordinator, pair=pair, status=Pair.Status.COMPLETED,
                            closed_on=days_ago(10))


def test_mentor_club_meeting_records_attendance_and_a_group_ledger_row(world):
    mentors = [world.mentor("A"), world.mentor("B")]
    meeting = services.club_meeting_record(actor=world.coordinator, organisation=world.org,
                                           date=days_ago(2), topic="Burnout", attendees=mentors)
    assert meeting.activity.kind == Activity.Kind.MENTOR_CLUB
    assert meeting.activity.anonymous_count == 2
    assert meeting.attendees.count() == 2


def test_outcomes_concern_the_pairs_family_and_people_outcomes_need_people(world):
    pair = world.pair(world.mentor())
    returned = OutcomeType.objects.get(programme=world.programme, code="child_returned")
    with pytest.raises(ValidationError, match="Name the people"):
        services.outcome_record(actor=world.curator, pair=pair, type=returned, date=days_ago(1))
    stranger = world.family().children[0]
    with pytest.raises(ValidationError, match="members of the pair's family"):
        services.outcome_record(actor=world.curator, pair=pair, type=returned, date=days_ago(1),
                                beneficiaries=[stranger])
    outcome = services.outcome_record(actor=world.curator, pair=pair, type=returned,
                                      date=days_ago(1), beneficiaries=pair.mentee.children)
    assert outcome.confirmed_by == world.curator
    assert outcome.family == pair.mentee.family


def _kinds(items):
    return {(item.pair.pk, item.kind, item.overdue) for item in items}


def test_overdue_curation_follows_the_cadences(world):
    fresh = world.pair(world.mentor("Fresh"), matched=days_ago(10))
    old = world.pair(world.mentor("Old"), matched=days_ago(200))
    services.pair_event_log(actor=world.curator, pair=old, kind=PairEvent.Kind.HOME_VISIT,
                            date=days_ago(40))
    services.pair_event_log(actor=world.curator, pair=old,
                            kind=PairEvent.Kind.CURATOR_MEETING, date=days_ago(3))
    services.monitoring_record(actor=world.curator, pair=old, date=days_ago(20),
                               meetings="as_agreed", mentor_rating=4, family_rating=3)
    items = due_list(organisation=world.org)
    assert not [i for i in items if i.pair.pk == fresh.pk]
    assert _kinds(items) == {(old.pk, "home_visit", True), (old.pk, "case_council", True)}
    visit = next(i for i in items if i.kind == "home_visit")
    assert visit.due_on == days_ago(40) + datetime.timedelta(days=31)
    other_curator = person(world.org, Role.SUPERVISOR)
    assert due_list(organisation=world.org, curator=other_curator) == []
    assert len(due_list(organisation=world.org, curator=world.curator)) == 2


def test_agreement_expiry_is_warned_before_and_flagged_after(world):
    near = world.pair(world.mentor("Near"), matched=days_ago(350))
    past = world.pair(world.mentor("Past"), matched=days_ago(400))
    warnings = {(i.pair.pk, i.kind) for i in due_list(organisation=world.org)
                if i.kind in ("expiry", "expired")}
    assert warnings == {(near.pk, "expiry"), (past.pk, "expired")}
    services.agreement_renew(actor=world.coordinator, agreement=world.agreement(near))
    warnings = {(i.pair.pk, i.kind) for i in due_list(organisation=world.org)
                if i.kind in ("expiry", "expired")}
    assert warnings == {(past.pk, "expired")}


def test_a_family_of_another_organisation_cannot_be_enrolled(world):
    foreign = factories.FamilyFactory()
    with pytest.raises(ValidationError):
        services.family_enrol(actor=world.coordinator, organisation=world.org, family=foreign,
                              reason="social_risk", curator=world.curator,
                              referred_on=days_ago(1))
