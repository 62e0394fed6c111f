from django.db import migrations


def load_terms(apps, schema_editor):
    from peercircle.consulting.crisis import DEFAULT_TERMS

    term_model = apps.get_model("consulting", "CrisisTerm")
    for language, terms in DEFAULT_TERMS.items():
        for term in terms:
            term_model.objects.get_or_create(network=None, language=language, term=term)


class Migration(migrations.Migration):
    dependencies = [("consulting", "0001_initial")]
    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
