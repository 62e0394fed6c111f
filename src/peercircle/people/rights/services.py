"""Writes for data-subject rights: the audited production of a person's data, their erasure
(anonymisation that leaves every count unchanged) and the retention run."""

import datetime
import json
import re
import secrets
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from peercircle.core.audit import MASK, audit_record
from peercircle.core.models import AuditEntry
from peercircle.core.subject_registry import Scrubbed, providers
from peercircle.people.models import Beneficiary
from peercircle.people.rights import selectors
from peercircle.people.services import CODE_ALPHABET

FORMATS = ("json", "pdf")
ANONYMOUS_PREFIX = "X-"


class Reason:
    REQUEST = "request"  # the person asked, a coordinator erased at once
    WITHDRAWAL = "withdrawal"  # consent to data processing withdrawn, the delay passed
    RETENTION = "retention"  # the retention period after the last work passed


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    content: bytes


def _render(data: selectors.SubjectData, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(data.as_json(), ensure_ascii=False, indent=2, default=str).encode()
    from weasyprint import HTML

    html = render_to_string("people/rights/subject_pdf.html", {"data": data})
    return HTML(string=html).write_pdf()


def subject_export(*, actor, beneficiary: Beneficiary, fmt: str, language: str) -> Export:
    """Everything kept about one person, in their language, as JSON or PDF. The production
    shows their identity, so it is audited like opening it."""
    if fmt not in FORMATS:
        raise ValidationError(_("Choose JSON or PDF."))
    with transaction.atomic(), translation.override(language):
        data = selectors.subject_data(beneficiary=beneficiary, language=language)
        content = _render(data, fmt)
        audit_record(actor=actor, organisation=beneficiary.organisation,
                     action=AuditEntry.Action.VIEW_IDENTITY, instance=beneficiary,
                     after={"export": fmt, "language": language})
    stem = f"{beneficiary.code}-{timezone.localdate():%Y%m%d}"
    types = {"json": "application/json", "pdf": "application/pdf"}
    return Export(f"{stem}.{fmt}", types[fmt], content)


def _audited_export(*, actor, instance, organisation, build, fmt: str, language: str,
                    stem: str) -> Export:
    if fmt not in FORMATS:
        raise ValidationError(_("Choose JSON or PDF."))
    with transaction.atomic(), translation.override(language):
        content = _render(build(), fmt)
        audit_record(actor=actor, organisation=organisation,
                     action=AuditEntry.Action.VIEW_IDENTITY, instance=instance,
                     after={"export": fmt, "language": language})
    types = {"json": "application/json", "pdf": "application/pdf"}
    return Export(f"{stem}-{timezone.localdate():%Y%m%d}.{fmt}", types[fmt], content)


def volunteer_export(*, actor, volunteer, fmt: str, language: str) -> Export:
    """Everything kept about a volunteer, as JSON or PDF; audited like opening an identity."""
    return _audited_export(
        actor=actor, instance=volunteer, organisation=volunteer.organisation, fmt=fmt,
        language=language, stem=f"volunteer-{volunteer.pk}",
        build=lambda: selectors.volunteer_data(volunteer=volunteer, language=language))


def member_export(*, actor, membership, fmt: str, language: str) -> Export:
    """Everything kept about a member (account, role, work given); audited the same way."""
    return _audited_export(
        actor=actor, instance=membership, organisation=membership.organisation, fmt=fmt,
        language=language, stem=f"member-{membership.pk}",
        build=lambda: selectors.member_data(membership=membership, language=language))


def _anonymous_code(organisation) -> str:
    while True:
        code = ANONYMOUS_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
        if not Beneficiary.objects.filter(organisation=organisation, code=code).exists():
            return code


def _mask(snapshot: dict | None, fields: frozenset[str]) -> dict | None:
    if not snapshot:
        return snapshot
    return {key: ((MASK if value else "") if key in fields else value)
            for key, value in snapshot.items()}


def _audit_scrub(organisation, scrubbed: list[Scrubbed], old_code: str, new_code: str) -> None:
    """The audit log keeps who did what, never the erased values nor the old code."""
    with scopes_disabled():
        entries = AuditEntry.objects.filter(organisation=organisation)
        for item in scrubbed:
            for entry in entries.filter(object_type=item.instance._meta.label,
                                        object_id=str(item.instance.pk)):
                entry.before = _mask(entry.before, item.fields)
                entry.after = _mask(entry.after, item.fields)
                entry.save(update_fields=["before", "after"])
        pattern = re.compile(rf"(?<![\w-]){re.escape(old_code)}(?![\w-])")
        for entry in entries.filter(object_repr__contains=old_code):
            entry.object_repr = pattern.sub(new_code, entry.object_repr)
            entry.save(update_fields=["object_repr"])


@dataclass
class Erasure:
    code: str
    records: int = 0
    reason: str = Reason.REQUEST
    parts: dict = field(default_factory=dict)


def subject_erase(*, actor, beneficiary: Beneficiary, reason: str = Reason.REQUEST) -> Erasure:
    """Destroy the person's identity, contacts, free text and files, and anonymise the record.

    The pseudonymous row stays under a new random code, so every activity keeps its named
    participant (distinct-people figures, family links, registrations and outcomes unchanged)."""
    if beneficiary.anonymised_on:
        raise ValidationError(_("This record is already anonymised."))
    organisation = beneficiary.organisation
    with transaction.atomic():
        scrubbed, parts = [], {}
        for provider in providers():
            done = provider.anonymise(beneficiary)
            parts[provider.key] = len(done)
            scrubbed += done
        old_code = beneficiary.code
        beneficiary.code = _anonymous_code(organisation)
        beneficiary.birth_year, beneficiary.gender = None, ""
        beneficiary.anonymised_on = timezone.localdate()
        beneficiary.save(update_fields=["code", "birth_year", "gender", "anonymised_on",
                                        "updated_at"])
        beneficiary.needs.clear()
        scrubbed.append(Scrubbed(beneficiary, frozenset({"code", "birth_year", "gender",
                                                         "needs"})))
        _audit_scrub(organisation, scrubbed, old_code, beneficiary.code)
        audit_record(actor=actor, organisation=organisation, action=AuditEntry.Action.DELETE,
                     instance=beneficiary,
                     after={"anonymised": True, "reason": reason, "records": parts})
    return Erasure(beneficiary.code, sum(parts.values()), reason, parts)


@dataclass
class RetentionReport:
    organisation: str
    withdrawals: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _reason_due(beneficiary: Beneficiary, today: datetime.date) -> str | None:
    due = selectors.erasure_due_on(beneficiary)
    if due is not None and due <= today:
        return Reason.WITHDRAWAL
    if selectors.retention_due_on(beneficiary) <= today:
        return Reason.RETENTION
    return None


def _candidates(organisation, today: datetime.date):
    """Only people recorded before the retention period or with a consent withdrawn can be
    due (the last contact is never before the record was made): the rest are not read."""
    from django.db.models import Q

    recorded_before = today - datetime.timedelta(days=organisation.record_retention_days)
    return (Beneficiary.objects.filter(organisation=organisation, anonymised_on__isnull=True)
            .filter(Q(created_at__date__lte=recorded_before)
                    | Q(consents__withdrawn_on__isnull=False))
            .distinct().select_related("organisation"))


def retention_run(*, organisations, today: datetime.date | None = None,
                  dry_run: bool = False) -> list[RetentionReport]:
    """Erase what has passed its time in each organisation; one failure never stops the run."""
    today = today or timezone.localdate()
    reports = []
    for organisation in organisations:
        report = RetentionReport(organisation.slug)
        with scope(organisation=organisation):
            for beneficiary in _candidates(organisation, today):
                reason = _reason_due(beneficiary, today)
                if reason is None:
                    continue
                try:
                    code = beneficiary.code
                    if not dry_run:
                        code = subject_erase(actor=None, beneficiary=beneficiary,
                                             reason=reason).code
                except Exception:  # noqa: BLE001 — one record's failure is reported, not fatal
                    report.failed.append(beneficiary.code)
                    continue
                (report.withdrawals if reason == Reason.WITHDRAWAL else report.expired).append(code)
        reports.append(report)
    return reports


def data_protection_update(*, actor, organisation, erasure_delay_days: int,
                           record_retention_days: int, import_file_retention_days: int = 30):
    from peercircle.core.audit import audited_save

    if erasure_delay_days > 30:
        raise ValidationError({"erasure_delay_days": _(
            "Russian law (152-FZ) allows at most 30 days from withdrawal to destruction.")})
    organisation.erasure_delay_days = erasure_delay_days
    organisation.record_retention_days = record_retention_days
    organisation.import_file_retention_days = import_file_retention_days
    return audited_save(organisation, actor=actor, organisation=organisation)


def processing_register_pdf(context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string("people/rights/processing_register_pdf.html", context)
    return HTML(string=html).write_pdf()
