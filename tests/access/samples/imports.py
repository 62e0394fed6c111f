"""Access-matrix samples of the imports app (and of core's background-job pages)."""

from django.core.files.base import ContentFile
from django_scopes import scopes_disabled

from peercircle.core.models import Job
from peercircle.imports.models import ImportRun
from tests import factories


def samples(org) -> dict:
    with scopes_disabled():
        user = factories.MembershipFactory(organisation=org).user
        job = Job.objects.create(organisation=org, user=user, kind="sample", task="x",
                                 status=Job.Status.DONE)
        run = ImportRun(organisation=org, kind="families", file_name="families.csv",
                        created_by=user, headers=["Code"], mapping={"code": "Code"},
                        status=ImportRun.Status.CHECKED,
                        summary={"total": 2, "valid": 1, "skipped": 0, "rejected": 1, "written": 0,
                                 "errors": [[3, ["Code: This field is required."]]],
                                 "file_error": ""})
        run.file.save("families.csv", ContentFile(b"Code\nF-1\n\n"), save=False)
        run.rejected.save("rejected.csv", ContentFile(b"Row;Code;Errors\r\n"), save=False)
        run.save()
    return {"job_pk": job.pk, "import_pk": run.pk}
