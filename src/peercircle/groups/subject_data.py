"""What the groups app keeps about a beneficiary: group memberships and initiatives."""

from django.utils.translation import gettext as _

from peercircle.core.subject_registry import Scrubbed, SubjectDataProvider, item_of, register
from peercircle.groups import permissions as perm
from peercircle.groups.models import GroupMember, Initiative


def _groups(beneficiary):
    members = [item_of(member, ("group", "known_as", "joined_on", "left_on"))
               for member in GroupMember.objects.filter(beneficiary=beneficiary)
               .select_related("group")]
    initiatives = [item_of(initiative, ("title", "starts_on", "ends_on", "status"))
                   for initiative in Initiative.objects.filter(participants=beneficiary)]
    return members + initiatives


def _names_erase(beneficiary):
    """Membership stays counted (joined, left); the name the group used for the person goes."""
    scrubbed = []
    for member in GroupMember.objects.filter(beneficiary=beneficiary).exclude(known_as=""):
        member.known_as = ""
        member.save(update_fields=["known_as", "updated_at"])
        scrubbed.append(Scrubbed(member, frozenset({"known_as"})))
    return scrubbed


def _last_group(beneficiary):
    dates = []
    for member in GroupMember.objects.filter(beneficiary=beneficiary):
        dates += [member.joined_on, member.left_on]
    return dates + [i.ends_on or i.starts_on
                    for i in Initiative.objects.filter(participants=beneficiary)]


register(SubjectDataProvider(
    key="groups", order=70, title=lambda: _("Self-help groups and initiatives"),
    collect=_groups, anonymise=_names_erase, last_dates=_last_group,
    kept=lambda: _("Membership of self-help groups (joined, left, the name the group uses for "
                   "the person) and participation in community initiatives."),
    purpose=lambda: _("To run the groups and count their participants."),
    permissions=frozenset({perm.VIEW_CLUBS})))
