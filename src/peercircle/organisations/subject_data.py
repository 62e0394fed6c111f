"""What is kept about a member of an organisation: their account, role and the work they gave
(see people/rights). Supervision and burnout self-checks stay private to the person."""

from django.utils.translation import gettext as _

from peercircle.core import permissions as core_perm
from peercircle.core.models import Activity
from peercircle.core.subject_registry import VOLUNTEER_PERIOD as _while_member_works
from peercircle.core.subject_registry import SubjectDataProvider, item_of, register
from peercircle.organisations import permissions as perm


def _while_member() -> str:
    return _("While the person is a member of the organisation.")


def _account(membership):
    return [item_of(membership.user, ("full_name", "email", "language")),
            item_of(membership, ("role", "volunteer_kind", "partner", "is_active",
                                 "created_at"))]


def _work(membership):
    return [item_of(activity, ("kind", "date", "duration_minutes", "format", "region"))
            for activity in Activity.objects.filter(organisation=membership.organisation,
                                                    providers=membership.user)
            .select_related("region").order_by("date", "id")]


register(SubjectDataProvider(
    period=_while_member, key="member", subject="member", order=10,
    title=lambda: _("Account and role"), collect=_account,
    kept=lambda: _("A member's name, e-mail, interface language and role in the "
                   "organisation."),
    purpose=lambda: _("To let members sign in and give each the access their role needs."),
    permissions=frozenset({perm.VIEW_MEMBERS})))
register(SubjectDataProvider(
    period=_while_member_works, key="member_work", subject="member", order=40,
    title=lambda: _("Work given"), collect=_work,
    kept=lambda: _("Kind, date, duration, format and region of each piece of work a "
                   "volunteer gave."),
    purpose=lambda: _("To support volunteers, count their hours and report the work."),
    permissions=frozenset({core_perm.VIEW_ALL_ACTIVITIES})))
