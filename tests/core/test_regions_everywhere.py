"""Every activity records a region (issue 14): supervision, reviews, training and initiatives
carry one, chosen or the organisation's own where it works in one region."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope

from peercircle.consulting.services.reviews import review_hold, review_plan
from peercircle.consulting.services.supervision import (
    supervision_complete,
    supervision_schedule,
)
from peercircle.core.models import Region
from peercircle.training import services as training
from peercircle.training.models import Course
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_review_and_a_training_session_count_in_the_region_chosen(org, member):
    samara, tatarstan = Region.objects.get(code="ru-sam"), Region.objects.get(code="ru-ta")
    org.regions.set([samara, tatarstan])  # several regions: the form's choice decides
    coordinator = member("coordinator")
    volunteer = factories.VolunteerFactory(organisation=org, stage="screened")
    with scope(organisation=org):
        review = review_plan(actor=coordinator, organisation=org, kind="intervision",
                             title="Границы", date=timezone.localdate(), duration_minutes=90,
                             format="online", participants=[coordinator], region=tatarstan)
        review = review_hold(actor=coordinator, review=review, attended=[coordinator])
        assert review.activity.region == tatarstan
        course = Course.objects.create(organisation=org, title="Школа", minimum_hours=10)
        session = training.session_plan(actor=coordinator, course=course, topic="Этика",
                                        date=timezone.localdate(), duration_minutes=120,
                                        format="in_person", region=samara)
        enrolment = training.enrol(actor=coordinator, course=course, volunteer=volunteer)
        session = training.session_hold(actor=coordinator, session=session, present=[enrolment])
        assert session.activity.region == samara


def test_a_supervision_counts_in_the_organisations_one_region_by_default(org, member):
    samara = Region.objects.get(code="ru-sam")
    org.regions.set([samara])
    supervisor, volunteer = member("supervisor"), member("volunteer")
    with scope(organisation=org):
        supervision = factories.SupervisionFactory(organisation=org, volunteer=volunteer)
        supervision_schedule(actor=supervisor, supervision=supervision, format="online",
                             scheduled_for=timezone.now() + datetime.timedelta(minutes=5))
        supervision = supervision_complete(actor=supervisor, supervision=supervision,
                                           attended=True)
        assert supervision.activity.region == samara
