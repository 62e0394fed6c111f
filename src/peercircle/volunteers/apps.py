from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.volunteers"
    label = "volunteers"
    verbose_name = _("Volunteers")
    default = True
