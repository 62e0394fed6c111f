"""Access control, in one place: which role may do what, and how every view declares its rule.

The role table is assembled from the grants each app declares in its `hooks` module.

Every view of the project carries one rule (public, signed-in, or organisation + permission).
`OrganisationScopeMiddleware` enforces it before the view runs; a view without a rule is refused.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peercircle.core import registry

# role → permissions, assembled from every app's `hooks` module (core.registry); the apps' shares
# are compared with the reviewed snapshot in tests/access/role_table.json.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = registry.role_table


def permissions_for_roles(roles: Iterable[str]) -> frozenset[str]:
    granted: set[str] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS.get(role, frozenset())
    return frozenset(granted)


def roles_requiring_two_factor() -> frozenset[str]:
    """The roles holding any permission the apps declared sensitive (registry.require_two_factor):
    derived from the permissions, so a role given such a permission needs a second factor too."""
    sensitive = registry.two_factor_permissions
    return frozenset(role for role, granted in ROLE_PERMISSIONS.items() if granted & sensitive)


# The session key that binds a person's first set-up of an authenticator to the invitation
# link they opened (the person who accepts enrols, not whoever learns the password later).
TWO_FACTOR_ENROLMENT_SESSION_KEY = "two_factor_enrolment"


def two_factor_enrolment_allow(request, user) -> None:
    request.session[TWO_FACTOR_ENROLMENT_SESSION_KEY] = user.pk


def two_factor_enrolment_allowed(request) -> bool:
    return request.session.get(TWO_FACTOR_ENROLMENT_SESSION_KEY) == request.user.pk


@dataclass(frozen=True)
class AccessRule:
    # "public", "public_organisation", "public_network", "signed_in", "operator" or "organisation"
    kind: str
    permission: str | None = None
    # The view also checks a relationship (e.g. only the two people of a supervision): permitted
    # roles still get 404 for records they are not party to.
    relationship: bool = False
    # Public pages: the limit per client address for sending the form ("5/h") and for any request.
    post_rate: str | None = None
    read_rate: str | None = None


ACCESS_ATTRIBUTE = "peercircle_access"


def _mark(rule: AccessRule) -> Callable:
    def decorate(view: Callable) -> Callable:
        setattr(view, ACCESS_ATTRIBUTE, rule)
        return view

    return decorate


def public_view(view: Callable) -> Callable:
    """Open to anyone, signed in or not (login, public forms, invitation links)."""
    return _mark(AccessRule("public"))(view)


def public_organisation_view(*, post_rate: str | None = None,
                             read_rate: str | None = None) -> Callable[[Callable], Callable]:
    """A public page of one organisation (`…/<organisation_slug>/…`, no sign-in).

    The middleware resolves the organisation (404 for an unknown one) into
    `request.public_organisation`, answers 429 over the page's rate limits (per client address),
    and runs the view inside the organisation's scope.
    """
    return _mark(AccessRule("public_organisation", post_rate=post_rate, read_rate=read_rate))


def public_network_view(*, post_rate: str | None = None,
                        read_rate: str | None = None) -> Callable[[Callable], Callable]:
    """A public page of a whole network (`…/<network_slug>/…`): `request.public_network`."""
    return _mark(AccessRule("public_network", post_rate=post_rate, read_rate=read_rate))


def signed_in_view(view: Callable) -> Callable:
    """Any signed-in person, outside any one organisation (the organisation chooser)."""
    return _mark(AccessRule("signed_in"))(view)


def operator_view(view: Callable) -> Callable:
    """A page of the installation's operator (`/operator/…`): anyone else gets 404."""
    return _mark(AccessRule("operator"))(view)


def organisation_view(permission: str, *, relationship: bool = False) -> Callable[[Callable], Callable]:
    """A page of one organisation (`/o/<org>/…`) that needs `permission` there."""
    return _mark(AccessRule("organisation", permission, relationship))


def access_rule_of(view: Callable) -> AccessRule | None:
    rule = getattr(view, ACCESS_ATTRIBUTE, None)
    if rule is None and hasattr(view, "view_class"):
        rule = getattr(view.view_class, ACCESS_ATTRIBUTE, None)
    return rule
