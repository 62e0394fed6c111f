from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "peercircle.core"
    label = "core"
    verbose_name = _("Core")
    default = True

    def ready(self) -> None:
        from peercircle.core import checks, freshness, registry  # noqa: F401 (checks register themselves)

        freshness.watch()
        registry.discover()
