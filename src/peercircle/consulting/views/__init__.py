"""Pages of consultations: requests for help and routing, consultations (requests.py), supervision,
and intervision and case reviews."""

from peercircle.consulting.views.requests import (
    CRISIS_SESSION_KEY,
    REQUESTS_PER_HOUR,
    _request_data,
    bulk_routing,
    consultation_figures,
    consultation_new,
    crisis_term_remove,
    crisis_terms,
    my_consultations,
    queue,
    request_assign,
    request_detail,
    request_escalate,
    request_help,
    request_help_network,
    request_thanks,
)

__all__ = [
    'CRISIS_SESSION_KEY', 'REQUESTS_PER_HOUR', '_request_data', 'bulk_routing',
    'consultation_figures', 'consultation_new', 'crisis_term_remove', 'crisis_terms',
    'my_consultations', 'queue', 'request_assign', 'request_detail', 'request_escalate',
    'request_help', 'request_help_network', 'request_thanks',
]
