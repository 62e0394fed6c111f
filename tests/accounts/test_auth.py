import importlib

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_production_hashes_passwords_with_argon2():
    production = importlib.import_module("peercircle.settings")
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_repeated_failures_lock_the_account(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "lockout-test"}}
    user = factories.UserFactory(email="locked@example.org")
    for _ in range(5):
        assert _login(client, user.email, "wrong password").status_code == 200
    response = _login(client, user.email, factories.PASSWORD)
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_a_volunteer_signs_in_without_two_factor(client):
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    response = _login(client, membership.user.email, factories.PASSWORD)
    assert response.status_code == 302
    dashboard = client.get(reverse("core:dashboard", kwargs={"org": membership.organisation.slug}))
    assert dashboard.status_code == 200


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.STAFF, Role.SUPERVISOR, Role.NETWORK_COORDINATOR])
def test_roles_with_sensitive_access_must_set_up_two_factor(client, role):
    membership = factories.MembershipFactory(role=role)
    client.force_login(membership.user)
    response = client.get(reverse("core:dashboard", kwargs={"org": membership.organisation.slug}))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_switching_language_is_remembered_for_the_person(client):
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    client.force_login(membership.user)
    dashboard = reverse("core:dashboard", kwargs={"org": membership.organisation.slug})
    response = client.post(reverse("language_set"), {"language": "pl", "next": dashboard})
    assert response.status_code == 302 and response["Location"] == dashboard
    membership.user.refresh_from_db()
    assert membership.user.language == "pl"
    page = client.get(dashboard).content.decode()
    assert '<html lang="pl">' in page and "Strona główna" in page


def test_an_unknown_language_or_outside_redirect_is_refused(client):
    assert client.post(reverse("language_set"), {"language": "xx"}).status_code == 400
    response = client.post(reverse("language_set"), {"language": "ru", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_person_with_several_organisations_chooses_among_them(client):
    user = factories.UserFactory()
    first = factories.MembershipFactory(user=user, role=Role.VOLUNTEER).organisation
    second = factories.MembershipFactory(user=user, role=Role.STAFF).organisation
    give_totp(user)
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert first.name in page and second.name in page
    client.get(reverse("core:dashboard", kwargs={"org": second.slug}))
    assert client.get(reverse("home"))["Location"] == reverse("core:dashboard",
                                                              kwargs={"org": second.slug})


PLACEHOLDER = r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}"


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_translations_are_complete_and_keep_placeholders(language):
    import re

    catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert "nplurals=3" in catalogue.metadata["Plural-Forms"]
    for entry in catalogue.translated_entries():
        expected = sorted(re.findall(PLACEHOLDER, entry.msgid))
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            assert sorted(re.findall(PLACEHOLDER, text)) == expected, entry.msgid


@pytest.mark.parametrize("language,count,word", [
    ("ru", 1, "благополучатель"), ("ru", 3, "благополучателя"), ("ru", 5, "благополучателей"),
    ("ru", 21, "благополучатель"), ("ru", 12, "благополучателей"),
    ("pl", 1, "beneficjent"), ("pl", 3, "beneficjenci"), ("pl", 5, "beneficjentów"),
    ("pl", 22, "beneficjenci"), ("pl", 12, "beneficjentów"),
])
def test_plural_forms_follow_the_language(language, count, word):
    with translation.override(language):
        text = translation.ngettext(
            "%(count)d beneficiary has no recorded consent to data processing.",
            "%(count)d beneficiaries have no recorded consent to data processing.", count,
        ) % {"count": count}
    assert text.startswith(f"{count} {word} ")


def _code_from(message) -> str:
    import re

    return re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message.body, re.M).group(1)


def test_finding_6_a_locked_account_still_signs_in_with_a_code_sent_by_e_mail(client, settings):
    from django.core import mail

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "login-code-test"}}
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    user = membership.user
    for _ in range(6):  # someone else keeps typing wrong passwords
        _login(client, user.email, "wrong password")
    _login(client, user.email, factories.PASSWORD)
    assert "_auth_user_id" not in client.session  # the password is locked out
    request = client.post(reverse("account_request_login_code"), {"email": user.email})
    assert request.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    confirmed = client.post(reverse("account_confirm_login_code"), {"code": _code_from(mail.outbox[0])})
    assert confirmed.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_finding_6_a_code_is_not_a_way_round_the_second_factor(client):
    from django.core import mail

    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    give_totp(membership.user)
    client.post(reverse("account_request_login_code"), {"email": membership.user.email})
    response = client.post(reverse("account_confirm_login_code"), {"code": _code_from(mail.outbox[0])})
    assert response.status_code == 302 and "/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_finding_6_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    from django.core import mail

    response = client.post(reverse("account_request_login_code"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == [] or all(m.to == ["nobody@example.org"] for m in mail.outbox)
