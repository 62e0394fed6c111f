from django.db import migrations

# The first release stored the shipped crisis words as rows without a network; they now live in
# consulting/crisis_lexicon.py (0005 removes rows an earlier run of this migration left).


class Migration(migrations.Migration):
    dependencies = [("consulting", "0001_initial")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
