from django.db import migrations


def drop_shipped_rows(apps, schema_editor):
    """The shipped words live in consulting/crisis_lexicon.py and always apply; the rows the
    first release stored without a network are no longer read. Networks' own rows stay."""
    apps.get_model("consulting", "CrisisTerm").objects.filter(network__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("consulting", "0004_groupreview")]
    operations = [migrations.RunPython(drop_shipped_rows, migrations.RunPython.noop)]
