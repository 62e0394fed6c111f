"""Home-page reminders of the events part: today's attendance, overdue calendar-plan items."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peercircle.events import permissions as perm
from peercircle.events.models import Event, PlanItem


def reminders(*, user, organisation, permissions) -> list[tuple[str, str]]:
    found = []
    if perm.MARK_ATTENDANCE in permissions:
        today = timezone.localdate()
        start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
        events = Event.objects.filter(organisation=organisation, organisers=user,
                                      cancelled=False, starts_at__lt=start
                                      + datetime.timedelta(days=1), ends_at__gte=start)
        for event in events.order_by("starts_at")[:5]:
            found.append((_("Mark attendance today: %(event)s.") % {"event": event.title},
                          reverse("events:attendance", kwargs={"org": organisation.slug,
                                                               "event_pk": event.pk})))
    if perm.MANAGE_PLANS in permissions:
        overdue = PlanItem.objects.filter(
            organisation=organisation, ends_on__lt=timezone.localdate(),
            status__in=[PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS])
        count = overdue.count()
        if count:
            first = overdue.order_by("ends_on").first()
            found.append((ngettext(
                "%(count)d calendar-plan item is overdue.",
                "%(count)d calendar-plan items are overdue.", count) % {"count": count},
                reverse("events:plan", kwargs={"org": organisation.slug,
                                               "plan_pk": first.plan_id})))
    return found
