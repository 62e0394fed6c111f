"""Intervision groups and case reviews: planned, held with attendance, cases de-identified."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.consulting.models import GroupReview
from peercircle.core.audit import audited_save
from peercircle.core.services import activity_record
from peercircle.people.models import BeneficiaryIdentity

CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d\s()-]{7,}\d")


def summary_check(*, organisation, text: str) -> None:
    """Refuse a case summary that contains contact details or a known beneficiary's name."""
    if CONTACT.search(text):
        raise ValidationError({"case_summary": _(
            "Remove the phone number or e-mail: a case summary must not identify anyone.")})
    lowered = text.lower()
    names = BeneficiaryIdentity.objects.filter(organisation=organisation).values_list(
        "full_name", flat=True)
    if any(name and name.lower() in lowered for name in names):
        raise ValidationError({"case_summary": _(
            "The summary contains the name of a person the organisation supports. Use a "
            "neutral description instead.")})


def reviews_for(*, organisation, user, sees_all: bool) -> QuerySet[GroupReview]:
    qs = GroupReview.objects.filter(organisation=organisation).select_related("facilitator")
    return qs if sees_all else qs.filter(Q(participants=user) | Q(facilitator=user)).distinct()


def review_get_for(*, organisation, user, sees_all: bool, pk: int) -> GroupReview:
    return get_object_or_404(reviews_for(organisation=organisation, user=user,
                                         sees_all=sees_all), pk=pk)


def review_plan(*, actor, organisation, kind: str, title: str, date, duration_minutes: int,
                format: str, participants, case_summary: str = "",
                region=None) -> GroupReview:
    summary_check(organisation=organisation, text=case_summary)
    review = GroupReview(organisation=organisation, kind=kind, title=title, date=date,
                         duration_minutes=duration_minutes, format=format, facilitator=actor,
                         case_summary=case_summary, region=region)
    return audited_save(review, actor=actor, organisation=organisation,
                        m2m={"participants": participants})


def review_hold(*, actor, review: GroupReview, attended, case_summary: str = "") -> GroupReview:
    """Record who took part; the session lands in the ledger as a head-count."""
    if review.held:
        raise ValidationError(_("This session is already recorded."))
    if review.date > timezone.localdate():
        raise ValidationError(_("A session cannot be recorded before its date."))
    attended = list(attended)
    if not attended:
        raise ValidationError({"attended": _("Mark who took part.")})
    summary_check(organisation=review.organisation, text=case_summary)
    with transaction.atomic():
        review.activity = activity_record(
            actor=actor, organisation=review.organisation, kind=review.kind, date=review.date,
            duration_minutes=review.duration_minutes, format=review.format,
            providers=[review.facilitator], anonymous_count=len(attended), mode="group",
            region=review.region)
        review.held, review.case_summary = True, case_summary or review.case_summary
        return audited_save(review, actor=actor, organisation=review.organisation,
                            m2m={"participants": attended})
