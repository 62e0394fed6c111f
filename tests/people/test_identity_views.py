"""Every page that shows a beneficiary's name and contacts leaves the same audit entry as opening them."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from peercircle.core.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db


def _openings(beneficiary):
    with scopes_disabled():
        return list(AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_IDENTITY,
                                              object_id=str(beneficiary.pk)))


def _edit_url(beneficiary):
    return reverse("people:identity_edit", kwargs={"org": beneficiary.organisation.slug,
                                                    "beneficiary_pk": beneficiary.pk})


def test_finding_3_the_identity_edit_page_audits_the_name_and_contacts_it_shows(
        client_for, coordinator, org):
    beneficiary = factories.BeneficiaryFactory(organisation=org)
    factories.ConsentFactory(beneficiary=beneficiary)
    factories.IdentityFactory(beneficiary=beneficiary, full_name="Вера Иванова", phone="+79991234567")
    response = client_for(coordinator).get(_edit_url(beneficiary))
    assert response.status_code == 200
    assert "Вера Иванова" in response.content.decode()
    entries = _openings(beneficiary)
    assert len(entries) == 1 and entries[0].actor == coordinator and entries[0].organisation == org


def test_the_edit_page_of_a_person_without_identity_opens_nothing(client_for, coordinator, org):
    beneficiary = factories.BeneficiaryFactory(organisation=org)
    factories.ConsentFactory(beneficiary=beneficiary)
    assert client_for(coordinator).get(_edit_url(beneficiary)).status_code == 200
    assert _openings(beneficiary) == []


def test_opening_the_identity_page_is_audited_too(client_for, coordinator, org):
    beneficiary = factories.BeneficiaryFactory(organisation=org)
    factories.ConsentFactory(beneficiary=beneficiary)
    factories.IdentityFactory(beneficiary=beneficiary, full_name="Вера Иванова")
    url = reverse("people:identity_open", kwargs={"org": org.slug, "beneficiary_pk": beneficiary.pk})
    client = client_for(coordinator)
    assert "Вера Иванова" not in client.get(url).content.decode()
    assert _openings(beneficiary) == []
    assert "Вера Иванова" in client.post(url).content.decode()
    assert len(_openings(beneficiary)) == 1
