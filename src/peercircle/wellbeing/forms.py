from django import forms
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm
from peercircle.wellbeing.instrument import ITEMS


class SelfCheckForm(StyledForm, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _scale, question, options, _reversed in ITEMS:
            field = forms.TypedChoiceField(label=question, choices=options, coerce=int,
                                           widget=forms.RadioSelect)
            field.widget.attrs["class"] = "form-check-input"
            self.fields[code] = field

    def answers(self) -> dict[str, int]:
        return {code: self.cleaned_data[code] for code, *_rest in ITEMS}


class SupportForm(StyledForm, forms.Form):
    wants_pause = forms.BooleanField(label=_("I would like to pause my volunteering for a while"),
                                     required=False)
