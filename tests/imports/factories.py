"""Files and worlds for the import tests."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

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
