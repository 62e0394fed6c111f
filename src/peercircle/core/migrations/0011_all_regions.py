"""Every federal subject of Russia (ISO 3166-2:RU) beside the sixteen Polish voivodeships."""

from django.db import migrations


def load_reference(apps, schema_editor):
    from peercircle.core import reference

    reference.load(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0010_programme_archive")]

    operations = [migrations.RunPython(load_reference, migrations.RunPython.noop)]
