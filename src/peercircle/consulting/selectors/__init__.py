"""Reads of consultations: requests and the routing queue (requests.py), and consultants' work and
figures (consultations.py)."""

from peercircle.consulting.selectors.requests import (
    LOAD_WINDOW,
    Proposal,
    bulk_proposal,
    consultants_with_load,
    need_of,
    offer_of,
    offers_for,
    proposals,
    request_get_for,
    request_outcomes,
    request_queue,
)

__all__ = [
    'request_outcomes',
    'LOAD_WINDOW', 'Proposal', 'bulk_proposal', 'consultants_with_load', 'need_of', 'offer_of',
    'offers_for', 'proposals', 'request_get_for', 'request_queue',
]
