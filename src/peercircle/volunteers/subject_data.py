"""What the volunteers app and the ledger keep about a volunteer (see people/rights).

Supervision topics and burnout self-checks are not here: they are private to the volunteer
(and the supervisor), and a coordinator producing this document must not read them."""

from django.utils.translation import gettext as _

from peercircle.core import permissions as core_perm
from peercircle.core.models import Activity
from peercircle.core.subject_registry import VOLUNTEER_PERIOD as _while_volunteering
from peercircle.core.subject_registry import SubjectDataProvider, item_of, register
from peercircle.volunteers import permissions as perm
from peercircle.volunteers.models import Screening, StageChange

RECORD = ("full_name", "email", "phone", "stage", "motivation", "answers", "help_areas",
          "lived_experience", "languages", "regions", "formats", "weekly_capacity",
          "paused_until")


def _record(volunteer):
    return [item_of(volunteer, RECORD)]


def _history(volunteer):
    return ([item_of(change, ("changed_on", "from_stage", "to_stage", "reason"))
             for change in StageChange.objects.filter(volunteer=volunteer)]
            + [item_of(screening, ("interviewed_on", "decision", "notes"))
               for screening in Screening.objects.filter(volunteer=volunteer)])


def _work(volunteer):
    if volunteer.user_id is None:
        return []
    return [item_of(activity, ("kind", "date", "duration_minutes", "format", "region"))
            for activity in Activity.objects.filter(organisation=volunteer.organisation,
                                                    providers=volunteer.user)
            .select_related("region").order_by("date", "id")]


register(SubjectDataProvider(
    period=_while_volunteering, key="volunteer", subject="volunteer", order=10,
    title=lambda: _("Volunteer's record"),
    collect=_record,
    kept=lambda: _("A volunteer's name, contacts, application answers, lived experience, "
                   "languages, regions, formats and weekly capacity."),
    purpose=lambda: _("To recruit, screen and route volunteers to the people they help."),
    permissions=frozenset({perm.VIEW_VOLUNTEERS})))
register(SubjectDataProvider(
    period=_while_volunteering, key="volunteer_history", subject="volunteer", order=20,
    title=lambda: _("Stages and screening"), collect=_history,
    kept=lambda: _("Each change of a volunteer's stage with its reason, and interview notes."),
    purpose=lambda: _("To keep a fair record of recruitment and screening decisions."),
    permissions=frozenset({perm.VIEW_VOLUNTEERS})))
register(SubjectDataProvider(
    period=_while_volunteering, key="volunteer_work", subject="volunteer", order=40,
    title=lambda: _("Work given"),
    collect=_work,
    kept=lambda: _("Kind, date, duration, format and region of each piece of work a "
                   "volunteer gave."),
    purpose=lambda: _("To support volunteers, count their hours and report the work."),
    permissions=frozenset({core_perm.VIEW_ALL_ACTIVITIES})))
