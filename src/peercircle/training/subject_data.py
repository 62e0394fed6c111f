"""What the training app keeps about a volunteer: enrolments and completion."""

from django.utils.translation import gettext as _

from peercircle.core.subject_registry import VOLUNTEER_PERIOD as _while_volunteering
from peercircle.core.subject_registry import SubjectDataProvider, item_of, register
from peercircle.training import permissions as perm
from peercircle.training.models import Enrolment


def _enrolments(volunteer):
    return [item_of(enrolment, ("course", "enrolled_on", "completed_on"))
            for enrolment in Enrolment.objects.filter(volunteer=volunteer)
            .select_related("course")]


register(SubjectDataProvider(
    period=_while_volunteering, key="training", subject="volunteer", order=30, title=lambda: _("Training"),
    collect=_enrolments,
    kept=lambda: _("Courses a volunteer enrolled in and completed, with attendance hours."),
    purpose=lambda: _("To prepare volunteers for the work and report who was trained."),
    permissions=frozenset({perm.VIEW_COURSES})))
