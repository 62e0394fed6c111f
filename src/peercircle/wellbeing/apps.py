from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.wellbeing"
    label = "wellbeing"
    verbose_name = _("Wellbeing")
    default = True
