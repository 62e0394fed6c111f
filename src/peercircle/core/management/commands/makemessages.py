"""Django's makemessages, also extracting `_l(...)`: the hooks modules write lazy labels (menu
entries, metrics) as `gettext_lazy as _l`, which xgettext does not know by default."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_l"]
