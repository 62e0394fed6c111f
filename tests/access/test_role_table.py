"""The role table against a reviewed snapshot, so a changed grant shows up in review.

The access matrix derives its expected answers from the role table itself; this test does not:
`role_table.json` is written out by hand review (role → sorted permissions). Changing a grant means
changing that file in the same commit, where the reviewer sees it.
"""

import json
from pathlib import Path

from peercircle.core.access import ROLE_PERMISSIONS

SNAPSHOT = Path(__file__).with_name("role_table.json")


def test_role_table_matches_the_reviewed_snapshot():
    reviewed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assembled = {str(role): sorted(granted) for role, granted in ROLE_PERMISSIONS.items()}
    assert assembled.keys() == reviewed.keys()
    for role, permissions in reviewed.items():
        assert assembled[role] == permissions, role


def test_no_role_outside_casework_may_open_identities():
    reviewed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    holders = {role for role, permissions in reviewed.items() if "people.view_identity" in permissions}
    assert holders == {"coordinator", "staff"}
