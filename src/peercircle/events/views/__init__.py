"""Pages of events, one module per part: events inside the organisation, attendance on a phone,
feedback results, the private calendar feed, calendar plans, and the public pages (outside
/o/<org>/)."""

from peercircle.events.views.attendance import (
    _chosen_day,
    _event_for_attendance,
    _to_attendance,
    attendance,
    attendance_all,
    attendance_toggle,
)
from peercircle.events.views.common import (
    PUBLIC_POST_RATE,
    PUBLIC_READ_RATE,
    _ics_response,
    _limited,
    _to_event,
)
from peercircle.events.views.feed import feed
from peercircle.events.views.feedback import feedback_results
from peercircle.events.views.manage import (
    _event_form_page,
    event_detail,
    event_edit,
    event_ics,
    event_list,
    event_new,
    registration_cancel,
    registration_link,
)
from peercircle.events.views.plans import _timeline, plan_detail, plan_item_edit, plan_list
from peercircle.events.views.public import calendar_feed, public_ics, register, registration_page

__all__ = [
    'PUBLIC_POST_RATE', 'PUBLIC_READ_RATE', '_chosen_day', '_event_for_attendance',
    '_event_form_page', '_ics_response', '_limited', '_timeline', '_to_attendance', '_to_event',
    'attendance', 'attendance_all', 'attendance_toggle', 'calendar_feed', 'event_detail',
    'event_edit', 'event_ics', 'event_list', 'event_new', 'feed', 'feedback_results', 'plan_detail',
    'plan_item_edit', 'plan_list', 'public_ics', 'register', 'registration_cancel',
    'registration_link', 'registration_page',
]
