"""What the groups app keeps about a beneficiary: group memberships and initiatives."""

from django.utils.translation import gettext as _

from peercircle.core.subject_registry import SubjectDataProvider, item_of, register
from peercircle.groups import permissions as perm
from peercircle.groups.models import GroupMember, Initiative


def _groups(beneficiary):
    members = [item_of(member, ("group", "joined_on", "left_on"))
               for member in GroupMember.objects.filter(beneficiary=beneficiary)
               .select_related("group")]
    initiatives = [item_of(initiative, ("title", "starts_on", "ends_on", "status"))
                   for initiative in Initiative.objects.filter(participants=beneficiary)]
    return members + initiatives


def _last_group(beneficiary):
    dates = []
    for member in GroupMember.objects.filter(beneficiary=beneficiary):
        dates += [member.joined_on, member.left_on]
    return dates + [i.ends_on or i.starts_on
                    for i in Initiative.objects.filter(participants=beneficiary)]


register(SubjectDataProvider(
    key="groups", order=70, title=lambda: _("Self-help groups and initiatives"),
    collect=_groups, last_dates=_last_group,
    kept=lambda: _("Membership of self-help groups (joined, left) and participation in "
                   "community initiatives."),
    purpose=lambda: _("To run the groups and count their participants."),
    permissions=frozenset({perm.VIEW_CLUBS})))
