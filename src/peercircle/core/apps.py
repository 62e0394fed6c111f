from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.core"
    label = "core"
    verbose_name = _("Core")
    default = True

    def ready(self) -> None:
        from peercircle.core import freshness, registry

        freshness.watch()
        registry.discover()
