import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from peercircle.core.audit import audit_record
from peercircle.core.models import Activity, AuditEntry
from peercircle.core.services import activity_record
from peercircle.people.services import ConsentRequired
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoped(org):
    with scope(organisation=org):
        yield org


def _record(org, actor, **overrides):
    values = dict(actor=actor, organisation=org, kind=Activity.Kind.CONSULTATION,
                  date=timezone.localdate(), duration_minutes=45, format="phone",
                  providers=[actor])
    values.update(overrides)
    return activity_record(**values)


def test_work_with_a_consenting_beneficiary_lands_in_the_ledger(scoped, coordinator):
    beneficiary = factories.ConsentFactory(beneficiary__organisation=scoped).beneficiary
    activity = _record(scoped, coordinator, participants=[beneficiary])
    assert list(activity.participants.all()) == [beneficiary]
    assert list(activity.providers.all()) == [coordinator]
    entry = AuditEntry.objects.get(object_type="core.Activity")
    assert entry.after["participants"] == [str(beneficiary.pk)]


def test_work_without_consent_is_refused_and_nothing_is_written(scoped, coordinator):
    beneficiary = factories.BeneficiaryFactory(organisation=scoped)
    with pytest.raises(ConsentRequired) as error:
        _record(scoped, coordinator, participants=[beneficiary])
    assert beneficiary.code in error.value.messages[0]
    assert not Activity.objects.exists() and not AuditEntry.objects.exists()


def test_anonymous_group_work_needs_no_named_participants(scoped, coordinator):
    activity = _record(scoped, coordinator, kind=Activity.Kind.GROUP_SESSION, mode="group",
                       anonymous_count=12)
    assert activity.participant_total == 12


@pytest.mark.parametrize("overrides,field", [
    ({"date": timezone.localdate() + datetime.timedelta(days=2)}, "date"),
    ({"duration_minutes": 0}, "duration_minutes"),
    ({"duration_minutes": 25 * 60}, "duration_minutes"),
    ({"providers": []}, "providers"),
])
def test_bad_ledger_input_is_refused(scoped, coordinator, overrides, field):
    with pytest.raises(ValidationError) as error:
        _record(scoped, coordinator, anonymous_count=1, **overrides)
    assert field in error.value.message_dict
    assert not Activity.objects.exists()


def test_participants_from_another_organisation_are_refused(scoped, coordinator, other_org):
    stranger = factories.BeneficiaryFactory(organisation=other_org)
    with pytest.raises(ValidationError) as error:
        _record(scoped, coordinator, participants=[stranger])
    assert "participants" in error.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_audit_entries_are_written_only_inside_the_change_transaction(scoped, coordinator):
    beneficiary = factories.BeneficiaryFactory(organisation=scoped)
    with pytest.raises(RuntimeError):
        audit_record(actor=coordinator, organisation=scoped, action="update",
                     instance=beneficiary)
    with transaction.atomic():
        audit_record(actor=coordinator, organisation=scoped, action="update",
                     instance=beneficiary)
    assert AuditEntry.objects.count() == 1


def test_queries_outside_a_scope_fail_closed(org):
    from django_scopes.exceptions import ScopeError

    with pytest.raises(ScopeError):
        list(Activity.objects.all())
