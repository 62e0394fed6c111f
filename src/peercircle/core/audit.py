"""The audit log: who did what to which record, with the values before and after."""

import datetime
import decimal
import uuid

from django.db import models, transaction
from django_scopes import scopes_disabled

from peercircle.core.models import AuditEntry

MASK = "•••"


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(instance: models.Model | None, *, masked: frozenset[str] = frozenset(),
             many: bool = True) -> dict | None:
    """Field values of a record as JSON; fields in `masked` are recorded as changed, never shown."""
    if instance is None:
        return None
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in {"created_at", "updated_at"}:
            continue
        value = _plain(getattr(instance, field.attname))
        data[field.name] = (MASK if value else "") if field.name in masked else value
    if instance.pk and many:
        for field in instance._meta.many_to_many:
            pks = getattr(instance, field.name).values_list("pk", flat=True)
            data[field.name] = sorted(str(pk) for pk in pks)
    return data


def stored_snapshot(instance: models.Model, *, masked: frozenset[str] = frozenset()) -> dict | None:
    """The record as it is in the database now (before a change is saved)."""
    if instance.pk is None:
        return None
    with scopes_disabled():
        stored = type(instance)._base_manager.filter(pk=instance.pk).first()
    return snapshot(stored, masked=masked)


def audit_record(
    *,
    actor,
    organisation,
    action: str,
    instance: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    restricted_to: tuple = (),
) -> AuditEntry:
    """Write one audit entry; call it inside the transaction of the change it records.

    `restricted_to` names the people concerned (at most two: the person and, for supervision,
    the supervisor); the entry then goes to the restricted category, which only they can read.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the write's transaction")
    people = [p for p in restricted_to if p is not None]
    if len(people) > 2:
        raise ValueError("a restricted entry names at most two people")
    category = AuditEntry.Category.RESTRICTED if restricted_to else AuditEntry.Category.GENERAL
    return AuditEntry.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=instance._meta.label,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        before=before,
        after=after,
        category=category,
        subject=people[0] if people else None,
        co_subject=people[1] if len(people) > 1 else None,
    )


def audited_save(
    instance: models.Model,
    *,
    actor,
    organisation,
    m2m: dict | None = None,
    masked: frozenset[str] = frozenset(),
    restricted_to: tuple = (),
) -> models.Model:
    """Validate, save (with many-to-many values) and audit one record, atomically.

    With `restricted_to`, the entry is restricted to those people (see `audit_record`)."""
    with transaction.atomic():
        before = stored_snapshot(instance, masked=masked)
        instance.full_clean()
        instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
        after = snapshot(instance, masked=masked)
        if before != after:
            action = AuditEntry.Action.CREATE if before is None else AuditEntry.Action.UPDATE
            audit_record(actor=actor, organisation=organisation, action=action,
                         instance=instance, before=before, after=after,
                         restricted_to=restricted_to)
    return instance


def audited_bulk_create(
    objects: list,
    *,
    actor,
    organisation,
    masked: frozenset[str] = frozenset(),
    batch_size: int = 2000,
    per_record: bool = True,
) -> list:
    """Create many records of one model at once and audit who created which, atomically: one
    entry per record with its values (fields in `masked` recorded as present, never shown), or,
    with `per_record=False` (ledger rows, whose values hold no one's identity), one entry naming
    the ids of the batch.

    The entries are written in bulk too, so an import of thousands of rows stays a few queries."""
    if not objects:
        return []
    with transaction.atomic():
        model = type(objects[0])
        created = model.objects.bulk_create(objects, batch_size=batch_size)
        user = actor if actor is not None and actor.is_authenticated else None
        if not per_record:
            ids = [instance.pk for instance in created]
            AuditEntry.objects.create(
                organisation=organisation, actor=user, action=AuditEntry.Action.CREATE,
                object_type=model._meta.label, object_id=f"{ids[0]}…{ids[-1]}"[:64],
                object_repr=f"{len(ids)} × {model._meta.verbose_name}"[:200],
                after={"ids": ids, "count": len(ids)})
            return created
        AuditEntry.objects.bulk_create([
            AuditEntry(organisation=organisation, actor=user, action=AuditEntry.Action.CREATE,
                       object_type=model._meta.label, object_id=str(instance.pk),
                       object_repr=str(instance)[:200], after=snapshot(instance, masked=masked, many=False))
            for instance in created], batch_size=batch_size)
    return created



def audited_delete(instance: models.Model, *, actor, organisation, before: dict | None = None,
                   masked: frozenset[str] = frozenset()) -> None:
    """Delete one record and audit it (its values before, or `before` when given), atomically."""
    with transaction.atomic():
        audit_record(actor=actor, organisation=organisation, action=AuditEntry.Action.DELETE,
                     instance=instance,
                     before=before if before is not None else snapshot(instance, masked=masked))
        instance.delete()


def audited_bulk_delete(objects: list, *, actor, organisation,
                        masked: frozenset[str] = frozenset()) -> int:
    """Delete many records of one model with one audit entry per record, in a few queries."""
    if not objects:
        return 0
    with transaction.atomic():
        model = type(objects[0])
        user = actor if actor is not None and actor.is_authenticated else None
        AuditEntry.objects.bulk_create([
            AuditEntry(organisation=organisation, actor=user, action=AuditEntry.Action.DELETE,
                       object_type=model._meta.label, object_id=str(instance.pk),
                       object_repr=str(instance)[:200],
                       before=snapshot(instance, masked=masked, many=False))
            for instance in objects])
        deleted, _by_model = model._base_manager.filter(
            pk__in=[instance.pk for instance in objects]).delete()
    return deleted
