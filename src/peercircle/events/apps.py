from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.events"
    label = "events"
    verbose_name = _("Events")
    default = True
