"""What a person sees first in an organisation: real counts and the next things to do.

The cards and reminders come from the apps: each registers its part in its `hooks` module with
`core.registry.home(order)`; they run in that order."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core import permissions as core
from peercircle.core import registry
from peercircle.core.models import Activity


@dataclass
class Card:
    label: str
    value: int | str
    url: str = ""


@dataclass
class Todo:
    text: str
    url: str


def org_url(name: str, organisation, **kwargs) -> str:
    return reverse(name, kwargs={"org": organisation.slug, **kwargs})




def _month_start() -> datetime.date:
    return timezone.localdate().replace(day=1)


def activities(*, user, organisation, permissions, cards, todos) -> None:
    if core.VIEW_LEDGER not in permissions:
        return
    qs = Activity.objects.filter(organisation=organisation, date__gte=_month_start())
    if core.VIEW_ALL_ACTIVITIES in permissions:
        label = _("Activities this month")
    else:
        qs, label = qs.filter(providers=user), _("My activities this month")
    minutes = qs.aggregate(total=Sum("duration_minutes"))["total"] or 0
    cards.append(Card(label, qs.count(), org_url("core:activity_list", organisation)))
    cards.append(Card(_("Hours this month"), round(minutes / 60, 1)))


def dashboard_for(*, user, organisation, permissions) -> dict:
    cards: list[Card] = []
    todos: list[Todo] = []
    for hook in registry.home_hooks:
        hook.add(user=user, organisation=organisation, permissions=permissions, cards=cards,
                 todos=todos)
    actions: list[tuple[str, str]] = []
    for hook in registry.primary_action_hooks:
        actions.extend(hook.add(user=user, organisation=organisation, permissions=permissions))
    return {"cards": cards, "todos": todos, "actions": actions[:MAX_ACTIONS]}


MAX_ACTIONS = 6  # a phone's first screen
