from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm
from peercircle.organisations.models import Organisation


class SubjectExportForm(StyledForm, forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[
        ("pdf", _("PDF, to read and print")), ("json", _("JSON, machine-readable"))])
    language = forms.ChoiceField(label=_("Language of the document"), choices=settings.LANGUAGES)


class SubjectEraseForm(StyledForm, forms.Form):
    confirm_code = forms.CharField(label=_("Type the record's code to confirm"), max_length=20)

    def __init__(self, *args, code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.code = code

    def clean_confirm_code(self):
        typed = self.cleaned_data["confirm_code"].strip()
        if typed.upper() != self.code.upper():
            raise forms.ValidationError(_("The code does not match this record."))
        return typed


class DataProtectionForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["erasure_delay_days", "record_retention_days", "import_file_retention_days"]
