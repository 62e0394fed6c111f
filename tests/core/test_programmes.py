"""Issue 14: a coordinator creates, edits, archives and restores programmes, with the target per
consultant; forms offer only running programmes, and nothing recorded is lost."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.core import services
from peercircle.core.models import Programme

pytestmark = pytest.mark.django_db


def _url(name, org, **kwargs):
    return reverse(f"core:{name}", kwargs={"org": org.slug, **kwargs})


def test_a_coordinator_creates_a_programme_with_a_target_and_archives_it(client_for, coordinator,
                                                                         org):
    client = client_for(coordinator)
    response = client.post(_url("programme_create", org), {
        "name": "Равный консультант", "kind": "peer_consulting", "target_per_provider": "20"})
    assert response.status_code == 302
    with scopes_disabled():
        programme = Programme.objects.get()
    assert (programme.kind, programme.target_per_provider) == ("peer_consulting", 20)
    assert "Равный консультант" in client.get(_url("programme_list", org)).content.decode()
    form = client.get(reverse("consulting:consultation_new", kwargs={"org": org.slug}))
    assert "Равный консультант" in form.content.decode()
    client.post(_url("programme_archive", org, programme_pk=programme.pk))
    programme.refresh_from_db()
    assert programme.archived_on is not None
    form = client.get(reverse("consulting:consultation_new", kwargs={"org": org.slug}))
    assert "Равный консультант" not in form.content.decode()  # no longer offered
    client.post(_url("programme_archive", org, programme_pk=programme.pk), {"action": "restore"})
    programme.refresh_from_db()
    assert programme.archived_on is None


def test_two_programmes_of_one_name_are_refused(org, coordinator):
    with scope(organisation=org):
        services.programme_save(actor=coordinator, organisation=org, name="Клуб",
                                kind="self_help")
        with pytest.raises(ValidationError) as error:
            services.programme_save(actor=coordinator, organisation=org, name=" клуб ",
                                    kind="self_help")
    assert "name" in error.value.message_dict


def test_only_coordinators_manage_programmes(client_for, member, org):
    staff = client_for(member("staff"))
    assert staff.get(_url("programme_list", org)).status_code == 403
