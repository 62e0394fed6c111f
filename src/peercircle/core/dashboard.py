"""What a person sees first in an organisation: real counts and the next things to do."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
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
    if not two_factor_enabled(user):
        todos.append(Todo(_("Protect your account with an authenticator app."),
                          reverse("mfa_activate_totp")))
    return {"cards": cards, "todos": todos}
