"""Files and worlds for the import tests."""

import csv
import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.core.models import Job
from peercircle.imports import services
from peercircle.imports.models import ImportRun
from tests import factories

CONSULTATION_HEADERS = ["ID", "Дата", "Длительность", "Формат", "Консультант", "Код", "Регион", "Темы"]


def consultation_csv(rows, *, headers=CONSULTATION_HEADERS, delimiter=";", encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def world(org, member):
    """A coordinator, a consultant, one beneficiary with consent and one without."""
    coordinator = member("coordinator")
    consultant = member("volunteer")
    with_consent = factories.BeneficiaryFactory(organisation=org, code="B-OK")
    factories.ConsentFactory(beneficiary=with_consent)
    without = factories.BeneficiaryFactory(organisation=org, code="B-NO")
    return coordinator, consultant, with_consent, without


def upload_and_check(coordinator, org, content, name="consultations.csv", kind="consultations"):
    with scope(organisation=org):
        run = services.import_upload(actor=coordinator, organisation=org, kind=kind,
                                     file=upload(name, content))
        return services.import_map(actor=coordinator, run=run, mapping=run.mapping)


def interrupted(run, coordinator, *, minutes_ago: int):
    """The import's worker was killed: its job stays "running" and stops moving."""
    with scopes_disabled():
        job = Job.objects.create(organisation=run.organisation, user=coordinator,
                                 kind="import_commit", task="x.y", status=Job.Status.RUNNING)
        Job.objects.filter(pk=job.pk).update(
            updated_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.IMPORTING,
                                                   commit_job=job)
        run.refresh_from_db()
    return run
