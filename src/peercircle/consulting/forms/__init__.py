"""Forms of consultations: requests and crisis words, the consultation log, supervision, reviews."""

from peercircle.consulting.forms.requests import (
    CrisisTermForm,
    RequestForm,
)

__all__ = [
    'CrisisTermForm', 'RequestForm',
]
