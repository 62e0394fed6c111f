"""What a person sees first in an organisation: real counts and the next things to do."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peercircle.accounts.selectors import two_factor_enabled
from peercircle.core import permissions as core
from peercircle.core.models import Activity
from peercircle.organisations import permissions as org
from peercircle.organisations import selectors as org_selectors
from peercircle.organisations.roles import Role
from peercircle.people import permissions as people
from peercircle.people import selectors as people_selectors


@dataclass
class Card:
    label: str
    value: int | str
    url: str = ""


@dataclass
class Todo:
    text: str
    url: str


def _url(name: str, organisation, **kwargs) -> str:
    return reverse(name, kwargs={"org": organisation.slug, **kwargs})


def _month_start() -> datetime.date:
    return timezone.localdate().replace(day=1)


def _casework(organisation, cards, todos):
    beneficiaries = people_selectors.beneficiary_list(organisation=organisation)
    cards.append(Card(_("Beneficiaries"), beneficiaries.count(),
                      _url("people:beneficiary_list", organisation)))
    cards.append(Card(_("Families"), people_selectors.family_list(organisation=organisation)
                      .count(), _url("people:family_list", organisation)))
    lacking = people_selectors.beneficiaries_without_consent(organisation=organisation).count()
    if lacking:
        todos.append(Todo(ngettext(
            "%(count)d beneficiary has no recorded consent to data processing.",
            "%(count)d beneficiaries have no recorded consent to data processing.", lacking,
        ) % {"count": lacking}, _url("people:beneficiary_list", organisation)))


def _activities(organisation, user, permissions, cards):
    qs = Activity.objects.filter(organisation=organisation, date__gte=_month_start())
    if core.VIEW_ALL_ACTIVITIES in permissions:
        label = _("Activities this month")
    else:
        qs, label = qs.filter(providers=user), _("My activities this month")
    minutes = qs.aggregate(total=Sum("duration_minutes"))["total"] or 0
    cards.append(Card(label, qs.count(), _url("core:activity_list", organisation)))
    cards.append(Card(_("Hours this month"), round(minutes / 60, 1)))


def _management(organisation, cards, todos):
    members = org_selectors.member_list(organisation=organisation).filter(is_active=True)
    volunteers = members.filter(role=Role.VOLUNTEER).count()
    cards.append(Card(_("Volunteers"), volunteers, _url("organisations:members", organisation)))
    pending = org_selectors.invitation_pending_list(organisation=organisation).count()
    if pending:
        todos.append(Todo(ngettext(
            "%(count)d invitation is waiting to be accepted.",
            "%(count)d invitations are waiting to be accepted.", pending,
        ) % {"count": pending}, _url("organisations:members", organisation)))
    if not organisation.regions.exists() or not organisation.help_areas.exists():
        todos.append(Todo(_("Complete the profile: regions served and help areas."),
                          _url("organisations:profile_edit", organisation)))


def _programme_reminders(user, organisation, permissions, todos) -> None:
    """Reminders from the programme apps: what waits for this person."""
    from peercircle.consulting import permissions as consulting
    from peercircle.consulting.models import HelpRequest, SupervisionRequest
    from peercircle.volunteers import permissions as volunteers
    from peercircle.volunteers.models import Stage, Volunteer
    from peercircle.wellbeing import permissions as wellbeing
    from peercircle.wellbeing.selectors import open_support_requests, self_check_due

    if consulting.ROUTE_REQUESTS in permissions:
        waiting = HelpRequest.objects.filter(organisation=organisation,
                                             status=HelpRequest.Status.NEW)
        crisis = waiting.filter(crisis_flag=True).count()
        if crisis:
            todos.append(Todo(ngettext(
                "%(count)d request shows signs of crisis: refer it to a professional now.",
                "%(count)d requests show signs of crisis: refer them to a professional now.",
                crisis) % {"count": crisis}, _url("consulting:queue", organisation)))
        calm = waiting.count() - crisis
        if calm:
            todos.append(Todo(ngettext(
                "%(count)d request for help is waiting for a peer consultant.",
                "%(count)d requests for help are waiting for a peer consultant.", calm,
            ) % {"count": calm}, _url("consulting:queue", organisation)))
    if volunteers.MANAGE_VOLUNTEERS in permissions:
        applied = Volunteer.objects.filter(organisation=organisation, stage=Stage.APPLIED).count()
        if applied:
            todos.append(Todo(ngettext(
                "%(count)d volunteer application is waiting for screening.",
                "%(count)d volunteer applications are waiting for screening.", applied,
            ) % {"count": applied}, _url("volunteers:list", organisation) + "?stage=applied"))
    if wellbeing.VIEW_SUPPORT_REQUESTS in permissions:
        support = open_support_requests(organisation=organisation).count()
        if support:
            todos.append(Todo(ngettext(
                "%(count)d volunteer asked for support.",
                "%(count)d volunteers asked for support.", support,
            ) % {"count": support}, _url("wellbeing:support_requests", organisation)))
    if consulting.SUPERVISE in permissions:
        waiting = SupervisionRequest.objects.filter(
            organisation=organisation, status=SupervisionRequest.Status.REQUESTED
        ).exclude(volunteer=user).count()
        if waiting:
            todos.append(Todo(ngettext(
                "%(count)d supervision request is waiting for a supervisor.",
                "%(count)d supervision requests are waiting for a supervisor.", waiting,
            ) % {"count": waiting}, _url("consulting:supervision", organisation)))
    upcoming = SupervisionRequest.objects.filter(
        organisation=organisation, volunteer=user, status=SupervisionRequest.Status.SCHEDULED
    ).order_by("scheduled_for").first()
    if upcoming:
        todos.append(Todo(_("Your supervision is scheduled for %(when)s.") % {
            "when": date_format(timezone.localtime(upcoming.scheduled_for),
                                "SHORT_DATETIME_FORMAT")},
            _url("consulting:supervision_detail", organisation, supervision_pk=upcoming.pk)))
    if consulting.REQUEST_SUPERVISION in permissions and wellbeing.TAKE_SELF_CHECK in \
            permissions and self_check_due(organisation=organisation, user=user):
        todos.append(Todo(_("It is time for your quarterly wellbeing self-check."),
                          _url("wellbeing:self_check", organisation)))


def _documents_to_acknowledge(user, organisation, todos) -> None:
    from peercircle.library.selectors import unsigned_for

    for document in unsigned_for(organisation=organisation, user=user):
        todos.append(Todo(_("Read and acknowledge: %(title)s.") % {"title": document.title},
                          _url("library:detail", organisation, document_pk=document.pk)))


def dashboard_for(*, user, organisation, permissions) -> dict:
    cards: list[Card] = []
    todos: list[Todo] = []
    if org.VIEW_NETWORK in permissions and organisation.coordinates_network:
        count = org_selectors.network_members(organisation=organisation).count()
        cards.append(Card(_("Member organisations"), count,
                          _url("organisations:network", organisation)))
    if people.VIEW_BENEFICIARIES in permissions:
        _casework(organisation, cards, todos)
    if core.VIEW_LEDGER in permissions:
        _activities(organisation, user, permissions, cards)
    if org.MANAGE_MEMBERS in permissions:
        _management(organisation, cards, todos)
    _programme_reminders(user, organisation, permissions, todos)
    _documents_to_acknowledge(user, organisation, todos)
    from peercircle.mentoring.dashboard import reminders as mentoring_reminders

    todos.extend(Todo(text, url) for text, url in mentoring_reminders(
        user=user, organisation=organisation, permissions=permissions))
    from peercircle.groups.dashboard import reminders as groups_reminders

    todos.extend(Todo(text, url) for text, url in groups_reminders(
        user=user, organisation=organisation, permissions=permissions))
    from peercircle.events.dashboard import reminders as events_reminders

    todos.extend(Todo(text, url) for text, url in events_reminders(
        user=user, organisation=organisation, permissions=permissions))
    if not two_factor_enabled(user):
        todos.append(Todo(_("Protect your account with an authenticator app."),
                          reverse("mfa_activate_totp")))
    return {"cards": cards, "todos": todos}
