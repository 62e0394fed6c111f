"""Imports from spreadsheets: one uploaded file checked, previewed and committed, and the column
mapping each organisation used last time for each kind."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import OrganisationOwned


class ColumnMapping(OrganisationOwned):
    """Which spreadsheet column holds which field, remembered per organisation and kind."""

    kind = models.CharField(_("kind"), max_length=30)
    mapping = models.JSONField(_("columns"), default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "kind"],
                                               name="column_mapping_unique_kind")]
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")

    def __str__(self) -> str:
        return self.kind


STALLED_AFTER = datetime.timedelta(minutes=15)


def import_upload_to(instance: "ImportRun", filename: str) -> str:
    return f"imports/{instance.organisation_id}/{filename}"


class ImportRun(OrganisationOwned):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Columns to match")
        CHECKING = "checking", _("Being checked")
        CHECKED = "checked", _("Checked, waiting to be imported")
        IMPORTING = "importing", _("Being imported")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=30)
    file = models.FileField(_("file"), upload_to=import_upload_to, blank=True, max_length=255)
    file_name = models.CharField(_("file name"), max_length=200)
    file_size = models.PositiveBigIntegerField(_("size, bytes"), default=0)
    headers = models.JSONField(_("columns in the file"), default=list, blank=True)
    mapping = models.JSONField(_("columns"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.UPLOADED)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    rejected = models.FileField(_("rejected rows"), upload_to=import_upload_to, blank=True,
                                max_length=255)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("uploaded by"))
    check_job = models.ForeignKey("core.Job", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("check"))
    commit_job = models.ForeignKey("core.Job", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("import"))
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    files_deleted_on = models.DateField(_("files deleted on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.kind})"

    @property
    def current_job(self):
        return self.commit_job if self.status == self.Status.IMPORTING else self.check_job

    @property
    def can_check(self) -> bool:
        """The columns may be matched and every row checked (again)."""
        if not self.file:  # deleted when its retention period passed
            return False
        return self.status in (self.Status.UPLOADED, self.Status.CHECKED,
                               self.Status.FAILED) or self.stalled

    @property
    def ended_at(self):
        """When the import ended: imported, failed, or left (checked or matched, then not
        touched); None while a check or the import runs."""
        if self.status in (self.Status.CHECKING, self.Status.IMPORTING) and not self.stalled:
            return None
        return self.committed_at or self.updated_at

    @property
    def stalled(self) -> bool:
        """Checking or importing, but its job has not moved for STALLED_AFTER (a worker killed
        or stopped): the import's transaction was rolled back with it, so the file may be
        checked again. (Were the job only slow, importing twice is still safe: rows already
        written are recognised by their external id and the database refuses duplicates.)"""
        if self.status not in (self.Status.CHECKING, self.Status.IMPORTING):
            return False
        job, since = self.current_job, timezone.now() - STALLED_AFTER
        if job is None:  # (for an instant, between the job's start and its link here)
            return self.updated_at < since
        if job.status in (job.Status.DONE, job.Status.FAILED):
            return True
        return job.updated_at < since
