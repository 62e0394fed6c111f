from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core import permissions as core_perm
from peercircle.core.access import organisation_view, public_organisation_view
from peercircle.core.forms import call_service, submit
from peercircle.organisations import permissions as org_perm
from peercircle.people import permissions as people_perm
from peercircle.people.rights import services as rights
from peercircle.people.rights.forms import SubjectExportForm
from peercircle.volunteers import permissions as perm
from peercircle.volunteers import selectors, services
from peercircle.volunteers.forms import (
    ApplicationForm,
    ProfileForm,
    QuestionForm,
    ScreeningForm,
    StageChangeForm,
    VolunteerInviteForm,
    VolunteerLinkForm,
)
from peercircle.volunteers.models import TRANSITIONS, Stage

APPLICATIONS_PER_HOUR = 5


def _to_detail(volunteer):
    return redirect("volunteers:detail", org=volunteer.organisation.slug,
                    volunteer_pk=volunteer.pk)


@public_organisation_view(post_rate=f"{APPLICATIONS_PER_HOUR}/h")
def apply(request, organisation_slug):
    """The public application form: no login, spam-protected, never says who is known."""
    organisation = request.public_organisation
    form = ApplicationForm(request.POST or None,
                           questions=selectors.question_list(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        if not form.is_spam:  # a robot gets the same answer, and nothing is saved
            data = {k: form.cleaned_data[k] for k in (
                "full_name", "email", "phone", "motivation", "help_areas", "languages",
                "formats")}
            services.volunteer_apply(organisation=organisation, answers=form.answers(), **data)
        return redirect("volunteer_apply_thanks", organisation_slug=organisation_slug)
    return render(request, "volunteers/apply.html", {"form": form, "organisation": organisation})


@public_organisation_view()
def apply_thanks(request, organisation_slug):
    return render(request, "volunteers/apply_thanks.html",
                  {"organisation": request.public_organisation})


@organisation_view(perm.VIEW_VOLUNTEERS)
def volunteer_list(request, org):
    from peercircle.core.listing import Chip, Column, listing

    chips = tuple(Chip("stage", value, f"{label} {count}",
                       lambda q, value=value: q.filter(stage=value))
                  for value, label, count in selectors.stage_counts(
                      organisation=request.organisation))
    volunteers = listing(
        request, selectors.volunteer_list(organisation=request.organisation),
        search_fields=("full_name", "email", "phone"), search_label=_("Search by name or contact"),
        default_order="full_name", chips=chips,
        columns=[Column(_("Name"), "full_name"), Column(_("Stage"), "stage"),
                 Column(_("Help areas")), Column(_("Consultations a week"), "weekly_capacity")])
    return render(request, "volunteers/volunteer_list.html", {
        "listing": volunteers, "volunteers": volunteers.page})


@organisation_view(perm.VIEW_VOLUNTEERS)
def volunteer_detail(request, org, volunteer_pk):
    volunteer = selectors.volunteer_get_for(organisation=request.organisation, pk=volunteer_pk)
    return render(request, "volunteers/volunteer_detail.html", {
        "volunteer": volunteer, "history": selectors.volunteer_history(volunteer),
        "screenings": volunteer.screenings.select_related("interviewer"),
        "can_manage": perm.MANAGE_VOLUNTEERS in request.permissions,
        "can_screen": volunteer.stage == Stage.APPLIED,
        "can_link": org_perm.MANAGE_MEMBERS in request.permissions,
    })


@organisation_view(perm.MANAGE_VOLUNTEERS)
def volunteer_screen(request, org, volunteer_pk):
    volunteer = selectors.volunteer_get_for(organisation=request.organisation, pk=volunteer_pk)
    form = ScreeningForm(request.POST or None)
    done = submit(request, form, services.volunteer_screen, actor=request.user,
                  volunteer=volunteer, success=_("The screening is recorded."),
                  then=lambda _result: _to_detail(volunteer))
    return done or render(request, "volunteers/screen.html",
                          {"form": form, "volunteer": volunteer})


@organisation_view(perm.MANAGE_VOLUNTEERS)
def volunteer_stage(request, org, volunteer_pk):
    volunteer = selectors.volunteer_get_for(organisation=request.organisation, pk=volunteer_pk)
    form = StageChangeForm(request.POST or None, allowed=TRANSITIONS[volunteer.stage])
    done = submit(request, form, services.volunteer_stage_change, actor=request.user,
                  volunteer=volunteer, success=_("The stage is changed."),
                  then=lambda _result: _to_detail(volunteer))
    return done or render(request, "volunteers/stage.html",
                          {"form": form, "volunteer": volunteer})


@organisation_view(perm.MANAGE_VOLUNTEERS)
def volunteer_profile(request, org, volunteer_pk):
    volunteer = selectors.volunteer_get_for(organisation=request.organisation, pk=volunteer_pk)
    form = ProfileForm.for_volunteer(volunteer, request.POST or None)
    done = submit(request, form, services.volunteer_profile_update, actor=request.user,
                  volunteer=volunteer, success=_("The profile is saved."),
                  then=lambda _result: _to_detail(volunteer))
    return done or render(request, "volunteers/profile.html",
                          {"form": form, "volunteer": volunteer})


@organisation_view(perm.CONFIGURE_APPLICATION)
def questions(request, org):
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if call_service(form, services.question_save, actor=request.user,
                        organisation=request.organisation, data=data):
            messages.success(request, _("The question is added to the form."))
            return redirect("volunteers:questions", org=org)
    return render(request, "volunteers/questions.html", {
        "form": form, "questions": selectors.question_list(organisation=request.organisation)})


@require_POST
@organisation_view(perm.CONFIGURE_APPLICATION)
def question_delete(request, org, question_pk):
    question = selectors.question_get_for(organisation=request.organisation, pk=question_pk)
    services.question_delete(actor=request.user, question=question)
    messages.success(request, _("The question is removed from the form."))
    return redirect("volunteers:questions", org=org)


@organisation_view(people_perm.EXPORT_SUBJECT_DATA)
def volunteer_export(request, org, volunteer_pk):
    volunteer = selectors.volunteer_get_for(organisation=request.organisation, pk=volunteer_pk)
    language = volunteer.user.language if volunteer.user_id else request.LANGUAGE_CODE
    form = SubjectExportForm(request.POST or None, initial={"format": "pdf",
                                                            "language": language})
    if request.method == "POST" and form.is_valid():
        export = rights.volunteer_export(actor=request.user, volunteer=volunteer,
                                           fmt=form.cleaned_data["format"],
                                           language=form.cleaned_data["language"])
        response = HttpResponse(export.content, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        return response
    return render(request, "people/rights/subject_export.html",
                  {"subject_name": volunteer.full_name, "form": form})


@organisation_view(org_perm.MANAGE_MEMBERS)
def volunteer_invite(request, org, volunteer_pk):
    """Invite the person on this record; accepting links their account to the record."""
    volunteer = selectors.volunteer_get_for(organisation=request.organisation, pk=volunteer_pk)
    form = VolunteerInviteForm(request.POST or None,
                               initial={"language": get_language()})
    done = submit(request, form, services.volunteer_invite, actor=request.user,
                  volunteer=volunteer, build_url=request.build_absolute_uri,
                  success=_("The invitation is sent to %(email)s.") % {"email": volunteer.email},
                  then=lambda _result: _to_detail(volunteer))
    return done or render(request, "volunteers/invite.html",
                          {"form": form, "volunteer": volunteer})


@organisation_view(org_perm.MANAGE_MEMBERS)
def volunteer_link(request, org, volunteer_pk):
    volunteer = selectors.volunteer_get_for(organisation=request.organisation, pk=volunteer_pk)
    if request.method == "POST" and request.POST.get("action") == "unlink":
        services.volunteer_unlink_account(actor=request.user, volunteer=volunteer)
        messages.success(request, _("The account is unlinked; the work recorded stays."))
        return _to_detail(volunteer)
    form = VolunteerLinkForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.volunteer_link_account, actor=request.user,
                  volunteer=volunteer, success=_("The record is linked to the account."),
                  then=lambda _result: _to_detail(volunteer))
    return done or render(request, "volunteers/link.html", {"form": form, "volunteer": volunteer})


@organisation_view(core_perm.RECORD_ACTIVITY)
def my_work(request, org):
    """A volunteer's own work, phone-first: stage and pause, then what each app adds (requests
    given to them, pairs, groups, training, documents to acknowledge: core.registry.my_work)."""
    from peercircle.core import registry

    volunteer = selectors.my_record(organisation=request.organisation, user=request.user)
    if request.method == "POST" and volunteer is not None:
        until = parse_date(request.POST.get("paused_until") or "")
        try:
            services.volunteer_pause_self(actor=request.user, volunteer=volunteer,
                                          paused_until=until)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your status is saved."))
        return redirect("volunteers:my_work", org=org)
    sections = []
    for _order, hook in registry.my_work_hooks:
        section = hook(user=request.user, organisation=request.organisation,
                       permissions=request.permissions, volunteer=volunteer)
        if section is not None:
            sections.append(section)
    return render(request, "volunteers/my_work.html",
                  {"volunteer": volunteer, "sections": sections})
