from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.people"
    label = "people"
    verbose_name = _("People")
    default = True
