from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm
from peercircle.imports.importers import IMPORTERS, kind_choices
from peercircle.imports.services import max_bytes


class UploadForm(StyledForm, forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=kind_choices)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv,.xlsx,.xlsm"}),
    )

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(organisation)
        self.fields["file"].help_text = _(
            "CSV (any delimiter; UTF-8 or Windows-1251) or Excel .xlsx, up to %(limit)s. "
            "The first row names the columns.") % {"limit": filesizeformat(max_bytes())}


class MappingForm(StyledForm, forms.Form):
    """One select per field of the kind: which column of the file holds it."""

    def __init__(self, *args, run, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —"))] + [(h, h) for h in run.headers]
        for column in IMPORTERS[run.kind].columns:
            field = forms.ChoiceField(label=column.label, choices=choices, required=column.required,
                                      initial=run.mapping.get(column.name, ""))
            field.widget.attrs["class"] = "form-select"
            self.fields[column.name] = field

    def mapping(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if value}
