"""Issue 13 item 5: code leaves the organisation scope only where docs/adr/0007 allows it, and
every organisation-owned model has a scoped manager (or the ADR says why not)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django_scopes.exceptions import ScopeError

SOURCE = Path(__file__).resolve().parents[2] / "src" / "peercircle"
ADR = (Path(__file__).resolve().parents[2] / "docs" / "adr"
       / "0007-where-code-leaves-the-organisation-scope.md")

# module (relative to src/peercircle) → its category in ADR 0007
ALLOWED = {
    "core/middleware.py": "entry",
    "core/jobs.py": "entry",
    "consulting/services/requests.py": "entry",
    "consulting/views/requests.py": "entry",
    "mentoring/services/mentors.py": "entry",
    "volunteers/services.py": "entry",
    "events/views/public.py": "entry",
    "events/management/commands/events_send_reminders.py": "entry",
    "people/management/commands/_subject.py": "entry",
    "people/management/commands/retention_run.py": "entry",
    "people/management/commands/subject_erase.py": "entry",
    "people/management/commands/subject_export.py": "entry",
    "reporting/management/commands/report.py": "entry",
    "imports/management/commands/import.py": "entry",
    "organisations/administration.py": "entry",
    "imports/importers/organisations.py": "entry",
    "library/selectors.py": "network",
    "demo.py": "entry",
    "events/demo.py": "entry",
    "groups/demo.py": "entry",
    "imports/demo.py": "entry",
    "mentoring/demo.py": "entry",
    "reporting/demo.py": "entry",
    "organisations/selectors.py": "token",
    "events/selectors.py": "token",
    "core/audit.py": "token",
    "core/freshness.py": "token",
    "consulting/services/supervision.py": "network",
    "groups/selectors.py": "network",
    "mentoring/selectors.py": "network",
    "mentoring/views.py": "network",
    "organisations/network.py": "network",
    "reporting/compute.py": "network",
    "reporting/network.py": "network",
    "reporting/subject_data.py": "network",
    "people/rights/services.py": "network",
    "core/cleanup.py": "maintenance",
}
UNSCOPED_MODELS = {"organisations.Membership", "library.CommunityDocument", "library.Signature",
                   "training.Competency", "organisations.NetworkInvitation"}
LEAVING = re.compile(r"\bscopes_disabled\b|\bscope\(")


def _modules_leaving_the_scope() -> set[str]:
    found = set()
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        if LEAVING.search(path.read_text(encoding="utf-8")):
            found.add(path.relative_to(SOURCE).as_posix())
    return found


def test_code_leaves_the_organisation_scope_only_where_the_adr_allows():
    unlisted = _modules_leaving_the_scope() - ALLOWED.keys()
    assert unlisted == set(), f"not allowed by docs/adr/0007: {sorted(unlisted)}"


def test_the_allowlist_has_no_stale_entry_and_every_category_is_in_the_adr():
    assert ALLOWED.keys() <= _modules_leaving_the_scope()
    text = ADR.read_text(encoding="utf-8")
    for category in set(ALLOWED.values()):
        assert f"**{category}**" in text


def _organisation_owned_models():
    for model in apps.get_models():
        if not model.__module__.startswith("peercircle."):
            continue
        if any(field.many_to_one and field.name == "organisation"
               for field in model._meta.get_fields()):
            yield model


@pytest.mark.django_db
def test_every_organisation_owned_model_is_scoped_or_named_in_the_adr():
    text = ADR.read_text(encoding="utf-8")
    unscoped = set()
    for model in _organisation_owned_models():
        try:
            list(model.objects.all()[:1])
        except ScopeError:
            continue
        unscoped.add(model._meta.label)
    assert unscoped == UNSCOPED_MODELS
    for label in UNSCOPED_MODELS:
        assert f"`{label}`" in text
