"""Access control, in one place: which role may do what, and how every view declares its rule.

Every view of the project carries one rule (public, signed-in, or organisation + permission).
`OrganisationScopeMiddleware` enforces it before the view runs; a view without a rule is refused.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peercircle.consulting import permissions as consulting
from peercircle.core import permissions as core
from peercircle.events import permissions as events
from peercircle.groups import permissions as groups
from peercircle.imports import permissions as imports
from peercircle.library import permissions as library
from peercircle.mentoring import permissions as mentoring
from peercircle.organisations import permissions as org
from peercircle.organisations.roles import Role
from peercircle.people import permissions as people
from peercircle.reporting import permissions as reporting
from peercircle.training import permissions as training
from peercircle.volunteers import permissions as volunteers
from peercircle.wellbeing import permissions as wellbeing

_EVERY_MEMBER = {core.VIEW_HOME, org.VIEW_PROFILE, consulting.OPEN_SUPERVISION,
                 library.READ_DOCUMENTS, events.VIEW_EVENTS}
# Programme management: coordinators and staff run mentoring, clubs, events, plans and projects.
_PROGRAMMES = {
    mentoring.VIEW_MENTORING, mentoring.MANAGE_MENTORING, mentoring.VIEW_MENTORING_REPORT,
    mentoring.CURATE,  # the institution's staff also curate families and confirm outcomes
    groups.VIEW_CLUBS, groups.MANAGE_CLUBS, groups.LOG_GROUP_SESSION, groups.SHARE_PRACTICE,
    groups.VIEW_INITIATIVES, groups.MANAGE_INITIATIVES,
    events.MANAGE_EVENTS, events.MARK_ATTENDANCE, events.VIEW_FEEDBACK, events.VIEW_PLANS,
    events.MANAGE_PLANS,
    reporting.VIEW_PROJECTS, reporting.MANAGE_PROJECTS, reporting.EXPORT_REPORTS,
    imports.IMPORT_DATA,
}
_CASEWORK = {
    people.VIEW_BENEFICIARIES,
    people.MANAGE_BENEFICIARIES,
    people.VIEW_IDENTITY,
    people.MANAGE_IDENTITY,
    people.MANAGE_CONSENT,
    people.VIEW_FAMILIES,
    people.MANAGE_FAMILIES,
    core.VIEW_LEDGER,
    core.VIEW_ALL_ACTIVITIES,
    core.RECORD_ACTIVITY,
    consulting.VIEW_REQUESTS,
    consulting.ROUTE_REQUESTS,
    consulting.LOG_CONSULTATION,
    consulting.VIEW_FIGURES,
    consulting.VIEW_SUPERVISION_COUNTS,
    consulting.SEE_REVIEWS,
    consulting.PLAN_REVIEWS,
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.NETWORK_COORDINATOR: frozenset(
        _EVERY_MEMBER
        | {org.VIEW_NETWORK, org.VIEW_MEMBERS, org.VIEW_PARTNERS, core.VIEW_AUDIT,
           consulting.MANAGE_CRISIS_TERMS, library.PUBLISH_DOCUMENTS, library.VIEW_SIGNATURES,
           training.KEEP_FRAMEWORK, training.SELF_ASSESS, groups.VIEW_CLUBS,
           groups.VIEW_NETWORK_CLUBS, groups.SHARE_PRACTICE, groups.VIEW_INITIATIVES,
           events.MANAGE_EVENTS, events.VIEW_FEEDBACK, events.VIEW_PLANS, events.MANAGE_PLANS,
           reporting.VIEW_PROJECTS, reporting.MANAGE_PROJECTS, reporting.EXPORT_REPORTS,
           reporting.VIEW_NETWORK_STATS, people.VIEW_PROCESSING_REGISTER}
    ),
    Role.COORDINATOR: frozenset(
        _EVERY_MEMBER
        | _CASEWORK
        | {
            org.MANAGE_ORGANISATION,
            org.VIEW_MEMBERS,
            org.MANAGE_MEMBERS,
            org.VIEW_PARTNERS,
            org.MANAGE_PARTNERS,
            core.VIEW_AUDIT,
            volunteers.VIEW_VOLUNTEERS,
            volunteers.MANAGE_VOLUNTEERS,
            volunteers.CONFIGURE_APPLICATION,
            wellbeing.VIEW_SUPPORT_REQUESTS,
            wellbeing.TAKE_SELF_CHECK,
            library.PUBLISH_DOCUMENTS,
            library.VIEW_SIGNATURES,
            training.VIEW_COURSES,
            training.MANAGE_COURSES,
            training.SELF_ASSESS,
            training.KEEP_FRAMEWORK,
            # data-subject rights: a person's data produced for them, erased at their request
            people.EXPORT_SUBJECT_DATA,
            people.ERASE_SUBJECT,
            people.VIEW_PROCESSING_REGISTER,
        }
        | _PROGRAMMES
    ),
    Role.STAFF: frozenset(
        _EVERY_MEMBER
        | _CASEWORK
        | {org.VIEW_MEMBERS, org.VIEW_PARTNERS, volunteers.VIEW_VOLUNTEERS,
           volunteers.MANAGE_VOLUNTEERS, wellbeing.TAKE_SELF_CHECK, training.VIEW_COURSES,
           training.MANAGE_COURSES, training.SELF_ASSESS, people.VIEW_PROCESSING_REGISTER}
        | _PROGRAMMES
    ),
    # Supervisors and curators work with cases under their codes, never with identities.
    Role.SUPERVISOR: frozenset(
        _EVERY_MEMBER
        | {
            org.VIEW_MEMBERS,
            people.VIEW_BENEFICIARIES,
            people.VIEW_FAMILIES,
            core.VIEW_LEDGER,
            core.VIEW_ALL_ACTIVITIES,
            core.RECORD_ACTIVITY,
            consulting.VIEW_FIGURES,
            consulting.SUPERVISE,
            consulting.SEE_REVIEWS,
            consulting.PLAN_REVIEWS,
            wellbeing.TAKE_SELF_CHECK,
            training.VIEW_COURSES,
            training.SELF_ASSESS,
            training.ASSESS_OTHERS,
            # Curators of mentoring pairs are the institution's specialists.
            mentoring.VIEW_MENTORING,
            mentoring.CURATE,
            groups.VIEW_CLUBS,
            groups.SHARE_PRACTICE,
            events.VIEW_PLANS,
        }
    ),
    # Volunteers see and log their own work.
    Role.VOLUNTEER: frozenset(
        _EVERY_MEMBER
        | {core.VIEW_LEDGER, core.RECORD_ACTIVITY, consulting.LOG_CONSULTATION,
           consulting.REQUEST_SUPERVISION, consulting.SEE_REVIEWS, wellbeing.TAKE_SELF_CHECK,
           training.SELF_ASSESS, mentoring.VIEW_MENTORING, mentoring.LOG_MENTOR_MEETING,
           groups.VIEW_CLUBS, groups.LOG_GROUP_SESSION, groups.SHARE_PRACTICE,
           groups.VIEW_INITIATIVES, events.MARK_ATTENDANCE}
    ),
    Role.PARTNER: frozenset(_EVERY_MEMBER | {mentoring.VIEW_MENTORING}),
}


def permissions_for_roles(roles: Iterable[str]) -> frozenset[str]:
    granted: set[str] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS.get(role, frozenset())
    return frozenset(granted)


@dataclass(frozen=True)
class AccessRule:
    kind: str  # "public", "public_organisation", "public_network", "signed_in" or "organisation"
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


def organisation_view(permission: str, *, relationship: bool = False) -> Callable[[Callable], Callable]:
    """A page of one organisation (`/o/<org>/…`) that needs `permission` there."""
    return _mark(AccessRule("organisation", permission, relationship))


def access_rule_of(view: Callable) -> AccessRule | None:
    rule = getattr(view, ACCESS_ATTRIBUTE, None)
    if rule is None and hasattr(view, "view_class"):
        rule = getattr(view.view_class, ACCESS_ATTRIBUTE, None)
    return rule
