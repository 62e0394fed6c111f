import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scopes_disabled

from peercircle.core.access import organisation_view, public_organisation_view
from peercircle.core.forms import submit
from peercircle.mentoring import exports, selectors, services
from peercircle.mentoring import permissions as perm
from peercircle.mentoring.forms import (
    AdmitForm,
    AgreementForm,
    CloseForm,
    ClubMeetingForm,
    CurationForm,
    DiagnosticForm,
    FamilyEnrolForm,
    MatchForm,
    MeetingForm,
    MentorApplicationForm,
    MentorRegisterForm,
    MonitoringForm,
    OutcomeForm,
    OutcomeTypeForm,
    PeriodForm,
    ProgrammeForm,
    SignedCopyForm,
)
from peercircle.mentoring.models import PairEvent
from peercircle.mentoring.rules import PairAccess, pair_abilities, pair_rules

APPLICATIONS_PER_HOUR = 10


def _programme(request):
    return services.programme_ensure(actor=request.user, organisation=request.organisation)


def _to_pair(pair):
    return redirect("mentoring:pair", org=pair.organisation.slug, pair_pk=pair.pk)


def _pair_for_work(request, pair_pk):
    return selectors.pair_get_to_work_on(organisation=request.organisation, user=request.user,
                                         permissions=request.permissions, pk=pair_pk)


# ---------------------------------------------------------------- public application


@public_organisation_view(post_rate=f"{APPLICATIONS_PER_HOUR}/h")
def apply(request, organisation_slug):
    """The public mentor application: no login, honeypot and rate limit, never says who is
    known."""
    organisation = request.public_organisation
    form = MentorApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam:  # a robot gets the same answer, and nothing is saved
            data = {k: form.cleaned_data[k] for k in ("full_name", "email", "phone",
                                                      "motivation", "source", "is_peer_mentor")}
            services.mentor_apply(organisation=organisation, **data)
        return redirect("mentor_apply_thanks", organisation_slug=organisation_slug)
    return render(request, "mentoring/apply.html", {"form": form, "organisation": organisation})


@public_organisation_view()
def apply_thanks(request, organisation_slug):
    return render(request, "mentoring/apply_thanks.html",
                  {"organisation": request.public_organisation})


# ---------------------------------------------------------------- overview and pairs


@organisation_view(perm.VIEW_MENTORING)
def overview(request, org):
    from peercircle.core.listing import Chip, Column, listing
    from peercircle.mentoring.models import Pair

    pairs = selectors.pairs_for(organisation=request.organisation, user=request.user,
                                permissions=request.permissions)
    with scopes_disabled():
        listed = listing(
            request, pairs, search_fields=("family__family__code", "mentor__volunteer__full_name"),
            search_label=_("Search by family code or mentor"), default_order="-matched_on",
            chips=tuple(Chip("status", value, label, lambda q, value=value: q.filter(status=value))
                        for value, label in Pair.Status.choices),
            columns=[Column(_("Family"), "family__family__code"),
                     Column(_("Mentor"), "mentor__volunteer__full_name"),
                     Column(_("Status"), "status"), Column(_("Matched on"), "matched_on"),
                     Column(_("Run by"), "organisation__name")])
        listed.page.object_list = list(listed.page.object_list)  # read here, out of scope
        due = []
        if perm.CURATE in request.permissions:
            curator = None if perm.MANAGE_MENTORING in request.permissions else request.user
            due = selectors.due_list(organisation=request.organisation, curator=curator)
        return render(request, "mentoring/overview.html", {
            "pairs": listed.page, "listing": listed, "due": due[:10], "due_total": len(due),
            "can_manage": perm.MANAGE_MENTORING in request.permissions})


@organisation_view(perm.VIEW_MENTORING, relationship=True)
def pair_detail(request, org, pair_pk):
    pair, level = selectors.pair_get_for(organisation=request.organisation, user=request.user,
                                         permissions=request.permissions, pk=pair_pk)
    access = PairAccess(pair, request.organisation, request.permissions, level == selectors.FULL)
    context = {"pair": pair, "full": access.full,
               "can": pair_abilities(request.user, access)}
    with scopes_disabled():
        details = selectors.pair_details(pair)
        if level != selectors.FULL:  # a partner sees what the agreement shares: no family data
            details = {"agreements": [a for a in details["agreements"] if a.status == "active"]}
        return render(request, "mentoring/pair.html", {**context, **details})


@organisation_view(perm.LOG_MENTOR_MEETING, relationship=True)
def meeting_log(request, org, pair_pk):
    pair = _pair_for_work(request, pair_pk)
    access = PairAccess(pair, request.organisation, request.permissions, full=True)
    if not pair_rules.test_rule("log_meeting", request.user, access):
        raise Http404
    form = MeetingForm(request.POST or None)
    done = submit(request, form, services.pair_event_log, actor=request.user, pair=pair,
                  kind=PairEvent.Kind.MENTOR_MEETING, success=_("The meeting is logged."),
                  then=lambda _e: _to_pair(pair))
    return done or render(request, "mentoring/pair_form.html", {
        "form": form, "pair": pair, "title": _("Log a meeting with the family")})


@organisation_view(perm.CURATE, relationship=True)
def curation_log(request, org, pair_pk):
    pair = _pair_for_work(request, pair_pk)
    initial = {"kind": request.GET.get("kind", PairEvent.Kind.HOME_VISIT)}
    form = CurationForm(request.POST or None, initial=initial)
    done = submit(request, form, services.pair_event_log, actor=request.user, pair=pair,
                  success=_("The curator's work is logged."), then=lambda _e: _to_pair(pair))
    return done or render(request, "mentoring/pair_form.html", {
        "form": form, "pair": pair, "title": _("Log a home visit, meeting or case council")})


@organisation_view(perm.CURATE, relationship=True)
def monitoring_new(request, org, pair_pk):
    pair = _pair_for_work(request, pair_pk)
    form = MonitoringForm(request.POST or None)
    done = submit(request, form, services.monitoring_record, actor=request.user, pair=pair,
                  success=_("The monitoring is recorded."), then=lambda _m: _to_pair(pair))
    return done or render(request, "mentoring/pair_form.html", {
        "form": form, "pair": pair, "title": _("Relationship monitoring")})


@organisation_view(perm.CURATE, relationship=True)
def outcome_new(request, org, pair_pk):
    pair = _pair_for_work(request, pair_pk)
    form = OutcomeForm(request.POST or None, pair=pair, programme=_programme(request))
    done = submit(request, form, services.outcome_record, actor=request.user, pair=pair,
                  success=_("The outcome is recorded."), then=lambda _o: _to_pair(pair))
    return done or render(request, "mentoring/pair_form.html", {
        "form": form, "pair": pair, "title": _("Record an outcome")})


@organisation_view(perm.MANAGE_MENTORING)
def agreement_new(request, org, pair_pk):
    pair = selectors.pair_get_managed(organisation=request.organisation, pk=pair_pk)
    programme = _programme(request)
    form = AgreementForm(request.POST or None, request.FILES or None, pair=pair,
                         programme=programme)
    done = submit(request, form, services.agreement_conclude, actor=request.user, pair=pair,
                  success=_("The agreement is in force."), then=lambda _a: _to_pair(pair))
    return done or render(request, "mentoring/agreement_form.html", {
        "form": form, "pair": pair, "programme": programme})


@organisation_view(perm.MANAGE_MENTORING)
def agreement_copy(request, org, agreement_pk):
    agreement = selectors.agreement_get_managed(organisation=request.organisation,
                                                pk=agreement_pk)
    form = SignedCopyForm(request.POST or None, request.FILES or None)
    done = submit(request, form, services.agreement_attach_copy, actor=request.user,
                  agreement=agreement, success=_("The signed copy is kept."),
                  then=lambda _a: _to_pair(agreement.pair))
    return done or render(request, "mentoring/pair_form.html", {
        "form": form, "pair": agreement.pair, "title": _("Upload the signed copy")})


@require_POST
@organisation_view(perm.MANAGE_MENTORING)
def agreement_renew(request, org, agreement_pk):
    agreement = selectors.agreement_get_managed(organisation=request.organisation,
                                                pk=agreement_pk)
    try:
        services.agreement_renew(actor=request.user, agreement=agreement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The agreement is renewed for a new term."))
    return _to_pair(agreement.pair)


@organisation_view(perm.MANAGE_MENTORING)
def pair_close(request, org, pair_pk):
    pair = selectors.pair_get_managed(organisation=request.organisation, pk=pair_pk)
    form = CloseForm(request.POST or None)
    done = submit(request, form, services.pair_close, actor=request.user, pair=pair,
                  success=_("The pair is closed."), then=lambda _p: _to_pair(pair))
    return done or render(request, "mentoring/pair_form.html", {
        "form": form, "pair": pair, "title": _("Close the pair")})


# ---------------------------------------------------------------- mentors


@organisation_view(perm.MANAGE_MENTORING)
def mentor_list(request, org):
    form = MentorRegisterForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.mentor_register, actor=request.user,
                  organisation=request.organisation, success=_("The mentor candidate is added."),
                  then=lambda m: redirect("mentoring:mentor", org=org, mentor_pk=m.pk))
    programme = _programme(request)
    return done or render(request, "mentoring/mentors.html", {
        "mentors": selectors.mentor_list(organisation=request.organisation), "form": form,
        "programme": programme})


@organisation_view(perm.MANAGE_MENTORING)
def mentor_detail(request, org, mentor_pk):
    mentor = selectors.mentor_get_for(organisation=request.organisation, pk=mentor_pk)
    programme = _programme(request)
    hours, needed = services.school_hours(mentor, programme)
    return render(request, "mentoring/mentor.html", {
        "mentor": mentor, "programme": programme, "hours": hours, "needed": needed,
        "pairs": mentor.pairs.select_related("family__family"),
        "diagnostic_form": DiagnosticForm(prefix="diagnostic"),
        "admit_form": AdmitForm(prefix="admit")})


@require_POST
@organisation_view(perm.MANAGE_MENTORING)
def mentor_diagnostic(request, org, mentor_pk):
    mentor = selectors.mentor_get_for(organisation=request.organisation, pk=mentor_pk)
    form = DiagnosticForm(request.POST, prefix="diagnostic")
    done = submit(request, form, services.mentor_diagnose, actor=request.user, mentor=mentor,
                  success=_("The diagnostic interview is recorded."),
                  then=lambda m: redirect("mentoring:mentor", org=org, mentor_pk=m.pk))
    if done is None:
        _form_errors_to_messages(request, form)
        return redirect("mentoring:mentor", org=org, mentor_pk=mentor.pk)
    return done


@require_POST
@organisation_view(perm.MANAGE_MENTORING)
def mentor_admit(request, org, mentor_pk):
    mentor = selectors.mentor_get_for(organisation=request.organisation, pk=mentor_pk)
    form = AdmitForm(request.POST, prefix="admit")
    done = submit(request, form, services.mentor_admit, actor=request.user, mentor=mentor,
                  success=_("The mentor is admitted."),
                  then=lambda m: redirect("mentoring:mentor", org=org, mentor_pk=m.pk))
    if done is None:
        _form_errors_to_messages(request, form)
        return redirect("mentoring:mentor", org=org, mentor_pk=mentor.pk)
    return done


def _form_errors_to_messages(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


# ---------------------------------------------------------------- families and matching


@organisation_view(perm.MANAGE_MENTORING)
def family_list(request, org):
    form = FamilyEnrolForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.family_enrol, actor=request.user,
                  organisation=request.organisation,
                  success=_("The family is taken into the programme."),
                  then=lambda f: redirect("mentoring:match", org=org, mentee_family_pk=f.pk))
    return done or render(request, "mentoring/families.html", {
        "families": selectors.mentee_family_list(organisation=request.organisation),
        "form": form})


@organisation_view(perm.MANAGE_MENTORING)
def match(request, org, mentee_family_pk):
    family = selectors.mentee_family_get_for(organisation=request.organisation,
                                             pk=mentee_family_pk)
    programme = _programme(request)
    form = MatchForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.pair_match, actor=request.user, family=family,
                  success=_("The mentor and the family are matched."), then=_to_pair)
    return done or render(request, "mentoring/match.html", {
        "family": family, "form": form, "programme": programme,
        "candidates": selectors.match_candidates(programme=programme, family=family),
        "pairs": family.pairs.select_related("mentor__volunteer")})


# ---------------------------------------------------------------- curation overview, club


@organisation_view(perm.CURATE)
def due(request, org):
    curator = None if perm.MANAGE_MENTORING in request.permissions else request.user
    mine = request.GET.get("mine") == "1"
    if mine:
        curator = request.user
    items = selectors.due_list(organisation=request.organisation, curator=curator)
    template = "mentoring/partials/due_table.html" if request.htmx else "mentoring/due.html"
    return render(request, template, {"due": items, "mine": mine,
                                      "can_filter": perm.MANAGE_MENTORING in request.permissions})


@organisation_view(perm.VIEW_MENTORING)
def club(request, org):
    can_manage = perm.MANAGE_MENTORING in request.permissions
    form = ClubMeetingForm(request.POST or None, organisation=request.organisation) \
        if can_manage else None
    if request.method == "POST" and not can_manage:
        raise Http404
    done = form and submit(request, form, services.club_meeting_record, actor=request.user,
                           organisation=request.organisation,
                           success=_("The Mentor Club meeting is recorded."),
                           then=lambda _m: redirect("mentoring:club", org=org))
    return done or render(request, "mentoring/club.html", {
        "meetings": selectors.club_meeting_list(organisation=request.organisation),
        "form": form})


@organisation_view(perm.MANAGE_MENTORING)
def settings_page(request, org):
    programme = _programme(request)
    initial = {name: getattr(programme, name) for name in ProgrammeForm.base_fields}
    form = ProgrammeForm(request.POST or None, organisation=request.organisation,
                         initial=initial, prefix="programme")
    type_form = OutcomeTypeForm(prefix="type")
    if request.method == "POST" and "type-code" in request.POST:
        type_form = OutcomeTypeForm(request.POST, prefix="type")
        done = submit(request, type_form, services.outcome_type_save, actor=request.user,
                      programme=programme, success=_("The outcome type is added."),
                      then=lambda _t: redirect("mentoring:settings", org=org))
        form = ProgrammeForm(organisation=request.organisation, initial=initial,
                             prefix="programme")
    else:
        done = submit(request, form, services.programme_update, actor=request.user,
                      programme=programme, success=_("The programme settings are saved."),
                      then=lambda _p: redirect("mentoring:settings", org=org))
    return done or render(request, "mentoring/settings.html", {
        "programme": programme, "form": form, "type_form": type_form,
        "types": selectors.outcome_types(programme=programme)})


# ---------------------------------------------------------------- report


def _period(request) -> tuple[PeriodForm, datetime.date, datetime.date]:
    form = PeriodForm(request.GET or None)
    today = timezone.localdate()
    first = selectors.first_match_on(organisation=request.organisation)
    start, end = first or today.replace(month=1, day=1), today
    if form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    if end < start:
        form.add_error("end", _("The end of the period is before its start."))
        start, end = end, start
    return form, start, end


@organisation_view(perm.VIEW_MENTORING_REPORT)
def report(request, org):
    form, start, end = _period(request)
    result = selectors.programme_report(organisation=request.organisation, start=start, end=end)
    return render(request, "mentoring/report.html", {"form": form, "report": result,
                                                     "query": request.GET.urlencode()})


@organisation_view(perm.VIEW_MENTORING_REPORT)
def report_csv(request, org):
    _form, start, end = _period(request)
    result = selectors.programme_report(organisation=request.organisation, start=start, end=end)
    return exports.report_csv(result, request.organisation)


@organisation_view(perm.VIEW_MENTORING_REPORT)
def report_xlsx(request, org):
    _form, start, end = _period(request)
    result = selectors.programme_report(organisation=request.organisation, start=start, end=end)
    return exports.report_xlsx(result, request.organisation)

