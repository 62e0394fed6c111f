"""Form helpers shared by every app: Bootstrap classes and mapping service errors to fields."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CHECK_WIDGETS = (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect)


def style_field(field: forms.Field) -> None:
    widget = field.widget
    if isinstance(widget, CHECK_WIDGETS):
        css = "form-check-input"
    elif isinstance(widget, forms.Select | forms.SelectMultiple):
        css = "form-select"
    else:
        css = "form-control"
    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


BLANK_LABEL = "---------"
PHONE_FIELDS = ("phone", "contact_phone")
LONG_LIST = 15  # a select longer than this gets a box that narrows it as one types


def _count(choices) -> int:
    try:
        return len(choices)
    except TypeError:  # choices given as a callable: count what it yields
        return sum(1 for _choice in choices)


def long_list_searchable(field: forms.Field) -> None:
    """A single select longer than LONG_LIST gets a box that narrows it as one types
    (peercircle.js); checked when the field is rendered, once its choices are final."""
    widget = field.widget
    if (isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple)
            and isinstance(field, forms.ChoiceField) and "data-searchable" not in widget.attrs
            and getattr(field, "queryset", True) is not None and _count(field.choices) > LONG_LIST):
        widget.attrs["data-searchable"] = ""
        widget.attrs["data-search-label"] = _("Type to narrow the list")


SEGMENTED_CHOICES = 6
SEGMENTED_LABEL = 22  # characters: longer labels stay a stacked list


def segmented_choice(field: forms.Field) -> bool:
    """A radio group (or a short set of checkboxes: CheckboxSelectMultiple is a RadioSelect)
    short enough to be a row of buttons (partials/form_fields.html), each keeping its input type."""
    if not isinstance(field.widget, forms.RadioSelect):
        return False
    choices = [(value, label) for value, label in field.choices if value not in ("", None)]
    return 0 < len(choices) <= SEGMENTED_CHOICES and all(
        len(str(label)) <= SEGMENTED_LABEL for _value, label in choices)


def plain_inputs(name: str, field: forms.Field) -> None:
    """What every form gets without asking: an empty choice that says what to do (not Django's
    "---------"), and phone numbers typed on a phone's dial pad."""
    if isinstance(field, forms.ModelChoiceField) and field.empty_label == BLANK_LABEL:
        field.empty_label = _("Choose…")
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices = list(field.choices)
        if any(label == BLANK_LABEL for _value, label in choices):
            field.choices = [(value, _("Choose…") if label == BLANK_LABEL else label)
                             for value, label in choices]
    if name in PHONE_FIELDS and type(field.widget) is forms.TextInput:
        field.widget.input_type = "tel"
        field.widget.attrs.setdefault("autocomplete", "tel")


def work_region_field() -> forms.ModelChoiceField:
    """Where a piece of work took place; empty means the organisation's own region (ledger
    rows then count in it, core.services.home_region). The choices are narrowed per form."""
    from peercircle.core.models import Region

    return forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                  required=False, empty_label=_("The organisation's region"))


class HoneypotForm(forms.Form):
    """A field people never see (rendered by `partials/honeypot.html`, off-screen); robots fill it.

    A view answers a filled one exactly as it answers a success, and saves nothing.
    """

    website = forms.CharField(required=False, label=_("Leave this field empty"),
                              widget=forms.TextInput(attrs={"autocomplete": "off",
                                                            "tabindex": "-1"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].is_honeypot = True  # partials/form_fields.html leaves it out

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    @property
    def answer_data(self) -> dict:
        """The cleaned answers without the honeypot."""
        return {k: v for k, v in self.cleaned_data.items() if k != "website"}


class StyledForm:
    """Adds Bootstrap classes to the widgets; errors stay next to their field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from peercircle.core.choices import locality_suggestions_add, reference_fields_narrow

        reference_fields_narrow(self)
        locality_suggestions_add(self)
        for name, field in self.fields.items():
            plain_inputs(name, field)
            style_field(field)

    def __getitem__(self, name):
        if name in self.fields:
            long_list_searchable(self.fields[name])
        return super().__getitem__(name)

    def add_error(self, field, error):
        # every error passes here: validation's own and those a write service finds afterwards
        super().add_error(field, error)
        invalid_marked(self)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def call_service(form: forms.Form, service: Callable, **kwargs):
    """Run a write service; its validation errors land on the form's fields. None on failure."""
    try:
        return service(**kwargs)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            known = {k: v for k, v in error.error_dict.items() if k in form.fields}
            other = [e for k, v in error.error_dict.items() if k not in form.fields for e in v]
            if known:
                form.add_error(None, ValidationError(known))
            if other:
                form.add_error(None, other)
        else:
            form.add_error(None, error)
        return None


def submit(request, form: forms.Form, service: Callable, *, success: str, then: Callable,
           **service_kwargs):
    """The POST half of a form page: validate, call the write service with the cleaned data,
    report success and return `then(result)`; None when the page is to be shown (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    result = call_service(form, service, **service_kwargs, **form.cleaned_data)
    if not result:
        return None
    messages.success(request, success)
    return then(result)


STYLE_CLASSES = ("form-control", "form-select", "form-check-input")


def form_styled(form: forms.BaseForm) -> forms.BaseForm:
    """A form built elsewhere (django-allauth's sign-in and two-factor forms) looks like ours:
    the same widget classes and choice labels, and a refused field marked invalid."""
    for name, field in form.fields.items():
        if not any(css in field.widget.attrs.get("class", "") for css in STYLE_CLASSES):
            plain_inputs(name, field)
            style_field(field)
            # a placeholder that repeats the label only gets cut off on a phone
            if str(field.widget.attrs.get("placeholder", "")) == str(field.label):
                del field.widget.attrs["placeholder"]
    if form.is_bound:
        invalid_marked(form)
    return form


def invalid_marked(form: forms.BaseForm) -> None:
    """Each refused field's widget carries Bootstrap's is-invalid (once), says it is invalid and
    is described by its error (then its help text), as partials/field_notes.html writes them."""
    for name in form.errors:
        if name in form.fields:
            widget = form.fields[name].widget
            css = widget.attrs.get("class", "")
            if "is-invalid" not in css.split():
                widget.attrs["class"] = f"{css} is-invalid".strip()
            bound = form[name]
            if bound.auto_id:
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = " ".join(
                    [f"{bound.auto_id}_error"]
                    + ([f"{bound.auto_id}_helptext"] if bound.help_text else []))
