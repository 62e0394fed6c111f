from django import template

register = template.Library()


@register.filter
def audit_changes(entry) -> list[tuple[str, object, object]]:
    """The fields an audit entry changed, as (name, before, after)."""
    before, after = entry.before or {}, entry.after or {}
    names = sorted(set(before) | set(after))
    return [(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n)]
