from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.consulting"
    label = "consulting"
    verbose_name = _("Peer consulting")
    default = True
