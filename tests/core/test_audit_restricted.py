"""Finding 9: supervision and wellbeing records are audited in a restricted category."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from peercircle.consulting.services import supervision as supervision_service
from peercircle.core import selectors
from peercircle.core.models import AuditEntry
from peercircle.organisations.roles import Role
from peercircle.wellbeing import services as wellbeing_service
from peercircle.wellbeing.instrument import ITEMS

pytestmark = pytest.mark.django_db
TOPIC = "I froze when a client cried."


def _world(org, member):
    volunteer = member(Role.VOLUNTEER, user__full_name="Vera Volunteerova")
    supervisor = member(Role.SUPERVISOR, user__full_name="Sergei Supervisorov")
    coordinator = member(Role.COORDINATOR)
    with scope(organisation=org):
        request = supervision_service.supervision_request(
            actor=volunteer, organisation=org, topic=TOPIC, urgency="urgent")
        supervision_service.supervision_schedule(
            actor=supervisor, supervision=request,
            scheduled_for=timezone.now() + datetime.timedelta(days=1), format="online")
        wellbeing_service.self_check_record(
            actor=volunteer, organisation=org, answers={code: 80 for code, *_r in ITEMS})
    return volunteer, supervisor, coordinator


def test_finding_9_audit_log_hides_supervision_and_self_checks_from_managers(
        client_for, member, org):
    volunteer, supervisor, coordinator = _world(org, member)
    client = client_for(coordinator)
    url = reverse("core:audit_list", kwargs={"org": org.slug})
    for query in ({}, {"action": "create"}, {"actor": "Vera"}, {"actor": "Sergei"},
                  {"object_repr": "Supervision"}, {"object_repr": "Self-check"}):
        page = client.get(url, query).content.decode()
        assert "Vera Volunteerova" not in page and "Sergei Supervisorov" not in page
        assert "Supervision #" not in page and "Self-check of" not in page
        assert "Urgent" not in page and "urgent" not in page
    page = client.get(url).content.decode()
    # The manager sees how many, nothing more.
    assert 'data-restricted-count="3"' in page
    with scope(organisation=org):
        visible = selectors.audit_list(organisation=org, user=coordinator)
        assert not visible.filter(object_type__in=["consulting.SupervisionRequest",
                                                   "wellbeing.SelfCheck"]).exists()


def test_finding_9_restricted_entries_are_readable_by_the_people_concerned(member, org):
    volunteer, supervisor, coordinator = _world(org, member)
    with scope(organisation=org):
        restricted = AuditEntry.objects.filter(category=AuditEntry.Category.RESTRICTED)
        assert set(restricted.values_list("object_type", flat=True)) == {
            "consulting.SupervisionRequest", "wellbeing.SelfCheck"}
        mine = selectors.audit_list(organisation=org, user=volunteer)
        assert mine.filter(category=AuditEntry.Category.RESTRICTED).count() == 3
        theirs = selectors.audit_list(organisation=org, user=supervisor)
        # The supervisor reads the supervision's entries once they took it, not the self-check.
        assert set(theirs.filter(category=AuditEntry.Category.RESTRICTED)
                   .values_list("object_type", flat=True)) == {"consulting.SupervisionRequest"}
        assert selectors.audit_restricted_hidden_count(organisation=org, user=volunteer) == 0
        assert selectors.audit_restricted_hidden_count(organisation=org, user=coordinator) == 3
        for entry in restricted:
            # Snapshots keep the private fields masked even for the people concerned.
            for snap in (entry.before or {}, entry.after or {}):
                assert snap.get("topic") in (None, "", "•••")
                assert snap.get("answers") in (None, "", "•••")
