"""The operator of an installation: the first account, organisations with their legal identity,
suspension, first coordinators and networks (issue 14)."""

import io

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.accounts.models import User
from peercircle.core.models import AuditEntry
from peercircle.organisations import administration
from peercircle.organisations.models import Invitation, Membership, Organisation
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db

# Real check digits, worked by hand from the published algorithms (not by python-stdnum):
# INN 7707083893 and OGRN 1027700132195 (a well-known Russian bank); NIP 5260250274 and REGON
# 000331501 (a Polish ministry); KRS numbers have no check digit.
RUSSIAN = {"name": "Рядом", "slug": "ryadom-new", "kind": "ngo", "country": "RU",
           "inn": "7707083893", "ogrn": "1027700132195", "time_zone": "Europe/Samara",
           "languages": ["ru"]}
POLISH = {"name": "Klub Sąsiedzki", "slug": "klub", "kind": "social_assistance", "country": "PL",
          "krs": "0000123456", "nip": "526-025-02-74", "regon": "000331501",
          "time_zone": "Europe/Warsaw", "languages": ["pl"]}


@pytest.fixture
def operator(db):
    user = factories.UserFactory(is_operator=True)
    give_totp(user)
    return user


def test_the_command_creates_the_first_operator_with_an_authenticator(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-passphrase-9\n"))
    out = io.StringIO()
    call_command("operator_create", "--email", "Op@Example.org", "--name", "Olga Operator",
                 stdout=out)
    user = User.objects.get(email="op@example.org")
    assert user.is_operator and user.check_password("a-long-passphrase-9")
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert "otpauth://totp/" in out.getvalue() and "secret:" in out.getvalue()
    assert not user.memberships.exists()  # belongs to no organisation


@pytest.mark.parametrize("stdin,message", [("123\n", "too short"), ("\n", "first line")])
def test_the_command_refuses_a_weak_or_missing_password(monkeypatch, stdin, message):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with pytest.raises(CommandError, match=message):
        call_command("operator_create", "--email", "op@example.org", "--name", "Olga")
    assert not User.objects.exists()


def test_an_operator_registers_organisations_with_checked_legal_identifiers(operator):
    russian = administration.organisation_create(actor=operator, data=dict(RUSSIAN))
    polish = administration.organisation_create(actor=operator, data=dict(POLISH))
    assert (russian.inn, russian.ogrn, russian.time_zone) == ("7707083893", "1027700132195",
                                                             "Europe/Samara")
    assert polish.nip == "5260250274"  # stored compact, whatever the punctuation typed
    with scope(organisation=russian):
        entry = AuditEntry.objects.get(organisation=russian)
    assert entry.actor == operator and entry.action == AuditEntry.Action.CREATE


@pytest.mark.parametrize("field,value,message", [
    ("inn", "7707083894", "INN is not valid"),
    ("ogrn", "1027700132196", "OGRN is not valid"),
    ("nip", "5260250275", "NIP is not valid"),
    ("krs", "12345", "KRS number is not valid"),
])
def test_a_wrong_check_digit_is_refused_with_the_identifier_named(operator, field, value, message):
    data = dict(RUSSIAN if field in ("inn", "ogrn") else POLISH, **{field: value})
    with pytest.raises(ValidationError) as error:
        administration.organisation_create(actor=operator, data=data)
    assert message in error.value.message_dict[field][0]
    assert not Organisation.objects.exists()


def test_a_duplicate_organisation_is_refused_naming_the_one_registered(operator):
    administration.organisation_create(actor=operator, data=dict(RUSSIAN))
    with pytest.raises(ValidationError) as error:
        administration.organisation_create(
            actor=operator, data=dict(RUSSIAN, name="Другая", slug="other", inn="77 07 083893"))
    assert "Рядом is already registered" in error.value.message_dict["inn"][0]
    with pytest.raises(ValidationError) as error:  # same name, no identifier in common
        administration.organisation_create(
            actor=operator, data={"name": "рядом", "slug": "other", "country": "RU"})
    assert "name" in error.value.message_dict
    assert Organisation.objects.count() == 1


def test_an_identifier_of_the_other_country_is_refused(operator):
    with pytest.raises(ValidationError) as error:
        administration.organisation_create(actor=operator, data=dict(POLISH, inn="7707083893"))
    assert "another country" in error.value.message_dict["inn"][0]


def test_only_an_operator_registers_organisations(member, org):
    coordinator = member(Role.COORDINATOR)
    with pytest.raises(ValidationError):
        administration.organisation_create(actor=coordinator, data=dict(RUSSIAN))


def test_the_form_shows_the_identifier_error_in_the_persons_language(client, operator):
    operator.language = "ru"
    operator.save()
    client.force_login(operator)
    response = client.post(reverse("operator:organisation_create"),
                           dict(RUSSIAN, inn="7707083894"))
    assert response.status_code == 200
    assert "ИНН" in response.content.decode() and not Organisation.objects.exists()


def _accept(client, invitation, name="Анна Координатор"):
    client.logout()
    return client.post(reverse("invitation_accept", kwargs={"token": invitation.token}),
                       {"full_name": name, "password1": "a-long-passphrase-9",
                        "password2": "a-long-passphrase-9"})


def test_the_first_coordinator_is_invited_by_the_operator_and_joins(
        client, operator, django_capture_on_commit_callbacks):
    organisation = administration.organisation_create(actor=operator, data=dict(RUSSIAN))
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("operator:organisation",
                                       kwargs={"organisation_pk": organisation.pk}),
                               {"email": "anna@example.org", "language": "ru"})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["anna@example.org"]
    with scopes_disabled():
        invitation = Invitation.objects.get()
    assert invitation.role == Role.COORDINATOR
    _accept(client, invitation)
    assert Membership.objects.filter(user__email="anna@example.org", organisation=organisation,
                                     role=Role.COORDINATOR).exists()


def test_the_operator_gives_no_role_but_the_first_coordinators(operator):
    organisation = administration.organisation_create(actor=operator, data=dict(RUSSIAN))
    with pytest.raises(ValidationError):  # network coordinators only where a network is run
        administration.first_coordinator_invite(
            actor=operator, organisation=organisation, email="x@example.org", language="ru",
            network_coordinator=True, build_url=str)


def test_a_suspended_organisation_stops_and_comes_back_with_everything(client, operator, org,
                                                                       member):
    coordinator = member(Role.COORDINATOR)
    with scope(organisation=org):
        pending = Invitation.objects.create(
            organisation=org, email="late@example.org", role=Role.STAFF, invited_by=coordinator,
            expires_at="2099-01-01T00:00Z")
    administration.organisation_suspend(actor=operator, organisation=org,
                                        reason="Договор хостинга не продлён")
    client.force_login(coordinator)
    page = client.get(reverse("core:dashboard", kwargs={"org": org.slug}))
    assert page.status_code == 403 and "Договор хостинга не продлён" in page.content.decode()
    client.logout()
    assert client.get(reverse("volunteer_apply", args=[org.slug])).status_code == 404
    invitation_page = client.get(reverse("invitation_accept", kwargs={"token": pending.token}))
    assert invitation_page.status_code == 410 and "suspended" in invitation_page.content.decode()

    administration.organisation_reactivate(actor=operator, organisation=org)
    client.force_login(coordinator)
    assert client.get(reverse("core:dashboard", kwargs={"org": org.slug})).status_code == 200
    with pytest.raises(ValidationError):
        administration.organisation_reactivate(actor=operator, organisation=org)


def test_suspending_needs_a_reason(operator, org):
    with pytest.raises(ValidationError):
        administration.organisation_suspend(actor=operator, organisation=org, reason=" ")
    org.refresh_from_db()
    assert org.suspended_at is None


def test_the_operators_pages_list_organisations_and_no_work(client, operator, org, member):
    member(Role.COORDINATOR)
    beneficiary = factories.BeneficiaryFactory(organisation=org)
    client.force_login(operator)
    page = client.get(reverse("operator:home")).content.decode()
    assert org.name in page
    detail = client.get(reverse("operator:organisation", kwargs={"organisation_pk": org.pk}))
    assert detail.status_code == 200 and beneficiary.code not in detail.content.decode()
    assert client.get(reverse("home")).status_code == 302  # straight to the operator's pages


def test_an_organisations_pages_are_in_its_own_time_zone(client, member, org):
    from unittest import mock

    from django.utils import timezone

    org.time_zone = "Asia/Vladivostok"
    org.save()
    seen = {}

    def spy(**kwargs):
        seen["zone"] = timezone.get_current_timezone_name()
        raise RuntimeError("seen")

    client.force_login(member(Role.COORDINATOR))
    client.raise_request_exception = False
    with mock.patch("peercircle.core.views.dashboard_for", side_effect=spy):
        client.get(reverse("core:dashboard", kwargs={"org": org.slug}))
    assert seen["zone"] == "Asia/Vladivostok"
