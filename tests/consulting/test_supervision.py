import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.consulting.models import SupervisionRequest
from peercircle.consulting.services import supervision as service
from peercircle.core.models import Activity, AuditEntry
from peercircle.organisations.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db
TOPIC = "I froze when a client cried; I am afraid I did harm."


@pytest.fixture
def people(member):
    return {role: member(role) for role in (Role.VOLUNTEER, Role.SUPERVISOR, Role.COORDINATOR,
                                            Role.STAFF)}


def _request(client, org):
    response = client.post(reverse("consulting:supervision_new", kwargs={"org": org.slug}),
                           {"topic": TOPIC, "urgency": "soon"})
    assert response.status_code == 302
    with scopes_disabled():
        return SupervisionRequest.objects.get()


def _detail(org, supervision):
    return reverse("consulting:supervision_detail",
                   kwargs={"org": org.slug, "supervision_pk": supervision.pk})


def test_what_is_discussed_stays_between_volunteer_and_supervisor(client, org, people):
    client.force_login(people[Role.VOLUNTEER])
    supervision = _request(client, org)
    assert TOPIC in client.get(_detail(org, supervision)).content.decode()

    client.force_login(people[Role.SUPERVISOR])
    queue = client.get(reverse("consulting:supervision", kwargs={"org": org.slug}))
    assert TOPIC not in queue.content.decode()  # not before taking it
    assert client.get(_detail(org, supervision)).status_code == 404
    when = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client.post(reverse("consulting:supervision_take",
                        kwargs={"org": org.slug, "supervision_pk": supervision.pk}),
                {"scheduled_for": when, "format": "online"})
    assert TOPIC in client.get(_detail(org, supervision)).content.decode()

    for manager in (Role.COORDINATOR, Role.STAFF):
        client.force_login(people[manager])
        assert client.get(_detail(org, supervision)).status_code == 404
        overview = client.get(reverse("consulting:supervision", kwargs={"org": org.slug}))
        assert TOPIC not in overview.content.decode()
        audit = client.get(reverse("core:audit_list", kwargs={"org": org.slug}))
        assert TOPIC not in audit.content.decode()
    with scope(organisation=org):
        assert all(e.after.get("topic") in ("•••", None) for e in AuditEntry.objects.all())


def test_a_session_that_took_place_is_counted_in_the_ledger(org, people):
    volunteer, supervisor = people[Role.VOLUNTEER], people[Role.SUPERVISOR]
    with scope(organisation=org):
        supervision = service.supervision_request(actor=volunteer, organisation=org,
                                                  topic=TOPIC, urgency="soon")
        with pytest.raises(ValidationError, match="own request"):
            service.supervision_schedule(actor=volunteer, supervision=supervision,
                                         scheduled_for=timezone.now(), format="online")
        service.supervision_schedule(actor=supervisor, supervision=supervision,
                                     scheduled_for=timezone.now(), format="online")
        with pytest.raises(ValidationError, match="Another supervisor"):
            service.supervision_schedule(actor=people[Role.COORDINATOR], supervision=supervision,
                                         scheduled_for=timezone.now(), format="online")
        service.supervision_complete(actor=supervisor, supervision=supervision, attended=True,
                                     notes="Agreed on a self-care plan.")
        activity = Activity.objects.get(kind=Activity.Kind.SUPERVISION)
        assert activity.anonymous_count == 1 and not activity.participants.exists()
        assert service.supervision_counts(organisation=org)["done_this_year"] == 1
        with pytest.raises(ValidationError):
            service.supervision_complete(actor=supervisor, supervision=supervision,
                                         attended=True)


def test_a_request_needs_a_topic(org, people):
    with scope(organisation=org), pytest.raises(ValidationError) as error:
        service.supervision_request(actor=people[Role.VOLUNTEER], organisation=org, topic="  ",
                                    urgency="soon")
    assert "topic" in error.value.message_dict


def test_a_supervisor_of_the_network_serves_member_organisations(client, member):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    ngo = factories.OrganisationFactory(network=network)
    outsider = factories.OrganisationFactory()
    volunteer = member(Role.VOLUNTEER, organisation=ngo)
    expert = member(Role.SUPERVISOR, organisation=hub)
    with scope(organisation=ngo):
        asked = service.supervision_request(actor=volunteer, organisation=ngo, topic=TOPIC,
                                            urgency="soon")
    with scope(organisation=outsider):
        elsewhere = service.supervision_request(actor=member(Role.VOLUNTEER, organisation=outsider),
                                                organisation=outsider, topic="x", urgency="soon")
    client.force_login(expert)
    overview = client.get(reverse("consulting:supervision", kwargs={"org": hub.slug}))
    assert ngo.name in overview.content.decode() and TOPIC not in overview.content.decode()
    take = reverse("consulting:supervision_take", kwargs={"org": hub.slug,
                                                          "supervision_pk": asked.pk})
    when = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    assert client.post(take, {"scheduled_for": when, "format": "online"}).status_code == 302
    detail = reverse("consulting:supervision_detail", kwargs={"org": hub.slug,
                                                              "supervision_pk": asked.pk})
    assert TOPIC in client.get(detail).content.decode()
    foreign = reverse("consulting:supervision_take", kwargs={"org": hub.slug,
                                                             "supervision_pk": elsewhere.pk})
    assert client.get(foreign).status_code == 404
    client.force_login(volunteer)
    mine = reverse("consulting:supervision_detail", kwargs={"org": ngo.slug,
                                                            "supervision_pk": asked.pk})
    assert expert.full_name in client.get(mine).content.decode()


def test_only_the_supervisor_who_took_it_closes_a_supervision(client, org, people):
    """Issue 13 item 7: a party relationship, checked as an object permission."""
    from peercircle.consulting.rules import supervision_rules

    asker = people[Role.VOLUNTEER]
    factories.MembershipFactory(user=asker, organisation=org, role=Role.SUPERVISOR)
    supervisor = people[Role.SUPERVISOR]
    with scope(organisation=org):
        supervision = service.supervision_request(actor=asker, organisation=org, topic=TOPIC,
                                                  urgency="soon")
        service.supervision_schedule(actor=supervisor, supervision=supervision,
                                     scheduled_for=timezone.now(), format="online")
    assert supervision_rules.test_rule("see", asker, supervision)
    assert not supervision_rules.test_rule("complete", asker, supervision)
    assert supervision_rules.test_rule("complete", supervisor, supervision)
    url = reverse("consulting:supervision_complete",
                  kwargs={"org": org.slug, "supervision_pk": supervision.pk})
    client.force_login(asker)
    assert client.post(url, {"attended": "on"}).status_code == 404
    page = client.get(_detail(org, supervision)).content.decode()
    assert 'name="attended"' not in page  # the closing form is the supervisor's only
