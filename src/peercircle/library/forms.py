from django import forms
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm
from peercircle.library.models import CommunityDocument


class DocumentForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=CommunityDocument.Kind.choices)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}))
    must_sign = forms.BooleanField(label=_("Every member acknowledges it"), required=False,
                                   initial=True)
    for_network = forms.BooleanField(label=_("Publish for the whole network"), required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        if not organisation.coordinates_network:
            del self.fields["for_network"]


class VersionForm(StyledForm, forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}))
    changes = forms.CharField(label=_("What changed"), max_length=300, required=False)
