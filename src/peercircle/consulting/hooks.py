"""What the consulting app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from peercircle.consulting import permissions as perm
from peercircle.consulting.models import HelpRequest, SupervisionRequest
from peercircle.core import registry
from peercircle.core.dashboard import Todo, org_url
from peercircle.core.roles import Role
from peercircle.organisations.permissions import VIEW_NETWORK

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.MANAGE_CRISIS_TERMS,
        perm.OPEN_SUPERVISION,
    },
    Role.COORDINATOR: {
        perm.LOG_CONSULTATION,
        perm.OPEN_SUPERVISION,
        perm.PLAN_REVIEWS,
        perm.ROUTE_REQUESTS,
        perm.SEE_REVIEWS,
        perm.VIEW_FIGURES,
        perm.VIEW_REQUESTS,
        perm.VIEW_SUPERVISION_COUNTS,
    },
    Role.STAFF: {
        perm.LOG_CONSULTATION,
        perm.OPEN_SUPERVISION,
        perm.PLAN_REVIEWS,
        perm.ROUTE_REQUESTS,
        perm.SEE_REVIEWS,
        perm.VIEW_FIGURES,
        perm.VIEW_REQUESTS,
        perm.VIEW_SUPERVISION_COUNTS,
    },
    Role.SUPERVISOR: {
        perm.OPEN_SUPERVISION,
        perm.PLAN_REVIEWS,
        perm.SEE_REVIEWS,
        perm.SUPERVISE,
        perm.VIEW_FIGURES,
    },
    Role.VOLUNTEER: {
        perm.LOG_CONSULTATION,
        perm.OPEN_SUPERVISION,
        perm.REQUEST_SUPERVISION,
        perm.SEE_REVIEWS,
    },
    Role.PARTNER: {
        perm.OPEN_SUPERVISION,
    },
})

# a supervisor reads what consultants bring to supervision
registry.require_two_factor({perm.SUPERVISE})



@registry.home(50)
def requests_waiting(*, user, organisation, permissions, cards, todos) -> None:
    if perm.ROUTE_REQUESTS not in permissions:
        return
    waiting = HelpRequest.objects.filter(organisation=organisation, status=HelpRequest.Status.NEW)
    crisis = waiting.filter(crisis_flag=True).count()
    if crisis:
        todos.append(Todo(ngettext(
            "%(count)d request shows signs of crisis: refer it to a professional now.",
            "%(count)d requests show signs of crisis: refer them to a professional now.",
            crisis) % {"count": crisis}, org_url("consulting:queue", organisation)))
    calm = waiting.count() - crisis
    if calm:
        todos.append(Todo(ngettext(
            "%(count)d request for help is waiting for a peer consultant.",
            "%(count)d requests for help are waiting for a peer consultant.", calm,
        ) % {"count": calm}, org_url("consulting:queue", organisation)))


@registry.home(80)
def supervision(*, user, organisation, permissions, cards, todos) -> None:
    if perm.SUPERVISE in permissions:
        waiting = SupervisionRequest.objects.filter(
            organisation=organisation, status=SupervisionRequest.Status.REQUESTED
        ).exclude(volunteer=user).count()
        if waiting:
            todos.append(Todo(ngettext(
                "%(count)d supervision request is waiting for a supervisor.",
                "%(count)d supervision requests are waiting for a supervisor.", waiting,
            ) % {"count": waiting}, org_url("consulting:supervision", organisation)))
    upcoming = SupervisionRequest.objects.filter(
        organisation=organisation, volunteer=user, status=SupervisionRequest.Status.SCHEDULED
    ).order_by("scheduled_for").first()
    if upcoming:
        todos.append(Todo(_("Your supervision is scheduled for %(when)s.") % {
            "when": date_format(timezone.localtime(upcoming.scheduled_for),
                                "SHORT_DATETIME_FORMAT")},
            org_url("consulting:supervision_detail", organisation, supervision_pk=upcoming.pk)))

registry.menu("casework", 10, _l("Requests"), "consulting:queue", perm.VIEW_REQUESTS)
registry.menu("casework", 40, _l("Consultation figures"), "consulting:consultation_figures",
              perm.VIEW_FIGURES)
registry.menu("my_work", 10, _l("My consultations"), "consulting:my_consultations",
              perm.LOG_CONSULTATION)
registry.menu("my_work", 30, _l("Supervision"), "consulting:supervision")
registry.menu("my_work", 40, _l("Intervisions and case reviews"), "consulting:reviews",
              perm.SEE_REVIEWS)
registry.menu("organisation", 70, _l("Crisis words"), "consulting:crisis_terms",
              VIEW_NETWORK, network_only=True)


@registry.my_work(10)
def _my_requests(*, user, organisation, permissions, volunteer):
    """Requests given to this consultant and not yet closed."""
    from django.utils.translation import gettext as _

    from peercircle.consulting.models import HelpRequest

    if volunteer is None:
        return None
    requests = list(HelpRequest.objects.filter(
        organisation=organisation, assigned_to=volunteer, status=HelpRequest.Status.ASSIGNED)
        .select_related("beneficiary", "need").order_by("-crisis_flag", "assigned_at"))
    return registry.MyWorkSection(_("Requests given to me"),
                                  "consulting/partials/my_requests.html", {"requests": requests})


@registry.primary_actions(10)
def log_consultation(*, user, organisation, permissions) -> list[tuple[str, str]]:
    """Peer consultants, coordinators and staff log consultations; mentors and animators have
    their own main action."""
    from peercircle.organisations.models import Membership

    if perm.LOG_CONSULTATION not in permissions:
        return []
    kinds = set(Membership.objects.filter(user=user, organisation=organisation, is_active=True)
                .values_list("role", "volunteer_kind"))
    if all(role == Role.VOLUNTEER and kind != "peer_consultant" for role, kind in kinds):
        return []
    return [(_("Log a consultation"), org_url("consulting:consultation_new", organisation))]
