"""Home-page reminders of the clubs and groups part."""

import datetime

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.groups.models import SelfHelpGroup
from peercircle.groups.permissions import LOG_GROUP_SESSION

QUIET_DAYS = 14


def reminders(*, user, organisation, permissions) -> list[tuple[str, str]]:
    """An animator's own groups with no session logged for two weeks."""
    if LOG_GROUP_SESSION not in permissions:
        return []
    since = timezone.localdate() - datetime.timedelta(days=QUIET_DAYS)
    groups = (SelfHelpGroup.objects.filter(organisation=organisation, animators=user,
                                           ended_on__isnull=True, started_on__lte=since)
              .annotate(last=Max("sessions__activity__date")).order_by("name"))
    return [(_("No session of %(group)s has been logged for two weeks.") % {"group": g.name},
             reverse("groups:session_log", kwargs={"org": organisation.slug, "group_pk": g.pk}))
            for g in groups if g.last is None or g.last < since]
