from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    default = True
