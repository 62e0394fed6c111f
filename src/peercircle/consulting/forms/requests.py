from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from peercircle.consulting.models import Urgency
from peercircle.core.forms import HoneypotForm, StyledForm
from peercircle.core.models import Format, HelpArea, Region


class RequestForm(StyledForm, HoneypotForm):
    name = forms.CharField(label=_("How may we call you?"), max_length=100,
                           help_text=_("A first name or a nickname is enough."))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    need = forms.ModelChoiceField(label=_("What is your situation about?"),
                                  queryset=HelpArea.objects.all())
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    format = forms.ChoiceField(label=_("How would you like to talk?"), choices=Format.choices)
    urgency = forms.ChoiceField(label=_("How soon do you need to talk?"), choices=Urgency.choices)
    message = forms.CharField(label=_("What would you like to talk about? (optional)"),
                              required=False, widget=forms.Textarea(attrs={"rows": 4}))
    consent = forms.BooleanField(label=_(
        "I agree that the organisation keeps these details to arrange peer support for me."))


class CrisisTermForm(StyledForm, forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    term = forms.CharField(label=_("Word or stem"), max_length=60)
