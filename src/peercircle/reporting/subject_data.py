"""Which grant projects count a beneficiary's work: their figures keep the record until the
project ends (see people/rights). Projects never name the person."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from peercircle.core.models import Activity
from peercircle.core.subject_registry import SubjectDataProvider, item_of, register
from peercircle.reporting import permissions as perm
from peercircle.reporting.models import Project


def _projects_counting(beneficiary):
    dates = list(Activity.objects.filter(participants=beneficiary)
                 .values_list("date", flat=True).distinct())
    if not dates:
        return []
    organisation = beneficiary.organisation
    with scopes_disabled():
        projects = (Project.objects.filter(Q(organisation=organisation)
                                           | Q(member_organisations=organisation))
                    .filter(starts_on__lte=max(dates), ends_on__gte=min(dates)).distinct())
        return [p for p in projects if any(p.starts_on <= d <= p.ends_on for d in dates)]


def _projects(beneficiary):
    return [item_of(project, ("title", "starts_on", "ends_on"))
            for project in _projects_counting(beneficiary)]


def _project_ends(beneficiary):
    return [project.ends_on for project in _projects_counting(beneficiary)]


register(SubjectDataProvider(
    key="projects", order=90, title=lambda: _("Projects whose figures count the person's work"),
    collect=_projects, last_dates=_project_ends,
    kept=lambda: _("Nothing of their own: counts of activities, people and outcomes, "
                   "never names."),
    purpose=lambda: _("To report to funders how many people the work reached."),
    permissions=frozenset({perm.VIEW_PROJECTS})))
