"""Issue 12 item 8: the audit log shows every field and value as the pages show them, in the
person's language: no raw codes, Python structures, file paths or internal keys."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from peercircle.core.services import activity_record
from peercircle.people import services as people
from tests import factories

pytestmark = pytest.mark.django_db

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_the_audit_log_reads_as_the_pages_do(client, org, member):
    coordinator = member("coordinator")
    coordinator.language = "ru"
    coordinator.save()
    import uuid

    with scope(organisation=org):
        person = factories.BeneficiaryFactory(organisation=org)
        people.consent_give(actor=coordinator, beneficiary=person, purpose="data_processing",
                            given_on=timezone.localdate(), method="signed_paper",
                            given_by="beneficiary")
        activity_record(actor=coordinator, organisation=org, kind="consultation",
                        date=timezone.localdate(), duration_minutes=45, format="in_person",
                        providers=[coordinator], participants=[person],
                        client_key=uuid.uuid4())
    client.force_login(coordinator)
    page = client.get(reverse("core:audit_list", kwargs={"org": org.slug})).content.decode()
    changes = re.findall(r'<ul class="list-unstyled small mb-0">(.*?)</ul>', page, re.S)
    text = " ".join(changes)
    assert "Очно" in text and "Обработка персональных данных" in text  # labels, not codes
    assert coordinator.full_name in text  # the provider by name, not by number
    for raw in ("in_person", "data_processing", "signed_paper", "{'", "['", "consents/"):
        assert raw not in text, raw
    assert not UUID.search(text)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # dates localised
