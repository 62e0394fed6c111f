"""Writes for events, one module per part: calendar plans, events and their programme, registration
with capacity and a waiting list, cancellation with promotion, attendance that keeps the ledger
in step, feedback, reminders and private calendar feeds. Mail is sent on commit, in the
registrant's language."""

from peercircle.events.services.attendance import _ledger_sync, attendance_mark, attendance_set
from peercircle.events.services.events import (
    EVENT_M2M,
    _event_validate,
    _has_control_characters,
    event_create,
    event_update,
    header_safe,
    logger,
    session_add,
)
from peercircle.events.services.feedback import feedback_give
from peercircle.events.services.feeds import feed_create, feed_revoke
from peercircle.events.services.plans import _item_validate, plan_create, plan_item_add, plan_item_update
from peercircle.events.services.registration import (
    SUBJECTS,
    EventFull,
    _mail,
    _promote,
    _registration_validate,
    confirmed_count,
    places_left,
    registration_cancel,
    registration_create,
    registration_link,
    registration_link_account,
    registration_url,
    waiting_position,
)
from peercircle.events.services.reminders import _send_claimed, feedback_requests_send, reminders_send

__all__ = [
    'EVENT_M2M', 'EventFull', 'SUBJECTS', '_event_validate', '_has_control_characters',
    '_item_validate', '_ledger_sync', '_mail', '_promote', '_registration_validate',
    '_send_claimed', 'attendance_mark', 'attendance_set', 'confirmed_count', 'event_create',
    'event_update', 'feed_create', 'feed_revoke', 'feedback_give', 'feedback_requests_send',
    'header_safe', 'logger', 'places_left', 'plan_create', 'plan_item_add', 'plan_item_update',
    'registration_cancel', 'registration_create', 'registration_link', 'registration_link_account',
    'registration_url', 'reminders_send', 'session_add', 'waiting_position',
]
