"""Shared parts of the data-subject commands: find the organisation, the person and the actor."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django_scopes import scopes_disabled

from peercircle.organisations.models import Organisation
from peercircle.people.models import Beneficiary


def organisation_of(slug: str) -> Organisation:
    with scopes_disabled():
        organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise CommandError(f"No organisation {slug!r}.")
    return organisation


def beneficiary_of(organisation, code: str) -> Beneficiary:
    """Call inside the organisation's scope."""
    beneficiary = (Beneficiary.objects.filter(organisation=organisation, code__iexact=code.strip())
                   .select_related("organisation").first())
    if beneficiary is None:
        raise CommandError(f"No beneficiary {code!r} in {organisation.slug}.")
    return beneficiary


def actor_of(email: str | None):
    if not email:
        return None
    actor = get_user_model().objects.filter(email__iexact=email).first()
    if actor is None:
        raise CommandError(f"No user {email!r}.")
    return actor
