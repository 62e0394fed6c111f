from django.db import migrations


def load_terms(apps, schema_editor):
    from peercircle.consulting.crisis import load_default_terms

    load_default_terms(apps)


class Migration(migrations.Migration):
    dependencies = [("consulting", "0001_initial")]
    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
