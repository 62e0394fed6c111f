import random

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.demo import demo_load
from peercircle.organisations.models import Organisation
from peercircle.reporting import compute
from peercircle.reporting import demo as reporting_demo
from peercircle.reporting.models import Project


@pytest.mark.django_db
def test_the_demo_has_a_project_per_seed_organisation_with_live_figures():
    demo_load()
    with scopes_disabled():
        organisations = {o.slug: o for o in Organisation.objects.all()}
    reporting_demo.load(organisations, random.Random(1), timezone.localdate())  # idempotent
    with scopes_disabled():
        projects = {p.organisation.slug: p for p in Project.objects.select_related("organisation")}
        assert set(projects) == {"ryadom", "vmeste-samara", "teply-dom", "angara-family",
                                 "ops-razem"}
        assert Project.objects.count() == 5
        names = {r.indicator.name: r for r in compute.project_results(projects["ryadom"])}
        # a Russian organisation's indicators are named in Russian (issue 12 item 10)
        assert names["Индивидуальные супервизии"].target == 50
        assert projects["ryadom"].member_organisations.exists()
        assert projects["vmeste-samara"].calendar_plan is not None
        for project in projects.values():
            results = compute.project_results(project)
            assert results and any(r.actual > 0 for r in results), project.title
