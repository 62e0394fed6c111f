"""Writes of the mentoring programme, one module per part: the programme and its outcome taxonomy,
mentors from application to admission, families and pairs with their agreements, curation and
monitoring, outcomes."""

from peercircle.mentoring.services.curation import (
    _date_in_pair,
    _family_participants,
    club_meeting_record,
    monitoring_record,
    pair_event_log,
)
from peercircle.mentoring.services.mentors import (
    _volunteer_activate,
    mentor_admit,
    mentor_apply,
    mentor_diagnose,
    mentor_register,
    mentor_update,
    school_hours,
)
from peercircle.mentoring.services.outcomes import outcome_record
from peercircle.mentoring.services.pairs import (
    _add_months,
    _agreement_validate,
    agreement_attach_copy,
    agreement_conclude,
    agreement_end_default,
    agreement_renew,
    family_enrol,
    pair_close,
    pair_match,
)
from peercircle.mentoring.services.programme import (
    outcome_type_save,
    programme_ensure,
    programme_update,
    template_publish,
)

__all__ = [
    '_add_months', '_agreement_validate', '_date_in_pair', '_family_participants',
    '_volunteer_activate', 'agreement_attach_copy', 'agreement_conclude', 'agreement_end_default',
    'agreement_renew', 'club_meeting_record', 'family_enrol', 'mentor_admit', 'mentor_apply',
    'mentor_diagnose', 'mentor_register', 'mentor_update', 'monitoring_record', 'outcome_record',
    'outcome_type_save', 'pair_close', 'pair_event_log', 'pair_match', 'programme_ensure',
    'programme_update', 'school_hours', 'template_publish',
]
