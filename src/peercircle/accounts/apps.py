from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default = True
