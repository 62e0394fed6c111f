from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

register = template.Library()

HIDDEN_FIELDS = {"id", "organisation"}


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name) if model else name
    except FieldDoesNotExist:
        return name


@register.filter
def audit_changes(entry) -> list[tuple[str, object, object]]:
    """The fields an audit entry changed, as (field label, before, after)."""
    try:
        model = apps.get_model(entry.object_type)
    except (LookupError, ValueError):
        model = None
    before, after = entry.before or {}, entry.after or {}
    names = sorted(set(before) | set(after) - HIDDEN_FIELDS)
    return [(_label(model, n), before.get(n), after.get(n))
            for n in names if n not in HIDDEN_FIELDS and before.get(n) != after.get(n)]
