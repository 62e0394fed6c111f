"""Public pages of organisations and networks: one access rule, the client address behind the
proxy, one honeypot, one 429 page, and no anonymous form rewriting a known person's record."""

import inspect
import re
from pathlib import Path

import pytest
from allauth.core.internal.httpkit import get_client_ip
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

import peercircle
from peercircle.consulting.models import HelpRequest
from peercircle.core.access import access_rule_of
from peercircle.core.models import HelpArea, Region
from peercircle.core.ratelimit import client_address
from peercircle.mentoring.models import Mentor
from peercircle.volunteers import services as volunteer_services
from peercircle.volunteers.models import Stage, Volunteer
from tests import factories
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

# Public pages that belong to no organisation: home, language, pages opened by a token, and the
# health check a monitoring tool polls (it holds no record of any organisation).
PLAIN_PUBLIC = {"home", "language_set", "invitation_accept", "event_registration", "event_feed",
                "health", "accessibility"}


def _patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name, entry.callback


def test_item_3_every_public_organisation_page_goes_through_the_one_rule():
    public_organisation, public_network = set(), set()
    for route, name, view in _patterns():
        rule = access_rule_of(view)
        if rule is None or route.startswith("o/"):
            continue
        if "<slug:organisation_slug>" in route:
            assert rule.kind == "public_organisation", f"{name} resolves an organisation itself"
            public_organisation.add(name)
        elif "<slug:network_slug>" in route:
            assert rule.kind == "public_network", f"{name} resolves a network itself"
            public_network.add(name)
        elif rule.kind == "public":
            assert name in PLAIN_PUBLIC, f"{name}: a public page outside the public rules"
    assert public_organisation >= {"volunteer_apply", "mentor_apply", "help_request",
                                   "event_register"}
    assert public_network == {"help_request_network"}


def test_item_3_no_view_resolves_a_public_organisation_itself():
    for _route, name, view in _patterns():
        rule = access_rule_of(view)
        if rule is not None and rule.kind.startswith("public_"):
            source = inspect.getsource(view)
            repeated = ["organisation_by_slug", "Network.objects", "allow("]
            if rule.kind == "public_organisation":  # a network form scopes to the member it picks
                repeated.append("scope(organisation")
            for work in repeated:
                assert work not in source, f"{name} repeats the rule's work: {work}"


# --- finding 6: the client address behind the proxy --------------------------------------------

def _request(remote="10.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_finding_6_a_spoofed_forwarded_for_is_ignored_with_no_trusted_hops(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert client_address(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_finding_6_with_one_hop_the_right_most_untrusted_address_is_used(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    # The client wrote "198.51.100.1" itself; our proxy (10.0.0.1) appended what it saw.
    request = _request("10.0.0.1", "198.51.100.1, 203.0.113.7")
    assert client_address(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_HOPS = 2
    assert client_address(_request("10.0.0.1", "198.51.100.1, 203.0.113.7, 10.0.0.2")) \
        == "203.0.113.7"


def test_finding_6_allauth_keys_its_login_limits_on_the_same_address(settings):
    from django.conf import settings as live

    assert live.ALLAUTH_TRUSTED_PROXY_COUNT == live.TRUSTED_PROXY_HOPS
    settings.TRUSTED_PROXY_HOPS = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = _request("10.0.0.1", "198.51.100.1, 203.0.113.7")
    assert get_client_ip(request) == client_address(request) == "203.0.113.7"


def _help_payload(need, **extra):
    return {"name": "Anna", "phone": "+7 900", "need": need.pk, "language": "ru",
            "format": "phone", "urgency": "soon", "message": "", "consent": "on",
            "website": "", **extra}


def test_finding_6_one_person_behind_the_proxy_cannot_close_the_form_for_everyone(
        client, org, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    need = HelpArea.objects.get(code="oncology")
    url = reverse("help_request", kwargs={"organisation_slug": org.slug})
    through_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(5):
        client.post(url, _help_payload(need), HTTP_X_FORWARDED_FOR="203.0.113.7", **through_proxy)
    assert client.post(url, _help_payload(need), HTTP_X_FORWARDED_FOR="203.0.113.7",
                       **through_proxy).status_code == 429
    # The same person cannot escape by writing another address into the header...
    assert client.post(url, _help_payload(need), HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7",
                       **through_proxy).status_code == 429
    # ...and someone else behind the same proxy still gets through.
    assert client.post(url, _help_payload(need), HTTP_X_FORWARDED_FOR="198.51.100.9",
                       **through_proxy).status_code == 302


# --- item 3: one 429 page, translated ------------------------------------------------------------

def _exhaust(client, url, data, language):
    response = None
    for _ in range(12):
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code == 429:
            break
    return response


@pytest.mark.parametrize("language,text", [
    ("ru", "слишком много запросов"), ("pl", "zbyt wiele żądań"),
])
def test_item_3_every_public_form_answers_a_rate_limit_with_one_translated_page(
        client, org, language, text):
    need = HelpArea.objects.get(code="oncology")
    org.network = factories.NetworkFactory()
    org.coordinates_network = True
    org.save()
    org.help_areas.add(need)
    with scopes_disabled():
        event = EventFactory(organisation=org)
    forms = {
        reverse("help_request", kwargs={"organisation_slug": org.slug}): _help_payload(need),
        reverse("help_request_network", kwargs={"network_slug": org.network.slug}):
            _help_payload(need),
        reverse("volunteer_apply", kwargs={"organisation_slug": org.slug}): {"full_name": ""},
        reverse("mentor_apply", kwargs={"organisation_slug": org.slug}): {"full_name": ""},
        reverse("event_register", kwargs={"organisation_slug": org.slug, "event_pk": event.pk}):
            {"full_name": ""},
    }
    for url, data in forms.items():
        response = _exhaust(client, url, data, language)
        assert response.status_code == 429, url
        assert [t.name for t in response.templates][0] == "429.html", url
        assert text in response.content.decode(), url


# --- finding 17: the honeypot is answered exactly like a success ---------------------------------

def test_finding_17_the_network_help_form_answers_a_filled_honeypot_like_a_success(client):
    network = factories.NetworkFactory()
    member = factories.OrganisationFactory(network=network, coordinates_network=True)
    need = HelpArea.objects.get(code="oncology")
    member.help_areas.add(need)
    url = reverse("help_request_network", kwargs={"network_slug": network.slug})
    payload = _help_payload(need, region=Region.objects.get(code="ru-ta").pk)
    robot = client.post(url, {**payload, "website": "http://spam.example"})
    with scopes_disabled():
        assert not HelpRequest.objects.exists()
    person = client.post(url, payload)
    assert (robot.status_code, robot["Location"]) == (person.status_code, person["Location"])
    with scopes_disabled():
        assert HelpRequest.objects.count() == 1


@pytest.mark.parametrize("name", ["help_request", "volunteer_apply", "mentor_apply"])
def test_finding_17_every_organisation_form_answers_a_filled_honeypot_like_a_success(
        client, org, name):
    need = HelpArea.objects.get(code="oncology")
    data = {"help_request": _help_payload(need),
            "volunteer_apply": {"full_name": "Anna", "email": "anna@example.org",
                                "motivation": "To help.", "consent": "on"},
            "mentor_apply": {"full_name": "Vera", "email": "vera@example.org",
                             "motivation": "To help.", "source": "rehab_centre",
                             "consent": "on"}}[name]
    url = reverse(name, kwargs={"organisation_slug": org.slug})
    robot = client.post(url, {**data, "website": "x"})
    with scopes_disabled():
        assert not (HelpRequest.objects.exists() or Volunteer.objects.exists())
    person = client.post(url, {**data, "website": ""})
    assert (robot.status_code, robot["Location"]) == (person.status_code, person["Location"])


# --- finding 13b and 17: anonymous forms never rewrite a known person ----------------------------

def _apply(client, org, **data):
    payload = {"full_name": "Anna New", "email": "Anna@Example.org", "phone": "+48 500",
               "motivation": "Back again.", "consent": "on", "website": "", **data}
    return client.post(reverse("volunteer_apply", kwargs={"organisation_slug": org.slug}),
                       payload)


def test_finding_13b_an_application_for_the_email_of_a_person_who_left_creates_a_linked_one(
        client, org, member):
    with scopes_disabled():
        left = factories.VolunteerFactory(organisation=org, full_name="Anna Old",
                                          email="anna@example.org", phone="+7 111",
                                          motivation="First time.", stage=Stage.LEFT)
        unknown = _apply(client, org, email="someone@example.org")
    known = _apply(client, org)
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    with scopes_disabled():
        left.refresh_from_db()
        assert (left.full_name, left.phone, left.motivation, left.stage) == (
            "Anna Old", "+7 111", "First time.", Stage.LEFT)
        new = Volunteer.objects.get(email="anna@example.org", stage=Stage.APPLIED)
        assert (new.full_name, new.earlier_record) == ("Anna New", left)
    coordinator = member("coordinator")
    client.force_login(coordinator)
    page = client.get(reverse("volunteers:detail", kwargs={"org": org.slug,
                                                           "volunteer_pk": new.pk}))
    earlier_url = reverse("volunteers:detail", kwargs={"org": org.slug, "volunteer_pk": left.pk})
    assert f'href="{earlier_url}"' in page.content.decode()
    assert 'id="possible-duplicate"' in page.content.decode()


def test_finding_13b_an_active_volunteer_applying_again_keeps_one_record(org):
    with scopes_disabled():
        active = factories.VolunteerFactory(organisation=org, email="ida@example.org",
                                            full_name="Ida", stage=Stage.ACTIVE)
    same = volunteer_services.volunteer_apply(organisation=org, full_name="Someone Else",
                                              email="ida@example.org", phone="+1")
    with scopes_disabled():
        active.refresh_from_db()
        assert same == active and active.full_name == "Ida" and active.phone != "+1"
        assert Volunteer.objects.count() == 1


def test_finding_17_the_public_mentor_form_leaves_an_existing_volunteer_unchanged(client, org):
    with scopes_disabled():
        existing = factories.VolunteerFactory(organisation=org, email="vera@example.org",
                                              full_name="Vera", stage=Stage.ACTIVE)
    url = reverse("mentor_apply", kwargs={"organisation_slug": org.slug})
    data = {"full_name": "Vera Impostor", "email": "vera@example.org", "source": "rehab_centre",
            "motivation": "To help.", "is_peer_mentor": "on", "consent": "on"}
    known = client.post(url, data)
    unknown = client.post(url, {**data, "email": "new@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    with scopes_disabled():
        existing.refresh_from_db()
        assert existing.full_name == "Vera" and existing.stage == Stage.ACTIVE
        assert not Mentor.objects.filter(volunteer=existing).exists()
        candidacy = Mentor.objects.get(volunteer__email="vera@example.org")
        assert candidacy.is_peer_mentor
        assert candidacy.volunteer.earlier_record == existing
        assert candidacy.volunteer.full_name == "Vera Impostor"


# --- finding 15: Content-Security-Policy ----------------------------------------------------------

STRICT = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def test_finding_15_every_page_sends_a_strict_content_security_policy(client, org):
    for url in (reverse("account_login"),
                reverse("volunteer_apply", kwargs={"organisation_slug": org.slug})):
        assert client.get(url)["Content-Security-Policy"] == STRICT


# Rendered to PDF on the server (WeasyPrint), never served to a browser.
NOT_SERVED = {"reporting/report_pdf.html", "people/rights/processing_register_pdf.html",
              "people/rights/subject_pdf.html"}
INLINE = re.compile(r"""style=|<style|\son[a-z]+\s*=|hx-on|javascript:|<script(?![^>]*\bsrc=)""",
                    re.IGNORECASE)


def test_finding_15_templates_carry_no_inline_script_or_style():
    package = Path(peercircle.__file__).parent
    offenders = []
    for template in package.rglob("templates/**/*.html"):
        relative = template.relative_to(template.parents[0].parent)
        name = str(template).split("/templates/", 1)[1]
        if name in NOT_SERVED:
            continue
        for number, line in enumerate(template.read_text().splitlines(), 1):
            if INLINE.search(line):
                offenders.append(f"{relative}:{number}")
    assert offenders == []
