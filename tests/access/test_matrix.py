"""Every URL × every role × own/other organisation, enumerated from the URL conf.

A new page joins this matrix by itself: its access rule decides what each role must get, and a
URL argument without a sample here fails the test, so nothing can escape it.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from peercircle.core.access import ROLE_PERMISSIONS, access_rule_of
from peercircle.organisations.models import Invitation
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp

ROLES = [role.value for role in Role]


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name, pattern.callback


def project_urls():
    return [(route, name, view) for route, name, view in _walk(get_resolver().url_patterns)
            if view.__module__.startswith("peercircle.")]


def test_every_project_view_declares_an_access_rule():
    missing = [name for _route, name, view in project_urls() if access_rule_of(view) is None]
    assert missing == []


def test_the_matrix_covers_the_pages():
    assert len(project_urls()) >= 25


def _document(org, author):
    from peercircle.library.services import document_publish

    return document_publish(actor=author, organisation=org, title="Ethics code",
                            kind="ethics_code", text="We respect every person.")


def _training(org):
    from peercircle.training.models import Course, CourseSession, Enrolment

    course = Course.objects.create(organisation=org, title="Mentor School", minimum_hours=10)
    session = CourseSession.objects.create(organisation=org, course=course, topic="Boundaries",
                                           date=timezone.localdate(), duration_minutes=60,
                                           format="online")
    enrolment = Enrolment.objects.create(organisation=org, course=course,
                                         volunteer=factories.VolunteerFactory(organisation=org),
                                         enrolled_on=timezone.localdate())
    return {"course_pk": course.pk, "session_pk": session.pk, "enrolment_pk": enrolment.pk}


def _world_for(org):
    with_consent = factories.BeneficiaryFactory(organisation=org)
    consent = factories.ConsentFactory(beneficiary=with_consent)
    consent.document.save("consent.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    factories.IdentityFactory(beneficiary=with_consent)
    colleague = factories.MembershipFactory(organisation=org, role=Role.STAFF)
    invitation = Invitation.objects.create(
        organisation=org, email="new@example.org", role=Role.VOLUNTEER,
        volunteer_kind="peer_consultant", invited_by=colleague.user,
        expires_at=timezone.now() + datetime.timedelta(days=3),
    )
    return {
        "beneficiary_pk": with_consent.pk,
        "consent_pk": consent.pk,
        "family_pk": factories.FamilyFactory(organisation=org).pk,
        "membership_pk": colleague.pk,
        "invitation_pk": invitation.pk,
        "partner_pk": factories.PartnerFactory(organisation=org).pk,
        "token": invitation.token,
        "organisation_slug": org.slug,
        "network_slug": org.network.slug,
        "document_pk": _document(org, colleague.user).pk,
        "volunteer_pk": factories.VolunteerFactory(organisation=org).pk,
        "question_pk": factories.QuestionFactory(organisation=org).pk,
        "request_pk": factories.HelpRequestFactory(beneficiary=with_consent).pk,
        "term_pk": factories.CrisisTermFactory(network=org.network).pk,
        "supervision_pk": factories.SupervisionFactory(organisation=org).pk,
        "review_pk": factories.GroupReviewFactory(organisation=org).pk,
        "programme_pk": factories.ProgrammeFactory(organisation=org).pk,
        **_training(org),
        "person_pk": colleague.user.pk,
        "check_pk": factories.SelfCheckFactory(organisation=org).pk,
        "support_pk": factories.SupportRequestFactory(organisation=org).pk,
        **_app_samples(org),
    }


def _app_samples(org):
    """Samples of the programme apps: each `tests/access/samples/<app>.py` has `samples(org)`."""
    import importlib
    import pkgutil

    from tests.access import samples as package

    found = {}
    for module in pkgutil.iter_modules(package.__path__):
        found.update(importlib.import_module(f"{package.__name__}.{module.name}").samples(org))
    return found


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return world_build()


def world_build():
    network = factories.NetworkFactory()
    own = factories.OrganisationFactory(slug="own", network=network, coordinates_network=True)
    other = factories.OrganisationFactory(slug="other", network=factories.NetworkFactory(),
                                          coordinates_network=True)
    users = {}
    for role in ROLES:
        membership = factories.MembershipFactory(organisation=own, role=role)
        give_totp(membership.user)
        users[role] = membership.user
    operator = factories.UserFactory(is_operator=True)
    give_totp(operator)
    return {"own": own, "other": other, "users": users, "operator": operator,
            "samples": {"own": _world_for(own), "other": _world_for(other)}}


def _url(route_name, route, org_slug, samples):
    kwargs = {}
    for argument in _arguments(route):
        if argument == "org":
            kwargs["org"] = org_slug
        else:
            assert argument in samples, f"Add a sample for URL argument {argument!r}"
            kwargs[argument] = samples[argument]
    return reverse(route_name, kwargs=kwargs)


def _arguments(route):
    import re

    return re.findall(r"<(?:\w+:)?(\w+)>", route)


def _is_login_redirect(response):
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def _allowed(response):
    if response.status_code == 302:
        return not _is_login_redirect(response)
    return response.status_code in (200, 405)


ORGANISATION_URLS = [(r, n, v) for r, n, v in project_urls() if "<slug:org>" in r]
OTHER_URLS = [(r, n, v) for r, n, v in project_urls() if "<slug:org>" not in r]


@pytest.mark.parametrize("route,name,view", ORGANISATION_URLS, ids=[n for _, n, _ in ORGANISATION_URLS])
def test_organisation_url_matrix(client, world, route, name, view):
    rule = access_rule_of(view)
    assert rule.kind == "organisation", f"{name} is under /o/<org>/ but not an organisation view"
    own, other = world["samples"]["own"], world["samples"]["other"]
    own_url = _url(name, route, "own", own)
    problems = []

    response = client.get(own_url)
    if not _is_login_redirect(response):
        problems.append(f"anonymous got {response.status_code}")

    for role, user in world["users"].items():
        client.force_login(user)
        permitted = rule.permission in ROLE_PERMISSIONS[role]
        response = client.get(own_url)
        party_only = rule.relationship and response.status_code == 404
        if permitted and not (_allowed(response) or party_only):
            problems.append(f"{role} own: expected access, got {response.status_code}")
        if not permitted:
            for method in (client.get, client.post):
                status = method(own_url).status_code
                if status != 403:
                    problems.append(f"{role} own {method.__name__}: expected 403, got {status}")
        for method in (client.get, client.post):
            status = method(_url(name, route, "other", other)).status_code
            if status != 404:
                problems.append(f"{role} other organisation {method.__name__}: got {status}")
        if permitted and len(_arguments(route)) > 1:
            foreign_record = _url(name, route, "own", other)
            statuses = client.get(foreign_record).status_code, client.post(foreign_record).status_code
            if statuses[0] not in (404, 405) or statuses[1] != 404:
                problems.append(f"{role} own slug, other organisation's record: got {statuses}")
        client.logout()
    # the operator of the installation belongs to no organisation: every page of one, its
    # beneficiaries, identities, consultations and supervisions among them, looks missing
    client.force_login(world["operator"])
    for org_slug, samples in (("own", own), ("other", other)):
        for method in (client.get, client.post):
            status = method(_url(name, route, org_slug, samples)).status_code
            if status != 404:
                problems.append(f"operator {org_slug} {method.__name__}: got {status}")
    client.logout()
    assert problems == [], f"{name}: " + "; ".join(problems)


PUBLIC_KINDS = ("public", "public_organisation", "public_network")


@pytest.mark.parametrize("route,name,view", OTHER_URLS, ids=[n for _, n, _ in OTHER_URLS])
def test_url_outside_organisations(client, world, route, name, view):
    rule = access_rule_of(view)
    url = _url(name, route, None, world["samples"]["own"])
    response = client.get(url)
    if rule.kind in PUBLIC_KINDS:
        assert not _is_login_redirect(response)
        assert response.status_code < 500
        if rule.kind != "public":  # an unknown organisation or network is a 404
            for key in ("organisation_slug", "network_slug"):
                url = url.replace(f"/{world['samples']['own'][key]}/", "/no-such-slug/")
            assert client.get(url).status_code == 404
            assert client.post(url).status_code == 404
    elif rule.kind == "operator":
        assert _is_login_redirect(response)
        for role, user in world["users"].items():  # no role of an organisation reaches them
            client.force_login(user)
            assert (client.get(url).status_code, client.post(url).status_code) == (404, 404), role
        client.force_login(world["operator"])
        assert client.get(url).status_code in (200, 302, 405)
    else:
        assert rule.kind == "signed_in"
        assert _is_login_redirect(response)
        client.force_login(world["users"][Role.VOLUNTEER])
        assert client.get(url).status_code in (200, 302)


def test_network_page_is_404_for_an_organisation_that_runs_no_network(client, db):
    org = factories.OrganisationFactory()
    user = factories.MembershipFactory(organisation=org, role=Role.NETWORK_COORDINATOR).user
    give_totp(user)
    client.force_login(user)
    assert client.get(reverse("organisations:network", kwargs={"org": org.slug})).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_identity_is_opened_only_by_coordinators_and_staff(client, world, role):
    client.force_login(world["users"][role])
    url = reverse("people:identity_open", kwargs={
        "org": "own", "beneficiary_pk": world["samples"]["own"]["beneficiary_pk"]})
    response = client.post(url)
    if role in (Role.COORDINATOR, Role.STAFF):
        assert response.status_code == 200
        assert "Vera Testova" in response.content.decode()
    else:
        assert response.status_code == 403
        assert "Vera Testova" not in response.content.decode()


def test_a_switched_off_membership_gives_no_access(client, world):
    user = world["users"][Role.COORDINATOR]
    user.memberships.update(is_active=False)
    client.force_login(user)
    assert client.get(reverse("core:dashboard", kwargs={"org": "own"})).status_code == 404
