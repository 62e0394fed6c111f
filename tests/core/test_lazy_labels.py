"""Menu entries and metrics are labelled with `_l(...)` (gettext_lazy) in the hooks modules;
every such label is in the catalogues and translated (xgettext once missed them: "Requests",
"Documents" and "Projects and indicators" showed in English in Russian menus)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

SOURCE = Path(__file__).resolve().parents[2] / "src" / "peercircle"
LAZY = re.compile(r'\b_l\(\s*"((?:[^"\\]|\\.)*)"')


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_every_lazy_label_is_translated(language):
    catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"))
    translated = {e.msgid for e in catalogue.translated_entries()}
    labels = {m.group(1) for path in SOURCE.rglob("*.py") for m in LAZY.finditer(path.read_text())}
    assert labels and labels - translated == set()
