from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.library"
    label = "library"
    verbose_name = _("Community documents")
    default = True
