from django.shortcuts import get_object_or_404

from peercircle.imports.models import ImportRun


def import_list(*, organisation):
    return ImportRun.objects.filter(organisation=organisation).select_related(
        "created_by", "check_job", "commit_job")


def import_get_for(*, organisation, pk: int) -> ImportRun:
    """The import of this organisation; missing and foreign alike are 404."""
    return get_object_or_404(
        ImportRun.objects.filter(organisation=organisation).select_related(
            "check_job", "commit_job", "created_by"), pk=pk)
