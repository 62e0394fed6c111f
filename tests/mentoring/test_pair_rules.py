"""Issue 13 item 7: who may do what to one pair, as object permissions (mentoring/rules.py),
written from the programme's rules (seed 003), not from the code."""

from types import SimpleNamespace

import pytest

from peercircle.mentoring import permissions as perm
from peercircle.mentoring.rules import PairAccess, pair_abilities

HERE, ELSEWHERE = SimpleNamespace(pk=1), SimpleNamespace(pk=2)
MENTOR, CURATOR, COORDINATOR = SimpleNamespace(pk=10), SimpleNamespace(pk=11), SimpleNamespace(pk=12)
PAIR = SimpleNamespace(organisation_id=1,
                       mentor=SimpleNamespace(volunteer=SimpleNamespace(user_id=MENTOR.pk)))
MENTOR_PERMS = frozenset({perm.VIEW_MENTORING, perm.LOG_MENTOR_MEETING})
CURATOR_PERMS = frozenset({perm.VIEW_MENTORING, perm.CURATE})
COORDINATOR_PERMS = frozenset({perm.VIEW_MENTORING, perm.CURATE, perm.MANAGE_MENTORING})


@pytest.mark.parametrize("user,organisation,permissions,full,expected", [
    # the mentor logs their own meetings; nothing else
    (MENTOR, HERE, MENTOR_PERMS, True,
     {"run": True, "manage": False, "curate": False, "log_own_meeting": True, "log_meeting": True}),
    # another mentor of the organisation: no meeting of a pair that is not theirs
    (SimpleNamespace(pk=99), HERE, MENTOR_PERMS, True,
     {"run": True, "manage": False, "curate": False, "log_own_meeting": False,
      "log_meeting": False}),
    # the curator works with the family
    (CURATOR, HERE, CURATOR_PERMS, True,
     {"run": True, "manage": False, "curate": True, "log_own_meeting": False,
      "log_meeting": False}),
    # the coordinator manages, curates and may log a meeting for the mentor
    (COORDINATOR, HERE, COORDINATOR_PERMS, True,
     {"run": True, "manage": True, "curate": True, "log_own_meeting": False,
      "log_meeting": True}),
    # the NGO party to the agreement, from its own organisation: reads, never writes
    (COORDINATOR, ELSEWHERE, COORDINATOR_PERMS, False,
     {"run": False, "manage": False, "curate": False, "log_own_meeting": False,
      "log_meeting": False}),
])
def test_what_each_party_may_do_to_a_pair(user, organisation, permissions, full, expected):
    assert pair_abilities(user, PairAccess(PAIR, organisation, permissions, full)) == expected
