import pytest
from allauth.mfa.models import Authenticator
from django_scopes import scopes_disabled

from tests import factories


@pytest.fixture
def unscoped():
    with scopes_disabled():
        yield


@pytest.fixture
def org(db):
    return factories.OrganisationFactory(slug="alpha", name="Alpha NGO")


@pytest.fixture
def other_org(db):
    return factories.OrganisationFactory(slug="beta", name="Beta NGO")


def give_totp(user) -> None:
    """Mark a user as having set up an authenticator app (the browser tests do it for real)."""
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP,
                                 data={"secret": "JBSWY3DPEHPK3PXP"})


@pytest.fixture
def member(db, org):
    """Make a member of `org` with a role; two-factor already set up for roles needing it."""

    def make(role: str, organisation=None, **kwargs):
        membership = factories.MembershipFactory(role=role, organisation=organisation or org,
                                                 **kwargs)
        give_totp(membership.user)
        return membership.user

    return make


@pytest.fixture
def coordinator(member):
    return member("coordinator")


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and lockouts live in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """A request leaves its person's language active in the thread: every test starts without."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
