import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from peercircle.core.models import Activity
from peercircle.training import services
from peercircle.training.selectors import hours_of
from peercircle.volunteers.models import Stage
from tests import factories
from tests.clock import today

pytestmark = pytest.mark.django_db


def test_a_mentor_school_counts_hours_and_completes_at_the_minimum(org, coordinator):
    with scope(organisation=org):
        school = services.course_create(actor=coordinator, organisation=org,
                                        title="Mentor School", minimum_hours=Decimal("10"))
        applicant = factories.VolunteerFactory(organisation=org, stage=Stage.SCREENED)
        enrolment = services.enrol(actor=coordinator, course=school, volunteer=applicant)
        applicant.refresh_from_db()
        assert applicant.stage == Stage.IN_TRAINING
        sessions = [services.session_plan(actor=coordinator, course=school, topic=f"Day {i}",
                                          date=today() - datetime.timedelta(days=5 - i),
                                          duration_minutes=180, format="in_person")
                    for i in range(4)]
        for session in sessions[:3]:
            services.session_hold(actor=coordinator, session=session, present=[enrolment])
        assert hours_of(enrolment) == Decimal("9.0")
        with pytest.raises(ValidationError, match="9.0 of 10"):
            services.enrolment_complete(actor=coordinator, enrolment=enrolment)
        services.session_hold(actor=coordinator, session=sessions[3], present=[enrolment])
        services.enrolment_complete(actor=coordinator, enrolment=enrolment)
        assert enrolment.completed_on == today()
        assert Activity.objects.filter(kind="training_session").count() == 4


def test_enrolment_rules(org, coordinator):
    with scope(organisation=org):
        course = services.course_create(actor=coordinator, organisation=org, title="Seminar")
        applicant = factories.VolunteerFactory(organisation=org, stage=Stage.APPLIED)
        with pytest.raises(ValidationError, match="screened or active"):
            services.enrol(actor=coordinator, course=course, volunteer=applicant)
        active = factories.VolunteerFactory(organisation=org, stage=Stage.ACTIVE)
        services.enrol(actor=coordinator, course=course, volunteer=active)
        with pytest.raises(ValidationError, match="already enrolled"):
            services.enrol(actor=coordinator, course=course, volunteer=active)


def test_attendance_is_recorded_once_and_not_in_advance(org, coordinator):
    with scope(organisation=org):
        course = services.course_create(actor=coordinator, organisation=org, title="Seminar")
        enrolment = services.enrol(actor=coordinator, course=course, volunteer=factories.VolunteerFactory(
            organisation=org, stage=Stage.ACTIVE))
        future = services.session_plan(actor=coordinator, course=course, topic="Later",
                                       date=today() + datetime.timedelta(days=2),
                                       duration_minutes=60, format="online")
        with pytest.raises(ValidationError, match="before its date"):
            services.session_hold(actor=coordinator, session=future, present=[enrolment])
        current = services.session_plan(actor=coordinator, course=course, topic="Now", date=today(),
                                        duration_minutes=60, format="online")
        services.session_hold(actor=coordinator, session=current, present=[enrolment])
        with pytest.raises(ValidationError, match="already recorded"):
            services.session_hold(actor=coordinator, session=current, present=[enrolment])
