"""Writes of consultations: requests for help and their routing (requests.py), supervision,
intervision and case reviews."""

from peercircle.consulting.services.requests import (
    _assignable_validate,
    crisis_term_add,
    crisis_term_remove,
    help_request_assign,
    help_request_close,
    help_request_escalate,
    help_request_reopen,
    help_request_submit,
    network_member_for,
    routing_bulk_confirm,
)

__all__ = [
    'help_request_reopen',
    'help_request_close',
    '_assignable_validate', 'crisis_term_add', 'crisis_term_remove', 'help_request_assign',
    'help_request_escalate', 'help_request_submit', 'network_member_for', 'routing_bulk_confirm',
]
