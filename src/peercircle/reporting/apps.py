from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.reporting"
    label = "reporting"
    verbose_name = _("Reports")
    default = True
