import re

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def styled(form):
    """A form from a library rendered with our classes (core.forms.form_styled)."""
    from peercircle.core.forms import form_styled

    return form_styled(form)


def _language_of(text, organisation=None) -> str:
    from django.utils import translation

    from peercircle.core.texts import text_language, written_in

    written = getattr(organisation, "main_language", "") if organisation else written_in.get()
    return text_language(str(text), (translation.get_language() or "en")[:2], written)


@register.filter
def own_language(text, organisation=None):
    """A name or title an organisation typed, marked with its language when that is not the
    page's (WCAG 3.1.2, issue 23): a screen reader then reads it with the right voice. The
    organisation whose page it is wrote it, unless another one is named (`|own_language:org`)."""
    from django.utils.html import conditional_escape, format_html

    if text in (None, ""):
        return text
    language = _language_of(text, organisation)
    if not language:
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span>', language, text)


@register.filter
def lang_attribute(text, organisation=None):
    """` lang="pl"` for the element that holds a longer text an organisation wrote (a
    description, a document's text) when it is in another language than the page; else ""."""
    from django.utils.html import format_html

    language = _language_of(text, organisation) if text else ""
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def language_label(code):
    """An interface language's name in the page's language ("польский"), never its code."""
    from django.conf import settings

    return dict(settings.LANGUAGES).get(code, code)


@register.filter
def tel_href(phone) -> str:
    """A phone number as a link's address: `tel:` with its digits and leading plus only (an
    address may not hold the spaces people write numbers with)."""
    digits = re.sub(r"[^\d]", "", str(phone))
    return f"tel:+{digits}" if str(phone).strip().startswith("+") else f"tel:{digits}"


@register.filter
def segmented(field) -> bool:
    """A short radio group (minutes, format, a mark) is drawn as a row of large buttons that a
    thumb hits on a phone, rather than small stacked circles (core.forms.SEGMENTED_*)."""
    from peercircle.core.forms import segmented_choice

    return segmented_choice(field.field)


@register.filter
def grouped(text, size: int = 4) -> str:
    """A long key in groups that one can read aloud and type: ABCD EFGH IJKL."""
    text = str(text)
    return " ".join(text[i:i + size] for i in range(0, len(text), size))

HIDDEN_FIELDS = {"id", "organisation"}
MASK = "***"


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name) if model else _plain_name(name)
    except FieldDoesNotExist:
        return _plain_name(name)


def _plain_name(name: str) -> str:
    return name.replace("_", " ")


def _field(model, name: str):
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def _related_names(field, values) -> str:
    """Related records by the name the pages show (the record itself when it still exists)."""
    pks = [v for v in values if v not in (None, "")]
    try:
        found = {str(o.pk): str(o) for o in field.related_model._default_manager.filter(pk__in=pks)}
    except Exception:  # noqa: BLE001 - a record out of reach or gone is shown by its number
        found = {}
    return ", ".join(found.get(str(pk), f"#{pk}") for pk in pks)


def _shown_value(field, value):
    """A stored audit value as the pages show it, in the person's language."""
    from django.db import models

    from peercircle.core.dates import shown

    if value in (None, "", [], {}) or value == MASK:
        return value
    if field is not None and field.choices:
        labels = {str(k): v for k, v in field.flatchoices}
        if isinstance(value, list):
            return ", ".join(str(labels.get(str(v), v)) for v in value)
        return labels.get(str(value), value)
    if field is not None and (field.many_to_many or field.many_to_one or field.one_to_one):
        return _related_names(field, value if isinstance(value, list) else [value])
    if isinstance(field, models.FileField):
        return _("a file") if value else ""
    if isinstance(value, bool):
        return pgettext("a true or false value", "yes") if value else pgettext(
            "a true or false value", "no")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") \
            if moment else value
    if isinstance(field, models.DateField):
        day = parse_date(str(value))
        return shown(day) if day else value
    if isinstance(value, dict):
        return "; ".join(f"{_plain_name(str(k))}: {_shown_value(None, v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(_shown_value(None, v)) for v in value)
    return value


@register.filter
def audit_changes(entry) -> list[tuple[str, object, object]]:
    """The fields an audit entry changed, as (field label, before, after), each value shown as
    the pages show it: choices by their label, related records by name, dates localised,
    structures as readable lists; internal keys (UUIDs) left out."""
    from django.db import models

    try:
        model = apps.get_model(entry.object_type)
    except (LookupError, ValueError):
        model = None
    before, after = entry.before or {}, entry.after or {}
    names = sorted(set(before) | set(after) - HIDDEN_FIELDS)
    changes = []
    for name in names:
        if name in HIDDEN_FIELDS or before.get(name) == after.get(name):
            continue
        field = _field(model, name)
        if isinstance(field, models.UUIDField):
            continue
        old, new = (_shown_value(field, side.get(name)) for side in (before, after))
        changes.append((_label(model, name), _or_dash(old), _or_dash(new)))
    return changes


def _or_dash(value):
    return "—" if value in (None, "", [], {}) else value  # 0 stays 0
