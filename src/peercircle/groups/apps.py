from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.groups"
    label = "groups"
    verbose_name = _("Clubs and groups")
    default = True
