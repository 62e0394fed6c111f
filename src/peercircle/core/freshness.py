"""When an organisation's records last changed: a stamp that computed figures are kept by.

Every committed change to a record that belongs to an organisation (any `OrganisationOwned`
model, saved, deleted or with its many-to-many links changed) gives that organisation a new
`DataStamp` once the transaction commits. Figures kept under a key that includes the stamps of
the organisations they count (reporting/freshness.py: a project's dashboard) are served until
one of those stamps moves. Writes that bypass model signals (`bulk_create` in imports) call
`data_changed` themselves.

Why after the commit: a reader who still sees the old stamp may cache figures that already
include the new records (harmless: that key is never asked for again once the stamp moves); the
stamp never moves before the records it announces are visible.
"""

import threading
import uuid
from collections.abc import Iterable

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_scopes import scopes_disabled

_pending = threading.local()


def data_changed(organisation_ids: Iterable[int]) -> None:
    """Record that these organisations' records change (stamped when the transaction commits)."""
    ids = {int(i) for i in organisation_ids if i}
    if not ids:
        return
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    _pending.ids |= ids
    # one callback per call: a rolled-back transaction drops its own callbacks, and ids it left
    # behind are stamped by the next commit (one needless recomputation, never a stale figure)
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    from peercircle.core.models import DataStamp

    ids, _pending.ids = getattr(_pending, "ids", set()), set()
    if ids:
        DataStamp.objects.bulk_create(
            [DataStamp(organisation_id=i, stamp=uuid.uuid4().hex) for i in sorted(ids)],
            update_conflicts=True, unique_fields=["organisation_id"], update_fields=["stamp"])


def stamps(organisation_ids: list[int]) -> dict[int, str]:
    from peercircle.core.models import DataStamp

    return dict(DataStamp.objects.filter(organisation_id__in=organisation_ids)
                .values_list("organisation_id", "stamp"))


def _saved_or_deleted(sender, instance, **kwargs) -> None:
    data_changed([instance.organisation_id])


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from peercircle.core.models import OrganisationOwned

    ids = [instance.organisation_id] if isinstance(instance, OrganisationOwned) else []
    if pk_set and issubclass(model, OrganisationOwned):
        with scopes_disabled():
            ids += model._base_manager.filter(pk__in=pk_set).values_list("organisation_id",
                                                                         flat=True).distinct()
    data_changed(ids)


def watch() -> None:
    """Connect the signals (called once, from the app's ready())."""
    from peercircle.core.models import OrganisationOwned

    for model in apps.get_models():
        if issubclass(model, OrganisationOwned):
            post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"fresh-s-{model}")
            post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"fresh-d-{model}")
    m2m_changed.connect(_links_changed, dispatch_uid="fresh-m2m")
