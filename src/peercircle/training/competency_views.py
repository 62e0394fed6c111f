from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peercircle.core.access import organisation_view
from peercircle.core.charts import line_chart
from peercircle.core.forms import call_service
from peercircle.training import competencies as service
from peercircle.training import permissions as perm
from peercircle.training.forms import AssessmentForm, CompetencyForm
from peercircle.training.models import Assessment


def _growth_context(organisation, person, framework) -> dict:
    data = service.growth(organisation=organisation, person=person)
    self_rows = [levels for _day, kind, levels in data["rows"] if kind == Assessment.Kind.SELF]
    series = [(c.name, [row.get(c.pk) for row in self_rows]) for c in framework]
    return {"rows": data["rows"], "framework": framework,
            "chart": line_chart(series if self_rows else [], maximum=service.LEVELS)}


@organisation_view(perm.SELF_ASSESS)
def framework(request, org):
    organisation = request.organisation
    competencies = list(service.framework_for(organisation=organisation))
    form = CompetencyForm(request.POST or None) if perm.KEEP_FRAMEWORK in request.permissions \
        else None
    if form is not None and request.method == "POST" and form.is_valid():
        if call_service(form, service.competency_add, actor=request.user,
                        organisation=organisation, **form.service_arguments()):
            return redirect("training:framework", org=org)
    context = {"form": form, "can_assess": perm.ASSESS_OTHERS in request.permissions,
               **_growth_context(organisation, request.user, competencies)}
    if context["can_assess"]:
        context["people"] = service.people_to_assess(organisation=organisation, user=request.user)
    return render(request, "training/framework.html", context)


def _assessment_page(request, person, kind, template_extra):
    organisation = request.organisation
    competencies = list(service.framework_for(organisation=organisation))
    form = AssessmentForm(request.POST or None, framework=competencies)
    if request.method == "POST" and form.is_valid():
        if call_service(form, service.assessment_record, actor=request.user,
                        organisation=organisation, person=person, levels=form.levels(),
                        kind=kind):
            from django.contrib import messages

            messages.success(request, _("The assessment is saved."))
            return redirect("training:framework", org=organisation.slug)
    return render(request, "training/assessment.html", {
        "form": form, "person": person, "kind": kind, **template_extra,
        **_growth_context(organisation, person, competencies)})


@organisation_view(perm.SELF_ASSESS)
def self_assessment(request, org):
    return _assessment_page(request, request.user, Assessment.Kind.SELF, {})


@organisation_view(perm.ASSESS_OTHERS)
def person_assessment(request, org, person_pk):
    person = service.member_get(organisation=request.organisation, pk=person_pk)
    return _assessment_page(request, person, Assessment.Kind.SUPERVISOR, {})
