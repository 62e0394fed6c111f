from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.training"
    label = "training"
    verbose_name = _("Training")
    default = True
