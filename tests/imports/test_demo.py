import datetime
import random

import pytest
from django_scopes import scopes_disabled

from peercircle.core.models import Activity
from peercircle.imports import demo
from peercircle.imports.models import ImportRun
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_imports_a_register_once(member):
    org = factories.OrganisationFactory(slug="svet-kazan")
    member("coordinator", organisation=org)
    member("volunteer", organisation=org)
    for _ in range(2):
        demo.load({"svet-kazan": org}, random.Random(1), datetime.date.today())
    with scopes_disabled():
        run = ImportRun.objects.get(organisation=org)
        assert (run.summary["written"], run.summary["rejected"]) == (40, 1)
        assert Activity.objects.filter(organisation=org, external_id__startswith="reg-").count() == 40
