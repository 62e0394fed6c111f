"""django-allauth's two-factor forms as a phone should offer them: a numeric code field that
the phone can fill from the authenticator app or a text message, spaces in a typed code ignored."""

import re

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm


class NumericCode(StyledForm):
    code_label = _("Code")

    def __init__(self, *args, **kwargs):
        data = kwargs.get("data", args[0] if args else None)
        if data is not None and "code" in data:
            data = data.copy()
            data["code"] = re.sub(r"[\s-]", "", data["code"])
            if "data" in kwargs:
                kwargs["data"] = data
            else:
                args = (data, *args[1:])
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = self.code_label
        field.widget.attrs.update({
            "inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*",
            "autofocus": True, "placeholder": "123456", "spellcheck": "false",
            "class": f"{field.widget.attrs.get('class', '')} code-input",
        })


class ActivateTOTP(NumericCode, ActivateTOTPForm):
    code_label = _("The six-digit code your app shows now")


class Authenticate(NumericCode, AuthenticateForm):
    code_label = _("Code from your authenticator app, or a recovery code")


class Reauthenticate(NumericCode, ReauthenticateForm):
    code_label = _("Code from your authenticator app, or a recovery code")
