import datetime
import re
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.core.models import Activity
from peercircle.core.services import activity_record
from peercircle.organisations.roles import Role
from tests import factories
from tests.clock import today

pytestmark = pytest.mark.django_db


def test_a_form_sent_twice_is_recorded_once(org, coordinator):
    key = uuid.uuid4()
    with scope(organisation=org):
        values = dict(actor=coordinator, organisation=org, kind="consultation", date=today(),
                      duration_minutes=30, format="chat", providers=[coordinator],
                      anonymous_count=1, client_key=key)
        first = activity_record(**values)
        again = activity_record(**values)
        assert first.pk == again.pk and Activity.objects.count() == 1


def test_the_next_contact_cannot_come_before_this_one(org, coordinator):
    with scope(organisation=org), pytest.raises(ValidationError) as error:
        activity_record(actor=coordinator, organisation=org, kind="consultation", date=today(),
                        duration_minutes=30, format="chat", providers=[coordinator],
                        anonymous_count=1, follow_up_on=today() - datetime.timedelta(days=1))
    assert "follow_up_on" in error.value.message_dict


@pytest.fixture
def volunteer(member):
    return member(Role.VOLUNTEER)


def _log(client, org, **data):
    payload = {"date": today().isoformat(), "duration_minutes": "45", "format": "phone",
               "mode": "individual", "client_key": str(uuid.uuid4())}
    payload.update(data)
    return client.post(reverse("consulting:consultation_new", kwargs={"org": org.slug}), payload)


def test_a_volunteer_logs_an_anonymous_contact_and_sees_progress(client_for, volunteer, org):
    factories.ProgrammeFactory(organisation=org, name="Patients' team", target_per_provider=20)
    client = client_for(volunteer)
    response = _log(client, org, another="1")
    assert response.status_code == 302 and response["Location"].endswith("/consultations/new/")
    with scopes_disabled():
        activity = Activity.objects.get()
    assert activity.anonymous_count == 1 and list(activity.providers.all()) == [volunteer]
    page = client.get(reverse("consulting:my_consultations", kwargs={"org": org.slug}))
    assert "0 of 20 consultations" in page.content.decode()  # no programme chosen on the form


def test_progress_counts_the_programme(client_for, volunteer, org):
    programme = factories.ProgrammeFactory(organisation=org, target_per_provider=20)
    client = client_for(volunteer)
    for _ in range(3):
        _log(client, org, programme=programme.pk)
    page = client.get(reverse("consulting:my_consultations", kwargs={"org": org.slug}))
    assert "3 of 20 consultations" in page.content.decode()


def test_a_volunteer_can_pick_only_people_routed_to_them(client_for, volunteer, org):
    stranger = factories.BeneficiaryFactory(organisation=org)
    factories.ConsentFactory(beneficiary=stranger)
    response = _log(client_for(volunteer), org, code=stranger.code)
    assert response.status_code == 400
    assert "No one you may log for has this code" in response.content.decode()
    with scopes_disabled():
        assert not Activity.objects.exists()
    mine = factories.HelpRequestFactory(
        beneficiary__organisation=org,
        assigned_to=factories.VolunteerFactory(organisation=org, user=volunteer))
    factories.ConsentFactory(beneficiary=mine.beneficiary)
    assert _log(client_for(volunteer), org, code=mine.beneficiary.code.lower()).status_code == 302


def test_a_group_needs_a_head_count(client_for, volunteer, org):
    response = _log(client_for(volunteer), org, mode="group")
    assert response.status_code == 400
    assert _log(client_for(volunteer), org, mode="group", anonymous_count="7").status_code == 302


def test_figures_per_consultant_region_and_topic(client_for, org, member):
    coordinator = member(Role.COORDINATOR)
    with scope(organisation=org):
        for _ in range(2):
            activity_record(actor=coordinator, organisation=org, kind="consultation", date=today(),
                            duration_minutes=30, format="chat", providers=[coordinator],
                            anonymous_count=1)
    page = client_for(coordinator).get(
        reverse("consulting:consultation_figures", kwargs={"org": org.slug})).content.decode()
    assert "2 consultations in all." in page and coordinator.full_name in page


def test_a_consultation_is_logged_in_the_consultants_region_unless_changed(client_for, volunteer,
                                                                           org):
    """Issue 14: every activity records a region; the phone form takes the consultant's own."""
    from peercircle.core.models import Region

    samara, moscow = Region.objects.get(code="ru-sam"), Region.objects.get(code="ru-mow")
    from peercircle.volunteers import services as volunteers

    coordinator = factories.MembershipFactory(organisation=org, role=Role.COORDINATOR).user
    with scope(organisation=org):  # the record, linked and profiled as on the record's pages
        record = factories.VolunteerFactory(organisation=org)
        volunteers.volunteer_link_account(actor=coordinator, volunteer=record, user=volunteer)
        volunteers.volunteer_profile_update(actor=coordinator, volunteer=record,
                                            regions=[samara], weekly_capacity=2)
    client = client_for(volunteer)
    page = client.get(reverse("consulting:consultation_new", kwargs={"org": org.slug}))
    assert f'<option value="{samara.pk}" selected>' in page.content.decode()
    _log(client, org, region=str(samara.pk))
    _log(client, org, region=str(moscow.pk))
    with scopes_disabled():
        assert sorted(Activity.objects.values_list("region__code", flat=True)) == ["ru-mow",
                                                                                   "ru-sam"]


def test_a_repeat_caller_is_logged_under_the_code_they_were_given(client_for, volunteer, org):
    """Issue 12 item 2: a new anonymous contact gets a short code on the confirmation; typed
    again (any case, any spaces) it names the same person, so distinct people stay true."""
    from django.db.models import Q

    from peercircle.core.metrics import get as metric

    client = client_for(volunteer)
    response = _log(client, org)
    with scopes_disabled():
        first = Activity.objects.get()
    assert re.fullmatch(r"K-[A-HJ-NP-Z2-9]{5}", first.contact_code)
    page = client.get(response["Location"]).content.decode()
    assert f"The person&#x27;s code is {first.contact_code}" in page
    spaced = " ".join(first.contact_code.lower())
    assert _log(client, org, code=spaced).status_code == 302
    refused = _log(client, org, code="K-NOPE9")
    assert refused.status_code == 400 and "No one you may log for" in refused.content.decode()
    with scope(organisation=org):
        codes = list(Activity.objects.order_by("pk").values_list("contact_code", flat=True))
        assert codes == [first.contact_code, first.contact_code]
        reached = sum(
            Activity.objects.filter(organisation=org).aggregate(n=part.expression(Q()))["n"]
            for part in metric("beneficiaries").parts if part.source == "activity")
    assert reached == 1  # two consultations, one person
