"""Files no record points to: partial writes interrupted by a crash or a full disk, 0-byte
results of killed exports, rejected-rows files of killed imports. `files_cleanup` removes those
older than a day (a file being written now is never touched) and reports what it removed; a file
any record's FileField names is never removed.
"""

import os
import tempfile
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django_scopes import scopes_disabled

# temporary files the application writes outside media carry this prefix (imports/services.py)
TEMP_PREFIX = "peercircle-"
MIN_AGE_SECONDS = 24 * 3600


def referenced_files() -> set[str]:
    """Every file name a record holds, relative to MEDIA_ROOT."""
    names = set()
    with scopes_disabled():
        for model in apps.get_models():
            fields = [f.name for f in model._meta.get_fields()
                      if isinstance(f, models.FileField) and not f.many_to_many]
            for field in fields:
                names.update(n for n in model._base_manager.exclude(**{field: ""})
                             .values_list(field, flat=True) if n)
    return names


def _old(path: Path, now: float) -> bool:
    try:
        return now - path.stat().st_mtime >= MIN_AGE_SECONDS
    except FileNotFoundError:
        return False


def orphans(now: float | None = None) -> list[Path]:
    now = now or time.time()
    media = Path(settings.MEDIA_ROOT)
    found = []
    if media.is_dir():
        kept = referenced_files()
        for path in media.rglob("*"):
            if path.is_file() and _old(path, now) and \
                    path.relative_to(media).as_posix() not in kept:
                found.append(path)
    temp = Path(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir())
    for path in temp.glob(TEMP_PREFIX + "*"):
        if path.is_file() and _old(path, now):
            found.append(path)
    return sorted(found)


def files_cleanup(*, dry_run: bool = False, now: float | None = None) -> list[tuple[str, int]]:
    removed = []
    for path in orphans(now):
        size = path.stat().st_size
        if not dry_run:
            try:
                os.remove(path)
            except FileNotFoundError:
                continue
        removed.append((str(path), size))
    return removed
