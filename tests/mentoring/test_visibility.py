"""Who sees a pair's family data: the coordinators of both organisations party to the agreement,
the pair's mentor and the family's curator; partner contacts only the shared summary."""

import pytest
from django.urls import reverse

from peercircle.mentoring.models import PairEvent
from peercircle.organisations.roles import Role, VolunteerKind
from peercircle.people.models import Consent
from peercircle.people.services import consent_give
from tests import factories
from tests.mentoring.factories import Programme, days_ago, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = Programme()
    world.mentor_record, world.mentor_user = world.mentor_with_account()
    family = world.family()
    consent_give(actor=world.coordinator, beneficiary=family.parent,
                 purpose=Consent.Purpose.SHARING, partner=world.rehab, given_on=days_ago(100),
                 method="signed_paper", given_by="mother")
    world.shared = world.pair(world.mentor_record, family, shared_with=[world.rehab])
    world.other_curator = person(world.org, Role.SUPERVISOR)
    world.unshared = world.pair(world.mentor("Second mentor"),
                                world.family(curator=world.other_curator))
    return world


def _pair_url(org, pair, name="mentoring:pair"):
    return reverse(name, kwargs={"org": org.slug, "pair_pk": pair.pk})


def _status(client, url):
    return client.get(url).status_code


def test_coordinators_of_both_parties_see_the_family_data(world, client_for):
    client = client_for(world.coordinator)
    page = client.get(_pair_url(world.org, world.shared))
    assert page.status_code == 200 and "Reason for support" in page.content.decode()
    ngo_coordinator = person(world.ngo, Role.COORDINATOR)
    client = client_for(ngo_coordinator)
    page = client.get(_pair_url(world.ngo, world.shared))
    html = page.content.decode()
    assert page.status_code == 200
    assert world.shared.mentee.family.code in html and "Reason for support" in html
    assert "you see it as a party to the agreement" in html
    overview = client.get(reverse("mentoring:overview", kwargs={"org": world.ngo.slug}))
    assert world.shared.mentee.family.code in overview.content.decode()


def test_the_ngo_party_reads_but_never_writes(world, client_for):
    client = client_for(person(world.ngo, Role.COORDINATOR))
    for name in ("mentoring:curation_log", "mentoring:agreement_new", "mentoring:close",
                 "mentoring:outcome", "mentoring:monitoring"):
        assert _status(client, _pair_url(world.ngo, world.shared, name)) == 404, name
    # and under the institution's address it is no member at all
    assert _status(client, _pair_url(world.org, world.shared)) == 404


def test_an_organisation_not_party_to_the_agreement_sees_nothing(world, client_for):
    stranger_ngo = factories.OrganisationFactory(slug="stranger")
    client = client_for(person(stranger_ngo, Role.COORDINATOR))
    assert _status(client, _pair_url(stranger_ngo, world.shared)) == 404
    overview = client.get(reverse("mentoring:overview", kwargs={"org": stranger_ngo.slug}))
    assert world.shared.mentee.family.code not in overview.content.decode()


def test_the_mentor_sees_and_logs_only_own_pairs(world, client_for):
    client = client_for(world.mentor_user)
    assert _status(client, _pair_url(world.org, world.shared)) == 200
    assert _status(client, _pair_url(world.org, world.unshared)) == 404
    assert _status(client, _pair_url(world.org, world.unshared, "mentoring:meeting_log")) == 404
    response = client.post(_pair_url(world.org, world.shared, "mentoring:meeting_log"), {
        "date": days_ago(1).isoformat(), "duration_minutes": 60, "format": "in_person",
        "notes": "Homework together."})
    assert response.status_code == 302
    event = world.shared.events.get()
    assert event.kind == PairEvent.Kind.MENTOR_MEETING
    assert list(event.activity.providers.all()) == [world.mentor_user]
    other_volunteer = person(world.org, Role.VOLUNTEER, volunteer_kind=VolunteerKind.MENTOR)
    assert _status(client_for(other_volunteer), _pair_url(world.org, world.shared)) == 404


def test_the_curator_sees_only_the_families_they_curate(world, client_for):
    client = client_for(world.curator)
    assert _status(client, _pair_url(world.org, world.shared)) == 200
    assert _status(client, _pair_url(world.org, world.shared, "mentoring:curation_log")) == 200
    assert _status(client, _pair_url(world.org, world.unshared)) == 404
    assert _status(client, _pair_url(world.org, world.unshared, "mentoring:outcome")) == 404
    overview = client.get(reverse("mentoring:overview", kwargs={"org": world.org.slug}))
    html = overview.content.decode()
    assert world.shared.mentee.family.code in html
    assert world.unshared.mentee.family.code not in html


def test_a_partner_contact_sees_only_the_shared_summary(world, client_for):
    contact = person(world.org, Role.PARTNER, partner=world.rehab)
    client = client_for(contact)
    page = client.get(_pair_url(world.org, world.shared))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Reason for support" not in html and "Outcomes" not in html
    assert "legal representative" not in html
    assert _status(client, _pair_url(world.org, world.unshared)) == 404
    other_partner = factories.PartnerFactory(organisation=world.org, name="Library")
    client = client_for(person(world.org, Role.PARTNER, partner=other_partner))
    assert _status(client, _pair_url(world.org, world.shared)) == 404


def test_the_curators_home_page_lists_overdue_work_and_expiring_agreements(world, client_for):
    expiring = world.pair(world.mentor("Third"), matched=days_ago(350))
    client = client_for(world.curator)
    html = client.get(reverse("core:dashboard", kwargs={"org": world.org.slug})).content.decode()
    assert "mentoring curation task" in html
    assert f"The agreement of family {expiring.mentee.family.code} expires" in html
    due = client.get(reverse("mentoring:due", kwargs={"org": world.org.slug}))
    assert "Monthly home visit" in due.content.decode()
    other = client_for(world.other_curator).get(
        reverse("mentoring:due", kwargs={"org": world.org.slug})).content.decode()
    assert world.shared.mentee.family.code not in other


def test_finding_10_ngo_party_reads_a_pair_only_while_the_agreement_is_in_force_plus_grace(
        world, client_for):
    from django_scopes import scope

    from peercircle.mentoring import services
    from peercircle.mentoring.models import Pair

    ngo_client = client_for(person(world.ngo, Role.COORDINATOR))
    lapsed = world.pair(world.mentor("Lapsed mentor"), matched=days_ago(420))  # ended ~55 days ago
    recent = world.pair(world.mentor("Recent mentor"), matched=days_ago(380))  # ended ~15 days ago
    closed = world.pair(world.mentor("Closed mentor"), matched=days_ago(100))
    with scope(organisation=world.org):
        services.pair_close(actor=world.coordinator, pair=closed,
                            status=Pair.Status.COMPLETED, closed_on=days_ago(45))
    assert _status(ngo_client, _pair_url(world.ngo, world.shared)) == 200
    assert _status(ngo_client, _pair_url(world.ngo, recent)) == 200  # within 30 days' grace
    assert _status(ngo_client, _pair_url(world.ngo, lapsed)) == 404
    assert _status(ngo_client, _pair_url(world.ngo, closed)) == 404
    overview = ngo_client.get(reverse("mentoring:overview", kwargs={"org": world.ngo.slug}))
    assert lapsed.mentee.family.code not in overview.content.decode()
    assert recent.mentee.family.code in overview.content.decode()
    # The programme sets the grace period: with none, the recently ended pair is gone too.
    with scope(organisation=world.org):
        services.programme_update(actor=world.coordinator, programme=world.programme,
                                  party_read_grace_days=0)
    assert _status(ngo_client, _pair_url(world.ngo, recent)) == 404
    # The institution's own coordinator still reads all of them.
    assert _status(client_for(world.coordinator), _pair_url(world.org, lapsed)) == 200


def test_finding_10_every_cross_organisation_read_of_a_pair_is_audited_where_the_pair_is(
        world, client_for):
    from django_scopes import scope

    from peercircle.core.models import AuditEntry

    reader = person(world.ngo, Role.COORDINATOR)
    client = client_for(reader)
    assert _status(client, _pair_url(world.ngo, world.shared)) == 200
    with scope(organisation=world.org):
        entries = AuditEntry.objects.filter(action=AuditEntry.Action.CROSS_READ,
                                            object_id=str(world.shared.pk))
        assert entries.count() == 1
        entry = entries.get()
        assert entry.actor == reader and entry.organisation == world.org
        assert entry.after["read_by_organisation"] == world.ngo.name
    client.get(reverse("mentoring:overview", kwargs={"org": world.ngo.slug}))
    with scope(organisation=world.org):
        assert AuditEntry.objects.filter(action=AuditEntry.Action.CROSS_READ,
                                         object_id=str(world.shared.pk)).count() == 2
    # The institution's own reads are not party reads.
    client_for(world.coordinator).get(_pair_url(world.org, world.shared))
    with scope(organisation=world.org):
        assert AuditEntry.objects.filter(action=AuditEntry.Action.CROSS_READ,
                                         object_id=str(world.shared.pk)).count() == 2
