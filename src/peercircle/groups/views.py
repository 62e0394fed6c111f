from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.groups import permissions as perm
from peercircle.groups import selectors, services
from peercircle.groups.forms import (
    ClubEditForm,
    ClubForm,
    CoalitionForm,
    CurriculumForm,
    GroupForm,
    MemberForm,
    MemberNameForm,
    SessionForm,
)


def _to_club(club):
    return redirect("groups:club", org=club.organisation.slug, club_pk=club.pk)


def _to_group(group):
    return redirect("groups:group", org=group.organisation.slug, group_pk=group.pk)


def _errors_as_messages(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@organisation_view(perm.VIEW_CLUBS)
def club_list(request, org):
    organisation = request.organisation
    return render(request, "groups/clubs.html", {
        "localities": selectors.clubs_by_locality(organisation=organisation),
        "my_groups": selectors.my_groups(organisation=organisation, user=request.user),
        "curriculum": selectors.curriculum_of(organisation=organisation),
        "curriculum_form": CurriculumForm(prefix="curriculum"),
        "can_manage": perm.MANAGE_CLUBS in request.permissions,
        "can_log": perm.LOG_GROUP_SESSION in request.permissions})


@organisation_view(perm.MANAGE_CLUBS)
def club_new(request, org):
    form = ClubForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.club_create, actor=request.user,
                  organisation=request.organisation, success=_("The club is created."),
                  then=_to_club)
    return done or render(request, "form_page.html", {"form": form, "title": _("New club")})


@organisation_view(perm.VIEW_CLUBS)
def club_detail(request, org, club_pk):
    club = selectors.club_get_for(organisation=request.organisation, pk=club_pk)
    manage = perm.MANAGE_CLUBS in request.permissions
    club_animators = list(club.animators.order_by("full_name"))
    status = selectors.curriculum_status(organisation=request.organisation,
                                         users=club_animators)
    return render(request, "groups/club.html", {
        "club": club, "can_manage": manage,
        "animators": [(a, status.get(a.pk)) for a in club_animators],
        "curriculum": selectors.curriculum_of(organisation=request.organisation),
        "groups": club.groups.prefetch_related("animators").order_by("ended_on", "name"),
        "coalition": club.coalition.select_related("partner"),
        "coalition_form": CoalitionForm(organisation=request.organisation, prefix="coalition")
        if manage else None})


@organisation_view(perm.MANAGE_CLUBS)
def club_edit(request, org, club_pk):
    club = selectors.club_get_for(organisation=request.organisation, pk=club_pk)
    initial = {f: getattr(club, f) for f in ("name", "kind", "locality", "region", "host",
                                             "description", "founded_on", "joined_network_on",
                                             "closed_on")}
    initial["animators"] = list(club.animators.all())
    form = ClubEditForm(request.POST or None, organisation=request.organisation,
                        initial=initial)
    done = submit(request, form, services.club_update, actor=request.user, club=club,
                  success=_("The club is saved."), then=_to_club)
    return done or render(request, "form_page.html", {"form": form, "title": club.name})


@require_POST
@organisation_view(perm.MANAGE_CLUBS)
def coalition_add(request, org, club_pk):
    club = selectors.club_get_for(organisation=request.organisation, pk=club_pk)
    form = CoalitionForm(request.POST, organisation=request.organisation, prefix="coalition")
    done = submit(request, form, services.coalition_partner_add, actor=request.user, club=club,
                  success=_("The partner joined the coalition."), then=lambda _c: _to_club(club))
    if done is None:
        _errors_as_messages(request, form)
        return _to_club(club)
    return done


@organisation_view(perm.MANAGE_CLUBS)
def group_new(request, org, club_pk):
    club = selectors.club_get_for(organisation=request.organisation, pk=club_pk)
    form = GroupForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.group_create, actor=request.user, club=club,
                  success=_("The group is created."), then=_to_group)
    return done or render(request, "form_page.html", {
        "form": form, "title": _("New group in %(club)s") % {"club": club.name}})


@organisation_view(perm.VIEW_CLUBS)
def group_detail(request, org, group_pk):
    group = selectors.group_get_for(organisation=request.organisation, pk=group_pk)
    sees = selectors.sees_members(user=request.user, group=group,
                                  permissions=request.permissions)
    return render(request, "groups/group.html", {
        "group": group, "sees_members": sees,
        "can_manage": perm.MANAGE_CLUBS in request.permissions,
        "can_log": sees and perm.LOG_GROUP_SESSION in request.permissions,
        "animators": group.animators.order_by("full_name"),
        "member_count": selectors.current_members(group).count(),
        "sessions": selectors.group_sessions(group)[:20]})


@require_POST
@organisation_view(perm.MANAGE_CLUBS)
def group_end(request, org, group_pk):
    group = selectors.group_get_for(organisation=request.organisation, pk=group_pk)
    try:
        services.group_end(actor=request.user, group=group, ended_on=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The group has ended; its sessions stay in the records."))
    return _to_group(group)


@organisation_view(perm.LOG_GROUP_SESSION, relationship=True)
def group_members(request, org, group_pk):
    group = selectors.group_get_for_animator(organisation=request.organisation,
                                             user=request.user,
                                             permissions=request.permissions, pk=group_pk)
    names = selectors.sees_names(user=request.user, group=group)
    form = MemberForm(request.POST or None, names=names)
    done = submit(request, form, services.group_member_add, actor=request.user, group=group,
                  success=_("The person joined the group."),
                  then=lambda _m: redirect("groups:members", org=org, group_pk=group.pk))
    members = group.members.select_related("beneficiary").order_by("left_on", "beneficiary__code")
    return done or render(request, "groups/members.html", {
        "group": group, "form": form, "names": names,
        "members": [(member, MemberNameForm(initial={"known_as": member.known_as},
                                            prefix=f"m{member.pk}") if names else None)
                    for member in members]})


@require_POST
@organisation_view(perm.LOG_GROUP_SESSION, relationship=True)
def member_rename(request, org, group_pk, member_pk):
    """The name the group uses for a member: its animators only (404 for anyone else)."""
    group = selectors.group_get_for_animator(organisation=request.organisation,
                                             user=request.user,
                                             permissions=request.permissions, pk=group_pk)
    if not selectors.sees_names(user=request.user, group=group):
        raise Http404
    member = selectors.member_get_for(group=group, pk=member_pk)
    form = MemberNameForm(request.POST, prefix=f"m{member.pk}")
    if form.is_valid():
        services.group_member_rename(actor=request.user, member=member,
                                     known_as=form.cleaned_data["known_as"])
        messages.success(request, _("The name is saved."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("groups:members", org=org, group_pk=group.pk)


@require_POST
@organisation_view(perm.LOG_GROUP_SESSION, relationship=True)
def member_leave(request, org, group_pk, member_pk):
    group = selectors.group_get_for_animator(organisation=request.organisation,
                                             user=request.user,
                                             permissions=request.permissions, pk=group_pk)
    member = selectors.member_get_for(group=group, pk=member_pk)
    try:
        services.group_member_leave(actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(code)s left the group.") % {
            "code": member.beneficiary.code})
    return redirect("groups:members", org=org, group_pk=group.pk)


@organisation_view(perm.LOG_GROUP_SESSION, relationship=True)
def session_log(request, org, group_pk):
    group = selectors.group_get_for_animator(organisation=request.organisation,
                                             user=request.user,
                                             permissions=request.permissions, pk=group_pk)
    form = SessionForm(request.POST or None, members=selectors.current_members(group),
                       is_open=group.is_open,
                       names=selectors.sees_names(user=request.user, group=group))

    def then(_session):
        if request.POST.get("another"):
            return redirect("groups:session_log", org=org, group_pk=group.pk)
        return _to_group(group)

    done = submit(request, form, services.group_session_log, actor=request.user, group=group,
                  success=_("The session is logged."), then=then)
    return done or render(request, "groups/session_form.html", {"group": group, "form": form})


@require_POST
@organisation_view(perm.MANAGE_CLUBS)
def curriculum_create(request, org):
    form = CurriculumForm(request.POST, prefix="curriculum")
    done = submit(request, form, services.animator_curriculum_create, actor=request.user,
                  organisation=request.organisation,
                  success=_("The animator curriculum is created with its topic sessions."),
                  then=lambda c: redirect("training:course", org=org, course_pk=c.course_id))
    if done is None:
        _errors_as_messages(request, form)
        return redirect("groups:clubs", org=org)
    return done


@organisation_view(perm.VIEW_CLUBS)
def animator_list(request, org):
    return render(request, "groups/animators.html", {
        "animators": selectors.animators(organisation=request.organisation),
        "curriculum": selectors.curriculum_of(organisation=request.organisation)})


@organisation_view(perm.VIEW_NETWORK_CLUBS)
def network(request, org):
    return render(request, "groups/network.html",
                  selectors.network_clubs(organisation=request.organisation))
