"""Home-page reminders of the mentoring programme (registered in hooks.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peercircle.core.dates import shown
from peercircle.mentoring import permissions as perm
from peercircle.mentoring.selectors import due_list


def reminders(*, user, organisation, permissions) -> list[tuple[str, str]]:
    """(text, url) pairs: the curator's overdue work on their families (the coordinator's on
    every family) and agreements about to expire."""
    if perm.CURATE not in permissions:
        return []
    curator = None if perm.MANAGE_MENTORING in permissions else user
    items = due_list(organisation=organisation, curator=curator)
    url = reverse("mentoring:due", kwargs={"org": organisation.slug})
    result = []
    overdue = [i for i in items if i.overdue and i.kind != "expired"]
    if overdue:
        result.append((ngettext(
            "%(count)d mentoring curation task is overdue (home visits, meetings with mentors, "
            "monitoring, case councils).",
            "%(count)d mentoring curation tasks are overdue (home visits, meetings with mentors, "
            "monitoring, case councils).", len(overdue)) % {"count": len(overdue)}, url))
    expiring = [i for i in items if i.kind in ("expiry", "expired")]
    for item in expiring:
        text = (_("The agreement of family %(family)s expired on %(date)s: renew or close it.")
                if item.kind == "expired" else
                _("The agreement of family %(family)s expires on %(date)s."))
        result.append((text % {"family": item.pair.family, "date": shown(item.due_on)},
                       reverse("mentoring:pair", kwargs={"org": organisation.slug,
                                                         "pair_pk": item.pair.pk})))
    return result
