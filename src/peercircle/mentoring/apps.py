from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")
    default = True
